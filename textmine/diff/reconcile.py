"""Occurrences that left their provision, found again in another one (splits, merges, moves).

Alignment pairs provisions one to one, so a paragraph split in two, two
subsections merged, or a sentence carried over to the next paragraph leaves
occurrences without a partner inside their own pair: the old paragraph
"loses" a duty that the new one next to it "gains". Reported as they stand,
these would be a false ``weakened`` and a false ``strengthened``.

:func:`reconcile` therefore matches the *orphans* of the whole diff (the
unmatched occurrences of edited pairs, and the occurrences of deleted and
added provisions) across provisions: candidates are the
:data:`CANDIDATES` nearest sentences by TF-IDF cosine, scored as within a pair
(:func:`textmine.diff.classify.occurrence_score`), and kept, best first and
one to one, when the score reaches :data:`CROSS_MIN` and the sentences' word
similarity :data:`SENTENCE_MIN`: stricter than inside a pair, because here
nothing else says the two belong together.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from textmine.diff.align import Pair, normalise, similarity
from textmine.diff.classify import features, occurrence_score

__all__ = ["CANDIDATES", "CROSS_MIN", "SENTENCE_MIN", "Orphan", "reconcile"]

#: Lowest occurrence score for a match across provisions.
CROSS_MIN = 0.7
#: Lowest word similarity of the two sentences of a match across provisions.
SENTENCE_MIN = 0.6
#: Nearest new sentences (TF-IDF cosine) scored for each old orphan.
CANDIDATES = 8


@dataclass(frozen=True)
class Orphan:
    """An occurrence with no partner in its own provision pair.

    ``index`` is the position of its pair in the alignment; ``whole`` is true
    when its provision itself was added or deleted.
    """

    index: int
    pair: Pair
    row: Mapping[str, Any]
    whole: bool = False


def reconcile(old: Sequence[Orphan], new: Sequence[Orphan]) -> list[tuple[Orphan, Orphan]]:
    """Old and new orphans that are the same occurrence in another provision, best first."""
    if not old or not new:
        return []
    f_old = [features(o.row) for o in old]
    f_new = [features(n.row) for n in new]
    scored: list[tuple[float, int, int]] = []
    for i, j in _candidates(old, new):
        if old[i].index == new[j].index:
            continue  # same pair: already judged there
        if similarity(f_old[i][0], f_new[j][0]) < SENTENCE_MIN:
            continue
        same_term = old[i].row.get("term") == new[j].row.get("term")
        score = occurrence_score(f_old[i], f_new[j], same_term)
        if score >= CROSS_MIN:
            scored.append((score, i, j))
    scored.sort(key=lambda s: (-s[0], s[1], s[2]))
    used_old: set[int] = set()
    used_new: set[int] = set()
    out: list[tuple[Orphan, Orphan]] = []
    for _score, i, j in scored:
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        out.append((old[i], new[j]))
    return out


def _candidates(old: Sequence[Orphan], new: Sequence[Orphan]) -> set[tuple[int, int]]:
    import numpy as np
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [normalise(str(o.row.get("sentence") or "")) for o in (*old, *new)]
    vectorizer = TfidfVectorizer(sublinear_tf=True, token_pattern=r"(?u)\b\w+\b")
    try:
        matrix = vectorizer.fit_transform(texts)
    except ValueError:  # no word at all
        return set()
    cosine = (matrix[: len(old)] @ matrix[len(old) :].T).toarray()
    k = min(CANDIDATES, len(new))
    nearest = np.argsort(-cosine, axis=1, kind="stable")[:, :k]
    return {(r, int(c)) for r in range(len(old)) for c in nearest[r] if cosine[r, c] > 0}
