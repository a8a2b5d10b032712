"""What a whole document tells the tagger about each of its clauses.

Two readings need the document, not the clause:

* an imperative in guidance (``Consider whether ...``) is addressed to the
  document's addressee, where the document says whom it is for (``This
  guidance is for governing bodies ...``; labelling guidelines), else to
  nobody named;
* bare *staff* with no institution named in reach work where the
  document's staff work: a school in school guidance, a children's home in a
  guide for homes;
* a bare name of a kind of body (*agencies*, *the service*) means the body
  the document names in full with that head word, when one kind dominates:
  *agencies* in adoption guidance are its adoption agencies;
* *we* is the document's author where the publishers it names are nearly
  all one (Ofsted in an inspection framework, the Department in school
  guidance), else the only writer its opening names (a council's strategy, a
  children's home's statement of purpose, a commissioner's report), and no
  party where the document does not make its author clear (as an unresolved
  pronoun is);
* a short form the document defines in brackets after a party's full name
  (``Lead Safeguarding Partner (LSP)``), or a label a provision gives a party
  in quotes (``a licensing authority ("LA1")``), names that party wherever it
  stands alone (``the LSPs should``, ``LA1 must notify LA2``).

:func:`document_context` reads both from the document's text before anything
is parsed, with the actor lexicon (:class:`DocumentContext`). The tagging
driver hands the context to the spaCy component with every ``Doc`` it makes,
under ``doc.user_data[`` :data:`USER_DATA_KEY` ``]`` as plain data
(:meth:`DocumentContext.to_data`), so the component reads it whether it runs
in this process or a worker; a ``Doc`` without it gets the context of its own
text, so ``nlp(text)`` on a whole document reads the same.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any

from spacy.tokens import Doc

if TYPE_CHECKING:
    from textmine.nlp.parties import PartyMatcher

__all__ = ["FAMILY_GROUPS", "USER_DATA_KEY", "DocumentContext", "context_of", "read_context"]

#: Where the component finds the document context of a ``Doc``.
USER_DATA_KEY = "textmine"
#: Groups a generic noun falls into (``organisations``, ``the service``): a place phrase, a
#: modifier or the document may name a narrower one.
GENERIC_GROUPS = frozenset({"other", "professional"})
#: The contract's groups of children and families: whom a document may also be written for,
#: and who a plan about a child is not done by.
FAMILY_GROUPS = frozenset({"child", "young_person", "parent"})


@dataclass(frozen=True)
class DocumentContext:
    """The document-level readings a clause may need (see the module docstring)."""

    #: The group the document says it is for (``None``: it does not say, or names several).
    addressee: str | None = None
    #: The words that say so (``This guidance is for governing bodies``), for explanations.
    addressee_text: str | None = None
    #: Where the document's staff work (``education``, ``professional``), when it tells.
    workplace: str | None = None
    #: The document's kind (``act``, ``si``, ``guidance`` ...): only guidance addresses a reader.
    kind: str | None = None
    #: ``(head word, group)``: the group of the bodies the document names in full with that
    #: head (``("agency", "other")`` where it speaks of adoption agencies), when one dominates.
    heads: tuple[tuple[str, str], ...] = ()
    #: The group of the body that writes *we* (``None``: the document does not tell).
    author: str | None = None
    #: ``(short form, group, refer)`` of the abbreviations the document defines for parties
    #: (``Adoption Support Services Adviser (ASSA)``), by the group of the full name.
    abbreviations: tuple[tuple[str, str, str], ...] = ()
    #: ``(term, group, refer)`` of the collective party terms the document defines
    #: (``the "relevant authorities" are— (a) the local policing body, ...``), by the
    #: first party the definition lists.
    definitions: tuple[tuple[str, str, str], ...] = ()
    #: The group of an authority named by a modifier of its own (``the appropriate
    #: authority``) where the document speaks of such authorities far more than of local
    #: authorities: ``other`` (``None``: the bare word keeps the lexicon's local authority).
    authority_group: str | None = None

    def defined(self, term: str) -> tuple[str, str] | None:
        """``(group, refer)`` of the party a defined collective term (``relevant
        authorities``, singular or plural) names, else ``None``."""
        for word, group, refer in self.definitions:
            if singular(term) == singular(word):
                return group, refer
        return None

    def head_group(self, head: str) -> str | None:
        """The group the document's full names with ``head`` (a singular noun) hold, if any."""
        return dict(self.heads).get(head)

    @cached_property
    def _short_forms(self) -> dict[str, tuple[str, str]]:
        return {short: (group, refer) for short, group, refer in self.abbreviations}

    def abbreviation(self, word: str) -> tuple[str, str] | None:
        """``(group, refer)`` of the party a short form the document defined names (``ASSA``,
        or ``ASSAs``), else ``None``."""
        defined = self._short_forms
        if word in defined:
            return defined[word]
        return defined.get(word[:-1]) if word.endswith("s") else None

    def to_data(self) -> dict[str, Any]:
        """Plain data for ``doc.user_data`` (it crosses process boundaries as msgpack)."""
        return {
            "addressee": self.addressee,
            "addressee_text": self.addressee_text,
            "workplace": self.workplace,
            "kind": self.kind,
            "heads": [list(pair) for pair in self.heads],
            "author": self.author,
            "abbreviations": [list(entry) for entry in self.abbreviations],
            "definitions": [list(entry) for entry in self.definitions],
            "authority_group": self.authority_group,
        }

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> DocumentContext:
        return cls(
            addressee=data.get("addressee"),
            addressee_text=data.get("addressee_text"),
            workplace=data.get("workplace"),
            kind=data.get("kind"),
            heads=tuple((str(h), str(g)) for h, g in data.get("heads") or ()),
            author=data.get("author"),
            abbreviations=tuple(
                (str(short), str(group), str(refer))
                for short, group, refer in data.get("abbreviations") or ()
            ),
            definitions=tuple(
                (str(term), str(group), str(refer))
                for term, group, refer in data.get("definitions") or ()
            ),
            authority_group=data.get("authority_group"),
        )


