"""Noun phrases read as parties: canonical group, pronoun class and text.

:class:`PartyReader` is the base of :class:`textmine.nlp.actors.Resolver`.
:meth:`PartyReader.party` reads the canonical group of the noun phrase headed
by a token: the longest alias of ``actors.jsonl`` that covers the head (``the
governing body of a school`` is ``education``, ``the child's parent`` is
``parent``); a relative pronoun stands for the noun its clause modifies; a
personal pronoun is resolved to an antecedent in the same unit
(:meth:`PartyReader.antecedent`); expletive *it* (``it is essential that``,
``where it considers it appropriate``) names nobody. :meth:`PartyReader.parties`
reads every group a phrase names: the members of a coordinated antecedent of
*they/their*, and the coordinated modifiers of a head (``health and
education professionals`` names health and education; ``health and social
care professionals`` is health first). Bare *staff* take the group of the
institution named nearest in the unit (a school: education; a home or
another body: professional, not counting partners such as the local
authority; none: education). ``family members``, ``a list of people`` name
the group of their modifier or of-object; an alias may run on past the
parse (``the person with parental responsibility``). A subject pronoun
looks first for the subject it continues (of its conditional frame, of the
verb it is coordinated with, of the main clause).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc, Token

from textmine.nlp.grammar.clauses import is_expletive
from textmine.nlp.grammar.syntax import conjuncts, coordination_head, prep_objects, relative_head
from textmine.nlp.lexicon import Cues
from textmine.nlp.pronouns import ANTECEDENT_WINDOW, PronounReader

__all__ = ["GENERIC_GROUPS", "Party", "PartyReader"]

#: How many words after a head an alias may run on the surface (``person with parental
#: responsibility``), whatever the parser attached them to.
_ALIAS_TAIL = 4
#: Words that open such a run-on (``with parental responsibility``, ``who have ...``).
_TAIL_OPENERS = frozenset({"with", "who"})
_NP_RIGHT = frozenset({"compound", "flat", "nmod", "case", "nummod"})
_NP_RIGHT_PREPS = frozenset({"of", "with", "for"})
_PLACE_PREPS = frozenset({"in", "within", "at", "across"})
_QUANTIFIERS = frozenset(
    {
        "each",
        "any",
        "all",
        "one",
        "some",
        "none",
        "either",
        "both",
        "member",
        "members",
        "majority",
        "many",
        "most",
        "several",
        "few",
        "number",
        "list",  # "notify a specified list of people"
        "range",
        "variety",
    }
)
_DEFINITE = frozenset({"the", "this", "that", "these", "those"})
#: Words for the people who work in an institution (see :meth:`PartyReader._workplace`).
_STAFF = frozenset({"staff"})
#: Groups a generic noun falls into; a place phrase may name a narrower one.
GENERIC_GROUPS = frozenset({"other", "professional"})
#: Bodies named near *staff* that are partners, never their workplace.
_PARTNERS = frozenset({"police", "court", "courts", "ofsted", "hmci", "tribunal", "cafcass"})


@dataclass(frozen=True)
class Party:
    """A noun phrase read as a party: its group, pronoun class and text."""

    group: str
    refer: str
    text: str
    plural: bool
    rule: str


class PartyReader(PronounReader):
    """Party reading on one parsed ``Doc``; ``matcher`` is a ``PartyMatcher``."""

    doc: Doc
    matcher: Any
    cues: Cues
    _parties: dict[int, Party | None]
    _aliases: dict[int, tuple[str, str] | None]
    outer: Any

    def in_unit(self, token: Token) -> Token | None:
        raise NotImplementedError

    # ------------------------------------------------------------ noun phrases

    def np_bounds(self, token: Token) -> tuple[int, int]:
        """Token bounds of the noun phrase headed by ``token`` (no clauses, no conjuncts)."""
        start, end = token.i, token.i + 1
        for child in token.lefts:
            if child.dep_ not in ("punct", "cc", "preconj", "mark", "advmod", "meta"):
                start = min(start, child.left_edge.i)
        for child in token.rights:
            if child.dep_ in _NP_RIGHT or (
                child.dep_ == "prep" and child.lower_ in _NP_RIGHT_PREPS
            ):
                end = max(end, child.right_edge.i + 1)
            elif child.dep_ == "case" or (child.dep_ == "punct" and child.i == end):
                continue
        head = token.head
        if (
            head.i == start - 1
            and token.dep_ == "dobj"
            and head.dep_ in ("csubj", "nsubj", "advcl", "dep")
            and head.pos_ in ("VERB", "ADJ")
            and head.left_edge.i == head.i
        ):
            start -= 1  # "Governing/csubj bodies/dobj": the head word the parse made a verb
        return start, end

    def np_text(self, token: Token, *, coordinated: bool = False) -> str:
        if token.doc is not self.doc and self.outer is not None:
            return self.outer[0].np_text(token, coordinated=coordinated)
        start, end = self.np_bounds(token)
        if coordinated:
            for conj in conjuncts(token)[1:]:
                c_start, c_end = self.np_bounds(conj)
                start, end = min(start, c_start), max(end, c_end)
        return self.doc[start:end].text

    def _alias(self, token: Token) -> tuple[str, str] | None:
        if token.i not in self._aliases:
            self._aliases[token.i] = self._read_alias(token)
        return self._aliases[token.i]

    def _read_alias(self, token: Token) -> tuple[str, str] | None:
        start, end = self.np_bounds(token)
        # a relative clause may complete an alias: "those who have parental responsibility"
        for child in token.rights:
            if child.dep_ in ("relcl", "acl", "prep") and child.right_edge.i < token.i + 12:
                end = max(end, child.right_edge.i + 1)
        if end < token.sent.end and self.doc[end].lower_ in _TAIL_OPENERS:
            # "notify the person with parental responsibility" with the phrase hung on the verb
            end = max(end, min(end + _ALIAS_TAIL, token.sent.end))
        best: tuple[int, tuple[str, str]] | None = None
        for match_id, m_start, m_end in self.matcher.matcher(self.doc[start:end]):
            if not start + m_start <= token.i < start + m_end:
                continue
            length = m_end - m_start
            if best is None or length > best[0]:
                best = (length, self.matcher.info[match_id])
        if best is None and token.pos_ in ("VERB", "ADJ") and token.dep_ in ("csubj", "nsubj"):
            # a mis-parsed head word ("Governing/csubj bodies/dobj ... must have regard"):
            # an alias that starts at the token
            for match_id, m_start, m_end in self.matcher.matcher(self.doc[token.i : token.i + 4]):
                if m_start == 0 and (best is None or m_end > best[0]):
                    best = (m_end, self.matcher.info[match_id])
        return best[1] if best else None

    def party(self, token: Token) -> Party | None:
        """The party a noun phrase names, or ``None`` when it names none."""
        if token.doc is not self.doc and self.outer is not None:
            return self.outer[0].party(token)  # a token of the unit a clause was composed from
        if token.i in self._parties:
            return self._parties[token.i]
        self._parties[token.i] = None  # guards against cycles while resolving
        found = self._party(token)
        self._parties[token.i] = found
        return found

    def _party(self, token: Token) -> Party | None:
        lower = token.lower_
        if token.tag_ in ("WDT", "WP", "WP$") and lower in self.cues.relatives:
            head = relative_head(token)
            found = self.party(head) if head is not None else None
            if found is None or head is None:
                return None
            return Party(
                found.group, found.refer, self.np_text(head), found.plural, "relative pronoun"
            )
        if is_expletive(token):
            return None
        stands_for = self.former_or_latter(token)
        if stands_for is not None:  # "the former should consult"
            found = self.party(stands_for)
            if found is not None:
                return Party(found.group, found.refer, found.text, found.plural, f"the {lower}")
        if lower in self.cues.pronouns and token.pos_ == "PRON":
            antecedent = self.antecedent(token)
            if antecedent is None and self.outer is not None:
                # a composed clause: the antecedent stands earlier in the unit
                unit = self.in_unit(token)
                antecedent = self.outer[0].antecedent(unit) if unit is not None else None
            if antecedent is None:
                return None
            found = self.party(antecedent)
            if found is None:
                return None
            return Party(
                found.group, found.refer, found.text, found.plural, f"pronoun '{token.text}'"
            )
        if token.lemma_.lower() in _QUANTIFIERS:  # "each of its partners", "members of the family"
            for obj in prep_objects(token, frozenset({"of"})):
                found = self.party(obj)
                if found is not None:
                    return found
            for child in token.lefts:  # "family members", "panel members"
                found = self.party(child) if child.dep_ == "compound" else None
                alias = self._alias(token)
                if found is not None and (alias is None or alias[0] in GENERIC_GROUPS):
                    plural = token.tag_ in ("NNS", "NNPS")
                    return Party(found.group, found.refer, self.np_text(token), plural, "members")
        alias = self._alias(token)
        coordinated = any(
            c.dep_ in ("compound", "nmod", "amod") and any(g.dep_ == "conj" for g in c.children)
            for c in token.lefts
        )
        if alias is not None and (alias[0] in GENERIC_GROUPS or coordinated):
            # "health and education staff", "health and social care professionals": the first
            named = self._modifier_parties(token)
            if named:
                return named[0]
        if alias is None or alias[0] in GENERIC_GROUPS:
            # "staff in the school", "officers within the local authority"
            place = self._place(token)
            if place is not None:
                return place
            short = self._short_form(token)
            if short is not None:
                return short
        plural = (
            token.tag_ in ("NNS", "NNPS")
            or token.lower_ in _STAFF  # a collective: "staff ... they"
            or any(c.dep_ == "conj" for c in token.children)
        )
        if alias is not None and alias[0] in GENERIC_GROUPS and self._is_staff(token):
            group, rule = self._workplace(token)
            return Party(group, alias[1], self.np_text(token), plural, rule)
        if alias is None:
            if token.pos_ in ("NOUN", "PROPN") and token.lemma_.lower() in self.cues.party_nouns:
                # a person or body the aliases do not know ("the committee"): some party
                return Party("other", "any", self.np_text(token), plural, "party noun")
            return None
        return Party(alias[0], alias[1], self.np_text(token), plural, "alias")

    def agent_noun(self, token: Token) -> Party | None:
        """A subject noun read as a person by its ending (``the employer``, ``a clinician``).

        Used for subjects only, where an agent noun almost always names who acts;
        ``cues.jsonl`` lists the endings and the lemmas with them that name no party.
        """
        lemma = token.lemma_.lower()
        if (
            token.pos_ != "NOUN"
            or not token.is_alpha
            or len(lemma) < 5
            or lemma in self.cues.party_suffix_exceptions
            or not lemma.endswith(self.cues.party_suffixes)
        ):
            return None
        plural = token.tag_ == "NNS"
        return Party("other", "any", self.np_text(token), plural, "agent noun")

    def parties(self, token: Token) -> list[Party]:
        """Every party a phrase names (one for most phrases).

        *they/them/their* standing for a coordination names each member (``the
        parent and the head teacher ... their views``); a generic head with
        coordinated modifiers names each modifier's group (``health and
        education professionals``).
        """
        if token.doc is not self.doc and self.outer is not None:
            return self.outer[0].parties(token)
        if token.pos_ == "PRON" and "plural" in self.cues.pronouns.get(token.lower_, frozenset()):
            antecedent = self.antecedent(token)
            if antecedent is None and self.outer is not None:
                unit = self.in_unit(token)
                if unit is not None:
                    return self.outer[0].parties(unit)
            if antecedent is not None and any(c.dep_ == "conj" for c in antecedent.children):
                members = [self.party(c) for c in conjuncts(antecedent)]
                found = [m for m in members if m is not None]
                if found:
                    return found
        party = self.party(token)
        if party is not None and any(
            c.dep_ in ("compound", "nmod", "amod") and any(g.dep_ == "conj" for g in c.children)
            for c in token.lefts
        ):
            return self._modifier_parties(token) or [party]
        if party is not None and party.rule == "modifier":
            return self._modifier_parties(token) or [party]
        return [party] if party is not None else []

    def _modifier_parties(self, token: Token) -> list[Party]:
        """Groups named by the modifiers of a generic head (``health and education staff``)."""
        found: list[Party] = []
        for child in token.lefts:
            if child.dep_ not in ("compound", "nmod", "amod"):
                continue
            for member in conjuncts(child):
                # the member with its own modifiers: "social care" in "health and social care staff"
                own = [t for t in member.lefts if t.dep_ in ("compound", "amod")]
                names = [t.text.lower() for t in (*own, member, token)]
                words = Doc(self.doc.vocab, words=names)
                best: tuple[int, tuple[str, str]] | None = None
                for match_id, m_start, m_end in self.matcher.matcher(words):
                    if m_end == len(names) and (best is None or m_end - m_start > best[0]):
                        best = (m_end - m_start, self.matcher.info[match_id])
                if best is not None and best[0] >= 2 and best[1][0] not in GENERIC_GROUPS:
                    text = self.np_text(token)
                    found.append(Party(best[1][0], best[1][1], text, True, "modifier"))
        return found

    def _is_staff(self, token: Token) -> bool:
        if token.lower_ in _STAFF:
            return not any(c.dep_ == "poss" or c.lower_ in ("of", "from") for c in token.children)
        return any(c.dep_ == "compound" and c.lower_ in _STAFF for c in token.lefts)

    def _workplace(self, token: Token) -> tuple[str, str]:
        """``(group, rule)`` of bare *staff*: those of the institution named nearest before
        (else after) them in the unit.

        Following the annotation guidelines, staff of a school, college or
        setting are ``education`` and staff of a children's home (or of any
        other named body) ``professional``; a local authority, health or
        social care body named nearby is a partner the staff work with, not
        their workplace. With no institution in reach the word is read as
        school staff (its usual sense in SEND guidance).
        """
        doc = self.doc
        before = range(token.i - 1, max(-1, token.i - ANTECEDENT_WINDOW), -1)
        after = range(token.i + 1, min(len(doc), token.i + ANTECEDENT_WINDOW))
        for i in (*before, *after):
            other = doc[i]
            if (
                other.pos_ not in ("NOUN", "PROPN")
                or other.dep_ in ("compound", "amod")
                or other.lower_ in _STAFF
            ):
                continue
            alias = self._alias(other)
            if alias is None or (alias[1] != "body" and alias[0] != "other"):
                continue  # an institution: a school, a setting, a home, a registered person
            if alias[0] not in ("education", "other") or other.lower_ in _PARTNERS:
                continue  # a partner the staff work with (the local authority, the NHS, police)
            if alias[0] == "education":
                return "education", f"staff near '{other.text}'"
            return "professional", f"staff near '{other.text}'"
        return "education", "staff (no institution named)"

    def _short_form(self, token: Token) -> Party | None:
        """``the adviser`` after ``the personal adviser``: the party named in full before.

        A definite head noun without modifiers that names no specific group
        takes the group of the nearest earlier mention of the same noun with
        modifiers that an alias reads as another group (``the virtual school
        head ... the head``).
        """
        lefts = list(token.lefts)
        if (
            not any(c.dep_ == "det" and c.lower_ in _DEFINITE for c in lefts)
            or any(c.dep_ in ("amod", "compound", "poss", "nmod", "nummod") for c in lefts)
            or any(c.dep_ in ("relcl", "acl", "prep", "appos") for c in token.rights)
        ):
            return None  # "the person who made the referral" is someone else
        lemma = token.lemma_.lower()
        own = self._alias(token)
        for i in range(token.i - 1, max(-1, token.i - ANTECEDENT_WINDOW), -1):
            other = self.doc[i]
            if other.lemma_.lower() != lemma or not any(
                c.dep_ in ("amod", "compound") for c in other.lefts
            ):
                continue
            alias = self._alias(other)
            if alias is not None and (own is None or alias[0] != own[0]):
                plural = token.tag_ in ("NNS", "NNPS")
                return Party(alias[0], alias[1], self.np_text(token), plural, "short form")
        return None

    def _place(self, token: Token) -> Party | None:
        """The specific party a generic noun belongs to (``everyone in the school``)."""
        # a place phrase after the last conjunct is shared: "the officer or teams within the LA"
        # (or hung off the first conjunct after the last one)
        sharing = [token, *conjuncts(token)[1:]] if token.dep_ != "conj" else [token]
        places = [obj for t in sharing for obj in prep_objects(t, _PLACE_PREPS)]
        if token.dep_ == "conj":
            first = coordination_head(token)
            places += [o for o in prep_objects(first, _PLACE_PREPS) if o.i > token.i]
        for obj in places:
            found = self.party(obj)
            if found is not None and found.group not in GENERIC_GROUPS:
                plural = token.tag_ in ("NNS", "NNPS")
                return Party(found.group, found.refer, self.np_text(token), plural, "place")
        return None
