"""kg's HTTP server: SPARQL 1.1 Protocol endpoint, linked data, dumps and pages (`kg serve`).

Names are imported lazily so that the query worker processes (`kg.server.worker`) start without
loading FastAPI.
"""
from __future__ import annotations

from typing import Any

__all__ = ["Settings", "create_app"]


def __getattr__(name: str) -> Any:
    if name == "create_app":
        from kg.server.app import create_app

        return create_app
    if name == "Settings":
        from kg.server.settings import Settings

        return Settings
    raise AttributeError(name)
