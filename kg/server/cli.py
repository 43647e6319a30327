"""`kg serve`: argument registration and the command, called by kg.cli.

    kg serve [--store DIR] [--host 127.0.0.1] [--port 8000] [--base IRI] [--timeout S] [--row-cap N]
             [--workers N] [--allow-update --update-token T] [--allow-service] [--get PATH [--accept T]]
"""
from __future__ import annotations

import argparse
import os
import sys

from kg.errors import KgError
from kg.iris import DEFAULT_BASE
from kg.store import KgStore, default_store_path


def add_serve_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of `kg serve` (the lead's CLI adds them to its `serve` subparser)."""
    def has(option: str) -> bool:
        return option in parser._option_string_actions  # noqa: SLF001 — avoid clashing with shared options

    if not has("--store"):
        parser.add_argument("--store", default=None, help="store directory (default: $KG_STORE or ./kg-store)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (default 8000)")
    if not has("--base"):
        parser.add_argument("--base", default=DEFAULT_BASE, help=f"IRI base that /id/ serves (default {DEFAULT_BASE})")
    parser.add_argument("--timeout", type=float, default=10.0, help="time limit per query in seconds (default 10)")
    parser.add_argument("--row-cap", type=int, default=10_000, help="rows returned per query at most (default 10000)")
    parser.add_argument("--workers", type=int, default=2, help="query worker processes (default 2)")
    parser.add_argument("--allow-update", action="store_true", help="accept SPARQL Update (needs --update-token)")
    parser.add_argument("--update-token", default=os.environ.get("KG_UPDATE_TOKEN"),
                        help="bearer token for updates (default $KG_UPDATE_TOKEN)")
    parser.add_argument("--allow-service", action="store_true", help="allow SERVICE (federated queries)")
    parser.add_argument("--get", metavar="PATH", default=None,
                        help="answer one GET request in-process (no port), print status and body, exit")
    parser.add_argument("--accept", default=None, help="Accept header for --get")


def serve_command(args: argparse.Namespace) -> int:
    """Run the server (or answer one request with --get). Returns the exit status."""
    from kg.server.app import create_app
    from kg.server.settings import Settings

    try:
        settings = Settings(
            host=args.host, port=args.port, base=getattr(args, "base", None) or DEFAULT_BASE,
            query_timeout=args.timeout, row_cap=args.row_cap, workers=args.workers,
            allow_update=args.allow_update, update_token=args.update_token, allow_service=args.allow_service,
        )
    except ValueError as exc:
        print(f"kg serve: {exc}", file=sys.stderr)
        return 2
    path = getattr(args, "store", None) or default_store_path()
    try:
        store = KgStore(path, read_only=not settings.allow_update)
    except KgError as exc:
        print(f"kg serve: {exc}", file=sys.stderr)
        return 1
    try:
        app = create_app(settings, store)
        if args.get is not None:
            from kg.server.inprocess import get

            status, headers, body = get(app, args.get, args.accept)
            print(status, headers.get("content-type", ""))
            sys.stdout.flush()
            sys.stdout.buffer.write(body)
            if not body.endswith(b"\n"):
                sys.stdout.buffer.write(b"\n")
            sys.stdout.flush()
            return 0 if status < 400 else 1
        import uvicorn

        uvicorn.run(app, host=settings.host, port=settings.port, log_level="info")
        return 0
    finally:
        close_store(store)


def close_store(store: KgStore) -> None:
    """Close, tolerating pyoxigraph's refusal to flush a read-only store (RuntimeError)."""
    try:
        store.close()
    except RuntimeError:
        pass


def main(argv: list[str] | None = None) -> int:
    """Standalone entry (`python -m kg.server.cli`), handy until `kg serve` is wired."""
    parser = argparse.ArgumentParser(prog="kg serve", description="Serve the knowledge graph over HTTP.")
    add_serve_arguments(parser)
    return serve_command(parser.parse_args(argv))


if __name__ == "__main__":
    raise SystemExit(main())
