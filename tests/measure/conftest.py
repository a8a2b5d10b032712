"""Shared fixtures of the measure tests: an Act and a guidance document, hand-built rows."""

from __future__ import annotations

import pandas as pd
import pytest

from tests.measure.factory import frame, occ


@pytest.fixture(scope="module")
def act() -> pd.DataFrame:
    """Three occurrences of an enacting text (document ``act``)."""
    return frame(
        occ("s.19(1)", "have regard to", ["parent"]),  # strength 4*2+3 = 11
        occ("s.19(2)", "consult", ["parent"]),  # 11
        occ("s.20", "inform", ["education"]),  # 7
    )


@pytest.fixture(scope="module")
def guide() -> pd.DataFrame:
    """Five occurrences of guidance (document ``guide``) that cites the Act's sections."""
    g = "guide"
    return frame(
        occ(
            "1.1",
            "consult",
            ["parent"],
            doc=g,
            modality="should",
            sentence="Section 19 means the local authority should consult parents.",
        ),  # 10
        occ(
            "1.2",
            "inform",
            ["education"],
            doc=g,
            actor="unspecified",
            voice="passive",
            text="informed",
            sentence="Under sections 19 and 20 schools must be informed.",
        ),  # 7
        occ("1.3", "involve", ["young_person"], doc=g),  # 15
        occ("1.4", "cooperate", ["education"], doc=g),  # 19
        occ(
            "1.5",
            "inform",
            ["parent"],
            doc=g,
            modality="may",
            sentence="Under section 17 of the Children Act 1989 it may inform parents.",
        ),  # 5
    )
