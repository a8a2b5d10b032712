"""Who performs a matched action: the actor rules, tried in order.

:class:`ActorReader` reads the doer of a term's verb on one parsed ``Doc``.
Its rules (``actor.*``) say where the doer is found; its steps
(``step.*``) say how a verb without a doer of its own reaches the verb
whose doer it shares; the noun phrase found is read as a party by
:class:`~textmine.nlp.parties.Parties` (``party.*``). Readers return a
:class:`~textmine.nlp.rules.registry.Reading` that holds the rules
themselves.

In order:

1. a nominalisation names no doer (``actor.nominalisation``); a passive's
   doer is its ``by`` agent (``actor.by_agent``) or nobody
   (``actor.agentless_passive``), and ``keep X informed`` is done by whoever
   keeps (``step.keep``);
2. doers the parse puts beside the verb: the subject of a comma participle
   (``actor.comma_participle``), the owner of a gerund
   (``actor.gerund_subject``), ``for X to V`` (``actor.for_subject``);
3. up the *chain* of verbs the term's verb shares its doer with
   (``step.conj``, ``step.control``, ``step.participle``,
   ``step.prepositional`` ...), at each verb: the subject the parse loses
   in a participle phrase, a party name read as a verb, the verb's own
   subject (``actor.subject``; a demonstrative subject of *involve*, *mean*,
   *achieve* stands for the subject of the sentence before:
   ``actor.sentence_before``), a subject stranded in the clause before, one
   before an aside or swallowed by an opening phrase, whose role it is;
   some steps end at a doer (``actor.object_control``, ``actor.acl_head``,
   ``actor.of_party``);
4. last resorts: the subject after a fronted participle clause
   (``actor.fronted_participle``), the doer of the list lead-in a composed
   clause opens with (``actor.lead_in``), the document's addressee for an
   imperative (``actor.imperative``, read by the component), else nobody
   (``actor.no_subject``).

A clause under ``ensure that`` keeps its own actor: in ``must ensure that
parents are consulted`` nobody is named as consulting (the modal is
inherited, see :mod:`textmine.nlp.rules.modality`).
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from textmine.nlp.context.document import FAMILY_GROUPS, GENERIC_GROUPS
from textmine.nlp.grammar.adjuncts import (
    adverbial_participle,
    clausal_subject_participle,
    deliberative_participle,
    judging_verb,
    participle_beside_phrase,
)
from textmine.nlp.grammar.asides import modal_before_aside, subject_before_aside
from textmine.nlp.grammar.clauses import (
    bracketed_apart,
    clause_modal,
    contact_relative,
    for_subject,
    fronted_subject,
    is_expletive,
    modal_subject,
    opened_participle,
    parenthesised_conjunct,
    participle_subject,
    previous_subject,
    reduced_relative,
    relative_clause_subject,
    role_holder,
    series_previous,
    split_coordinate,
    stranded_subject,
    swallowed_subject,
    verbal_subject,
)
from textmine.nlp.grammar.deps import ACTIVE_SUBJECTS, SUBJECTS, provision_label, to_infinitive
from textmine.nlp.grammar.passives import OBJECT_CONTROL as OBJECT_CONTROL_VERBS
from textmine.nlp.grammar.passives import kept, passive_control
from textmine.nlp.grammar.syntax import (
    activity_owner,
    comma_participle,
    coordination_head,
    gerund_subject,
    misplaced_conjunct,
    prep_objects,
    relative_head,
    verb_above,
)
from textmine.nlp.parties import NAMED as PARTY_NAMED
from textmine.nlp.parties import Parties, Party, PartyMatcher
from textmine.nlp.rules.imperative import addresses_reader
from textmine.nlp.rules.registry import Reading, Rule, rule
from textmine.nlp.rules.voice import voice

__all__ = ["MAX_CHAIN", "Actor", "ActorReader", "finite", "is_passive"]

#: Longest walk up the tree (keeps a 5,000-token sentence linear).
MAX_CHAIN = 12
#: Subjects naming a purpose, not a doer: ``The purposes of a review are to ...``.
#: Subjects whose listed items say what the doer the section named before does: ``(4) The
#: purposes of a review are— (b) to consider``, ``(3) The steps referred to in subsection
#: (2) are— (a) to notify``.
_LISTED_TASKS = frozenset(
    {"purpose", "aim", "objective", "object", "intention", "goal", "step", "action", "measure"}
)
#: Subjects naming a duty, power or activity whose holder the unit names before: ``(2) The
#: duty to consult ... does not apply``, ``The review must take account of ...``.
_HELD = frozenset(
    {
        "duty", "requirement", "obligation", "responsibility", "power", "function", "review",
        "inspection", "assessment", "evaluation",
        "inquiry", "enquiry", "investigation", "audit", "strategy", "support", "facility",
        "procedure", "arrangement",
    }
)  # fmt: skip
#: Passives whose subject receives the means to act: ``is given the chance to take part``.
_GIVING = frozenset({"give", "provide", "offer", "afford", "grant"})
#: Verbs of helping whose object does the gerund of an in-phrase (``support X in V-ing``).
_HELPING = frozenset({"support", "help", "assist", "encourage", "enable", "aid", "guide"})
_ITEM_MARKS = frozenset({";", ":", "\u2014", "\u2013"})
#: Modals that put a duty or a plan on their subject (not ``would``, ``could``, ``might``).
_DUTY_MODALS = frozenset({"must", "should", "shall", "will"})
#: Subordinators of a condition or time clause whose subject may be a bare gerund.
_CONDITIONS = frozenset({"if", "when", "unless", "where", "whenever", "while"})
_CLAUSAL = frozenset({"ccomp", "xcomp", "advcl", "conj", "acl", "relcl"})
#: Prepositions whose gerund is an adjunct of time or manner of its clause (``after consulting``).
_ADVERBIAL_PREPOSITIONS = frozenset(
    {"after", "before", "on", "upon", "without", "following", "when", "while", "whilst"}
)

#: An actor: ``(group, actor_text, reading)``.
Actor = tuple[str, str | None, Reading]

# ---------------------------------------------------------------- the rules

NOMINALISATION = rule(
    "actor.nominalisation",
    "actor",
    "A term used as a noun (co-production) names no doer.",
    example="The plan must be developed through co-production.",
    expect={"text": "co-production", "actor": "unspecified"},
)
BY_AGENT = rule(
    "actor.by_agent",
    "actor",
    "A passive's doer is its by-agent.",
    example="The parent must be consulted by the local authority.",
    expect={"text": "consulted", "actor": "local_authority"},
)
AGENTLESS = rule(
    "actor.agentless_passive",
    "actor",
    "A passive without a by-agent names no doer.",
    example="The parent must be consulted before the plan is made.",
    expect={"text": "consulted", "actor": "unspecified"},
)
COMMA_PARTICIPLE = rule(
    "actor.comma_participle",
    "actor",
    "A participle set off by commas after a subject is done by that subject.",
    example="The designated teacher, working with the virtual school head, should agree targets.",
    expect={"text": "working with", "actor": "education"},
)
BEFORE_COMMA_PARTICIPLE = rule(
    "actor.before_comma_participle",
    "actor",
    "A verb whose subject is cut off by a comma participle takes the subject before it.",
    example="Where a child is at risk of exclusion, the designated teacher, working with the "
    "social worker and the carers, should consider what support is needed.",
    expect={"text": "consider", "actor": "education"},
)
GERUND_SUBJECT = rule(
    "actor.gerund_subject",
    "actor",
    "A gerund with its own owner is done by that owner ('the child participating').",
    example="The local authority must have regard to the importance of the child and his or her "
    "parent, or the young person, participating as fully as possible in decisions.",
    expect={"text": "participating", "actor": "child"},
)
FOR_SUBJECT = rule(
    "actor.for_subject",
    "actor",
    "The object of 'for' before an infinitive is its subject ('for staff to consult').",
    example="The home must make arrangements for staff to consult the parents.",
    expect={"text": "consult", "actor": "professional"},
)
PARTICIPLE_PHRASE = rule(
    "actor.participle_phrase",
    "actor",
    "The noun of a participle phrase the parse read as a clausal subject is the subject.",
    example="Staff working directly with children are expected to consult the designated "
    "safeguarding lead.",
    expect={"text": "consult", "actor": "education"},
)
MAIN_CLAUSE_AGENT = rule(
    "actor.main_clause_agent",
    "actor",
    "A participial adjunct of a passive main clause (or a gerund after 'after', 'before', "
    "'without' ...) is done by that clause's agent.",
    example="The plan must be reviewed by the authority, having consulted the parents.",
    expect={"text": "consulted", "actor": "local_authority"},
)
VERBAL_SUBJECT = rule(
    "actor.subject_read_as_verb",
    "actor",
    "A party name the parse read as a verb and its object ('Governing bodies ...') is the subject.",
    example="Governing bodies of maintained schools must consult parents.",
    expect={"text": "consult", "actor": "education"},
)
COMPOUND_SUBJECT = rule(
    "actor.compound_subject",
    "actor",
    "A verb the tagger read as a noun ('if the governing body notifies/NNS the Commission'), "
    "or a gerund ('by the consumer notifying the trader'), has the party the parse made its "
    "compound for its subject.",
    example="The removal takes effect if the governing body notifies the Commission.",
    expect={"text": "notifies", "actor": "education"},
)
OF_PHRASE_SUBJECT = rule(
    "actor.of_phrase_subject",
    "actor",
    "A verb the tagger read as the noun of an of-phrase ('where the originator of a scheme "
    "notifies/NNS the OFR') has the party the phrase follows for its subject.",
    example="Where the originator of a scheme notifies the regulator that the scheme is "
    "closed, the regulator must publish a notice.",
    expect={"text": "notifies", "actor": "other"},
)
SUBJECT = rule(
    "actor.subject",
    "actor",
    "The subject of the term's verb, or of the verb it shares its doer with.",
    example="The local authority must consult the child's parent.",
    expect={"text": "consult", "actor": "local_authority"},
)
SENTENCE_BEFORE = rule(
    "actor.sentence_before",
    "actor",
    "'This involves / means / can be achieved by V-ing': the subject of the sentence before.",
    example="Teachers have a leading role. This involves working with parents.",
    expect={"text": "working with", "actor": "education"},
    doubt="context",
)
ACTIVITY_OWNER = rule(
    "actor.activity_owner",
    "actor",
    "An assessment, review or enquiry as the subject ('The assessment must consider') is done "
    "by the party an earlier sentence of the paragraph says carries it out.",
    example="The local authority must carry out an assessment. The assessment must consider "
    "the views of the parent.",
    expect={"text": "consider", "actor": "local_authority"},
    doubt="context",
)
STRANDED = rule(
    "actor.stranded_subject",
    "actor",
    "A subject the parse hung on the clause before ('... and schools must review').",
    example="This is not a full list and schools must consult the parents.",
    expect={"text": "consult", "actor": "education"},
)
RELATIVE_SUBJECT = rule(
    "actor.relative_clause_subject",
    "actor",
    "The noun a relative clause hangs on, where the parse read that clause as the main one "
    "('The body to which the request referred to in paragraph (2) was made must consult').",
    example="The school to which the notice mentioned in paragraph (3) was given must consult "
    "the parent.",
    expect={"text": "consult", "actor": "education"},
)
BEFORE_ASIDE = rule(
    "actor.before_aside",
    "actor",
    "The subject before an aside ('Well placed to ..., staff in schools, as ..., need to').",
    example="Well placed to help, staff in schools, as part of their role, should consult parents.",
    expect={"text": "consult", "actor": "education"},
)
MODAL_BEFORE_ASIDE = rule(
    "actor.modal_before_aside",
    "actor",
    "The subject of a modal cut off from its verb by an aside ('The authority may, so far as "
    "is reasonably practicable, consult'), also of the clause a coordinated modal goes on "
    "with ('shall notify X and shall, so far as is practicable, notify Y').",
    example="The authority may, so far as is reasonably practicable, consult the parent.",
    expect={"text": "consult", "actor": "local_authority"},
)
BEFORE_MODAL = rule(
    "actor.before_modal",
    "actor",
    "A party right before the modal, swallowed by an opening phrase without a comma.",
    example="If the plan is to change the school must inform the parent and explain the decision.",
    expect={"text": "inform", "actor": "education"},
)
SPLIT_COORDINATE = rule(
    "actor.split_coordinate",
    "actor",
    "The first of two coordinated subjects, which the parse made the head of the verb "
    "('A local authority and each of its partners must co-operate').",
    example="A local authority in England and each of its relevant partners must co-operate "
    "with the governing body.",
    expect={"text": "co-operate", "actor": "local_authority"},
)
ROLE_HOLDER = rule(
    "actor.role_holder",
    "actor",
    "'It is the responsibility of X to V': X does it.",
    example="It is the responsibility of the registered person to consult the child.",
    expect={"text": "consult", "actor": "other"},
)
OBJECT_CONTROL = rule(
    "actor.object_control",
    "actor",
    "The object of a verb of control does its infinitive ('encourage parents to participate'), "
    "and a verb of helping's object its in-gerund ('support schools in engaging').",
    example="The school should encourage parents to participate in reviews.",
    expect={"text": "participate", "actor": "parent"},
)
ACL_HEAD = rule(
    "actor.acl_head",
    "actor",
    "A participle after a party noun is done by that party ('staff working with children').",
    example="Professionals working with the family should share information.",
    expect={"text": "working with", "actor": "professional"},
)
OF_PARTY = rule(
    "actor.of_party",
    "actor",
    "'a duty on X to V', 'the function of X to V', 'gives X a duty to V', 'their power to V': "
    "X does it.",
    example="The Act places a duty on the local authority to consult the parent.",
    expect={"text": "consult", "actor": "local_authority"},
)
NOUN_QUALIFIED = rule(
    "actor.noun_qualified",
    "actor",
    "An infinitive after an adjective or passive participle that qualifies a party noun is "
    "done by that party ('firms eligible to participate', 'persons entitled to be consulted').",
    example="The scheme must list the firms eligible to participate in the trial.",
    expect={"text": "participate", "actor": "other"},
)
FRONTED = rule(
    "actor.fronted_participle",
    "actor",
    "'When considering ..., the home should': the main clause's subject after the comma.",
    example="When considering whether children placed in the school by another authority will "
    "be eligible for services, the school and the authority should take into account the guidance.",
    expect={"text": "considering", "actor": "education"},
)
#: Subordinators of a condition or time clause, those above and the ones of time alone: a
#: lead-in that is only such a clause has no doer for its items (see
#: :meth:`ActorReader.lead_in_doer`).
_CONDITION_MARKS = _CONDITIONS | {"once", "before", "after", "until"}
LEAD_IN = rule(
    "actor.lead_in",
    "actor",
    "A list item's verb with no doer of its own takes the doer of the lead-in it completes "
    "(a lead-in that is only a condition, 'If a child is missing:', has none).",
    example="We can help you in the following ways:\nInforming you about your rights.",
    expect={"text": "Informing", "actor": "local_authority"},
    doubt="context",
)
EXPLETIVE_BEFORE = rule(
    "actor.expletive_sentence_before",
    "actor",
    "'It is important to V' names no doer: the party the sentence just before names as its "
    "doer (through other such sentences), else the party the nearest earlier sentence of the "
    "paragraph puts a duty on ('must', 'should', 'will', 'needs to', 'is required to').",
    example="The personal adviser needs to meet the young person before each review. Time "
    "should be set aside for this. It will be important to work with the young person to plan "
    "the meeting.",
    expect={"text": "work with", "actor": "professional"},
    doubt="context",
)
NO_SUBJECT = rule(
    "actor.no_subject",
    "actor",
    "No party is named as the doer in reach: unspecified.",
    example="Make sure to inform the parents promptly.",
    expect={"text": "inform", "actor": "unspecified"},
    doubt="no_doer",
)

STEP_CONJ = rule(
    "step.conj",
    "step",
    "A coordinated verb shares its first conjunct's doer.",
    example="The authority must consult the parent and inform the school.",
    expect={"text": "inform", "actor": "local_authority"},
)
STEP_SERIES = rule(
    "step.series",
    "step",
    "A verb phrase after a semicolon, in a series that runs on from a verb with a subject and a "
    "modal, shares that verb's doer.",
    example="The council must keep a register of providers; consult the persons prescribed; and "
    "publish the register.",
    expect={"text": "consult", "actor": "local_authority"},
)
STEP_CONJ_ASIDE = rule(
    "step.conj_across_aside",
    "step",
    "A verb after 'and, <aside>,' is coordinated with the verb before the aside.",
    example="The local authority must consult the young person and, where appropriate, "
    "involve the parent in the review.",
    expect={"text": "involve", "actor": "local_authority"},
)
STEP_CONTROL = rule(
    "step.control",
    "step",
    "An infinitive or wh-infinitive shares the doer of the verb or adjective governing it.",
    example="The authority must decide whether to consult the parent.",
    expect={"text": "consult", "actor": "local_authority"},
)
STEP_PURPOSE = rule(
    "step.purpose",
    "step",
    "A purpose infinitive is done by its main clause's doer (the agent of a passive one).",
    example="The authority must publish a plan, to inform parents of the services.",
    expect={"text": "inform", "actor": "local_authority"},
)
STEP_PARTICIPLE = rule(
    "step.participle",
    "step",
    "A participial adjunct shares the doer of the verb it belongs to (also one the parse made "
    "that verb's clausal subject or coordinated with its prepositional adjunct, and one set "
    "in a clause of judgement, which belongs to the one who judges).",
    example="The authority must review the plan, taking into account the views of the child.",
    expect={"text": "taking into account", "actor": "local_authority"},
)
STEP_PREPOSITIONAL = rule(
    "step.prepositional",
    "step",
    "A gerund after a preposition is done by the doer of the clause it belongs to.",
    example="The home is responsible for consulting the placing authority.",
    expect={"text": "consulting", "actor": "other"},
)
STEP_ADVERBIAL_GERUND = rule(
    "step.adverbial_gerund",
    "step",
    "A gerund after a preposition of time or manner ('after consulting', 'without informing'), "
    "also one that opens the sentence ('In considering ..., the panel may'), is an adjunct of "
    "its clause: done by the clause's subject, by the agent of a passive, or by the subject of "
    "a passive verb of control ('staff are expected to').",
    example="The order is made by the Secretary of State after consulting the Assembly.",
    expect={"text": "consulting", "actor": "secretary_of_state"},
)
STEP_CONDITIONAL_GERUND = rule(
    "step.conditional_gerund",
    "step",
    "A gerund with no subject of its own that is the subject of an if/when/unless clause is "
    "done by the doer of the clause that clause conditions.",
    example="Schools and colleges will inform parents unless there are compelling reasons, for "
    "example, if informing a parent is likely to put a child at risk.",
    expect={"text": "informing", "actor": "education"},
)
STEP_NOUN_INFINITIVE = rule(
    "step.noun_infinitive",
    "step",
    "'must make arrangements to V' parsed as a clause: the governing verb's doer.",
    example="The two authorities must make arrangements to work together.",
    expect={"text": "work together", "actor": "local_authority"},
)
STEP_ITEM = rule(
    "step.list_item",
    "step",
    "A word of a list item the parse hung outside the item shares the doer of the item's own verb.",
    example="The standard requires the registered person to ensure that staff—\n(a) keep in "
    "touch with the school, including working with its staff;\n(b) record each visit.",
    expect={"text": "working with", "actor": "professional"},
)
STEP_KEEP = rule(
    "step.keep",
    "step",
    "'keep X informed': whoever keeps informs.",
    example="The local authority must keep the parent informed.",
    expect={"text": "informed", "actor": "local_authority"},
)

# ------------------------------------------------------------- party readings of a doer

PARTY_NONE = rule(
    "party.none",
    "party",
    "The doer's noun phrase names no party ('This evaluation should inform ...').",
    example="The review should consider the views of the child.",
    expect={"text": "consider", "actor": "unspecified"},
)
PARTY_UNRESOLVED = rule(
    "party.unresolved_pronoun",
    "party",
    "A pronoun whose antecedent cannot be found in reach.",
    example="They must consult the parent.",
    expect={"text": "consult", "actor": "unspecified"},
    doubt="pronoun",
)
PARTY_POSSESSOR = rule(
    "party.possessor",
    "party",
    "An instrument subject is its owner's doing ('The home's procedures must take into "
    "account'); a plan about a child, young person or parent is not theirs.",
    example="The school's policy must take into account the views of parents.",
    expect={"text": "take into account", "actor": "education"},
)
PARTY_FIRST_ALTERNATIVE = rule(
    "party.first_alternative",
    "party",
    "Of parties given as alternatives with a slash ('Local authorities/governing bodies must'), "
    "the first is the doer, as the first of coordinated subjects is.",
    example="Local authorities/governing bodies must inform each teacher of the standards.",
    expect={"text": "inform", "actor": "local_authority"},
)
PARTY_ROLE = rule(
    "party.role_holder",
    "party",
    "'The role of X is to V', 'X, whose role is to V': X.",
    example="The role of the personal adviser is to consult the young person about the plan.",
    expect={"text": "consult", "actor": "professional"},
)
PARTY_EARLIER = rule(
    "party.earlier_subject",
    "party",
    "'The purposes of ... are to V' names no doer: the doer the section's earlier subsections "
    "name.",
    example="The review partners must review each case. The purposes of a review are to "
    "identify lessons and to consider whether to notify the parents.",
    expect={"text": "notify", "actor": "professional"},
    doubt="context",
)
PARTY_FUNCTION_HOLDER = rule(
    "party.function_holder",
    "party",
    "A duty, power, function or activity with no holder named as the subject ('The duty to "
    "consult ... does not apply', 'The review must take account of') is, in legislation, the "
    "doer the earlier subsections put a duty on.",
    example="(1) The local authority must review its arrangements each year. (2) The duty to "
    "consult the parents does not apply where the child is over 16.",
    expect={"text": "consult", "actor": "local_authority"},
    doubt="context",
    kind="act",
)
PARTY_RELATIVE_HEAD = rule(
    "party.relative_head",
    "party",
    "A relative pronoun subject stands for the noun its clause modifies.",
    example="The policy should set out principles which include: treating each child with respect; "
    "involving children wherever practical in decisions about their care.",
    expect={"text": "involving", "actor": "unspecified"},
)


#: Words before *those* that make it stand for a noun just named ("cases, particularly
#: those involving older children"), not for people.
_PICKING_OUT = frozenset(
    {"particularly", "especially", "notably", "including", "namely", "mainly", "chiefly"}
)


def _controlled_passive(verb: Token) -> bool:
    """``staff are expected to search``, ``the panel is required to decide``: a passive verb of
    control whose subject does its infinitive, and so the main clause's action."""
    return passive_control(verb) and any(
        c.dep_ in ("xcomp", "advcl") and to_infinitive(c) for c in verb.children
    )


