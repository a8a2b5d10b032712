"""Cached measure tables and SEN2 statistics: what a warm re-run would otherwise recompute.

* :func:`cached_measure`: :func:`textmine.measure.measure` of the rows, keyed by
  the sha256 of the rows (as JSON), the seed and resampling counts, the
  measure code and the numerical libraries' versions;
* :func:`cached_stats`: :func:`textmine.findings.stats.compute_stats` of the
  bundled SEN2 table, keyed by the sha256 of the bundled data files, the
  statistics code and the libraries' versions;
* :func:`cached_comparability`: whether two documents are comparable
  (:func:`textmine.measure.comparability.comparability`), keyed by the sha256 of
  everything it reads (ids, title, refs and provision texts) and its code;
* :func:`cached_relevance`: the policy fields of each document
  (:func:`textmine.findings.relevance.relevance`), one entry per document keyed
  by the sha256 of its provision texts, the fields file and its code.

The last two read only the documents' text: a warm re-run takes them from
the cache instead of running their regular expressions over every provision
again.

Both store their tables in the exact JSON form of :mod:`textmine.cache.frames`;
a table with no exact form is simply not cached. With ``cache=None`` they just
compute. Neither imports scipy, scikit-learn or statsmodels on a hit.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import fields
from pathlib import Path
from typing import Any

from textmine.cache.keys import package_version, source_digest
from textmine.cache.store import Cache
from textmine.groups import Groups, default_groups
from textmine.settings import Settings

__all__ = [
    "cached_comparability",
    "cached_measure",
    "cached_relevance",
    "cached_stats",
    "measure_key",
    "stats_key",
]

log = logging.getLogger(__name__)

_NUMERIC = ("numpy", "pandas", "scipy", "scikit-learn", "statsmodels")
_SEN2_DATA = Path(__file__).resolve().parent.parent / "findings" / "data"


def _versions() -> dict[str, str | None]:
    return {name: package_version(name) for name in ("textmine", *_NUMERIC)}


def measure_key(
    rows: list[dict[str, Any]],
    settings: Settings,
    *,
    pair: Sequence[str] | None = None,
    groups: Groups | None = None,
) -> dict[str, Any]:
    """What the measure tables of ``rows`` depend on (with the pair and the groups' sides)."""
    text = json.dumps(rows, sort_keys=True, ensure_ascii=False, default=repr)
    return {
        "rows_sha256": hashlib.sha256(text.encode("utf-8")).hexdigest(),
        "seed": settings.seed,
        "n_bootstrap": settings.n_bootstrap,
        "n_permutations": settings.n_permutations,
        "actor": settings.actor,
        "pair": None if pair is None else list(pair),
        "groups": (groups or default_groups()).to_dict(),
        "versions": _versions(),
        "source": source_digest(("measure", "settings.py", "output.py", "groups.py")),
    }


def stats_key() -> dict[str, Any]:
    """What the statistics of the bundled SEN2 table depend on."""
    data = {
        p.name: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(_SEN2_DATA.glob("*"))
        if p.is_file()
    }
    return {
        "folder": str(_SEN2_DATA),
        "data": data,
        "versions": _versions(),
        "source": source_digest(("findings",)),
    }


def cached_measure(
    rows: list[dict[str, Any]],
    frame: Any,
    settings: Settings,
    cache: Cache | None,
    *,
    pair: Sequence[str] | None = None,
    groups: Groups | None = None,
) -> Any:
    """``measure(frame, ...)`` (``frame`` is the DataFrame of ``rows``), cached.

    ``pair`` and ``groups`` are :func:`textmine.measure.measure`'s; the doer
    of the asymmetry measure is ``settings.actor`` (``all``: pooled).
    """

    def compute() -> Any:
        from textmine.measure import measure

        actor = None if settings.actor == "all" else settings.actor
        return measure(frame, settings=settings, pair=pair, actor=actor, groups=groups)

    key = measure_key(rows, settings, pair=pair, groups=groups) if cache is not None else {}
    return _cached(cache, "measure", key, compute, _tables_to_json, _tables_from_json)


def cached_stats(cache: Cache | None) -> Any:
    """``compute_stats()`` of the bundled SEN2 table, cached."""

    def compute() -> Any:
        from textmine.findings.stats import compute_stats

        return compute_stats()

    key = stats_key() if cache is not None else {}
    return _cached(cache, "sen2", key, compute, _stats_to_json, _stats_from_json)


def cached_comparability(
    texts_a: Sequence[str],
    texts_b: Sequence[str],
    cache: Cache | None,
    *,
    doc_a: str,
    doc_b: str,
    title_a: str | None,
    refs_a: Sequence[str | None],
) -> Any:
    """``comparability(texts_a, texts_b, ...)`` (a ``Comparability``), cached."""
    from textmine.measure.comparability import Comparability, comparability

    def compute() -> Any:
        return comparability(
            list(texts_a),
            list(texts_b),
            doc_a=doc_a,
            doc_b=doc_b,
            title_a=title_a,
            refs_a=list(refs_a),
        )

    key: dict[str, Any] = {}
    if cache is not None:
        read = [doc_a, doc_b, title_a, list(refs_a), list(texts_a), list(texts_b)]
        key = {
            "inputs_sha256": _sha256(read),
            "source": source_digest(
                (
                    "measure/comparability.py",
                    "measure/alignment.py",
                    "measure/data/english_stop_words.txt",
                )
            ),
        }
    return _cached(
        cache, "comparability", key, compute, lambda c: c.to_dict(), lambda v: Comparability(**v)
    )


def cached_relevance(documents: Mapping[str, Sequence[str]], cache: Cache | None) -> Any:
    """``relevance(documents)`` (``doc -> provision texts``; a ``Relevance``), with the
    field counts of each document cached."""
    from textmine.findings.relevance import (
        FieldShare,
        Relevance,
        default_path,
        document_fields,
        load_fields,
    )

    fields = load_fields()
    source = {
        "fields_sha256": hashlib.sha256(default_path().read_bytes()).hexdigest(),
        "source": source_digest(("findings/relevance.py",)),
    }
    shares = {}
    for doc, texts in documents.items():
        key = {"texts_sha256": _sha256(list(texts)), **source} if cache is not None else {}

        def compute(texts: Sequence[str] = texts) -> dict[str, FieldShare]:
            return document_fields(texts, fields)

        shares[doc] = _cached(
            cache,
            "relevance",
            key,
            compute,
            lambda counts: {fid: [c.provisions, c.total] for fid, c in counts.items()},
            lambda value: {fid: FieldShare(fid, n, total) for fid, (n, total) in value.items()},
        )
    return Relevance(fields=fields, shares=shares)


def _sha256(value: Any) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _cached(
    cache: Cache | None,
    kind: str,
    key: dict[str, Any],
    compute: Callable[[], Any],
    encode: Callable[[Any], dict[str, Any]],
    decode: Callable[[dict[str, Any]], Any],
) -> Any:
    """The ``kind`` entry of ``key`` decoded, else ``compute()`` (then stored, when it has
    an exact JSON form)."""
    if cache is not None:
        value = cache.get_json(kind, key)
        if value is not None:
            try:
                return decode(value)
            except (KeyError, TypeError, ValueError) as exc:
                log.warning("cached %s entry not usable (%s); recomputing", kind, exc)
    result = compute()
    if cache is not None:
        try:
            cache.put_json(kind, key, encode(result))
        except ValueError as exc:  # frames.Unencodable: no exact JSON form
            log.info("%s result not cached: %s", kind, exc)
    return result


def _tables_to_json(tables: Any) -> dict[str, Any]:
    from textmine.cache.frames import frame_to_json

    out: dict[str, Any] = {name: frame_to_json(frame) for name, frame in tables.items()}
    out["pair"] = list(tables.pair) if tables.pair is not None else None
    return out


def _tables_from_json(value: dict[str, Any]) -> Any:
    from textmine.cache.frames import frame_from_json
    from textmine.measure.tables import MeasureTables

    names = [f.name for f in fields(MeasureTables) if f.name != "pair"]
    frames = {name: frame_from_json(value[name]) for name in names}
    pair = value["pair"]
    return MeasureTables(**frames, pair=(str(pair[0]), str(pair[1])) if pair else None)


def _stats_to_json(stats: Any) -> dict[str, Any]:
    from textmine.cache.frames import encode_value, frame_to_json

    return {
        "tables": {name: frame_to_json(frame) for name, frame in stats.tables.items()},
        "files": encode_value(stats.files),
        "notes": list(stats.notes),
    }


def _stats_from_json(value: dict[str, Any]) -> Any:
    from textmine.cache.frames import decode_value, frame_from_json
    from textmine.findings.stats import Sen2Stats

    tables = {name: frame_from_json(frame) for name, frame in value["tables"].items()}
    return Sen2Stats(**tables, files=decode_value(value["files"]), notes=tuple(value["notes"]))
