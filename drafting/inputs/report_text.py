"""A whole report read for its figures: which outline section each line sits in, and the wrapped lines
of a paragraph read together.

Reports come in many outlines and, as scans, with headings garbled by OCR: "I. KẾT QUẢ…" holding
"1. Công tác chỉ đạo", "2. Cải cách thể chế", "3. Cải cách thủ tục hành chính"…; a part II heading the OCR
lost; the evaluation ("1. Mặt tích cực") without its part III heading; the statistics tables (Biểu mẫu) after
the signature. A numbered heading that names an area in its first words moves the reader to that area's
section; the closing ("Trên đây là báo cáo…") ends the body and a "Biểu mẫu"/"Phụ lục" heading opens the
appendix, whose tables are read too (as "phu_luc", after the body's own sections)."""

from __future__ import annotations

import re

from corpus.chunking import outline_key_of, report_heading_level
from corpus.text import fold_lower
from drafting.figures.periods import next_period_phrase, title_period
from drafting.figures.schema import FIELD_BY_KEY, LEVEL_SUM_RULES, key_for_label
from drafting.inputs.count_units import levels_in
from drafting.inputs.document_counts import legal_document_counts
from drafting.inputs.figure_text import read_figures
from drafting.inputs.ocr_words import mend
from drafting.inputs.said_counts import carried_onward, said_counts
from drafting.inputs.table_columns import keep_own_column, level_cells_as_parts
from drafting.inputs.table_measures import measure_columns, read_measure_row
from drafting.inputs.text_reading import TextReading

