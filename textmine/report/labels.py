"""How the report names things: documents, their kinds, relations and measures, in words.

One word for each notion throughout the page: a document is named by its
title (else its readable file stem, :func:`textmine.text.document_name`);
a party group by its label in the lexicon's ``groups.jsonl`` (``no one
named`` for ``none``, ``no doer named`` for ``unspecified``); a relation as
``doer → recipient`` in those labels; a document's kind by what it is (Act,
Bill, Regulations, Code, guidance) so that a comparison says "Regulations
versus guidance", not "Act versus Code", when the enacting text is an SI.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from textmine.groups import Groups, default_groups

__all__ = ["KIND_LABELS", "Labels", "kind_label"]

#: Document kind (textmine.extract) -> how the report names it.
KIND_LABELS: dict[str, str] = {
    "act": "Act",
    "bill": "Bill",
    "si": "Regulations",
    "guidance": "guidance",
    "text": "text",
}


def kind_label(kind: object, title: object = None) -> str:
    """``Act``, ``Bill``, ``Regulations`` (an SI), ``Code`` (guidance titled a Code of
    Practice), ``guidance`` or ``text``."""
    if kind == "guidance" and isinstance(title, str) and "code of practice" in title.lower():
        return "Code"
    return KIND_LABELS.get(str(kind), str(kind) if kind else "document")


class Labels:
    """The names of one report's documents and groups."""

    def __init__(
        self,
        names: Mapping[str, str] | None = None,
        kinds: Mapping[str, str] | None = None,
        groups: Groups | None = None,
    ) -> None:
        self.names = dict(names or {})
        self.kinds = dict(kinds or {})
        self.groups = groups or default_groups()

    def doc(self, doc: object) -> str:
        """A document's name."""
        return self.names.get(str(doc), str(doc))

    def kind(self, doc: object) -> str:
        return self.kinds.get(str(doc), "document")

    def group(self, group: object) -> str:
        return self.groups.label(group)

    def relation(self, actor: object, recipient: object) -> str:
        """``local authority → parents``."""
        return f"{self.group(actor)} → {self.group(recipient)}"

    def doer(self, actor: object) -> str:
        """A doer of the families-versus-professionals measure (``all doers`` for the pool)."""
        return "all doers" if actor == "all" else self.group(actor)

    def measure(self, measure_id: str) -> str:
        """A measure id in words: ``tii.<doc>`` -> ``inconsistency index of <name>``."""
        parts = measure_id.split(".")
        head = parts[0]
        if head == "tii" and len(parts) >= 2:
            return f"inconsistency index of {self.doc('.'.join(parts[1:]))}"
        if head == "asymmetry" and len(parts) >= 2:
            return f"families versus professionals ({self.doer(parts[1])})"
        if head == "divergence" and len(parts) >= 3:
            return f"divergence of {self.doc(parts[1])} and {self.doc(parts[2])}"
        if head in ("relations", "harmonisation") and len(parts) >= 3:
            what = "relation" if head == "relations" else "harmonisation hint"
            return f"{what} {self.relation(parts[1], parts[2])}"
        return measure_id

    def script_data(self) -> dict[str, Any]:
        """What the page's script needs: the groups of each side (the filters' ``@family``,
        ``@professional``) and every group's label (the review)."""
        return {
            "groups": {
                "family": self.groups.members("family"),
                "professional": self.groups.members("professional"),
            },
            "labels": dict(self.groups.labels),
        }
