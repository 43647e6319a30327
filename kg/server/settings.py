"""Server settings: one frozen object built by the CLI (or by tests) and handed to `create_app`.

Everything that changes the server's behaviour lives here, so a test can start a server with a
1-second time limit or a 10-row cap without touching globals or environment variables.
"""
from __future__ import annotations

from dataclasses import dataclass

from kg.iris import DEFAULT_BASE


@dataclass(frozen=True)
class Settings:
    """How the server runs. Defaults are the safe ones: read-only, no federation, bounded queries."""

    host: str = "127.0.0.1"
    port: int = 8000
    base: str = DEFAULT_BASE  # IRIs minted under this base dereference at /id/...
    query_timeout: float = 10.0  # seconds of execution per query, then 503
    queue_timeout: float = 30.0  # seconds a query may wait for a free worker, then 503
    row_cap: int = 10_000  # SELECT rows / CONSTRUCT triples returned at most (X-KG-Truncated)
    workers: int = 2  # query worker processes (each opens the store read-only)
    allow_update: bool = False
    update_token: str | None = None
    allow_service: bool = False  # SERVICE (federated queries) refused unless True

    def __post_init__(self) -> None:
        if self.allow_update and not self.update_token:
            raise ValueError("--allow-update needs --update-token: updates are never open to anyone")
        if self.query_timeout <= 0 or self.row_cap <= 0 or self.workers <= 0:
            raise ValueError("query timeout, row cap and workers must be positive")
        if not self.base.isascii() or "://" not in self.base:
            raise ValueError(f"base must be an absolute ASCII IRI, got {self.base!r}")

    @property
    def entity_base(self) -> str:
        """The base with a trailing slash, as `kg.iris.IriMinter` normalises it."""
        return self.base if self.base.endswith(("/", "#")) else self.base + "/"
