"""The SPARQL 1.1 Protocol at /sparql: query by GET, POST form and POST sparql-query; update by POST.

Parameters are percent-decoded exactly once (by the URL parser, or `parse_qsl` for a form body; a
`application/sparql-query` body is taken as raw UTF-8), so Chinese IRIs and literals arrive intact.
Queries run in Oxigraph inside a worker (see pool.py), off the event loop.
"""
from __future__ import annotations

import hmac
from functools import partial
from urllib.parse import parse_qsl

import anyio
import anyio.to_thread
from fastapi import Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from kg.server import service
from kg.server.analysis import error_position, uses_service
from kg.server.errors import ApiError
from kg.server.execution import Job, Outcome, QueryTimeout
from kg.server.negotiation import RDF_TYPES, RESULTS_TYPES, choose, wants_html
from kg.server.pool import PoolBusy, WorkerCrashed
from kg.vocab import PREFIXES

FORM = "application/x-www-form-urlencoded"
QUERY_BODY = "application/sparql-query"
UPDATE_BODY = "application/sparql-update"
Params = list[tuple[str, str]]


def _values(params: Params, name: str) -> list[str]:
    return [v for k, v in params if k == name]


def _single(params: Params, name: str) -> str | None:
    values = _values(params, name)
    if len(values) > 1:
        raise ApiError(400, f"more than one '{name}' parameter")
    return values[0] if values else None


def _decode(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"the request body is not UTF-8: {exc}") from None


async def sparql_get(request: Request) -> Response:
    """SPARQL query by GET; without a query, the service description (or the query page)."""
    params: Params = list(request.query_params.multi_items())
    if _values(params, "update"):
        raise ApiError(400, "SPARQL Update must be sent by POST")
    query = _single(params, "query")
    if query is None:
        return service.describe_or_page(request)
    return await _query(request, query, params)


async def sparql_post(request: Request) -> Response:
    """SPARQL query or update by POST (form, sparql-query or sparql-update body)."""
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    url_params: Params = list(request.query_params.multi_items())
    body = await request.body()
    if ctype == FORM:
        params = url_params + parse_qsl(_decode(body), keep_blank_values=True, strict_parsing=False)
        query, update = _single(params, "query"), _single(params, "update")
        if query is not None and update is not None:
            raise ApiError(400, "a request carries either 'query' or 'update', not both")
        if update is not None:
            return await _update(request, update, params)
        if query is None:
            raise ApiError(400, "missing 'query' (or 'update') in the form")
        return await _query(request, query, params)
    if ctype == QUERY_BODY:
        if _values(url_params, "query"):
            raise ApiError(400, "a sparql-query body and a 'query' parameter: send one")
        return await _query(request, _decode(body), url_params)
    if ctype == UPDATE_BODY:
        return await _update(request, _decode(body), url_params)
    raise ApiError(415, f"unsupported content type {ctype or '(none)'!r}; use {FORM}, {QUERY_BODY} or {UPDATE_BODY}")


async def _query(request: Request, query: str, params: Params) -> Response:
    settings = request.app.state.settings
    if not query.strip():
        raise ApiError(400, "the query is empty")
    if not settings.allow_service and uses_service(query):
        raise ApiError(403, "SERVICE (federated query) is disabled on this server")
    accept = request.headers.get("accept")
    results_type = choose(accept, list(RESULTS_TYPES))
    rdf_type = choose(accept, list(RDF_TYPES))
    if results_type is None and rdf_type is None:
        raise _not_acceptable(accept, "results")
    default_graph = _values(params, "default-graph-uri")
    named_graphs = _values(params, "named-graph-uri")
    job = Job(
        query=query,
        results_type=results_type,
        rdf_type=rdf_type,
        row_cap=settings.row_cap,
        default_graph=tuple(default_graph) if default_graph else None,
        named_graphs=tuple(named_graphs) if named_graphs else None,
        prefixes=dict(PREFIXES),
    )
    runner = request.app.state.runner
    try:
        # Own limiter: queries waiting for a worker never take the threads that pages and static files use.
        outcome: Outcome = await anyio.to_thread.run_sync(
            partial(runner.run, job, settings.query_timeout, settings.queue_timeout),
            limiter=request.app.state.query_limiter,
        )
    except QueryTimeout:
        raise ApiError(503, f"the query ran past the time limit of {settings.query_timeout:g} s and was stopped; "
                            "add a LIMIT or narrow the pattern", headers={"Retry-After": "1"}) from None
    except PoolBusy:
        raise ApiError(503, "all query workers are busy; try again", headers={"Retry-After": "1"}) from None
    except WorkerCrashed as exc:
        raise ApiError(500, f"the query worker failed: {exc}") from None
    return _respond(outcome, accept)


def _not_acceptable(accept: str | None, form: str) -> ApiError:
    offered = list(RDF_TYPES) if form == "triples" else list(RESULTS_TYPES)
    if form == "results":
        offered = list(RESULTS_TYPES) + list(RDF_TYPES)
    return ApiError(406, f"cannot answer with any type in Accept: {accept!r}; offered: {', '.join(offered)}")


def _media(media_type: str) -> str:
    return f"{media_type}; charset=utf-8" if media_type.startswith("text/") else media_type


def _respond(outcome: Outcome, accept: str | None) -> Response:
    if outcome.status == "syntax":
        pos = error_position(outcome.message)
        extra = {"line": pos[0], "column": pos[1]} if pos else {}
        raise ApiError(400, f"malformed query: {outcome.message}", **extra)
    if outcome.status == "not_acceptable":
        raise _not_acceptable(accept, outcome.form)
    if outcome.status != "ok":
        raise ApiError(500, f"the query failed in the store: {outcome.message}")
    headers = {
        "Vary": "Accept",
        "X-KG-Truncated": "true" if outcome.truncated else "false",
        "X-KG-Rows": str(outcome.rows),
        "X-KG-Query-Form": outcome.form,
    }
    return Response(outcome.body, media_type=_media(outcome.media_type), headers=headers)


async def _update(request: Request, update: str, params: Params) -> Response:
    settings = request.app.state.settings
    if not settings.allow_update:
        raise ApiError(403, "SPARQL Update is disabled; start the server with --allow-update --update-token")
    if not settings.allow_service and uses_service(update):
        raise ApiError(403, "SERVICE (federated query) is disabled on this server")
    auth = request.headers.get("authorization", "")
    scheme, _, token = auth.partition(" ")
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, "SPARQL Update needs 'Authorization: Bearer <token>'",
                       headers={"WWW-Authenticate": 'Bearer realm="kg"'})
    if not hmac.compare_digest(token.strip().encode(), settings.update_token.encode()):
        raise ApiError(403, "wrong update token")
    if _values(params, "using-graph-uri") or _values(params, "using-named-graph-uri"):
        raise ApiError(400, "using-graph-uri / using-named-graph-uri are not supported; use USING in the update")
    store = request.app.state.store
    try:
        await run_in_threadpool(_run_update, store, update)
    except SyntaxError as exc:
        pos = error_position(str(exc))
        extra = {"line": pos[0], "column": pos[1]} if pos else {}
        raise ApiError(400, f"malformed update: {exc}", **extra) from None
    snapshots = request.app.state.snapshots
    if snapshots is not None:
        request.app.state.runner.refresh(await run_in_threadpool(snapshots.take))
    else:
        request.app.state.runner.refresh()
    return Response(status_code=204)


def _run_update(store, update: str) -> None:  # type: ignore[no-untyped-def]
    store.oxigraph.update(update)
    store.oxigraph.flush()


__all__ = ["sparql_get", "sparql_post", "wants_html"]
