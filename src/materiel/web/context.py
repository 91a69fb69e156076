"""The app's one open store and what it reuses between requests.

The cross-document picture (``materiel.graph``) is rebuilt at most every ``cache_seconds`` and at
once after a write through the app; the screening index is reopened only when the loaded lists
change (their fingerprint, one small query at most every second).
"""

from __future__ import annotations

import threading
import time
from typing import TYPE_CHECKING, Any

from materiel.screen.lists import list_lists
from materiel.screen.screening import CandidateIndex, fingerprint, store_index
from materiel.store import Store
from materiel.web.settings import WebSettings

INDEX_CHECK_S = 1.0
"""How long the name index is used before the loaded lists are checked for a change."""

if TYPE_CHECKING:
    from materiel.graph.records import Picture


class Workspace:
    """The store opened once for the app, with the picture and the name index cached."""

    def __init__(self, settings: WebSettings) -> None:
        self.settings = settings
        self.store = Store.open(settings.db_url)
        self._lock = threading.Lock()
        self._picture: Any = None
        self._picture_at = 0.0
        self._index: CandidateIndex | None = None
        self._index_key: str | None = None
        self._index_checked = 0.0
        self.generation = 0  # bumped by every write through the app

    def picture(self) -> Picture:
        """Everything known across documents, as ``materiel.graph.build_picture`` makes it."""
        from materiel.graph.build import build_picture

        with self._lock:
            now = time.monotonic()
            if self._picture is None or now - self._picture_at > self.settings.cache_seconds:
                self._picture = build_picture(self.store)
                self._picture_at = now
            picture: Picture = self._picture
            return picture

    def index(self) -> CandidateIndex:
        """The candidate index of the loaded lists, reopened when they change (checked at most
        every ``INDEX_CHECK_S`` seconds, and at once after a write through the app)."""
        now = time.monotonic()
        with self._lock:
            if self._index is not None and now - self._index_checked < INDEX_CHECK_S:
                return self._index
        key = fingerprint(list_lists(self.store))
        with self._lock:
            if self._index is None or key != self._index_key:
                self._index = store_index(self.store)
                self._index_key = key
            self._index_checked = now
            return self._index

    def changed(self) -> None:
        """Forget what was cached: the store was written."""
        with self._lock:
            self._picture = None
            self._index = None
            self.generation += 1

    def close(self) -> None:
        self.store.close()


__all__ = ["Workspace"]
