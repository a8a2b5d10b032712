"""Model loading: cached pipelines, the component in place, a clear error without a model."""

from __future__ import annotations

import pytest

from textmine.errors import ModelNotFoundError
from textmine.nlp.pipeline import COMPONENT, load_pipeline
from textmine.settings import Settings


def test_pipeline_has_parser_and_component_and_no_ner(nlp) -> None:
    assert nlp.pipe_names[-1] == COMPONENT
    assert "parser" in nlp.pipe_names and "lemmatizer" in nlp.pipe_names
    assert "ner" not in nlp.pipe_names
    assert load_pipeline() is nlp


def test_no_model_gives_an_install_hint() -> None:
    with pytest.raises(ModelNotFoundError) as caught:
        load_pipeline(Settings(models=("no_such_model_xx",)))
    assert "tried no_such_model_xx" in str(caught.value)
    assert "pip install" in str(caught.value)
    assert caught.value.exit_code == 4
