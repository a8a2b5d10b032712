"""Document -> occurrence rows: the contract example, units, offsets, refs, pages, edge cases."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from tests.conftest import SI_PDF, need
from tests.nlp.helpers import contract_fields
from textmine.contract import EXTRA_FIELDS, OCCURRENCE_FIELDS
from textmine.extract.document import Document, Provision, build_document
from textmine.nlp.tagging import (
    collapse,
    split_long,
    tag_document,
    tag_documents,
    units,
)
from textmine.settings import Settings

CONTRACT_SENTENCE = (
    "The local authority must consult the child's parent and must not inform the school "
    "without consent."
)
CONTRACT_ROWS = [
    {
        "doc": "example",
        "ref": "9.14",
        "page": None,
        "sentence": CONTRACT_SENTENCE,
        "start": 25,
        "end": 32,
        "text": "consult",
        "term": "consult",
        "level": 2,
        "actor": "local_authority",
        "actor_text": "The local authority",
        "recipients": ["parent"],
        "modality": "must",
        "negated": False,
        "voice": "active",
    },
    {
        "doc": "example",
        "ref": "9.14",
        "page": None,
        "sentence": CONTRACT_SENTENCE,
        "start": 65,
        "end": 71,
        "text": "inform",
        "term": "inform",
        "level": 1,
        "actor": "local_authority",
        "actor_text": "The local authority",
        "recipients": ["education"],
        "modality": "must",
        "negated": True,
        "voice": "active",
    },
]


def document(*provisions: Provision, doc: str = "example", kind: str = "text"):  # type: ignore[no-untyped-def]
    return build_document(doc=doc, kind=kind, path=None, provisions=provisions)


def prov(text: str, ref: str | None = None, **fields: object) -> Provision:
    return Provision(doc="", kind="", ref=ref, text=text, **fields)  # type: ignore[arg-type]


def test_contract_example_gives_exactly_the_two_contract_rows(nlp) -> None:
    rows = tag_document(document(prov(CONTRACT_SENTENCE, "9.14")), nlp=nlp)
    assert [{k: r[k] for k in OCCURRENCE_FIELDS} for r in rows] == CONTRACT_ROWS
    assert list(rows[0]) == [*OCCURRENCE_FIELDS, *EXTRA_FIELDS]
    assert rows[0]["kind"] == "text" and rows[0]["unit"] == "9.14"


def test_unit_is_parsed_whole_and_rows_take_their_provisions_ref_and_page(nlp) -> None:
    doc = document(
        prov("In reviewing the plan, the local authority must—", "s.27(3)", page=4, unit="s.27(3)"),
        prov("consult the child's parent, and", "s.27(3)(a)", page=4, unit="s.27(3)"),
        prov("notify the\n   governing body of the school.", "s.27(3)(b)", page=5, unit="s.27(3)"),
        prov("The Tribunal may seek the views of the young person.", "s.28", page=5),
        kind="act",
    )
    rows = tag_document(doc, nlp=nlp)
    got = [
        (r["ref"], r["page"], r["text"], r["actor"], r["modality"], r["recipients"]) for r in rows
    ]
    assert got == [
        ("s.27(3)(a)", 4, "consult", "local_authority", "must", ["parent"]),
        ("s.27(3)(b)", 5, "notify", "local_authority", "must", ["education"]),
        ("s.28", 5, "seek", "tribunal", "may", ["young_person"]),
    ]
    sentence = rows[1]["sentence"]
    assert "\n" not in sentence and "  " not in sentence
    assert sentence[rows[1]["start"] : rows[1]["end"]] == "notify"
    assert rows[1]["unit"] == "s.27(3)" and rows[2]["unit"] == "s.28"


def test_offsets_index_the_collapsed_sentence(nlp) -> None:
    text = "Where it\nconsiders it   necessary,  the school must\n\tinform   the parent."
    rows = tag_document(document(prov(text, "1.2")), nlp=nlp)
    for row in rows:
        assert row["sentence"][row["start"] : row["end"]] == row["text"]
    assert [r["text"] for r in rows] == ["considers", "inform"]
    assert rows[1]["sentence"] == (
        "Where it considers it necessary, the school must inform the parent."
    )


def test_empty_document_gives_no_rows(nlp) -> None:
    assert tag_document(document(), nlp=nlp) == []
    assert tag_documents([], nlp=nlp) == []


def test_document_without_terms_gives_no_rows(nlp) -> None:
    assert tag_document(document(prov("The plan must be kept for 25 years.")), nlp=nlp) == []


def test_five_thousand_token_sentence_returns(nlp) -> None:
    clause = "the local authority must consult the parent and inform the school and "
    text = (clause * 400).strip() + " act."
    assert len(text.split()) > 4800
    for limit in (Settings().max_unit_chars, 10 * len(text)):  # split, then whole
        rows = tag_document(
            document(prov(text, "9.1")), nlp=nlp, settings=Settings(max_unit_chars=limit)
        )
        assert len(rows) >= 700
        assert {r["ref"] for r in rows} == {"9.1"}
        assert {r["term"] for r in rows} == {"consult", "inform"}


def test_long_unit_is_split_below_the_limit(nlp) -> None:
    sentence = "The governing body must consult the parent. "
    settings = Settings(max_unit_chars=500)
    doc = document(prov(sentence * 40, "2.1"))
    pieces = list(units(doc, 0, settings.max_unit_chars))
    assert len(pieces) == 4 and all(len(p.text) <= 500 for p in pieces)
    rows = tag_document(doc, nlp=nlp, settings=settings)
    assert len(rows) == 40 and {r["actor"] for r in rows} == {"education"}


def test_explain_adds_an_explanation(nlp) -> None:
    rows = tag_document(
        document(prov(CONTRACT_SENTENCE, "9.14")), nlp=nlp, settings=Settings(explain=True)
    )
    assert set(rows[1]["explain"]) == {
        "term",
        "actor",
        "recipients",
        "modality",
        "negated",
        "voice",
    }
    assert rows[1]["explain"]["negated"] == {"rule": "negation.cue", "token": "not"}
    json.dumps(rows)  # plain JSON


def test_user_lexicon_adds_a_term_without_code(nlp, tmp_path: Path) -> None:
    from textmine.nlp.lexicon import load_lexicon
    from textmine.nlp.pipeline import load_pipeline

    source = Path(load_lexicon().source)
    for name in ("terms.jsonl", "actors.jsonl", "cues.jsonl"):
        shutil.copy(source / name, tmp_path / name)
    entry = {
        "id": "signpost",
        "term": "signpost",
        "level": 1,
        "pattern": [{"LEMMA": "signpost"}],
        "constraint": {"verbal": True},
        "roles": ["object"],
    }
    with (tmp_path / "terms.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry) + "\n")
    settings = Settings(lexicon_dir=tmp_path)
    custom = load_pipeline(settings)
    assert custom is not nlp
    rows = tag_document(
        document(prov("The school should signpost parents to the local offer.", "3.1")),
        nlp=custom,
        settings=settings,
    )
    assert [(r["term"], r["level"], r["actor"], r["recipients"]) for r in rows] == [
        ("signpost", 1, "education", ["parent"])
    ]


def test_a_user_lexicon_line_overrides_a_bundled_alias_of_the_same_words(
    nlp, tmp_path: Path
) -> None:
    from textmine.nlp.lexicon import load_lexicon
    from textmine.nlp.pipeline import load_pipeline

    source = Path(load_lexicon().source)
    for name in ("terms.jsonl", "actors.jsonl", "cues.jsonl"):
        shutil.copy(source / name, tmp_path / name)
    # the bundled lexicon reads "ombudsman" as some other party; a later line regroups it
    entry = {"group": "ombudsman", "id": "my_ombudsman", "refer": "body",
             "pattern": [{"LOWER": "ombudsman"}]}  # fmt: skip
    with (tmp_path / "actors.jsonl").open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(entry) + "\n")
    settings = Settings(lexicon_dir=tmp_path)
    text = "The ombudsman should consult the school about the plan."
    for model, group in ((nlp, "other"), (load_pipeline(settings), "ombudsman")):
        rows = tag_document(document(prov(text, "1.2")), nlp=model, settings=settings)
        assert [r["actor"] for r in rows] == [group]


def test_collapse_maps_offsets() -> None:
    text, mapping = collapse("  a \n b\t\tc  ")
    assert text == "a b c"
    assert [mapping[i] for i in (2, 5, 8)] == [0, 2, 4]
    assert len(mapping) == len("  a \n b\t\tc  ") + 1


def test_split_long_prefers_sentence_ends() -> None:
    text = "One two three. Four five six; seven eight nine ten eleven."
    pieces = split_long(text, 20)
    assert [p for _, p in pieces] == [
        "One two three. ",
        "Four five six; ",
        "seven eight nine ",
        "ten eleven.",
    ]
    assert all(text[o : o + len(p)] == p for o, p in pieces)
    assert split_long("x" * 45, 20) == [(0, "x" * 20), (20, "x" * 20), (40, "x" * 5)]


@pytest.mark.slow
def test_real_statutory_instrument(nlp) -> None:
    from textmine.extract import extract

    doc = extract(need(SI_PDF))
    rows = {(r["ref"], r["text"]): r for r in tag_document(doc, nlp=nlp)}
    row = rows[("reg.18(6)", "consult")]
    assert (row["page"], row["actor"], row["actor_text"], row["recipients"], row["modality"]) == (
        16,
        "other",
        "The registered person",
        ["local_authority"],
        "must",
    )
    row = rows[("reg.41(2)", "notify")]  # "is not required to": require is not a modal
    assert (row["modality"], row["negated"], row["recipients"]) == (
        "none",
        True,
        ["local_authority"],
    )
    row = rows[("reg.17(2)", "co-operate")]
    assert (row["term"], row["level"], row["recipients"]) == ("cooperate", 4, ["local_authority"])


def _numbered_guidance(*texts: str) -> Document:
    """A guidance document of one numbered paragraph (1.1, 1.2 ...) per text."""
    provisions = [
        Provision(doc="", kind="", ref=f"1.{n}", text=text) for n, text in enumerate(texts, 1)
    ]
    return build_document(doc="d", kind="guidance", path=None, provisions=provisions)


def test_pieces_without_a_trigger_word_are_not_parsed(nlp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from textmine.nlp import tagging

    document = _numbered_guidance(
        "The panel meets twice a year.",
        "The council must consult the parent.",
        "Reports are kept for ten years.",
    )
    pieces = [(p.text, p) for p in tagging.units(document)]
    kept = list(tagging._worth_parsing(nlp, iter(pieces), [{}]))
    assert [piece.provisions[0].ref for _, piece in kept] == ["1.2"]
    assert kept[0][0].text == "The council must consult the parent."  # tokenised once, here
    settings = Settings(explain=True)
    filtered = tag_documents([document], nlp=nlp, settings=settings)
    # every piece parsed, every pattern run over every sentence: same rows
    terms = nlp.get_pipe("partnership_terms").terms
    monkeypatch.setattr(terms, "triggers", None)
    monkeypatch.setattr(terms, "can_match", lambda doc: True)
    assert tag_documents([document], nlp=nlp, settings=settings) == filtered
    assert [row["ref"] for row in filtered] == ["1.2"]


def test_pieces_where_no_whole_pattern_can_match_are_not_parsed(nlp) -> None:  # type: ignore[no-untyped-def]
    from textmine.nlp import tagging

    document = _numbered_guidance(
        # trigger words ("have", "take", "work") but no whole pattern: never parsed
        "Panels have two members and take notes.",
        "The council must have regard to it.",
        # the POS of "work closely with" is left to the parse: kept
        "Staff work sensibly with them.",
    )
    pieces = [(p.text, p) for p in tagging.units(document)]
    kept = list(tagging._worth_parsing(nlp, iter(pieces), [{}]))
    assert [piece.provisions[0].ref for _, piece in kept] == ["1.2", "1.3"]


def test_you_is_the_reader_the_audience_statement_names_else_no_party(nlp) -> None:
    """A document's *you* is its reader: the addressee of its audience statement, and no
    party where it states none; the bundled young person holds for single sentences."""
    told = document(
        prov("This guidance is for schools in England."),
        prov("You must consult parents before the review."),
        kind="guidance",
    )
    untold = document(prov("You must consult parents before the review."), kind="guidance")
    assert [r["actor"] for r in tag_document(told, nlp=nlp)] == ["education"]
    assert [r["actor"] for r in tag_document(untold, nlp=nlp)] == ["unspecified"]


#: Openings and what their *we* is: a council introducing its plan, a children's home's
#: statement, a safeguarding partnership's foreword; a writer named only after the opening,
#: and a body called a council that is no local authority, write no group's *we*.
OPENINGS = [
    (
        [
            "This plan was written with help from our partners.",
            "I am pleased to introduce Northfield County Council's plan for children in care.",
        ],
        "We will work closely with foster carers.",
        "local_authority",
    ),
    (["Brook House - Residential Children's Home"], "We will consult each child.", "other"),
    (["Northfield Fostering is committed to:"], "We will consult each child.", "other"),
    (
        ["Foreword, on behalf of the Northfield Safeguarding Children Partnership"],
        "We will work with schools to improve referrals.",
        "professional",
    ),
    (
        [f"Placements are reviewed in area {n}." for n in range(6)]
        + ["Northfield County Council publishes the data."],
        "We will consult the registered person.",
        "unspecified",
    ),
    (
        ["Co-Director, the Northfield Trauma Council"],
        "In this guide we consider how adults can help.",
        "unspecified",
    ),
]


@pytest.mark.parametrize(("opening", "sentence", "actor"), OPENINGS, ids=[o[2] for o in OPENINGS])
def test_we_is_the_writer_a_documents_opening_names(
    nlp, opening: list[str], sentence: str, actor: str
) -> None:
    """With no dominant publisher, *we* is the only writer the document's opening names."""
    doc = document(*(prov(text) for text in [*opening, sentence]), kind="guidance")
    assert [r["actor"] for r in tag_document(doc, nlp=nlp)] == [actor]


