"""Party reading, antecedents and recipients on hand-built parses (no model needed)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from tests.nlp.helpers import parsed as parse_rows
from textmine.nlp.context.document import DocumentContext
from textmine.nlp.grammar.syntax import conjuncts
from textmine.nlp.lexicon import load_lexicon
from textmine.nlp.parties import PartyMatcher
from textmine.nlp.reader import Reader
from textmine.nlp.rules.senses import is_verbal

NLP = spacy.blank("en")
PARTIES = PartyMatcher(NLP.vocab, load_lexicon())


def reader(doc: Doc) -> Reader:
    return Reader(doc, PARTIES, DocumentContext())


def parsed(rows: str) -> Doc:
    return parse_rows(NLP.vocab, rows)


# "The governing body of the school must consult the child 's parent and staff in the setting ."
DOC = parsed(
    """
    The the DET DT det 2
    governing govern VERB VBG compound 2
    body body NOUN NN nsubj 7
    of of ADP IN prep 2
    the the DET DT det 5
    school school NOUN NN pobj 3
    must must AUX MD aux 7
    consult consult VERB VB ROOT 7
    the the DET DT det 9
    child child NOUN NN poss 11
    's 's PART POS case 9
    parent parent NOUN NN dobj 7
    and and CCONJ CC cc 11
    staff staff NOUN NN conj 11
    in in ADP IN prep 13
    the the DET DT det 16
    setting setting NOUN NN pobj 14
    . . PUNCT . punct 7
    """
)


def test_longest_alias_covering_the_head() -> None:
    rd = reader(DOC)
    body = rd.parties.party(DOC[2])
    assert body is not None
    assert (body.group, body.refer, body.text) == (
        "education",
        "body",
        "The governing body of the school",
    )
    parent = rd.parties.party(DOC[11])
    assert parent is not None and (parent.group, parent.text) == ("parent", "the child 's parent")


def test_generic_noun_takes_its_place() -> None:
    staff = reader(DOC).parties.party(DOC[13])
    assert staff is not None and (staff.group, staff.rule.name) == ("education", "party.place")


def test_actor_and_recipients_of_a_verb() -> None:
    rd = reader(DOC)
    group, text, reading = rd.actors.read(DOC[7], False)
    assert (group, text, reading.rule.name, reading.party and reading.party.name) == (
        "education",
        "The governing body of the school",
        "actor.subject",
        "party.alias",
    )
    groups, evidence, _ = rd.recipients.read(DOC[7], [DOC[7]], ("object",), False)
    assert groups == ["parent", "education"]
    assert evidence == ["object: the child 's parent", "object: staff"]
    assert [t.text for t in conjuncts(DOC[11])] == ["parent", "staff"]


def test_pronoun_resolves_to_a_compatible_antecedent() -> None:
    # "Where the child asks , the authority must notify him ."
    doc = parsed(
        """
        Where where SCONJ WRB advmod 3
        the the DET DT det 2
        child child NOUN NN nsubj 3
        asks ask VERB VBZ advcl 9
        , , PUNCT , punct 9
        the the DET DT det 6
        authority authority NOUN NN nsubj 9
        must must AUX MD aux 9
        not not PART RB neg 9
        notify notify VERB VB ROOT 9
        him he PRON PRP dobj 9
        . . PUNCT . punct 9
        """
    )
    rd = reader(doc)
    antecedent = rd.parties.antecedent(doc[10])
    assert antecedent is not None and antecedent.text == "child"  # not the authority
    groups, _, _ = rd.recipients.read(doc[9], [doc[9]], ("object",), False)
    assert groups == ["child"]


def test_adjectival_participle_is_not_verbal() -> None:
    # "an informed choice" / "parents informed the school"
    doc = parsed(
        """
        an an DET DT det 2
        informed informed ADJ JJ amod 2
        choice choice NOUN NN ROOT 2
        """
    )
    assert not is_verbal(doc[1])
    doc = parsed(
        """
        parents parent NOUN NNS nsubj 1
        informed inform VERB VBD ROOT 1
        schools school NOUN NNS dobj 1
        """
    )
    assert is_verbal(doc[1])


def test_alias_phrases_match_as_the_token_patterns_do() -> None:
    """The phrase lists the alias patterns are spelt into find exactly the token patterns'
    matches, in a Doc and in a Span (whose positions count from the Span's start)."""
    from spacy.matcher import Matcher

    tokens = Matcher(NLP.vocab, validate=True)
    for alias in load_lexicon().actors:
        tokens.add(alias.key, [alias.pattern])
    text = (
        "The Department and the local authority's director of children's services must "
        "consult the PA, adults services, adult's service, the children's guardian, NHS "
        "England, the designated safeguarding lead and the parents; the department of "
        "social care and a pa may inform the Secretary of State."
    )
    doc = NLP.make_doc(text)
    for doclike in (doc, doc[3:25], doc[10:]):
        found = PARTIES.matcher(doclike)
        assert sorted(found) == sorted(set(tokens(doclike)))
        assert found == sorted(found, key=lambda m: (m[1], m[2]))  # in reading order
    assert PARTIES.matcher(doc)  # not vacuous
