"""``textmine diff`` of two different documents: the SI and its guide.

Most provisions pair with nothing. The heading counts only the changes to
paired provisions; the unpaired provisions are counted, and those holding a
partnership term are listed after the changes, collapsed.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest

from tests.conftest import HOMES_GUIDE_PDF, SI_PDF, need
from tests.report.conftest import artifact
from textmine.diff import diff
from textmine.diff.report import render_diff

pytestmark = pytest.mark.slow


def test_si_against_its_guide(nlp: Any, tmp_path: Any) -> None:
    result = diff(need(SI_PDF), need(HOMES_GUIDE_PDF), nlp=nlp)
    pairing = result.pairing()
    assert pairing["paired"] + pairing["only_old"] == len(result.old.provisions)
    assert pairing["paired"] + pairing["only_new"] == len(result.new.provisions)
    assert pairing["only_old"] + pairing["only_new"] > 10 * pairing["paired"]
    changes, unpaired = result.paired_changes(), result.unpaired_records()
    assert len(changes) + len(unpaired) == len(result.records)
    assert len(unpaired) == pairing["only_old"] + pairing["only_new"]
    assert all(r["scope"] == "provision" and r["kind"] in ("added", "deleted") for r in unpaired)
    html = render_diff(result, out_dir=tmp_path)
    heading = re.search(r"<header class=\"site\">.*?</header>", html, re.S)
    assert heading is not None
    assert f"<strong>{len(changes)} changes in the language of partnership</strong>" in heading[0]
    assert (
        f"<strong>{pairing['only_old']} provisions only in the earlier version and "
        f"{pairing['only_new']} only in the new</strong> are not counted as changes"
    ) in heading[0]
    # changes to paired provisions first; the unpaired ones after them, inside a closed details
    changes_part, unpaired_part = html.split('<details class="unpaired" id="unpaired">')
    assert changes_part.count('<article class="change"') > 0
    assert unpaired_part.count('<article class="change"') == pairing["unpaired_with_terms"]
    assert pairing["unpaired_with_terms"] < len(unpaired)  # the term-less ones only counted
    assert f"All {len(changes)} changes shown." in changes_part
    artifact("diff-si-guide.json").write_text(
        json.dumps(
            {
                **pairing,
                "changes": len(changes),
                "records": len(result.records),
                "summary": result.summary(),
            },
            indent=1,
        )
    )
