"""What textmine reads from the DfE SEN2 / EHC plan statistics files: codes, sources, columns.

The tidy tables :mod:`textmine.findings.sen2` builds, the source-of-request
groups the comparison pools, the trend indicators, and the column signatures
by which a file's kind is recognised (columns are read by name, never by
position).
"""

from __future__ import annotations

__all__ = [
    "ALL_REQUESTS",
    "EXCLUDED_SOURCES",
    "FAMILY_SOURCES",
    "GEOGRAPHY",
    "INDICATORS",
    "KNOWN_SOURCES",
    "LEVELS",
    "PROFESSIONAL_SOURCES",
    "SIGNATURES",
    "SOURCE_COLUMNS",
    "SOURCE_TOPIC",
    "SUPPRESSION_CODES",
    "TREND_COLUMNS",
    "TREND_SPECS",
]

#: Cell values that mean "no figure" (Explore Education Statistics symbols).
SUPPRESSION_CODES: frozenset[str] = frozenset({"x", "z", "c", "u", ":", "low", "~", ""})

#: ``breakdown_topic`` of the source-of-request rows.
SOURCE_TOPIC = "Source of request"
#: The label textmine gives every unit's total row (the releases' labels differ).
ALL_REQUESTS = "All requests"
#: Sources pooled as "family" in the comparison.
FAMILY_SOURCES: tuple[str, ...] = ("Parent or young person",)
#: Sources pooled as "professional" (each is also compared separately).
PROFESSIONAL_SOURCES: tuple[str, ...] = (
    "School or other education setting",
    "Health care professional",
    "Social care professional",
)
#: Sources reported but kept out of the family/professional comparison.
EXCLUDED_SOURCES: tuple[str, ...] = ("Other", "Not known")
KNOWN_SOURCES: tuple[str, ...] = FAMILY_SOURCES + PROFESSIONAL_SOURCES + EXCLUDED_SOURCES

#: Geographic levels, from coarsest to finest.
LEVELS: tuple[str, ...] = ("National", "Regional", "Local authority")

#: Tidy columns of requests by source (one row per period, area and source).
SOURCE_COLUMNS: tuple[str, ...] = (
    "period",
    "level",
    "area",
    "area_code",
    "region",
    "source",
    "received",
    "decided_to_assess",
    "decided_not_to_assess",
    "decision_not_made",
    "withdrawn",
    "published_assess_pc",
    "file",
)
#: Tidy columns of the trend series (one row per indicator, period and area).
TREND_COLUMNS: tuple[str, ...] = (
    "indicator",
    "period",
    "level",
    "area",
    "area_code",
    "numerator",
    "denominator",
    "published_pc",
    "release",
    "file",
)

#: Trend indicators: what the numerator and the denominator count.
INDICATORS: dict[str, str] = {
    "refusal_rate": "initial requests for an EHC needs assessment that the local authority "
    "decided not to assess / requests received in the calendar year",
    "within_20_weeks_incl_exceptions": "new EHC plans issued within the statutory 20 weeks / "
    "new EHC plans issued in the calendar year, exceptions included",
    "within_20_weeks_excl_exceptions": "new EHC plans issued within the statutory 20 weeks / "
    "new EHC plans issued in the calendar year, plans with permitted exceptions excluded",
}

#: Columns (lower case) each kind of file must have; checked in this order.
SIGNATURES: dict[str, tuple[str, ...]] = {
    "bundled": ("source", "received", "decided_to_assess", "decided_not_to_assess"),
    "sen2_mi": ("inreqehc", "assrefusedehc"),
    "requests": ("requests_received_in_year", "requests_decided_not_to_assess", "breakdown_topic"),
    "timeliness": ("plans_issued_den", "plans_issued_within_20_weeks", "breakdown_topic"),
}
GEOGRAPHY = ("time_period", "geographic_level")
#: Trend series: indicator -> kind -> (numerator, denominator, published %) columns.
TREND_SPECS: dict[str, dict[str, tuple[str, str, str | None]]] = {
    "refusal_rate": {
        "sen2_mi": ("assrefusedehc", "inreqehc", "assrefusedehc_pc"),
        "requests": (
            "requests_decided_not_to_assess",
            "requests_received_in_year",
            "request_not_assess_pc",
        ),
        "bundled": ("decided_not_to_assess", "received", None),
    },
    "within_20_weeks_incl_exceptions": {
        "sen2_mi": ("incexc20weekehc", "totincexcehc", "incexc20weekrate"),
        "timeliness": (
            "plans_issued_within_20_weeks",
            "plans_issued_den",
            "pc_plans_issued_within_20_weeks",
        ),
    },
    "within_20_weeks_excl_exceptions": {
        "sen2_mi": ("noexc20weekehc", "totnoexcehc", "noexc20weekrate"),
        "timeliness": (
            "plans_issued_20_weeks_ex",
            "plans_issued_den_ex",
            "pc_plans_issued_20_weeks_ex",
        ),
    },
}
