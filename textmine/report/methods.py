"""The methods section: definitions, versions, input checksums, provenance and licences.

Everything here comes from the run's :class:`~textmine.analysis.Provenance`
(as a plain dict) and the measures' :data:`~textmine.measure.DEFINITIONS`, so
the section can be rendered, and golden-tested, from fixed data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

OGL = "Open Government Licence v3.0"
OGL_URL = "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/"
OGL_ATTRIBUTION = (
    "Contains public sector information licensed under the Open Government Licence v3.0."
)

#: Terms of the report itself (the measures' own terms come from DEFINITIONS).
REPORT_DEFINITIONS: dict[str, str] = {
    "participation level": (
        "The rung of the participation ladder a term belongs to: 1 inform (inform, notify, "
        "advise), 2 consult (consult, seek views, consider, have regard to, take into account), "
        "3 involve (involve, engage, participate), 4 collaborate (co-operate, collaborate, work "
        "with), 5 co-produce. Highlights in the text carry the level as a number as well as a "
        "colour."
    ),
    "agentless passive": (
        "An occurrence in the passive voice whose text names no actor (parents must be "
        "informed): who has the duty is left unsaid. Marked with a 'no actor' badge and a "
        "dashed underline."
    ),
    "negated": (
        "A negation governs the term or its modal (need not consult, must not inform). Marked "
        "with a 'not' badge and a double underline."
    ),
    "weakened": (
        "A guidance paragraph that states a duty, for the same parties, more weakly than the "
        "enacting provision it is aligned to (divergence alignment direction 'weaker': lower "
        "level, or the same level under a weaker modal, or negated). Marked with a "
        "'weaker' badge; the filter 'only weaker restatements' shows these occurrences (the "
        "dashboard counts paragraph-relations: one per guidance paragraph and relation)."
    ),
}


def methods_context(
    provenance: Mapping[str, Any],
    definitions: Mapping[str, str],
    *,
    table_names: list[str] | None = None,
) -> dict[str, Any]:
    """Plain dicts for the methods template."""
    model = provenance.get("model", {}) or {}
    lexicon = provenance.get("lexicon", {}) or {}
    versions = [
        {"name": "textmine", "value": provenance.get("textmine_version")},
        {"name": "Python", "value": provenance.get("python_version")},
        {"name": "spaCy", "value": model.get("spacy")},
        {"name": "spaCy model", "value": f"{model.get('name')} {model.get('version')}"},
        {"name": "pipeline", "value": ", ".join(model.get("pipeline", []) or [])},
        {"name": "lexicon", "value": lexicon.get("folder")},
    ]
    lexicon_files = [
        {"name": name, "sha256": info.get("sha256"), "lines": info.get("lines")}
        for name, info in (lexicon.get("files", {}) or {}).items()
    ]
    inputs = [dict(record) for record in provenance.get("inputs", ())]
    crown = any("Open Government" in str(r.get("licence") or "") for r in inputs)
    licences: list[dict[str, str | None]] = []
    if crown or provenance.get("statistics_inputs"):
        licences.append(
            {
                "what": "Crown copyright material",
                "licence": OGL,
                "url": OGL_URL,
                "attribution": OGL_ATTRIBUTION,
            }
        )
    if provenance.get("sample"):
        licences.append(
            {
                "what": "Bundled example texts (textmine/data)",
                "licence": "written for textmine; same licence as textmine (MIT)",
                "url": None,
                "attribution": None,
            }
        )
    return {
        "definitions": [
            {"name": name, "text": text}
            for name, text in [*REPORT_DEFINITIONS.items(), *definitions.items()]
        ],
        "versions": versions,
        "lexicon_files": lexicon_files,
        "inputs": inputs,
        "statistics_inputs": [dict(r) for r in provenance.get("statistics_inputs", ())],
        "settings": [
            {"name": k, "value": v} for k, v in (provenance.get("settings") or {}).items()
        ],
        "generated": provenance.get("generated"),
        "licences": licences,
        "sample": bool(provenance.get("sample")),
        "tables": table_names or [],
    }
