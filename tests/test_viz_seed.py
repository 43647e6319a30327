"""The seed page (examples/000_…) as a store, for the viz tests.

Uses `kg.pipeline.build` when the pipeline exists and extracts something; until then, records
written by hand from the same text (spans found in the real file, so evidence is real), run
through the real `ArticleGraphBuilder` and `KgStore`. No tests here.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from extractors.cleaning import clean
from extractors.records import Article, Body, Document, Event, Evidence, Participation, Person, Place, Post
from kg.iris import IriMinter
from kg.store import GraphBatch, KgStore
from kg.triples import ArticleGraphBuilder

SEED = Path(__file__).resolve().parents[1] / "examples" / "000_4de6902b1dfc0275.txt"

RD = "阳泉市人民代表大会"
RDCW = "阳泉市人民代表大会常务委员会"
ZX = "中国人民政治协商会议山西省阳泉市委员会"
ZXCW = "中国人民政治协商会议山西省阳泉市委员会常务委员会"
SW = "中国共产党阳泉市委员会"
ZF = "阳泉市人民政府"
SRD = "山西省人民代表大会常务委员会"
RD_SESSION = "阳泉市第十六届人民代表大会第四次会议"
ZX_SESSION = "中国人民政治协商会议山西省阳泉市第十四届委员会第三次会议"
DAY = "2024-03-21"

BODIES = (
    Body(SW, "party_committee", ("市委", "中共阳泉市委")),
    Body(RD, "congress", ("市人大",)),
    Body(RDCW, "organ", ("市人大常委会",), RD),
    Body(ZX, "cppcc", ("市政协", "政协阳泉市委员会")),
    Body(ZXCW, "organ", ("市政协常委会",), ZX),
    Body(ZF, "government", ("市政府",)),
    Body(SRD, "organ", ("省人大常委会",)),
)

# (headline marker, article-end marker, date, reporters, events, [(role, person, title, quote)], [(person, title, body, written, quote)])
ARTICLES = [
    (
        "本报讯 3 月 21 日，市十六届人大四次", "市十六届人大四次会议主席团举行第三次会议",
        "市十六届人大四次会议主席团举行第三次会议", ("薄红贞",),
        [Event(f"{RD_SESSION}主席团第三次会议", "presidium_meeting", "市十六届人大四次会议主席团第三次会议",
               date=DAY, organizer=RD, parent=RD_SESSION, parent_date="2024-03-19", expected=54, present=48),
         Event(RD_SESSION, "session", "市十六届人大四次会议", date="2024-03-19", organizer=RD)],
        [("chair", "孔禄泉", "主席团常务主席", "会议由主席团常务主席孔禄泉主持")],
        [],
    ),
    (
        "中国人民政治协商会议山西省阳泉市\n第十四届委员会第三次会议政治决议", "市政协召开十四届九次常委会议第二次会议",
        "政协阳泉市第十四届委员会第三次会议政治决议", (),
        [Event(ZX_SESSION, "session", "政协阳泉市第十四届委员会第三次会议", date="2024-03-19",
               end_date=DAY, organizer=ZX, place="阳泉")],
        [("attendee", "雷健坤", "中共阳泉市委书记", "中共阳泉市委书记雷健坤等领导同志出席会议")],
        [("雷健坤", "书记", SW, "中共阳泉市委书记", "中共阳泉市委书记雷健坤"),
         ("刘文华", "市长", ZF, "市长", "刘文华市长所作政府工作报告"),
         ("郭卫东", "主席", ZX, "主席", "郭卫东主席代表政协阳泉市第十四届委员会常务委员会"),
         ("武建功", "副主席", ZX, "副主席", "武建功副主席所作提案工作情况报告")],
    ),
    (
        "市政协召开十四届九次常委会议第二次会议\n本报讯", " 本报讯 3月\n21 日下午",
        "市政协召开十四届九次常委会议第二次会议", ("魏君桦",),
        [Event("政协阳泉市第十四届委员会常务委员会第九次会议第二次会议", "standing_committee_meeting",
               "市政协十四届九次常委会议第二次会议", date=DAY, organizer=ZXCW, parent=ZX_SESSION, parent_date="2024-03-19")],
        [("chair", "郭卫东", "市政协主席", "会议由市政协主席郭卫东主持")]
        + [("attendee", n, "大会执行主席", q) for n, q in [
            ("王良义", "大会执行主席王良义"), ("徐本宁", "徐本宁"), ("张立君", "张立君"), ("史友松", "史友松"),
            ("武建功", "武建功"), ("杨红梅", "杨红梅"), ("王建义", "王建义"), ("焦文录", "焦文录出席会议")]],
        [("郭卫东", "主席", ZX, "市政协主席", "市政协主席郭卫东")],
    ),
    (
        " 本报讯 3月\n21 日下午", " 梁庆同志基本情况",
        "市政协第十四届三次会议第三次全体会议选举副主席", ("魏君桦",),
        [Event(f"{ZX_SESSION}第三次全体会议", "plenary", "市政协第十四届三次会议第三次全体会议", date=DAY,
               time_of_day="下午", organizer=ZX, parent=ZX_SESSION, parent_date="2024-03-19", expected=288, present=251)],
        [("attendee", n, None, q) for n, q in [
            ("张立君", "张立君"), ("史友松", "史友松"), ("武建功", "武建功"), ("杨红梅", "杨红梅"),
            ("王建义", "王建义"), ("焦文录", "焦文录出席会议")]]
        + [("elected", "梁庆", None, "梁庆当选为政协阳泉市第十四届委员会副主席")],
        [("梁庆", "副主席", ZX, "政协阳泉市第十四届委员会副主席", "梁庆当选为政协阳泉市第十四届委员会副主席")],
    ),
    (
        "市十六届人大四次会议议案审查委员会举行会议", "市十六届人大四次会议代表履职培训会举行",
        "市十六届人大四次会议议案审查委员会举行会议", ("张子煜",),
        [Event(f"{RD_SESSION}议案审查委员会会议", "committee_meeting", "市十六届人大四次会议议案审查委员会会议",
               date=DAY, organizer=RD, parent=RD_SESSION, parent_date="2024-03-19")],
        [("attendee", "申济", "主任委员", "议案审查委员会主任委员申济出席")],
        [],
    ),
    (
        "市十六届人大四次会议代表履职培训会举行", "市十六届人大四次会议财经委员会举行会议",
        "市十六届人大四次会议代表履职培训会举行", ("薄红贞",),
        [Event(f"{RD_SESSION}代表履职培训会", "training", "市十六届人大四次会议代表履职培训会", date="2024-03-20",
               time_of_day="晚", place="阳泉宾馆报告厅", organizer=RDCW, parent=RD_SESSION, parent_date="2024-03-19")],
        [("chair", "申济", "市人大常委会副主任", "市人大常委会副主任申济主持培训会并讲话"),
         ("speaker", "申济", "市人大常委会副主任", "申济主持培训会并讲话"),
         ("attendee", "赵素卿", "副主任", "副主任赵素卿"),
         ("attendee", "郭爱聪", "市人大常委会党组成员", "市人大常委会党组成员郭爱聪"),
         ("attendee", "李昱平", "秘书长", "秘书长李昱平等出席"),
         ("speaker", "张世文", "省人大常委会委员", "司法委员会副主任委员张世文以")],
        [("申济", "副主任", RDCW, "市人大常委会副主任", "市人大常委会副主任申济"),
         ("赵素卿", "副主任", RDCW, "副主任", "副主任赵素卿"),
         ("李昱平", "秘书长", RDCW, "秘书长", "秘书长李昱平"),
         ("张世文", "委员", SRD, "省人大常委会委员", "省人大常委会委员")],
    ),
    (
        "市十六届人大四次会议财经委员会举行会议", "（上接第一版） 坚持把医疗卫生",
        "市十六届人大四次会议财经委员会举行会议", ("毕彧年",),
        [Event(f"{RD_SESSION}财政经济委员会会议", "committee_meeting", "市十六届人大四次会议财经委员会会议",
               date=DAY, time_of_day="上午", organizer=RD, parent=RD_SESSION, parent_date="2024-03-19")],
        [("attendee", "孔禄泉", "市十六届人大常委会副主任", "市十六届人大常委会副主任孔禄泉出")],
        [("孔禄泉", "副主任", RDCW, "市十六届人大常委会副主任", "市十六届人大常委会副主任孔禄泉")],
    ),
]


def _evidence(raw: str, cl, art_start: int, art_id: str, quote: str) -> Evidence:
    i = cl.text.find(quote)
    assert i >= 0, quote
    s, e = cl.orig_span(i, i + len(quote))
    return Evidence(art_id, s, e, quote)


def seed_document(path: Path = SEED) -> Document:
    """Hand-made records for the seed page (what the extractors are meant to produce)."""
    raw = path.read_text(encoding="utf-8")
    arts = []
    for idx, (start_marker, end_marker, headline, reporters, events, parts, posts) in enumerate(ARTICLES):
        start = raw.index(start_marker)
        end = raw.index(end_marker, start + len(start_marker))
        cl = clean(raw, start, end)
        aid = f"{path.stem}#{idx}"
        names = {p[1] for p in parts} | {p[0] for p in posts}
        order: dict[tuple[str, str], int] = {}
        participations = []
        for role, name, title, quote in parts:
            key = (events[0].name, role)
            order[key] = order.get(key, 0) + 1
            post = "副主席" if role == "elected" else None
            participations.append(Participation(
                name, events[0].name, events[0].date, role, order[key], title, post,
                ZX if role == "elected" else None, _evidence(raw, cl, start, aid, quote)))
        arts.append(Article(
            aid, path.name, idx, start, end, cl.text, headline, DAY, "本报讯", reporters,
            persons=tuple(Person(n) for n in sorted(names)),
            bodies=BODIES,
            places=tuple(Place(e.place) for e in events if e.place),
            events=tuple(events),
            posts=tuple(Post(p, t, b, w, _evidence(raw, cl, start, aid, q)) for p, t, b, w, q in posts),
            participations=tuple(participations),
        ))
    sha1 = hashlib.sha1(path.read_bytes()).hexdigest()
    return Document(path.name, str(path), sha1, "utf-8", DAY, "山西省阳泉市", tuple(arts))


def hand_built_store(doc: Document | None = None) -> KgStore:
    """An in-memory store holding the hand-made seed records."""
    doc = doc or seed_document()
    minter = IriMinter()
    builder = ArticleGraphBuilder(minter)
    store = KgStore(None)
    store.replace([GraphBatch(minter.graph_prefix(doc.source), tuple(builder.document_graphs(doc)))])
    return store


def seed_store(tmp_dir: Path) -> tuple[KgStore, str]:
    """The seed page built into a store under tmp_dir: by the pipeline when it works, else by hand."""
    try:
        from kg.pipeline import build  # type: ignore[import-not-found]
    except ImportError:
        build = None
    if build is not None:
        store = KgStore(tmp_dir / "store")
        try:
            build([SEED], store)
            n = store.query("SELECT (COUNT(DISTINCT ?e) AS ?n) WHERE { ?e <https://w3id.org/pbe#chair>|<https://schema.org/attendee> ?p }")
            if int(next(iter(n))["n"].value) > 0:
                return store, "pipeline"
        except Exception:  # noqa: BLE001 - pipeline still in progress: fall back to the hand-built seed
            pass
        store.close()
    return hand_built_store(), "hand-built"
