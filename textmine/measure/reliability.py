"""When a figure rests on too few occurrences to be read: the documented minimums.

Every headline figure carries the number of occurrences behind it. Below
these minimums a figure is still computed and listed, but the report greys it
and says why, and the terminal summary adds the same note:

* :data:`MIN_TII`: a document's Terminology Inconsistency Index needs at least
  20 occurrences (with fewer, one or two relations decide it, and a single
  relation worded one way gives 0.000);
* :data:`MIN_SIDE`: a families-versus-professionals comparison needs at least 5
  occurrences on *each* side (with 5 vs 1, one occurrence moves the
  difference by up to a whole level);
* :data:`MIN_DIVERGENCE`: a divergence between two documents needs at least 20
  occurrences in each (per relation as overall);
* :data:`MIN_CELL`: a duty-matrix cell (one relation of one document) needs at
  least 3 occurrences for its mean level and binding share to be read.

The functions return ``None`` when the figure may be read, else the reason in
a few words (``"fewer than 5 occurrences toward professionals (n = 1)"``).
"""

from __future__ import annotations

__all__ = [
    "MIN_CELL",
    "MIN_DIVERGENCE",
    "MIN_SIDE",
    "MIN_TII",
    "cell_note",
    "divergence_note",
    "side_note",
    "tii_note",
]

MIN_TII = 20
MIN_SIDE = 5
MIN_DIVERGENCE = 20
MIN_CELL = 3


def _few(minimum: int, what: str, n: int) -> str:
    return f"fewer than {minimum} {what} (n = {n})"


def tii_note(n: int) -> str | None:
    """Why a TII of ``n`` occurrences is not to be read, or ``None``."""
    return _few(MIN_TII, "occurrences", n) if n < MIN_TII else None


def side_note(n_family: int, n_professional: int, minimum: int = MIN_SIDE) -> str | None:
    """Why a families-versus-professionals figure is not to be read, or ``None``."""
    notes = [
        _few(minimum, f"occurrences toward {side}", n)
        for side, n in (("families", n_family), ("professionals", n_professional))
        if n < minimum
    ]
    return "; ".join(notes) or None


def divergence_note(n_a: int, n_b: int, minimum: int = MIN_DIVERGENCE) -> str | None:
    """Why a divergence of ``n_a`` against ``n_b`` occurrences is not to be read, or ``None``."""
    low = min(n_a, n_b)
    return _few(minimum, "occurrences in a document", low) if low < minimum else None


def cell_note(n: int) -> str | None:
    """Why a matrix cell of ``n`` occurrences is not to be read, or ``None``."""
    return _few(MIN_CELL, "occurrences", n) if n < MIN_CELL else None
