"""Build: source files → extractors → records → per-article graphs → store.

Everything is extracted before anything is written, so a file that cannot be read never leaves a
half-built store; the write itself is one transaction per chunk of files.
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from extractors import extract_document
from extractors.errors import ExtractionError
from kg.errors import InputError
from kg.iris import DEFAULT_BASE, IriMinter
from kg.store import GraphBatch, KgStore
from kg.triples import ArticleGraphBuilder

TEXT_SUFFIXES = {".txt", ".text", ".md", ".markdown", ".html", ".htm"}
FILES_PER_WRITE = 200


@dataclass
class BuildReport:
    """What a build did, for the CLI summary and for tests."""

    built: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    articles: int = 0
    triples: int = 0
    characters: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        line = (
            f"built {len(self.built)} file(s), {self.articles} article(s), {self.triples} triple(s) "
            f"in {self.seconds:.2f}s"
        )
        if self.skipped:
            line += f"; skipped {len(self.skipped)} file(s): " + "; ".join(f"{p} ({r})" for p, r in self.skipped)
        return line


def input_files(paths: Iterable[str | os.PathLike]) -> Iterator[tuple[Path, bool]]:
    """(file, named explicitly) for every path; folders are walked recursively for text files."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for sub in sorted(path.rglob("*")):
                if sub.is_file() and sub.suffix.lower() in TEXT_SUFFIXES and not sub.name.startswith("."):
                    yield sub, False
        elif path.is_file():
            yield path, True
        else:
            raise InputError(f"{path}: no such file or folder")


def build(
    paths: Sequence[str | os.PathLike],
    store: KgStore,
    *,
    date: str | None = None,
    locale: str | None = None,
    base: str = DEFAULT_BASE,
    progress: Callable[[Iterable[tuple[Path, bool]], int], Iterable[tuple[Path, bool]]] | None = None,
) -> BuildReport:
    """Extract every file and replace its graphs in the store.

    A file named explicitly that cannot be read is an error (nothing is written); a bad file found
    while walking a folder is reported in `BuildReport.skipped` and the rest is built.
    """
    started = time.perf_counter()
    report = BuildReport()
    builder = ArticleGraphBuilder(IriMinter(base))
    files = list(input_files(paths))
    if not files:
        raise InputError("no text files found in " + ", ".join(map(str, paths)))
    batches: list[GraphBatch] = []
    iterable = progress(files, len(files)) if progress else files
    for path, explicit in iterable:
        try:
            doc = extract_document(path, date=date, locale=locale)
        except (ExtractionError, OSError) as exc:
            if explicit:
                raise InputError(str(exc) if str(path) in str(exc) else f"{path}: {exc}") from exc
            report.skipped.append((str(path), str(exc)))
            continue
        graphs = tuple(builder.document_graphs(doc))
        batches.append(GraphBatch(builder.iris.graph_prefix(doc.source), graphs))
        report.built.append(str(path))
        report.articles += len(doc.articles)
        report.characters += sum(len(a.text) for a in doc.articles)
    for i in range(0, len(batches), FILES_PER_WRITE):
        report.triples += store.replace(batches[i : i + FILES_PER_WRITE])
    report.seconds = time.perf_counter() - started
    return report