def _fronted_into(preposition: Token, verb: Token) -> Token | None:
    """The main verb of a sentence that opens with ``In/After/On + gerund`` whose parse hung
    the phrase inside the gerund's own complement.

    In ``In considering, for the purposes of section 5, whether the circumstances are
    continuing, an authority may have regard to ...`` the parser may attach *In* to
    *continuing*; a fronted adverbial belongs to the clause after its closing comma, whose
    subject does the gerund.
    """
    if preposition.lower_ not in _ADVERBIAL_PREPOSITIONS | {"in"}:
        return None
    sentence = preposition.sent
    # the first word, past labels and numbers ("(4) In considering ...")
    if next((t for t in sentence if t.is_alpha and not t.like_num), None) != preposition:
        return None
    root = sentence.root
    if root == verb or root.pos_ not in ("VERB", "AUX") or root.i < preposition.i:
        return None
    if not any(c.dep_ in SUBJECTS for c in root.children):
        return None
    # the verb the phrase hangs on lies between the gerund and the main clause's subject
    subject = next(c for c in root.children if c.dep_ in SUBJECTS)
    if not preposition.i < verb.i < subject.left_edge.i:
        return None
    return root


def _first_alternative(token: Token) -> Token | None:
    """The noun of the first of alternatives joined by a slash that the parse made a modifier
    of the last (``Local authorities/governing bodies``: *authorities*), or ``None``."""
    for child in token.lefts:
        if (
            child.dep_ in ("nmod", "compound", "amod", "npadvmod")
            and child.pos_ in ("NOUN", "PROPN")
            and child.i + 1 < token.i
            and token.doc[child.i + 1].text == "/"
        ):
            return child
    return None