def context_of(doc: Doc) -> DocumentContext | None:
    """The context the driver gave ``doc``, or ``None``."""
    data = doc.user_data.get(USER_DATA_KEY)
    return DocumentContext.from_data(data) if isinstance(data, Mapping) else None


#: How many provisions from the start an audience statement is looked for in.
AUDIENCE_WINDOW = 60
#: Fewest institution mentions to tell where the document's staff work, and the share the
#: most frequent kind must hold.
MIN_INSTITUTIONS = 5
MIN_INSTITUTION_SHARE = 2 / 3
_DOCUMENT = (
    r"(?:statutory\s+)?(?:guidance|guide|document|handbook|code(?:\s+of\s+practice)?|advice"
    r"|publication|framework|policy|checklist|toolkit|tool|resource|leaflet)"
)
#: "This guidance is for ...", "This statutory guide is aimed at ...", "It is intended for
#: ...", "This guidance should be read and followed by ...", "guidance to X about ...",
#: "this guidance will support X to ...", "a simple tool for practitioners who ...", "This
#: policy applies to ...".
_AUDIENCE = re.compile(
    r"\b(?:(?:this|the|it)\s+(?:is\s+(?:a\s+)?)?" + _DOCUMENT + r"?\s*"
    r"(?:is|has\s+been)\s+(?:(?:written|issued|produced|intended|aimed|designed|published|"
    r"primarily|mainly|principally|mostly)\s+)*(?:for|at)"
    r"|should\s+be\s+read\s+(?:and\s+followed\s+)?by"
    r"|(?:this|the)\s+" + _DOCUMENT + r"\s+(?:will|should|aims\s+to|is\s+(?:designed|intended)"
    r"\s+to)\s+(?:support|help|assist|enable|guide)"
    r"|(?:provid\w+|giv\w+|offer\w+)\s+(?:statutory\s+)?guidance\s+(?:to|for)"
    r"|is\s+statutory\s+guidance\s+for"
    # "This policy applies to all staff", "This policy sets out ... It applies to all staff"
    r"|(?:this|the)\s+" + _DOCUMENT + r"\s+(?:[^.;]{0,200}[.]\s+it\s+)?applies\s+to"
    r"|\b(?:tool|toolkit|resource|checklist)\s+for)\s*:?\s+(?P<who>[^.;]{3,300})",
    re.IGNORECASE,
)
#: A reader addressed by role: ``As a foster carer, you ...``, ``As the designated teacher,
#: you should ...``.
_AS_YOU = re.compile(r"\bas\s+(?:an?|the)\s+(?P<who>[^,.;:]{3,80}),\s+you\b", re.IGNORECASE)
_FOLLOWING = re.compile(r"^\s*the\s+following\b[^:]*:?\s*$", re.IGNORECASE)
#: Words that may stand before the addressee's name in an audience statement.
_DETERMINERS = frozenset(
    {"the", "all", "any", "every", "each", "both", "those", "these", "a", "an"}
)
#: Words for anyone at all: an audience statement that opens with one names no addressee.
_ANYONE = frozenset(
    {"everyone", "everybody", "anyone", "anybody", "people", "persons", "those", "others"}
)
#: Bodies named near staff that are partners, never their workplace (also for
#: :meth:`~textmine.nlp.parties.Parties._workplace`).
PARTNERS = frozenset({"police", "court", "courts", "ofsted", "hmci", "tribunal", "cafcass"})
#: Fewest full names with one head word, and the share one group must hold among them, for
#: the bare head word to take that group.
MIN_HEAD_MENTIONS = 5
MIN_HEAD_SHARE = 2 / 3


