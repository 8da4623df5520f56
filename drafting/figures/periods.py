"""Reporting periods and the data cut-off rule, and the two eras of local government levels.

Data window (NĐ 09/2019/NĐ-CP; confirmed in practice by Kon Tum's Q1/2023 figures and seed 001):
from 15/12 of the previous year to the 14th of the period's last month."""

from __future__ import annotations

import datetime as dt
import itertools
import re
from typing import Literal

from pydantic import BaseModel

from corpus.text import fold_lower

Period = Literal["quý I", "6 tháng", "9 tháng", "năm"]
PERIODS: tuple[Period, ...] = ("quý I", "6 tháng", "9 tháng", "năm")
_END_MONTH = {"quý I": 3, "6 tháng": 6, "9 tháng": 9, "năm": 12}

# 01/7/2025: the district level ends (two-level local government, Luật Tổ chức chính quyền địa phương
# 72/2025/QH15); provinces and communes remain, and departments (sở) report as before.
TWO_LEVEL_FROM = dt.date(2025, 7, 1)
LEVELS_BEFORE = ("tỉnh", "huyện", "xã", "sở")
LEVELS_AFTER = ("tỉnh", "xã", "sở")


class DataWindow(BaseModel):
    start: dt.date
    end: dt.date

    def text(self, body: bool = False) -> str:
        """'từ ngày 15/12/2022 đến ngày 14/06/2023'; in a report's body without leading zeros (14/6/2023)."""
        if body:
            return (f"từ ngày {self.start.day}/{self.start.month}/{self.start.year} "
                    f"đến ngày {self.end.day}/{self.end.month}/{self.end.year}")
        return f"từ ngày {self.start:%d/%m/%Y} đến ngày {self.end:%d/%m/%Y}"

    def estimated_after(self, signed: dt.date) -> str:
        """Signed before the window's end (seed 003: 05/6 for a window to 14/6), the figures of the days after the
        signing can only be estimates: said so, or the report contradicts its own date (drafting-practice §5)."""
        if signed >= self.end:
            return ""
        return f", trong đó số liệu sau ngày {signed.day}/{signed.month}/{signed.year} là số ước thực hiện"


def data_window(period: Period, year: int) -> DataWindow:
    return DataWindow(start=dt.date(year - 1, 12, 15), end=dt.date(year, _END_MONTH[period], 14))


def quarter_window(quarter: int, year: int) -> DataWindow:
    """One quarter alone: from the 15th of the month before it to the 14th of its last month; quý I is the report's
    own window (from 15/12 of the year before)."""
    if quarter == 1:
        return data_window("quý I", year)
    return DataWindow(start=dt.date(year, 3 * quarter - 3, 15), end=dt.date(year, 3 * quarter, 14))


def period_phrase(period: Period, year: int) -> str:
    """How the period is named in a title or a sentence: '6 tháng đầu năm 2023', 'quý I năm 2023'."""
    return {"quý I": f"quý I năm {year}", "6 tháng": f"6 tháng đầu năm {year}",
            "9 tháng": f"9 tháng đầu năm {year}", "năm": f"năm {year}"}[period]


def period_name(period: str | None, year: int | str | None) -> str:
    """A period named in a message: '6 tháng năm 2026', 'năm 2026' — a year report is not 'năm năm 2026'."""
    return f"năm {year}" if period == "năm" else f"{period} năm {year}"


def next_period_phrase(period: Period, year: int | str) -> str:
    year = int(year)  # a year corrected in a table arrives as text
    return {"quý I": f"quý II năm {year}", "6 tháng": f"6 tháng cuối năm {year}",
            "9 tháng": f"quý IV năm {year}", "năm": f"năm {year + 1}"}[period]


def period_after(period: Period, year: int) -> tuple[Period, int]:
    """The report that follows: quý I → 6 tháng → 9 tháng → năm → quý I of the next year."""
    i = PERIODS.index(period)
    return (PERIODS[0], year + 1) if i == len(PERIODS) - 1 else (PERIODS[i + 1], year)


def latest_period(today: dt.date) -> tuple[Period, int]:
    """The period whose data window closed most recently: what an official reports on `today` (01/12 → 9 tháng)."""
    for year in (today.year, today.year - 1):
        for period in reversed(PERIODS):
            if data_window(period, year).end < today:
                return period, year
    return "năm", today.year - 1


def levels_on(day: dt.date) -> tuple[str, ...]:
    return LEVELS_AFTER if day >= TWO_LEVEL_FROM else LEVELS_BEFORE


