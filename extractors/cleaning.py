"""Clean PDF-extracted Chinese text while keeping an exact map back to the original characters.

Why: PDF text wraps lines inside names and dates (王\\n建义, 3 月 21 日) and spreads words (郭 赟).
Every later step works on the cleaned text; `Cleaned.orig_span` turns a cleaned span back into
offsets of the original decoded file, so evidence always quotes the source exactly.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# full-width digits and Latin letters -> ASCII (same length, so offsets stay 1:1)
_FW = {c: c - 0xFEE0 for c in list(range(0xFF10, 0xFF1A)) + list(range(0xFF21, 0xFF3B)) + list(range(0xFF41, 0xFF5B))}
_FW[0xFF05] = ord("%")
_FW[0xFF0E] = ord(".")  # only matters between digits; harmless elsewhere in this text type
_WS = re.compile(r"\s+")
_ASCII_PUNCT = re.compile(r"(?<!\d)[,;:](?!\d)|[,;:](?=\D)|[()!?]")
_FULL = {",": "，", ";": "；", ":": "：", "(": "（", ")": "）", "!": "！", "?": "？"}
FINAL = set("。！？!?")
CLOSERS = set("”’」』）)】")
_ASCII_WORD = re.compile(r"[A-Za-z0-9]")
# a roster: four or more names (with their （女）, （满族） notes) set apart by ideographic or double spaces
_ROSTER = re.compile(r"(?:[\u4e00-\u9fff·]{2,6}(?:（[^（）\n]{1,10}）)?(?:\u3000[\u3000 ]*| {2,})){3,}[\u4e00-\u9fff·]{2,6}(?:（[^（）\n]{1,10}）)?")


@dataclass(frozen=True)
class Cleaned:
    """Cleaned text plus, for each cleaned char, the index of the original char it came from."""

    text: str
    omap: tuple[int, ...]

    def orig_span(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering cleaned [start, end) (clamped to the text)."""
        end = min(end, len(self.omap))
        start = min(start, end)
        if end <= start:
            o = self.omap[start] if start < len(self.omap) else (self.omap[-1] + 1 if self.omap else 0)
            return o, o
        return self.omap[start], self.omap[end - 1] + 1


def _is_paragraph_end(prev: str, prev2: str) -> bool:
    return prev in FINAL or (prev in CLOSERS and prev2 in FINAL)


def clean(text: str, start: int = 0, end: int | None = None) -> Cleaned:
    """Clean text[start:end]: join wraps, drop spaces inside Chinese, keep paragraph ends as '\\n'."""
    end = len(text) if end is None else end
    seg = text[start:end].translate(_FW)
    if _ASCII_PUNCT.search(seg):  # ASCII punctuation in Chinese text -> full-width (same length)
        seg = _ASCII_PUNCT.sub(lambda m: _FULL[m.group()], seg)
    out: list[str] = []
    omap: list[int] = []
    pos = 0
    n = len(seg)
    rosters = [r.span() for r in _ROSTER.finditer(seg)] if "\u3000" in seg or "  " in seg else []
    for m in _WS.finditer(seg):
        s, e = m.span()
        if s > pos:
            out.append(seg[pos:s])
            omap.extend(range(start + pos, start + s))
        pos = e
        if s == 0 or e == n:
            continue  # leading / trailing whitespace
        prev, nxt = seg[s - 1], seg[e]
        prev2 = seg[s - 2] if s >= 2 else ""
        ascii_pair = bool(_ASCII_WORD.match(prev) and _ASCII_WORD.match(nxt))
        if "\n" in m.group() and _is_paragraph_end(prev, prev2):
            out.append("\n")
            omap.append(start + s)
        elif rosters and any(a < s and e <= b for a, b in rosters):
            out.append("、")  # 丁学东　丁薛祥　万立骏: a roster's names apart, as a list
            omap.append(start + s)
        elif ascii_pair and not (prev.isdigit() and nxt.isdigit() and "\n" in m.group()):
            out.append(" ")
            omap.append(start + s)
    if pos < n:
        out.append(seg[pos:])
        omap.extend(range(start + pos, start + n))
    return Cleaned("".join(out), tuple(omap))


def squash(s: str) -> str:
    """Remove all whitespace (for comparing names and quotes)."""
    return _WS.sub("", s)
