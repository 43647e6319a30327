"""Speed of extractors.ner.recognize on ner_dev texts: chars/s, sentences/s, peak memory.

    python benchmarks/ner_speed.py [--data /work/shared/data/pfr1998/ner_dev.jsonl] [--batch-size 128]

Runs on one thread (OMP/BLAS pinned), loads the model first and times recognition only
(model + post-rules).  Prints wall-clock and CPU-time throughput: on a shared machine the
wall clock mostly measures the neighbours.
"""
from __future__ import annotations

import os

for _var in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ.setdefault(_var, "1")

import argparse
import json
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractors.ner import load_ner, recognize  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", default="/work/shared/data/pfr1998/ner_dev.jsonl")
    ap.add_argument("--batch-size", type=int, default=128)
    ap.add_argument("--repeat", type=int, default=2, help="timed passes; the best is reported")
    args = ap.parse_args()
    with open(args.data, encoding="utf-8") as fh:
        texts = [json.loads(line)["text"] for line in fh if line.strip()]
    t0 = time.perf_counter()
    load_ner()
    load_s = time.perf_counter() - t0
    recognize(texts[:50], batch_size=args.batch_size)  # warm caches
    best = best_cpu = float("inf")
    for _ in range(args.repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        spans = recognize(texts, batch_size=args.batch_size)
        best = min(best, time.perf_counter() - t0)
        best_cpu = min(best_cpu, time.process_time() - c0)
    n_chars = sum(len(t) for t in texts)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"model load: {load_s:.2f} s")
    print(f"texts: {len(texts)} sentences, {n_chars} chars, {sum(map(len, spans))} entities")
    print(f"speed: {n_chars / best:,.0f} chars/s, {len(texts) / best:,.0f} sentences/s (wall clock, best of {args.repeat})")
    print(f"cpu:   {n_chars / best_cpu:,.0f} chars/s of process CPU time (less sensitive to a busy machine)")
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"peak memory (ru_maxrss): {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
