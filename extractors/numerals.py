"""Chinese and Arabic numerals (十六 -> 16, 二〇二四 -> 2024) and back (16 -> 十六) for canonical names."""
from __future__ import annotations

import re

_D = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_U = {"十": 10, "百": 100, "千": 1000}
NUM = r"[0-9零〇○一二两三四五六七八九十百千]+"
_CN_DIGITS = "〇一二三四五六七八九"


def to_int(s: str) -> int | None:
    """Parse '16', '十六', '二十一', '二〇二四', '一百零三'; None when not a number."""
    s = s.strip()
    if not s:
        return None
    if s.isdigit():
        return int(s)
    if all(c in _D for c in s) and len(s) > 1:  # digit by digit: 二〇二四
        return int("".join(str(_D[c]) for c in s))
    total, cur = 0, 0
    for c in s:
        if c in _D:
            cur = _D[c]
        elif c in _U:
            total += (cur or 1) * _U[c]
            cur = 0
        else:
            return None
    return total + cur


def to_cn(n: int) -> str:
    """16 -> 十六, 3 -> 三, 20 -> 二十, 105 -> 一百零五 (for canonical ordinals)."""
    if n < 10:
        return _CN_DIGITS[n] if n else "零"
    if n < 20:
        return "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _CN_DIGITS[n // 10] + "十" + (_CN_DIGITS[n % 10] if n % 10 else "")
    h, r = divmod(n, 100)
    rest = "" if r == 0 else ("零" + to_cn(r) if r < 10 else (("一" + to_cn(r)) if r < 20 else to_cn(r)))
    return _CN_DIGITS[h] + "百" + rest


def cn_ordinal(s: str) -> str:
    """Normalise an ordinal number string to Chinese numerals ('16' -> '十六', '十六' stays)."""
    n = to_int(s)
    return to_cn(n) if n is not None else s


NUM_RE = re.compile(NUM)
