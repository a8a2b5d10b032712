"""Read DfE statutory guidance PDFs into provisions, one per numbered paragraph.

The pipeline, over the pypdfium2 page texts of :class:`PdfText`:

1. :mod:`~textmine.extract.page_furniture` sets aside the cover, contents,
   page numbers, running heads, footnotes and superscript footnote marks (kept
   in ``Document.removed``), using the font sample of ``PdfText.fonts`` where
   there is one (:mod:`~textmine.extract.pdf_fonts`);
2. a bullet glyph or a paragraph number alone on its line is joined to the
   line it belongs to (:func:`~textmine.extract.cleaning.join_lone_markers`);
3. chapters, parts and annexes are found (:func:`find_divisions`);
4. :mod:`~textmine.extract.paragraph_numbers` picks the numbering style
   (``1.30.``, ``1.20`` or ``123.``) and keeps the numbers that continue the
   sequence, in the main text and in each annex that restarts it;
5. :mod:`~textmine.extract.guidance_blocks` groups the lines into provisions
   under their headings (told by type where fonts are known, else by shape).

Provision text: the paragraph number is left out; wrapped lines are joined
with a space; each bullet or list item starts a new line (the glyph dropped),
so ``text.replace("\\n", " ")`` reads as one sentence where a list continues a
lead-in. Annex paragraphs that restart the numbering get the annex in their
ref (``Annex A 3``, ``Annex B 1.20``); ``page`` is the 1-based index of the
PDF page where the paragraph starts.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from textmine.extract.cleaning import (
    ends_sentence,
    is_lone_bullet,
    is_lone_number,
    join_lone_markers,
)
from textmine.extract.document import Document, Provision, build_document
from textmine.extract.govuk_print import (
    is_govuk_print,
    mark_layout_items,
    print_title,
    split_links,
)
from textmine.extract.guidance_blocks import HEADING_WIDTH, LARGE_TYPE, BlockAssembler
from textmine.extract.guidance_headings import (
    Division,
    continues_heading,
    division,
    heading_shape,
    starts_heading,
)
from textmine.extract.guidance_lines import text_width, wrap_hint_holds
from textmine.extract.labels import split_glued_labels
from textmine.extract.page_furniture import PageLine, strip_furniture
from textmine.extract.paragraph_numbers import Candidate, detect_style, select_paragraphs
from textmine.extract.pdf_source import PdfText
from textmine.settings import Settings

log = logging.getLogger(__name__)

#: Fewest paragraphs for an annex's own (restarted) numbering to count.
MIN_ANNEX_PARAGRAPHS = 3
#: Lines a division title may span.
DIVISION_LINES = 3


def read(pdftext: PdfText, *, settings: Settings) -> Document:
    """Read the page texts of a guidance PDF into a :class:`Document`.

    ``settings`` is accepted for symmetry with the other readers; no option
    changes how guidance is read yet.
    """
    del settings
    govuk = is_govuk_print(pdftext.title)
    furniture = strip_furniture(pdftext.pages, pdftext.fonts, govuk=govuk)
    body = [replace(line, text=split_glued_labels(line.text)) for line in furniture.lines]
    if govuk:
        body = mark_layout_items(body)
    lines = join_markers(body, furniture.body_size)
    texts = [line.text for line in lines]
    closed = [True] + [ends_sentence(t) or heading_shape(t) for t in texts[:-1]]
    divisions = find_divisions(lines)
    style = detect_style(texts, closed)
    numbered = _numbered(texts, closed, style, divisions)
    if style in ("dotted", "plain"):
        divisions = _consistent_chapters(divisions, numbered)
    log.info("%s: numbering %s, %d numbered paragraphs", pdftext.path, style, len(numbered))
    paragraphs = {index: (ref, cand.rest) for index, (ref, cand) in numbered.items()}
    assembler = BlockAssembler(
        lines, divisions, paragraphs, numbered_doc=style is not None, body_size=furniture.body_size
    )
    provisions = assembler.run()
    title = furniture.title
    if govuk:
        provisions = [_without_links(p) for p in provisions]
        title = print_title(pdftext.title)
    removed = sorted([*furniture.removed, *assembler.unused_headings], key=lambda r: r.page or 0)
    return build_document(
        doc=pdftext.path.stem,
        kind="guidance",
        path=pdftext.path,
        provisions=provisions,
        title=title,
        pages=pdftext.page_count,
        removed=tuple(removed),
        failed_pages=pdftext.failed_pages,
        meta={"numbering": style, "govuk_print": govuk},
    )


def _without_links(provision: Provision) -> Provision:
    """``provision`` with its printed link targets taken out of the text, kept in ``links``."""
    text, links = split_links(provision.text)
    return replace(provision, text=text, links=links) if links else provision


def join_markers(lines: Sequence[PageLine], body_size: float | None = None) -> list[PageLine]:
    """Join bullets and paragraph numbers alone on a line to the next line (keeping its page).

    A bullet is not joined to a line set in heading type (bold, larger than
    ``body_size``): there the bullet is the last cell of a table above it.
    """
    headings = {
        index
        for index, line in enumerate(lines)
        if body_size is not None
        and line.bold
        and line.size is not None
        and line.size >= LARGE_TYPE * body_size
    }
    texts = [line.text for line in lines]
    # A bullet before a heading-type line is masked so that it is not joined.
    masked = [
        "" if is_lone_bullet(text) and index + 1 in headings else text
        for index, text in enumerate(texts)
    ]
    joined = [
        (index, texts[index] if text == "" else text)
        for index, text in join_lone_markers(
            masked, lambda t: is_lone_bullet(t) or is_lone_number(t)
        )
    ]
    out = []
    for index, text in joined:
        # A joined pair ends where its second line ends.
        last = lines[index + 1] if text != lines[index].text else lines[index]
        first = lines[index]
        out.append(replace(first, text=text, wrapped=last.wrapped, size=last.size, bold=last.bold))
    return out


def find_divisions(lines: Sequence[PageLine]) -> dict[int, tuple[Division, int]]:
    """Line index -> (division, lines its title spans) for chapters, parts and annexes.

    A division must follow a finished line (or open a page), carry a title
    (an annex may stand alone: ``Appendix 1``), and number above the last of
    its kind; no chapter or part follows an annex. A title wraps onto the next
    lines when they continue it in lower case, or when the document's wrap
    hint says the line runs on.
    """
    hint = wrap_hint_holds(lines)
    max_line = int(HEADING_WIDTH * text_width([line.text for line in lines]))
    found: dict[int, tuple[Division, int]] = {}
    last = {"chapter": 0, "part": 0, "annex": 0}
    in_annex = False
    for index, line in enumerate(lines):
        div = division(line.text)
        untitled = len(line.text.split()) <= 2
        if div is None or (untitled and div.kind != "annex"):
            continue
        prev = lines[index - 1] if index else None
        if (
            prev is not None
            and prev.page == line.page
            and not (
                ends_sentence(prev.text) or heading_shape(prev.text) or prev.text.endswith(")")
            )
        ):
            continue
        if div.order <= last[div.kind] or (in_annex and div.kind != "annex"):
            continue
        span = 1
        while span < DIVISION_LINES and index + span < len(lines):
            nxt = lines[index + span]
            hinted = hint and lines[index + span - 1].wrapped and starts_heading(nxt.text)
            if (
                not (continues_heading(nxt.text) or hinted)
                or len(nxt.text) > max_line
                or division(nxt.text) is not None
            ):
                break
            span += 1
        title = " ".join(lines[i].text for i in range(index, index + span))
        last[div.kind] = div.order
        in_annex = in_annex or div.kind == "annex"
        found[index] = (Division(div.kind, div.order, title), span)
    return found


def _consistent_chapters(
    divisions: dict[int, tuple[Division, int]], numbered: dict[int, tuple[str, Candidate]]
) -> dict[int, tuple[Division, int]]:
    """Drop chapter headings whose number differs from the next paragraph's chapter."""
    kept = {}
    order = sorted(numbered)
    for index, (div, span) in divisions.items():
        if div.kind == "chapter":
            following = next((i for i in order if i > index), None)
            if following is not None and numbered[following][1].chapter != div.order:
                continue
        kept[index] = (div, span)
    return kept


