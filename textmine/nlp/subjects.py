"""Reading the noun phrase found as a doer: its party group, its text, and the rule.

A mixin of :class:`textmine.nlp.actors.Resolver`. :meth:`SubjectReader._subject`
reads a subject (or agent, or list lead-in's doer) as a party: a relative
pronoun stands for its head noun, a pronoun for its antecedent; an unknown
proper name is ``other``; an agent noun (``the person who consults``) its
group; an inanimate subject owned by a body (``The home's procedures``,
``their arrangements``) the owner, but a plan about a child, a young person
or a parent is not their doing; ``The role of X`` is X's. Anything else
names no party: ``unspecified``. :meth:`SubjectReader._agent` reads the
``by`` agent of a passive, else ``unspecified``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from spacy.tokens import Token

from textmine.nlp.grammar.clauses import role_holder
from textmine.nlp.grammar.deps import SUBJECTS
from textmine.nlp.grammar.syntax import prep_objects, relative_head
from textmine.nlp.lexicon import Cues
from textmine.nlp.modality import MAX_CHAIN, Reading

if TYPE_CHECKING:
    from textmine.nlp.parties import Party

__all__ = ["SubjectReader"]

#: Groups whose possessions (``the child's plan``) are made about them, not used by them.
_SUBJECTS_OF_PLANS = frozenset({"child", "young_person", "parent"})


class SubjectReader:
    """Party reading of a doer token (needs ``party``, ``np_text``, ``agent_noun``)."""

    cues: Cues
    _read_from: Token | None

    def party(self, token: Token) -> Party | None:
        raise NotImplementedError

    def np_text(self, token: Token, *, coordinated: bool = False) -> str:
        raise NotImplementedError

    def agent_noun(self, token: Token) -> Any:
        raise NotImplementedError

    def is_party(self, token: Token) -> bool:
        raise NotImplementedError

    def _agent(self, verb: Token) -> tuple[str, str | None, Reading]:
        token = verb
        for _ in range(MAX_CHAIN):
            for obj in prep_objects(token, frozenset({"by"})):
                return self._subject(obj, "by-agent")
            # "informed of the decision by the authority": the agent hangs off the object
            for inner in prep_objects(token, frozenset({"of", "about"})):
                for obj in prep_objects(inner, frozenset({"by"})):
                    if self.party(obj) is not None:
                        return self._subject(obj, "by-agent")
            if token.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in token.children):
                token = token.head
                continue
            break
        return "unspecified", None, Reading("unspecified", "agentless passive")

    def _subject(self, token: Token, rule: str) -> tuple[str, str | None, Reading]:
        reading = self._subject_reading(token, rule)
        self._read_from = token  # after reading: pronouns met inside may read other doers
        return reading

    def _subject_reading(self, token: Token, rule: str) -> tuple[str, str | None, Reading]:
        if token.tag_ in ("WDT", "WP") and token.lower_ in self.cues.relatives:
            head = relative_head(token)
            if head is not None and self.party(head) is None:
                return self._subject(head, f"{rule} (relative)")
        found = self.party(token)
        if found is not None:
            text = found.text if found.rule != "alias" else self.np_text(token, coordinated=True)
            return found.group, text, Reading(found.group, f"{rule} ({found.rule})", token.text)
        if token.pos_ == "PRON" or token.tag_ in ("WDT", "WP"):
            return (
                "unspecified",
                token.text,
                Reading("unspecified", f"{rule} (unresolved pronoun)", token.text),
            )
        if token.pos_ == "PROPN":  # a named body the lexicon does not know
            text = self.np_text(token, coordinated=True)
            return "other", text, Reading("other", f"{rule} (named, no alias)", token.text)
        agent = self.agent_noun(token)
        if agent is not None:
            return agent.group, agent.text, Reading(agent.group, f"{rule} (agent noun)", token.text)
        # a possessive pronoun owns the subject of a finite verb only: "their arrangements
        # should take into account", not "their self-evaluation to inform"
        finite = not any(c.tag_ == "TO" for c in token.head.children)
        owners = [
            c
            for c in token.children
            if (c.pos_ in ("NOUN", "PROPN") or (c.dep_ == "poss" and c.pos_ == "PRON" and finite))
            and (
                c.dep_ == "poss" or (c.dep_ == "nmod" and any(g.tag_ == "POS" for g in c.children))
            )
        ]
        owner = self.party(owners[0]) if owners else None
        if owner is not None and owner.group not in _SUBJECTS_OF_PLANS:
            # "The home's procedures must take into account", "their arrangements should
            # take into account": the body whose instrument it is (a child's plan is about
            # the child, not the child's doing)
            return self._subject(owners[0], f"{rule} (possessor)")
        holder = role_holder(token, self.is_party)
        if holder is not None:  # "The role of the personal adviser is to consult"
            return self._subject(holder, f"{rule} (role holder)")
        # an inanimate subject ("This evaluation should inform ...") names no party
        text = self.np_text(token, coordinated=True)
        return "unspecified", text, Reading("unspecified", f"{rule} (not a party)", token.text)
