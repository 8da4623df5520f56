"""A statistics table with a column for another period — "STT | Chỉ tiêu | Đơn vị tính | Năm 2026 | Năm 2025",
"… | Kỳ báo cáo | Cùng kỳ năm trước", "… | 6 tháng 2026 | 6 tháng 2025 | Tăng, giảm (%)": only the report's own
column holds its figures. The other columns' cells are blanked before the rows are read (the text keeps its length,
so every offset stays), and their numbers are listed as not read, with the column they sit in, for the official to
see; a table whose header names no period is read as before.

A table by level — "Chỉ tiêu | Cấp tỉnh | Cấp xã | Toàn tỉnh" — is read the same way: the total's column holds the
unit's figures; a level's cell becomes that figure's part for the level where the schema keeps one ("Hồ sơ đã giải
quyết" at "Cấp xã": tthc.ho_so_da_giai_quyet_cap_xa), otherwise it is listed as not read."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.figures.schema import FIELD_BY_KEY
from drafting.figures.vnformat import NUMBER_RE, parse_vn_number
from drafting.inputs.count_units import LEVEL_PART
from drafting.inputs.text_reading import TextReading, Unread

# a header cell that names a period or a comparison (folded)
_PERIOD_CELL = re.compile(r"^(?:nam|quy|ky|thang|\d+ thang|cung ky|so sanh|tang|giam|ty le tang|(?:uoc )?thuc hien)\b")
# a column of another period, or of the change between two: never this period's figures
_OTHER_PERIOD = re.compile(r"\b(?:cung ky|ky truoc|nam truoc|so sanh|tang|giam|chenh lech)\b")
_YEAR = re.compile(r"\b(20\d\d)\b")
_LEVEL_CELL = re.compile(r"cap (tinh|huyen|xa)")
_TOTAL_CELL = re.compile(r"toan (?:tinh|huyen|xa|phuong|thanh pho)|tong(?: so| cong)?(?: chung)?|cong")
_LEVEL_COLUMN = "số của cột «{header}» (một cấp, không phải tổng của đơn vị)"


def cells_of(row: str) -> list[tuple[int, int]]:
    """The spans of a row's cells, between its bars."""
    bars = [-1] + [i for i, c in enumerate(row) if c == "|"] + [len(row)]
    return [(a + 1, b) for a, b in zip(bars, bars[1:], strict=False)]  # empty ones too: the columns stay aligned


def _other_columns(header: str) -> dict[int, str] | None:
    """The cell numbers of the other periods' columns, with their headers; None when the header names fewer than
    two periods (one value column: nothing to choose)."""
    cells = [header[a:b].strip() for a, b in cells_of(header)]
    folded = [fold_lower(c) for c in cells]
    if any(_TOTAL_CELL.fullmatch(c) for c in folded) and (levels := [i for i, c in enumerate(folded) if _LEVEL_CELL.fullmatch(c)]):
        return {i: cells[i] for i in levels}  # "| Cấp tỉnh | Cấp xã | Toàn tỉnh": the total's column is the unit's
    periods = [i for i, c in enumerate(folded) if _PERIOD_CELL.match(c)]
    if len(periods) < 2:
        return None
    years = {i: int(m.group(1)) for i in periods if (m := _YEAR.search(folded[i]))}
    latest = max(years.values(), default=None)
    other = {i: cells[i] for i in periods if _OTHER_PERIOD.search(folded[i]) or (i in years and years[i] < latest)}
    return other if len(other) < len(periods) else None


def blank_other_columns(rows: list[str]) -> list[tuple[str, list[tuple[int, int, str]]]]:
    """Each text with the other periods' cells of a table blanked, and the numbers blanked: (start, end, the column's
    header). A text without a bar ends the table."""
    out, other, width = [], None, 0
    for para in rows:
        blanked: list[tuple[int, int, str]] = []
        if "|" not in para:
            other = None
        elif other is None:
            other, width = _other_columns(para), para.count("|")
        elif para.count("|") == width:
            row = list(para)
            for n, (a, b) in enumerate(cells_of(para)):
                if n in other:
                    blanked += [(a + m.start(), a + m.end(), other[n]) for m in NUMBER_RE.finditer(para[a:b])]
                    row[a:b] = " " * (b - a)
            para = "".join(row)
        out.append((para, blanked))
    return out


def keep_own_column(paragraphs: list[tuple[str, int, str]]) -> tuple[list[tuple[str, int, str]], list[Unread]]:
    """The report's paragraphs (section, offset, text) with the other periods' cells blanked; their numbers, as not
    read."""
    kept, dropped = [], []
    for (section, offset, para), (text, blanked) in zip(paragraphs, blank_other_columns([p for *_, p in paragraphs]),
                                                       strict=True):
        kept.append((section, offset, text))
        dropped += [Unread(quote=para[a:b], context=para.strip()[:120], start=offset + a, end=offset + b, column=header,
                           reason=_LEVEL_COLUMN.format(header=header) if _LEVEL_CELL.fullmatch(fold_lower(header))
                           else f"số của cột «{header}», không phải kỳ báo cáo") for a, b, header in blanked]
    return kept, dropped


def level_cells_as_parts(reading: TextReading, text: str) -> TextReading:
    """A figure read from a table by level gets the parts its row's level cells give, where the schema has them."""
    for f in list(reading.figures):
        row = (text.rfind("\n", 0, f.start) + 1, (text.find("\n", f.end) + 1 or len(text) + 1) - 1)
        cells = [(u, m.group(1)) for u in reading.unread if row[0] <= u.start < row[1]
                 and (m := _LEVEL_CELL.fullmatch(fold_lower(u.column)))]
        for u, level in cells:
            part = LEVEL_PART.get((f.key, level))
            if part and (value := parse_vn_number(u.quote)) is not None:
                reading.figures.append(f.model_copy(update={
                    "key": part, "label": FIELD_BY_KEY[part].label, "value": value, "quote": u.quote, "start": u.start,
                    "end": u.end, "note": f"cột «{u.column}» của bảng"}))
                reading.unread.remove(u)
    reading.figures.sort(key=lambda f: f.start)
    return reading
