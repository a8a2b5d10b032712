"""Everything the rules read on one parsed ``Doc``, in one place.

A :class:`Reader` is made per ``Doc`` by the component: the parties of the
``Doc`` (:class:`~textmine.nlp.parties.Parties`), its actor and recipient
readers, the document's context and, for a clause composed from a list item,
the reader of the unit it was composed from (``outer``), through which
pronouns and earlier sentences are read.
"""

from __future__ import annotations

from spacy.tokens import Doc

from textmine.nlp.context.compose import Composition
from textmine.nlp.context.document import DocumentContext
from textmine.nlp.parties import Parties, PartyMatcher
from textmine.nlp.rules.actor import ActorReader
from textmine.nlp.rules.recipients import RecipientReader

__all__ = ["Reader"]


class Reader:
    """The per-``Doc`` readers of the tagger's rules (see the module docstring)."""

    def __init__(
        self,
        doc: Doc,
        matcher: PartyMatcher,
        context: DocumentContext,
        outer: tuple[Reader, Composition] | None = None,
    ) -> None:
        self.doc: Doc = doc
        self.cues = matcher.cues
        self.context = context
        self.outer = outer
        unit = (outer[0].parties, outer[1]) if outer is not None else None
        self.parties: Parties = Parties(doc, matcher, context, unit)
        self.actors = ActorReader(self.parties, matcher)
        self.actors.outer = outer[0].actors if outer is not None else None
        self.recipients = RecipientReader(self.parties)
