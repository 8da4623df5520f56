"""A table of dossiers with the levels as rows and the measures as columns — "| Cấp | Tiếp nhận | Đã giải quyết |
Trước và đúng hạn | Quá hạn |", then "| Cấp tỉnh | 58.420 | … |" and "| Tổng cộng | … |": each cell is the figure its
column's header names, at its row's level (a total row: the unit's own). The prose reader, which reads a row's words
before its numbers, cannot see a header two lines up; this reads such a table cell by cell, each quote in its place."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.figures.schema import FIELD_BY_KEY
from drafting.figures.vnformat import NUMBER_RE, parse_vn_number
from drafting.inputs.clauses import phrases_in
from drafting.inputs.count_units import LEVEL_PART, levels_in
from drafting.inputs.table_columns import cells_of
from drafting.inputs.text_reading import LEVEL_ONLY, ReadFigure, TextReading, Unread

# a row that sums the levels: the unit's own figures
_TOTAL_ROW = re.compile(r"^\s*(?:tong(?: cong| so)?|toan (?:tinh|huyen|thanh pho|xa|phuong)|cong)\s*$")


def measure_columns(header: str) -> dict[int, tuple[str, str]] | None:
    """The column numbers whose header cell names a figure of dossiers ("Đã giải quyết" → tthc.ho_so_da_giai_quyet),
    with the header's words, when at least two do and a column before them holds the rows' names; else None."""
    cols = {}
    for n, (a, b) in enumerate(cells_of(header)):
        # the cell's longest phrase ("Số hồ sơ đã giải quyết" → "đã giải quyết"), of dossiers only
        found = sorted(phrases_in(" " + re.sub(r"\s+", " ", fold_lower(header[a:b])).strip() + " ", True),
                       key=lambda x: x[1])
        keys = [k for k in (found[0][3] if found else []) if k.startswith("tthc.ho_so")]
        if len(keys) == 1:
            cols[n] = (keys[0], header[a:b].strip())
    return cols if len(cols) >= 2 and min(cols) >= 1 else None


def read_measure_row(row: str, cols: dict[int, tuple[str, str]], section: str) -> TextReading | None:
    """A data row of such a table, or None when its name is neither a level nor a total (the reader reads it as
    before)."""
    cells = cells_of(row)
    if len(cells) <= max(cols):
        return None
    name = next((row[a:b].strip() for a, b in cells[:min(cols)] if row[a:b].strip() and not row[a:b].strip().isdigit()), "")
    levels = levels_in(fold_lower(name))
    total = bool(_TOTAL_ROW.match(fold_lower(name)))
    if not (levels or total):
        return None
    out = TextReading()
    for n, (key, words) in cols.items():
        a, b = cells[n]
        m = NUMBER_RE.search(row, a, b)
        if m is None:
            continue
        part = key if total else LEVEL_PART.get((key, levels[-1]))
        if part is None:  # a level's count of a figure the table keeps only for the unit ("Cấp xã | … | Quá hạn 454")
            out.unread.append(Unread(quote=m.group(0), context=row.strip()[:120], start=m.start(), end=m.end(),
                                     reason=LEVEL_ONLY))
            continue
        out.figures.append(ReadFigure(key=part, label=FIELD_BY_KEY[part].label, value=parse_vn_number(m.group(0)),
                                      quote=m.group(0), phrase=f"{name}: {words}", start=m.start(), end=m.end(),
                                      section=section, confidence=0.9))
    return out
