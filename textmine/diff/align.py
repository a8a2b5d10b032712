"""Align the provisions of two versions of a document: which old provision became which new one.

:func:`align` pairs provisions in four passes, each over what the earlier ones
left unpaired:

1. **identical text, in order**: :class:`difflib.SequenceMatcher` over the
   sequences of normalised texts (see :func:`normalise`) pairs the longest
   runs of identical provisions, so repeated short texts (``(a) the child;``)
   pair with their neighbours, not with a namesake elsewhere;
2. **identical text, anywhere**: a provision pairs with the first unpaired
   provision of the other side whose normalised text is the same (a paragraph
   moved out of order);
3. **similar text**: candidates are the provisions with the same ref and the
   :data:`CANDIDATES` nearest by TF-IDF cosine (scikit-learn, word 1- and
   2-grams, fitted on the unpaired texts of both versions); each candidate is
   scored by the word-level :class:`~difflib.SequenceMatcher` ratio, and
   pairs are taken greedily, best first, when the ratio reaches
   :data:`TEXT_MIN`, or :data:`REF_MIN` for two provisions with the same ref
   (a stable ref is evidence in itself); a same-ref pair ranks
   :data:`REF_BONUS` higher;
4. whatever is left is **deleted** (old only) or **added** (new only).

A pair is **renumbered** when its refs differ, and **moved** when it is out of
order (not in the longest run of pairs whose old and new positions both
increase, so one inserted paragraph does not make every later one "moved") or
when its Part or Chapter changed (compared by number where the label has one:
``Part 2 — Care`` and ``Part 2 Care`` are the same Part).

Normalising makes the comparison blind to what a reader or a re-typeset
changes without changing the words: line breaks and runs of whitespace,
typographic quotes and dashes, the U+FFFE that pypdfium2 leaves where a line-end
hyphen was, a space or line break after a hyphen inside a word, and letter case.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from textmine.extract.document import Document, Provision
from textmine.text import collapse_space

__all__ = [
    "CANDIDATES",
    "REF_BONUS",
    "REF_MIN",
    "TEXT_MIN",
    "Pair",
    "align",
    "collapse_space",
    "normalise",
    "similarity",
    "words",
]

#: Lowest word-level similarity for pairing two provisions on text alone.
TEXT_MIN = 0.6
#: Lowest similarity for pairing two provisions that share a ref.
REF_MIN = 0.4
#: Added to the score of a same-ref candidate when ranking candidates.
REF_BONUS = 0.15
#: TF-IDF neighbours considered for each unpaired old provision.
CANDIDATES = 5

_TRANSLATE = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\ufffe": "-",
        "\u00ad": None,
        "\u200b": None,
        "\ufeff": None,
    }
)
_SPLIT_HYPHEN = re.compile(r"(?<=[^\W\d_])([-\u2010\u2011\ufffe])\s+(?=[a-z])")
_WORD = re.compile(r"\w+")
_NUMBERED = re.compile(r"^(part|chapter|schedule)\s+([0-9]+[a-z]*|[ivxlc]+)\b")


def normalise(text: str) -> str:
    """The comparison form of a text: NFKC, plain quotes and dashes, one space, lower case.

    A hyphen between letters followed by whitespace joins the two halves
    (``co-`` + line break + ``produce`` -> ``co-produce``), whether the break
    is still there or was already collapsed to a space.
    """
    text = _SPLIT_HYPHEN.sub(r"\1", text)
    text = unicodedata.normalize("NFKC", text.translate(_TRANSLATE))
    return collapse_space(text).lower()


def words(text: str) -> list[str]:
    """The words of a normalised text: what similarity compares.

    Punctuation is left out, so that two short list items such as
    ``in paragraph (2)(b)—`` and ``a notice under subsection (4)(b)—`` do not
    look alike for their brackets; a change of punctuation alone still makes a
    pair ``edited`` (see :attr:`Pair.status`), with similarity 1.
    """
    return _WORD.findall(text)


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """``SequenceMatcher`` ratio of two token lists: 2 * matched / (len(a) + len(b)), in 0..1."""
    if not a and not b:
        return 1.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


@dataclass(frozen=True)
class Pair:
    """One aligned position: an old provision, a new one, or both.

    ``old_index``/``new_index`` are 0-based positions in the documents'
    provisions. ``method`` tells which pass paired them (``identical``,
    ``moved-text``, ``similar``, ``ref``; ``occurrence`` for the pair a moved
    occurrence makes, see :func:`textmine.diff.changes.moved_change`), or ``""``
    for an added or deleted provision.
    """

    old: Provision | None
    new: Provision | None
    old_index: int | None
    new_index: int | None
    similarity: float
    method: str
    moved: bool = False
    renumbered: bool = False

    @property
    def status(self) -> str:
        """``same`` (text unchanged once normalised), ``edited``, ``added`` or ``deleted``."""
        if self.old is None:
            return "added"
        if self.new is None:
            return "deleted"
        return "same" if normalise(self.old.text) == normalise(self.new.text) else "edited"


@dataclass
class _Side:
    provisions: tuple[Provision, ...]
    keys: list[str]
    tokens: list[list[str]]


def _side(document: Document) -> _Side:
    keys = [normalise(p.text) for p in document.provisions]
    return _Side(document.provisions, keys, [words(k) for k in keys])


def align(old: Document, new: Document) -> list[Pair]:
    """Pair the provisions of ``old`` and ``new`` (see the module docstring).

    The result is in reading order of the new version; a deleted provision
    comes right after the pair that held its old predecessor.
    """
    a, b = _side(old), _side(new)
    matched: dict[int, tuple[int, str, float]] = {}  # old index -> (new index, method, score)
    taken: set[int] = set()

    def take(i: int, j: int, method: str, score: float) -> None:
        matched[i] = (j, method, score)
        taken.add(j)

    # 1. identical text, in order
    matcher = SequenceMatcher(None, a.keys, b.keys, autojunk=False)
    for block in matcher.get_matching_blocks():
        for k in range(block.size):
            take(block.a + k, block.b + k, "identical", 1.0)

    # 2. identical text elsewhere
    free_new: dict[str, list[int]] = defaultdict(list)
    for j, key in enumerate(b.keys):
        if j not in taken:
            free_new[key].append(j)
    for i, key in enumerate(a.keys):
        if i not in matched and free_new.get(key):
            take(i, free_new[key].pop(0), "moved-text", 1.0)

    # 3. similar text
    for i, j, method, score in _similar(a, b, set(matched), taken):
        take(i, j, method, score)

    return _ordered(old, new, matched)


def _similar(
    a: _Side, b: _Side, done_old: set[int], done_new: set[int]
) -> list[tuple[int, int, str, float]]:
    """Pairs of the similarity pass, best first, each old and new provision used once."""
    rest_old = [i for i in range(len(a.keys)) if i not in done_old and a.keys[i]]
    rest_new = [j for j in range(len(b.keys)) if j not in done_new and b.keys[j]]
    if not rest_old or not rest_new:
        return []
    candidates: set[tuple[int, int]] = set()
    by_ref: dict[str, list[int]] = defaultdict(list)
    for j in rest_new:
        if b.provisions[j].ref:
            by_ref[b.provisions[j].ref or ""].append(j)
    for i in rest_old:
        for j in by_ref.get(a.provisions[i].ref or "", []):
            candidates.add((i, j))
    candidates |= _tfidf_candidates(a, b, rest_old, rest_new)

    scored: list[tuple[float, float, int, int, str]] = []
    for i, j in candidates:
        same_ref = bool(a.provisions[i].ref) and a.provisions[i].ref == b.provisions[j].ref
        ratio = similarity(a.tokens[i], b.tokens[j])
        if ratio >= TEXT_MIN or (same_ref and ratio >= REF_MIN):
            rank = ratio + (REF_BONUS if same_ref else 0.0)
            scored.append((rank, ratio, i, j, "ref" if same_ref else "similar"))
    scored.sort(key=lambda s: (-s[0], s[2], s[3]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: list[tuple[int, int, str, float]] = []
    for _rank, ratio, i, j, method in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append((i, j, method, ratio))
    return out


def _tfidf_candidates(
    a: _Side, b: _Side, rest_old: list[int], rest_new: list[int]
) -> set[tuple[int, int]]:
    """The :data:`CANDIDATES` nearest unpaired new provisions of each unpaired old one."""
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [a.keys[i] for i in rest_old] + [b.keys[j] for j in rest_new]
    vectorizer = TfidfVectorizer(
        ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"(?u)\b\w+\b"
    )
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no word at all (e.g. only punctuation)
        return set()
    cosine = (matrix[: len(rest_old)] @ matrix[len(rest_old) :].T).toarray()
    k = min(CANDIDATES, len(rest_new))
    nearest = np.argsort(-cosine, axis=1)[:, :k]
    return {
        (rest_old[r], rest_new[int(c)])
        for r in range(len(rest_old))
        for c in nearest[r]
        if cosine[r, c] > 0
    }


def _in_order(matched: dict[int, tuple[int, str, float]]) -> set[int]:
    """Old indices of the longest run of pairs whose new positions also increase."""
    olds = sorted(matched)
    tails: list[int] = []  # smallest new index ending an increasing run of each length
    tail_at: list[int] = []  # position in olds of that element
    parent: list[int] = [-1] * len(olds)
    for pos, i in enumerate(olds):
        j = matched[i][0]
        k = bisect.bisect_left(tails, j)
        if k == len(tails):
            tails.append(j)
            tail_at.append(pos)
        else:
            tails[k] = j
            tail_at[k] = pos
        parent[pos] = tail_at[k - 1] if k else -1
    keep: set[int] = set()
    pos = tail_at[-1] if tail_at else -1
    while pos >= 0:
        keep.add(olds[pos])
        pos = parent[pos]
    return keep


def _division(label: str | None) -> str:
    """A Part/Chapter label reduced to its number when it has one (``part 2``)."""
    if not label:
        return ""
    text = normalise(label)
    match = _NUMBERED.match(text)
    return " ".join(match.groups()) if match else text


def _ordered(
    old: Document, new: Document, matched: dict[int, tuple[int, str, float]]
) -> list[Pair]:
    in_order = _in_order(matched)
    placed: list[tuple[tuple[float, int, int], Pair]] = []
    paired_new: set[int] = set()
    for i, (j, method, score) in matched.items():
        p, q = old.provisions[i], new.provisions[j]
        moved = (
            i not in in_order
            or _division(p.part) != _division(q.part)
            or _division(p.chapter) != _division(q.chapter)
        )
        pair = Pair(p, q, i, j, score, method, moved=moved, renumbered=p.ref != q.ref)
        placed.append(((j, 0, i), pair))
        paired_new.add(j)
    for j, q in enumerate(new.provisions):
        if j not in paired_new:
            placed.append(((j, 0, -1), Pair(None, q, None, j, 0.0, "")))
    anchor = -1.0  # new position of the last paired old provision seen
    for i, p in enumerate(old.provisions):
        if i in matched:
            anchor = float(matched[i][0])
        else:
            placed.append(((anchor, 1, i), Pair(p, None, i, None, 0.0, "")))
    placed.sort(key=lambda item: item[0])
    return [pair for _key, pair in placed]
