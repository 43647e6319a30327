"""``python -m extractors.ner < in.jsonl > out.jsonl``: add ``entities`` to JSON lines with ``text``."""
from __future__ import annotations

import sys

from . import NERInputError, annotate_jsonl


def main() -> int:
    try:
        n = annotate_jsonl(sys.stdin, sys.stdout)
    except NERInputError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(f"annotated {n} lines", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
