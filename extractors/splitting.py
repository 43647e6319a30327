"""Split a page of text into articles, working on raw lines (before cleaning).

Signals, all general to Chinese newspapers: dateline starts (本报讯, 新华社北京1月20日电, 央视网消息,
（上接第一版）), bylines that close an article (（薄某某）, （记者 张三）), headlines = short lines without
sentence punctuation standing next to a start (before it) or after a byline (trailing headline),
and official-document titles followed by （…通过） lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import LEX

START_RE = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,10}?[0-9０-９一二三四五六七八九十]{1,3}月[0-9０-９一二三四五六七八九十]{1,3}日[电讯]|本报讯|本网讯|本台讯|[\u4e00-\u9fff]{2,8}讯(?=[（(\d])|本报[^，。,]{0,14}[电讯]|(?:新华社|中新社|人民网|新华网|央视网|中国新闻网|人民日报)[^，。,]{0,14}电"
    r"|(?:央视网|新华网|人民网|中国网|国际在线)消息|[（(]上接第?[一二三四五六七八九十\d]+版[)）]|据新华社"
    r"|(?:文[/／|｜]|文/图|图[/／])?(?:本报|新华社|人民日报)(?:特约)?记者[\u4e00-\u9fff]{2,12}$)"
)
CONT_RE = re.compile(r"^[（(]上接第?[一二三四五六七八九十\d]+版[)）]")
BYLINE_RE = re.compile(r"[（(]((?:[^（）()\n]{0,10}(?:记者|通讯员))?\s*[\u4e00-\u9fff][\u4e00-\u9fff \u3000、]{1,30}(?:摄影|摄|报道|整理)?)[)）]\s*$")
LEAD_BYLINE_RE = re.compile(r"^[□■◎●]?[\s\u3000]*(?:作者[:：]|文[/／|｜]|图[/／]|文图[/／]|文/图)?[\s\u3000]*[\u4e00-\u9fff·]{0,16}?(?:记者|通讯员)((?:[\s\u3000、]*[\u4e00-\u9fff]{1,4}){1,4})[\s\u3000、]*$"
                            r"|^作者[:：][\s\u3000]*((?:[\s\u3000、]*[\u4e00-\u9fff]{2,4}){1,4})[\s\u3000、]*$")
EDITOR_RE = re.compile(r"^[（(]?(?:责任编辑|责编|编辑|审核|校对|值班编辑)[:：]")
ADOPTED_RE = re.compile(r"^[（(].{0,40}(?:通过|公布|发布|印发)[)）]$")
HEAD_PUNCT = re.compile(r"[。，,；;？?！!：:]")


@dataclass
class Line:
    start: int
    end: int
    text: str  # whitespace removed

    @property
    def blank(self) -> bool:
        return not self.text


@dataclass
class Chunk:
    """An article as raw spans: headline lines and body range, in original offsets."""

    body_start: int
    body_end: int
    headline: list[Line] = field(default_factory=list)
    byline: str | None = None
    byline_span: tuple[int, int] | None = None
    continued: bool = False
    lead_bylines: list[Line] = field(default_factory=list)  # 本报记者 某某 lines above the start


def _lines(text: str) -> list[Line]:
    out = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        out.append(Line(pos, pos + len(body), re.sub(r"\s+", "", body)))
        pos += len(raw)
    return out


def _split_spaced(run: str) -> list[str]:
    """鲁 阳 祁 芳 (one run of single characters): two names of two characters when the second half
    starts with a surname too; five or six characters likewise (2+3, 3+2, 3+3)."""
    chars = run.rstrip("\x00")
    n = len(chars)
    splits = {4: [(2,)], 5: [(2,), (3,)], 6: [(3,), (2, 4)]}.get(n, [])
    for cut in splits:
        bounds = [0, *cut, n]
        pieces = [chars[a:b] for a, b in zip(bounds, bounds[1:])]
        if all(LEX.starts_with_surname(x) and x not in LEX.not_names for x in pieces):
            return [x + "\x00" for x in pieces]
    return [run]


def byline_names(inner: str) -> list[str] | None:
    """Names in a byline's parentheses, or None when it is not a byline (（草案）, （2024年…））."""
    s = re.sub(r"^[^记（()）]{0,16}?(?=记者|通讯员|实习生)", "", inner).strip()  # 周口日报·新周口客户端记者
    s = re.sub(r"^(?:文/图|文图|文|图)[/／|｜:：]", "", s).strip()
    s = re.sub(r"(摄影|摄|报道|整理|文/图|文图|/文|/图)$", "", s).strip()
    chunks = [c for c in re.split(r"(?:本报|新华社|央视)?(?:特约)?(?:记者|通讯员|实习生|见习记者)", s)]
    parts = []
    for c in chunks:
        for group in re.split(r"[、,，]+", c):
            ps = [p for p in re.split(r"[\s\u3000]+", group) if p]
            merged: list[str] = []
            for p in ps:  # runs of single characters are one name written spaced (郭 赟)
                if len(p) == 1 and merged and merged[-1].endswith("\x00"):
                    merged[-1] = merged[-1][:-1] + p + "\x00"
                elif len(p) == 1:
                    merged.append(p + "\x00")
                else:
                    merged.append(p)
            for m in merged:
                parts.extend(_split_spaced(m) if m.endswith("\x00") else [m])
    if not parts:
        return None
    names = []
    for p in parts:
        spaced = p.endswith("\x00")  # written 温 馨: a name, even when it is also a word
        p = p.rstrip("\x00")
        if not (2 <= len(p) <= 4) or not LEX.starts_with_surname(p) or (p in LEX.not_names and not spaced):
            return None
        if any(w in p for w in LEX.non_name_parts):
            return None
        names.append(p)
    return names


