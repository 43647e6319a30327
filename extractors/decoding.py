"""Turn raw bytes into text: UTF-8 (with or without BOM) or GB18030/GBK, else a clear error.

Why not chardet: only two encodings occur in practice and a strict decode of each is both exact and
fast; a plausibility check (few control characters) rejects binary files that happen to decode.
"""
from __future__ import annotations

import codecs
import re

from .errors import EmptyInputError, InputDecodeError

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")


def _plausible(text: str) -> bool:
    """Text, not binary: almost no control characters."""
    if not text:
        return True
    bad = len(_CONTROL.findall(text))
    return bad == 0 or bad / len(text) < 0.001


def decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    """Decode `data` (read from file `name`); return (text, encoding).

    Raises InputDecodeError naming the file when neither encoding fits, EmptyInputError when the
    text is blank.
    """
    text: str | None = None
    encoding = ""
    if data.startswith(codecs.BOM_UTF8):
        try:
            text, encoding = data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError:
            text = None
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            text = None
    if text is None:
        for enc in ("utf-8", "gb18030"):
            try:
                cand = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _plausible(cand):
                text, encoding = cand, enc
                break
    if text is None or not _plausible(text):
        raise InputDecodeError(f"{name}: not UTF-8 or GB18030 text")
    if not text.strip():
        raise EmptyInputError(f"{name}: empty input (no text)")
    return text, encoding
