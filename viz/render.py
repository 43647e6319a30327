"""The projection → one self-contained HTML page (pyvis for the vis data, our own template).

Why our own template: pyvis 0.3.2's templates load vis-network or bootstrap from CDNs (pyvis
issues #228, #229), so a page written by them is blank offline. Here pyvis assembles the node and
edge dicts, and `template/graph.html` inlines vis-network (vendored), our CSS and JS, and the data
as JSON; a Content-Security-Policy forbids every fetch, so the page cannot reach the network.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

import networkx as nx
from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from pyvis.network import Network

from kg.iris import DEFAULT_BASE
from viz import layout
from viz.filters import body_scopes
from viz.query import ROLE_ZH, ROLES

HERE = Path(__file__).resolve().parent
VIS_JS = HERE / "vendor" / "vis-network" / "vis-network.min.js"
FONT = "'WenQuanYi Micro Hei', 'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', sans-serif"

KIND_ZH = {"person": "人物", "body": "机构", "event": "活动", "post": "职务"}
KIND_STYLE = {  # shape, fill, border
    "person": ("dot", "#e15759", "#a83537"),
    "body": ("square", "#4e79a7", "#2f4f73"),
    "event": ("diamond", "#f28e2b", "#b5651a"),
    "post": ("triangle", "#59a14f", "#3b7034"),
}
ROLE_STYLE = {  # colour, width, dashed
    "chair": ("#c0392b", 2.6, False),
    "attend": ("#8a97a6", 1.2, False),
    "speak": ("#8e44ad", 1.8, False),
    "elected": ("#1e9e5a", 2.2, False),
    "organised": ("#4e79a7", 1.4, True),
    "part_of": ("#b3b3b3", 1.2, True),
    "holds_post": ("#59a14f", 1.4, False),
}
EVENT_KIND_ZH = {
    "session": "大会会议", "plenary": "全体会议", "presidium_meeting": "主席团会议",
    "standing_committee_meeting": "常委会会议", "committee_meeting": "委员会会议", "meeting": "会议",
    "training": "培训", "deliberation": "审议讨论", "election": "选举", "symposium": "座谈会",
    "ceremony": "仪式", "plenum": "全会",
}
BODY_KIND_ZH = {
    "party": "政党", "party_committee": "党委", "congress": "人民代表大会", "cppcc": "政协",
    "government": "人民政府", "court": "人民法院", "procuratorate": "人民检察院", "organ": "机构", "other": "其他",
}
MAX_EVIDENCE = 12


@dataclass
class PageInfo:
    """What the page says about how it was made: filters applied, what was left out."""

    title: str = "人物 · 机构 · 活动"
    filters: list[str] = field(default_factory=list)  # human-readable, e.g. "人物：郭卫东"
    notes: list[str] = field(default_factory=list)  # warnings, e.g. a name that matched nothing
    truncated: str = ""  # the "how much was left out, which filter narrows it" message
    total_nodes: int = 0
    total_edges: int = 0


def entity_url(iri: str, entity_base_url: str | None, base_iri: str) -> str:
    """The server's page for an entity (`/id/person/…`), or the IRI itself when there is no server."""
    if entity_base_url is None:
        return iri
    local = iri[len(base_iri):] if iri.startswith(base_iri) else iri
    return entity_base_url + local


def _counts(g: nx.MultiDiGraph, n: str) -> dict[str, int]:
    c = {r: 0 for r in ROLES}
    for _, _, k in g.out_edges(n, keys=True):
        c[k] += 1
    return c


