"""Whether two documents are about the same provisions, so that comparing them means something.

The pairwise measures (term divergence, duties restated weaker or stronger,
the difference matrix) compare an enacting text A with guidance B. For two
unrelated documents (a benefits Act against adoption guidance) they would
still give numbers, and numbers that look meaningful. :func:`comparability`
decides, by a documented rule, whether the pair shares enough to be compared:

1. **Shared vocabulary.** Each document's text becomes counts of its content
   words (letters only, at least 4 of them, English stop words out); the
   similarity is the cosine of the two vectors of log-scaled counts
   (1 + ln count). Comparable documents reach :data:`MIN_VOCABULARY` (0.35):
   a set of regulations and their guide reach about 0.7, an Act and guidance
   on one of its sections about 0.4, an Act and unrelated guidance about
   0.2-0.3.
2. **A reference from B to A.** B names A's title at least once (compared
   with case, quotes, dashes and spaces folded; a leading "The", bracketed
   parts such as "(England)" kept but "(c. 22)" and trailing notes dropped:
   see :func:`title_forms`). When A has no title, B must instead cite at least
   :data:`MIN_CITED` distinct provisions that exist in A (``section 19``,
   ``regulation 6``; citations of another instrument by year are not counted,
   see :func:`textmine.measure.alignment.cited_provisions`).

Both must hold. The verdict carries the figures and, when the pair fails, a
plain sentence saying why.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import cache
from importlib import resources
from typing import Any

from textmine.measure.alignment import cited_provisions, ref_key

__all__ = [
    "MIN_CITED",
    "MIN_VOCABULARY",
    "Comparability",
    "comparability",
    "stop_words",
    "title_forms",
    "vocabulary_similarity",
]

#: Least vocabulary similarity of a comparable pair.
MIN_VOCABULARY = 0.35
#: Least number of A's provisions B must cite when A has no title.
MIN_CITED = 3
#: The stop words left out of the vocabulary (in ``textmine/measure/data``).
STOP_WORDS_FILE = "english_stop_words.txt"

_WORD = re.compile(r"[a-z]{4,}")
_FOLD = str.maketrans({"\u2018": "'", "\u2019": "'", "\u2013": "-", "\u2014": "-"})
#: Bracketed parts of a title that are not part of its name: chapter numbers, SI numbers.
_CITATION_NOTE = re.compile(r"\((?:\d{4}\s+)?(?:c\.|s\.?i\.?|si)\s*[\d/ ]+\)", re.IGNORECASE)


@dataclass(frozen=True)
class Comparability:
    """The verdict on one pair and the figures behind it."""

    doc_a: str
    doc_b: str
    vocabulary: float
    title_mentions: int
    cited: int
    comparable: bool
    reason: str | None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@cache
def stop_words() -> frozenset[str]:
    """scikit-learn's English stop words, from ``data/english_stop_words.txt`` (importing
    scikit-learn for them takes a second)."""
    text = (resources.files("textmine.measure") / "data" / STOP_WORDS_FILE).read_text("utf-8")
    return frozenset(
        line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    )


def _fold(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).translate(_FOLD).lower().split())


def word_counts(texts: Iterable[str]) -> Counter[str]:
    """Content-word counts of some texts (see the module docstring)."""
    stop = stop_words()
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(w for w in _WORD.findall(_fold(text)) if w not in stop)
    return counts


def vocabulary_similarity(texts_a: Iterable[str], texts_b: Iterable[str]) -> float:
    """Cosine of the log-scaled content-word counts of two documents, 0..1.

    >>> round(vocabulary_similarity(["parents must be consulted"], ["consult parents"]), 3)
    0.5
    """
    a, b = word_counts(texts_a), word_counts(texts_b)
    if not a or not b:
        return 0.0
    wa = {k: 1 + math.log(v) for k, v in a.items()}
    wb = {k: 1 + math.log(v) for k, v in b.items()}
    dot = sum(w * wb[k] for k, w in wa.items() if k in wb)
    norm = math.sqrt(sum(w * w for w in wa.values()) * sum(w * w for w in wb.values()))
    return dot / norm


def title_forms(title: str | None) -> list[str]:
    """The folded forms of a title that count as naming it (longest first).

    ``The Children's Homes (England) Regulations 2015 (SI 2015/541)`` gives
    ``children's homes (england) regulations 2015``; a title with a comma or
    a colon (``Local offer guidance, revised 2025``) also counts by its part
    before the first one, and one ending in a bracketed note (``Sample Act
    (textmine example)``) by its part before the note. Forms shorter than two
    words are dropped.
    """
    if not title:
        return []
    text = _fold(_CITATION_NOTE.sub(" ", title))
    forms = [text, re.split(r"[,:;]", text)[0], re.sub(r"\s*\([^()]*\)\s*$", "", text)]
    out = []
    for form in forms:
        form = re.sub(r"^the\s+", "", form.strip(" .-"))
        if len(form.split()) >= 2 and form not in out:
            out.append(form)
    return sorted(out, key=len, reverse=True)


def comparability(
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    *,
    doc_a: str,
    doc_b: str,
    title_a: str | None = None,
    refs_a: Iterable[str | None] = (),
    min_vocabulary: float = MIN_VOCABULARY,
    min_cited: int = MIN_CITED,
) -> Comparability:
    """Whether guidance B (``texts_b``) is about enacting text A (see the module docstring)."""
    vocabulary = vocabulary_similarity(texts_a, texts_b)
    folded_b = [_fold(t) for t in texts_b]
    forms = title_forms(title_a)
    mentions = sum(1 for t in folded_b if any(form in t for form in forms)) if forms else 0
    keys = {k for k in (ref_key(r) for r in refs_a) if k is not None}
    cited = {c for t in texts_b for c in cited_provisions(t, doc_a)} & keys
    refers = mentions > 0 if forms else len(cited) >= min_cited
    reasons = []
    if vocabulary < min_vocabulary:
        reasons.append(
            f"they share little vocabulary (similarity {vocabulary:.2f}, "
            f"below {min_vocabulary:.2f})"
        )
    if not refers:
        reasons.append(
            "the second never names the first"
            if forms
            else f"the second cites {len(cited)} of the first's provisions (fewer than {min_cited})"
        )
    return Comparability(
        doc_a=doc_a,
        doc_b=doc_b,
        vocabulary=vocabulary,
        title_mentions=mentions,
        cited=len(cited),
        comparable=not reasons,
        reason=" and ".join(reasons) or None,
    )
