"""Provision vectors: term-by-provision counts and near-synonym duties.

:func:`term_by_provision` counts canonical terms per provision with
scikit-learn's ``CountVectorizer`` (the analyser is the provision's list of
canonical terms, so multi-word terms such as ``have regard to`` stay whole).

:func:`near_synonyms` finds provisions that say the same thing with different
partnership terms. A provision's text is its tagged sentences (distinct, in
order) with every tagged term *masked out* (replaced by a space, using the
rows' ``start``/``end`` offsets), so that two provisions are similar for what
surrounds the term, not for the term itself. Texts are embedded with
``TfidfVectorizer`` (English stop words removed, unigrams and bigrams,
sublinear tf) and each provision's nearest neighbours are found with
``NearestNeighbors(metric="cosine")``; similarity = 1 - cosine distance.
A pair is reported once per relation (actor -> recipient) that both
provisions express, when the similarity is at least the threshold and the
sets of terms each uses for that relation differ. Provisions that share a
tagged sentence are never paired: they are items of one list (the tagger
gives ``s.27(3)(a)`` and ``s.27(3)(b)`` the sentence of ``s.27(3)``), not two
statements of the same duty.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from textmine.measure.frame import is_present, prepare_rows
from textmine.measure.relations import explode_relations

#: Least cosine similarity of two provisions' masked texts for a near-synonym pair.
DEFAULT_SIMILARITY = 0.5
#: Neighbours examined per provision.
DEFAULT_NEIGHBOURS = 5

TEXT_COLUMNS: tuple[str, ...] = ("doc", "provision", "text", "masked")
COLUMNS: tuple[str, ...] = (
    "doc_a",
    "provision_a",
    "doc_b",
    "provision_b",
    "similarity",
    "relation",
    "terms_a",
    "terms_b",
    "text_a",
    "text_b",
)


def provision_texts(rows: pd.DataFrame) -> pd.DataFrame:
    """One row per provision: ``doc``, ``provision``, ``text``, ``masked``, ``sentences``.

    ``masked`` is the text with the tagged terms blanked; ``sentences`` lists them.
    """
    df = prepare_rows(rows)
    # provision -> sentence -> spans of its tagged terms (dicts keep document order)
    spans: dict[tuple[str, str], dict[str, list[tuple[object, object]]]] = {}
    for doc, prov, sentence, start, end in zip(
        df["doc"], df["provision"], df["sentence"], df["start"], df["end"], strict=True
    ):
        spans.setdefault((doc, prov), {}).setdefault(str(sentence), []).append((start, end))
    records = [
        {
            "doc": doc,
            "provision": prov,
            "text": " ".join(sentences),
            "masked": " ".join(_mask(s, found) for s, found in sentences.items()),
            "sentences": list(sentences),
        }
        for (doc, prov), sentences in spans.items()
    ]
    return pd.DataFrame.from_records(records, columns=[*TEXT_COLUMNS, "sentences"])


def term_by_provision(rows: pd.DataFrame) -> pd.DataFrame:
    """Counts of each canonical term (columns, alphabetical) per provision (index ``doc:ref``)."""
    df = prepare_rows(rows)
    if df.empty:
        return pd.DataFrame()
    from sklearn.feature_extraction.text import CountVectorizer  # slow to import: when needed

    grouped = df.groupby("provision", sort=False)["term"].agg(lambda s: [str(t) for t in s])
    vectorizer = CountVectorizer(analyzer=lambda terms: terms, lowercase=False)
    matrix = vectorizer.fit_transform(list(grouped))
    return pd.DataFrame(
        matrix.toarray(),
        index=pd.Index(grouped.index, name="provision"),
        columns=vectorizer.get_feature_names_out(),
    )


def near_synonyms(
    rows: pd.DataFrame,
    *,
    threshold: float = DEFAULT_SIMILARITY,
    n_neighbors: int = DEFAULT_NEIGHBOURS,
) -> pd.DataFrame:
    """Similar provisions wording a shared relation with different terms, most similar first."""
    texts = provision_texts(rows)
    empty = pd.DataFrame(columns=list(COLUMNS))
    if len(texts) < 2:
        return empty
    from sklearn.feature_extraction.text import TfidfVectorizer  # slow to import: when needed
    from sklearn.neighbors import NearestNeighbors

    vectorizer = TfidfVectorizer(stop_words="english", ngram_range=(1, 2), sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform(texts["masked"])
    except ValueError:  # every text is stop words only: nothing to compare
        return empty
    k = min(n_neighbors + 1, len(texts))
    distances, indices = (
        NearestNeighbors(n_neighbors=k, metric="cosine", algorithm="brute")
        .fit(matrix)
        .kneighbors(matrix)
    )
    terms = _relation_terms(rows)
    sentences = [set(found) for found in texts["sentences"]]
    seen: set[tuple[int, int]] = set()
    records: list[dict[str, Any]] = []
    for i in range(len(texts)):
        for dist, j in zip(distances[i], indices[i], strict=True):
            pair = (min(i, int(j)), max(i, int(j)))
            similarity = 1.0 - float(dist)
            if i == j or pair in seen or similarity < threshold or not np.isfinite(similarity):
                continue
            seen.add(pair)
            if sentences[pair[0]] & sentences[pair[1]]:
                continue
            records += _pair_records(texts, terms, pair, similarity)
    out = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    if out.empty:
        return empty
    out = out.sort_values(
        ["similarity", "provision_a", "provision_b"], ascending=[False, True, True]
    )
    return out.reset_index(drop=True)


def _relation_terms(rows: pd.DataFrame) -> dict[str, dict[str, list[str]]]:
    """provision -> relation -> sorted distinct terms."""
    rel = explode_relations(rows)
    found: dict[str, dict[str, set[str]]] = {}
    for prov, relation, term in zip(rel["provision"], rel["relation"], rel["term"], strict=True):
        found.setdefault(str(prov), {}).setdefault(str(relation), set()).add(str(term))
    return {p: {r: sorted(t) for r, t in by_rel.items()} for p, by_rel in found.items()}


def _pair_records(
    texts: pd.DataFrame,
    terms: dict[str, dict[str, list[str]]],
    pair: tuple[int, int],
    similarity: float,
) -> list[dict[str, Any]]:
    a, b = texts.iloc[pair[0]], texts.iloc[pair[1]]
    ta, tb = terms.get(str(a["provision"]), {}), terms.get(str(b["provision"]), {})
    records = []
    for relation in ta:
        if relation in tb and ta[relation] != tb[relation]:
            records.append(
                {
                    "doc_a": a["doc"],
                    "provision_a": a["provision"],
                    "doc_b": b["doc"],
                    "provision_b": b["provision"],
                    "similarity": round(similarity, 12),
                    "relation": relation,
                    "terms_a": ta[relation],
                    "terms_b": tb[relation],
                    "text_a": a["text"],
                    "text_b": b["text"],
                }
            )
    return records


def _mask(sentence: str, found: list[tuple[object, object]]) -> str:
    """``sentence`` with each tagged term's characters replaced by a space."""
    chars = list(sentence)
    for start, end in found:
        if is_present(start) and is_present(end):
            for pos in range(max(0, int(start)), min(len(chars), int(end))):  # type: ignore[call-overload]
                chars[pos] = " "
    return "".join(chars)
