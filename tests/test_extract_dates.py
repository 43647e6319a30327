"""Dates in news text: ranges, times of day, numerals, relative days, unknown years."""
from __future__ import annotations

from extractors.cleaning import clean
from extractors.dates import date_from_filename, find_dates, page_year


def one(text: str, year=None, ref=None):
    ds = find_dates(clean(text).text, year, ref)
    assert ds, text
    return ds[0]


def test_range_with_explicit_year():
    d = one("会议于2023年11月6日至\n8日在太原举行。")
    assert (d.date, d.end_date) == ("2023-11-06", "2023-11-08")


def test_spaced_month_day_with_time_of_day():
    d = one("本报讯 5 月 12 日下午，", year=2023)
    assert (d.date, d.time_of_day) == ("2023-05-12", "下午")


def test_full_width_digits_and_evening():
    d = one("１月２０日晚，", year=2024)
    assert (d.date, d.time_of_day) == ("2024-01-20", "晚")


def test_chinese_numerals():
    assert one("一月二十一日上午", year=2022).date == "2022-01-21"
    assert one("二〇二一年十二月三日").date == "2021-12-03"


def test_relative_days_follow_the_reference_date():
    assert one("今天上午，", ref="2024-01-20").date == "2024-01-20"
    assert one("昨天，", ref="2024-03-01").date == "2024-02-29"


def test_day_only_takes_month_of_reference():
    assert one("总理18日主持召开会议", ref="2024-02-20").date == "2024-02-18"


def test_no_year_means_no_date():
    d = one("3月5日上午，")
    assert d.date is None and d.time_of_day == "上午"


def test_year_sources():
    assert date_from_filename("yqrb_20240322_02.txt") == "2024-03-22"
    assert date_from_filename("2023-07-01-page3.txt") == "2023-07-01"
    assert date_from_filename("000_4de6902b1dfc0275.txt") is None
    assert page_year("（2022年6月2日通过）……6月1日") == 2022


def test_issue_date_from_page_header_only():
    from extractors.dates import header_date
    assert header_date("长治日报\n2023年9月8日 星期五\n第2版") == "2023-09-08"
    assert header_date("（2023年9月7日市政协常委会议通过）\n正文") is None


def test_december_day_in_a_january_issue_is_last_year():
    assert one("12月30日上午，", year=2024, ref="2024-01-02").date == "2023-12-30"
    assert one("1月1日，", year=2024, ref="2024-01-02").date == "2024-01-01"