#: A local policy that calls itself "the setting" and speaks as *we*: its *we* and its
#: staff are the setting's (``education``); the same words in an Act name no writer.
SETTING_POLICY = [
    "Our setting welcomes every family in the village.",
    "Our setting opens at eight and the setting closes at six.",
    "Meals at the setting are cooked on site, and the setting has a garden.",
    "We will inform parents of any change to the menu.",
    "A team member will consult the parents about allergies.",
]


@pytest.mark.parametrize(
    ("kind", "actors"), [("text", ["education"] * 2), ("act", ["unspecified", "education"])]
)
def test_a_policy_that_calls_itself_the_setting_is_the_writer_of_its_we(
    nlp, kind: str, actors: list[str]
) -> None:
    """With no publisher and no writer in its opening, a policy's *we* is the institution
    it calls itself by (``our setting``, ``the setting``), and its team members are that
    institution's staff; statute has no such writer (its team members are still the staff of
    the institutions it names)."""
    doc = document(*(prov(text) for text in SETTING_POLICY), kind=kind)
    assert [r["actor"] for r in tag_document(doc, nlp=nlp)] == actors


def test_as_a_foster_carer_you_names_the_reader(nlp) -> None:
    """``As a foster carer, you ...`` says whom a handbook addresses: its imperatives and its
    *you* are the foster carer's (``parent``)."""
    doc = document(
        prov("As a foster carer, you are part of the team around the child."),
        prov("Inform your supervising social worker of any incident."),
        kind="text",
    )
    assert [(r["actor"], r["recipients"]) for r in tag_document(doc, nlp=nlp)] == [
        ("parent", ["social_care"])
    ]


