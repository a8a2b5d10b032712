"""Measures of terminology inconsistency over tagged occurrence rows.

Pure functions over the contract rows (a DataFrame; no file reading), one
small module per measure, each stating its formula:

* :mod:`~textmine.measure.relations`: actor -> recipient relations, term
  entropy, level and modality mix, agentless passives, negations;
* :mod:`~textmine.measure.asymmetry`: duties toward families vs professionals,
  with bootstrap CIs and permutation tests;
* :mod:`~textmine.measure.divergence`: Act vs guidance term divergence and
  duties restated weaker or stronger;
* :mod:`~textmine.measure.harmonise`: harmonisation hints;
* :mod:`~textmine.measure.index`: the Terminology Inconsistency Index;
* :mod:`~textmine.measure.vectors`: term-by-provision matrices, near-synonym duties;
* :mod:`~textmine.measure.tables`: everything at once (:func:`measure`) and
  :func:`write_tables`.

:data:`DEFINITIONS` holds a plain-language definition of each measure.
"""

from __future__ import annotations

from textmine.measure.definitions import DEFINITIONS
from textmine.measure.tables import (
    MeasureTables,
    choose_pair,
    measure,
    read_tagged,
    summarise,
    write_tables,
)

__all__ = [
    "DEFINITIONS",
    "MeasureTables",
    "choose_pair",
    "measure",
    "read_tagged",
    "summarise",
    "write_tables",
]
