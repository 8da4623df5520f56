"""The Word round trip: the official downloads the draft, edits it in Word (or LibreOffice), signs it, and
brings back the edited .docx or the signed scan. It is checked against what it was drafted from — figures
changed by hand ("245 trong văn bản, 248 trong biểu số liệu"), numbers added with no source, the official's
own comments kept — and "Lưu làm bản chính thức" puts it in the library as this unit's report for that
period: precedent for the unit's next drafts first, and its figures the next period's `previous`."""

from __future__ import annotations

import datetime as dt
import io
import re
from decimal import Decimal
from pathlib import Path

from pydantic import BaseModel, Field

from corpus.errors import InputError
from corpus.loaders import display_name
from corpus.text import fold_lower
from drafting.figures.figureset import derive
from drafting.figures.periods import period_name
from drafting.figures.schema import FIELD_BY_KEY
from drafting.figures.vnformat import NUMBER_RE, fmt_decimal, parse_vn_number
from drafting.inputs.blocked import blocked_spans
from drafting.inputs.report_text import read_report
from drafting.models import ReviewIssue
from drafting.render.docx import render_docx
from drafting.render.provenance import COMMENT_AUTHOR
from drafting.review.document import load_review_document
from drafting.service.reading import read_header
from drafting.service.state import REVIEW_FILES, check_upload
from drafting.service.workspace import SavedDraft


class FinalCheck(BaseModel):
    draft_id: str
    draft_label: str
    issues: list[ReviewIssue] = Field(default_factory=list)
    comments: list[str] = Field(default_factory=list, description="the official's own comments, kept")
    values: dict[str, str] = Field(default_factory=dict, description="figures read from the final version")


def match_draft(asst, user: str, text: str, draft_id: str | None = None) -> SavedDraft | None:
    """The saved draft the file came from: the one named, else the latest of the same unit, period and year."""
    if draft_id:
        return asst.store.load(user, draft_id)
    h = read_header(text)
    for rec in sorted(asst.store.list(user), key=lambda r: r.updated, reverse=True):
        m = rec.meta
        if (h.period, h.year) == (m.get("period"), m.get("year")) and (
                not h.locality or fold_lower(h.locality) == fold_lower(str(m.get("locality", "")))):
            return rec
    return None


def _comments(data: bytes) -> list[str]:
    import docx

    try:
        d = docx.Document(io.BytesIO(data))
        return [f"{c.author}: {c.text}" for c in d.comments if c.author != COMMENT_AUTHOR and c.text.strip()]
    except Exception:  # comments are a courtesy; the text check stands without them
        return []


def _own_text(rec: SavedDraft) -> str:
    """The product's own .docx as the importer reads it back: the appendix's row numbers and the signature block too."""
    return load_review_document(render_docx(rec.draft), "du-thao.docx").plain if rec.draft is not None else ""


# a table row's number ("29 | Hồ sơ đã giải quyết | hồ sơ | 3.012"): numbering, neither a source nor a new figure
_ROW_NUMBER = re.compile(r"(?m)^[ \t]*\d{1,3}(?=[ \t]*\|)")


def _known_numbers(rec: SavedDraft, own: str) -> set[Decimal]:
    values = {k: Decimal(v) for k, v in rec.values.items() if _is_dec(v)}
    known = set(values.values()) | {Decimal(v) for v in rec.previous.values() if _is_dec(v)}
    known |= set(derive(values).values())
    if rec.draft is not None:  # every number the product wrote was grounded when it wrote it
        for text in [_ROW_NUMBER.sub("", own), rec.draft.full_text(), *(f.text for f in rec.draft.facts), *(f.cause or "" for f in rec.draft.facts)]:
            known |= {parse_vn_number(m.group(0)) for m in NUMBER_RE.finditer(text)} - {None}
        known |= {t.value for t in rec.draft.targets}
    return known


def _is_dec(v) -> bool:
    try:
        Decimal(str(v))
        return True
    except ArithmeticError:
        return False


