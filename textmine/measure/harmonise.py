"""Harmonisation hints: one relation, several terms -> which wording to use throughout.

For every relation (actor -> recipient) of a document worded with more than
one distinct term, :func:`harmonisation_hints` lists the variants (term,
level, occurrences, surface texts and the provisions where each is used) and
names the *strongest term the document already uses* for that relation as the
suggested harmonised wording: highest participation level among non-negated
uses (all uses if every one is negated), ties broken by frequency, then
alphabetically. The suggestion pairs that term with the strongest modal the
relation already carries among those uses (must/shall -> "must",
should/will -> "should", may/can/need -> "may"; "none", left out of the
wording, when no use has a modal), so following a hint neither drops a
binding duty the text already states for those parties nor reaches for a
term the document does not use for them.

Relations without a named recipient (``actor -> none``) get no hint unless
``named_only=False``: they pool unlike things (a judgement "if it considers",
an agentless "must be notified"), so one wording for all of them would be
no harmonisation.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from textmine.measure.frame import MODALITY_RANK, NO_RECIPIENT, UNSPECIFIED, unique_in_order
from textmine.measure.relations import RELATION_KEYS, explode_relations, relation_name

COLUMNS: tuple[str, ...] = (
    "measure_id",
    "doc",
    "relation",
    "actor",
    "recipient",
    "n",
    "n_terms",
    "variants",
    "strongest_term",
    "strongest_level",
    "suggested_modal",
    "suggested_wording",
    "provisions",
)

#: Plain words for canonical groups, used in suggested wordings.
GROUP_WORDS: dict[str, str] = {
    "local_authority": "the local authority",
    "parent": "the parent",
    "child": "the child",
    "young_person": "the young person",
    "education": "the school or setting",
    "health": "the health body",
    "social_care": "social care",
    "secretary_of_state": "the Secretary of State",
    "tribunal": "the Tribunal",
    "professional": "the professionals",
    "other": "the other party",
    UNSPECIFIED: "[who?]",
}
#: How each canonical term governs its recipient ("{r}" is the recipient).
TERM_FRAMES: dict[str, str] = {
    "inform": "inform {r}",
    "notify": "notify {r}",
    "advise": "advise {r}",
    "consult": "consult {r}",
    "seek": "seek the views of {r}",
    "consider": "consider the views of {r}",
    "have regard to": "have regard to the views of {r}",
    "take into account": "take into account the views of {r}",
    "involve": "involve {r}",
    "engage": "engage with {r}",
    "participate": "participate with {r}",
    "cooperate": "co-operate with {r}",
    "collaborate": "collaborate with {r}",
    "work with": "work with {r}",
    "coproduce": "co-produce with {r}",
}
_MODAL_WORD = {3: "must", 2: "should", 1: "may", 0: "none"}


def harmonisation_hints(rows: pd.DataFrame, *, named_only: bool = True) -> pd.DataFrame:
    """One row per (doc, relation) with more than one distinct term; see the module docstring."""
    rel = explode_relations(rows)
    records = []
    for keys, group in rel.groupby(list(RELATION_KEYS), sort=False):
        doc, actor, recipient = (str(v) for v in keys)
        if group["term"].nunique() < 2 or (named_only and recipient == NO_RECIPIENT):
            continue
        records.append(_hint(doc, actor, recipient, group))
    out = pd.DataFrame.from_records(records, columns=list(COLUMNS))
    if out.empty:
        return out
    doc_rank = {d: i for i, d in enumerate(unique_in_order(rel["doc"]))}
    out = out.assign(_doc=out["doc"].map(doc_rank))
    out = out.sort_values(["_doc", "n", "relation"], ascending=[True, False, True], kind="stable")
    return out.drop(columns="_doc").reset_index(drop=True)


def suggested_wording(actor: str, recipient: str, term: str, modal: str) -> str:
    """``"the local authority must consult the parent"`` (a plain-language hint, not drafting)."""
    subject = GROUP_WORDS.get(actor, actor.replace("_", " "))
    if recipient == NO_RECIPIENT:
        verb = term
    else:
        target = GROUP_WORDS.get(recipient, recipient.replace("_", " "))
        verb = TERM_FRAMES.get(term, term + " {r}").format(r=target)
    words = [subject, verb] if modal == "none" else [subject, modal, verb]
    return " ".join(" ".join(words).split())


def _hint(doc: str, actor: str, recipient: str, group: pd.DataFrame) -> dict[str, Any]:
    variants: list[dict[str, Any]] = []
    for term, sub in group.groupby("term", sort=False):
        variants.append(
            {
                "term": str(term),
                "level": int(sub["level"].max()),
                "n": len(sub),
                "n_negated": int(sub["negated"].sum()),
                "texts": sorted(set(sub["text"].dropna().astype(str).str.lower())),
                "provisions": unique_in_order(sub["provision"]),
            }
        )
    variants.sort(key=lambda v: (-v["n"], v["term"]))
    positive = group[~group["negated"].astype(bool)]
    pool = positive if len(positive) else group
    counts = pool["term"].value_counts()
    levels = pool.groupby("term")["level"].max()
    best = sorted(counts.index, key=lambda t: (-int(levels[t]), -int(counts[t]), str(t)))[0]
    rank = max(MODALITY_RANK[c] for c in pool["modality_class"])
    modal = _MODAL_WORD[rank]
    return {
        "measure_id": f"harmonisation.{actor}.{recipient}",
        "doc": doc,
        "relation": relation_name(actor, recipient),
        "actor": actor,
        "recipient": recipient,
        "n": len(group),
        "n_terms": len(variants),
        "variants": variants,
        "strongest_term": str(best),
        "strongest_level": int(levels[best]),
        "suggested_modal": modal,
        "suggested_wording": suggested_wording(actor, recipient, str(best), modal),
        "provisions": unique_in_order(group["provision"]),
    }
