"""Read text as published on the web: Markdown transcripts and HTML pages, markup stripped.

Why a map and not masking with spaces: spaces inside Chinese text mean something to the cleaner
(a spaced name, a gap between headline phrases), so tags are removed, and `Plain.omap` keeps, for each
character of the plain text, its index in the original file. Evidence offsets are mapped back through
it, so they still point into the file as published.

Markdown headings (`### 李强会见委内瑞拉总统`) start an article each: a CCTV day file is one article per
item. A section that is a table of contents (`## 新闻摘要`) is left out, as are link targets.
"""
from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

_BLOCK_TAG = re.compile(r"<\s*/?\s*(?:p|br|div|h[1-6]|li|ul|ol|tr|table|section|article|blockquote|hr)\b[^>]*>", re.I)
_DROP_ELEMENT = re.compile(r"<\s*(script|style|head|noscript)\b.*?<\s*/\s*\1\s*>", re.I | re.S)
_TAG = re.compile(r"<[^<>]*>|<!--.*?-->", re.S)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[A-Za-z]{2,8});")
_MD_LINK = re.compile(r"\[([^\]\n]*)\]\([^)\n]*\)")
_MD_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$", re.M)
_MD_EMPHASIS = re.compile(r"\*\*|__")
_CONTENTS = re.compile(r"^(?:新闻摘要|内容提要|本期要目|目录|要目|摘要|导读)$")


@dataclass
class Plain:
    """Plain text, the original index of each of its characters, and article sections.

    `sections` are (headline start, headline end, body end) in plain offsets; the body starts after
    the headline line."""

    text: str
    omap: list[int]
    sections: list[tuple[int, int, int]] = field(default_factory=list)

    def orig(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) of plain [start, end)."""
        if not self.omap:
            return 0, 0
        if end <= start:
            o = self.omap[min(start, len(self.omap) - 1)]
            return o, o
        return self.omap[start], self.omap[min(end, len(self.omap)) - 1] + 1


class _Builder:
    """Appends kept pieces of the original with their offsets."""

    def __init__(self) -> None:
        self.chars: list[str] = []
        self.omap: list[int] = []

    def keep(self, text: str, start: int) -> None:
        self.chars.append(text)
        self.omap.extend(range(start, start + len(text)))

    def put(self, text: str, at: int) -> None:
        """Text that stands for something else in the original (a tag, an entity) at index `at`."""
        self.chars.append(text)
        self.omap.extend([at] * len(text))

    def text(self) -> str:
        return "".join(self.chars)


def _strip_html(raw: str, start: int, end: int, out: _Builder) -> None:
    """Append raw[start:end] without tags; block tags become line breaks, entities their characters."""
    pos = start
    seg = raw[start:end]
    dropped = [(m.start() + start, m.end() + start) for m in _DROP_ELEMENT.finditer(seg)]
    tokens = sorted(
        [(s, e, "drop") for s, e in dropped]
        + [(m.start() + start, m.end() + start, "tag") for m in _TAG.finditer(seg)]
        + [(m.start() + start, m.end() + start, "entity") for m in _ENTITY.finditer(seg)]
    )
    for s, e, what in tokens:
        if s < pos:
            continue  # inside a dropped element
        if s > pos:
            out.keep(raw[pos:s], pos)
        token = raw[s:e]
        if what == "entity":
            ch = html.unescape(token)
            out.put(" " if ch == "\xa0" else ch, s)
        elif what == "tag" and _BLOCK_TAG.fullmatch(token):
            out.put("\n", s)
        pos = e
    if pos < end:
        out.keep(raw[pos:end], pos)


def from_html(raw: str) -> Plain:
    """An HTML page as plain text (one article or a page the splitter divides)."""
    out = _Builder()
    body = re.search(r"<body\b[^>]*>", raw, re.I)
    _strip_html(raw, body.end() if body else 0, len(raw), out)
    return Plain(out.text(), out.omap)


def from_markdown(raw: str) -> Plain:
    """A Markdown page (HTML fragments allowed) as plain text, one section per heading's article."""
    out = _Builder()
    heads = list(_MD_HEADING.finditer(raw))
    sections: list[tuple[int, int, int]] = []
    bounds = [(m.start(), m.end(), heads[k + 1].start() if k + 1 < len(heads) else len(raw), m)
              for k, m in enumerate(heads)]
    deepest = max((len(m.group(1)) for m in heads), default=0)
    for s, e, nxt, m in bounds:
        title = m.group(2)
        if len(m.group(1)) < deepest or _CONTENTS.match(re.sub(r"\s+", "", title)):
            continue  # the page title, a table of contents: not an article
        if out.chars:
            out.put("\n\n", s)
        h0 = len(out.text())
        out.keep(title, m.start(2))
        h1 = len(out.text())
        out.put("\n\n", e)
        _strip_markdown_body(raw, e, nxt, out)
        sections.append((h0, h1, len(out.text())))
    if not heads or not sections:
        _strip_markdown_body(raw, 0, len(raw), out)
    return Plain(out.text(), out.omap, sections)


def _strip_markdown_body(raw: str, start: int, end: int, out: _Builder) -> None:
    """Body text of a section: links keep their text, emphasis marks go, HTML as in `from_html`."""
    pos = start
    for m in list(_MD_LINK.finditer(raw, start, end)) + [None]:
        s = m.start() if m else end
        seg_end = min(s, end)
        if seg_end > pos:
            _strip_emphasis(raw, pos, seg_end, out)
        if m is None:
            break
        label = m.group(1)
        if label and label != "查看原文":
            out.keep(label, m.start(1))
        pos = m.end()


def _strip_emphasis(raw: str, start: int, end: int, out: _Builder) -> None:
    pos = start
    for m in _MD_EMPHASIS.finditer(raw, start, end):
        if m.start() > pos:
            _strip_html(raw, pos, m.start(), out)
        pos = m.end()
    if pos < end:
        _strip_html(raw, pos, end, out)


READERS = {".md": from_markdown, ".markdown": from_markdown, ".html": from_html, ".htm": from_html}