def period_of_label(text: str) -> Period | None:
    from corpus.text import fold_lower

    t = fold_lower(text)
    if "quy i" in t and "quy ii" not in t and "quy iii" not in t:
        return "quý I"
    if "9 thang" in t or "quy iii" in t:
        return "9 tháng"
    if "6 thang" in t:
        return "6 tháng"
    if "nam" in t:
        return "năm"
    return None


_ROMAN = ("i", "ii", "iii", "iv")


def later_period_said(next_period: str) -> re.Pattern:
    """The words a clause starts with when it speaks of the next period or of a part of it or of a later one, folded
    ("quý IV năm 2026" → "quý IV …", "tháng 11/2026 …", "năm 2027 …"; "năm 2027" → "quý I/2027 …", "6 tháng đầu năm
    2027 …"): what is said for then is planned, not done. next_period: a next_period_phrase."""
    name = fold_lower(next_period)
    year = int(name[-4:])
    first = {"quy ii": 4, "quy iv": 10, "6 thang cuoi": 7}.get(name.rsplit(" nam ", 1)[0], 1)
    names = [name if name.startswith("nam ") else name.rsplit(" nam ", 1)[0]]  # "quý IV" alone, the year implied
    for y in (year, year + 1):
        start = first if y == year else 1
        said_year = rf"(?: nam |/){y}"
        names += [f"quy {q}{said_year}" for i, q in enumerate(_ROMAN) if 3 * i + 1 >= start]
        names += [rf"thang 0?{m}{said_year}" for m in range(start, 13)]
        names += [rf"6 thang cuoi nam {y}"] * (start <= 7) + [rf"(?:6|9) thang dau nam {y}", f"nam {y}"] * (start == 1)
    if first > 1:  # a month or a quarter without its year, in the report's own: "Tháng 11 xã sẽ …", "Quý III phường …"
        names += [rf"thang (?:{'|'.join(str(m) for m in range(first, 13))})(?! ?/ ?\d)",
                  rf"quy (?:{'|'.join(q for i, q in enumerate(_ROMAN) if 3 * i + 1 >= first)})(?! ?(?:nam|/) ?\d)"]
    return re.compile(rf"^\s*(?:trong |den |tu )?(?:{'|'.join(sorted(names, key=len, reverse=True))})\b")


_LATER_QUARTER = re.compile(r"\bquy (iv|iii|ii|[234])\b")


def report_of_quarter(folded: str) -> tuple[str, Period] | None:
    """("quý III", "9 tháng") for "báo cáo quý III …": CCHC is reported for quý I, 6 and 9 months and the year, each
    from the start of the year, so a later quarter's report is the cumulative one it ends; None if none is named."""
    m = _LATER_QUARTER.search(folded)
    return (f"quý {m.group(1).upper()}", {"ii": "6 tháng", "2": "6 tháng", "iii": "9 tháng", "3": "9 tháng"}.get(
        m.group(1), "năm")) if m else None


def title_period(lines: list[str]) -> tuple[Period | None, int | None]:
    """The period and year a report's title names, from its first lines (paragraphs); the place-and-date line
    ("Gia Lai, ngày 20 tháng 3 năm 2026") is not the title, however early it comes."""
    heads = [fold_lower(t) for t in lines[:15]]  # above the outline: not "sơ kết 6 tháng" in section I
    heads = heads[:next((i for i, h in enumerate(heads) if re.match(r"\s*i\.\s", h)), len(heads))]
    heads = [h for h in heads if not re.search(r"\bngay\s+\d{1,2}\s+thang\s+\d{1,2}\s+nam\b", h)]
    # the title itself, the line under "BÁO CÁO", before the other lines: an opening that names another period is a
    # fault of the opening ("… báo cáo kết quả 6 tháng năm 2026" under "… năm 2026"), not the report's period
    at = next((i for i, h in enumerate(heads) if h.strip() == "bao cao"), None)
    title = list(itertools.takewhile(lambda h: len(h) <= 120, heads[at + 1:at + 3])) if at is not None else []
    titled = title_period(title) if title else (None, None)  # (a title of two lines; the opening is longer)
    if titled[0]:
        return titled
    f = " ".join(heads)
    m = re.search(r"(quy i\b|6 thang|9 thang|quy iii|nam)\D{0,40}?((?:19|20)\d\d)", f)
    if not m:
        return None, None
    period = period_of_label(m.group(1) + " ")
    if "nam" == m.group(1) and ("6 thang" in f or "quy i" in f or "9 thang" in f):
        period = period_of_label(f)
    return period, int(m.group(2))
