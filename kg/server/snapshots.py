"""Read-only snapshots of a writable store, for the query workers when updates are allowed.

RocksDB lets several processes open a store read-only, but not safely beside a writer that
compacts and deletes files under them (a reader opened mid-compaction sees a corrupt manifest).
So when the server accepts updates, workers read a checkpoint (`Store.backup`: hard links, cheap)
taken at start and after every update; the two newest are kept, older ones deleted.
"""
from __future__ import annotations

import shutil
import tempfile
import threading
from pathlib import Path

import pyoxigraph as ox

KEEP = 2


class Snapshots:
    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.root = Path(tempfile.mkdtemp(prefix="kg-snapshots-"))
        self.generation = -1
        self._lock = threading.Lock()
        self.current = self.take()

    def take(self) -> Path:
        """A new checkpoint of the store as it is now; returns its directory."""
        with self._lock:
            self.generation += 1
            target = self.root / str(self.generation)
            self.store.flush()
            self.store.backup(str(target))
            for old in range(self.generation - KEEP, -1, -1):
                stale = self.root / str(old)
                if not stale.exists():
                    break
                shutil.rmtree(stale, ignore_errors=True)
            self.current = target
            return target

    def close(self) -> None:
        shutil.rmtree(self.root, ignore_errors=True)
