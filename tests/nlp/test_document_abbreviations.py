"""Short forms a document defines for its parties (``Lead Safeguarding Partner (LSP)``).

Own-words texts; nothing is quoted from a corpus document.
"""

from __future__ import annotations

import spacy

from textmine.nlp.context.document import DocumentContext, read_context
from textmine.nlp.lexicon import load_lexicon
from textmine.nlp.parties import PartyMatcher

NLP = spacy.blank("en")
PARTIES = PartyMatcher(NLP.vocab, load_lexicon())


def _context(*texts: str) -> DocumentContext:
    return read_context(list(texts), NLP.make_doc, PARTIES, "guidance")


def test_a_short_form_takes_the_group_of_its_full_name() -> None:
    context = _context(
        "Each Lead Safeguarding Partner (LSP) chairs the group.",
        "The Youth Offending Team (YOT) reports to the council.",
        "Arrangements are agreed (hereafter 'regional adoption agency' or 'RAA').",
    )
    assert context.abbreviation("LSP") == ("professional", "body")
    assert context.abbreviation("LSPs") == ("professional", "body")
    assert context.abbreviation("YOT") == ("other", "body")
    assert context.abbreviation("RAA") == ("other", "body")
    assert context.abbreviation("XYZ") is None


def test_a_name_whose_head_is_no_party_defines_none() -> None:
    context = _context(
        "The United Nations Convention on the Rights of the Child (UNCRC) applies.",
        "Claims go to the Criminal Injuries Compensation Authority (CICA).",
        "The framework for Inspecting Local Authority Children's Services (ILACS) is used.",
        "Write to us (see above).",
    )
    assert context.abbreviations == ()


def test_a_short_form_of_two_groups_or_one_the_lexicon_knows_is_left_out() -> None:
    context = _context(
        "The Designated Safeguarding Lead (DSL) acts.",
        "The Chief Constable (CC) advises. The County Council (CC) decides.",
    )
    assert context.abbreviation("DSL") is None  # the lexicon reads it itself
    assert context.abbreviation("CC") is None


def test_the_context_carries_its_short_forms_across_processes() -> None:
    context = _context("Each Lead Safeguarding Partner (LSP) chairs the group.")
    assert DocumentContext.from_data(context.to_data()) == context


# --- collective body terms a document defines ---------------------------------------------


def test_a_defined_collective_term_takes_the_first_body_it_lists() -> None:
    context = _context(
        "The \u201crelevant authorities\u201d for an area are\u2014",
        "(a) the chief officer of police for the area, and",
        "(b) the local authority for the area.",
        "In this Part \u201cpartner bodies\u201d means the integrated care boards for the area.",
    )
    assert context.defined("relevant authorities") == ("other", "body")
    assert context.defined("relevant authority") == ("other", "body")
    assert context.defined("partner body") == ("health", "body")


def test_words_about_a_term_do_not_define_it() -> None:
    context = _context(
        "References to \u201cplacing authorities\u201d are modified to include the Board.",
        "A child \u201clooked after by a local authority\u201d is one in its care.",
        "\u201crelevant partners\u201d means the police and the council.",
    )
    assert context.definitions == ()  # partners are professionals by the contract
