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


def test_a_failed_run_leaves_no_bars_behind(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(KeyboardInterrupt), steps(True) as progress:
        advance = progress.bar("Tagging", 10).__enter__()
        advance(4)
        raise KeyboardInterrupt
    assert capsys.readouterr().err == ""


@pytest.mark.parametrize("enabled", [False, True])
def test_a_meter_grows_as_work_is_found(enabled: bool, capsys: pytest.CaptureFixture[str]) -> None:
    with steps(enabled) as progress, progress.meter("Tagging provisions") as meter:
        meter.add(3)
        meter.advance(2)
        meter.add(4)
        meter.advance(5)
        assert meter.total == 7
    err = capsys.readouterr().err
    assert ("7/7" in err) is enabled
