"""Running extraction and tagging over many inputs: cache, workers, Dask (:mod:`.run`)."""

from __future__ import annotations

from textmine.engine.run import Failure, Processed, process_inputs

__all__ = ["Failure", "Processed", "process_inputs"]
