"""The list of documents a unit issued, as its document-management system exports it (.xlsx or .csv with
columns such as "Số/Ký hiệu", "Ngày ban hành", "Trích yếu"): every row read, its number checked with the
citation parser, and the rows about administrative reform proposed (by keywords) for the official to keep
or drop. Kept rows become `document` facts in the section their subject belongs to."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

from pydantic import BaseModel

from corpus.docnumbers import find_refs
from corpus.errors import InputError
from corpus.text import fold_lower
from drafting.inputs.fact_sheets import document_text
from drafting.inputs.subject_sections import classify

MAX_BYTES = 50 * 1024 * 1024  # the default of TROLY_MAX_UPLOAD_MB; the app passes its setting
MAX_ROWS = 20000
# column names as common office systems export them (folded, without diacritics)
# and as the register of outgoing documents of Nghị định 30/2020/NĐ-CP (Phụ lục IV) names them ("Số, ký hiệu văn bản",
# "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản"); a name matches a header that starts with it
_COLUMNS = {
    "number": ("so/ky hieu", "so, ky hieu", "so ky hieu", "so hieu", "ky hieu", "so van ban", "so vb", "so"),
    "date": ("ngay ban hanh", "ngay van ban", "ngay thang van ban", "ngay, thang van ban", "ngay thang", "ngay ky",
             "ngay vb", "ngay"),
    "subject": ("trich yeu", "trich yeu noi dung", "ten loai va trich yeu", "noi dung", "ten van ban", "tieu de"),
    "kind": ("loai van ban", "ten loai", "loai vb", "hinh thuc van ban"),
}
_SHORT = {"so", "ngay"}  # names matched whole only: "số lượng bản", "ngày đến" are other columns
_COLUMN_NUMBERS = re.compile(r"\(?\d{1,2}\)?")  # "(1) (2) (3)": the numbering row under a register's header
class RegisterRow(BaseModel):
    row: int
    number: str
    date: dt.date | None = None
    subject: str
    doc_type: str = ""  # from a column of its own ("Loại văn bản"), when the export has one
    reform: bool  # proposed to keep: its subject is about administrative reform
    section: str = "I"
    note: str = ""  # why the number or date could not be read

    @property
    def text(self) -> str:
        return document_text(self.number, self.date.strftime("%d/%m/%Y") if self.date else "", self.subject, self.doc_type)

    def as_fact(self) -> dict:
        return {"section": self.section, "kind": "document", "text": self.text}


def _fold(v) -> str:
    return re.sub(r"\s+", " ", fold_lower(str(v or ""))).strip(" :*")


def _table(data: bytes, name: str, max_bytes: int) -> list[list]:
    if len(data) > max_bytes:
        raise InputError(f"Tệp {name} quá lớn ({len(data) / 1048576:.1f} MB); giới hạn {max_bytes // 1048576} MB.")
    if data[:4] == b"PK\x03\x04":
        from openpyxl import load_workbook

        from corpus.loaders import check_zip

        check_zip(data, name, required="xl/workbook.xml", what="sổ tính Excel (.xlsx)")
        try:
            wb = load_workbook(io.BytesIO(data), data_only=True, read_only=True)
            return [list(r) for r in wb.worksheets[0].iter_rows(values_only=True)][:MAX_ROWS]
        except Exception as exc:  # openpyxl raises whatever a broken sheet leads it to
            raise InputError(f"Không đọc được {name}: sổ tính Excel bị hỏng.", detail=repr(exc)) from exc
    from corpus.encodings import decode_text

    text, _ = decode_text(data, name)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(text), dialect)][:MAX_ROWS]


def _date(v) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    m = re.search(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})", str(v or ""))
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
    except ValueError:
        return None


def read_register(data: bytes, name: str, max_bytes: int = MAX_BYTES) -> list[RegisterRow]:
    rows = _table(data, name, max_bytes)
    header_at, cols = None, {}
    for i, row in enumerate(rows[:15]):  # exports often start with a title block
        folded = [_fold(c) for c in row]
        found = {}
        for field, names in _COLUMNS.items():
            for j, cell in enumerate(folded):
                if j not in found.values() and any(cell == n or n not in _SHORT and cell.startswith(n) for n in names):
                    found[field] = j
                    break
        if "subject" in found and ("number" in found or "date" in found):
            header_at, cols = i, found
            break
    if header_at is None:
        raise InputError(f"{name}: không tìm thấy dòng tiêu đề có cột «Số, ký hiệu» (hoặc «Ngày») và «Trích yếu»; "
                         "hãy xuất danh sách văn bản đi từ phần mềm quản lý văn bản với các cột đó.")
    out = []
    for i, row in enumerate(rows[header_at + 1:], start=header_at + 2):
        def cell(field, row=row):
            j = cols.get(field)
            return row[j] if j is not None and j < len(row) else None

        subject = re.sub(r"\s+", " ", str(cell("subject") or "")).strip()
        number = re.sub(r"\s+", "", str(cell("number") or ""))
        if not subject and not number or all(_COLUMN_NUMBERS.fullmatch(str(c).strip()) for c in row if c not in (None, "")):
            continue
        notes = []
        if number and not find_refs(f"số {number}"):
            notes.append(f"không đọc được số, ký hiệu “{number}”")
        day = _date(cell("date"))
        if cell("date") not in (None, "") and day is None:
            notes.append(f"ngày “{cell('date')}” không hợp lệ")
        reform, section = classify(subject)
        out.append(RegisterRow(row=i, number=number, date=day, subject=subject, reform=reform, section=section,
                               doc_type=re.sub(r"\s+", " ", str(cell("kind") or "")).strip(),
                               note="; ".join(notes)))
    if not out:
        raise InputError(f"{name}: danh sách văn bản không có dòng nào.")
    return out
