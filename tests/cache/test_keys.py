"""What cache keys depend on (textmine/cache/keys.py)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from textmine.cache import open_cache
from textmine.cache.keys import (
    default_cache_dir,
    document_key,
    lexicon_digests,
    model_identity,
    rows_key,
    source_digest,
)
from textmine.settings import DEFAULT_MODELS, Settings

ROOT = Path(__file__).resolve().parents[2]
SHA = "0" * 64


def test_document_key_follows_name_content_kind_and_settings() -> None:
    settings = Settings()
    base = document_key("act.pdf", SHA, None, settings)
    assert base == document_key("act.pdf", SHA, None, Settings())
    assert base != document_key("act.pdf", "1" * 64, None, settings)
    assert base != document_key("other.pdf", SHA, None, settings)
    assert base != document_key("act.pdf", SHA, "act", settings)
    assert base != document_key("act.pdf", SHA, None, settings.with_(keep_removed=True))
    assert base["source"] == source_digest(("extract", "text.py", "settings.py", "errors.py"))


def test_rows_key_follows_the_lexicon_files(tmp_path: Path) -> None:
    lexicons = tmp_path / "lex"
    shutil.copytree(ROOT / "lexicons", lexicons)
    settings = Settings(lexicon_dir=lexicons)
    doc = document_key("act.pdf", SHA, None, settings)
    before = rows_key(doc, settings)
    assert before is not None
    assert set(before["lexicons"]) == {"terms.jsonl", "actors.jsonl", "cues.jsonl", "groups.jsonl"}
    with (lexicons / "cues.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("\n")
    after = rows_key(doc, settings)
    assert after is not None and after != before
    assert after["lexicons"]["cues.jsonl"] != before["lexicons"]["cues.jsonl"]
    assert rows_key(doc, settings.with_(explain=True)) != after


def test_bundled_lexicons_are_found() -> None:
    assert set(lexicon_digests(None)) >= {"terms.jsonl", "actors.jsonl", "cues.jsonl"}


def test_model_identity_reads_meta_json_without_spacy() -> None:
    code = (
        "import json, sys\n"
        "from textmine.cache.keys import model_identity\n"
        f"ident = model_identity({DEFAULT_MODELS!r})\n"
        "print(json.dumps([ident, 'spacy' in sys.modules]))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    ident, imported = json.loads(done.stdout)
    assert imported is False
    assert ident["name"].startswith("en_core_web_sm") and ident["version"]
    assert model_identity(("no_such_model_xx",)) is None
    assert rows_key({}, Settings(models=("no_such_model_xx",))) is None


def test_cache_location(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("TEXTMINE_CACHE_DIR", str(tmp_path / "env"))
    assert default_cache_dir() == tmp_path / "env"
    monkeypatch.delenv("TEXTMINE_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "textmine"
    cache = open_cache(Settings(cache_dir=tmp_path / "mine"))
    assert cache is not None and cache.root == tmp_path / "mine"
    assert open_cache(Settings(use_cache=False)) is None
