"""A content-addressed cache of extractions and tagged rows (see :mod:`.store`, :mod:`.keys`).

:func:`open_cache` gives the :class:`Cache` a run uses: ``Settings.cache_dir``,
else ``$TEXTMINE_CACHE_DIR``, else the user cache folder
(``~/.cache/textmine``); ``None`` when ``Settings.use_cache`` is off
(``--no-cache``).
"""

from __future__ import annotations

from pathlib import Path

from textmine.cache.keys import default_cache_dir
from textmine.cache.store import Cache
from textmine.settings import Settings

__all__ = ["Cache", "default_cache_dir", "open_cache"]


def open_cache(settings: Settings) -> Cache | None:
    """The cache of ``settings``, or ``None`` when caching is off."""
    if not settings.use_cache:
        return None
    return Cache(Path(settings.cache_dir) if settings.cache_dir else default_cache_dir())