def _anaphoric(head: Token) -> bool:
    """``those`` picking out some of a noun named before it (``particularly those``)."""
    before = head.doc[head.i - 1] if head.i else None
    return (
        head.lower_ == "those"
        and before is not None
        and (before.lower_ in _PICKING_OUT or before.text == ",")
    )


#: Passive participles that qualify a party for an infinitive (``persons entitled to``).
_QUALIFYING = frozenset({"entitle", "eligible", "authorise", "authorize"})


def _qualified_noun(word: Token, party: Callable[[Token], object]) -> Token | None:
    """The party noun an adjective or passive participle after it qualifies for an infinitive
    (``firms eligible to participate``, ``persons entitled/required to``), or ``None``."""
    noun = word.head
    if noun.pos_ not in ("NOUN", "PROPN") or noun.i > word.i or party(noun) is None:
        return None
    if word.pos_ == "ADJ" and word.dep_ == "amod":
        return noun
    lemma = word.lemma_.lower()
    if (
        word.tag_ == "VBN"
        and word.dep_ == "acl"
        and (lemma in _QUALIFYING or lemma in OBJECT_CONTROL_VERBS)
    ):
        return noun
    return None


#: Nouns of a duty or power that a verb places on a party (``places a duty on X to V``).
_DUTIES = frozenset({"duty", "responsibility", "obligation", "requirement", "power"})


