"""Review of an uploaded draft: findings as rows, an annotated preview and a .csv for Excel."""

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import InputError
from corpus.loaders import display_name
from corpus.text import fold_lower
from drafting.figures.outline import section_label
from drafting.render.preview import review_html, review_rows, sort_issues
from drafting.service.state import REVIEW_FILES, check_upload
from drafting.service.workspace import atomic_write


@dataclass
class ReviewResult:
    rows: list[list]
    html: str
    csv: Path | None
    summary: str


REVIEW_HEADERS = ["Mức độ", "Loại", "Mục", "Đoạn", "Trích", "Vấn đề", "Gợi ý"]


def review_file(asst, user: str, path: Path, as_of: dt.date | None, draft_id: str | None = None,
                section: str = "") -> ReviewResult:
    """draft_id: the saved draft an edited or signed version came from (None: the latest of the same unit,
    period and year, if any) — figures changed by hand and numbers added without a source are listed too.
    section: review one part only ("II.2", or "II" for all of II); the whole document when empty."""
    from drafting.review.checks import review_document
    from drafting.review.document import load_review_document
    from drafting.review.excerpt import with_excerpts
    from drafting.review.period_words import document_date
    from drafting.review.tidy import in_scope, tidy
    from drafting.service.roundtrip import check_final

    path = Path(path)
    data = check_upload(path, REVIEW_FILES, asst.settings.max_upload_bytes)
    doc = load_review_document(data, display_name(path.name))
    issues = review_document(doc, asst.drafter.registry, as_of, section)
    dated = None if as_of else document_date(doc.paragraphs)  # the day its law was checked against
    final = None
    try:
        final = check_final(asst, user, doc.plain, data, display_name(path.name), draft_id)
        # (the review's own findings have their excerpts; the final version's get theirs here)
        issues += with_excerpts([_placed(i, doc.paragraphs) for i in final.issues if in_scope(i.section, section)],
                                doc.paragraphs)
    except InputError:
        if draft_id:
            raise  # the official named a draft: not finding it is worth saying; otherwise a plain review
    paragraphs = doc.paragraphs
    if section:
        paragraphs = [p for p in doc.paragraphs if in_scope(p.section, section)]
    issues = sort_issues(tidy(issues))
    rows = review_rows(issues)
    html = review_html([(p.index, p.text) for p in paragraphs], issues)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(REVIEW_HEADERS)
    w.writerows(rows)
    out = asst.store.export_dir(user) / f"ra-soat-{re.sub(r'[^a-z0-9]+', '-', fold_lower(path.stem))[:40]}.csv"
    atomic_write(out, buf.getvalue().encode("utf-8-sig"))  # BOM: Excel opens Vietnamese correctly
    counts = {s: sum(1 for i in issues if i.severity == s) for s in ("error", "warning", "info")}
    summary = (f"{len(issues)} vấn đề — {counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['info']} lưu ý"
               + (f" (đối chiếu ngày {as_of:%d/%m/%Y})" if as_of else
                  f" (đối chiếu ngày ghi trên văn bản {dated:%d/%m/%Y})" if dated else "")
               + (f" — chỉ rà soát mục {section_label(section)}." if section else "."))
    if final is not None:
        changed = sum(1 for i in final.issues if i.severity == "error")
        summary += (f"\n\nĐối chiếu với dự thảo {final.draft_label}: {changed} số liệu sửa tay khác biểu số liệu, "
                    f"{len(final.issues) - changed} số mới chưa có nguồn.")
        if final.comments:
            summary += "\n\nÝ kiến ghi trong tệp (giữ nguyên):\n" + "\n".join(f"- {c}" for c in final.comments)
    asst.audit.record(user, "review", display_name(path.name), sorted({i.kind for i in issues}),
                      {"as_of": as_of.isoformat() if as_of else None, "issues": len(issues)})
    return ReviewResult(rows=rows, html=html, csv=out, summary=summary)


def _placed(issue, paragraphs):
    """A finding of the round trip is read from the importer's text, whose lines are not the document's paragraphs:
    its paragraph is the first whose text holds its words, so that the table says where and the preview marks it."""
    words = " ".join(issue.text.split())
    if issue.paragraph or not words:
        return issue
    at = next((p for p in paragraphs if words in " ".join(p.text.split())), None)
    return issue.model_copy(update={"paragraph": at.index, "section": issue.section or at.section}) if at else issue
