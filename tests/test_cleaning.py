"""Cleaning PDF-extracted text and decoding input files."""
from __future__ import annotations

import re

import pytest

from extractors.cleaning import clean
from extractors.decoding import decode_bytes
from extractors.errors import EmptyInputError, ExtractionError, InputDecodeError


def _back(original: str, c, s: int, e: int) -> str:
    a, b = c.orig_span(s, e)
    return re.sub(r"\s+", "", original[a:b])


def test_wrapped_name_is_rejoined_and_maps_back():
    raw = "座谈会由区委副书记欧\n阳明辉主持，区长马\n\n建国讲话。"
    c = clean(raw)
    assert "欧阳明辉" in c.text and "马建国" in c.text
    for name in ("欧阳明辉", "马建国"):
        s = c.text.index(name)
        assert _back(raw, c, s, s + len(name)) == name


def test_spaced_digits_words_and_names():
    raw = "本报讯 4 月 8 日上午，县 人 民 代 表 大 会 常 务 委 员 会举行会议。 （刘 小 燕）"
    c = clean(raw)
    assert c.text == "本报讯4月8日上午，县人民代表大会常务委员会举行会议。（刘小燕）"
    s = c.text.index("刘小燕")
    a, b = c.orig_span(s, s + 3)
    assert raw[a:b] == "刘 小 燕"


def test_full_width_digits_become_ascii_with_same_offsets():
    raw = "１月２０日，会议在京召开。"
    c = clean(raw)
    assert c.text.startswith("1月20日")
    assert c.orig_span(0, 5) == (0, 5)


def test_paragraph_end_kept_and_latin_words_keep_space():
    raw = "会议强调，要抓好落实。\n下一步，推进 5G 网络\n建设和 AI 应用。"
    c = clean(raw)
    assert c.text == "会议强调，要抓好落实。\n下一步，推进5G网络建设和AI应用。" or c.text == "会议强调，要抓好落实。\n下一步，推进 5G 网络建设和 AI 应用。"
    assert "。\n下一步" in c.text


def test_every_cleaned_char_maps_to_the_same_original_char():
    raw = "市政协\n主席 李 红 梅出\n\n席会议并讲话。"
    c = clean(raw)
    for i, ch in enumerate(c.text):
        if ch != "\n":
            assert raw[c.omap[i]] == ch


def test_gb18030_file_decodes():
    text = "县政协召开常委会议，副主席赵立新主持。"
    out, enc = decode_bytes(text.encode("gb18030"), "page.txt")
    assert out == text and enc == "gb18030"


def test_utf8_bom_is_dropped():
    out, enc = decode_bytes("\ufeff市委召开会议。".encode("utf-8"), "a.txt")
    assert out == "市委召开会议。" and enc == "utf-8-sig"


def test_binary_junk_raises_decode_error_naming_the_file():
    junk = bytes(range(256)) * 8
    with pytest.raises(InputDecodeError, match=r"junk\.bin: not UTF-8 or GB18030 text"):
        decode_bytes(junk, "junk.bin")
    assert issubclass(InputDecodeError, ExtractionError)


def test_blank_file_raises_empty_input():
    with pytest.raises(EmptyInputError):
        decode_bytes(b" \n\r\n  ", "blank.txt")
