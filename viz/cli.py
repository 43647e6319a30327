"""`kg viz`: write the graph view as one HTML file that works offline from disk.

The lead's `kg.cli` registers the subcommand with `add_viz_arguments(subparser)` and runs it with
`viz_command(args)`; nothing here parses `sys.argv` itself.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import StoreError
from kg.iris import DEFAULT_BASE
from kg.store import KgStore, default_store_path
from viz.filters import FilterError
from viz.page import MAX_NODES, render_graph_page


def add_viz_arguments(parser: argparse.ArgumentParser) -> None:
    """Options of `kg viz` (skips --store/--base if the parser already has them)."""
    have = set(parser._option_string_actions)  # noqa: SLF001 - avoid clashing with shared options
    if "--store" not in have:
        parser.add_argument("--store", metavar="DIR", default=None,
                            help="store directory (default: $KG_STORE or ./kg-store)")
    parser.add_argument("-o", "--output", metavar="FILE", default="graph.html", help="HTML file to write (default: graph.html)")
    parser.add_argument("--person", metavar="NAME", help="only this person's neighbourhood (name or IRI)")
    parser.add_argument("--body", metavar="NAME", help="only what belongs to this body (full name, short form or IRI)")
    parser.add_argument("--event", metavar="NAME", help="only this event's neighbourhood (name or IRI)")
    parser.add_argument("--since", metavar="DATE", help="events on or after DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--until", metavar="DATE", help="events on or before DATE (YYYY[-MM[-DD]])")
    parser.add_argument("--roles", metavar="LIST",
                        help="edge roles to keep, comma-separated: chair,attend,speak,elected,organised,part_of,holds_post")
    parser.add_argument("--event-kind", metavar="LIST", help="event kinds to keep, comma-separated (e.g. plenary,training)")
    parser.add_argument("--hops", type=int, choices=(1, 2, 3), default=1, help="neighbourhood radius for --person/--event (default 1)")
    parser.add_argument("--max-nodes", type=int, default=MAX_NODES,
                        help=f"show at most this many nodes, the most connected part (default {MAX_NODES})")
    parser.add_argument("--entity-base-url", metavar="URL", default=None,
                        help="link entities to a kg server, e.g. http://127.0.0.1:8000/id/ (default: link to the IRI)")
    if "--base" not in have:
        parser.add_argument("--base", metavar="IRI", default=DEFAULT_BASE, help="base IRI of the store's entities")


def viz_command(args: argparse.Namespace) -> int:
    """Render and write the page; 0 on success, 2 on a bad filter, 1 when the store cannot be read."""
    store_dir = Path(args.store) if getattr(args, "store", None) else default_store_path()
    try:
        store = KgStore(store_dir, read_only=True)
    except StoreError as exc:
        print(f"kg viz: {exc}", file=sys.stderr)
        return 1
    try:
        html = render_graph_page(
            store, person=args.person, body=args.body, event=args.event, since=args.since, until=args.until,
            roles=args.roles, event_kind=args.event_kind, hops=args.hops, max_nodes=args.max_nodes,
            entity_base_url=args.entity_base_url, base_iri=getattr(args, "base", None) or DEFAULT_BASE,
        )
    except FilterError as exc:
        print(f"kg viz: {exc}", file=sys.stderr)
        return 2
    finally:
        _close(store)
    out = Path(args.output)
    if out.parent and not out.parent.exists():
        out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    print(f"wrote {out} ({len(html) // 1024} KiB)", file=sys.stderr)
    return 0


def _close(store: KgStore) -> None:
    try:
        store.close()
    except RuntimeError:  # pyoxigraph refuses flush() on a read-only store; nothing to flush anyway
        pass


def main(argv: list[str] | None = None) -> int:
    """Standalone entry (`python -m viz.cli`), for use before `kg viz` is wired."""
    parser = argparse.ArgumentParser(prog="kg viz", description="Write the graph view as a self-contained HTML file.")
    add_viz_arguments(parser)
    return viz_command(parser.parse_args(argv))


if __name__ == "__main__":
    sys.exit(main())