def _is_headline(line: Line) -> bool:
    t = line.text
    return (4 <= len(t) <= 40 and not HEAD_PUNCT.search(t) and not START_RE.match(t)
            and not t.startswith(("（", "(")) and not LEAD_BYLINE_RE.match(t) and not re.search(r"摄$", t))


def _leading_headline(lines: list[Line], kind: list[str], i: int, lo: int) -> tuple[list[int], bool]:
    """Indices of the headline lines above start line i (not above line lo); byline and photo
    caption lines between headline and start are skipped."""
    head: list[int] = []
    j = i - 1
    while j >= lo and kind[j] == "" and (LEAD_BYLINE_RE.match(lines[j].text) or re.search(r"摄$", lines[j].text)):
        j -= 1
    while j >= lo and kind[j] == "" and _is_headline(lines[j]) and len(head) < 6 \
            and sum(len(lines[h].text) for h in head) + len(lines[j].text) <= 48:
        head.insert(0, j)
        j -= 1
    if head:
        return head, False
    k = j  # a title block separated from the start line by blank lines
    while k >= lo and kind[k] == "blank":
        k -= 1
    blk: list[int] = []
    while k >= lo and kind[k] == "" and _is_headline(lines[k]) and len(blk) < 6 \
            and sum(len(lines[h].text) for h in blk) + len(lines[k].text) <= 48:
        blk.insert(0, k)
        k -= 1
    if blk and k < j and (k < lo or kind[k] == "blank") and sum(len(lines[h].text) for h in blk) >= 7:
        # a main title above a subtitle block, one blank line apart
        k2 = k - 1 if k >= lo and kind[k] == "blank" else k
        top: list[int] = []
        while k2 >= lo and kind[k2] == "" and _is_headline(lines[k2]) and len(top) < 3:
            top.insert(0, k2)
            k2 -= 1
        if top and (k2 < lo or kind[k2] == "blank") and sum(len(lines[h].text) for h in top + blk) <= 90:
            blk = top + blk
        return blk, True  # (shorter lines are page sections: 要闻, 综合新闻)
    return [], False


def split(text: str) -> list[Chunk]:
    """Split page text into article chunks (original offsets)."""
    lines = _lines(text)
    n = len(lines)
    kind = ["" for _ in lines]
    for i, ln in enumerate(lines):
        if ln.blank:
            kind[i] = "blank"
        elif START_RE.match(ln.text):
            kind[i] = "start"
    starts = [i for i in range(n) if kind[i] == "start"]

    def raw(line: Line) -> str:
        return text[line.start:line.end]

    heads: dict[int, list[int]] = {}
    loose: dict[int, bool] = {}
    prev = 0
    for i in starts:
        heads[i], loose[i] = _leading_headline(lines, kind, i, prev)
        prev = i + 1
    chunks: list[Chunk] = []
    gap_start = 0
    for idx, i in enumerate(starts):
        if i < gap_start:
            continue
        head_idx = [h for h in heads[i] if h >= gap_start]
        if head_idx and loose[i]:
            # a title block after blank lines: the headline printed after the previous article
            # when that one has none; never the headline of a continued article
            last = chunks[-1] if chunks else None
            if (last is not None and last.byline_span and not last.headline) or CONT_RE.match(lines[i].text):
                _gap(lines, gap_start, head_idx[0], chunks, raw)
                _gap_as_trailing(chunks, [lines[h] for h in head_idx])
                gap_start = head_idx[-1] + 1
                head_idx = []
        k0 = head_idx[-1] + 1 if head_idx else i
        while not head_idx and k0 - 1 >= gap_start and kind[k0 - 1] == "" and LEAD_BYLINE_RE.match(lines[k0 - 1].text):
            k0 -= 1
        lead = [lines[k] for k in range(k0, i) if LEAD_BYLINE_RE.match(lines[k].text)]
        _gap(lines, gap_start, head_idx[0] if head_idx else k0, chunks, raw)
        nxt = starts[idx + 1] if idx + 1 < len(starts) else n
        limit = heads[nxt][0] if nxt < n and heads.get(nxt) else nxt
        byline, bspan = None, None
        end_line = i
        k = i
        while k < limit:
            if kind[k] != "blank":
                m = BYLINE_RE.search(lines[k].text)
                rm = BYLINE_RE.search(text[lines[k].start:lines[k].end])
                if m and rm and byline_names(m.group(1)) is not None:
                    byline = m.group(1)
                    bspan = (lines[k].start + rm.start(), lines[k].start + rm.end())
                    end_line = k
                    k += 1
                    break
                end_line = k
            k += 1
        body_end = bspan[0] if bspan else lines[end_line].end
        chunks.append(Chunk(lines[i].start, body_end, [lines[h] for h in head_idx], byline, bspan,
                            bool(CONT_RE.match(lines[i].text)), lead))
        gap_start = k if byline else max(k, end_line + 1)
    _gap(lines, gap_start, n, chunks, raw)
    chunks.sort(key=lambda c: c.body_start)
    return chunks


