"""HTML previews for the app: a draft in the order of the document with its findings, and a reviewed
document with the paragraphs that have problems marked. Everything shown is escaped."""

from __future__ import annotations

from html import escape

from drafting.figures.nd30 import QUOC_HIEU, TIEU_NGU
from drafting.figures.outline import section_label
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
_STYLE = """<style>
.tl-doc{font-family:'Times New Roman',serif;font-size:15px;line-height:1.45;max-width:820px;background:#fff;color:#111;
padding:18px 26px;border:1px solid #ddd}
.tl-doc p{margin:4px 0;text-align:justify;text-indent:1.2em}.tl-doc h3,.tl-doc h4{margin:10px 0 4px}
.tl-head{display:flex;justify-content:space-between;text-align:center;font-size:13px}
.tl-title{text-align:center;font-weight:bold;margin-top:10px}.tl-sub{text-align:center;font-weight:bold}
.tl-find{border-left:4px solid #c0392b;background:#fdecea;padding:4px 8px;margin:6px 0;font-size:13px}
.tl-find.warning{border-color:#e67e22;background:#fef5e7}.tl-find.info{border-color:#2980b9;background:#eaf2f8}
.tl-mark{background:#fdecea;border-bottom:2px solid #c0392b}.tl-mark.warning{background:#fef5e7;border-color:#e67e22}
.tl-mark.info{background:#eaf2f8;border-color:#2980b9}.tl-gap{background:#ffe08a}
.tl-sign{display:flex;justify-content:space-between;margin-top:14px;font-size:13px}.tl-sign>div:last-child{text-align:center}
.tl-appx{margin-top:18px;border-top:1px dashed #bbb;padding-top:8px}.tl-appx table{border-collapse:collapse;width:100%;font-size:13px}
.tl-appx th,.tl-appx td{border:1px solid #999;padding:2px 5px}
</style>"""


def _p(text: str, cls: str = "") -> str:
    body = escape(text).replace("[…]", '<span class="tl-gap">[…]</span>')
    return f'<p class="{cls}">{body}</p>' if cls else f"<p>{body}</p>"


def _finding_box(f: DraftFinding | ReviewIssue) -> str:
    label = KIND_LABEL.get(f.kind, f.kind)
    extra = f" — Gợi ý: {escape(f.suggestion)}" if getattr(f, "suggestion", "") else ""
    return (f'<div class="tl-find {f.severity}"><b>{SEVERITY_LABEL[f.severity]} · {escape(label)}:</b> '
            f"{escape(f.message)}{extra}</div>")


def draft_html(draft: ReportDraft) -> str:
    m = draft.meta
    parent, issuer = m.header_lines  # the same header lines as the .docx
    parts = [_STYLE, '<div class="tl-doc">',
             f'<div class="tl-head"><div>{escape(parent.upper())}<br><b>{escape(issuer.upper())}</b><br>'
             f"{escape(m.number_line)}</div><div><b>{QUOC_HIEU}</b><br><b>{TIEU_NGU}</b><br>"
             f"<i>{escape(m.place)}, {fmt_date_long(m.date)}</i></div></div>",
             '<div class="tl-title">BÁO CÁO</div>', f'<div class="tl-sub">{escape(m.subject)}</div>']
    by_section: dict[str, list[DraftFinding]] = {}
    for f in draft.findings:
        by_section.setdefault(f.section, []).append(f)
    parts += [_p(p.text) for p in draft.opening]
    parts += [_finding_box(f) for f in by_section.pop("mo_dau", [])]
    under_ii = first_area(draft)
    for s in draft.sections:
        if s.key == under_ii:
            parts.append(f"<h3>{escape(HEADING_II)}</h3>")
        tag = "h3" if s.level == 1 else "h4"
        parts.append(f"<{tag}>{escape(s.heading)}</{tag}>")
        for p in s.paragraphs:
            parts.append(f"<p><b>{escape(p.text)}</b></p>" if p.style in ("heading", "subheading") else _p(p.text))
        parts += [_finding_box(f) for f in by_section.pop(s.key, [])]
    *titles, signer = signature_lines(m)
    parts.append('<div class="tl-sign"><div><b><i>Nơi nhận:</i></b><br>' + "<br>".join(escape(x) for x in recipient_lines(m))
                 + "</div><div><b>" + "<br>".join(escape(x) for x in titles) + f"</b><br><br><br><b>{escape(signer)}</b></div></div>")
    parts.append(_appendix_html(draft))
    rest = [f for fs in by_section.values() for f in fs]
    if rest or draft.figure_issues:
        parts.append("<h4>Các vấn đề khác</h4>")
        parts += [_finding_box(f) for f in rest]
        parts += [f'<div class="tl-find {i.severity}"><b>{SEVERITY_LABEL[i.severity]} · Số liệu:</b> '
                  f"{escape(i.message)}</div>" for i in draft.figure_issues]
    parts.append("</div>")
    return "\n".join(parts)


