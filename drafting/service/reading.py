"""A past report read back: its figures (each with the words it came from) and its header, and the
carry-forward of those figures into a new report as `previous` — after checks that it is the same
unit and an earlier period, so nothing from another unit or a later period is merged silently.

  python -m drafting read-figures bao-cao-quy-I.docx [--json]
  python -m drafting draft --figures so-lieu.xlsx --previous-report bao-cao-quy-I.docx --out bc.docx"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, Field

from corpus.chunking import report_heading_level
from corpus.errors import InputError
from corpus.loaders import ReadLimits, display_name, load_bytes
from corpus.text import fold_lower, marked_share, place_date
from drafting.figures.facts import Fact
from drafting.figures.figureset import build_figure_set
from drafting.figures.periods import PERIODS, period_name
from drafting.figures.schema import LEVELS
from drafting.inputs.chat_reader import ChatMeta, read_message, read_period, read_place
from drafting.inputs.files import FiguresInput
from drafting.inputs.plan_reader import LIST_ITEM
from drafting.inputs.report_text import read_report, section_lines
from drafting.inputs.text_reading import TextReading

ReportHeader = ChatMeta  # a report's header says what a chat message says: period, year, unit, level, date


class ReportReading(BaseModel):
    name: str
    header: ReportHeader
    reading: TextReading
    tasks: list[str] = Field(default_factory=list, description="the tasks its section IV set for the next period")
    plans: list[Fact] = Field(default_factory=list, description="the year's CCHC plans its section I says were issued")
    ocr: bool = False
    needs_confirmation: bool = Field(description="text without diacritics (OCR): every number is to be confirmed")


# an issuer's line under its parent's in a header: a department, the People's Committee's office, an inspectorate
_AGENCY_LINE = re.compile(r"^(?:so\s+\w|van phong\b|thanh tra\b|ban quan ly\b)")
_AGENCY_NAMES = {"van": "Văn phòng UBND", "thanh": "Thanh tra"}


# the national motto beside the issuer, as OCR and text export join them: "HUYEN TU KY Péc lap - Tu do - Hanh phiic"
_MOTTO = re.compile(r"(?:^|\s)(?:cong hoa\b|\S{2,4}c\s+l\S{1,2}p\s*[-–—])")


def _issuer_part(cell: str) -> str:
    """A header cell without the motto the line also holds (nothing left when the cell is the motto)."""
    m = _MOTTO.search(fold_lower(cell))
    return (cell[:m.start()] if m else cell).strip(" #*~")


def _agency(folded: str) -> str:
    return _AGENCY_NAMES.get(folded.split()[0], folded)


def read_header(text: str) -> ReportHeader:
    head = text[:2500]
    # the title names the period ("… 6 tháng đầu năm 2026"); the place is the issuer's, in the first lines
    period, year, _ = read_period(head)
    # the first line that names a period is the title's, not "Sơ kết công tác CCHC quý I" further down; the place and
    # date line ("ngày 6 tháng 9 năm 2023") names none
    lines = head.splitlines()
    at = next((i for i, line in enumerate(lines) if not re.search(r"\bngay\s+\d", fold_lower(line)) and read_period(line)[0]),
              None)
    if at is not None:
        period = read_period(lines[at])[0]
        # the title's year, not the signing date's ("… năm 2025" signed in January 2026), nor OCR's "nim 2023" missed
        title_year = re.search(r"\bn\w{1,2}m\s+(20\d\d)\b", fold_lower(" ".join(lines[at:at + 3])))
        year = int(title_year.group(1)) if title_year else year
    elif (t := next((i for i, line in enumerate(lines) if re.fullmatch(r"\W*b\S{1,2}o c\S{1,2}o\W*", fold_lower(line))), None)) \
            is not None and (whole := re.search(r"\bnam (20\d\d)\b", fold_lower(" ".join(lines[t + 1:t + 3])))):
        period, year = "năm", int(whole.group(1))  # "BÁO CÁO / Kết quả thực hiện công tác CCHC năm 2026": the year's
    locality, level = None, None
    # the issuer's line, often in capitals: "ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", or a header table's row read as one line
    # ("ỦY BAN NHÂN DÂN XÃ TÂN THÀNH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM Độc lập …"): each cell on its own
    cells = [c for line in head.splitlines()[:15] for c in map(_issuer_part, re.split(r"\||\s{3,}", line)) if c]
    for i, cell in enumerate(cells):
        locality, level = read_place(cell.title() if cell.isupper() else cell, request=True)
        if locality:
            # "UBND TỈNH QUẢNG TRỊ" over "SỞ XÂY DỰNG": the parent's line, then the issuer's, which names no place
            below = next((fold_lower(c) for c in cells[i + 1:i + 3] if _AGENCY_LINE.match(fold_lower(c))), None)
            if below and level == "tỉnh":
                agency, _ = read_place(f"{_agency(below)} {locality}", request=True)
                locality, level = (agency, "sở") if agency else (locality, level)
            elif level == "tỉnh":  # "UBND TỈNH ĐỒNG THÁP" over "UBND XÃ PHÚ THÀNH": the parent's line, then the issuer's
                lower = next((p for c in cells[i + 1:i + 3] if (p := read_place(c.title() if c.isupper() else c,
                                                                               request=True))[0] and p[1] != "tỉnh"), None)
                locality, level = lower or (locality, level)
            break
    return ReportHeader(period=period, year=year, locality=locality, level=level, date=_signed_on(lines))


def _signed_on(lines: list[str]) -> dt.date | None:
    """The date of the place-and-date line ("Tứ Kỳ, ngày 25 tháng 7 năm 2023"), not a plan's in the body
    ("Kế hoạch số 35/KH-UBND ngày 15/01/2026")."""
    for line in lines:
        m = re.search(r"(?:^|,)\s*(ng\S{1,2}y\s.*)", fold_lower(line))
        if m and (day := place_date(m.group(1))):
            return day
    return None


def read_report_bytes(data: bytes, name: str, max_bytes: int, limits: ReadLimits | None = None) -> ReportReading:
    name = display_name(name)
    if len(data) > max_bytes:
        raise InputError(f"{name}: tệp vượt giới hạn {max_bytes // (1024 * 1024)} MB.")
    loaded = load_bytes(data, name, limits=limits)
    text = loaded.text
    header = read_header(text)
    reading = read_report(text, own_level=header.level)
    if loaded.ocr:  # a number OCR read with low confidence is never taken as sure
        low = {w.strip(".,;:()") for _, w, _ in loaded.low_numbers}
        for f in reading.figures:
            f.confidence = min(f.confidence, 0.5 if f.quote in low else 0.75)
            if f.quote in low:
                f.note = (f.note + "; " if f.note else "") + "số đọc bằng OCR với độ tin cậy thấp: đối chiếu bản gốc"
    return ReportReading(name=name, header=header, reading=reading, ocr=loaded.ocr, tasks=planned_tasks(text),
                         plans=year_plans(text, header.year), needs_confirmation=loaded.ocr or marked_share(text) < 0.3)


def year_plans(text: str, year: int | None) -> list[Fact]:
    """"Ban ban hành Kế hoạch số 08/KH-BQL ngày 10/01/2026 về CCHC năm 2026 với 24 nhiệm vụ": the documents of the year's
    CCHC plan that section I of a report says were issued — each later report of that year starts from them."""
    if year is None:
        return []
    out: list[Fact] = []
    for section, _, line in section_lines(text):
        if section != "I" or "kế hoạch" not in line.lower():
            continue
        for f in read_message(line).facts:
            folded = fold_lower(f.text)
            if f.kind == "document" and f.number and re.search(r"\b(?:cchc|cai cach hanh chinh)\b", folded) and \
                    str(year) in folded and f.number not in {x.number for x in out}:
                out.append(f)
    return out


def planned_tasks(text: str) -> list[str]:
    """The list items of a report's section IV (phương hướng, nhiệm vụ kỳ tới); a section written as plain sentences
    ("Tiếp tục rà soát, đơn giản hóa TTHC lĩnh vực đầu tư.") gives its sentences."""
    items, sentences = [], []
    for section, _, line in section_lines(text):
        line = re.sub(r"\*\*", "", line).strip()
        if section != "IV" or not line or line.isupper() or report_heading_level(line) is not None:
            continue
        if m := LIST_ITEM.match(line):
            items.append(m.group(1))
        else:
            sentences += re.split(r"(?<=[.;])\s+", line)
    return [t.rstrip(" ;.,") for t in items or sentences if len(t) > 20 and not t.isupper()]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", fold_lower(text)) if len(w) > 2}


def unreported_tasks(tasks: list[str], said: list[str]) -> list[str]:
    """Last period's tasks the new report says nothing about (fewer than half their words in any one line)."""
    lines = [_words(s) for s in said if s.strip()]
    out = []
    for t in tasks:
        w = _words(t)
        if w and not any(len(w & line) >= len(w) / 2 for line in lines):
            out.append(t)
    return out


