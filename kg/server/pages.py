"""The server's own pages: home, query page (YASGUI), offline API docs, graph view, dumps.

Everything a page loads comes from /static on this server: no CDN, so it all works offline.
"""
from __future__ import annotations

import inspect
import queue
import threading
from collections.abc import Iterator

from fastapi import Request
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse, Response, StreamingResponse

from kg.errors import StoreError
from kg.server import stats
from kg.server.errors import ApiError
from kg.server.examples import load_examples
from kg.server.negotiation import EXPORT_TYPES, SUFFIX_TYPES, choose
from kg.server.rendering import local_href, render
from kg.server.service import root_url
from kg.vocab import PREFIXES


def home(request: Request) -> HTMLResponse:
    """What the graph holds and where to go next."""
    store = request.app.state.store
    base = request.app.state.settings.entity_base
    return render(
        "home.html", title="People, bodies and events",
        counts=stats.counts(store), chairs=stats.top_chairs(store, 10),
        examples=load_examples(), endpoint=root_url(request) + "/sparql", base=base,
        href=lambda iri: local_href(iri, base),
    )


def query_page(request: Request) -> HTMLResponse:
    config = {
        "endpoint": root_url(request) + "/sparql",
        "prefixes": PREFIXES,
        "entityBase": request.app.state.settings.entity_base,
        "examples": [{"slug": e.slug, "title": e.title, "description": e.description, "sparql": e.sparql}
                     for e in load_examples()],
    }
    return render("query.html", title="Query", examples=load_examples(), config=config)


def docs(request: Request) -> HTMLResponse:
    """Swagger UI from the vendored swagger-ui-dist files instead of FastAPI's CDN default."""
    return get_swagger_ui_html(
        openapi_url="/openapi.json", title="kg API",
        swagger_js_url="/static/swagger/swagger-ui-bundle.js",
        swagger_css_url="/static/swagger/swagger-ui.css",
        swagger_favicon_url="/static/swagger/favicon-32x32.png",
        swagger_ui_parameters={"validatorUrl": None},
    )


def graph(request: Request, person: str | None = None, body: str | None = None, since: str | None = None,
          until: str | None = None, roles: str | None = None, event: str | None = None,
          event_kind: str | None = None, hops: int | None = None) -> Response:
    """The interactive graph view of `viz/`, with the same filters as query parameters."""
    try:
        from viz import render_graph_page  # type: ignore[attr-defined]
    except ImportError:
        raise ApiError(501, "the graph view (viz.render_graph_page) is not installed in this build") from None
    role_list = [r.strip() for r in roles.split(",") if r.strip()] if roles else None
    options: dict[str, object] = {"person": person, "body": body, "since": since, "until": until,
                                  "roles": role_list, "entity_base_url": "/id/"}
    extra = {"event": event, "event_kind": event_kind, "hops": hops, "base_iri": request.app.state.settings.entity_base}
    accepted = inspect.signature(render_graph_page).parameters
    options.update({k: v for k, v in extra.items() if v is not None and k in accepted})
    try:
        html = render_graph_page(request.app.state.store, **options)
    except ValueError as exc:  # viz.filters.FilterError: a malformed date, role or hops
        raise ApiError(400, str(exc)) from None
    return HTMLResponse(html)


class _QueueWriter:
    """A binary file object whose writes become chunks of a streamed response."""

    def __init__(self, chunks: queue.Queue[bytes | None], cancelled: threading.Event) -> None:
        self.chunks = chunks
        self.cancelled = cancelled

    def write(self, data: bytes) -> int:
        while not self.cancelled.is_set():
            try:
                self.chunks.put(bytes(data), timeout=0.5)
                return len(data)
            except queue.Full:
                continue
        raise OSError("the client went away")

    def flush(self) -> None:
        pass


def _stream_export(store, fmt: str) -> Iterator[bytes]:  # type: ignore[no-untyped-def]
    chunks: queue.Queue[bytes | None] = queue.Queue(maxsize=64)
    cancelled = threading.Event()
    failure: list[BaseException] = []

    def produce() -> None:
        try:
            store.export(fmt, _QueueWriter(chunks, cancelled))
        except (OSError, StoreError, ValueError) as exc:
            failure.append(exc)
        finally:
            while not cancelled.is_set():
                try:
                    chunks.put(None, timeout=0.5)
                    break
                except queue.Full:
                    continue

    producer = threading.Thread(target=produce, name="kg-export", daemon=True)
    producer.start()
    try:
        while True:
            chunk = chunks.get()
            if chunk is None:
                break
            yield chunk
    finally:
        cancelled.set()
        producer.join(timeout=10)


def export(request: Request, format: str | None = None) -> Response:
    """The whole dataset, streamed: ?format=ttl|nt|nq|jsonld|trig|xml or by Accept (Turtle first)."""
    if format is not None:
        media_type = SUFFIX_TYPES.get(format)
        if media_type is None or media_type not in EXPORT_TYPES:
            raise ApiError(400, f"unknown format {format!r}; choose one of {', '.join(EXPORT_TYPES.values())}")
    else:
        accept = request.headers.get("accept")
        chosen = choose(accept, list(EXPORT_TYPES))
        if chosen is None:
            raise ApiError(406, f"cannot answer with any type in Accept: {accept!r}; offered: {', '.join(EXPORT_TYPES)}")
        media_type = chosen
    fmt = EXPORT_TYPES[media_type]
    ctype = f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type
    headers = {"Vary": "Accept", "Content-Disposition": f'inline; filename="kg.{fmt}"'}
    return StreamingResponse(_stream_export(request.app.state.store, fmt), media_type=ctype, headers=headers)
