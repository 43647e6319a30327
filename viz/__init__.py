"""The interactive graph view: persons, bodies and events from the kg store as a network page.

`render_graph_page(store, ...)` is what the server serves at `/graph` and `kg viz` writes to a file.
"""
from viz.filters import FilterError
from viz.page import build_view, graph_url, render_graph_page

__all__ = ["FilterError", "build_view", "graph_url", "render_graph_page"]
