"""Benchmark: what the partnership tagger adds to a bare spaCy parse.

Runs, in the same process and interleaved, (a) bare ``nlp.pipe`` of the same
model with the same disabled components and batch size over the document's
units, and (b) the full tagging (``tag_documents``: unit joining, ``nlp.pipe``
with the ``partnership_terms`` component, row building), and (c) the same
tagging with every unit parsed (the prefilter that skips units in which no
term pattern can match switched off), which shows the component's own cost. Each
is repeated and the median wall time is reported with the overhead ratios and
throughput (words/s) as a Markdown table. Target: the tagger adds at most 15%.

    python benchmarks/bench_tag.py                      # adoption guidance, 3 repeats
    python benchmarks/bench_tag.py PATH --repeats 5 --limit 300
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_PDF = (
    ROOT.parent
    / "shared"
    / "corpora"
    / "guidance_pdfs"
    / "dfe_2013_statutory_guidance_on_adoption.pdf"
)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="Use only the first N provisions.")
    parser.add_argument("--batch-size", type=int, default=None)
    args = parser.parse_args(argv)

    from textmine.extract import extract
    from textmine.nlp import tagging
    from textmine.nlp.context.document import USER_DATA_KEY
    from textmine.nlp.pipeline import load_model, load_pipeline
    from textmine.nlp.tagging import tag_documents, units
    from textmine.settings import Settings

    if not args.path.exists():
        print(f"{args.path}: not found", file=sys.stderr)
        return 2
    settings = Settings().with_(batch_size=args.batch_size)
    document = extract(args.path, settings=settings)
    if args.limit:
        document = replace(document, provisions=document.provisions[: args.limit])
    texts = [piece.text for piece in units(document, 0, settings.max_unit_chars)]
    words = sum(len(text.split()) for text in texts)

    bare = load_model(settings.models, settings.disable)
    full = load_pipeline(settings)
    model = f"{full.meta.get('lang')}_{full.meta.get('name')}-{full.meta.get('version')}"

    def run_bare() -> int:
        return sum(1 for _ in bare.pipe(texts, batch_size=settings.batch_size))

    def run_full() -> int:
        return len(tag_documents([document], nlp=full, settings=settings))

    prefilter = tagging._worth_parsing

    def every_piece(nlp: Any, pieces: Any, contexts: list[dict[str, Any]]) -> Any:
        for text, piece in pieces:  # the same Docs as _worth_parsing, none left out
            doc = nlp.make_doc(text)
            doc.user_data[USER_DATA_KEY] = contexts[piece.document]
            yield doc, piece

    def run_every_unit() -> int:
        tagging._worth_parsing = every_piece  # type: ignore[assignment]
        try:
            return run_full()
        finally:
            tagging._worth_parsing = prefilter

    run_bare(), run_full()  # warm up both (vocab growth, lazy loading)
    bare_times: list[float] = []
    full_times: list[float] = []
    every_times: list[float] = []
    occurrences = every_occurrences = 0
    for _ in range(args.repeats):
        start = time.perf_counter()
        run_bare()
        bare_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        occurrences = run_full()
        full_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        every_occurrences = run_every_unit()
        every_times.append(time.perf_counter() - start)

    bare_median = statistics.median(bare_times)
    full_median = statistics.median(full_times)
    every_median = statistics.median(every_times)
    ratio = full_median / bare_median
    print(f"## Tagging overhead: {args.path.name}\n")
    print(
        f"{len(document.provisions)} provisions, {len(texts)} units, {words:,} words, "
        f"model {model}, batch size {settings.batch_size}, n_process 1, "
        f"disabled {', '.join(settings.disable)}, {args.repeats} repeats (median)\n"
    )
    print("| run | median s | all runs s | words/s |")
    print("|---|---:|---|---:|")
    for name, times, median in (
        ("bare nlp.pipe", bare_times, bare_median),
        ("full tagging", full_times, full_median),
        ("full tagging, every unit parsed", every_times, every_median),
    ):
        runs = ", ".join(f"{t:.2f}" for t in times)
        print(f"| {name} | {median:.2f} | {runs} | {words / median:,.0f} |")
    change = f"{(ratio - 1) * 100:+.1f}%"
    print(f"\nOverhead ratio (full / bare): **{ratio:.3f}** ({change}), target <= 1.15")
    every = every_median / bare_median
    print(f"Every unit parsed (prefilter off): **{every:.3f}** ({(every - 1) * 100:+.1f}%)")
    print(f"Occurrences tagged: {occurrences} (every unit parsed: {every_occurrences})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