# numbers under these are plans for the next period, requests or the signature block, not this period's results
PLAN_SECTIONS = {"IV", "V", "ket_thuc"}
_BODY = {"I", "II", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6"}
# the closing formula, or the recipients' block when a report has none ("Noi nhan:" of a scan ends section IV's tasks)
_CLOSING = re.compile(r"^\W*(?:tren day (la|1a|ia)\b|noi nhan\s*:)")
_APPENDIX = re.compile(r"^\W*(\w{1,3}\s+)?(bieu m[aeo]u|bieu so|phu luc)\b")
_NUMBERED = re.compile(r"^\(?\d{1,2}\s*[.)]\s*")


def _leading_key(body: str) -> str:
    """The outline key named in a numbered heading's first words ("3. Cải cách thủ tục hành chính"), not one
    mentioned late in a long heading ("2. Về thanh tra, kiểm tra … và kiểm soát thủ tục hành chính")."""
    m = _NUMBERED.match(body)
    return outline_key_of(body[:(m.end() if m else 0) + 32])


def closing_or_appendix(current: str, folded: str) -> str | None:
    """"ket_thuc" where the closing ("Trên đây là báo cáo…") ends the body, "phu_luc" where a short "Biểu mẫu"/"Phụ lục"
    heading opens the appendix; None on any other line. Shared with the reviewer, which sections a draft alike."""
    if current not in ("ket_thuc", "phu_luc") and _CLOSING.match(folded):
        return "ket_thuc"
    if current not in ("phu_luc", "mo_dau", "I") and len(folded) < 60 and _APPENDIX.match(folded):
        return "phu_luc"
    return None


def section_lines(text: str) -> list[tuple[str, int, str]]:
    """(section key, offset, line) for each line of a report: the outline heading above it decides."""
    out = []
    current, offset = "mo_dau", 0
    for line in text.splitlines(keepends=True):
        body = re.sub(r"^[#>*\s]+|\*\*", "", line).strip()
        folded = fold_lower(body)
        level = report_heading_level(body) if body else None
        if ending := closing_or_appendix(current, folded):
            current = ending
        elif level in (1, 2) and len(body) < 160 and current not in ("ket_thuc", "phu_luc"):
            key = outline_key_of(body)
            roman = re.match(r"^(I|II|III|IV|V)\s*[.\-:]", body)
            if level == 1 and roman:
                r = roman.group(1)
                key = r if r in ("I", "II") and key not in ("III", "IV", "V") else (key or r)
                current = key
            elif level == 2 and key and current.startswith("II"):
                current = key
            elif level == 2 and current in _BODY and (lead := _leading_key(body)) in _BODY | {"III"}:
                # results under a part I titled "Kết quả…", or a part II/III heading lost to OCR
                current = lead
            elif level == 1 and key:
                current = key
        out.append((current, offset, line))
        offset += len(line)
    return out


def _paragraphs(lines: list[tuple[str, int, str]]) -> list[tuple[str, int, str]]:
    """Consecutive lines of one paragraph joined, the line breaks kept as spaces (offsets unchanged): scans and
    PDF text wrap a sentence across lines ("… tổng số thủ tục hành chính\\nlà 123 thủ tục")."""
    out: list[tuple[str, int, str]] = []
    for section, offset, line in lines:
        body = line.strip()
        starts_new = (not out or out[-1][0] != section or not out[-1][2].strip() or not body
                      or "|" in body or "|" in out[-1][2] or report_heading_level(body) is not None
                      or re.match(r"^([-+*•]|\(\d+\)|[a-zđ]\))\s", body) is not None
                      or report_heading_level(out[-1][2].strip()) is not None)
        if starts_new:
            out.append((section, offset, line))
        else:
            prev_section, prev_offset, prev = out[-1]
            out[-1] = (prev_section, prev_offset, prev[:-1] + " " + line if prev.endswith("\n") else prev + line)
    return out


_ROW_CODE = re.compile(r"^\s*\|?\s*(\d{1,2}(?:\.\d{1,2})+)\.?\s*[|,]?")
_SECTORS = re.compile(r"\b(?:cac\s+)?(?:so|56|s0|sd)\s*,\s*(?:ban\s*,\s*)?nganh\b")  # "các sở, ngành" (OCR: "cdc 56, nganh")


def _row_level(para: str, folded: str, row_levels: dict[str, str]) -> str | None:
    """The level of a statistics table row: "3.2. | Tỷ lệ hồ sơ TTHC do UBND cấp huyện tiếp nhận…" names it, its
    rows "3.2.1. | Tổng số hồ sơ đã giải quyết xong | 79.139" inherit it (Biểu mẫu 3 of the reporting form)."""
    m = _ROW_CODE.match(para)
    if not m:
        return None
    code = m.group(1)
    named = levels_in(folded) or (["tinh"] if _SECTORS.search(folded) else [])
    if named:
        row_levels[code] = named[-1]
    parent = code.rsplit(".", 1)[0]
    return row_levels.get(code) or row_levels.get(parent)


_SERIAL = re.compile(r"^\s*\|?\s*(\d{1,3})\.?\s*\|\s*[^\W\d]")
# a statistics table's unit column ("Đơn vị tính") just before the value, as scans garble it ("Thii tuc", "Hob so",
# "Vin ban"): the noun of the value, written after it in a short form the reader knows (never longer than the cell)
_UNIT_CELLS = [(re.compile(r"th\S{0,2}\s+t\S{1,2}c"), "TTHC"), (re.compile(r"h\S{0,3}\s+s[o0]\S?"), "hs"),
               (re.compile(r"v\S{1,3}\s+b\S{1,3}n"), "vb"), (re.compile(r"pakn"), "PAKN"),
               (re.compile(r"nhi\S{2,3}\s+v\S{1,2}"), "nhiệm vụ"), (re.compile(r"ng\S{2,4}i"), "người")]
_UNIT_BEFORE_VALUE = re.compile(r"(?<![\w])(" + "|".join(p.pattern for p, _ in _UNIT_CELLS) + r")(\s*\|?\s*)"
                                r"(\d{1,3}(?:\.\d{3})+|\d+)(?![\w,.]\d|\w)")


_LABEL_NOTE = re.compile(r"\((?=[^()|\d]*[a-z])[^()|\d]*\)?")


def _units_after_values(para: str, folded: str) -> tuple[str, list[tuple[int, int, int, int]]]:
    """"Số PAKN đã giải quyết xong | PAKN | 8.083" read as "… | 8.083 PAKN": the row's value moved to where its unit
    cell began, the unit after it, the same length; with (new start, new end, old start, old end) of each value moved,
    so that what is read carries the value's place in the report."""
    out, moves = list(para), []
    # "Số TTHC cấp tỉnh (Bao gồm cả TTHC của cơ quan ngành dọc) | Thủ tục | 1.539": a label's explanation in brackets,
    # often cut by the row's end, blanked so the label's own words sit next to the value
    for m in _LABEL_NOTE.finditer(folded):
        out[m.start():m.end()] = " " * (m.end() - m.start())
    for m in _UNIT_BEFORE_VALUE.finditer(folded):
        if not para[m.start(1)].isupper():  # a cell opens with a capital; "tổng số hồ sơ 1.200" in a sentence does not
            continue
        short = next(short for pattern, short in _UNIT_CELLS if pattern.fullmatch(m.group(1)))
        value = para[m.start(3):m.end(3)]
        cell = f"{value} {short}"
        if len(cell) > m.end(3) - m.start(1):
            continue
        out[m.start(1):m.end(3)] = cell.ljust(m.end(3) - m.start(1))
        moves.append((m.start(1), m.start(1) + len(value), m.start(3), m.end(3)))
    return "".join(out), moves


_CITY_LEVEL = re.compile(r"\b([Cc]ấp|CẤP) (thành phố|THÀNH PHỐ)\b")
_CITY_SAID = re.compile(r"\b([Cc]ấp |CẤP )(tỉnh|TỈNH)(?: {5}| {0,4}$)")  # (a phrase may have lost its trailing spaces)


def _as_province(m: re.Match) -> str:
    """"cấp thành phố" read as "cấp tỉnh" padded to the same length (spans carry over; the words are put back)."""
    return f"{m.group(1)} {'tỉnh' if m.group(2).islower() else 'TỈNH'}     "


def read_report(text: str, own_level: str | None = None) -> TextReading:
    """Every figure a whole report states, each with its section; the plan and request sections skipped.
    own_level: the level of the unit that issued the report ("xã", "huyện", "tỉnh", "sở"), from its header."""
    reading = TextReading()
    period, year = title_period([line for line in text.splitlines() if line.strip()])
    onward = next_period_phrase(period, year) if period and year else ""  # what "chuyển sang năm 2027" is measured by
    # "… | Năm 2026 | Năm 2025": a table's column of another period holds no figure of this report
    paragraphs, other_periods = keep_own_column(_paragraphs(section_lines(text)))
    reading.unread += other_periods
    # a section that names two levels ("(1) Bộ phận Một cửa cấp huyện …", "(2) … cấp xã …") breaks its figures down
    mended = [mend(fold_lower(para)) for _, _, para in paragraphs]
    city = own_level == "tỉnh" and any(_CITY_LEVEL.search(para) for _, _, para in paragraphs)
    if city:  # a city under the centre (Huế, Đà Nẵng …): its "cấp thành phố" is the province's level
        paragraphs = [(section, offset, _CITY_LEVEL.sub(_as_province, para)) for section, offset, para in paragraphs]
        mended = [mend(fold_lower(para)) for _, _, para in paragraphs]
    levels: dict[str, set[str]] = {}
    for (section, _, _), folded in zip(paragraphs, mended):
        levels.setdefault(section, set()).update(levels_in(folded))
    row_levels: dict[str, str] = {}
    measures = None  # the columns of a table of dossiers by level ("| Cấp | Tiếp nhận | Đã giải quyết | …"), while in it
    for (section, offset, para), folded in zip(paragraphs, mended):
        if not para.strip() or section in PLAN_SECTIONS:
            continue
        measures = (measures or measure_columns(para)) if "|" in para else None
        if measures and (by_cell := read_measure_row(para, measures, section)) is not None:
            part = by_cell
        else:
            part = read_paragraph(para, section, len(levels[section]) > 1, row_levels, folded)
        # "… 02 văn bản cần bãi bỏ và đã xử lý xong", "đã giải quyết 640 hồ sơ, 100% đúng hạn": counts said by words,
        # as the chat reads them (computed, each noted to confirm)
        same, part.rates, used = said_counts(para, folded, part.figures, part.rates, part.unread)
        # "số hồ sơ còn đang xử lý chuyển sang năm 2027 là 52": carried on, not in (the chat's reading too)
        part.figures = sorted(carried_onward(folded, part.figures + same, onward), key=lambda f: f.start)
        part.unread = [u for u in part.unread if u not in used]
        for item in (*part.figures, *part.rates, *part.ambiguous, *part.unread):
            item.start += offset
            item.end += offset
            for name in ("quote", "phrase", "context", "noun"):  # the official's words, as written
                if city and isinstance(said := getattr(item, name, None), str):
                    setattr(item, name, _CITY_SAID.sub(lambda m: m.group(1) + ("thành phố" if m.group(2) == "tỉnh" else "THÀNH PHỐ"), said))
        reading.extend(part)
    reading = level_cells_as_parts(_across_rows(reading, text), text)  # "| Cấp tỉnh | Cấp xã | Toàn tỉnh": the parts
    return _own_level_totals(reading) if own_level == "xã" else reading


_ALL_NEW_ONLINE = re.compile(r"\b(?:toan bo|tat ca|100%)\s+(?:so\s+)?ho so moi tiep nhan\b[^.;\d]{0,40}?"
                             r"\b(?:truc tuyen|qua moi truong mang|qua (?:cong )?dich vu cong(?: truc tuyen)?)\b")


def _across_rows(reading: TextReading, text: str) -> TextReading:
    """What one row or paragraph says of a figure another gave: a table's "Đúng hạn" row after its "Trong đó: trước
    hạn" row is the on-time part, not early and on-time together; "Toàn bộ hồ sơ mới tiếp nhận được nộp qua môi trường
    mạng" makes the online dossiers the new ones counted elsewhere (computed, noted to confirm)."""
    held = {f.key: f for f in reading.figures}
    on_time = held.get("tthc.ho_so_dung_han_tong")
    if on_time and "tthc.ho_so_truoc_han" in held and "tthc.ho_so_dung_han" not in held \
            and re.fullmatch(r"[\W\d_]*dung han\W*", fold_lower(on_time.phrase)) and held["tthc.ho_so_truoc_han"].end < on_time.start:
        reading.figures = [f.model_copy(update={"key": "tthc.ho_so_dung_han"}) if f is on_time else f for f in reading.figures]
    new = held.get("tthc.ho_so_moi")
    if new and "tthc.ho_so_truc_tuyen" not in held and (m := _ALL_NEW_ONLINE.search(fold_lower(text))):
        said = text[m.start():m.end()]
        reading.figures.append(new.model_copy(update={
            "key": "tthc.ho_so_truc_tuyen", "label": FIELD_BY_KEY["tthc.ho_so_truc_tuyen"].label, "phrase": said, "quote": said,
            "start": m.start(), "end": m.end(), "note": f"“{said}”: bằng số hồ sơ mới tiếp nhận"}))
        reading.figures.sort(key=lambda f: f.start)
    return reading


def _own_level_totals(reading: TextReading) -> TextReading:
    """A commune has no level below it: "Tổng số TTHC cấp xã là 115" in a commune's report is all the procedures it
    handles, the unit's total as well as its commune-level count — unless the report states that total apart."""
    stated = {f.key for f in reading.figures}
    totals = [f.model_copy(update={"key": total, "note": "báo cáo của xã: số cấp xã cũng là tổng của đơn vị"})
              for f in reading.figures if (total := _LEVEL_TOTAL.get(f.key)) and total not in stated]
    reading.figures = sorted(reading.figures + totals, key=lambda f: f.start)
    return reading


# a commune-level count → the total its levels add up to ("tthc.tthc_cap_xa" → "tthc.tthc_tong_so")
_LEVEL_TOTAL = {part: total for total, parts in LEVEL_SUM_RULES for part in parts if part.endswith("_cap_xa")}


# a row of our own statistics appendix: "11 | Phản ánh, kiến nghị đã xử lý | phản ánh | 06" ("(*)" after a computed one)
_OWN_ROW = re.compile(r"^\s*\|?\s*\d{1,3}\.?\s*\|([^|]+)\|[^|\d]*\|\s*(\d{1,3}(?:\.\d{3})+|\d+)\s*(?:\||$)")


def _own_row_key(para: str) -> tuple[str, tuple[int, int]] | None:
    """"11 | Phản ánh, kiến nghị đã xử lý | phản ánh | 06": a row whose label is a schema field's own, word for word,
    is that field — its unit noun ("phản ánh") says only what is counted, not whether received or handled."""
    m = _OWN_ROW.match(para)
    key = key_for_label(m.group(1).replace("(*)", "")) if m else None
    return (key, m.span(2)) if key in FIELD_BY_KEY else None


def read_paragraph(para: str, section: str, by_level: bool | None = None, row_levels: dict[str, str] | None = None,
                   folded: str | None = None) -> TextReading:
    """One paragraph of a report under its section; a statistics table's row read as a row (its serial and code no
    figures, its unit column the value's noun). Shared with the reviewer. row_levels: the levels of the rows read so
    far (a row "3.2.1." inherits "3.2. … cấp huyện")."""
    folded = folded if folded is not None else mend(fold_lower(para))
    # "3.2.2. | 86 hồ sơ…": a number opening a row's label is "Số" misread by OCR, not a figure
    label_number = re.match(r"^\s*\|?\s*\d{1,2}(?:\.\d{1,2})+\.?\s*[|,]?\s*(\d+)\s+[^\W\d]", para)
    # "1 | Văn bản chỉ đạo … | văn bản | 12": the row's serial number (STT) before its label is no figure
    serial = _SERIAL.match(para)
    blocked = [m.span(1) for m in (label_number, serial) if m]
    level = _row_level(para, folded, row_levels if row_levels is not None else {})
    read, moves = _units_after_values(para, folded) if section == "phu_luc" else (para, [])
    # "HĐND tỉnh ban hành 18 nghị quyết QPPL, UBND tỉnh ban hành 42 quyết định QPPL": one figure, summed in code
    summed = legal_document_counts(para) if section != "phu_luc" else []
    part = read_figures(read, section=section, by_level=by_level, level=level,
                        blocked=blocked + [(f.start, f.end) for f in summed])
    part.figures = sorted([f.model_copy(update={"section": section}) for f in summed] + part.figures, key=lambda f: f.start)
    for item in (*part.figures, *part.rates, *part.ambiguous, *part.unread):
        moved = next(((a, b) for s, e, a, b in moves if (item.start, item.end) == (s, e)), None)
        item.start, item.end = moved or (item.start, item.end)
    if section == "phu_luc" and (own := _own_row_key(para)):
        key, span = own
        part.figures = [f.model_copy(update={"key": key, "confidence": max(f.confidence, 0.9)})
                        if (f.start, f.end) == span else f for f in part.figures]
    return part
