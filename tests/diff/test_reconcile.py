"""Occurrences found again in another provision (textmine/diff/reconcile.py), hand-built rows."""

from __future__ import annotations

from tests.diff.test_classify import occ
from textmine.diff.align import Pair
from textmine.diff.reconcile import Orphan, reconcile
from textmine.extract.document import Provision


def _orphan(index: int, ref: str, **fields: object) -> Orphan:
    provision = Provision("d", "guidance", ref, "Some text.")
    return Orphan(index, Pair(provision, provision, index, index, 1.0, "ref"), occ(**fields))


def test_the_same_sentence_in_another_provision_is_found() -> None:
    lost = [_orphan(3, "6.32"), _orphan(4, "6.33", term="inform", text="inform", level=1)]
    gained = [_orphan(9, "6.40", modality="may", sentence=occ()["sentence"].replace("must", "may"))]
    ((old, new),) = reconcile(lost, gained)
    assert (old.pair.old.ref, new.pair.new.ref) == ("6.32", "6.40")  # type: ignore[union-attr]


def test_an_unrelated_sentence_or_the_same_pair_is_not_matched() -> None:
    other = "Staff should record information on each child in a non-stigmatising way."
    assert reconcile([_orphan(3, "6.32")], [_orphan(9, "6.40", sentence=other)]) == []
    assert reconcile([_orphan(3, "6.32")], [_orphan(3, "6.32")]) == []
    assert reconcile([], [_orphan(3, "6.32")]) == []
