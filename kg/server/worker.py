"""A query worker process: `python -m kg.server.worker STORE_DIR`.

It opens the store read-only (RocksDB allows that beside the server's own handle), then answers
length-prefixed pickled `Job`s on stdin with `Outcome`s on stdout, one at a time. The server kills
a worker whose query runs past the time limit — the only sound way to stop Oxigraph mid-query,
since pyoxigraph has no timeout and a GROUP BY or ORDER BY blocks before its first row.
"""
from __future__ import annotations

import pickle
import struct
import sys
from typing import BinaryIO

import pyoxigraph as ox

from kg.server.execution import Job, Outcome, execute

HEADER = struct.Struct(">I")


def read_frame(stream: BinaryIO) -> object | None:
    head = stream.read(HEADER.size)
    if len(head) < HEADER.size:
        return None
    (size,) = HEADER.unpack(head)
    data = stream.read(size)
    if len(data) < size:
        return None
    return pickle.loads(data)


def write_frame(stream: BinaryIO, obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    stream.write(HEADER.pack(len(data)) + data)
    stream.flush()


def main(argv: list[str]) -> int:
    path = argv[1]
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # nothing but frames may reach the pipe
    try:
        store = ox.Store.read_only(path)
    except OSError as exc:
        write_frame(out, Outcome("error", message=f"cannot open the store read-only: {exc}"))
        return 1
    generation = 0
    write_frame(out, Outcome("ready"))
    while True:
        job = read_frame(inp)
        if not isinstance(job, Job):
            return 0
        if job.generation != generation:  # the store was updated: see the new data
            del store
            path = job.store_path or path
            store = ox.Store.read_only(path)
            generation = job.generation
        write_frame(out, execute(store, job))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
