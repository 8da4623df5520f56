"""Structured results. The renderer and the reviewer consume these models, never raw LLM text."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, Field, field_validator, model_validator

from drafting.figures.facts import Fact, Target
from drafting.figures.figureset import Figure, FigureIssue
from drafting.figures.periods import PERIODS, Period, data_window, levels_on, next_period_phrase, period_phrase

Level = Literal["tỉnh", "huyện", "xã", "sở"]


class ReportMeta(BaseModel):
    """Who reports, for which period, and the header and closing blocks of the document."""

    issuer: str = Field(description="Cơ quan ban hành, e.g. 'Ủy ban nhân dân xã Ba Trang'")
    parent: str = Field("", description="Cơ quan chủ quản trực tiếp, e.g. 'UBND huyện Ba Tơ'")
    level: Level
    locality: str = Field(description="Địa bàn, e.g. 'xã Ba Trang'")
    period: Period
    year: int
    number: str = Field("", description="Số văn bản; để trống khi còn là dự thảo")
    symbol: str = Field("BC-UBND", description="Ký hiệu, e.g. 'BC-UBND'")
    place: str = Field(description="Địa danh ghi ở dòng ngày tháng")
    date: dt.date
    signer: str = ""
    signer_title: str = "CHỦ TỊCH"
    capacity: str = Field("TM. ỦY BAN NHÂN DÂN", description="Quyền hạn ký: TM., KT., TL., TUQ., Q. …")
    recipients: list[str] = Field(default_factory=list)
    archive: str = "Lưu: VT"
    online_base: Literal["", "hồ sơ mới tiếp nhận", "tổng số hồ sơ tiếp nhận"] = Field(
        "", description="Cơ sở tính tỷ lệ hồ sơ trực tuyến; để trống: hồ sơ mới tiếp nhận")
    basis: list[str] = Field(default_factory=list,
                             description="Văn bản làm căn cứ của cấp trên (kế hoạch CCHC năm…), như người dùng ghi")

    @field_validator("period", mode="before")
    @classmethod
    def _period(cls, v):
        from drafting.figures.periods import period_of_label

        if isinstance(v, str) and v not in PERIODS:
            return period_of_label(v) or v
        return v

    @field_validator("symbol")
    @classmethod
    def _symbol(cls, v: str) -> str:
        v = v.strip().upper()
        if not re.fullmatch(r"BC-[A-ZĐ0-9]+(?:-[A-ZĐ0-9]+)*", v):
            raise ValueError(f"ký hiệu “{v}” không đúng mẫu BC-<viết tắt cơ quan> (ví dụ BC-UBND)")
        return v

    @model_validator(mode="after")
    def _department_is_its_level(self):
        # "Sở Công Thương tỉnh Thanh Hóa" given level "tỉnh" (a department is a provincial body): its report is a
        # department's, not the people's committee's ("Ủy ban nhân dân Sở Công Thương" was written)
        if self.level == "tỉnh" and any(re.match(r"(?:Sở|Ban Quản lý)\s", v.strip()) for v in (self.issuer, self.locality)):
            self.level = "sở"
        return self

    @model_validator(mode="after")
    def _department_signs_itself(self):
        # a department's director signs in his own name ("GIÁM ĐỐC", or "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), never
        # "TM. ỦY BAN NHÂN DÂN" — the people's committee's capacity, the default for the other levels
        if self.level == "sở":
            committee = [v for k, v in (("capacity", self.capacity), ("signer_title", self.signer_title))
                         if k in self.model_fields_set and re.search(r"ỦY BAN|CHỦ TỊCH", v.upper())]
            if committee:
                raise ValueError(f"báo cáo của sở do Giám đốc ký (GIÁM ĐỐC, hoặc KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC), không "
                                 f"ký “{committee[0]}” — sửa ô «Quyền hạn ký» và «Chức vụ người ký» (hoặc để trống)")
            if "signer_title" not in self.model_fields_set:
                self.signer_title = "GIÁM ĐỐC"
            if "capacity" not in self.model_fields_set:
                self.capacity = "KT. GIÁM ĐỐC" if self.signer_title.upper().startswith("PHÓ") else ""
        return self

    @model_validator(mode="after")
    def _era(self):
        if self.level not in levels_on(self.date):
            raise ValueError(
                f"cấp “{self.level}” không còn từ 01/07/2025 (chính quyền địa phương hai cấp); "
                f"báo cáo ngày {self.date:%d/%m/%Y} chỉ có thể ở cấp: {', '.join(levels_on(self.date))}")
        if not 2000 <= self.year <= self.date.year + 1:
            raise ValueError(f"năm báo cáo {self.year} không hợp lệ")
        return self

    @property
    def window(self):
        return data_window(self.period, self.year)

    @property
    def period_text(self) -> str:
        return period_phrase(self.period, self.year)

    @property
    def next_period_text(self) -> str:
        return next_period_phrase(self.period, self.year)

    @property
    def number_line(self) -> str:
        num = self.number.strip()
        if num.isdigit() and int(num) < 10:
            num = f"0{int(num)}"
        return f"Số: {num}/{self.symbol}" if num else f"Số:       /{self.symbol}"

    @property
    def is_peoples_committee(self) -> bool:
        from corpus.text import fold_lower

        return fold_lower(self.issuer).startswith(("uy ban nhan dan", "ubnd"))

    @property
    def header_lines(self) -> tuple[str, str]:
        """(parent line, issuer) as the header prints them: a People's Committee carries no parent-body line above
        its name; a department (sở) shows its province's People's Committee and its own name without the province."""
        if self.is_peoples_committee and self.level in ("xã", "huyện", "tỉnh"):
            return "", self.issuer
        if self.level == "sở":
            parent = self.parent or (f"UBND {self.locality}" if self.locality.lower().startswith(("tỉnh", "thành phố"))
                                     else "")
            issuer = self.issuer
            # "Sở Tài chính tỉnh Hà Tĩnh", "Văn phòng UBND tỉnh Nghệ An" under "UBND tỉnh …": the name without the
            # province the line above already names
            place = re.sub(r"^(?:ubnd|ủy ban nhân dân)\s+", "", parent, flags=re.IGNORECASE)
            for tail in (parent, place, self.locality):
                if tail and issuer.lower().endswith(" " + tail.lower()):
                    issuer = issuer[: -len(tail) - 1]
                    break
            return parent, issuer
        return self.parent, self.issuer

    @property
    def subject(self) -> str:
        return (f"Kết quả thực hiện công tác cải cách hành chính {self.period_text} "
                f"và phương hướng, nhiệm vụ {self.next_period_text}")


class Citation(BaseModel):
    """A document the draft cites, as the registry knows it on the report's date."""

    number: str
    title: str = ""
    article: str = ""
    status: str = ""
    confidence: str = ""
    source: str = ""


