"""The unit's own substance beside its figures: facts (documents it issued, events, progress, initiatives,
shortcomings with their causes, next tasks, proposals, notes) and targets the upper level set.

Facts are written into the report only as the official wrote them; nothing is added to them. Each fact
keeps where it came from (`origin`: "facts[3]", a workbook cell, a chat message) for the findings and the
.docx comments."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel, Field

from corpus.docnumbers import find_refs
from drafting.figures.figureset import FigureIssue
from drafting.figures.outline import SECTION_BY_KEY
from drafting.figures.schema import DERIVED_BY_KEY, FIELD_BY_KEY
from drafting.figures.vnformat import parse_vn_number

FactKind = Literal["document", "event", "progress", "initiative", "shortcoming", "task", "proposal", "note"]
FACT_KINDS: dict[str, str] = {
    "document": "văn bản đã ban hành", "event": "hoạt động, hội nghị, kiểm tra, tuyên truyền",
    "progress": "tiến độ so với kế hoạch", "initiative": "mô hình, sáng kiến", "shortcoming": "tồn tại, hạn chế",
    "task": "nhiệm vụ", "proposal": "kiến nghị, đề xuất", "note": "nội dung khác",
}
# What an official may type for a kind, in Vietnamese too (the workbook and chat use these words)
_KIND_WORDS = {
    "van ban": "document", "van ban ban hanh": "document", "hoat dong": "event", "su kien": "event",
    "hoi nghi": "event", "tien do": "progress", "sang kien": "initiative", "mo hinh": "initiative",
    "ton tai": "shortcoming", "han che": "shortcoming", "nhiem vu": "task", "kien nghi": "proposal",
    "de xuat": "proposal", "ghi chu": "note", "khac": "note",
}
TaskStatus = Literal["", "hoàn thành", "đang thực hiện", "chưa thực hiện"]
_STATUS_WORDS = {"hoan thanh": "hoàn thành", "xong": "hoàn thành", "da xong": "hoàn thành", "done": "hoàn thành",
                 "dang thuc hien": "đang thực hiện", "dang trien khai": "đang thực hiện",
                 "chua thuc hien": "chưa thực hiện", "chua hoan thanh": "chưa thực hiện", "": ""}
SECTIONS = [k for k in SECTION_BY_KEY if k != "II"]
FACT_FIELDS = {"section", "kind", "text", "cause", "date", "status", "number"}
TARGET_FIELDS = {"key", "value", "source"}
# Rates where lower is better: a target on them is a ceiling
LOWER_IS_BETTER = {"tthc.ty_le_qua_han", "tthc.ho_so_qua_han"}


# a difficulty (an obstacle the unit met, not its own fault), on folded words: written with its label ("Khó khăn:
# máy scan hư hỏng …"), no cause asked of it
HARDSHIP = re.compile(r"^\s*(?:kho khan|vuong mac)(?:,\s*(?:vuong mac|kho khan))?\s*:")

# limitations the chat reads from a count said with its cause; section III writes them from the count
# "Qua kiểm tra chưa phát hiện sai phạm": what the CCHC inspections found (section I, said in the inspections' sentence)
INSPECTION_FINDING = re.compile(r"^\s*(?:qua (?:kiem tra|thanh tra)|(?:chua|khong) phat hien)\b")
LATE_DOSSIERS = "Hồ sơ quá hạn"
PENDING_TASKS = "Nhiệm vụ cấp trên giao chưa hoàn thành"
# the noun of tasks set from above still running within their deadline: said so, and no shortcoming (no cause asked)
WITHIN_TIME_TASKS = "nhiệm vụ đang thực hiện trong thời hạn"

# "UBND tỉnh ban hành Kế hoạch số …": the body that issued a document, when the official names one — kept, never
# replaced by the reporting unit (a department's report cites the province's plan, issued by UBND tỉnh)
_ISSUER = re.compile(r"((?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|chu tich|ban chi dao|ban thuong vu|thuong truc|"
                     r"tinh uy|huyen uy|thanh uy|dang uy|van phong|so|phong)\b[^,;:.()]{0,40}?)\s+(?:da\s+)?(?=ban hanh\b)")


def _issuer_at(text: str, folded: str, at: int) -> re.Match | None:
    """The issuer starting at `at`: on the folded words, but "số" (a number) is no "Sở" (a department)."""
    m = _ISSUER.match(folded, at)
    return None if m is None or (folded.startswith("so", at) and text[at:at + 2].lower() != "sở") else m


# "Tháng 7 Sở ban hành Kế hoạch số 85/KH-SCT …": a month said without its day — kept at the head of a document's words
# (a fact's date is a day), and said so in the draft ("Tháng 7, Sở đã ban hành …")
MONTH_SAID = re.compile(r"((?:[Tt]rong |[Vv]ào |[Đđ]ầu |[Cc]uối |[Gg]iữa )?[Tt]háng (?:0?[1-9]|1[0-2])(?:/(?:19|20)\d\d)?)"
                        r"(?![\d/])\s*,?\s*")


# "Quyết định số 12/2026/QĐ-UBND ngày 05/3/2026 của UBND tỉnh quy định …": the body whose document it is, after its number
_OF_BODY = re.compile(r"^[^()]*?\bsố\s+\S+(?:\s+ngày\s+[\d/]+)?\s+của\s+(?P<body>(?:UBND|Ủy ban nhân dân|HĐND|Hội đồng "
                      r"nhân dân|Chủ tịch UBND|Bộ|Chính phủ|Thủ tướng)\b[^,;()]*)")
_LEVEL_OF_BODY = (("tw", r"^(?:bo |chinh phu|thu tuong)"), ("tỉnh", r"\b(?:tinh|thanh pho)\b"),
                  ("huyện", r"\b(?:huyen|quan|thi xa)\b"), ("xã", r"\b(?:xa|phuong|dac khu|thi tran)\b"))


def split_issuer(text: str) -> tuple[str, str]:
    """("UBND tỉnh", "ban hành Kế hoạch …") from "UBND tỉnh đã ban hành Kế hoạch …"; ("", text) without one."""
    from corpus.text import fold_lower

    m = _issuer_at(text, fold_lower(text), 0)
    return (text[:m.end(1)], text[m.end():]) if m else ("", text)


def of_other_body(text: str, level: str) -> bool:
    """A document said "… số … của UBND tỉnh …" in a commune's or a department's report (or "của Bộ …", "của Chính
    phủ"): another body's, which the reporting unit did not issue."""
    from corpus.text import fold_lower

    if not (o := _OF_BODY.match(text)):
        return False
    body = fold_lower(o.group("body"))
    of = next((lv for lv, pattern in _LEVEL_OF_BODY if re.search(pattern, body)), None)
    return of is not None and (level == "sở" or of != level)


def issuer_before(clause: str, verb_at: int) -> int | None:
    """Where the issuer named right before a document's verb starts ("Chỉ đạo: UBND tỉnh ban hành …" → at "UBND")."""
    from corpus.text import fold_lower

    folded = fold_lower(clause)  # same offsets as the clause
    starts = [m.start() for m in re.finditer(r"(?:^|(?<=[\s:,;]))\w", folded[:verb_at])]
    return next((a for a in starts if (m := _issuer_at(clause, folded, a)) and m.end() == verb_at), None)


class Fact(BaseModel):
    section: str = Field(description="Mục đề cương: I, II.1 … II.6, III, IV, V")
    kind: FactKind
    text: str = Field(description="Nội dung, theo lời của cán bộ")
    cause: str = Field("", description="Nguyên nhân (với tồn tại, hạn chế)")
    date: dt.date | None = None
    status: TaskStatus = ""
    number: str = Field("", description="Số, ký hiệu văn bản đọc được (với văn bản)")
    origin: str = Field("", description="Nơi cán bộ ghi: facts[3], ô của sổ số liệu, tin nhắn")
    figure: str = Field("", description="Mã chỉ tiêu mà ghi chú nói kèm (cột Ghi chú của biểu số liệu)")

    @property
    def done(self) -> bool:
        return self.status == "hoàn thành"


class Target(BaseModel):
    key: str
    value: Decimal
    source: str = Field(description="Văn bản của cấp trên giao chỉ tiêu, ví dụ 'Kế hoạch số 25/KH-UBND của UBND tỉnh'")
    origin: str = ""

    @property
    def label(self) -> str:
        spec = FIELD_BY_KEY.get(self.key) or DERIVED_BY_KEY[self.key]
        return spec.label

    @property
    def unit(self) -> str:
        spec = FIELD_BY_KEY.get(self.key) or DERIVED_BY_KEY[self.key]
        return spec.unit

    @property
    def ceiling(self) -> bool:
        return self.key in LOWER_IS_BETTER


def _fold(text: str) -> str:
    from corpus.text import fold_lower

    return re.sub(r"\s+", " ", fold_lower(str(text or ""))).strip()


def _date(raw, where: str, issues: list[FigureIssue], field: str) -> dt.date | None:
    if raw in (None, ""):
        return None
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    m = re.fullmatch(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*", str(raw)) or re.fullmatch(
        r"\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*", str(raw))
    try:
        if m and len(m.group(1)) == 4:
            return dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if m:
            return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        pass
    issues.append(FigureIssue(field=field, cell=where, message=f"{where}: ngày “{raw}” không hợp lệ (dùng dạng 30/01/2023)."))
    return None


def section_of(raw) -> str | None:
    """'II.2', 'ii.2', 'II 2', '2' is not enough; also III.1/III.2 (the assessment's two parts) → III."""
    s = re.sub(r"\s+", "", str(raw or "")).upper().replace(",", ".")
    s = re.sub(r"^(III)\.[12]$", r"\1", s)
    return s if s in SECTIONS else None


def kind_of(raw) -> str | None:
    k = _fold(raw).replace("_", " ")
    return k if k in FACT_KINDS else _KIND_WORDS.get(k)


def parse_fact(item, where: str, issues: list[FigureIssue]) -> Fact | None:
    """One item of the `facts` list → a Fact, or None with a Vietnamese message naming the item."""
    if isinstance(item, str):
        issues.append(FigureIssue(field="facts", cell=where, message=(
            f"{where}: cần ghi rõ mục (section), loại (kind) và nội dung (text), không chỉ một dòng chữ.")))
        return None
    if not isinstance(item, dict):
        issues.append(FigureIssue(field="facts", cell=where, message=f"{where}: không đọc được (cần section, kind, text)."))
        return None
    before = len(issues)
    unknown = sorted(set(map(str, item)) - FACT_FIELDS)
    if unknown:
        issues.append(FigureIssue(field="facts", cell=where, message=(
            f"{where}: trường “{', '.join(unknown)}” không dùng được; chỉ dùng: {', '.join(sorted(FACT_FIELDS))}.")))
    def choice(value, got, bad: str, missing: str, allowed) -> None:
        if value is None:
            issues.append(FigureIssue(field="facts", cell=where, message=(
                f"{where}: " + (bad.format(got) if got not in (None, "") else missing)
                + f"; chọn một trong: {', '.join(allowed)}.")))

    section = section_of(item.get("section"))
    choice(section, item.get("section"), "mục “{}” không có trong đề cương", "thiếu mục (section)", SECTIONS)
    kind = kind_of(item.get("kind"))
    choice(kind, item.get("kind"), "loại “{}” không hợp lệ", "thiếu loại (kind)", FACT_KINDS)
    text = re.sub(r"\s+", " ", str(item.get("text") or "")).strip()
    if not text:
        issues.append(FigureIssue(field="facts", cell=where, message=f"{where}: thiếu nội dung (text)."))
    status_raw = _fold(item.get("status"))
    status = _STATUS_WORDS.get(status_raw)
    if status is None:
        issues.append(FigureIssue(field="facts", cell=where, message=(
            f"{where}: tình trạng “{item.get('status')}” không hợp lệ; dùng: hoàn thành, đang thực hiện, chưa thực hiện.")))
    day = _date(item.get("date"), where, issues, "facts")
    number = str(item.get("number") or "").strip()
    if kind == "document" and text:
        refs = find_refs(number or text)
        if refs:
            number = number or text[refs[0].start:refs[0].end]
        elif re.search(r"\d+\s*/\s*[A-ZĐa-zđ-]", number or text):
            issues.append(FigureIssue(field="facts", cell=where, message=(
                f"{where}: không đọc được số, ký hiệu văn bản trong “{number or text}” "
                "(viết như: Kế hoạch số 14/KH-UBND ngày 30/01/2023).")))
    if len(issues) > before:
        return None
    return Fact(section=section, kind=kind, text=text, cause=re.sub(r"\s+", " ", str(item.get("cause") or "")).strip(),
                date=day, status=status or "", number=number, origin=where)


def parse_facts(raw, origin: str = "facts") -> tuple[list[Fact], list[FigureIssue]]:
    issues: list[FigureIssue] = []
    if raw in (None, ""):
        return [], issues
    if not isinstance(raw, list):
        return [], [FigureIssue(field="facts", cell=origin, message=(
            f"Mục “{origin}” phải là một danh sách, mỗi mục có section, kind, text."))]
    facts = [f for i, item in enumerate(raw) if (f := parse_fact(item, f"{origin}[{i + 1}]", issues)) is not None]
    return facts, issues


def parse_targets(raw, origin: str = "targets") -> tuple[list[Target], list[FigureIssue]]:
    issues: list[FigureIssue] = []
    if raw in (None, ""):
        return [], issues
    if isinstance(raw, dict):  # {key: {value, source}} is accepted too
        raw = [{"key": k, **(v if isinstance(v, dict) else {"value": v})} for k, v in raw.items()]
    if not isinstance(raw, list):
        return [], [FigureIssue(field="targets", cell=origin, message=(
            f"Mục “{origin}” phải là một danh sách chỉ tiêu (key, value, source)."))]
    out: list[Target] = []
    for i, item in enumerate(raw):
        where = f"{origin}[{i + 1}]"
        if not isinstance(item, dict):
            issues.append(FigureIssue(field="targets", cell=where, message=f"{where}: cần key, value, source."))
            continue
        key = str(item.get("key") or "").strip()
        unknown = sorted(set(map(str, item)) - TARGET_FIELDS)
        if unknown:
            issues.append(FigureIssue(field="targets", cell=where, message=(
                f"{where}: trường “{', '.join(unknown)}” không dùng được; chỉ dùng: key, value, source.")))
            continue
        if key not in FIELD_BY_KEY and key not in DERIVED_BY_KEY:
            from drafting.figures.figureset import _suggest

            issues.append(FigureIssue(field="targets", cell=where, message=(
                f"{where}: chỉ tiêu “{key}” không có trong biểu số liệu.{_suggest(key)}")))
            continue
        value = parse_vn_number(str(item.get("value", "")))
        spec = FIELD_BY_KEY.get(key) or DERIVED_BY_KEY[key]
        if value is None or value < 0 or (spec.unit == "%" and value > 100):
            issues.append(FigureIssue(field="targets", cell=where, message=(
                f"{where}: chỉ tiêu «{spec.label}» có giá trị “{item.get('value')}” không hợp lệ.")))
            continue
        source = re.sub(r"\s+", " ", str(item.get("source") or "")).strip()
        if not source:
            issues.append(FigureIssue(field="targets", cell=where, message=(
                f"{where}: chỉ tiêu «{spec.label}» cần ghi nguồn (văn bản của cấp trên giao chỉ tiêu), "
                "để báo cáo nêu được đạt hay chưa đạt so với đâu.")))
            continue
        out.append(Target(key=key, value=value, source=source, origin=where))
    return out, issues
