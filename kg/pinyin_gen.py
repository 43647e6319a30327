"""Generate `kg/data/pinyin.tsv`: one tone-less reading per CJK character, for IRI slugs.

IRIs must never change under the same input, so slugs come from this frozen table shipped with
kg, not from whatever version of pypinyin is installed (pypinyin is needed only to regenerate it:
`python -m kg.pinyin_gen`).
"""
from __future__ import annotations

from pathlib import Path

TABLE = Path(__file__).with_name("data") / "pinyin.tsv"
BLOCKS = [(0x3400, 0x4DBF), (0x4E00, 0x9FFF)]


def main() -> None:
    from pypinyin import Style, lazy_pinyin

    lines = []
    for lo, hi in BLOCKS:
        for cp in range(lo, hi + 1):
            ch = chr(cp)
            reading = lazy_pinyin(ch, style=Style.NORMAL, errors=lambda s: [""])[0]
            if reading and reading.isascii() and reading.isalpha():
                lines.append(f"{ch}\t{reading.lower()}")
    TABLE.write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
