"""Group sittings of a congress or CPPCC session, named by who took part in them:

    习近平在参加江苏代表团审议时强调…   全国政协副主席周强在参加社会福利和社会保障界委员小组讨论时说…

Each is an event of its own (a deliberation), part of the session the article names; the person
attends it and speaks there (roles.py reads 在参加…时说).
"""
from __future__ import annotations

import re

from .events import EventMention

_SITTING = re.compile(r"(?:在)?(?:参加|出席)(?P<ev>(?:[^，。；]{0,30}?)(?:代表团|委员小组|界别委员|界委员|联组)[^，。；]{0,8}?(?:审议|讨论|会议))"
                      r"(?=时)")


def group_sittings(text: str, persons, events: list[EventMention], main: EventMention | None) -> list[EventMention]:
    """Deliberation events for each 在参加…代表团审议时 / …界委员小组讨论时 the text reports."""
    sessions = {e.name: e for e in events if e.kind == "session"}
    parent = next(iter(sessions.values())) if len(sessions) == 1 else None
    out: list[EventMention] = []
    for m in _SITTING.finditer(text):
        if not any(p.end <= m.start() and text.rfind("。", p.end, m.start()) < 0 for p in persons):
            continue
        label = re.sub(r"^(?:了|的)?(?:[他她]?所在的)?", "", m.group("ev"))
        if parent is not None and label.startswith(parent.label):
            label = label[len(parent.label):]
        name = (parent.name if parent else "") + label
        if any(e.name == name for e in events + out):
            continue
        events[:] = [e for e in events if not (e.kind == "deliberation" and m.start("ev") <= e.start < m.end("ev"))]
        ev = EventMention(m.start("ev"), m.end("ev"), label, name, "deliberation", reported=True,
                          parent=parent.name if parent else None, parent_label=parent.label if parent else None)
        if main is not None:
            ev.date, ev.end_date = main.date, main.end_date
        ev.spans.append(m.span("ev"))
        out.append(ev)
    return out
