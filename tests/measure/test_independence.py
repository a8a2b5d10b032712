"""The measures stand alone: no import of the tagger (textmine.nlp) or the readers."""

from __future__ import annotations

import subprocess
import sys


def test_measure_imports_neither_the_tagger_nor_spacy() -> None:
    code = (
        "import sys, textmine.measure, textmine.measure.comparability, textmine.groups\n"
        "bad = sorted(m for m in sys.modules if m.startswith(('textmine.nlp', 'spacy')))\n"
        "print(','.join(bad))"
    )
    found = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.strip()
    assert found == ""