def _duty_on(verb: Token, infinitive: Token, party: Callable[[Token], object]) -> Token | None:
    """The party ``verb`` puts a duty on, when the parser hung the duty's infinitive on the
    verb (``Section 46 imposes a duty on the court, when making an order, to consider``); the
    on-phrase may hang on the duty noun or on the verb (``places on the authority a duty``)."""
    duties = [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in _DUTIES]
    if not duties:
        return None
    on = frozenset({"on", "upon"})
    on_duty = (h for d in duties if d.i < infinitive.i for h in prep_objects(d, on))
    on_verb = (h for h in prep_objects(verb, on) if h.i < infinitive.i)
    return next((h for h in (*on_duty, *on_verb) if party(h) is not None), None)


def _for_subject(verb: Token) -> Token | None:
    """The subject of ``for X to V`` (:func:`~textmine.nlp.grammar.clauses.for_subject`),
    unless the *for* phrase only modifies the object of a verb of object control: in
    ``invite the committee for the area to participate`` the committee participates."""
    noun = for_subject(verb)
    if noun is None:
        return None
    on = noun.head.head
    if on.dep_ == "dobj" and on.head.lemma_.lower() in OBJECT_CONTROL_VERBS:
        return None
    if on.lemma_.lower() in OBJECT_CONTROL_VERBS and any(
        c.dep_ == "dobj" and c.i < noun.i for c in on.children
    ):
        return None
    return noun


def finite(verb: Token) -> bool:
    """``are not participating``: a progressive with its auxiliary is no participial adjunct."""
    return verb.tag_ == "VBG" and any(c.dep_ == "aux" and c.tag_ != "TO" for c in verb.children)


def is_passive(verb: Token) -> bool:
    """Whether ``verb`` has a passive auxiliary or subject."""
    return any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)


def _modals(verb: Token) -> set[str]:
    return {c.lower_ for c in verb.children if c.dep_ == "aux" and c.tag_ == "MD"}


def modal_parallel(verb: Token) -> Token | None:
    """The verb a subjectless conjunct with its own modal is really coordinated with.

    In ``Staff should be aware that the child may not feel ready and should
    consider ...`` the parser makes *consider* a conjunct of *feel*, inside
    the that-clause; *should* repeats the modal of the clause above, whose
    subject does it.
    """
    if verb.dep_ != "conj" or any(c.dep_ in SUBJECTS for c in verb.children):
        return None
    own = _modals(verb)
    head = verb.head
    if not own or own & _modals(head) or not any(c.dep_ in SUBJECTS for c in head.children):
        return None
    token = head
    for _ in range(4):
        if token.head == token:
            return None
        token = token.head
        if (
            token.pos_ in ("VERB", "AUX")
            and own & _modals(token)
            and any(c.dep_ in SUBJECTS for c in token.children)
        ):
            return token
    return None


def item_top(conjunct: Token) -> Token | None:
    """The top verb of the clause before ``conjunct`` when the parser coordinated it lower
    across a semicolon (``..., ensure that each child is helped to participate; and
    consult``: *consult* is parallel to *ensure*)."""
    head = conjunct.head
    doc = conjunct.doc
    if conjunct.dep_ != "conj" or not any(t.text == ";" for t in doc[head.i + 1 : conjunct.i]):
        return None
    limit = next((i for i in range(head.i - 1, -1, -1) if doc[i].text in _ITEM_MARKS), -1)
    top = head
    while top.dep_ in _CLAUSAL and top.head != top and top.head.i > limit:
        top = top.head
    return top if top != head else None


def _bare_infinitive_object(verb: Token, party: Callable[[Token], Party | None]) -> Token | None:
    """The party object of a verb of helping right before a bare infinitive (``support
    children participate``, ``help the child safely participate``): it does the verb."""
    if (
        verb.tag_ not in ("VB", "VBP")
        or to_infinitive(verb)
        or any(c.dep_ in (*SUBJECTS, "aux") for c in verb.children)
    ):
        return None
    i = verb.i - 1
    while i > 0 and verb.doc[i].pos_ == "ADV":
        i -= 1
    noun = verb.doc[i]
    head = noun.head
    if (
        noun.dep_ == "dobj"
        and head.i < noun.i
        and head.lemma_.lower() in _HELPING | {"let", "make"}
        and party(noun) is not None
    ):
        return noun
    return None


#: Prepositions that tie a party to a noun whose infinitive or in-gerund it does (``support
#: for parents to``, ``confidence in practitioners to``, ``challenges for professionals in``).
_NOUN_PARTY_PREPS = frozenset({"for", "in", "on"})


def _noun_party_before(verb: Token, party: Callable[[Token], Party | None]) -> Token | None:
    """The party right before ``to V`` or ``in V-ing`` that a noun's preposition governs,
    wherever the parse hung the verb: ``a lack of confidence in practitioners to engage``,
    ``the challenges for professionals in working with parents``."""
    doc = verb.doc
    if verb.i < 3:
        return None
    marker = doc[verb.i - 1]
    if not (
        (marker.lower_ == "to" and marker.dep_ == "aux" and verb.tag_ == "VB")
        or (marker.lower_ == "in" and verb.tag_ == "VBG" and verb.dep_ == "pcomp")
    ):
        return None
    noun = doc[verb.i - 2]
    preposition = noun.head
    if (
        noun.pos_ in ("NOUN", "PROPN")
        and noun.dep_ == "pobj"
        and preposition.lower_ in _NOUN_PARTY_PREPS
        and preposition.head.pos_ == "NOUN"
        and party(noun) is not None
    ):
        return noun
    return None


def _bare_adjective(token: Token) -> bool:
    """An adjective with no determiner, which names nobody (``as X considers equitable/nsubj
    having regard to``); not ``the former``."""
    return token.pos_ == "ADJ" and not any(c.dep_ == "det" for c in token.children)


def _helped_in(preposition: Token, party: Callable[[Token], Party | None]) -> Token | None:
    """The party a verb of helping helps in doing the gerund: ``support public authorities
    and others in working together``, ``help schools in engaging`` (the in-phrase right after
    the object, hung on the verb or on the object)."""
    if preposition.lower_ != "in" or preposition.dep_ != "prep":
        return None
    obj: Token | None = None
    if preposition.head.dep_ == "dobj":
        obj, verb = preposition.head, preposition.head.head
    else:
        verb = preposition.head
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i < preposition.i), None)
    if obj is None or verb.lemma_.lower() not in _HELPING or party(obj) is None:
        return None
    end = max([obj.i] + [c.right_edge.i for c in obj.children if c.i < preposition.i])
    return obj if end + 1 == preposition.i else None  # right after the object, not further on


def _owner(noun: Token, party: Callable[[Token], Party | None]) -> Token | None:
    """The party a noun belongs to by a possessive (``the applicant's suitability``)."""
    for child in noun.children:
        if child.dep_ == "poss" and (child.pos_ == "PRON" or party(child) is not None):
            return child
    return None