def test_a_policy_that_applies_to_staff_addresses_them(nlp) -> None:
    """``This policy sets out ... It applies to all staff`` states whom a policy is for: its
    imperatives are the staff's."""
    doc = document(
        prov("This policy sets out how concerns are handled. It applies to all staff."),
        prov("If a child is at risk:"),
        prov("- Notify the local authority at once"),
        kind="text",
    )
    assert [r["actor"] for r in tag_document(doc, nlp=nlp)] == ["professional"]


def test_a_gerund_adjunct_of_an_imperative_is_the_readers(nlp) -> None:
    """``Do not delay action while seeking advice``, ``Call the police before informing the
    parents``: the gerund of an adverbial phrase is done by the imperative's doer, the
    reader the document names."""
    doc = document(
        prov("This guidance is for all staff."),
        prov("Do not delay emergency action while seeking advice."),
        prov("Call the police before informing the parents."),
        kind="text",
    )
    assert [(r["text"], r["actor"]) for r in tag_document(doc, nlp=nlp)] == [
        ("seeking", "professional"),
        ("informing", "professional"),
    ]


def test_a_handbooks_reader_its_condition_lead_ins_and_numbered_steps(nlp) -> None:
    """``As a foster carer, you ...`` says whom a handbook addresses, wherever it stands and
    whatever name goes before the role: its imperatives and its *you* are the foster carer's
    (``parent``). A lead-in that is only a condition (``If a child goes missing:``) leads
    imperatives, not its own subject's verbs; a numbered list run into one line is a list;
    a supervising social worker's short form (SSW) is social care."""
    doc = document(
        prov("Fostering changes lives, and every day is different."),
        prov("If a child goes missing:"),
        prov("1. Inform your SSW at once 2. Record what happened 3. Work with the police"),
        prov("As a Northfield foster carer, you are part of the team around the child."),
        kind="text",
    )
    assert [(r["text"], r["actor"], r["recipients"]) for r in tag_document(doc, nlp=nlp)] == [
        ("Inform", "parent", ["social_care"]),
        ("Work with", "parent", ["other"]),
    ]


