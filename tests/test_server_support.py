"""Support for the server tests (no tests here): a real store built from text, real servers.

The store is built from records made by hand from the sample page's first two articles (the same
text, evidence offsets into it), through `kg.triples.ArticleGraphBuilder` and `KgStore.replace`, so
the tests do not depend on the extractors' accuracy. Servers are real uvicorn servers on
127.0.0.1 (a free port, in a thread), stopped cleanly.
"""
from __future__ import annotations

import hashlib
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from extractors.records import Article, Body, Document, Event, Evidence, Participation, Person, Post
from kg.iris import IriMinter
from kg.server.app import create_app
from kg.server.cli import close_store
from kg.server.settings import Settings
from kg.store import GraphBatch, KgStore
from kg.triples import ArticleGraphBuilder

SOURCE = "000_4de6902b1dfc0275.txt"
CONGRESS = "阳泉市人民代表大会"
CPPCC = "中国人民政治协商会议山西省阳泉市委员会"
PARTY = "中国共产党阳泉市委员会"
GOVERNMENT = "阳泉市人民政府"
SESSION = "阳泉市第十六届人民代表大会第四次会议"
PRESIDIUM3 = "阳泉市第十六届人民代表大会第四次会议主席团第三次会议"
CPPCC_SESSION = "中国人民政治协商会议山西省阳泉市第十四届委员会第三次会议"
CLOSING = "阳泉市第十六届人民代表大会第四次会议闭幕会"

TEXT0 = ("本报讯 3 月 21 日，市十六届人大四次会议主席团举行第三次会议。会议由主席团常务主席孔禄泉主持。"
         "会议应到 54 人，实到 48 人，符合法定人数。会议以举手表决的方式通过了市十六届人大四次会议代表联合提名"
         "候选人名单草案，提交各代表团酝酿讨论。（薄红贞）")
TEXT1 = ("中国人民政治协商会议山西省阳泉市第十四届委员会第三次会议，于2024年3月19日至21日在阳泉举行。"
         "中共阳泉市委书记雷健坤等领导同志出席会议并参加联组讨论，同委员共商改革发展大计。"
         "会议听取并讨论刘文华市长所作政府工作报告。会议审议批准郭卫东主席代表政协阳泉市第十四届委员会常务委员会所作工作报告，"
         "审议批准武建功副主席所作提案工作情况报告。")
TEXT2 = ("3月22日上午，市十六届人大四次会议举行闭幕会。孔禄泉主持会议。雷健坤、刘文华、郭卫东出席。"
         "会议选举王建义为市人大常委会副主任。雷健坤在闭幕会上讲话。")


def _ev(article_id: str, text: str, quote: str, offset: int = 0) -> Evidence:
    at = text.index(quote)
    return Evidence(article_id, offset + at, offset + at + len(quote), quote)