def _node_info(g: nx.MultiDiGraph, n: str) -> tuple[list[list[str]], list[dict[str, Any]], dict[str, Any]]:
    """(facts, evidence, hover summary) for one node, in Chinese."""
    d = g.nodes[n]
    kind = d["kind"]
    facts: list[list[str]] = [["类别", KIND_ZH[kind]]]
    evidence: list[dict[str, Any]] = list(d.get("evidence", ()))
    hover: dict[str, Any] = {}
    label = lambda m: g.nodes[m]["label"]  # noqa: E731
    if kind == "person":
        posts = [label(v) for _, v, k in g.out_edges(n, keys=True) if k == "holds_post"] + list(d.get("jobs", ()))
        c = _counts(g, n)
        dates = sorted(g.nodes[v].get("date") for _, v, k in g.out_edges(n, keys=True) if g.nodes[v]["kind"] == "event" and g.nodes[v].get("date"))
        if posts:
            facts.append(["职务", "；".join(posts)])
        facts.append(["主持 / 出席 / 讲话 / 当选", f"{c['chair']} / {c['attend']} / {c['speak']} / {c['elected']}"])
        if dates:
            facts.append(["活动日期", dates[0] if dates[0] == dates[-1] else f"{dates[0]} 至 {dates[-1]}"])
        for _, v, k, ed in g.out_edges(n, keys=True, data=True):
            evidence.extend(ed.get("evidence", ()))
        hover = {"posts": posts[:4], "dates": (dates[0], dates[-1]) if dates else None,
                 "counts": {k: c[k] for k in ("chair", "attend", "speak", "elected") if c[k]}}
    elif kind == "event":
        if d.get("eventKind"):
            facts.append(["活动类别", EVENT_KIND_ZH.get(d["eventKind"], d["eventKind"])])
        if d.get("name") and d["name"] != d["label"]:
            facts.append(["全称", d["name"]])
        when = d.get("date", "") + (f" 至 {d['end']}" if d.get("end") and d["end"] != d.get("date") else "")
        if when:
            facts.append(["日期", when + (f" {d['time']}" if d.get("time") else "")])
        if d.get("place"):
            facts.append(["地点", d["place"]])
        if d.get("expected") is not None:
            facts.append(["应到 / 实到", f"{d['expected']} / {d.get('present') if d.get('present') is not None else '—'}"])
        for u, _, k in g.in_edges(n, keys=True):
            if k == "organised":
                facts.append(["主办", label(u)])
        for _, v, k in g.out_edges(n, keys=True):
            if k == "part_of":
                facts.append(["所属活动", label(v)])
        roles = {r: [] for r in ("chair", "speak", "attend", "elected")}
        for u, _, k, ed in sorted(g.in_edges(n, keys=True, data=True), key=lambda e: (e[3].get("position") or 999, label(e[0]))):
            if k in roles:
                roles[k].append(label(u))
                evidence.extend(ed.get("evidence", ()))
        for r, names in roles.items():
            if names:
                facts.append([ROLE_ZH[r], "、".join(names)])
        hover = {"dates": (d.get("date"), d.get("end") or d.get("date")) if d.get("date") else None,
                 "counts": {r: len(v) for r, v in roles.items() if v}}
    elif kind == "body":
        if d.get("bodyKind"):
            facts.append(["机构类别", BODY_KIND_ZH.get(d["bodyKind"], d["bodyKind"])])
        if d.get("aliases"):
            facts.append(["简称", "、".join(d["aliases"])])
        for _, v, k in g.out_edges(n, keys=True):
            if k == "part_of":
                facts.append(["上级机构", label(v)])
        organised = [v for _, v, k in g.out_edges(n, keys=True) if k == "organised"]
        posts = [u for u, _, k in g.in_edges(n, keys=True) if k == "part_of" and g.nodes[u]["kind"] == "post"]
        if organised:
            facts.append(["主办活动", "、".join(label(v) for v in organised[:8]) + (" 等" if len(organised) > 8 else "")])
        holders = []
        for p in posts:
            for u, _, k, ed in g.in_edges(p, keys=True, data=True):
                if k == "holds_post":
                    holders.append(f"{g.nodes[p].get('title') or label(p)} {label(u)}")
                    evidence.extend(ed.get("evidence", ()))
        if holders:
            facts.append(["任职人员", "；".join(holders[:12]) + (" 等" if len(holders) > 12 else "")])
        hover = {"posts": holders[:4], "counts": {"organised": len(organised), "holds_post": len(holders)}}
    else:  # post
        for _, v, k in g.out_edges(n, keys=True):
            if k == "part_of":
                facts.append(["所在机构", label(v)])
        if d.get("title"):
            facts.append(["职务名称", d["title"]])
        holders = []
        for u, _, k, ed in g.in_edges(n, keys=True, data=True):
            if k == "holds_post":
                holders.append(label(u))
                evidence.extend(ed.get("evidence", ()))
        if holders:
            facts.append(["任职人员", "、".join(holders)])
        hover = {"posts": holders[:4]}
    seen, ev = set(), []
    for e in evidence:
        key = (e["article"], e["quote"], e["what"])
        if key not in seen:
            seen.add(key)
            ev.append(e)
    ev.sort(key=lambda e: (e.get("date") or "", e["what"]), reverse=True)
    return facts, ev[:MAX_EVIDENCE], hover


