"""Query runners: a pool of killable worker processes, or in-thread for in-memory stores.

A request thread borrows an idle worker, sends it the job and waits on the pipe with `select` until
the time limit; past it the worker is killed (and replaced), the request gets a 503 and the server
carries on. Time spent waiting for a free worker is bounded separately (`queue_timeout`).
"""
from __future__ import annotations

import os
import queue
import select
import subprocess
import sys
import threading
import time
from pathlib import Path

import pyoxigraph as ox

from kg.errors import StoreError
from kg.server.execution import Job, Outcome, QueryTimeout, execute
from kg.server.worker import read_frame, write_frame

STARTUP_TIMEOUT = 60.0


class PoolBusy(Exception):
    """No worker became free in time."""


class WorkerCrashed(Exception):
    """A worker died while answering (a bug or out of memory): a 500, and it is replaced."""


class _Worker:
    def __init__(self, store_path: Path) -> None:
        env = dict(os.environ)
        root = str(Path(__file__).resolve().parents[2])
        env["PYTHONPATH"] = root + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "kg.server.worker", str(store_path)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env,
        )
        self.ready = False

    def _wait(self, timeout: float) -> bool:
        assert self.proc.stdout is not None
        readable, _, _ = select.select([self.proc.stdout], [], [], max(0.0, timeout))
        return bool(readable)

    def ensure_ready(self) -> None:
        if self.ready:
            return
        if not self._wait(STARTUP_TIMEOUT):
            raise StoreError("a query worker did not start in time")
        hello = read_frame(self.proc.stdout)  # type: ignore[arg-type]
        if not isinstance(hello, Outcome) or hello.status != "ready":
            detail = hello.message if isinstance(hello, Outcome) else "it exited"
            raise StoreError(f"a query worker could not start: {detail}")
        self.ready = True

    def ask(self, job: Job, timeout: float) -> Outcome:
        write_frame(self.proc.stdin, job)  # type: ignore[arg-type]
        if not self._wait(timeout):
            raise QueryTimeout()
        outcome = read_frame(self.proc.stdout)  # type: ignore[arg-type]
        if not isinstance(outcome, Outcome):
            raise WorkerCrashed("the query worker exited while answering")
        return outcome

    def stop(self, kill: bool = False) -> None:
        """End the process and reap it (no zombie, no ResourceWarning)."""
        try:
            if kill:
                self.proc.kill()
            elif self.proc.stdin is not None:
                self.proc.stdin.close()
            self.proc.wait(timeout=5)
        except (subprocess.TimeoutExpired, OSError):
            self.proc.kill()
            self.proc.wait()
        for pipe in (self.proc.stdin, self.proc.stdout):
            if pipe is not None:
                try:
                    pipe.close()
                except OSError:
                    pass


class WorkerPool:
    """`size` worker processes over one store directory."""

    def __init__(self, store_path: Path, size: int) -> None:
        self.store_path = store_path
        self.size = size
        self.generation = 0
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False

    def start(self) -> None:
        for _ in range(self.size):
            self._spawn()
        for worker in list(self._all):  # fail at startup, not at the first query
            worker.ensure_ready()

    def _spawn(self) -> None:
        worker = _Worker(self.store_path)
        with self._lock:
            self._all.add(worker)
        self._idle.put(worker)

    def _retire(self, worker: _Worker, kill: bool) -> None:
        with self._lock:
            self._all.discard(worker)
        worker.stop(kill=kill)
        if not self._closed:
            self._spawn()

    def refresh(self, store_path: Path | None = None) -> None:
        """After an update: every worker reopens its read-only view (at `store_path`) before its next query."""
        if store_path is not None:
            self.store_path = store_path
        self.generation += 1

    def run(self, job: Job, timeout: float, queue_timeout: float) -> Outcome:
        if self._closed:
            raise StoreError("the server is shutting down")
        try:
            worker = self._idle.get(timeout=queue_timeout)
        except queue.Empty:
            raise PoolBusy() from None
        try:
            worker.ensure_ready()
            outcome = worker.ask(_with_generation(job, self.generation, self.store_path), timeout)
        except QueryTimeout:
            self._retire(worker, kill=True)
            raise
        except (WorkerCrashed, StoreError, OSError, EOFError) as exc:
            self._retire(worker, kill=True)
            if isinstance(exc, StoreError):
                raise
            raise WorkerCrashed(str(exc)) from exc
        self._idle.put(worker)
        return outcome

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for worker in workers:
            worker.stop(kill=False)


class InlineRunner:
    """For an in-memory store: run in the calling thread, deadline checked between rows only."""

    def __init__(self, store: ox.Store) -> None:
        self.store = store
        self.generation = 0

    def start(self) -> None:
        pass

    def refresh(self, store_path: Path | None = None) -> None:
        pass

    def run(self, job: Job, timeout: float, queue_timeout: float) -> Outcome:
        return execute(self.store, job, deadline=time.monotonic() + timeout)

    def close(self) -> None:
        pass


def _with_generation(job: Job, generation: int, store_path: Path) -> Job:
    if job.generation == generation:
        return job
    from dataclasses import replace

    return replace(job, generation=generation, store_path=str(store_path))