class ActorReader:
    """Actor reading on one parsed ``Doc`` (see the module docstring)."""

    def __init__(self, parties: Parties, matcher: PartyMatcher) -> None:
        self.parties = parties
        self.cues = parties.cues
        self.modifiers = matcher.modifiers
        self.outer: ActorReader | None = None
        self._doers: dict[int, set[int]] = {}
        self._read_from: Token | None = None
        parties.doers = self.doer_tokens

    # ------------------------------------------------------------ entry points

    def read(self, verb: Token, passive: bool, *, nominal: bool = False, depth: int = 0) -> Actor:
        """``(group, actor_text, reading)`` of the party performing ``verb``."""
        if nominal:
            return "unspecified", None, Reading("unspecified", NOMINALISATION)
        if passive:
            keep = self.keeper(verb)
            if keep is not None:  # "must keep the parent informed": the keeper informs
                return self._via(self.read(keep, False, depth=depth + 1), STEP_KEEP)
            return self.agent(verb)
        return self._active(verb, depth)

    def keeper(self, participle: Token) -> Token | None:
        """The active *keep* of ``keep X informed``: its doer does the informing."""
        keep = kept(coordination_head(participle))
        if keep is not None and voice(keep, self.cues).value == "active":
            return keep
        return None

    def doer_tokens(self, verb: Token) -> set[int]:
        """Indices of the subject the actor of ``verb`` is read from (and of what it stands for).

        Empty while that reading is under way (a pronoun met inside it excludes nothing).
        """
        if verb.i in self._doers:
            return self._doers[verb.i]
        self._doers[verb.i] = set()
        self._read_from = None
        self.read(verb, is_passive(verb))
        found: set[int] = set()
        token = self._read_from
        if token is not None and token.doc is verb.doc:
            found.add(token.i)
            stands_for = None
            if token.tag_ in ("WDT", "WP"):
                stands_for = relative_head(token)
            elif token.pos_ == "PRON":
                stands_for = self.parties.antecedent(token)
            if stands_for is not None:
                found.add(stands_for.i)
        self._doers[verb.i] = found
        return found

    def lead_in_doer(self) -> Actor | None:
        """The doer of the lead-in a composed clause opens with (its first sentence's root)."""
        doc = self.parties.doc
        if not len(doc):
            return None
        root = next(iter(doc.sents)).root
        if any(c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS for c in root.children):
            # "If a child is not in education:" then "Notify the local authority": a lead-in
            # that is only a condition leads items whose doer is not the condition's subject
            return None
        subject = next(
            (c for c in root.children if c.dep_ in ACTIVE_SUBJECTS and not is_expletive(c)),
            None,
        )
        if subject is None:  # the parse hung the lead-in's subject elsewhere: its modal's
            subject = self._lead_modal_subject()
        if subject is not None:
            group, text, reading = self.actor_of(subject, LEAD_IN)
            return (group, text, reading) if group != "unspecified" else None
        return None

    def _lead_modal_subject(self) -> Token | None:
        """The subject of the modal that ends a composed clause's lead-in (``Before requiring
        X to act the Commission must—``: whatever the parse made of the opening phrase, the
        party right before the modal is its subject)."""
        outer = self.parties.outer
        if outer is None:
            return None
        item_start = outer[1].item_start
        doc = self.parties.doc
        modals = [t for t in doc if t.tag_ == "MD" and t.idx < item_start]
        if not modals:
            return None
        modal = modals[-1]
        for child in (*modal.head.children, *modal.children):
            if child.dep_ in ACTIVE_SUBJECTS and child.i < modal.i and not is_expletive(child):
                return child
        head_noun = relative_clause_subject(modal)
        if head_noun is not None:  # "The assessor with whom the notice referred to in
            # paragraph (1) has been lodged must—": the parse made the relative clause the main
            return head_noun
        before = doc[modal.i - 1] if modal.i else None
        if (
            before is not None
            and before.pos_ in ("NOUN", "PROPN")
            and self.parties.is_party(before)
        ):
            return before
        return None

    def actor_of(self, token: Token, found_by: Rule) -> Actor:
        """The party ``token`` names, read as an actor (pronouns resolved)."""
        earlier = self.previous_subject(token)
        if earlier is not None:  # "This can be achieved by:" then the items
            return self._via(self.subject(earlier, SENTENCE_BEFORE), found_by)
        return self.subject(token, found_by)

    # ------------------------------------------------------------ passive

    def agent(self, verb: Token) -> Actor:
        """The ``by`` agent of a passive (also through its conjuncts), else nobody."""
        token = verb
        for _ in range(MAX_CHAIN):
            for obj in prep_objects(token, frozenset({"by"})):
                return self.subject(obj, BY_AGENT)
            # "informed of the decision by the authority": the agent hangs off the object
            # "notified in writing by the Secretary of State": after a manner phrase
            for inner in prep_objects(token, frozenset({"of", "about", "in"})):
                for obj in prep_objects(inner, frozenset({"by"})):
                    if self.parties.party(obj) is not None:
                        return self.subject(obj, BY_AGENT)
            if token.dep_ == "conj" and not any(c.dep_ in SUBJECTS for c in token.children):
                token = token.head
                continue
            break
        return "unspecified", None, Reading("unspecified", AGENTLESS)

    # ------------------------------------------------------------ active

    def _active(self, verb: Token, depth: int) -> Actor:
        parties = self.parties
        if verb.dep_ == "aux" and verb.head.pos_ == "NOUN" and verb.head.i > verb.i:
            verb = verb.head  # "to which it has/aux regard/relcl": the parse made the noun the verb
        aside = comma_participle(verb)
        if aside is not None:  # "the designated teacher, working with the VSH, should ..."
            return self.subject(aside[0], COMMA_PARTICIPLE)
        if not any(c.dep_ in SUBJECTS and c.pos_ not in ("VERB", "AUX") for c in verb.children):
            for child in verb.doc[verb.sent.start : verb.i]:
                found = comma_participle(child) if child.tag_ == "VBG" else None
                if found is not None and found[1] == verb:
                    return self.subject(found[0], BEFORE_COMMA_PARTICIPLE)
        doer = gerund_subject(verb, clause_level=True)
        if doer is not None and (doer.pos_ == "PRON" or parties.party(doer) is not None):
            # "the importance of the child participating"; not "at risk of harm, taking ..."
            return self.subject(doer, GERUND_SUBJECT)
        doer = _for_subject(verb)
        if doer is not None:  # "arrangements for staff to consult"
            return self.subject(doer, FOR_SUBJECT)
        token, steps = verb, list[Rule]()
        for _ in range(MAX_CHAIN):
            found_here = self._at(token, verb, steps)
            if isinstance(found_here, Rule):  # a clause the parser made of an adjunct
                steps.append(found_here)
                token = token.head
                continue
            if found_here is not None:
                return found_here
            doer = _for_subject(token) if token != verb else None
            if doer is not None:  # "arrange for the panel to be ready to consider"
                return self._via(self.subject(doer, FOR_SUBJECT), *steps)
            nxt = self._step(token)
            if nxt is None:
                break
            target, step = nxt
            item_verb = self._item_verb(token, target)
            if item_verb is not None:  # the step would leave the list item: its own verb
                target, step = item_verb, STEP_ITEM
            if step in (OBJECT_CONTROL, ACL_HEAD, OF_PARTY, NOUN_QUALIFIED):
                return self._via(self.subject(target, step), *steps)
            if step is STEP_PURPOSE:
                if depth > 3:
                    break
                if any(c.dep_ in ("auxpass", "nsubjpass") for c in target.children):
                    return self._via(self.agent(target), *steps, STEP_PURPOSE)
                return self._via(self._active(target, depth + 1), *steps, STEP_PURPOSE)
            token = target
            steps.append(step)
        opened = fronted_subject(verb)
        if opened is not None:  # "When considering whether ..., the home and the LA should"
            return self.subject(opened, FRONTED)
        if any(c.dep_ in SUBJECTS and is_expletive(c) for c in token.children):
            # "The authority needs to ... . It will be important to consider ...": the doer
            # of the sentence just before
            before = self._sentence_before(token) or self._earlier_subject(token, duty=True)
            if before is not None:
                return self._via(self.subject(before, EXPLETIVE_BEFORE), *steps)
        return "unspecified", None, Reading("unspecified", NO_SUBJECT)

    def _at(self, token: Token, verb: Token, steps: list[Rule]) -> Actor | Rule | None:
        """The doer found at ``token``, a verb of the chain; ``None``: look further up; a
        step rule: ``token`` is an adjunct the parser made a clause of (``must assess each
        case taking ...``), go on from its head."""
        parties = self.parties
        noun = participle_subject(token)
        if noun is not None:  # "Staff working with children are expected to consult"
            return self._via(self.subject(noun, PARTICIPLE_PHRASE), *steps)
        if (
            steps
            and steps[-1] in (STEP_PARTICIPLE, STEP_ADVERBIAL_GERUND)
            and is_passive(token)
            and not _controlled_passive(token)
        ):
            # "the plan must be reviewed by the authority, having consulted ...": the main
            # clause's doer is its agent, not its passive subject (but "on notifying the
            # police, staff are expected to search": the passive subject acts)
            group, text, reading = self.agent(token)
            if reading.rule is BY_AGENT:
                reading = Reading(
                    group, MAIN_CLAUSE_AGENT, (*steps, *reading.via), reading.party, reading.token
                )
            return group, text, reading
        misread = verbal_subject(token, parties.is_party, self.modifiers)
        if misread is not None:  # "Governing bodies ... have a duty to consult"
            return self._via(self.subject(misread, VERBAL_SUBJECT), *steps)
        if (token.pos_ == "NOUN" or token.tag_ == "VBG") and not any(
            c.dep_ in SUBJECTS for c in token.children
        ):  # also a gerund whose doer the parse made its compound ("by the consumer notifying")
            lefts = list(token.lefts)
            compound = [
                c
                for c in lefts
                if (
                    c.dep_ in ("compound", "nmod")
                    # "every professional/JJ working/VBG with": the party read as an adjective
                    or (c.dep_ == "amod" and c.i == token.i - 1 and token.tag_ == "VBG")
                )
                and parties.is_party(c)
            ]  # "matters that the Secretary of State considers/NNS would be": "of State" too
            named = (
                parties.phrase_party(lefts[0].i, compound[-1].right_edge.i + 1)
                if compound
                else None
            )
            if compound:
                # a party the document defines ("the CMA"), or a generic head its modifier
                # places ("the Nursery Manager notifies/NNS": a setting's manager)
                head = parties.party(compound[-1])
                if head is not None and (
                    named is None
                    or (named.group in GENERIC_GROUPS and head.group not in GENERIC_GROUPS)
                ):
                    named = head
            if named is None:  # "effects that the OFR considers/NNS have resulted": a body's
                # acronym or proper name the lexicon does not know
                names = [
                    n
                    for c in lefts
                    if c.dep_ in ("compound", "nmod")
                    and (n := parties.named(c, modifier=True)) is not None
                ]
                named = names[-1] if names else None
            if named is not None:  # "if the governing body notifies/NNS": the words before
                reading = Reading(named.group, COMPOUND_SUBJECT, party=named.rule, token=token.text)
                return self._via((named.group, named.text, reading), *steps)
            owner = token.head.head if token.dep_ == "pobj" and token.head.lower_ == "of" else None
            if (
                owner is not None
                and token.tag_ == "NNS"
                and token.head.dep_ == "prep"
                and parties.party(owner) is not None
            ):  # "where the originator of a scheme notifies/NNS the OFR"
                return self._via(self.subject(owner, OF_PHRASE_SUBJECT), *steps)
        subjects = [
            c
            for c in token.children
            if c.dep_ in (ACTIVE_SUBJECTS if token == verb else SUBJECTS)
            and c != verb
            and not is_expletive(c)
            and not (c.dep_ == "csubj" and c.tag_ in ("VBN", "VBD"))
            and not opened_participle(c)
            and not provision_label(c)  # "insert— (2A) For ..., the Secretary of State must"
            and not _bare_adjective(c)  # "as X considers equitable/nsubj having regard to"
        ] or reduced_relative(token)
        if any(c.dep_ != "csubj" for c in subjects):
            # "Where the Secretary of State proposes ... the Secretary of State must consider":
            # a clause the parse made a clausal subject beside a nominal one is an adjunct
            subjects = [c for c in subjects if c.dep_ != "csubj"]
        if not subjects:  # "The agency should, wherever possible, seek": hung on the modal
            on_modal = modal_subject(token)
            subjects = [on_modal] if on_modal is not None else []
        # "A consumer may, alternatively, exercise": the parse made the modal the subject, with
        # the real subject its own
        subjects = [
            next((g for g in c.children if g.dep_ == "nsubj"), c) if c.tag_ == "MD" else c
            for c in subjects
        ]
        if subjects and self._object_participle(token, subjects[0]):
            return STEP_PARTICIPLE
        if subjects and self._noun_infinitive(token, subjects[0]):
            return STEP_NOUN_INFINITIVE
        if subjects:
            # "persons whom it considers suitable": the parser may make both subjects
            plain = [c for c in subjects if c.tag_ not in ("WDT", "WP")]
            subject = (plain or subjects)[0]
            if contact_relative(token) == subject:  # "whatever changes the authority considers"
                subject = plain[-1]
            first = split_coordinate(token, subject, parties.is_party)
            if first is not None:  # "A local authority and each of its partners must"
                return self._via(self.subject(first, SPLIT_COORDINATE), *steps)
            earlier = self.previous_subject(subject) if token != verb else None
            if earlier is not None:  # "Teachers have a role. This involves working with"
                return self._via(self.subject(earlier, SENTENCE_BEFORE), *steps)
            owner = activity_owner(subject, parties.party) if token == verb else None
            if owner is not None:  # "The LA must carry out an assessment. The assessment must"
                return self._via(self.subject(owner, ACTIVITY_OWNER), *steps)
            return self._via(self.subject(subject, SUBJECT), *steps)
        modal = modal_before_aside(token, self.cues)
        held = (
            next(
                (
                    c
                    for c in [*modal.children, *modal.head.children]
                    if c.dep_ in SUBJECTS and c.i < modal.i and not opened_participle(c)
                ),
                None,
            )
            if modal is not None
            else None
        )
        if (
            held is None
            and modal is not None
            and modal.i > 0
            and modal.nbor(-1).lower_ in ("and", "or")
        ):
            # "the authority shall notify X and shall, so far as is practicable, notify Y":
            # the modal goes on with the clause before "and"
            first = modal.head
            while first.dep_ == "conj" and first.head != first:
                first = first.head
            held = next((c for c in first.children if c.dep_ in SUBJECTS and c.i < modal.i), None)
        if held is not None:  # "The authority may, so far as is practicable, consult": the
            # subject of the modal the aside cut off
            return self._via(self.subject(held, MODAL_BEFORE_ASIDE), *steps)
        modal = clause_modal(token)
        head_noun = relative_clause_subject(modal) if modal is not None else None
        if head_noun is not None:  # "The authority to which the request referred to in
            # paragraph (2) was made must consult": the parse made the relative clause the main
            return self._via(self.subject(head_noun, RELATIVE_SUBJECT), *steps)
        stranded = stranded_subject(token)
        if stranded is not None:  # "... and schools must review each case, taking ..."
            return self._via(self.subject(stranded, STRANDED), *steps)
        opened = subject_before_aside(token, parties.is_party)
        if opened is not None:  # "Well placed to ..., staff in schools, as ..., need to"
            return self._via(self.subject(opened, BEFORE_ASIDE), *steps)
        swallowed = swallowed_subject(token, parties.is_party)
        if swallowed is not None:  # "For children in care the home should seek"
            return self._via(self.subject(swallowed, BEFORE_MODAL), *steps)
        holder = next(
            (
                h
                for c in token.children
                if c.dep_ == "attr" and (h := role_holder(c, self._names_doer)) is not None
            ),
            None,
        )
        if holder is not None:  # "It is the responsibility of X to consult"
            return self._via(self.subject(holder, ROLE_HOLDER), *steps)
        return None

    def _item_verb(self, token: Token, target: Token) -> Token | None:
        """The main verb of the list item ``token`` stands in, when a step from ``token`` to
        ``target`` would leave the item (a composed clause only), else ``None``.

        ``ensure that staff— keep in touch with the school, including working with it``:
        however the parse hangs *including working*, it is part of what staff do.
        """
        outer = self.parties.outer
        if outer is None or token.doc is not target.doc:
            return None
        composition = outer[1]
        inside = composition.item_start <= token.idx < composition.item_end
        if not inside or target.idx >= composition.item_start:
            return None
        verbs = [
            t
            for t in token.doc
            if composition.item_start <= t.idx < composition.item_end
            and t.pos_ in ("VERB", "AUX")
            and t.tag_ != "MD"
            and not (composition.item_start <= t.head.idx < composition.item_end and t.head != t)
        ]
        verb = verbs[0] if verbs else None
        return verb if verb is not None and verb != token else None

    def _noun_infinitive(self, verb: Token, subject: Token) -> bool:
        """Whether ``subject to verb`` is a noun with its infinitive, misparsed as a clause."""
        return (
            verb.dep_ in ("ccomp", "xcomp", "advcl")
            and verb.head.pos_ in ("VERB", "AUX")
            and subject.pos_ == "NOUN"
            and subject.i < verb.i
            and to_infinitive(verb)
            and self.parties.party(subject) is None
        )

    def _object_participle(self, verb: Token, subject: Token) -> bool:
        """Whether ``V NOUN V-ing`` is an object plus a participial adjunct, parsed as a clause."""
        return (
            verb.dep_ == "ccomp"
            and verb.tag_ == "VBG"
            and verb.head.pos_ in ("VERB", "AUX")
            and subject.pos_ == "NOUN"
            and subject.i < verb.i
            and not any(c.dep_ in ("aux", "mark") for c in verb.children)
            and self.parties.party(subject) is None
        )

    # ------------------------------------------------------------ steps

    def _controller(self, verb: Token, objects: list[Token]) -> Token | None:
        """The object of a verb of control that does its infinitive: a pronoun or a party,
        or, after a verb of control proper, a person noun the lexicon lacks ("require the
        contractor to inform")."""
        if not objects:
            return None
        first = objects[0]
        if first.pos_ == "PRON" or self.parties.party(first) is not None:
            return first
        if verb.lemma_.lower() in OBJECT_CONTROL_VERBS and (
            self.parties.agent_noun(first) is not None or self.parties.named(first) is not None
        ):  # "require the contractor to inform", "does not require the OFR to consult"
            return first
        return None

    def _step(self, token: Token) -> tuple[Token, Rule] | None:
        """One step up from a verb without a doer of its own, and the rule taking it."""
        party = self.parties.party
        head, dep = token.head, token.dep_
        previous = series_previous(token)
        if previous is not None:  # "must keep a register; consult X; and publish it"
            return previous, STEP_SERIES
        if head == token:
            return None
        across = parenthesised_conjunct(token)
        if across is not None:  # "must have regard to X and, so far as ..., involve Y"
            return across, STEP_CONJ_ASIDE
        helped = _bare_infinitive_object(token, party)
        if helped is not None:  # "support children participate": whatever the parse made of it
            return helped, OBJECT_CONTROL
        owner = _noun_party_before(token, party)
        if owner is not None:  # "a lack of confidence in practitioners to engage with"
            return owner, OF_PARTY
        beside = participle_beside_phrase(token)
        if beside is not None:  # "in compliance with X and having regard to Y"
            return beside, STEP_PARTICIPLE
        if dep == "conj" and not bracketed_apart(head, token):
            lower = misplaced_conjunct(token) or modal_parallel(token) or item_top(token)
            return lower or head, STEP_CONJ
        to_inf = to_infinitive(token)
        if (
            dep == "csubj"
            and token.tag_ == "VBG"
            and head.pos_ in ("VERB", "AUX")
            and head.dep_ in ("advcl", "conj")
            and any(
                c.dep_ == "mark" and c.lower_ in _CONDITIONS
                for c in (*token.children, *head.children)
            )
            and not any(c.dep_ in SUBJECTS for c in token.children)
        ):  # "schools will inform parents unless ..., if informing a parent is likely to"
            return (head.head if head.dep_ == "advcl" else head), STEP_CONDITIONAL_GERUND
        clausal = clausal_subject_participle(token)
        if clausal is not None:  # "knows, or having regard to X ought to know": an adjunct
            return clausal, STEP_PARTICIPLE
        if dep == "xcomp" and head.pos_ in ("VERB", "AUX"):
            # object control: "encourage parents to participate", "require the body to consult"
            objects = [c for c in head.children if c.dep_ == "dobj" and c.i < token.i]
            if len(objects) > 1 and objects[0].tag_ in ("WDT", "WP"):
                # "any person whom/dobj the carer asks the authority/dobj to involve": the
                # relative word is the infinitive's object, the other the controller
                objects = objects[1:]
            controller = self._controller(head, objects)
            if controller is not None:
                return controller, OBJECT_CONTROL
            owner = _owner(objects[-1], party) if objects else None
            if owner is not None and objects[-1].right_edge.i + 2 >= token.i:
                # "determine the applicant's suitability to work with": the noun's infinitive
                return owner, OF_PARTY
        qualified = _qualified_noun(head, party) if dep == "xcomp" else None
        if qualified is not None:  # "firms eligible to participate", "persons entitled to"
            return qualified, NOUN_QUALIFIED
        if dep == "xcomp" and head.pos_ == "ADJ":
            # "information that would make them unsuitable to work with children"
            held = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < head.i]
            if held and is_expletive(held[0]) and head.head.pos_ in ("VERB", "AUX"):
                # "any person the Secretary of State considers it appropriate to consult":
                # the one who judges does it
                return head.head, STEP_CONTROL
            if held and (held[0].pos_ == "PRON" or party(held[0]) is not None):
                return held[0], OBJECT_CONTROL
            if head.dep_ == "acomp" and head.head.pos_ in ("VERB", "AUX"):
                return head, STEP_CONTROL  # "it is prepared to involve": on to the copula
        if dep == "acomp" and head.pos_ in ("VERB", "AUX"):
            # "the extent to which it is prepared to involve": the copula's subject
            return head, STEP_CONTROL
        if (
            dep == "ccomp"
            and to_inf
            and head.pos_ in ("VERB", "AUX")
            and any(
                t.tag_ == "WRB" or t.lower_ == "whether" for t in token.subtree if t.i < token.i
            )
        ):
            # "should consider how best to engage", "must decide whether to consult": same doer
            return head, STEP_CONTROL
        if (
            dep == "ccomp"
            and head.pos_ in ("VERB", "AUX")
            and any(c.dep_ in SUBJECTS and is_expletive(c) for c in token.children)
        ):
            return head, STEP_CONTROL  # "to judge whether it is appropriate to notify"
        if dep == "advcl" and to_inf and passive_control(head):
            return head, STEP_CONTROL  # "children should be supported to participate"
        if dep == "advcl" and to_inf and head.lemma_.lower() in _GIVING and is_passive(head):
            return head, STEP_CONTROL  # "each child is provided with support to participate"
        if dep == "advcl" and to_inf and head.lemma_.lower() in OBJECT_CONTROL_VERBS:
            # "will support the care leaver to participate": the object, as with an xcomp
            objects = [c for c in head.children if c.dep_ == "dobj" and c.i < token.i]
            controller = self._controller(head, objects)
            if controller is not None:
                return controller, OBJECT_CONTROL
        if dep == "advcl" and to_inf and head.pos_ in ("VERB", "AUX"):
            duty_holder = _duty_on(head, token, party)
            if duty_holder is not None:  # "imposes a duty on the court, when ..., to consider"
                return duty_holder, OF_PARTY
            return head, STEP_PURPOSE
        if dep == "xcomp" or (dep in ("advcl", "acl", "relcl") and to_inf):
            if head.pos_ in ("NOUN", "PROPN", "ADJ"):
                if dep == "acl" and party(head) is not None:  # "requires the body to consult"
                    return head, OBJECT_CONTROL
                if (
                    head.dep_ == "pobj"
                    and head.head.lower_ in ("on", "upon")
                    and party(head) is not None
                ):  # "confer powers on a prescribed person to collaborate": the parse hung
                    # the infinitive on the party the powers are conferred on
                    return head, OF_PARTY
                for obj in prep_objects(head, frozenset({"of", "on"})):
                    if party(obj) is not None:
                        return obj, OF_PARTY
                owner = _owner(head, party)
                if owner is not None:  # "local authorities and their powers to engage"
                    return owner, OF_PARTY
                giver = head.head if head.dep_ == "dobj" else None
                holder = (
                    next(
                        (c for c in giver.children if c.dep_ == "dative" and party(c) is not None),
                        None,
                    )
                    if giver is not None
                    else None
                )
                if holder is not None:  # "gives the school a duty to inform"
                    return holder, OF_PARTY
                verb = verb_above(head)
                return (verb, STEP_CONTROL) if verb is not None else None
            return head, STEP_CONTROL
        if dep in ("acomp", "oprd") and head.pos_ in ("VERB", "AUX"):
            return head, STEP_CONTROL  # "staff should be prepared to engage": the copula's subject
        if (
            dep == "acl"
            and token.tag_ == "VBG"
            and (
                head.pos_ in ("NOUN", "PROPN") or (party(head) is not None and not _anaphoric(head))
            )
        ):  # "professionals working with", "all those working with", "anyone seeking"
            adverbial = adverbial_participle(token) or deliberative_participle(token)
            if adverbial is not None and party(head) is None:
                # "at least once in each period taking ...", "invite proposals having regard to"
                return adverbial, STEP_PARTICIPLE
            return head, ACL_HEAD
        if dep == "advcl" and token.tag_ in ("VBG", "VBN") and not finite(token):
            judge = judging_verb(head)
            if judge is not None:
                # "assess whether each child is at risk, taking into account ...": the
                # assessor takes it into account, not the subject of the whether-clause
                return judge, STEP_PARTICIPLE
            return head, STEP_PARTICIPLE
        if (
            dep == "ccomp"
            and token.tag_ == "VBG"
            and head.pos_ in ("VERB", "AUX")
            and not any(
                c.dep_ in (*SUBJECTS, "aux", "mark") and not _bare_adjective(c)
                for c in token.children
            )  # an adjective is no subject: "as X considers equitable/nsubj having regard to"
        ):
            return head, STEP_PARTICIPLE  # "as it considers appropriate having regard to"
        if (
            dep == "pcomp"
            and head.lower_ == "by"
            and token.tag_ == "VBG"
            and head.head.dep_ in ("acl", "relcl")
            and head.head.tag_ == "VBN"
        ):
            # "engage in the processes outlined in the framework by— (b) engaging with": a
            # gerund is no agent of the participle; the by-phrase says how the doer of the
            # verb above does it
            verb = verb_above(head.head.head)
            if verb is not None:
                return verb, STEP_ADVERBIAL_GERUND
        if dep == "pcomp" and head.dep_ == "prep" and head.head.pos_ == "NOUN":
            # "the school's arrangements for engaging with": the possessor does it
            owners = [c for c in head.head.children if c.dep_ == "poss"]
            if owners and self._names_doer(owners[0]):
                # also a body's acronym: "the OFR's reasons for considering"
                return owners[0], ACL_HEAD
        helped = _helped_in(head, party) if dep == "pcomp" else None
        if helped is not None:  # "support schools in engaging with parents": the schools
            return helped, OBJECT_CONTROL
        if dep == "pcomp" and head.dep_ == "prep":
            verb = head.head
            for _ in range(3):  # "is responsible for consulting", "such as by consulting"
                if verb.pos_ not in ("ADP", "ADJ", "ADV") or verb.head == verb:
                    break
                verb = verb.head
            if verb.pos_ in ("NOUN", "PROPN") and party(verb) is None:
                # "authorities have duties, including supporting parents": whoever has them
                verb = verb_above(verb) or verb
            if verb.pos_ not in ("VERB", "AUX"):
                return None
            if head.lower_ in _ADVERBIAL_PREPOSITIONS and verb == head.head:
                return verb, STEP_ADVERBIAL_GERUND  # "made by X after consulting": X
            main = _fronted_into(head, verb)
            if main is not None:
                return main, STEP_ADVERBIAL_GERUND
            return verb, STEP_PREPOSITIONAL
        if (
            dep == "pcomp"
            and head.dep_ == "ROOT"
            and head.pos_ == "ADP"
            and any(c.dep_ in SUBJECTS for c in head.children)
        ):
            # "Staff should before informing the police speak to ...": the parse made the
            # preposition the head of the clause, with the subject on it
            return head, STEP_PREPOSITIONAL
        return None

    # ------------------------------------------------------------ reading a doer as a party

    def previous_subject(self, subject: Token) -> Token | None:
        """The previous sentence's subject a demonstrative subject stands for (also in the
        unit a composed clause was made from)."""
        found = previous_subject(subject, self.parties.is_party)
        if found is None and self.outer is not None and subject.doc is self.parties.doc:
            unit = self.parties.in_unit(subject)
            if unit is not None:
                return self.outer.previous_subject(unit)
        return found

    def subject(self, token: Token, found_by: Rule) -> Actor:
        """``token`` read as the doer found by ``found_by`` (pronouns and relatives resolved)."""
        actor = self._party_of(token, found_by)
        self._read_from = token  # after reading: pronouns met inside may read other doers
        return actor

    def _party_of(self, token: Token, found_by: Rule) -> Actor:
        parties = self.parties
        if token.doc is not parties.doc and self.outer is not None:
            return self.outer._party_of(token, found_by)
        if token.tag_ in ("WDT", "WP") and token.lower_ in self.cues.relatives:
            head = relative_head(token, parties.is_party)
            if head is not None and parties.party(head) is None:
                return self._via(self.subject(head, found_by), PARTY_RELATIVE_HEAD)
        first = _first_alternative(token)
        if first is not None and parties.party(first) is not None:
            # "Local authorities/governing bodies must": the first alternative, as with "and"
            return self._via(self.subject(first, found_by), PARTY_FIRST_ALTERNATIVE)
        found = parties.party(token)
        if found is not None:
            text = (
                found.text
                if found.rule.name != "party.alias"
                else parties.np_text(token, coordinated=True)
            )
            return (
                found.group,
                text,
                Reading(found.group, found_by, party=found.rule, token=token.text),
            )
        if token.pos_ == "PRON" or token.tag_ in ("WDT", "WP"):
            reading = Reading("unspecified", found_by, party=PARTY_UNRESOLVED, token=token.text)
            return "unspecified", token.text, reading
        if parties.named(token, modifier=True) is not None:  # a named body the lexicon lacks
            text = parties.np_text(token, coordinated=True)
            return "other", text, Reading("other", found_by, party=PARTY_NAMED, token=token.text)
        agent = parties.agent_noun(token)
        if agent is not None:
            return (
                agent.group,
                agent.text,
                Reading(agent.group, found_by, party=agent.rule, token=token.text),
            )
        # a possessive pronoun owns the subject of a finite verb only: "their arrangements
        # should take into account", not "their self-evaluation to inform"
        finite_verb = not any(c.tag_ == "TO" for c in token.head.children)
        owners = [
            c
            for c in token.children
            if (
                c.pos_ in ("NOUN", "PROPN")
                or (c.dep_ == "poss" and c.pos_ == "PRON" and finite_verb)
            )
            and (
                c.dep_ == "poss" or (c.dep_ == "nmod" and any(g.tag_ == "POS" for g in c.children))
            )
        ]
        owner = parties.party(owners[0]) if owners else None
        if owner is not None and owner.group not in FAMILY_GROUPS:
            # "The home's procedures must take into account": the body whose instrument it is
            # (a plan about a child is not the child's)
            return self._via(self.subject(owners[0], found_by), PARTY_POSSESSOR)
        holder = role_holder(token, parties.is_party)
        if holder is not None:  # "The role of the personal adviser is to consult"
            return self._via(self.subject(holder, found_by), PARTY_ROLE)
        if token.lemma_.lower() in _LISTED_TASKS and token.dep_ in SUBJECTS:
            # "(4) The purposes of a review under this section are— (b) to consider": the
            # doer the section names in the subsections before
            earlier = self._earlier_subject(token)
            if earlier is not None:
                return self._via(self.subject(earlier, found_by), PARTY_EARLIER)
        if (
            token.lemma_.lower() in _HELD
            and token.dep_ in SUBJECTS
            and not addresses_reader(parties.context)
        ):
            # "(2) The duty to consult ... does not apply": in legislation, the holder its
            # section names before (guidance's "the review should consider" is a meeting's)
            holder = self._earlier_subject(token, duty=True)
            if holder is not None:
                return self._via(self.subject(holder, found_by), PARTY_FUNCTION_HOLDER)
        # an inanimate subject ("This evaluation should inform ...") names no party
        text = parties.np_text(token, coordinated=True)
        return (
            "unspecified",
            text,
            Reading("unspecified", found_by, party=PARTY_NONE, token=token.text),
        )

    def _earlier_subject(self, token: Token, *, duty: bool = False) -> Token | None:
        """The main subject of the nearest sentence before ``token``'s that names a party as
        its doer (the unit is one section, regulation or paragraph: the guidelines' reach).

        A sentence's main subject is its root's first subject: an active one, or the passive
        subject of a control verb (``The adviser is required to meet ...``). With ``duty``,
        only a sentence that puts a duty on its subject counts (``The agency must act ...``,
        ``The IRO is required to ...``), not one that describes it (``IROs have a role``).
        A clause composed from a list item looks in the unit it was composed from.
        """
        if self.outer is not None and token.doc is self.parties.doc:
            unit = self.parties.in_unit(token)
            if unit is not None:
                return self.outer._earlier_subject(unit, duty=duty)
        doc = token.doc
        end = token.sent.start
        while end > 0:
            sent = doc[end - 1].sent
            root = sent.root
            subjects = [c for c in root.children if c.dep_ in SUBJECTS]
            duty_modal = duty and (
                any(c.dep_ == "aux" and c.lower_ in _DUTY_MODALS for c in root.children)
                or (  # "The adviser needs to meet ..."
                    root.lemma_.lower() == "need"
                    and any(c.dep_ == "xcomp" and to_infinitive(c) for c in root.children)
                )
            )
            if duty_modal and not subjects:
                # "If the placement is to proceed the agency must inform": swallowed
                swallowed = swallowed_subject(root, self.parties.is_party)
                if swallowed is not None:
                    return swallowed
            if subjects:
                first = subjects[0]
                controls = any(c.dep_ == "xcomp" and to_infinitive(c) for c in root.children)
                doer = first.dep_ in ACTIVE_SUBJECTS or controls
                if duty:
                    doer = (doer and first.dep_ == "nsubjpass" and controls) or (
                        first.dep_ in ACTIVE_SUBJECTS and root.lemma_.lower() != "be" and duty_modal
                    )
                if doer and self._names_doer(first):
                    return first
            end = sent.start
        return None

    def _names_doer(self, token: Token) -> bool:
        """Whether a doer names a party: one the lexicon knows or a proper name (``a
        Minister of the Crown``, ``the Institute``), also as a possessor (``the OFR's``)."""
        return (
            self.parties.party(token) is not None
            or self.parties.named(token, modifier=True) is not None
        )

    def _sentence_before(self, token: Token) -> Token | None:
        """The main subject of the sentence before ``token``'s when it names a party; through
        sentences whose own subject is an expletive *it* (``It will also be important to
        ...``); ``None`` when the sentence before is about something else."""
        doc = token.doc
        end = token.sent.start
        for _ in range(MAX_CHAIN):
            if end <= 0:
                return None
            sent = doc[end - 1].sent
            subjects = [c for c in sent.root.children if c.dep_ in SUBJECTS]
            if not subjects:
                return None
            first = subjects[0]
            if is_expletive(first):
                end = sent.start
                continue
            doer = first.dep_ in ACTIVE_SUBJECTS or any(
                c.dep_ == "xcomp" and to_infinitive(c) for c in sent.root.children
            )
            return first if doer and self.parties.party(first) is not None else None
        return None

    @staticmethod
    def _via(actor: Actor, *rules: Rule) -> Actor:
        """``actor`` with ``rules`` added to the steps its reading went through."""
        if not rules:
            return actor
        group, text, reading = actor
        return (
            group,
            text,
            Reading(
                reading.value,
                reading.rule,
                (*rules, *reading.via),
                reading.party,
                reading.token,
                reading.extra,
            ),
        )