def read_report_file(path: Path, max_bytes: int, limits: ReadLimits | None = None) -> ReportReading:
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"Không đọc được tệp {path}.", detail=str(exc)) from exc
    return read_report_bytes(data, Path(path).name, max_bytes, limits)


class CarryForward(BaseModel):
    kind: str = Field(description="previous | same_period_last_year")
    values: dict[str, Decimal]
    quotes: dict[str, str] = Field(description="figure → the words of the past report it came from")
    to_confirm: list[str] = Field(default_factory=list, description="figures read with low confidence")
    source: str
    tasks: list[str] = Field(default_factory=list, description="last period's tasks: this period's checklist")
    within: int = Field(0, description="counts left out: the past report's period lies inside this one")

    @property
    def label(self) -> str:
        """What the draft compares with: "kỳ trước" or "cùng kỳ năm trước"."""
        return "cùng kỳ năm trước" if self.kind == "same_period_last_year" else "kỳ trước"


def _order(period: str) -> int:
    return PERIODS.index(period) if period in PERIODS else -1


def carry_forward(past: ReportReading, period: str, year: int, locality: str | None) -> CarryForward:
    """The past report's figures as this report's `previous`; InputError when it is another unit's, or not
    an earlier period."""
    h = past.header
    if locality and h.locality and fold_lower(h.locality) != fold_lower(locality):
        raise InputError(f"{past.name}: đây là báo cáo của {h.locality}, không phải của {locality}; "
                         "không lấy số liệu kỳ trước từ báo cáo của đơn vị khác.")
    if h.year is None or h.period is None:
        raise InputError(f"{past.name}: không xác định được kỳ báo cáo (quý/6 tháng/9 tháng/năm và năm) ở phần "
                         "tiêu đề; hãy kiểm tra lại tệp.")
    if (h.year, _order(h.period)) >= (year, _order(period)):
        raise InputError(f"{past.name}: báo cáo {period_name(h.period, h.year)} không phải kỳ trước của báo cáo "
                         f"{period_name(period, year)}.")
    kind = "same_period_last_year" if (h.period, h.year) == (period, year - 1) else "previous"
    values = past.reading.values()
    within = 0
    if kind == "previous" and period == "năm" and h.year == year:
        # "báo cáo 6 tháng năm 2023 làm kỳ trước của báo cáo năm 2023": its counts are part of the year's (every
        # period runs from 15/12 of the year before) — a year is never "up 102%" on its own first half; levels stay
        # its pending dossiers are still inside the year's too: no level to compare, nor this year's carried-over ones
        kept = LEVELS - {"tthc.ho_so_dang_giai_quyet"}
        within = sum(k not in kept for k in values)
        values = {k: v for k, v in values.items() if k in kept}
    quotes, low = {}, []
    for f in past.reading.figures:
        if f.key in values and f.key not in quotes and f.value == values[f.key]:
            quotes[f.key] = f.words
            if f.confidence < 0.8 or past.needs_confirmation:
                low.append(f.key)
    return CarryForward(kind=kind, values=values, quotes=quotes, to_confirm=low, tasks=past.tasks,
                        source=f"{past.name} ({period_name(h.period, h.year)})", within=within)


