"""Dates in Chinese news: 2024年3月19日至21日, 3 月 21 日下午, 一月二十一日, 20日, 今天/昨天.

A bare month-day takes its year from the context (publication date, or a full date stated on the
page); with no year known the date stays None - dates are never invented.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from .numerals import to_int

_Y = r"(?P<y>\d{4}|[〇零○一二三四五六七八九]{4})年"
_M = r"(?P<m>\d{1,2}|[一二三四五六七八九十]{1,3})月"
_D = r"(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})[日号]"
_TOD = r"(?P<tod>上午|下午|晚上|晚间|晚|早上|早晨|凌晨|中午|傍晚|夜间|夜)?(?P<hm>\d{1,2}[时点](?:\d{1,2}分|半)?)?"
_RANGE = r"(?:(?:至|到|—|–|-|~|～)(?:(?P<m2>\d{1,2}|[一二三四五六七八九十]{1,3})月)?(?P<d2>\d{1,2}|[一二三四五六七八九十]{1,3})[日号])?"
FULL_RE = re.compile(rf"(?:{_Y})?{_M}{_D}{_RANGE}{_TOD}")
DAY_RE = re.compile(rf"(?<![月\d一二三四五六七八九十])(?P<d>\d{{1,2}})日{_RANGE}{_TOD}")
REL_RE = re.compile(rf"(?P<rel>今天|今日|昨天|昨日|前天|前日|明天|明日){_TOD}")
YEAR_FULL_RE = re.compile(rf"{_Y}{_M}{_D}")
FILENAME_RE = re.compile(r"(?<!\d)(20\d{2}|19\d{2})[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)")
_REL = {"今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2, "前日": -2, "明天": 1, "明日": 1}
_TOD_NORM = {"晚上": "晚", "晚间": "晚", "夜": "晚", "夜间": "晚", "早晨": "早上"}


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    date: str | None
    end_date: str | None = None
    time_of_day: str | None = None
    explicit_year: bool = False


def iso(y: int | None, m: int | None, d: int | None) -> str | None:
    if not (y and m and d):
        return None
    try:
        return dt.date(y, m, d).isoformat()
    except ValueError:
        return None


def date_from_filename(name: str) -> str | None:
    m = FILENAME_RE.search(name)
    return iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


_HEADER_RE = re.compile(rf"{_Y}{_M}{_D}\s*(?:星期|周)?[一二三四五六日天]?")


def header_date(text: str) -> str | None:
    """The issue date printed in a page header (2024年3月22日 星期五) in the first lines, if any."""
    head = "\n".join(text.splitlines()[:3])
    head = re.sub(r"[ \t\u3000]+", "", head)
    for m in _HEADER_RE.finditer(head):
        line = head[head.rfind("\n", 0, m.start()) + 1:]
        line = line[:line.find("\n")] if "\n" in line else line
        if len(line) <= 40 and not re.search(r"[，。；]|通过|召开|举行", line):  # a header, not a sentence
            return iso(to_int(m.group("y")), to_int(m.group("m")), to_int(m.group("d")))
    return None


def page_year(text: str) -> int | None:
    """Year of the latest full date written on the page (2024年3月21日), else None."""
    ys = [to_int(m.group("y")) for m in YEAR_FULL_RE.finditer(text)]
    ys = [y for y in ys if y and 1949 <= y <= 2100]
    return max(ys) if ys else None


def _tod(m: re.Match) -> str | None:
    t, hm = m.group("tod"), m.group("hm")
    t = _TOD_NORM.get(t, t) if t else None
    return t or hm or None


def find_dates(text: str, year: int | None, ref: str | None = None) -> list[DateMention]:
    """All dates in text. `year` resolves bare month-days; `ref` (ISO) resolves 今天/昨天 and 20日."""
    out: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    refd = dt.date.fromisoformat(ref) if ref else None
    for m in FULL_RE.finditer(text):
        y = to_int(m.group("y")) if m.group("y") else year
        mo, d = to_int(m.group("m")), to_int(m.group("d"))
        if not m.group("y") and refd and y == refd.year and mo and mo > refd.month + 1:
            y -= 1  # 12月30日 in a January issue: last year
        start = iso(y, mo, d)
        end = None
        if m.group("d2"):
            mo2 = to_int(m.group("m2")) if m.group("m2") else mo
            end = iso(y, mo2, to_int(m.group("d2")))
        out.append(DateMention(m.start(), m.end(), start, end, _tod(m), bool(m.group("y"))))
        taken.append(m.span())
    for m in DAY_RE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        d = int(m.group("d"))
        date = None
        if refd and 1 <= d <= 31:
            y, mo = refd.year, refd.month
            if d > refd.day:
                y, mo = (y - 1, 12) if mo == 1 else (y, mo - 1)
            date = iso(y, mo, d)
        out.append(DateMention(m.start(), m.end(), date, None, _tod(m)))
    for m in REL_RE.finditer(text):
        date = (refd + dt.timedelta(days=_REL[m.group("rel")])).isoformat() if refd else None
        out.append(DateMention(m.start(), m.end(), date, None, _tod(m)))
    out.sort(key=lambda x: x.start)
    return out
