"""Node positions computed in Python, so the browser does not have to simulate large graphs.

Small graphs get networkx's `spring_layout` (seeded, so the same data gives the same picture) as
a starting point that vis-network's physics then settles and freezes. Large graphs get
`fast_layout`: Fruchterman–Reingold with repulsion estimated from a random sample of nodes, so a
step costs O(n·s + m) instead of O(n²) (networkx's own large-graph layout needs SciPy, which kg
does not depend on). Physics starts off for those; the positions are final.
"""
from __future__ import annotations

import math

import networkx as nx
import numpy as np

SMALL = 400  # above this many nodes: fast_layout, physics off in the page


def _simple(g: nx.MultiDiGraph) -> nx.Graph:
    h = nx.Graph()
    h.add_nodes_from(g)
    h.add_edges_from((u, v) for u, v in g.edges() if u != v)
    return h


def positions(g: nx.MultiDiGraph, *, seed: int = 7, iterations: int | None = None) -> dict[str, tuple[float, float]]:
    """Pixel positions centred on 0, spread so nodes are roughly 60 px apart."""
    n = g.number_of_nodes()
    if n == 0:
        return {}
    if n <= SMALL:
        raw = nx.spring_layout(_simple(g), seed=seed, iterations=iterations or 80, method="force")
        nodes = list(raw)
        arr = np.array([raw[v] for v in nodes], dtype=float)
    else:
        nodes = list(g)
        arr = fast_layout(nodes, list(g.edges()), seed=seed, iterations=iterations or 50)
    arr -= arr.mean(axis=0)
    span = float(np.abs(arr).max()) or 1.0
    scale = 30.0 * math.sqrt(n) / span
    return {v: (round(float(x) * scale, 1), round(float(y) * scale, 1)) for v, (x, y) in zip(nodes, arr)}


def fast_layout(
    nodes: list[str], edges: list[tuple[str, str]], *, seed: int = 7, iterations: int = 50, sample: int = 128
) -> np.ndarray:
    """An (n, 2) array of positions; sampled-repulsion Fruchterman–Reingold with gravity."""
    rng = np.random.default_rng(seed)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    pairs = np.array([(index[u], index[v]) for u, v in edges if u != v], dtype=np.int64).reshape(-1, 2)
    src, dst = pairs[:, 0], pairs[:, 1]
    side = math.sqrt(n)
    pos = (rng.random((n, 2)) * side).astype(np.float32)
    s = min(sample, n)
    temp = side / 8
    cool = temp / (iterations + 1)
    for _ in range(iterations):
        idx = rng.choice(n, size=s, replace=False)
        delta = pos[:, None, :] - pos[None, idx, :]
        d2 = np.einsum("ijk,ijk->ij", delta, delta) + 1e-2
        disp = np.einsum("ijk,ij->ik", delta, 1.0 / d2) * (n / s)
        if len(src):
            d = pos[src] - pos[dst]
            dist = np.sqrt(np.einsum("ij,ij->i", d, d)) + 1e-9
            f = d * dist[:, None]
            np.add.at(disp, src, -f)
            np.add.at(disp, dst, f)
        centre = pos.mean(axis=0)
        disp -= (pos - centre) * (2.0 / side)  # gravity keeps small components near the rest
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp)) + 1e-9
        pos += disp * (np.minimum(length, temp) / length)[:, None]
        temp = max(temp - cool, 0.01)
    return pos