#: Publishers of guidance by group, as a document names them: the author of its *we* is the
#: one it names most, when that one holds at least :data:`MIN_AUTHOR_SHARE` of at least
#: :data:`MIN_AUTHOR_MENTIONS` such names.
_PUBLISHERS = {
    "other": re.compile(r"\b(?:Ofsted|HMCI|Care Quality Commission|CQC)\b"),
    "secretary_of_state": re.compile(
        r"\b(?:DfE|Department for Education|the Department\b|Secretary of State)"
    ),
    "local_authority": re.compile(r"\b[A-Z][a-z]+(?: (?:County|Borough|City|District))? Council\b"),
}
MIN_AUTHOR_MENTIONS = 10
MIN_AUTHOR_SHARE = 4 / 5


#: Writers a document's opening names as itself (``I am delighted to introduce Bedford
#: Borough Council's strategy``, ``The Haydn - Residential Children's Home``, ``Since
#: becoming Children's Commissioner``, ``Northfield Fostering is committed to``), besides
#: the publishers above.
_OPENING_WRITERS = (
    ("other", re.compile(r"\bChildren['\u2019]s (?:Home|Commissioner)\b")),
    # an independent fostering provider by its name (``Northfield Fostering``)
    ("other", re.compile(r"\b[A-Z][a-z]+ Fostering\b")),
    # a safeguarding partnership writing for its partners (the README's "safeguarding
    # partners": professional)
    ("professional", re.compile(r"\bSafeguarding (?:Children )?Partnership\b")),
    # a council by its kind (``Bedford Borough Council``), not any body called a council
    # (``the UK Trauma Council``)
    (
        "local_authority",
        re.compile(r"\b[A-Z][a-z]+ (?:County|Borough|City|District|Metropolitan) Council\b"),
    ),
)
#: What an opening is searched for: the publishers above, with a council only by its kind.
_OPENING_PATTERNS = (
    *((group, p) for group, p in _PUBLISHERS.items() if group != "local_authority"),
    *_OPENING_WRITERS,
)
#: How many provisions open a document (its title block, foreword or first paragraphs).
OPENING_PROVISIONS = 6

