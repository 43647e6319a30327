"""The `kg` command line: a thin edge that parses options, calls the library, prints one-line errors.

    kg build PATH… [--store DIR] [--date YYYY-MM-DD] [--locale 山西省阳泉市] [--base IRI]
    kg export --format ttl|nt|nq|trig|jsonld|xml [-o FILE]
    kg query 'SPARQL' | --file q.rq [--format table|csv|json]
    kg stats
    kg validate            (SHACL shapes of ontology/)
    kg ner < in.jsonl > out.jsonl
    kg serve …             (kg.server)
    kg viz …               (viz)
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path

from kg.errors import KgError
from kg.iris import DEFAULT_BASE
from kg.store import EXPORT_FORMATS, KgStore, default_store_path

DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _date(value: str) -> str:
    if not DATE_RE.match(value):
        raise argparse.ArgumentTypeError(f"expected YYYY-MM-DD, got {value!r}")
    return value


def _add_store(p: argparse.ArgumentParser) -> None:
    p.add_argument("--store", type=Path, default=None, help="store directory (default: $KG_STORE or ./kg-store)")


def _store_path(args: argparse.Namespace) -> Path:
    return args.store if args.store is not None else default_store_path()


def cmd_build(args: argparse.Namespace) -> int:
    from kg.pipeline import build

    def progress(files, total):  # a bar only when there is something to wait for
        if total < 2 or not sys.stderr.isatty():
            return files
        from tqdm import tqdm

        return tqdm(files, total=total, unit="file", file=sys.stderr)

    with KgStore(_store_path(args)) as store:
        report = build(args.paths, store, date=args.date, locale=args.locale, base=args.base, progress=progress)
    print(report.summary())
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from kg.vocab import PREFIXES

    with KgStore(_store_path(args), read_only=True) as store:
        if args.output in (None, "-"):
            store.export(args.format, sys.stdout.buffer, prefixes=PREFIXES)
        else:
            store.export(args.format, args.output, prefixes=PREFIXES)
    return 0


def cmd_query(args: argparse.Namespace) -> int:
    from kg.query import run_query

    text = Path(args.file).read_text(encoding="utf-8") if args.file else args.sparql
    if not text:
        raise KgError("give a query, or --file q.rq")
    with KgStore(_store_path(args), read_only=True) as store:
        sys.stdout.write(run_query(store, text, args.format))
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    from kg.stats import format_stats, graph_stats

    with KgStore(_store_path(args), read_only=True) as store:
        print(format_stats(graph_stats(store)))
    return 0


def cmd_validate(args: argparse.Namespace) -> int:
    from kg.shapes import validate_store

    with KgStore(_store_path(args), read_only=True) as store:
        conforms, text = validate_store(store)
    print(text if not conforms else "conforms to the SHACL shapes")
    return 0 if conforms else 1


def cmd_ner(args: argparse.Namespace) -> int:
    from extractors.ner import NERInputError, annotate_jsonl

    try:
        annotate_jsonl(sys.stdin, sys.stdout)
    except NERInputError as exc:  # the input is checked whole before anything is written
        raise KgError(f"standard input, {exc}") from exc
    return 0


def make_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="kg", description="Knowledge graph of people, bodies and events from Chinese official news.")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("build", help="extract text files into the store")
    p.add_argument("paths", nargs="+", help="text files or folders (walked recursively)")
    _add_store(p)
    p.add_argument("--date", type=_date, help="publication date, YYYY-MM-DD (else from file name or page)")
    p.add_argument("--locale", help="the paper's locale, e.g. 山西省阳泉市 (else read from the text)")
    p.add_argument("--base", default=DEFAULT_BASE, help=f"base IRI of minted entities (default {DEFAULT_BASE})")
    p.set_defaults(func=cmd_build)

    p = sub.add_parser("export", help="write the whole graph as RDF")
    _add_store(p)
    p.add_argument("--format", choices=sorted(EXPORT_FORMATS), default="ttl")
    p.add_argument("-o", "--output", help="file to write (default: standard output)")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("query", help="run a SPARQL query")
    _add_store(p)
    p.add_argument("sparql", nargs="?", help="the query text")
    p.add_argument("--file", help="read the query from this file")
    p.add_argument("--format", choices=["table", "csv", "json"], default="table")
    p.set_defaults(func=cmd_query)

    p = sub.add_parser("stats", help="counts by class and role")
    _add_store(p)
    p.set_defaults(func=cmd_stats)

    p = sub.add_parser("validate", help="check the graph against the SHACL shapes")
    _add_store(p)
    p.set_defaults(func=cmd_validate)

    p = sub.add_parser("ner", help="tag PER/ORG/LOC in JSON lines read from standard input")
    p.set_defaults(func=cmd_ner)

    for name, (module, help_text) in HEAVY_COMMANDS.items():
        _add_heavy(sub, name, module, help_text, load=name in (argv or ()))
    return parser


# Sub-commands whose modules import a web stack or numpy: imported only when asked for, so that
# `kg query` and `kg stats` start fast.
HEAVY_COMMANDS = {
    "serve": ("kg.server.cli", "serve the SPARQL endpoint and linked data"),
    "viz": ("viz.cli", "write the interactive graph view"),
}


def _add_heavy(sub, name: str, module: str, help_text: str, *, load: bool) -> None:
    import importlib

    p = sub.add_parser(name, help=help_text, add_help=load)
    if not load:
        p.add_argument("rest", nargs=argparse.REMAINDER)
        return
    mod = importlib.import_module(module)
    getattr(mod, f"add_{name}_arguments")(p)
    p.set_defaults(func=getattr(mod, f"{name}_command"))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    first = next((a for a in argv if not a.startswith("-")), None)
    parser = make_parser([first] if first else [])
    args = parser.parse_args(argv)
    try:
        code = args.func(args)
    except KgError as exc:
        print(f"kg {args.command}: error: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        return 130
    return int(code or 0)


if __name__ == "__main__":
    sys.exit(main())
