"""Provision references of Acts, Bills and statutory instruments, and their labels.

A reference is built from the top-level number and the chain of bracketed
labels below it: ``s.27(3)(b)(ii)`` for an Act section, ``cl.12(3)(a)`` for a
Bill clause, ``reg.6(2)(a)`` for a regulation, and ``Sch 1 para 2(3)(a)`` for a
Schedule paragraph of any of them (``Sch para 2`` when the only Schedule has no
number). The labels' kinds follow the drafting convention: numbers for
subsections or paragraphs ``(1)``, ``(1A)``; lower-case letters ``(a)``,
``(aa)``; lower-case roman numerals ``(i)``; capitals ``(A)``.

:func:`label_kinds` and :func:`follows` answer the two questions a parser asks
of a bracketed label: what it could be, and whether it continues a list.
``(i)`` is both the letter after ``(h)`` and the first roman numeral, so the
parser decides by context.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

#: Prefix of a top-level provision's number, per document kind.
TOP_PREFIX = {"act": "s.", "bill": "cl.", "si": "reg."}
LABEL_KINDS = ("number", "alpha", "roman", "upper")

_NUMBER = re.compile(r"(\d+)([A-Z]{0,2})")
_ALPHA = re.compile(r"[a-z]{1,3}")
_ROMAN = re.compile(r"(?=[ivxlcdm])m{0,3}(c[md]|d?c{0,3})(x[cl]|l?x{0,3})(i[xv]|v?i{0,3})")
_UPPER = re.compile(r"[A-Z]{1,2}")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def top_ref(
    kind: str, number: str, schedule: str | None = None, *, in_schedule: bool = False
) -> str:
    """The reference of a top-level provision.

    >>> top_ref("act", "27")
    's.27'
    >>> top_ref("si", "2", "1", in_schedule=True)
    'Sch 1 para 2'
    """
    if in_schedule or schedule is not None:
        return f"Sch {schedule} para {number}" if schedule else f"Sch para {number}"
    try:
        prefix = TOP_PREFIX[kind]
    except KeyError:
        raise ValueError(f"no provision prefix for kind {kind!r}") from None
    return f"{prefix}{number}"


def format_ref(
    kind: str,
    number: str,
    labels: Sequence[str] = (),
    *,
    schedule: str | None = None,
    in_schedule: bool = False,
) -> str:
    """The reference of a provision: its top-level ref followed by ``(label)`` for each label.

    >>> format_ref("act", "27", ["3", "b", "ii"])
    's.27(3)(b)(ii)'
    >>> format_ref("bill", "12", ["3", "a"])
    'cl.12(3)(a)'
    """
    return top_ref(kind, number, schedule, in_schedule=in_schedule) + "".join(
        f"({label})" for label in labels
    )


def roman_value(label: str) -> int | None:
    """The value of a lower-case roman numeral (``"iv"`` -> 4), or ``None``."""
    if not label or _ROMAN.fullmatch(label) is None:
        return None
    total = 0
    for index, char in enumerate(label):
        value = _ROMAN_VALUES[char]
        nxt = _ROMAN_VALUES[label[index + 1]] if index + 1 < len(label) else 0
        total += -value if value < nxt else value
    return total


def to_roman(value: int) -> str:
    """``value`` (1..3999) as a lower-case roman numeral."""
    if not 0 < value < 4000:
        raise ValueError(f"no roman numeral for {value}")
    out = []
    for number, numeral in (
        (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
        (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
    ):  # fmt: skip
        while value >= number:
            out.append(numeral)
            value -= number
    return "".join(out)


def label_kinds(label: str) -> tuple[str, ...]:
    """Which kinds of list ``label`` could belong to (``"i"`` -> alpha and roman)."""
    kinds = []
    if _NUMBER.fullmatch(label):
        kinds.append("number")
    if _ROMAN.fullmatch(label):
        kinds.append("roman")
    if _ALPHA.fullmatch(label) and (
        len(label) == 1 or "roman" not in kinds or len(set(label)) == 1
    ):
        kinds.append("alpha")
    if _UPPER.fullmatch(label):
        kinds.append("upper")
    return tuple(kinds)


def is_first(label: str, kind: str) -> bool:
    """True when ``label`` opens a list of ``kind`` (``1``, ``a``, ``i``, ``A``)."""
    return label == {"number": "1", "alpha": "a", "roman": "i", "upper": "A"}[kind]


def follows(previous: str, label: str, kind: str) -> bool:
    """True when ``label`` may come right after ``previous`` in a list of ``kind``.

    The next item (``b`` after ``a``, ``iv`` after ``iii``, ``4`` after ``3``)
    and inserted items (``1A`` after ``1``, ``1B`` after ``1A``, ``aa`` after
    ``a``, ``ab`` after ``aa``, ``b`` after ``aa``) follow; a gap of up to two
    numbers is allowed for numbered items (omitted or repealed provisions).
    """
    if kind == "number":
        prev, cur = _NUMBER.fullmatch(previous), _NUMBER.fullmatch(label)
        if not prev or not cur:
            return False
        pn, ps, cn, cs = int(prev[1]), prev[2], int(cur[1]), cur[2]
        if cn == pn:
            return bool(cs) and (not ps or _next_letters(ps) == cs)
        return (pn < cn <= pn + 3 and not cs) or (cn == pn + 1 and bool(cs))
    if kind == "roman":
        pv, cv = roman_value(previous), roman_value(label)
        return pv is not None and cv is not None and cv == pv + 1
    if kind in ("alpha", "upper"):
        if not label or not previous:
            return False
        if label == _next_letters(previous):
            return True
        if label == previous + ("a" if kind == "alpha" else "A"):
            return True  # inserted: (aa) after (a)
        if len(previous) == 2 and len(label) == 1:
            return label == _next_letters(previous[0])  # (b) after (aa)
        return False
    raise ValueError(f"unknown label kind {kind!r}")


def _next_letters(letters: str) -> str:
    """``a`` -> ``b``, ``aa`` -> ``ab``, ``A`` -> ``B``; ``z`` -> ``""`` (no successor)."""
    last = letters[-1]
    if last in "zZ":
        return ""
    return letters[:-1] + chr(ord(last) + 1)