#: Institutions a local policy calls itself by (``the setting``, ``our school``, ``The
#: Agency``), by the group of the institution: the one a policy names so most is its own.
_OWN_KINDS = {
    "setting": "education",
    "nursery": "education",
    "pre-school": "education",
    "preschool": "education",
    "school": "education",
    "academy": "education",
    "college": "education",
    "home": "other",
    "agency": "other",
    "company": "other",
    "organisation": "other",
    "organization": "other",
    "charity": "other",
    "council": "local_authority",
}
#: ``the``/``our``/``this`` and one of those kinds (after the bar that opens a
#: reStructuredText substitution, ``|The Setting|``).
_OWN = re.compile(
    r"\b(?:the|our|this)\s+\|?(" + "|".join(sorted(_OWN_KINDS, key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)
#: Fewest self-references, and the share one kind must hold, for a policy's own institution;
#: fewest uses of *we* for the institution to be the author of its *we*.
MIN_OWN_MENTIONS = 5
MIN_OWN_SHARE = 2 / 3
MIN_FIRST_PERSON = 3
#: Kinds of document that are law, not an institution's own policy.
_STATUTE = frozenset({"act", "si", "bill"})


def _own_institution(texts: Sequence[str], kind: str | None) -> str | None:
    """The group of the institution a local policy calls itself by: the kind of institution
    it names most with *the*, *our* or *this* (``the setting``), when one holds
    :data:`MIN_OWN_SHARE` of at least :data:`MIN_OWN_MENTIONS` such names; never in
    statute."""
    if kind in _STATUTE:
        return None
    counts = Counter(
        _OWN_KINDS[found.group(1).lower()] for t in texts for found in _OWN.finditer(t)
    )
    return _dominant(counts, MIN_OWN_MENTIONS, MIN_OWN_SHARE)


def _author(texts: Sequence[str], own: str | None = None) -> str | None:
    """The group of the publisher the document names (nearly) alone, if any; else of the only
    one its opening names; else, in a document that speaks as *we*, of its own institution
    (``own``, :func:`_own_institution`)."""
    counts = Counter(
        {group: sum(len(p.findall(t)) for t in texts) for group, p in _PUBLISHERS.items()}
    )
    dominant = _dominant(counts, MIN_AUTHOR_MENTIONS, MIN_AUTHOR_SHARE)
    if dominant is not None:
        return dominant
    opening = texts[:OPENING_PROVISIONS]
    named = {
        group for group, pattern in _OPENING_PATTERNS if any(pattern.search(t) for t in opening)
    }
    if len(named) == 1:
        return named.pop()
    if own is not None and sum(len(_FIRST_PERSON.findall(t)) for t in texts) >= MIN_FIRST_PERSON:
        return own
    return None


def _dominant(counts: Counter[str], fewest: int, share: float) -> str | None:
    """The most frequent key of ``counts`` where there are at least ``fewest`` in all and it
    holds at least ``share`` of them, else ``None``."""
    total = sum(counts.values())
    if total < fewest:
        return None
    key, count = counts.most_common(1)[0]
    return key if count / total >= share else None


def singular(word: str) -> str:
    """The singular of a lower-case plural noun as the lexicons spell them (``agencies``)."""
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return word


def read_context(
    texts: Sequence[str],
    make_doc: Callable[[str], Doc],
    matcher: PartyMatcher,
    kind: str | None = None,
) -> DocumentContext:
    """The :class:`DocumentContext` of a document whose provisions have ``texts``.

    The addressee is the first party the document's audience statement names
    (``This guidance is for ...``, looked for in its first
    :data:`AUDIENCE_WINDOW` provisions), else the role it addresses its reader
    by anywhere (``As a foster carer, you ...``); the workplace is
    ``education`` where schools, colleges and settings make at least
    :data:`MIN_INSTITUTION_SHARE` of the institutions the document names (at
    least :data:`MIN_INSTITUTIONS` mentions), ``professional`` where other
    bodies (homes, agencies) do, else that of the institution a local policy
    calls itself by (:func:`_own_institution`).
    """
    addressee, said = None, None
    head = list(texts[:AUDIENCE_WINDOW])
    for index, text in enumerate(head):
        for found in _AUDIENCE.finditer(text):
            who = found.group("who")
            if _FOLLOWING.match(who) or who.rstrip().endswith(":"):
                # "statutory guidance for the following organisations:" then the list
                rest = text[found.end() :].split("\n")[1:4] or head[index + 1 : index + 3]
                who = " ".join(rest)
            group = _first_group(make_doc(who), matcher)
            if group is not None:
                addressee, said = group, " ".join(found.group(0).split())[:200]
                break
        if addressee is not None:
            break
    if addressee is None:
        # "As a foster carer, you ...", wherever the document says it
        for found in (m for text in texts for m in _AS_YOU.finditer(text)):
            group = _head_group(make_doc(found.group("who").strip()), matcher)
            if group is not None:
                addressee, said = group, " ".join(found.group(0).split())[:200]
                break
    kinds: Counter[str] = Counter()
    named: dict[str, Counter[str]] = {}
    for text in texts:
        doc = make_doc(text)
        matches = matcher.matcher(doc)
        for match_id, start, end in matches:
            group, refer = matcher.info[match_id]
            if (
                refer == "body"
                and end - start >= 2
                and not any(s <= start and end <= e and e - s > end - start for _, s, e in matches)
            ):  # a full name ("adoption agencies"), not a part of a longer one
                named.setdefault(singular(doc[end - 1].lower_), Counter())[group] += 1
            if refer != "body" or group not in ("education", "other"):
                continue
            if any(t.lower_ in PARTNERS for t in doc[start:end]):
                continue
            kinds["education" if group == "education" else "professional"] += 1
    own = _own_institution(texts, kind)
    workplace = _dominant(kinds, MIN_INSTITUTIONS, MIN_INSTITUTION_SHARE)
    if workplace is None and own in ("education", "other"):
        # a policy's staff work at its own institution: a setting's (education) or a home's
        workplace = "education" if own == "education" else "professional"
    heads = tuple(
        (word, group)
        for word, groups in sorted(named.items())
        if (group := _dominant(groups, MIN_HEAD_MENTIONS, MIN_HEAD_SHARE)) is not None
    )
    return DocumentContext(
        addressee,
        said,
        workplace,
        kind,
        heads,
        _author(texts, own),
        *_named_definitions(
            texts,
            make_doc,
            matcher,
            _abbreviations(texts, make_doc, matcher),
            _definitions(texts, make_doc, matcher),
        ),
        _authority_group(texts, make_doc, matcher),
    )


#: A capitalised name or short form a document defines by a proper name: ``"the
#: Authority" means the Gas and Electricity Markets Authority``, ``"VTW" means the
#: Valuation Tribunal for Wales``.
_NAME_DEFINITION = re.compile(
    r"[\u201c\"]\s*(?:the\s+)?(?P<term>[A-Z][A-Za-z]{1,20})\s*[\u201d\"]\s+means\s+"
    r"(?:an?\s+|the\s+)?(?P<name>[A-Z][\w\u2019'-]*(?:\s+(?:[A-Z][\w\u2019'-]*|and|of|for|the))*"
    r"|[a-z][a-z-]*(?:\s+[a-z][a-z-]*){0,3})"
)


def _name_group(
    name: str, make_doc: Callable[[str], Doc], matcher: PartyMatcher
) -> tuple[str, str]:
    """``(group, refer)`` of the party a defined name names. A proper name: the alias that
    ends its head (the words before any ``of``/``for``/``to``), except that a name ending in
    a local authority's word (``Gas and Electricity Markets Authority``) is some other body,
    as is a name that ends in no alias. A common noun phrase (``valuation officer``): the
    kind of party it names, else some other party."""
    if name[:1].islower():
        return _first_kind(name, make_doc, matcher) or ("other", "body")
    doc = make_doc(name)
    head_end = _head_end(doc)
    ending = [
        (start, matcher.info[match_id])
        for match_id, start, end in matcher.matcher(doc)
        if end == head_end
    ]
    if not ending:
        return "other", "body"
    start, (group, refer) = min(ending)
    if group == "local_authority" and start > 0:
        return "other", "body"
    return group, refer


def _named_definitions(
    texts: Sequence[str],
    make_doc: Callable[[str], Doc],
    matcher: PartyMatcher,
    abbreviations: tuple[tuple[str, str, str], ...],
    definitions: tuple[tuple[str, str, str], ...],
) -> tuple[tuple[tuple[str, str, str], ...], tuple[tuple[str, str, str], ...]]:
    """The abbreviations and collective terms, with those the document defines by a proper
    name added (:data:`_NAME_DEFINITION`): a short form in capitals (``VTW``) among the
    abbreviations, a capitalised collective word (``the Authority``) among the definitions,
    each by the group of the body it names (a short form may also stand for a common noun
    phrase: ``"VO" means the valuation officer``); what is already there, or defined for two
    groups, is kept as it is."""
    found: dict[str, Counter[tuple[str, str]]] = {}
    for text in texts:
        for match in _NAME_DEFINITION.finditer(text):
            term, name = match.group("term"), match.group("name")
            if name[:1].islower() and not term.isupper():
                continue  # a collective word defined by a description: _definitions reads it
            found.setdefault(term, Counter())[_name_group(name, make_doc, matcher)] += 1
    shorts = {short for short, _, _ in abbreviations}
    terms = {term for term, _, _ in definitions}
    more_short, more_terms = [], []
    for term, parties in sorted(found.items()):
        if len(parties) != 1:
            continue
        (group, refer), _ = parties.most_common(1)[0]
        if term.isupper() and len(term) >= 2 and term not in shorts:
            more_short.append((term, group, refer))
        elif singular(term.lower()) in COLLECTIVE_HEADS and term.lower() not in terms:
            more_terms.append((term.lower(), group, refer))
    return abbreviations + tuple(more_short), definitions + tuple(more_terms)


#: An authority named by a lower-case modifier (``the appropriate authority``, ``a licensing
#: authority``), not a local one (``local housing authority``).
_MODIFIED_AUTHORITY = re.compile(r"(?<!local )\b([a-z]+) authorit(?:y|ies)\b")
#: Mentions of local government: ``local (education) authority``, ``county council``.
_LOCAL_GOVERNMENT = re.compile(
    r"\blocal (?:[a-z]+ )?authorit|\b(?:county|district|borough|city|parish|town) councils?\b",
    re.IGNORECASE,
)
#: Words before ``authority`` that do not name a kind of authority.
_NO_KIND = frozenset(
    {
        "the", "a", "an", "that", "this", "each", "every", "any", "such", "other", "its", "their",
        "which", "no", "same", "one", "either", "neither", "whose", "his", "her", "and", "or",
        "lawful", "legal", "general", "statutory", "delegated",
    }
)  # fmt: skip
#: Fewest mentions of such authorities that make them the document's, and how many times
#: the document's mentions of local government they must outnumber.
MIN_MODIFIED_AUTHORITIES = 3
MODIFIED_AUTHORITY_RATIO = 2


def _authority_group(
    texts: Sequence[str], make_doc: Callable[[str], Doc], matcher: PartyMatcher
) -> str | None:
    """``other`` where the document speaks of authorities named by a modifier the lexicon
    has no alias for (``the appropriate authority`` of service police complaints, ``the
    relevant authority`` of a regulator) more than :data:`MODIFIED_AUTHORITY_RATIO` times as
    often as of local government, at least :data:`MIN_MODIFIED_AUTHORITIES` times; else
    ``None`` (a children's services document's ``relevant authority`` is a council)."""
    own_alias: dict[str, bool] = {}
    modified = local = 0
    for text in texts:
        local += len(_LOCAL_GOVERNMENT.findall(text))
        for match in _MODIFIED_AUTHORITY.finditer(text):
            word = match.group(1)
            if word in _NO_KIND:
                continue
            if word not in own_alias:  # "responsible authority", "health authority": an alias
                doc = make_doc(f"{word} authority")
                own_alias[word] = any(s == 0 for _, s, _ in matcher.matcher(doc))
            if not own_alias[word]:
                modified += 1
    if modified >= MIN_MODIFIED_AUTHORITIES and modified > MODIFIED_AUTHORITY_RATIO * local:
        return "other"
    return None


#: A short form defined in brackets after the full name: ``Lead Member (LM)``, ``(the
#: 'ASSA')``; or ``(hereafter 'lead safeguarding partner' or 'LSP')``.
_SHORT = r"[\u2018\u2019'\"\u201c\u201d]?(?P<short>[A-Z]{2,6})s?[\u2018\u2019'\"\u201c\u201d]?"
_BRACKETED = re.compile(r"\(\s*(?:the\s+)?" + _SHORT + r"\s*\)")
_HEREAFTER = re.compile(
    r"\(\s*hereafter\s+[\u2018'\"\u201c](?P<name>[^\u2019'\"\u201d()]{3,80})[\u2019'\"\u201d]"
    r"\s+or\s+" + _SHORT + r"\s*\)"
)
#: A label a provision gives a party in quotes and brackets after naming it: ``an
#: enforcement authority ("LA1")``, ``a different authority ("LA2")``.
_LABELLED = re.compile(
    r"\b(?i:a|an|the|any|another|each)\s+(?P<name>[A-Za-z][A-Za-z -]{1,60}?)\s*\(\s*"
    r"[\u2018'\"\u201c](?P<short>[A-Z]{1,4}\d{0,2})[\u2019'\"\u201d]\s*\)"
)
#: Words that end the head of a full name (``Convention | on the Rights of the Child``).
_HEAD_ENDS = frozenset({"of", "for", "to", "on", "in", "with", "against"})
#: Words a short form skips when its letters are the initials of its full name.
_UNLETTERED = frozenset({"of", "for", "and", "the", "in", "on", "to", "with", "s", "\u2019s", "'s"})


def _abbreviations(
    texts: Sequence[str], make_doc: Callable[[str], Doc], matcher: PartyMatcher
) -> tuple[tuple[str, str, str], ...]:
    """The short forms the document defines for parties, with the group and pronoun class of
    the alias their full name ends in; a short form defined for parties of two groups, or
    one the lexicon knows itself, is left out."""
    found: dict[str, Counter[tuple[str, str]]] = {}
    for text in texts:
        if "(" not in text:
            continue
        named = [(m.group("short"), m.group("name")) for m in _HEREAFTER.finditer(text)]
        named += [
            (m.group("short"), _initialled(text[: m.start()], m.group("short")))
            for m in _BRACKETED.finditer(text)
        ]
        for m in _LABELLED.finditer(text):  # a common noun phrase: its head's group
            kind = _first_kind(m.group("name"), make_doc, matcher)
            short = m.group("short")
            if kind is not None and len(short) >= 2:  # not "A", the article
                found.setdefault(short, Counter())[kind] += 1
        for short, name in named:
            if not name or len(short) < 2:
                continue
            party = _ending_alias(make_doc(name), matcher)
            if party is not None:
                found.setdefault(short, Counter())[party] += 1
    out = []
    for short, parties in sorted(found.items()):
        if len(parties) == 1 and _ending_alias(make_doc(short), matcher) is None:
            (group, refer), _ = parties.most_common(1)[0]
            out.append((short, group, refer))
    return tuple(out)


def _initialled(before: str, short: str) -> str | None:
    """The words at the end of ``before`` whose initials spell ``short`` (skipping ``of``,
    ``and`` ...), as written, else ``None``."""
    words = re.findall(r"[A-Za-z][\w\u2019'-]*", before)[-3 * len(short) :]
    letters = list(short)
    start = None
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        if word.lower() in _UNLETTERED:
            continue
        if not letters or word[0].upper() != letters[-1]:
            return None
        letters.pop()
        start = index
        if not letters:
            break
    if letters or start is None:
        return None
    return " ".join(words[start:])


#: Head words of party terms whose group a document's own definition decides (``"relevant
#: authorities" are— ...``, ``"relevant person" means— (a) a local authority``); not
#: *partners*: partners of several groups are professionals, by the contract.
COLLECTIVE_HEADS = frozenset({"authority", "body", "organisation", "agency", "provider", "person"})
#: A defined term and the start of its definition: ``"relevant authorities" means``, ``the
#: "relevant partners" of a council are—``.
_DEFINITION = re.compile(
    r"[\u201c\"\u2018']\s*(?:the\s+)?(?P<term>[a-z][a-z -]{2,50}?)\s*[\u201d\"\u2019']"
    r"[^.;:\u2014\u201c\"]{0,60}?\s(?:means|are|is)\b"
    r"(?:\s*[\u2014\u2013\u2015:]\s*|\s+(?=(?:a|an|the|any|each|every)\s))"
)
#: A term defined in brackets after the noun phrase it names: ``An educational, prison or
#: youth custody authority (a "relevant authority")``.
_BRACKETED_DEFINITION = re.compile(
    r"\b(?i:a|an|the|any|each|every)\s+(?P<np>[A-Za-z][A-Za-z ,-]{2,80}?)\s*\(\s*"
    r"(?:(?:a|an|the)\s+)?[\u201c\"\u2018']\s*(?P<term>[a-z][a-z -]{2,50}?)\s*"
    r"[\u201d\"\u2019']\s*\)"
)
#: Words that make a quoted phrase no party term (``looked-after by a local authority``).
_NOT_TERM_WORDS = frozenset({"by", "of", "in", "to", "for", "with", "a", "an", "the", "or"})
#: A list label opening a definition's first item.
_FIRST_LABEL = re.compile(r"^\s*\(?[a-z0-9]{1,3}\)\s*")


def _definitions(
    texts: Sequence[str], make_doc: Callable[[str], Doc], matcher: PartyMatcher
) -> tuple[tuple[str, str, str], ...]:
    """The collective party terms the document defines (a term whose last word is one of
    :data:`COLLECTIVE_HEADS`), with the group of the first body their definition names; a
    term defined for two groups is left out."""
    found: dict[str, Counter[tuple[str, str]]] = {}
    for index, text in enumerate(texts):
        for match in _DEFINITION.finditer(text):
            term = " ".join(match.group("term").split())
            words = term.split()
            if (
                singular(words[-1]) not in COLLECTIVE_HEADS
                or len(words) < 2
                or any(w in _NOT_TERM_WORDS for w in words)
            ):
                continue
            rest = text[match.end() : match.end() + 160]
            if not rest.strip() and index + 1 < len(texts):  # the items are the next provisions
                rest = texts[index + 1][:160]
            rest = _FIRST_LABEL.sub("", rest)
            doc = make_doc(rest.split(";")[0])
            # the first body the definition names ("in relation to a child, the local
            # authority ..." defines an authority, not a child; not the Secretary of State,
            # who mostly prescribes or designates the persons a definition names)
            matches = sorted(
                (m for m in matcher.matcher(doc) if matcher.info[m[0]][1] == "body"),
                key=lambda m: (m[1], m[1] - m[2]),
            )
            if matches:
                found.setdefault(term, Counter())[matcher.info[matches[0][0]]] += 1
        for match in _BRACKETED_DEFINITION.finditer(text):
            term = " ".join(match.group("term").split())
            named = _first_kind(match.group("np"), make_doc, matcher)
            if singular(term.split()[-1]) in COLLECTIVE_HEADS and named is not None:
                found.setdefault(term, Counter())[named] += 1
    return tuple(
        (term, *parties.most_common(1)[0][0])
        for term, parties in sorted(found.items())
        if len(parties) == 1
    )


def _first_kind(
    phrase: str, make_doc: Callable[[str], Doc], matcher: PartyMatcher
) -> tuple[str, str] | None:
    """``(group, refer)`` of the first kind of body a noun phrase names: with coordinated
    modifiers, the first modifier with the head (``educational, prison or youth custody
    authority``: an educational authority), else an alias that ends the phrase."""
    words = phrase.replace(",", " ").split()
    if not words:
        return None
    for candidate in (f"{words[0]} {words[-1]}", " ".join(words)):
        doc = make_doc(candidate)
        ending = [
            (start, matcher.info[match_id])
            for match_id, start, end in matcher.matcher(doc)
            if end == len(doc) and matcher.info[match_id][1] == "body"
        ]
        if ending:
            return min(ending)[1]
    return None


def _ending_alias(doc: Doc, matcher: PartyMatcher) -> tuple[str, str] | None:
    """``(group, refer)`` of the party a full name names, if it is one: an alias that is the
    whole name (``Director of Children's Services``), else the longest alias that ends its
    head, the words before any ``of``/``for``/``to`` (``Local Safeguarding Partner``; not
    ``Convention on the Rights of the Child``). An alias of a narrower group must then be
    the whole head: ``Criminal Injuries Compensation Authority`` is no local authority."""
    matches = [
        (start, end, matcher.info[match_id]) for match_id, start, end in matcher.matcher(doc)
    ]
    whole = [info for start, end, info in matches if start == 0 and end == len(doc)]
    if whole:
        return whole[0]
    head_end = _head_end(doc)
    best: tuple[int, tuple[str, str]] | None = None
    for start, end, info in matches:
        if end == head_end and (best is None or start < best[0]):
            best = (start, info)
    if best is None or (best[0] > 0 and best[1][0] not in GENERIC_GROUPS):
        return None
    return best[1]


def _head_end(doc: Doc) -> int:
    """Where a name's head ends: before its first ``of``/``for``/``to`` ... (``Valuation
    Tribunal`` of ``Valuation Tribunal for Wales``), else at its end."""
    return next((t.i for t in doc if t.lower_ in _HEAD_ENDS and t.i > 0), len(doc))


def _head_group(doc: Doc, matcher: PartyMatcher) -> str | None:
    """The group of the longest alias that ends the words ``doc`` (``a Northfield foster
    carer``: the foster carer's)."""
    ending = [
        (end - start, matcher.info[match_id][0])
        for match_id, start, end in matcher.matcher(doc)
        if end == len(doc)
    ]
    return max(ending)[1] if ending else None


def _first_group(doc: Doc, matcher: PartyMatcher) -> str | None:
    """The group of the (longest) alias the words ``doc`` open with, after a determiner;
    where that names children or families and the list goes on to name others, the first
    of those, whom its instructions are for.

    ``governing bodies of maintained schools ...`` names an addressee;
    ``everyone involved in the adoption of children`` or ``all those involved
    with the care of children`` names none (the children are not the readers).
    """
    opening = 0
    while opening < len(doc) and doc[opening].lower_ in _DETERMINERS:
        opening += 1
    if opening < len(doc) and doc[opening].lower_ in _ANYONE:
        return None
    best: tuple[int, str] | None = None
    matches = matcher.matcher(doc)
    for match_id, start, end in matches:
        if start == opening and (best is None or end - start > best[0]):
            best = (end - start, matcher.info[match_id][0])
    if best is None or best[1] not in FAMILY_GROUPS:
        return best[1] if best else None
    # "guidance for children, families and professionals": its instructions are for the
    # professionals the list goes on to name
    verb = next((t.i for t in doc if t.pos_ in ("VERB", "AUX") and t.i > opening), len(doc))
    later = sorted(
        (start, matcher.info[match_id][0])
        for match_id, start, end in matches
        if opening < start < verb and matcher.info[match_id][0] not in FAMILY_GROUPS
    )
    return later[0][1] if later else best[1]
