"""Bytes to text (textmine/extract/decoding.py): NUL bytes, control characters.

Encodings and binary files are also tested through the reader in
tests/extract/test_plaintext.py and through the CLI in tests/test_cli_hostile_inputs.py.
"""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from textmine.errors import InputError
from textmine.extract import plaintext
from textmine.extract.decoding import decode


def test_a_few_nul_bytes_are_removed_with_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "nul.txt"
    path.write_bytes(b"1.1 The parent\x00 is consulted.\r\r1.2 Then\x00 informed.\n")
    with caplog.at_level(logging.WARNING, logger="textmine.extract.decoding"):
        doc = plaintext.read(path)
    assert [(p.ref, p.text) for p in doc] == [
        ("1.1", "The parent is consulted."),
        ("1.2", "Then informed."),
    ]
    assert caplog.messages == [f"{path}: removed 2 NUL byte(s)"]


def test_control_characters_are_counted_in_bytes_and_text_alike(tmp_path: Path) -> None:
    """Up to one in a hundred (at least two) is text; more is binary, NUL or not."""
    ok = ("1.1 Line one.\x0b" + "x" * 300 + "\x1b.\n").encode()
    assert decode(ok, tmp_path / "ok.txt").startswith("1.1")
    with pytest.raises(InputError, match="binary content"):
        decode(b"1.1 \x01\x02\x00 three controls.\n", tmp_path / "bad.txt")