def check_final(asst, user: str, text: str, data: bytes, name: str, draft_id: str | None = None) -> FinalCheck:
    """The final version's text (read once by the caller, OCR included) against the draft it came from."""
    rec = match_draft(asst, user, text, draft_id)
    if rec is None:
        raise InputError(f"{name}: không tìm thấy dự thảo đã lưu cùng đơn vị, kỳ và năm để đối chiếu; hãy chọn dự "
                         "thảo ở ô «Đối chiếu với dự thảo».")
    reading = read_report(text)
    read = reading.values()
    own = _own_text(rec)
    own_reading = read_report(own)
    drafted = {k: str(v) for k, v in derive({k: Decimal(v) for k, v in rec.values.items() if _is_dec(v)}).items()}
    drafted |= {k: str(v) for k, v in own_reading.values().items()} | rec.values
    # every figure the final states, not one per field: "248" changed in the body while the appendix still says 253
    # is a change; a reading the draft's own text gives too (the same words, read the same way) is none; beside the
    # value kept for a field, only sure readings count (an added sentence's number taken for a field is no edit)
    ours = {(f.key, f.value) for f in own_reading.figures}
    said = [(f.key, f.value) for f in reading.figures if (f.key, f.value) not in ours
            and (read.get(f.key) == f.value or f.confidence >= 0.9)]
    issues: list[ReviewIssue] = []
    edited: dict[str, Decimal] = {}  # the hand's value wins where the body and a stale appendix differ
    for key, value in dict.fromkeys(said):
        given = drafted.get(key)
        f = next(f for f in reading.figures if f.key == key and f.value == value)
        if given is None:  # "Trong năm … ban hành 02 nghị quyết quy phạm": a figure the draft did not have
            issues.append(ReviewIssue(
                kind="figures", severity="warning", section=f.section, text=f.words,
                message=(f"{FIELD_BY_KEY[key].label}: {fmt_decimal(value)} có trong bản cuối nhưng không có trong biểu "
                         "số liệu hay dự thảo: bổ sung vào biểu số liệu (để kỳ sau có số so sánh) hoặc ghi nguồn.")))
            continue
        if not _is_dec(given) or Decimal(given) == value:
            continue
        edited.setdefault(key, value)
        issues.append(ReviewIssue(
            kind="figures", severity="error", section=f.section, text=f.words,
            message=(f"{FIELD_BY_KEY[key].label}: {fmt_decimal(value)} trong văn bản, {fmt_decimal(Decimal(given))} trong "
                     "biểu số liệu. Sửa một trong hai cho khớp (nếu số trong văn bản đúng, cập nhật biểu số liệu)."),
            suggestion=fmt_decimal(Decimal(given))))
    # a figure listed above (changed by hand, or new) is not listed again as a number without source
    known = _known_numbers(rec, own) | {value for _, value in said}
    blocked = blocked_spans(text) + [m.span() for m in _ROW_NUMBER.finditer(text)]
    seen = set()
    for m in NUMBER_RE.finditer(text):
        value = parse_vn_number(m.group(0))
        if value is None or value in known or m.group(0) in seen or value < 2:
            continue
        if any(a <= m.start() < b for a, b in blocked) or text[m.end():m.end() + 1] == "%":
            continue
        seen.add(m.group(0))
        line = text[max(0, text.rfind("\n", 0, m.start()) + 1):text.find("\n", m.end()) % (len(text) + 1)]
        issues.append(ReviewIssue(
            kind="figures", severity="warning", text=re.sub(r"\s+", " ", line)[:160],
            message=(f"Số “{m.group(0)}” được thêm vào bản cuối nhưng không có trong biểu số liệu hay dự thảo: "
                     "ghi nguồn hoặc bổ sung vào biểu số liệu.")))
    comments = _comments(data) if data[:2] == b"PK" else []
    return FinalCheck(draft_id=rec.id, draft_label=rec.label(), issues=issues, comments=comments,
                      values={k: str(v) for k, v in (read | edited).items()})


def save_official(asst, user: str, path: Path, draft_id: str | None = None) -> str:
    """The final version into the library as this unit's report for the period (metadata from the draft)."""
    path = Path(path)
    data = check_upload(path, REVIEW_FILES, asst.settings.max_upload_bytes)
    stack = asst.retrieval
    # the library reads the file once (a scan is OCR'd once); the check below uses the same text
    doc = stack.library.add(path, stack.registry, max_bytes=asst.settings.max_upload_bytes, kind="report",
                            max_pages=asst.settings.max_pages, limits=asst.settings.read_limits())
    try:
        check = check_final(asst, user, doc.text, data, display_name(path.name), draft_id)
    except InputError:
        stack.library.remove(doc.doc_id)  # nothing half-added
        raise
    rec = asst.store.load(user, check.draft_id)
    m = rec.meta
    # the figures of the final version win; those it does not state come from the draft's inputs
    figures = {**rec.values, **check.values}
    stack.library.update_meta(doc.doc_id, {
        "official": True, "saved_at": dt.datetime.now().isoformat(timespec="seconds"), "draft_id": rec.id, "issuer": m.get("issuer", ""), "level": m.get("level", ""),
        "locality": m.get("locality", ""), "period": m.get("period", ""), "year": m.get("year"),
        "date": str(m.get("date", "")), "title": f"Báo cáo CCHC {period_name(m.get('period', ''), m.get('year', ''))} — "
                                                 f"{m.get('locality', '')} (bản chính thức)",
        "figures": figures})
    report = stack.indexer.sync(stack.documents())
    asst.audit.record(user, "official", display_name(path.name), [doc.doc_id],
                      {"draft": rec.id, "changed": sum(1 for i in check.issues if i.severity == "error")})
    return (f"Đã lưu {display_name(path.name)} làm bản chính thức: báo cáo {period_name(m.get('period'), m.get('year'))} của "
            f"{m.get('locality')} ({len(figures)} số liệu). Bản này được dùng trước tiên làm mẫu cho các dự thảo sau "
            f"của đơn vị và làm số liệu kỳ trước cho kỳ sau. Chỉ mục: {report.summary()}.")


def official_before(asst, meta: dict) -> dict | None:
    """The library's record (doc_id, period, year, figures …) of this unit's latest official report of a period
    before the one in meta; of two finals saved for one period, the one saved last."""
    from drafting.figures.periods import PERIODS

    try:
        year, period = int(meta.get("year")), meta.get("period")
    except (TypeError, ValueError):
        return None
    locality = fold_lower(str(meta.get("locality", "")))
    best = None
    for doc_meta in sorted(asst.retrieval.library.metas(), key=lambda m: m.get("saved_at", "")):
        if not doc_meta.get("official") or fold_lower(str(doc_meta.get("locality", ""))) != locality:
            continue
        key = (int(doc_meta.get("year") or 0), PERIODS.index(doc_meta["period"]) if doc_meta.get("period") in PERIODS else -1)
        if key < (year, PERIODS.index(period) if period in PERIODS else -1) and (best is None or key >= best[0]):
            best = (key, doc_meta)
    return best[1] if best else None


def official_previous(asst, meta: dict) -> tuple[dict[str, str], str] | None:
    """The figures of this unit's latest official report of an earlier period in the library, with its name."""
    d = official_before(asst, meta)
    return None if d is None else (dict(d.get("figures") or {}), f"bản chính thức {period_name(d.get('period'), d.get('year'))}")
