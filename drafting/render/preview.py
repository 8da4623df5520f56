"""HTML previews for the app: a draft in the order of the document with its findings, and a reviewed
document with the paragraphs that have problems marked. Everything shown is escaped."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from drafting.figures.nd30 import QUOC_HIEU, TIEU_NGU
from drafting.figures.outline import section_label, short_label
from drafting.figures.vnformat import fmt_date_long
from drafting.models import DraftFinding, ReportDraft, ReviewIssue
from drafting.render.closing import HEADING_II, appendix_table, first_area, recipient_lines, signature_lines

SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}
SEVERITY_LABEL = {"error": "Lỗi", "warning": "Cảnh báo", "info": "Lưu ý"}
KIND_LABEL = {
    "ungrounded_number": "Số liệu không có nguồn", "foreign_name": "Tên địa phương khác", "citation": "Trích dẫn",
    "figures": "Số liệu", "llm": "Mô hình", "injection": "Chỉ dẫn lạ trong văn bản", "missing": "Thiếu",
    "arithmetic": "Số học", "number_format": "Định dạng số", "outline": "Bố cục", "period": "Kỳ báo cáo",
    "layout": "Thể thức", "wording": "Câu chữ", "proposal": "Câu đề xuất, cần xác nhận",
}
_TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=1)
def _env() -> Environment:
    # autoescape: every string from a document, a model or the official is text, never markup
    env = Environment(loader=FileSystemLoader(_TEMPLATES), autoescape=True, undefined=StrictUndefined,
                      trim_blocks=True, lstrip_blocks=True)
    env.filters["gaps"] = lambda text: escape(text).replace("[…]", Markup('<span class="tl-gap">[…]</span>'))
    env.globals.update(severity=SEVERITY_LABEL, kind=KIND_LABEL)
    return env


def draft_html(draft: ReportDraft) -> str:
    m = draft.meta
    parent, issuer = m.header_lines  # the same header lines as the .docx
    by_section: dict[str, list[DraftFinding]] = {}
    for f in draft.findings:
        by_section.setdefault(f.section, []).append(f)
    shown = {"mo_dau", *(s.key for s in draft.sections)}
    *titles, signer = signature_lines(m)
    return _env().get_template("draft.html").render(
        draft=draft, m=m, parent=parent, issuer=issuer, quoc_hieu=QUOC_HIEU, tieu_ngu=TIEU_NGU,
        date_long=fmt_date_long(m.date), opening_findings=by_section.get("mo_dau", []), by_section=by_section,
        under_ii=first_area(draft), heading_ii=HEADING_II, recipients=recipient_lines(m), titles=titles, signer=signer,
        appendix=appendix_table(draft), rest=[f for k, fs in by_section.items() if k not in shown for f in fs])


def draft_findings_rows(draft: ReportDraft) -> list[list[str]]:
    rows = [[SEVERITY_LABEL[f.severity], KIND_LABEL.get(f.kind, f.kind), section_label(f.section), f.text, f.message]
            for f in sorted(draft.findings, key=lambda f: SEVERITY_ORDER[f.severity])]
    rows += [[SEVERITY_LABEL[i.severity], "Số liệu", i.cell or i.field, "", i.message] for i in draft.figure_issues]
    return rows


def sort_issues(issues: list[ReviewIssue]) -> list[ReviewIssue]:
    return sorted(issues, key=lambda i: (SEVERITY_ORDER[i.severity], i.paragraph))


def review_rows(issues: list[ReviewIssue]) -> list[list]:
    # the outline number is short enough for the narrow column; the opening, the closing and the appendix have none
    return [[SEVERITY_LABEL[i.severity], KIND_LABEL.get(i.kind, i.kind), short_label(i.section),
             i.paragraph or "", i.excerpt or i.text, i.message, i.suggestion] for i in sort_issues(issues)]


def review_html(paragraphs: list[tuple[int, str]], issues: list[ReviewIssue]) -> str:
    """The document's paragraphs; those with problems marked, each problem shown right under it."""
    by_par: dict[int, list[ReviewIssue]] = {}
    for i in issues:
        by_par.setdefault(i.paragraph, []).append(i)
    general = sort_issues(by_par.pop(0, []))  # problems of the whole document come first
    rows = []
    for idx, text in paragraphs:
        found = sort_issues(by_par.get(idx, []))
        body = escape(text)
        for f in found:
            if f.text and escape(f.text) in body:
                body = body.replace(escape(f.text), Markup('<span class="tl-mark {}">{}</span>').format(f.severity, f.text), 1)
        rows.append((idx, body if found else text, found))
    return _env().get_template("review.html").render(general=general, paragraphs=rows)
