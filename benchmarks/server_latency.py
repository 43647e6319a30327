"""Median latency of the example queries (kg/server/queries/*.rq) over HTTP, on the seed store.

    python benchmarks/server_latency.py [--runs 30] [--page PATH ...]

Builds examples/000_4de6902b1dfc0275.txt into a temporary store with kg.pipeline.build, starts the
real server as `kg serve` does (its own process: uvicorn on a free 127.0.0.1 port, default
settings; in the client's process the GIL would add ~40 ms to every request), and times each query
end to end (POST form, JSON results) with httpx; also the home page and an entity page.
"""
from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from kg.pipeline import build  # noqa: E402
from kg.server.examples import load_examples  # noqa: E402
from kg.store import KgStore  # noqa: E402

SEED = REPO / "examples" / "000_4de6902b1dfc0275.txt"


def timed(fn, runs: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        out.append((time.perf_counter() - t0) * 1000)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=30)
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        path = Path(tmp) / "store"
        with KgStore(path) as store:
            report = build([SEED], store)
        print(f"seed store: {report.articles} articles, {report.triples} triples written")
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            port = probe.getsockname()[1]
        server = subprocess.Popen([sys.executable, "-m", "kg.server.cli", "--store", str(path), "--port", str(port)],
                                  cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(url + "/static/kg/kg.css", trust_env=False).raise_for_status()
                break
            except httpx.HTTPError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("the server did not start") from None
                time.sleep(0.1)
        try:
            with httpx.Client(base_url=url, trust_env=False, timeout=60) as client:
                print(f"{'query':34} {'rows':>5} {'median ms':>10} {'p90 ms':>8}")
                medians = []
                for ex in load_examples():
                    def run(ex=ex) -> httpx.Response:  # type: ignore[no-untyped-def]
                        r = client.post("/sparql", data={"query": ex.sparql})
                        r.raise_for_status()
                        return r
                    rows = len(run().json()["results"]["bindings"])  # warm-up
                    times = timed(run, args.runs)
                    medians.append(statistics.median(times))
                    p90 = statistics.quantiles(times, n=10)[-1]
                    print(f"{ex.slug:34} {rows:>5} {statistics.median(times):>10.2f} {p90:>8.2f}")
                print(f"{'all example queries (median of medians)':40} {statistics.median(medians):>10.2f}")
                chair = client.post("/sparql", data={"query": "SELECT ?p WHERE { ?e <https://w3id.org/pbe#chair> ?p } LIMIT 1"})
                bindings = chair.json()["results"]["bindings"]
                pages = ["/"] + ([f"/id/{bindings[0]['p']['value'].split('/id/', 1)[1]}"] if bindings else [])
                for page in pages:
                    times = timed(lambda page=page: client.get(page, headers={"Accept": "text/html"}).raise_for_status(), args.runs)
                    print(f"page {page:<40} {statistics.median(times):>10.2f}")
        finally:
            server.terminate()
            server.wait(timeout=30)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