def wrap(text: str, width: int = 12) -> str:
    """Break a long Chinese name into lines of about `width` characters, evenly."""
    if len(text) <= width + 2:
        return text
    lines = -(-len(text) // width)
    step = -(-len(text) // lines)
    return "\n".join(text[i:i + step] for i in range(0, len(text), step))


def display_label(g: nx.MultiDiGraph, n: str) -> str:
    """What is written on the node: persons as named, posts as '<body short form> <title>', others wrapped."""
    d = g.nodes[n]
    if d["kind"] == "person":
        return d["label"]
    if d["kind"] == "post":
        body = next((v for _, v, k in g.out_edges(n, keys=True) if k == "part_of"), None)
        aliases = g.nodes[body].get("aliases") if body else None
        if aliases and d.get("title"):
            return wrap(min(aliases, key=len) + d["title"])
        return wrap(d.get("title") or d["label"])
    return wrap(d["label"])


def _edge_label(k: str, d: dict[str, Any]) -> str:
    if k == "holds_post":
        return "任职"
    if d.get("position") is not None and k in ("attend", "chair", "speak", "elected"):
        return f"{ROLE_ZH[k]} #{d['position']}"
    return ROLE_ZH[k]


def build_network(
    g: nx.MultiDiGraph, *, entity_base_url: str | None, base_iri: str = DEFAULT_BASE
) -> tuple[list, list, list, dict, dict, bool]:
    """pyvis nodes and edges, kept lean for vis-network (ids are small ints, styles come from
    groups), plus what only the page's own code reads: per-node info (same order as the nodes)
    and per-edge info; then the vis options and whether physics runs."""
    big = g.number_of_nodes() > layout.SMALL
    pos = layout.positions(g)
    scopes = body_scopes(g)
    ids = {n: i for i, n in enumerate(g)}
    net = Network(directed=True, cdn_resources="remote")
    net.node_ids = _IdList()  # pyvis checks ids against a list: O(n) per node and per edge
    infos: list[dict[str, Any]] = []
    for n, d in g.nodes(data=True):
        facts, evidence, hover = _node_info(g, n)
        c = _counts(g, n) if d["kind"] == "person" else {}
        size = {"person": 10 + 5 * (c.get("chair", 0) + c.get("attend", 0)) ** 0.5, "body": 15, "event": 14, "post": 9}[d["kind"]]
        net.add_node(ids[n], label=display_label(g, n), group=d["kind"], size=round(min(size, 40), 1),
                     x=pos[n][0], y=pos[n][1])
        infos.append({
            "id": ids[n], "name": d["label"], "kind": d["kind"], "iri": n, "url": entity_url(n, entity_base_url, base_iri),
            "date": d.get("date", ""), "ekind": d.get("eventKind", ""), "bodies": [ids[b] for b in scopes.get(n, ())],
            "facts": facts, "evidence": evidence, "hover": hover,
        })
    edge_info: dict[str, list[str]] = {}
    for u, v, k, d in g.edges(keys=True, data=True):
        colour, width, dashed = ROLE_STYLE[k]
        eid = f"{ids[u]}-{k}-{ids[v]}"
        net.add_edge(ids[u], ids[v], id=eid, role=k, label="" if big else _edge_label(k, d),
                     color=colour, width=width, **({"dashes": True} if dashed else {}))
        edge_info[eid] = [_edge_label(k, d), d.get("title") or ""]
    nodes, edges, *_ = net.get_network_data()
    for node in nodes:
        del node["shape"]  # pyvis sets "dot" on every node, which would override the group's shape
    for e in edges:
        del e["arrows"]  # pyvis sets it on every edge; the global edge option says the same
    return nodes, edges, infos, edge_info, vis_options(big), not big


class _IdList(list):
    """pyvis's node id list with a set beside it, so `id in node_ids` is O(1) at 5,000 nodes."""

    def __init__(self) -> None:
        super().__init__()
        self._set: set[Any] = set()

    def append(self, item: Any) -> None:
        self._set.add(item)
        super().append(item)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def vis_options(big: bool) -> dict[str, Any]:
    """vis-network options: physics settles small graphs (then the page freezes it); big ones start still."""
    return {
        "autoResize": True,
        "nodes": {"font": {"face": FONT, "size": 16, "color": "#222", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "borderWidth": 1.5, "borderWidthSelected": 3},
        "edges": {"arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "font": {"face": FONT, "size": 11, "color": "#555", "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
                  "smooth": False if big else {"enabled": True, "type": "continuous", "roundness": 0.3},
                  "selectionWidth": 1.5},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False, "keyboard": False,
                        "hideEdgesOnDrag": big, "hideEdgesOnZoom": big, "multiselect": False},
        "physics": {"enabled": not big, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.008, "springLength": 110,
                                         "springConstant": 0.06, "damping": 0.5, "avoidOverlap": 0.4},
                    "stabilization": {"enabled": True, "iterations": 400, "updateInterval": 50, "fit": True},
                    "minVelocity": 0.75},
        "layout": {"improvedLayout": False, "randomSeed": 7},
        "groups": {
            kind: {"shape": shape, "color": {"background": fill, "border": border,
                                             "highlight": {"background": fill, "border": "#222"},
                                             "hover": {"background": fill, "border": "#222"}}}
            for kind, (shape, fill, border) in KIND_STYLE.items()
        },
    }


@lru_cache(maxsize=1)
def _vis_js() -> str:
    text = VIS_JS.read_text(encoding="utf-8")
    # no source map (a devtools fetch), and nothing that could close the inline <script>
    text = "\n".join(line for line in text.splitlines() if not line.startswith("//# sourceMappingURL"))
    if "</script" in text.lower():
        raise RuntimeError("vendored vis-network contains '</script'; cannot inline it")
    return text


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=FileSystemLoader(str(HERE / "template")), autoescape=select_autoescape(["html"]))


