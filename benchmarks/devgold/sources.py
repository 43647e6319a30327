"""The text of a development article, from the reference its gold file keeps.

Shared-corpus articles are not copied into the repo: an xwlb item is named by its day file and its
`### headline`, a pd1998 article by its file name. Local pages are kept here, with their address.

    python benchmarks/devgold/sources.py xwlb 20230914.md "李强会见委内瑞拉总统"   # print one item
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
NEWS = HERE.parents[2] / "shared" / "data" / "news"


def xwlb_item(day: str, headline: str, news: Path = NEWS) -> str:
    """The `### headline` section of one xwlb day, markup as published, heading line included."""
    text = (news / "xwlb" / day).read_text(encoding="utf-8")
    for part in re.split(r"^(?=### )", text, flags=re.M):
        if part.startswith("### ") and part[4:].split("\n", 1)[0].strip() == headline.strip():
            return part.rstrip() + "\n"
    raise KeyError(f"no item {headline!r} in xwlb/{day}")


def article_text(source: dict, news: Path = NEWS) -> tuple[str, str]:
    """(file suffix, text) of the article a gold file's `document.source` names."""
    corpus = source["corpus"]
    if corpus == "xwlb":
        return ".md", xwlb_item(source["file"], source["headline"], news)
    if corpus == "pd1998":
        return ".txt", (news / "pd1998" / source["file"]).read_text(encoding="utf-8")
    if corpus == "local":
        return ".txt", (HERE / source["file"]).read_text(encoding="utf-8")
    raise ValueError(f"unknown corpus {corpus!r}")


if __name__ == "__main__":
    corpus, name, *rest = sys.argv[1:]
    src = {"corpus": corpus, "file": name, "headline": rest[0] if rest else ""}
    print(article_text(src)[1])
