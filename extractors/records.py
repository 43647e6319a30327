"""Plain records that extractors hand to the graph builder.

These frozen dataclasses are the only bridge between `extractors/` and `kg/`: no spaCy type leaves
extractors and no rdflib type enters them. Every fact carries an `Evidence` that points back to the
characters of the original file it was read from.

Identity keys (what makes two records "the same thing" across articles):

- a `Person` is keyed by `name` (plus `disambiguator` when one name is known to cover two people);
- a `Body` is keyed by its canonical full `name` (e.g. 中国人民政治协商会议山西省阳泉市委员会);
- an `Event` is keyed by its canonical `name` plus `date` (ISO, may be None).

Records refer to each other by these keys, never by object identity, so records built from
different articles merge by plain equality.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Role = Literal["chair", "attendee", "speaker", "elected"]
ROLES: tuple[Role, ...] = ("chair", "attendee", "speaker", "elected")


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: character offsets into the original (uncleaned) file text."""

    article_id: str
    start: int
    end: int
    text: str  # the quoted characters, cleaned (wraps joined), for display


@dataclass(frozen=True)
class Person:
    """A named person. `name` is the full name as normalised (no spaces, wraps joined)."""

    name: str
    mentions: tuple[Evidence, ...] = ()
    disambiguator: str | None = None  # set only when the same name must stay two people


@dataclass(frozen=True)
class Body:
    """An organisation: party committee, congress, CPPCC, government, court, their organs.

    `name` is the canonical full form; `aliases` are the surface forms seen in the text
    (short forms like 市政协 included); `parent` is the canonical name of the body it belongs to.
    """

    name: str
    kind: str  # party | party_committee | congress | cppcc | government | court | procuratorate | organ | other
    aliases: tuple[str, ...] = ()
    parent: str | None = None
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Place:
    """A named place or venue (阳泉宾馆报告厅, 北京)."""

    name: str
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Event:
    """A meeting, session, training, deliberation or election reported in an article.

    `parent` is the canonical name of the larger event (a plenary of a session); `organizer` is a
    body's canonical name. Dates are ISO strings; an unresolved date stays None (never invented).
    """

    name: str  # canonical full name, e.g. 阳泉市第十六届人民代表大会第四次会议主席团第三次会议
    kind: str  # session | plenary | presidium_meeting | standing_committee_meeting | committee_meeting |
    #            meeting | training | deliberation | election | symposium | ceremony | plenum
    label: str = ""  # the name as written (short form), e.g. 市十六届人大四次会议主席团第三次会议
    aliases: tuple[str, ...] = ()
    date: str | None = None  # YYYY-MM-DD
    end_date: str | None = None
    time_of_day: str | None = None  # 上午 | 下午 | 晚 | 14时 ...
    place: str | None = None
    organizer: str | None = None
    parent: str | None = None  # canonical name of the super-event
    parent_date: str | None = None
    expected: int | None = None  # 应到
    present: int | None = None  # 实到
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True)
class Post:
    """A post a person holds, as stated in the text (市政协主席 → 主席 in 市政协)."""

    person: str
    title: str  # 主席, 副主任, 书记 ...
    body: str | None  # canonical body name, None when the text gives no body
    as_written: str  # 市政协主席
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Participation:
    """A person's role at an event, with the position in the order the text lists them (1-based)."""

    person: str
    event: str  # canonical event name
    event_date: str | None
    role: Role
    position: int
    title_as_written: str | None = None  # the title written before the name in this mention
    post: str | None = None  # for `elected`: the post elected to (副主席)
    post_body: str | None = None  # for `elected`: the body of that post
    evidence: Evidence | None = None


@dataclass(frozen=True)
class Article:
    """One article of a page, with everything extracted from it."""

    id: str  # stable within a source: "<source-stem>#<n>"
    source: str  # file name the article came from
    index: int  # 0-based position on the page
    start: int  # character span of the article in the original file
    end: int
    text: str  # cleaned text of the article
    headline: str | None = None
    date_published: str | None = None  # YYYY-MM-DD
    dateline: str | None = None  # 本报讯 / 新华社北京1月20日电
    reporters: tuple[str, ...] = ()
    continued: bool = False  # （上接第一版）
    persons: tuple[Person, ...] = ()
    bodies: tuple[Body, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    posts: tuple[Post, ...] = ()
    participations: tuple[Participation, ...] = ()


@dataclass(frozen=True)
class Document:
    """A source file: its articles, publication date and locale as resolved."""

    source: str  # file name
    path: str  # path as given
    sha1: str  # of the raw bytes, for provenance
    encoding: str
    date_published: str | None
    locale: str | None  # e.g. 山西省阳泉市
    articles: tuple[Article, ...] = field(default_factory=tuple)
