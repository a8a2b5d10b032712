"""Benchmark: ``textmine.extract`` on a long guidance PDF against bare pypdfium2.

Run from the project root::

    python benchmarks/bench_extract.py [PDF] [--repeat 5] [--first 60]

Time: the median of ``--repeat`` runs of (a) bare pypdfium2 text extraction
(open, ``get_textpage().get_text_range()`` for each page, close) and (b)
``textmine.extract(path)`` on the same file, measured in the same process,
alternating so that both see the same machine load. The budget is a ratio of
at most 3.

Memory: for the first ``--first`` pages (written to a temporary PDF) and for
all pages, the tracemalloc peak of Python allocations during ``extract`` and,
in a fresh subprocess each, the peak resident set size (which also counts
pdfium's own allocations). Flat in page count means the peak per page does not
grow with the number of pages.

Prints a small Markdown table. Not a test: timings depend on the machine.
"""

from __future__ import annotations

import argparse
import gc
import json
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pypdfium2 as pdfium

ROOT = Path(__file__).resolve().parents[1]
GUIDANCE = ROOT.parent / "shared" / "corpora" / "guidance_pdfs"
DEFAULT_PDF = GUIDANCE / "dfe_2013_statutory_guidance_on_adoption.pdf"
BUDGET = 3.0


def bare_pypdfium2(path: Path) -> int:
    """Extract every page's text with pypdfium2 alone; return the number of characters."""
    pdf = pdfium.PdfDocument(str(path))
    chars = 0
    try:
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            chars += len(textpage.get_text_range())
            textpage.close()
            page.close()
    finally:
        pdf.close()
    return chars


def textmine_extract(path: Path) -> int:
    from textmine.extract import extract

    return len(extract(path).provisions)


def timed(func: Callable[[Path], int], path: Path) -> float:
    gc.collect()
    start = time.perf_counter()
    func(path)
    return time.perf_counter() - start


def first_pages(path: Path, count: int, out: Path) -> Path:
    """Write the first ``count`` pages of ``path`` to ``out``."""
    src = pdfium.PdfDocument(str(path))
    new = pdfium.PdfDocument.new()
    try:
        new.import_pages(src, list(range(min(count, len(src)))))
        new.save(str(out))
    finally:
        new.close()
        src.close()
    return out


def python_peak(path: Path) -> int:
    """tracemalloc peak (bytes) of one ``extract`` call."""
    from textmine.extract import extract

    gc.collect()
    tracemalloc.start()
    extract(path)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


_RSS_CHILD = """
import json, sys
from textmine.extract import extract

def high_water_kb():
    # VmHWM belongs to this process image; ru_maxrss would carry the parent's peak over exec.
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise OSError("no VmHWM")

base = high_water_kb()
extract(sys.argv[1])
print(json.dumps([base, high_water_kb()]))
"""


def rss_growth(path: Path) -> int | None:
    """Peak RSS growth (kB) of one ``extract`` in a fresh interpreter, over the import baseline.

    Linux only (reads VmHWM); ``None`` elsewhere.
    """
    done = subprocess.run(
        [sys.executable, "-c", _RSS_CHILD, str(path)],
        check=False,
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    if done.returncode != 0:
        return None
    base, peak = json.loads(done.stdout.strip().splitlines()[-1])
    return int(peak) - int(base)


def page_count(path: Path) -> int:
    pdf = pdfium.PdfDocument(str(path))
    try:
        return len(pdf)
    finally:
        pdf.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("pdf", nargs="?", type=Path, default=DEFAULT_PDF)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--first", type=int, default=60)
    args = parser.parse_args(argv)
    path: Path = args.pdf
    pages = page_count(path)

    textmine_extract(path)  # warm up: imports, regex compilation
    bare_pypdfium2(path)
    bare_times, tm_times = [], []
    for _ in range(args.repeat):
        bare_times.append(timed(bare_pypdfium2, path))
        tm_times.append(timed(textmine_extract, path))
    bare, ours = statistics.median(bare_times), statistics.median(tm_times)
    ratio = ours / bare

    with tempfile.TemporaryDirectory() as tmp:
        short = first_pages(path, args.first, Path(tmp) / "first.pdf")
        rows = []
        for label, pdf, n in ((f"first {args.first}", short, args.first), ("all", path, pages)):
            peak = python_peak(pdf)
            rss = rss_growth(pdf)
            rows.append((label, n, peak, rss))

    print(f"## Extraction benchmark: `{path.name}` ({pages} pages)\n")
    print(f"Median of {args.repeat} runs each, same process, alternating.\n")
    print("| measure | bare pypdfium2 | textmine.extract | ratio | budget |")
    print("|---|---:|---:|---:|---:|")
    print(f"| time (s) | {bare:.3f} | {ours:.3f} | {ratio:.2f}x | <= {BUDGET:.0f}x |")
    print()
    print("| pages | python peak (tracemalloc) | peak per page | RSS growth | RSS per page |")
    print("|---|---:|---:|---:|---:|")
    for label, n, peak, rss in rows:
        rss_cells = "n/a | n/a" if rss is None else f"{rss / 1e3:.1f} MB | {rss / n:.1f} kB"
        print(f"| {label} ({n}) | {peak / 1e6:.2f} MB | {peak / n / 1e3:.1f} kB | {rss_cells} |")
    (_, n1, peak1, rss1), (_, n2, peak2, rss2) = rows
    if n2 > n1:
        extra = f"{(peak2 - peak1) / (n2 - n1) / 1e3:.1f} kB python"
        if rss1 is not None and rss2 is not None:
            extra += f", {(rss2 - rss1) / (n2 - n1):.1f} kB RSS"
        print(f"\nMarginal cost of each page beyond the first {n1}: {extra}.")
    print()
    print(f"Result: ratio {ratio:.2f} ({'within' if ratio <= BUDGET else 'OVER'} the 3x budget).")
    return 0 if ratio <= BUDGET else 1


if __name__ == "__main__":
    raise SystemExit(main())