def carry_notes(carry: CarryForward, tasks_lead: str) -> str:
    """What to check after a carry-forward: the figures read with low confidence, and last period's tasks."""
    out = ""
    if carry.within:
        out += (f"\n\n{carry.within} số việc trong kỳ (hồ sơ, văn bản, hội nghị…) của báo cáo đó không lấy: chúng đã nằm "
                "trong số cả năm (các kỳ đều tính từ 15/12 năm trước); chỉ lấy các mức tại cuối kỳ (tổng số TTHC, "
                "biên chế, tài khoản định danh…).")
    if carry.to_confirm:
        out += f"\n\n{len(carry.to_confirm)} số đọc chưa chắc chắn (văn bản không dấu hoặc câu khó hiểu): hãy xác nhận."
    if carry.tasks and carry.kind == "previous":
        out += f"\n\n{tasks_lead}:\n" + "\n".join(f"- {t}" for t in carry.tasks)
    return out


def with_previous(data: FiguresInput, carry: CarryForward) -> FiguresInput:
    """The input with the past report's figures as `previous` (or `same_period` for last year's same period);
    figures the official typed for that period win over those read from the report."""
    fs = data.figures
    same = carry.kind == "same_period_last_year"
    typed = fs.same_period if same else fs.previous
    read = {**{k: str(v) for k, v in carry.values.items()}, **{k: str(v) for k, v in typed.items()}}
    previous = {k: str(v) for k, v in fs.previous.items()} if same else read
    same_period = read if same else {k: str(v) for k, v in fs.same_period.items()}
    rebuilt = build_figure_set({k: str(v) for k, v in fs.values.items()}, previous, fs.cells, "", "kỳ trước", same_period)
    return data.model_copy(update={"figures": rebuilt})
