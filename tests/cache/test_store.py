"""The verified on-disk store (textmine/cache/store.py)."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest

from textmine.cache.store import MAGIC, Cache, key_digest

KEY = {"file_sha256": "ab" * 32, "kind": None}


def test_put_then_get_gives_the_payload_back(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    path = cache.put("document", KEY, b"payload bytes")
    assert path is not None and path.is_file()
    assert path.read_bytes().startswith(MAGIC)
    assert cache.get("document", KEY) == b"payload bytes"
    assert (cache.hits, cache.misses) == (1, 0)


def test_kinds_and_keys_name_different_entries(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put("document", KEY, b"a")
    assert cache.get("rows", KEY) is None
    assert cache.get("document", {**KEY, "kind": "act"}) is None
    assert key_digest({"b": 1, "a": 2}) == key_digest({"a": 2, "b": 1})


def test_json_entries(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    cache.put_json("rows", KEY, {"rows": [{"term": "consult", "page": None}]})
    assert cache.get_json("rows", KEY) == {"rows": [{"term": "consult", "page": None}]}


@pytest.mark.parametrize(
    "damage",
    [
        lambda data: data[:-3],  # truncated payload
        lambda data: data[:10],  # truncated header
        lambda data: data[:-1] + bytes([data[-1] ^ 1]),  # one bit flipped
        lambda data: b"",  # emptied
        lambda data: b"not a cache entry" + data,  # foreign file
    ],
)
def test_a_damaged_entry_is_logged_deleted_and_never_served(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, damage: object
) -> None:
    cache = Cache(tmp_path)
    path = cache.put("rows", KEY, b'{"rows": []}')
    assert path is not None
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    with caplog.at_level(logging.WARNING, logger="textmine.cache.store"):
        assert cache.get("rows", KEY) is None
    assert "corrupt or truncated; deleted, recomputing" in caplog.text
    assert not path.exists()
    assert cache.misses == 1


def test_a_payload_that_is_not_json_counts_as_corrupt(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    path = cache.put("rows", KEY, b"\xff not json")
    assert cache.get_json("rows", KEY) is None
    assert path is not None and not path.exists()


def test_an_unwritable_cache_only_warns(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the cache folder should be")
    cache = Cache(blocker)
    with caplog.at_level(logging.WARNING, logger="textmine.cache.store"):
        assert cache.put("rows", KEY, b"x") is None
    assert "not written" in caplog.text
    assert cache.get("rows", KEY) is None


def test_writes_leave_no_temporary_files(tmp_path: Path) -> None:
    cache = Cache(tmp_path)
    for n in range(3):
        cache.put("rows", {"n": n}, b"x" * 1000)
    leftovers = [name for _, _, files in os.walk(tmp_path) for name in files if ".tmp-" in name]
    assert leftovers == []