def test_list_items_printed_as_provisions_of_their_own_complete_their_lead_in(nlp) -> None:
    """A lead-in and its items that a reader gave as separate unnumbered provisions (a blank
    line after ``will:`` in Markdown) are read as one list: each item is the clause its
    lead-in completes, a bare noun phrase lead-in is the subject of items that open with a
    verb, and the rows keep their own provisions."""
    doc = document(
        prov("When a child is unwell, the key person will:"),
        prov("- inform the parents by telephone\n- consult the manager about next steps"),
        prov("The designated officer:"),
        prov("* notifies the local authority\n* informs the parents in writing"),
        prov("Parents may consult the manager at any time."),
        kind="text",
    )
    rows = tag_document(doc, nlp=nlp)
    assert [(r["text"], r["actor"], r["modality"]) for r in rows] == [
        ("inform", "education", "will"),
        ("consult", "education", "will"),
        ("notifies", "local_authority", "none"),
        ("informs", "local_authority", "none"),
        ("consult", "parent", "may"),
    ]
    assert [r["unit"] for r in rows] == ["#2", "#2", "#4", "#4", "#5"]


def test_a_tool_for_practitioners_addresses_them(nlp) -> None:
    """ "a simple tool for practitioners who ..." states whom a checklist is for: its
    imperatives and its *you* are theirs."""
    doc = document(
        prov(
            "The purpose of the checklist is to give a simple tool for practitioners who "
            "work with adult victims."
        ),
        prov("Consider the risk to any children in the household."),
        prov("If risk is found, you should consider a referral."),
        kind="guidance",
    )
    assert [r["actor"] for r in tag_document(doc, nlp=nlp)] == ["professional"] * 3


