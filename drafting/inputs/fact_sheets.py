"""The workbook's sheets for the unit's substance: documents issued, activities, targets, shortcomings and
causes, next tasks, and other content. Each sheet is known by its header row, so a renamed sheet still
reads; every row becomes a Fact or a Target whose origin names the sheet and the row."""

from __future__ import annotations

import datetime as dt
import re

from pydantic import BaseModel

from drafting.figures.facts import SECTIONS, Fact, Target, parse_fact, parse_targets
from drafting.figures.figureset import FigureIssue
from drafting.inputs.subject_sections import classify

_FULL_DATE = re.compile(r"\s*\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}\s*|\s*\d{4}-\d{1,2}-\d{1,2}\s*")
# a subject that begins with a name keeps its capital after "về" ("về Bộ phận Một cửa", "về Đề án 06")
_NAMES_FIRST = ("Bộ ", "Sở ", "Ủy ban", "Uỷ ban", "Hội đồng", "Trung tâm", "Đề án", "Nghị quyết", "Nghị định", "Quyết định",
                "Chỉ thị", "Luật ", "Cổng ", "Ban Chỉ đạo", "Ban Thường vụ", "Văn phòng", "Đảng", "Tỉnh ủy", "Huyện ủy",
                "Thành ủy", "Chính phủ", "Quốc hội", "Thủ tướng", "Tổng cục", "Cục ", "Chương trình", "Chủ tịch",
                "Phó Chủ tịch", "Giám đốc", "Phó Giám đốc", "Chánh Văn phòng", "Thường trực", "Bí thư")


def _when(time: str, text: str) -> str:
    """"tháng 3/2026", "quý I", "15-16/3/2026" in the time column: not a date, but the official's words, kept
    before what was done ("Tháng 3/2026, kiểm tra công tác CCHC tại …"); a full date stays the fact's date."""
    time = time.strip()
    if not time or not text or _FULL_DATE.fullmatch(time):
        return text
    return f"{time[:1].upper()}{time[1:]}, {lower_first(text)}"


def lower_first(text: str) -> str:
    """"Ra quân hướng dẫn …" after "Quý II," or "Tuyên truyền …" after "về": the words go on in lower case, but a name
    keeps its capital ("Bộ phận Một cửa", "Đề án 06") and an acronym stays ("UBND xã …", "CCHC")."""
    first = text.split(" ", 1)[0]
    if first[:1].isupper() and first[1:].islower() and not text.startswith(_NAMES_FIRST):
        return text[:1].lower() + text[1:]
    return text


# Document types by the abbreviation in their symbol (Nghị định 30/2020, Phụ lục III)
DOC_TYPES = {"KH": "Kế hoạch", "QĐ": "Quyết định", "QD": "Quyết định", "CT": "Chỉ thị", "TB": "Thông báo",
             "BC": "Báo cáo", "HD": "Hướng dẫn", "NQ": "Nghị quyết", "CTr": "Chương trình", "ĐA": "Đề án",
             "QC": "Quy chế", "TTr": "Tờ trình", "GM": "Giấy mời", "PA": "Phương án"}


class SheetSpec(BaseModel):
    title: str
    kind: str  # a fact kind, "target" or "mixed" (kind in a column)
    header: list[str]
    widths: list[int]
    hint: str
    default_section: str = ""


SHEETS = [
    SheetSpec(title="Văn bản đã ban hành", kind="document", header=["Mục", "Số, ký hiệu", "Ngày", "Trích yếu"],
              widths=[8, 18, 12, 90], default_section="I",
              hint="Mỗi văn bản một dòng: mục đề cương (I, II.1 … II.6), số ký hiệu (14/KH-UBND), ngày, trích yếu."),
    SheetSpec(title="Hoạt động", kind="event", header=["Mục", "Thời gian", "Nội dung"], widths=[8, 14, 100],
              default_section="I",
              hint="Hội nghị, cuộc họp (nội dung), kiểm tra, tuyên truyền, đối thoại… mỗi việc một dòng."),
    SheetSpec(title="Chỉ tiêu được giao", kind="target", header=["Mã chỉ tiêu", "Giá trị", "Nguồn (văn bản giao)"],
              widths=[34, 10, 80],
              hint="Mã như tthc.ty_le_truc_tuyen (xem cột A các trang số liệu, hoặc tỷ lệ: tthc.ty_le_dung_han); "
                   "nguồn: văn bản của cấp trên giao chỉ tiêu."),
    SheetSpec(title="Tồn tại và nguyên nhân", kind="shortcoming", header=["Mục", "Tồn tại, hạn chế", "Nguyên nhân"],
              widths=[8, 60, 60], default_section="III",
              hint="Mỗi hạn chế một dòng, kèm nguyên nhân (chủ quan, khách quan); để trống nếu chưa rõ."),
    SheetSpec(title="Nhiệm vụ", kind="task", header=["Mục", "Nhiệm vụ", "Tình trạng"], widths=[8, 90, 18],
              default_section="IV",
              hint="Nhiệm vụ kỳ tới (mục IV) hoặc nhiệm vụ trong kế hoạch năm với tình trạng: hoàn thành / "
                   "đang thực hiện / chưa thực hiện."),
    SheetSpec(title="Nội dung khác", kind="mixed", header=["Mục", "Loại", "Nội dung"], widths=[8, 16, 100],
              hint="Loại: tiến độ, sáng kiến, kiến nghị, ghi chú (cơ sở vật chất Bộ phận Một cửa, số hóa…)."),
]
SHEET_BY_HEADER = {tuple(s.header): s for s in SHEETS}
MIXED_KINDS = ["tiến độ", "sáng kiến", "kiến nghị", "ghi chú", "tồn tại", "nhiệm vụ", "văn bản", "hoạt động"]


