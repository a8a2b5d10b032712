"""Tag only the provisions a diff needs, and hand back their occurrences per provision.

The tagger parses whole units (a subsection and its paragraphs), so whether a
provision's occurrences can have changed depends on its unit, not on the
provision alone: ``(a) consult the parent`` reads as ``must`` or ``may``
according to the lead-in of its subsection. A provision is therefore tagged
when its unit differs between the versions (or it has no partner), and not
when the units on both sides read the same once normalised
(:func:`textmine.diff.align.normalise`), unless every occurrence is wanted
(``include_unchanged``).

What the tagger reads is each provision's text with whitespace collapsed
(:func:`textmine.diff.align.collapse_space`), on both sides: the parse must not
depend on where a PDF broke its lines, or a reflowed paragraph (or a PDF
against its own plain-text export, which writes each provision on one line)
would show changes that are not there. A unit whose collapsed text is the same
on both sides is tagged once and its occurrences are copied to the other side.
The price: where a PDF's line breaks set out a list, the parser sometimes reads
the list better with them (vol 3 of the Children Act guidance, 3.12: four
groups consulted with the breaks, only parents without them), so the diff's
reading of such a provision can differ from ``textmine tag`` on the PDF.

Provisions are tagged through a *shadow* document: the same refs (the
tagger reads a section's structure from them) and collapsed texts, with each
provision's position as its unit, so every occurrence row names the provision
it came from even where refs repeat or are missing; the rows then get the
real provision's unit, page and headings back.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from textmine.diff.align import Pair, collapse_space, normalise
from textmine.extract.document import Document, build_document
from textmine.settings import Settings

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["needed", "tag_needed", "tag_provisions"]

Rows = dict[int, list[dict[str, Any]]]
#: The unit name of a shadow provision: this prefix and the provision's index.
_SHADOW = "shadow:"


def _units(document: Document) -> tuple[list[str], dict[str, list[int]]]:
    """Each provision's unit name, and the provisions of each unit."""
    names: list[str] = []
    members: dict[str, list[int]] = defaultdict(list)
    for index, provision in enumerate(document.provisions):
        name = provision.unit or provision.ref or f"#{index}"
        names.append(name)
        members[name].append(index)
    return names, members


def _unit_text(document: Document, members: Sequence[int], *, collapsed: bool) -> str:
    texts = (document.provisions[i].text for i in members)
    return " ".join(collapse_space(t) if collapsed else normalise(t) for t in texts)


def needed(
    old: Document, new: Document, pairs: Sequence[Pair], *, include_unchanged: bool = False
) -> tuple[set[int], set[int], dict[int, int]]:
    """Provision indices to tag in ``old`` and ``new``, and old indices to copy from new.

    The third value maps an old provision to the new one whose occurrences it
    shares: both sit in units whose collapsed text is identical.
    """
    old_names, old_members = _units(old)
    new_names, new_members = _units(new)
    tag_old: set[int] = set()
    tag_new: set[int] = set()
    mirror: dict[int, int] = {}
    for pair in pairs:
        if pair.old_index is None:
            assert pair.new_index is not None
            tag_new.update(new_members[new_names[pair.new_index]])
            continue
        if pair.new_index is None:
            tag_old.update(old_members[old_names[pair.old_index]])
            continue
        o_units = old_members[old_names[pair.old_index]]
        n_units = new_members[new_names[pair.new_index]]
        same = pair.status == "same" and _unit_text(old, o_units, collapsed=False) == _unit_text(
            new, n_units, collapsed=False
        )
        if same and not include_unchanged:
            continue
        tag_new.update(n_units)
        if _unit_text(old, o_units, collapsed=True) == _unit_text(new, n_units, collapsed=True):
            offset = n_units.index(pair.new_index) if pair.new_index in n_units else -1
            if len(o_units) == len(n_units) and offset == o_units.index(pair.old_index):
                mirror[pair.old_index] = pair.new_index
                continue
        tag_old.update(o_units)
    # a provision tagged in its own right is not copied
    mirror = {i: j for i, j in mirror.items() if i not in tag_old}
    return tag_old, tag_new, mirror


def tag_provisions(
    document: Document,
    indices: Iterable[int],
    *,
    nlp: Language | None = None,
    settings: Settings | None = None,
) -> Rows:
    """Occurrence rows of the provisions ``indices`` of ``document``, by provision index.

    Each index should come with the rest of its unit (see :func:`needed`);
    rows carry the real provision's ``ref``, ``page``, headings and ``unit``.
    """
    from textmine.nlp.tagging import tag_document

    chosen = sorted(set(indices))
    if not chosen:
        return {}
    shadow = build_document(
        doc=document.doc,
        kind=document.kind,
        path=document.path,
        provisions=[
            replace(
                document.provisions[i],
                text=collapse_space(document.provisions[i].text),
                unit=f"{_SHADOW}{i}",
            )
            for i in chosen
        ],
    )
    out: Rows = {i: [] for i in chosen}
    for row in tag_document(shadow, nlp=nlp, settings=settings):
        index = int(str(row["unit"]).removeprefix(_SHADOW))
        provision = document.provisions[index]
        row.update(
            ref=provision.ref,
            page=provision.page,
            heading=provision.heading,
            part=provision.part,
            chapter=provision.chapter,
            unit=provision.unit,
        )
        out[index].append(row)
    return out


def tag_needed(
    old: Document,
    new: Document,
    pairs: Sequence[Pair],
    *,
    include_unchanged: bool = False,
    nlp: Language | None = None,
    settings: Settings | None = None,
) -> tuple[Rows, Rows]:
    """Occurrences of the provisions of ``old`` and ``new`` the diff compares (see the module)."""
    tag_old, tag_new, mirror = needed(old, new, pairs, include_unchanged=include_unchanged)
    new_rows = tag_provisions(new, tag_new, nlp=nlp, settings=settings)
    old_rows = tag_provisions(old, tag_old, nlp=nlp, settings=settings)
    for i, j in mirror.items():
        provision = old.provisions[i]
        old_rows[i] = [
            {
                **row,
                "doc": old.doc,
                "kind": old.kind,
                "ref": provision.ref,
                "page": provision.page,
                "heading": provision.heading,
                "part": provision.part,
                "chapter": provision.chapter,
                "unit": provision.unit,
            }
            for row in new_rows.get(j, [])
        ]
    return old_rows, new_rows