def test_we_is_the_author_the_document_makes_clear_else_no_party(nlp) -> None:
    """A document's *we* is its author where the publishers it names make it clear, and no
    party where they do not (as with an unresolved pronoun); the bundled local authority
    holds for single sentences."""
    named = document(
        *(prov(f"Ofsted inspects the service in area {n}.") for n in range(10)),
        prov("We will consult the registered person."),
        kind="guidance",
    )
    unnamed = document(prov("We will consult the registered person."), kind="guidance")
    assert [r["actor"] for r in tag_document(named, nlp=nlp)] == ["other"]
    assert [r["actor"] for r in tag_document(unnamed, nlp=nlp)] == ["unspecified"]
    assert [f[2] for f in contract_fields(nlp, "We will consult the young person.")] == [
        "local_authority"
    ]


def test_an_audience_the_guidance_says_it_supports_is_its_reader(nlp) -> None:
    """ "This guidance will support professionals to ..." states whom it is for: its
    imperatives and its *you* are theirs."""
    doc = document(
        prov("This guidance will support professionals working with families to decide well."),
        prov("If needs are identified, consider completing an assessment."),
        prov("Where possible, you should seek consent from the family."),
        kind="guidance",
    )
    rows = [r for r in tag_document(doc, nlp=nlp) if r["term"] != "work with"]
    assert [(r["text"], r["actor"]) for r in rows] == [
        ("consider", "professional"),
        ("seek", "professional"),
    ]


def test_guidance_for_families_and_professionals_instructs_the_professionals(nlp) -> None:
    """An audience statement that names children or families first and professionals after
    them addresses its instructions to the professionals; one for families alone, to them."""

    def imperative_actor(audience: str) -> str:
        doc = document(prov(audience), prov("Consider the frequency of the risk."), kind="guidance")
        return next(r["actor"] for r in tag_document(doc, nlp=nlp) if r["text"] == "Consider")

    assert imperative_actor("This guidance is for children, families and professionals.") == (
        "professional"
    )
    assert imperative_actor("This guidance is for parents and carers of disabled children.") == (
        "parent"
    )
