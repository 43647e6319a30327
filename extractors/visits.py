"""The activities of a state visit reported with its talks: a welcome ceremony, a banquet, a
signing, a joint press meeting — each its own event (one event per real-world activity), with the
two sides present. Those who 参加上述活动 take part in all of them (see roles.py).

    普京在乔治大厅为习近平举行隆重欢迎仪式。… 两国元首共同签署了…联合声明 … 当晚，普京为习近平举行了隆重欢迎宴会。
"""
from __future__ import annotations

import re

from .events import EventMention

_HOSTED = re.compile(r"为(?P<guest>[\u4e00-\u9fff·]{2,12}?)(?:夫妇)?举行(?:了)?(?:隆重的?|盛大的?|简短的?)?"
                     r"(?P<what>欢迎仪式|欢迎宴会|欢迎午宴|欢迎晚宴|国宴|宴会|午宴|晚宴|送行仪式|欢送仪式)")
_JOINT = re.compile(r"(?:两国元首|双方|两国领导人|两国总理)(?:还)?(?:共同)?(?P<what>签署(?:并发表)?了?|见证(?:了)?[^，。；]{0,30}?签署|会见了?记者|出席[^，。；]{0,20}?仪式)")


def visit_activities(text: str, persons, main: EventMention | None) -> list[EventMention]:
    """Events for the activities around the talks `main` reports (only when `main` has two sides)."""
    if main is None or len(main.parties) != 2:
        return []
    by_name = {p.name: p for p in persons}
    out: list[EventMention] = []
    for m in _HOSTED.finditer(text):
        guest = by_name.get(m.group("guest"))
        host = next((p for p in persons if p.end <= m.start() and text.rfind("。", p.end, m.start()) < 0
                     and p.start >= max(text.rfind(c, 0, m.start()) for c in "。\n")), None)
        if guest is None or host is None:
            continue
        what = m.group("what")
        ev = EventMention(m.start(), m.end(), what, f"{host.name}为{guest.name}举行{what}", "ceremony", reported=True,
                          parties=(host, guest))
        out.append(ev)
    for m in _JOINT.finditer(text):
        what = m.group("what")
        if what.startswith("签署") or "签署" in what:
            label = "签署" + _object(text, m.end())
        elif what.startswith("会见"):
            label = "共同会见记者"
        else:
            label = what
        ev = EventMention(m.start(), m.end(), label, f"{main.name}{label}", "ceremony", reported=True,
                          parties=main.parties)
        out.append(ev)
    for ev in out:
        ev.date, ev.end_date, ev.time_of_day = main.date, main.end_date, None
        ev.spans.append((ev.start, ev.end))
    return out


def _object(text: str, pos: int) -> str:
    """What was signed: 联合声明, 合作文件 (the last such noun before the clause ends)."""
    clause = re.split(r"[，。；]", text[pos:pos + 120], maxsplit=1)[0]
    m = re.findall(r"联合声明|合作文件|协议|协定|备忘录|文件", clause)
    return m[-1] if m else "文件"