def _appendix_html(draft: ReportDraft) -> str:
    tab = appendix_table(draft)
    if not tab.rows:
        return ""
    n = len(tab.headers)
    out = ['<div class="tl-appx"><div class="tl-title">PHỤ LỤC</div>',
           f'<div class="tl-sub">BIỂU SỐ LIỆU KẾT QUẢ THỰC HIỆN CÔNG TÁC CẢI CÁCH HÀNH CHÍNH '
           f"{escape(draft.meta.period_text.upper())}</div><table><tr>"
           + "".join(f"<th>{escape(h)}</th>" for h in tab.headers) + "</tr>"]
    for kind, vals in tab.rows:
        out.append(f'<tr><td colspan="{n}"><b>{escape(vals[0])}</b></td></tr>' if kind == "area"
                   else "<tr>" + "".join(f"<td>{escape(v)}</td>" for v in vals) + "</tr>")
    out.append("</table>")
    if tab.derived:
        out.append("<p><i>Ghi chú: (*) chỉ tiêu tính từ số liệu đã nhập: " + " ".join(escape(d) for d in tab.derived) + "</i></p>")
    if tab.target_sources:
        out.append("<p><i>Chỉ tiêu giao theo: " + escape("; ".join(tab.target_sources)) + ".</i></p>")
    return "".join(out) + "</div>"


def draft_findings_rows(draft: ReportDraft) -> list[list[str]]:
    rows = [[SEVERITY_LABEL[f.severity], KIND_LABEL.get(f.kind, f.kind), section_label(f.section), f.text, f.message]
            for f in sorted(draft.findings, key=lambda f: SEVERITY_ORDER[f.severity])]
    rows += [[SEVERITY_LABEL[i.severity], "Số liệu", i.cell or i.field, "", i.message] for i in draft.figure_issues]
    return rows


def sort_issues(issues: list[ReviewIssue]) -> list[ReviewIssue]:
    return sorted(issues, key=lambda i: (SEVERITY_ORDER[i.severity], i.paragraph))


def review_rows(issues: list[ReviewIssue]) -> list[list]:
    # the outline number is short enough for the narrow column; the opening has no number, so it is named
    return [[SEVERITY_LABEL[i.severity], KIND_LABEL.get(i.kind, i.kind), "Mở đầu" if i.section == "mo_dau" else i.section,
             i.paragraph or "", i.text, i.message, i.suggestion] for i in sort_issues(issues)]


def review_html(paragraphs: list[tuple[int, str]], issues: list[ReviewIssue]) -> str:
    """The document's paragraphs; those with problems marked, each problem shown right under it."""
    by_par: dict[int, list[ReviewIssue]] = {}
    for i in issues:
        by_par.setdefault(i.paragraph, []).append(i)
    parts = [_STYLE, '<div class="tl-doc">']
    for f in sort_issues(by_par.pop(0, [])):
        parts.append(_finding_box(f))
    for idx, text in paragraphs:
        found = sort_issues(by_par.get(idx, []))
        if not found:
            parts.append(_p(text))
            continue
        body = escape(text)
        for f in found:
            if f.text and escape(f.text) in body:
                body = body.replace(escape(f.text), f'<span class="tl-mark {f.severity}">{escape(f.text)}</span>', 1)
        parts.append(f'<p id="p{idx}" class="tl-marked">{body}</p>')
        parts += [_finding_box(f) for f in found]
    parts.append("</div>")
    return "\n".join(parts)