def _numbered(
    texts: Sequence[str],
    closed: Sequence[bool],
    style: str | None,
    divisions: dict[int, tuple[Division, int]],
) -> dict[int, tuple[str, Candidate]]:
    """Line index -> (ref, candidate) of every numbered paragraph.

    The main text and each annex are chained separately; an annex whose chain
    restarts at 1 (or 1.1) prefixes its refs with the annex label.
    """
    if style is None:
        return {}
    bounds = [0, *(i for i, (d, _) in sorted(divisions.items()) if d.kind == "annex"), len(texts)]
    chosen: dict[int, tuple[str, Candidate]] = {}
    for seg, (start, end) in enumerate(pairwise(bounds)):
        chain = select_paragraphs(texts[start:end], style, closed[start:end])
        prefix = ""
        if seg:
            if len(chain) < MIN_ANNEX_PARAGRAPHS:
                continue
            if chain[0].para == 1 and chain[0].chapter <= 1:
                prefix = annex_label(divisions[start][0].title) + " "
        for cand in chain:
            chosen[start + cand.index] = (prefix + cand.number, cand)
    return chosen


def annex_label(title: str) -> str:
    """``Annex A`` from ``ANNEX A –Qualifications …`` or ``Annex A: …``."""
    words = title.replace(":", " ").replace("–", " ").replace("—", " ").split()
    return f"{words[0].capitalize()} {words[1]}" if len(words) > 1 else title