def _json_for_script(data: Any) -> Markup:
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def render_html(g: nx.MultiDiGraph, info: PageInfo, *, entity_base_url: str | None = None, base_iri: str = DEFAULT_BASE) -> str:
    """The page for this (already filtered and capped) projection."""
    nodes, edges, infos, edge_info, options, physics = build_network(g, entity_base_url=entity_base_url, base_iri=base_iri)
    kinds_present = sorted({n["ekind"] for n in infos if n["ekind"]})
    bodies = sorted((n for n in infos if n["kind"] == "body"), key=lambda n: n["name"])
    data = {
        "nodes": nodes,
        "edges": edges,
        "info": infos,
        "edgeInfo": edge_info,
        "options": options,
        "physics": physics,
        "meta": {
            "title": info.title, "filters": info.filters, "notes": info.notes, "truncated": info.truncated,
            "totalNodes": info.total_nodes or len(nodes), "totalEdges": info.total_edges or len(edges),
            "roles": [[r, ROLE_ZH[r], ROLE_STYLE[r][0], ROLE_STYLE[r][2]] for r in ROLES if any(e["role"] == r for e in edges)],
            "eventKinds": [[k, EVENT_KIND_ZH.get(k, k)] for k in kinds_present],
            "bodies": [[b["id"], b["name"]] for b in bodies],
            "kinds": [[k, KIND_ZH[k], KIND_STYLE[k][0], KIND_STYLE[k][1]] for k in KIND_STYLE],
            "hasServer": entity_base_url is not None,
        },
    }
    tpl = _env().get_template("graph.html")
    return tpl.render(
        title=info.title,
        vis_js=Markup(_vis_js()),
        app_js=Markup((HERE / "template" / "graph.js").read_text(encoding="utf-8")),
        app_css=Markup((HERE / "template" / "graph.css").read_text(encoding="utf-8")),
        data_json=_json_for_script(data),
        font=FONT,
    )
