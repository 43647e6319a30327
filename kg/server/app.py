"""The application factory: `create_app(settings, store)`; nothing is built at import time.

The lifespan starts the query workers (processes over the store directory, or an in-thread runner
for an in-memory store) and stops them, so a server shut down in a test leaves nothing behind.
"""
from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio
from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from starlette.concurrency import run_in_threadpool

from kg.server import errors, routes
from kg.server.pool import InlineRunner, WorkerPool
from kg.server.settings import Settings
from kg.server.snapshots import Snapshots
from kg.store import KgStore

STATIC = Path(__file__).parent / "static"
QUERY_THREADS = 64  # requests that may wait for a query worker at once (apart from page threads)


def create_app(settings: Settings, store: KgStore) -> FastAPI:
    """A FastAPI app serving `store` under `settings`."""
    if settings.allow_update and store.read_only:
        raise ValueError("updates are allowed but the store is open read-only")

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        snapshots: Snapshots | None = None
        runner: WorkerPool | InlineRunner
        if store.path is None:
            runner = InlineRunner(store.oxigraph)
        elif store.read_only:
            runner = WorkerPool(store.path, settings.workers)
        else:  # a writer compacts under readers: workers read checkpoints instead
            snapshots = await run_in_threadpool(Snapshots, store.oxigraph)
            runner = WorkerPool(snapshots.current, settings.workers)
        await run_in_threadpool(runner.start)
        app.state.runner = runner
        app.state.snapshots = snapshots
        app.state.query_limiter = anyio.CapacityLimiter(QUERY_THREADS)
        try:
            yield
        finally:
            await run_in_threadpool(runner.close)
            if snapshots is not None:
                snapshots.close()

    app = FastAPI(
        title="kg — people, bodies and events",
        description="SPARQL 1.1 endpoint, linked data and dumps of a knowledge graph built from Chinese official news.",
        version="0.1.0",
        docs_url=None, redoc_url=None,  # /docs is served from vendored assets (routes.py)
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.store = store
    errors.install(app)
    routes.register(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app
