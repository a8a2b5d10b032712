"""Progress bars of long steps (textmine/progress.py)."""

from __future__ import annotations

import pytest

from textmine.progress import steps


@pytest.mark.parametrize("enabled", [False, True])
def test_steps_yield_every_item_and_stay_quiet_unless_enabled(
    enabled: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    with steps(enabled) as progress:
        assert list(progress.track([1, 2, 3], "Reading")) == [1, 2, 3]
        with progress.bar("Tagging", 10) as advance:
            advance(4)
            advance(6)
        with progress.status("Measuring"):
            pass
    out = capsys.readouterr()
    assert out.out == ""
    assert ("Tagging" in out.err) is enabled