class SheetFacts(BaseModel):
    facts: list[Fact] = []
    targets: list[Target] = []
    issues: list[FigureIssue] = []


def spec_of(header_row) -> SheetSpec | None:
    cells = tuple(str(c).strip() for c in (header_row or ()) if c not in (None, ""))
    return SHEET_BY_HEADER.get(cells)


def _text(v) -> str:
    if v is None:
        return ""
    if isinstance(v, dt.datetime):
        v = v.date()
    if isinstance(v, dt.date):
        return v.strftime("%d/%m/%Y")
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return re.sub(r"\s+", " ", str(v)).strip()


def document_text(number: str, date: str, subject: str, kind: str = "") -> str:
    """'14/KH-UBND', '30/01/2023', 'Kế hoạch tuyên truyền pháp luật năm 2023' →
    'Kế hoạch số 14/KH-UBND ngày 30/01/2023 về tuyên truyền pháp luật năm 2023' (the type from the symbol; kind: the
    type from a column of its own, for a symbol that does not say it — "125/UBND-VP" is a Công văn)."""
    if number and number in subject:  # the whole reference is already written out (a re-exported row)
        return subject.strip()
    if not number and not date:
        return subject.strip()
    number = re.sub(r"^[^\d/]*?(?:\bsố\s*)?(?=\d)", "", number.strip())  # "Quyết định số 42/QĐ-…": the type comes from the symbol
    symbol = number.split("/", 1)[1] if "/" in number else ""
    abbr = symbol.split("-", 1)[0]
    kind = DOC_TYPES.get(abbr, "") or kind.strip().capitalize()
    subj = re.sub(r"^(v/v|về việc|về)\s+", "", subject.strip(), flags=re.IGNORECASE)
    if kind and subj.lower().startswith(kind.lower()):
        subj = subj[len(kind):].strip()
        subj = re.sub(r"^(về|v/v)\s+", "", subj, flags=re.IGNORECASE)
    # "… về Tuyên truyền cải cách hành chính": a subject exported as a title goes on after "về" in lower case, but
    # a name stays as written ("về Bộ phận Một cửa", "về Đề án 06", "về CCHC")
    subj = lower_first(subj)
    head = f"{kind or 'Văn bản'} số {number}" if number else (kind or "Văn bản")
    return f"{head}{f' ngày {date}' if date else ''} về {subj}" if subj else f"{head}{f' ngày {date}' if date else ''}"


# "Mục I", "I. Chỉ đạo, điều hành", "II.2 Cải cách TTHC": the section's key at the start of the cell
_SECTION_CELL = re.compile(r"^\s*(?:m[uụ]c\s+)?(II\.[1-6]|III|IV|V|I)(?![\w.]|\.\d)", re.IGNORECASE)


def _split_cell(v: str) -> list[str]:
    """A cell holding several items, one per line or after a semicolon."""
    return [x.strip() for x in re.split(r"\s*[\n;]\s*", v) if x.strip()]


