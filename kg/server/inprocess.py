"""Answer one request in-process, with no socket: `kg serve --get PATH` for smoke tests.

A minimal ASGI client (lifespan startup, one HTTP request, lifespan shutdown) so that the server
needs no HTTP client library at run time.
"""
from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import quote, unquote


def _encode(text: str) -> str:
    """Percent-encode what a shell user may type raw (spaces, Chinese); keep existing escapes."""
    return "".join(c if c.isascii() and c not in ' "<>{}|\\^`#' else quote(c, safe="") for c in text)


async def _call(app: Any, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
    startup: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    sent: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
    await startup.put({"type": "lifespan.startup"})

    async def life_receive() -> dict[str, Any]:
        return await startup.get()

    async def life_send(message: dict[str, Any]) -> None:
        await sent.put(message)

    lifespan = asyncio.create_task(app({"type": "lifespan", "asgi": {"version": "3.0"}, "state": {}}, life_receive, life_send))
    started = await sent.get()
    if started["type"] != "lifespan.startup.complete":
        await lifespan
        raise RuntimeError(started.get("message", "the app failed to start"))
    try:
        path_part, _, query_part = path.partition("?")
        raw_path = _encode(path_part or "/")
        scope = {
            "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
            "scheme": "http", "path": unquote(raw_path), "raw_path": raw_path.encode("ascii"),
            "query_string": _encode(query_part).encode("ascii"), "root_path": "",
            "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
            "client": ("127.0.0.1", 0), "server": ("127.0.0.1", 80), "state": {},
        }
        status, out_headers, body = 500, {}, bytearray()
        done = False

        async def receive() -> dict[str, Any]:
            nonlocal done
            if not done:
                done = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # never: the request has no more body
            return {}

        async def send(message: dict[str, Any]) -> None:
            nonlocal status, out_headers
            if message["type"] == "http.response.start":
                status = message["status"]
                out_headers = {k.decode(): v.decode() for k, v in message.get("headers", [])}
            elif message["type"] == "http.response.body":
                body.extend(message.get("body", b""))

        await app(scope, receive, send)
        return status, out_headers, bytes(body)
    finally:
        await startup.put({"type": "lifespan.shutdown"})
        await sent.get()
        await lifespan


def get(app: Any, path: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
    headers = {"host": "127.0.0.1"}
    if accept:
        headers["accept"] = accept
    return asyncio.run(_call(app, path, headers))
