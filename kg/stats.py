"""Counts by class and by role, for `kg stats` and the server's home page."""
from __future__ import annotations

from kg.store import KgStore
from kg.vocab import PREFIXES

CLASSES = {
    "persons": "schema:Person",
    "bodies": "org:Organization",
    "events": "schema:Event",
    "articles": "schema:NewsArticle",
    "posts": "org:Post",
    "participations": "pbe:Participation",
}
ROLES = {"chair": "pbe:chair", "attendee": "schema:attendee", "speaker": "pbe:speaker", "elected": "pbe:elected", "author": "schema:author"}


def _prologue() -> str:
    return "".join(f"PREFIX {k}: <{v}>\n" for k, v in PREFIXES.items())


def graph_stats(store: KgStore) -> dict[str, dict[str, int]]:
    """{'classes': {...}, 'roles': {...}, 'totals': {'triples': n, 'graphs': n}} in one query each."""
    cls_values = " ".join(f'("{k}" {v})' for k, v in CLASSES.items())
    role_values = " ".join(f'("{k}" {v})' for k, v in ROLES.items())
    q_cls = _prologue() + f"SELECT ?k (COUNT(DISTINCT ?x) AS ?n) WHERE {{ VALUES (?k ?c) {{ {cls_values} }} OPTIONAL {{ ?x a ?c }} }} GROUP BY ?k"
    q_role = _prologue() + f"SELECT ?k (COUNT(?o) AS ?n) WHERE {{ VALUES (?k ?p) {{ {role_values} }} OPTIONAL {{ ?s ?p ?o }} }} GROUP BY ?k"
    classes = {s["k"].value: int(s["n"].value) for s in store.query(q_cls)}
    roles = {s["k"].value: int(s["n"].value) for s in store.query(q_role)}
    totals = {"triples": store.triple_count(), "graphs": sum(1 for _ in store.named_graphs())}
    return {"classes": {k: classes.get(k, 0) for k in CLASSES}, "roles": {k: roles.get(k, 0) for k in ROLES}, "totals": totals}


def format_stats(stats: dict[str, dict[str, int]]) -> str:
    lines = []
    for section, counts in stats.items():
        lines.append(f"{section}:")
        lines += [f"  {k:<15} {v:>8}" for k, v in counts.items()]
    return "\n".join(lines)