def _gap_as_trailing(chunks: list[Chunk], head: list[Line]) -> None:
    """Title lines above a continued article: the previous article's (trailing) headline."""
    if chunks and not chunks[-1].headline:
        chunks[-1].headline = head


def _blocks(lines: list[Line], a: int, b: int) -> list[list[Line]]:
    blocks: list[list[Line]] = []
    cur: list[Line] = []
    for ln in lines[a:b]:
        if ln.blank:
            if cur:
                blocks.append(cur)
                cur = []
        else:
            cur.append(ln)
    if cur:
        blocks.append(cur)
    return blocks


def _is_title_block(block: list[Line]) -> bool:
    if ADOPTED_RE.match(block[-1].text) and all(not HEAD_PUNCT.search(l.text) for l in block[:-1]):
        return True
    total = sum(len(l.text) for l in block)
    return total <= 60 and all(_is_headline(l) or ADOPTED_RE.match(l.text) for l in block)


def _gap(lines: list[Line], a: int, b: int, chunks: list[Chunk], text_of=lambda l: l.text) -> None:
    """Lines between articles: trailing headline of the previous article, or stand-alone texts."""
    blocks = _blocks(lines, a, b)
    if not blocks:
        return
    prev = chunks[-1] if chunks and chunks[-1].body_end <= lines[a].start + 1 or (chunks and chunks[-1].byline_span) else None
    idx = 0
    if prev is not None and not prev.headline and _is_title_block(blocks[0]) and len(blocks[0]) <= 2 \
            and not any(ADOPTED_RE.match(l.text) for l in blocks[0]):
        nxt_is_body = len(blocks) > 1 and not _is_title_block(blocks[1])
        if not nxt_is_body or len(blocks) == 1:
            prev.headline = blocks[0]
            idx = 1
    cur_head: list[Line] = []
    cur_body: list[Line] = []

    def flush() -> None:
        while cur_body and EDITOR_RE.match(cur_body[-1].text):
            cur_body.pop()
        if cur_body:
            last = cur_body[-1]
            m = BYLINE_RE.search(last.text)
            names = byline_names(m.group(1)) if m else None
            if names:  # a byline closing a stand-alone text
                raw = text_of(last)
                rm = BYLINE_RE.search(raw)
                if rm:
                    bs = last.start + rm.start()
                    chunks.append(Chunk(cur_body[0].start, bs, list(cur_head), m.group(1), (bs, last.start + rm.end())))
                    return
            chunks.append(Chunk(cur_body[0].start, cur_body[-1].end, list(cur_head)))
        elif cur_head and not chunks_has(cur_head):
            chunks.append(Chunk(cur_head[0].start, cur_head[0].start, list(cur_head)))

    def chunks_has(h: list[Line]) -> bool:
        return False

    for block in blocks[idx:]:
        if _is_title_block(block):
            if cur_body:
                flush()
                cur_head, cur_body = [], []
            cur_head.extend(block)
        else:
            cur_body.extend(block)
    if cur_body or cur_head:
        flush()


def headline_text(chunk: Chunk) -> str | None:
    """The headline as one string (adoption notes like （…通过） dropped)."""
    parts = [l.text for l in chunk.headline if not ADOPTED_RE.match(l.text)]
    return "".join(parts) or None


def split_sections(text: str, sections: list[tuple[int, int, int]]) -> list[Chunk]:
    """Articles whose bounds the source marks (a Markdown heading per item): the heading is the
    headline, the rest up to the next heading the body, a closing byline read as in `split`."""
    chunks = []
    for h0, h1, end in sections:
        body_start = h1
        while body_start < end and text[body_start].isspace():
            body_start += 1
        body_end = end
        while body_end > body_start and text[body_end - 1].isspace():
            body_end -= 1
        head = [Line(h0, h1, re.sub(r"\s+", "", text[h0:h1]))]
        last = _lines(text[body_start:body_end])[-1:] if body_end > body_start else []
        byline, bspan = None, None
        if last:
            raw_last = text[body_start + last[0].start:body_start + last[0].end]
            m = BYLINE_RE.search(raw_last)
            if m and byline_names(re.sub(r"\s+", " ", m.group(1))) is not None:
                byline = m.group(1)
                bspan = (body_start + last[0].start + m.start(), body_start + last[0].start + m.end())
                body_end = bspan[0]
        chunks.append(Chunk(body_start, body_end, head, byline, bspan))
    return chunks