def read_sheet(title: str, rows: list, spec: SheetSpec, out: SheetFacts) -> None:
    """Rows after the header (row 1) and the hint row (row 2, which starts with "#")."""
    if spec.kind == "target":
        raw, where = [], []
        for i, r in enumerate(rows[1:], start=2):
            cells = [_text(c) for c in (list(r) + [None] * 3)[:3]]
            if not any(cells) or cells[0].startswith("#"):
                continue
            raw.append({"key": cells[0], "value": cells[1], "source": cells[2]})
            where.append(f"'{title}' dòng {i}")
        targets, issues = parse_targets(raw, origin=f"'{title}'")
        # name the row, not the position in the list
        for t in targets:
            t.origin = where[int(t.origin.rsplit("[", 1)[1].rstrip("]")) - 1]
        for issue in issues:
            n = re.search(r"\[(\d+)\]", issue.message)
            if n:
                issue.message = issue.message.replace(f"'{title}'[{n.group(1)}]", where[int(n.group(1)) - 1])
        out.targets += targets
        out.issues += issues
        return
    for i, r in enumerate(rows[1:], start=2):
        cells = [_text(c) for c in (list(r) + [None] * len(spec.header))[:len(spec.header)]]
        if not any(cells) or cells[0].startswith("#"):
            continue
        where = f"'{title}' dòng {i}"
        named = _SECTION_CELL.match(cells[0])
        section = named.group(1).upper() if named else cells[0] or spec.default_section
        if spec.kind == "document":
            if not cells[0]:  # no section chosen: where its subject belongs, as the register import proposes
                section = classify(cells[3])[1]
            numbers = [x for x in re.split(r"\s*[\n;,]\s*|\s+(?=\d)", cells[1]) if x.strip()]
            subjects = _split_cell(cells[3])
            if len(numbers) > 1 and len(numbers) == len(subjects):  # "06/KH-UBND↵07/KH-UBND" with two subjects
                for number, subject in zip(numbers, subjects, strict=True):
                    fact = parse_fact({"section": section, "kind": "document", "number": number,
                                       "text": document_text(number, cells[2], subject), "date": cells[2]},
                                      where, out.issues)
                    if fact is not None:
                        out.facts.append(fact)
                continue
            item = {"section": section, "kind": "document", "text": document_text(cells[1], cells[2], cells[3]),
                    "number": cells[1], "date": cells[2]}
        elif spec.kind == "event":
            item = {"section": section, "kind": "event", "text": _when(cells[1], cells[2]),
                    "date": cells[1] if _FULL_DATE.fullmatch(cells[1]) else ""}
        elif spec.kind == "shortcoming":
            item = {"section": section, "kind": "shortcoming", "text": cells[1], "cause": lower_first(cells[2])}
        elif spec.kind == "task":
            item = {"section": section, "kind": "task", "text": cells[1], "status": cells[2]}
        else:
            item = {"section": section, "kind": cells[1], "text": cells[2]}
        if not item.get("date"):
            item.pop("date", None)
        fact = parse_fact(item, where, out.issues)
        if fact is not None:
            out.facts.append(fact)


def write_sheets(wb, facts: list[Fact] | None = None, targets: list[Target] | None = None) -> None:
    """Add the substance sheets to an openpyxl workbook, pre-filled when facts or targets are given."""
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.worksheet.datavalidation import DataValidation

    facts, targets = list(facts or []), list(targets or [])
    bold, hint_font = Font(bold=True), Font(italic=True, color="666666")
    fill = PatternFill("solid", fgColor="FFF2CC")
    sections = DataValidation(type="list", formula1='"' + ",".join(SECTIONS) + '"', allow_blank=True,
                              showErrorMessage=True, error="Chọn mục đề cương: " + ", ".join(SECTIONS))
    for spec in SHEETS:
        ws = wb.create_sheet(spec.title)
        ws.append(spec.header)
        for c in ws[1]:
            c.font = bold
        ws.append([f"# {spec.hint}"])
        ws.cell(2, 1).font = hint_font
        dv_sections = DataValidation(type="list", formula1=sections.formula1, allow_blank=True, showErrorMessage=True,
                                     error=sections.error)
        ws.add_data_validation(dv_sections)
        if spec.kind == "task":
            status = DataValidation(type="list", formula1='"hoàn thành,đang thực hiện,chưa thực hiện"', allow_blank=True)
            ws.add_data_validation(status)
            status.add("C3:C500")
        if spec.kind == "mixed":
            kinds = DataValidation(type="list", formula1='"' + ",".join(MIXED_KINDS) + '"', allow_blank=True)
            ws.add_data_validation(kinds)
            kinds.add("B3:B500")
        if spec.kind == "target":
            number = DataValidation(type="decimal", operator="greaterThanOrEqual", formula1="0", allow_blank=True,
                                    showErrorMessage=True, error="Nhập số không âm.")
            ws.add_data_validation(number)
            number.add("B3:B500")
        else:
            dv_sections.add("A3:A500")
        for row in _rows(spec, facts, targets):
            ws.append(row)
        for col, width in zip("ABCD", spec.widths):
            ws.column_dimensions[col].width = width
        for row in ws.iter_rows(min_row=3, max_row=max(ws.max_row, 12)):
            for c in row[: len(spec.header)]:
                c.fill = fill
                c.alignment = Alignment(wrap_text=True, vertical="top")
        ws.freeze_panes = "A3"


_MIXED_NAMES = {"progress": "tiến độ", "initiative": "sáng kiến", "proposal": "kiến nghị", "note": "ghi chú"}


def _rows(spec: SheetSpec, facts: list[Fact], targets: list[Target]) -> list[list]:
    if spec.kind == "target":
        return [[t.key, float(t.value) if t.value != t.value.to_integral_value() else int(t.value), t.source]
                for t in targets]
    if spec.kind == "document":
        return [[f.section, f.number, "", f.text] for f in facts if f.kind == "document"]
    if spec.kind == "event":
        return [[f.section, f.date.strftime("%d/%m/%Y") if f.date else "", f.text] for f in facts if f.kind == "event"]
    if spec.kind == "shortcoming":
        return [[f.section, f.text, f.cause] for f in facts if f.kind == "shortcoming"]
    if spec.kind == "task":
        return [[f.section, f.text, f.status] for f in facts if f.kind == "task"]
    return [[f.section, _MIXED_NAMES[f.kind], f.text] for f in facts if f.kind in _MIXED_NAMES]