def sample_document() -> Document:
    """Three articles: a presidium meeting, the CPPCC session, the congress's closing sitting."""
    a0, a1, a2 = f"{SOURCE}#0", f"{SOURCE}#1", f"{SOURCE}#2"
    congress = Body(CONGRESS, "congress", aliases=("市人大",))
    standing = Body("阳泉市人民代表大会常务委员会", "congress", aliases=("市人大常委会",), parent=CONGRESS)
    cppcc = Body(CPPCC, "cppcc", aliases=("市政协", "政协阳泉市委员会"))
    party = Body(PARTY, "party_committee", aliases=("中共阳泉市委", "市委"))
    gov = Body(GOVERNMENT, "government", aliases=("市政府",))
    session = Event(SESSION, "session", label="市十六届人大四次会议", date="2024-03-19", end_date="2024-03-22",
                    organizer=CONGRESS)
    presidium = Event(PRESIDIUM3, "presidium_meeting", label="市十六届人大四次会议主席团第三次会议",
                      date="2024-03-21", organizer=CONGRESS, parent=SESSION, parent_date="2024-03-19",
                      expected=54, present=48, evidence=(_ev(a0, TEXT0, "市十六届人大四次会议主席团举行第三次会议"),))
    cppcc_session = Event(CPPCC_SESSION, "session", label="市政协十四届三次会议", date="2024-03-19",
                          end_date="2024-03-21", organizer=CPPCC, place="阳泉")
    closing = Event(CLOSING, "plenary", label="市十六届人大四次会议闭幕会", date="2024-03-22", time_of_day="上午",
                    organizer=CONGRESS, parent=SESSION, parent_date="2024-03-19")
    art0 = Article(
        id=a0, source=SOURCE, index=0, start=0, end=len(TEXT0), text=TEXT0,
        headline="市十六届人大四次会议主席团举行第三次会议", date_published="2024-03-22", dateline="本报讯",
        reporters=("薄红贞",), persons=(Person("孔禄泉"), Person("薄红贞")), bodies=(congress,),
        events=(session, presidium),
        posts=(Post("孔禄泉", "常务主席", None, "主席团常务主席", _ev(a0, TEXT0, "会议由主席团常务主席孔禄泉主持")),),
        participations=(Participation("孔禄泉", PRESIDIUM3, "2024-03-21", "chair", 1, "主席团常务主席",
                                      evidence=_ev(a0, TEXT0, "会议由主席团常务主席孔禄泉主持")),),
    )
    art1 = Article(
        id=a1, source=SOURCE, index=1, start=1000, end=1000 + len(TEXT1), text=TEXT1,
        headline="政协阳泉市第十四届委员会第三次会议政治决议", date_published="2024-03-22",
        persons=tuple(Person(n) for n in ("雷健坤", "刘文华", "郭卫东", "武建功")),
        bodies=(cppcc, party, gov), events=(cppcc_session,),
        posts=(
            Post("雷健坤", "书记", PARTY, "中共阳泉市委书记", _ev(a1, TEXT1, "中共阳泉市委书记雷健坤", 1000)),
            Post("刘文华", "市长", GOVERNMENT, "市长", _ev(a1, TEXT1, "刘文华市长", 1000)),
            Post("郭卫东", "主席", CPPCC, "主席", _ev(a1, TEXT1, "郭卫东主席", 1000)),
            Post("武建功", "副主席", CPPCC, "副主席", _ev(a1, TEXT1, "武建功副主席", 1000)),
        ),
        participations=(
            Participation("雷健坤", CPPCC_SESSION, "2024-03-19", "attendee", 1, "中共阳泉市委书记",
                          evidence=_ev(a1, TEXT1, "中共阳泉市委书记雷健坤等领导同志出席会议", 1000)),
            Participation("郭卫东", CPPCC_SESSION, "2024-03-19", "speaker", 1, "主席",
                          evidence=_ev(a1, TEXT1, "郭卫东主席代表政协阳泉市第十四届委员会常务委员会所作工作报告", 1000)),
            Participation("武建功", CPPCC_SESSION, "2024-03-19", "speaker", 2, "副主席",
                          evidence=_ev(a1, TEXT1, "武建功副主席所作提案工作情况报告", 1000)),
        ),
    )
    art2 = Article(
        id=a2, source=SOURCE, index=2, start=3000, end=3000 + len(TEXT2), text=TEXT2,
        headline="市十六届人大四次会议闭幕", date_published="2024-03-23",
        persons=tuple(Person(n) for n in ("孔禄泉", "雷健坤", "刘文华", "郭卫东", "王建义")),
        bodies=(congress, standing), events=(session, closing),
        participations=(
            Participation("孔禄泉", CLOSING, "2024-03-22", "chair", 1, evidence=_ev(a2, TEXT2, "孔禄泉主持会议", 3000)),
            Participation("雷健坤", CLOSING, "2024-03-22", "attendee", 1, evidence=_ev(a2, TEXT2, "雷健坤、刘文华、郭卫东出席", 3000)),
            Participation("刘文华", CLOSING, "2024-03-22", "attendee", 2, evidence=_ev(a2, TEXT2, "雷健坤、刘文华、郭卫东出席", 3000)),
            Participation("郭卫东", CLOSING, "2024-03-22", "attendee", 3, evidence=_ev(a2, TEXT2, "雷健坤、刘文华、郭卫东出席", 3000)),
            Participation("雷健坤", CLOSING, "2024-03-22", "speaker", 1, evidence=_ev(a2, TEXT2, "雷健坤在闭幕会上讲话", 3000)),
            Participation("王建义", CLOSING, "2024-03-22", "elected", 1, post="副主任", post_body="阳泉市人民代表大会常务委员会",
                          evidence=_ev(a2, TEXT2, "会议选举王建义为市人大常委会副主任", 3000)),
        ),
    )
    raw = (TEXT0 + TEXT1 + TEXT2).encode("utf-8")
    return Document(SOURCE, f"examples/{SOURCE}", hashlib.sha1(raw).hexdigest(), "utf-8", "2024-03-22",
                    "山西省阳泉市", (art0, art1, art2))


def build_store(path: Path) -> Path:
    """Write the sample document's graphs into a store on disk (closed again)."""
    minter = IriMinter()
    builder = ArticleGraphBuilder(minter)
    doc = sample_document()
    with KgStore(path) as store:
        store.replace([GraphBatch(minter.graph_prefix(doc.source), tuple(builder.document_graphs(doc)))])
    return path


def copy_store(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst)
    return dst


class RunningServer:
    """A uvicorn server in a thread on a free 127.0.0.1 port."""

    def __init__(self, settings: Settings, store: KgStore) -> None:
        self.store = store
        self.app = create_app(settings, store)
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        config = uvicorn.Config(self.app, log_level="warning", lifespan="on", timeout_graceful_shutdown=5)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def start(self) -> RunningServer:
        self.thread.start()
        deadline = time.monotonic() + 60
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=30)
        self.sock.close()


@contextmanager
def serve(settings: Settings, store_dir: Path, *, read_only: bool = True) -> Iterator[RunningServer]:
    store = KgStore(store_dir, read_only=read_only)
    server = RunningServer(settings, store).start()
    try:
        yield server
    finally:
        server.stop()
        close_store(store)