class SourceRef(BaseModel):
    """A retrieved passage that informed a section (precedent or law)."""

    doc_id: str
    title: str
    kind: str
    location: str = ""
    chunk_id: str = ""


class DraftFinding(BaseModel):
    kind: Literal["ungrounded_number", "foreign_name", "citation", "figures", "llm", "injection", "missing",
                  "proposal", "wording"]
    severity: Literal["error", "warning", "info"] = "warning"
    section: str = ""
    text: str = ""
    message: str
    # for the model's sections: the section went back to the deterministic writer; sentences of the model's own left out
    fallback: bool = False
    dropped: int = 0


PROPOSAL_OPEN = "[đề nghị xác nhận: "
ASK_OPEN = "[đề nghị bổ sung: "


class Paragraph(BaseModel):
    text: str
    style: Literal["body", "heading", "subheading", "bullet"] = "body"
    proposed: bool = Field(False, description="a sentence no figure, fact or registry entry supports: marked for "
                                              "the official to confirm, highlighted in the .docx")
    sources: list[str] = Field(default_factory=list, description="where its content came from: figure keys, "
                                                                 "fact origins, cited documents")


class Proposal(BaseModel):
    """A paragraph of a past report for the same section, names and numbers masked, that the official may
    insert; never inserted by itself."""

    text: str
    source: str


class Section(BaseModel):
    key: str
    heading: str
    level: int
    paragraphs: list[Paragraph] = Field(default_factory=list)
    figures: list[str] = Field(default_factory=list, description="keys of the figures stated")
    sources: list[SourceRef] = Field(default_factory=list)
    citations: list[Citation] = Field(default_factory=list)
    proposals: list[Proposal] = Field(default_factory=list)
    writer: Literal["deterministic", "llm"] = "deterministic"


class DraftEvent(BaseModel):
    """What a draft in progress reports: "progress" before a section (index of total), a model "token", a
    "section" finished, and "done" with the whole draft."""

    kind: Literal["progress", "token", "section", "done"]
    section: str = ""
    text: str = ""
    index: int = 0
    total: int = 0
    draft: ReportDraft | None = None


class ReportDraft(BaseModel):
    meta: ReportMeta
    opening: list[Paragraph] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    previous: dict[str, str] = Field(default_factory=dict)
    previous_label: str = "kỳ trước"  # drafts saved before `same_period` may say "cùng kỳ năm trước" here
    same_period: dict[str, str] = Field(default_factory=dict)  # the same period last year
    facts: list[Fact] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)
    figure_issues: list[FigureIssue] = Field(default_factory=list)
    findings: list[DraftFinding] = Field(default_factory=list)
    llm: str = "none"

    def section(self, key: str) -> Section | None:
        return next((s for s in self.sections if s.key == key), None)

    def full_text(self) -> str:
        lines = [p.text for p in self.opening]
        for s in self.sections:
            lines.append(s.heading)
            lines += [p.text for p in s.paragraphs]
        return "\n".join(lines)


class ReviewIssue(BaseModel):
    """One finding of the reviewer, with where it is and what to write instead."""

    kind: Literal["arithmetic", "number_format", "citation", "outline", "period", "layout", "wording", "injection",
                  "figures", "foreign_name"]  # figures: a final version against the figures it was drafted from
    severity: Literal["error", "warning", "info"] = "warning"
    section: str = ""  # outline key or heading where it was found
    paragraph: int = 0  # 1-based paragraph index in the document
    text: str = ""
    message: str
    suggestion: str = ""
    group: str = ""  # "unverified_local": many of them are summarised in one note
    excerpt: str = ""  # whole clauses around text, for the reader (review/excerpt.py); empty: text itself


DraftEvent.model_rebuild()
