"""Where each piece of a draft came from, as the Word comments the .docx carries: the workbook cell, the
figures-file key or the chat message of a figure; the formula of a computed one; the facts line; the
registry entry of a citation with its status on the report's date; the target and its source; or the
mark of a sentence the assistant proposed. An official checks a figure by hovering it in Word."""

from __future__ import annotations

from drafting.models import ASK_OPEN, Paragraph, ReportDraft, Section

COMMENT_AUTHOR = "Trợ lý CCHC"


def where(cell: str) -> str:
    if not cell:
        return "số liệu do cán bộ nhập"
    if "!" in cell:
        return f"sổ số liệu, ô {cell}"
    if cell.startswith("figures."):
        return f"tệp số liệu, mục {cell}"
    if cell.startswith("tin nhắn"):
        return "tin nhắn trong trò chuyện (" + cell.removeprefix("tin nhắn: ") + ")"
    return cell


class Provenance:
    def __init__(self, draft: ReportDraft):
        self.figures = {f.key: f for f in draft.figures}
        self.facts = {f.origin: f for f in draft.facts}
        self.targets = {t.origin: t for t in draft.targets}

    def figure_note(self, key: str) -> tuple[str, str] | None:
        f = self.figures.get(key)
        if f is None:
            return None
        unit = "" if f.unit == "%" else f" {f.unit}"
        if f.source == "derived":
            return f.text, f"Tính trong mã: «{f.label}» = {f.formula} = {f.text}{unit}."
        return f.text, f"Số liệu «{f.label}»: {f.text}{unit} — nguồn: {where(f.cell)}."

    def notes(self, section: Section, p: Paragraph) -> list[tuple[str, str]]:
        """(piece of the paragraph's text, comment); an empty piece means the paragraph as a whole."""
        out: list[tuple[str, str]] = []
        if p.proposed:
            out.append(("", "Cần cán bộ bổ sung nội dung này." if ASK_OPEN in p.text else
                        "Đề xuất của trợ lý: chưa có số liệu, sự việc hay văn bản nào làm căn cứ. Xin xác nhận, sửa "
                        "hoặc xóa (xuất bản sạch để bỏ đánh dấu)."))
            return out
        for origin in p.sources:
            if origin in self.facts:
                f = self.facts[origin]
                out.append(("", f"Do cán bộ cung cấp ({origin}): «{f.text}»" + (f"; nguyên nhân: «{f.cause}»" if f.cause else "")))
            elif origin in self.targets:
                t = self.targets[origin]
                out.append(("", f"Chỉ tiêu được giao ({origin}): {t.label} {t.value} theo {t.source}."))
        keys = [k for k in section.figures if k in self.figures]
        for k in sorted(keys, key=lambda k: -len(self.figures[k].text)):  # "1.641" before "41"
            if self.figures[k].text in p.text and (note := self.figure_note(k)):
                out.append(note)
        for c in section.citations:
            if c.number in p.text:
                status = f"; {c.status}" if c.status else ""
                conf = f" [{c.confidence}]" if c.confidence else ""
                src = f"; nguồn: {c.source}" if c.source else ""
                out.append((c.number, f"Sổ đăng ký văn bản: {c.number} — {c.title}{status}{conf}{src}."))
        return out
