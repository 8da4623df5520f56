"""The library: documents in the index, imports, removal, re-indexing and the audit log."""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from types import SimpleNamespace

from corpus.catalog import all_documents
from corpus.errors import InputError, TroLyError
from corpus.loaders import display_name
from corpus.text import fold_lower
from drafting.figures.periods import PERIODS

LIBRARY_HEADERS = ["Loại", "Tên", "Cấp", "Kỳ", "Năm", "Hiệu lực hôm nay", "Nguồn"]
LIBRARY_KINDS = {"report": "Báo cáo", "regulation": "Văn bản pháp luật"}
GONE = "Tài liệu này không còn trong thư viện; hãy tải lại danh sách."


@dataclass
class LibraryTable:
    """What the library table shows, and apart from it the document each row is (ids never shown)."""

    ids: list[str]
    rows: list[list]


def _origin(doc_id: str) -> str:
    return "Người dùng nhập" if doc_id.startswith("user-") else ("Sổ đăng ký" if doc_id.startswith("registry-") else "Kho có sẵn")


def library_rows(asst, today: dt.date | None = None, query: str = "", kind: str = "") -> LibraryTable:
    """The library's documents, filtered by words in any column (diacritics aside) and by kind."""
    today = today or dt.date.today()
    stack = asst.retrieval
    registry = stack.registry
    words = fold_lower(query or "").split()
    ids, rows = [], []
    for d in stack.documents():
        if kind and d.kind != kind:
            continue
        status = ""
        if d.kind == "regulation" and d.number and (reg := registry.get(d.number)):
            status = registry.status_on(reg, today).text
        row = [LIBRARY_KINDS[d.kind], d.title, d.level or "", d.period or "", d.year or "", status, _origin(d.doc_id)]
        if words and not all(w in fold_lower(" ".join(map(str, row))) for w in words):
            continue
        ids.append(d.doc_id)
        rows.append(row)
    return LibraryTable(ids, rows)


def describe(doc) -> str:
    """«title» — kind, level, period and year as read from the text, for the official to confirm."""
    bits = [LIBRARY_KINDS.get(doc.kind, doc.kind).lower()]
    if doc.level:
        bits.append(f"cấp {doc.level}")
    if doc.period or doc.year:
        bits.append(" ".join(str(x) for x in (doc.period, doc.year) if x))
    return f"«{doc.title}» ({', '.join(bits)})"


def _document(asst, doc_id: str):
    """A library row's document, without reading every file again: an import from its metadata sidecar."""
    if doc_id.startswith("user-"):
        meta = asst.retrieval.library.meta(doc_id)
        if not meta:
            raise InputError(GONE)
        return SimpleNamespace(doc_id=doc_id, kind=meta.get("kind", "report"), title=meta.get("title", doc_id),
                               level=meta.get("level", ""), period=meta.get("period", ""), year=meta.get("year"))
    doc = next((d for d in all_documents(asst.retrieval.registry) if d.doc_id == doc_id), None)
    if doc is None:
        raise InputError(GONE)
    return doc


def library_selected(asst, doc_id: str) -> tuple[str, dict]:
    """A row the official picked: its description and the fields that can be corrected."""
    doc = _document(asst, doc_id)
    fields = {"kind": doc.kind, "level": doc.level, "period": doc.period, "year": doc.year or None}
    note = "" if doc_id.startswith("user-") else " (tài liệu có sẵn của hệ thống: chỉ xem, không sửa hay xóa được)"
    return f"Đã chọn {describe(doc)}{note}.", fields


@dataclass(frozen=True)
class LibraryPick:
    doc_id: str
    said: str
    fields: dict
    own: bool  # imported by a user: its fields can be corrected and it can be removed


def library_pick(asst, row_ids: list[str], index) -> LibraryPick | None:
    """The row the official clicked in the listing (gradio gives [row, column] or a row); None beside the rows."""
    row = index[0] if isinstance(index, (list, tuple)) else index
    if not isinstance(row, int) or not 0 <= row < len(row_ids or []):
        return None
    said, fields = library_selected(asst, row_ids[row])
    return LibraryPick(doc_id=row_ids[row], said=said, fields=fields, own=row_ids[row].startswith("user-"))


def library_update(asst, user: str, doc_id: str, fields: dict) -> str:
    """The official corrects what was read from an imported document (kind, level, period, year)."""
    if not doc_id.startswith("user-"):
        raise InputError("Chỉ sửa được thông tin của tài liệu do người dùng nhập.")
    clean = {}
    if fields.get("kind") in LIBRARY_KINDS:
        clean["kind"] = fields["kind"]
    if fields.get("level") in ("", "xã", "huyện", "tỉnh", "sở"):
        clean["level"] = fields["level"]
    if fields.get("period") in ("", *PERIODS):
        clean["period"] = fields["period"]
    year = fields.get("year")
    if year not in (None, ""):
        try:
            year = int(float(year))
        except (TypeError, ValueError):
            raise InputError(f"Năm “{year}” không hợp lệ.") from None
        if not 1990 <= year <= 2100:
            raise InputError(f"Năm {year} không hợp lệ.")
        clean["year"] = year
    stack = asst.retrieval
    stack.library.update_meta(doc_id, clean)
    report = stack.indexer.sync(stack.documents())
    asst.audit.record(user, "update", doc_id, [], clean)
    return f"Đã lưu: {describe(_document(asst, doc_id))}. Chỉ mục: {report.summary()}."


def registry_rows(asst, today: dt.date | None = None) -> list[list]:
    today = today or dt.date.today()
    reg = asst.retrieval.registry
    return [[d.number, d.type, d.title, reg.status_on(d, today).text, d.tag("signed")] for d in reg]


def library_upload(asst, user: str, paths: list[Path], kind: str | None,
                   progress: Callable[[int, int], None] | None = None,
                   on_page: Callable[[str, int, int], None] | None = None) -> str:
    """progress(done, total) while indexing; on_page(file name, page, pages) while a scan is read by OCR."""
    stack = asst.retrieval
    added, refused, notes, named = [], [], [], []
    for p in paths:
        p = Path(p)
        try:
            pages = (lambda d, t, name=display_name(p.name): on_page(name, d, t)) if on_page else None
            doc = stack.library.add(p, stack.registry, max_bytes=asst.settings.max_upload_bytes, kind=kind or None,
                                    max_pages=asst.settings.max_pages, limits=asst.settings.read_limits(), on_page=pages)
            added.append(doc.doc_id)
            named.append(describe(doc))
            meta = stack.library.meta(doc.doc_id)
            if meta.get("ocr"):
                notes.append(f"{display_name(p.name)}: đọc bằng nhận dạng chữ (OCR), độ tin cậy trung bình "
                             f"{meta['ocr_confidence']:.0f}/100" + (f"; {len(meta['low_numbers'])} số đọc chưa chắc "
                             f"chắc ({', '.join(meta['low_numbers'][:8])}) — cần đối chiếu bản gốc" if meta["low_numbers"]
                                                                     else ""))
        except TroLyError as exc:
            refused.append(exc.message if exc.message.startswith(display_name(p.name)) else f"{display_name(p.name)}: {exc.message}")
    report = stack.indexer.sync(stack.documents(), progress=progress)
    asst.refresh_places()
    asst.audit.record(user, "ingest", ", ".join(display_name(Path(p).name) for p in paths)[:300], added, {"refused": refused})
    msg = f"Đã nhập {len(added)} tệp. Chỉ mục: {report.summary()}."
    if named:  # what was read from each document, so a wrong kind or period is seen at once
        msg += ("\n" + "\n".join(f"- {n}" for n in named) + "\n\nLoại, cấp, kỳ và năm đọc từ văn bản: nếu sai, chọn "
                "dòng của tài liệu trong bảng để sửa.")
    if notes:
        msg += "\n" + "\n".join(f"- {n}" for n in notes)
    if refused:
        msg += "\nKhông nhập được:\n" + "\n".join(f"- {r}" for r in refused)
    return msg


def library_remove(asst, user: str, doc_id: str) -> str:
    stack = asst.retrieval
    if not doc_id or not doc_id.startswith("user-"):
        raise InputError("Chỉ xóa được tài liệu do người dùng nhập; tài liệu có sẵn của hệ thống được giữ.")
    name = describe(_document(asst, doc_id))
    if not stack.library.remove(doc_id):
        raise InputError(GONE)
    report = stack.indexer.sync(stack.documents())
    asst.refresh_places()
    asst.audit.record(user, "remove", doc_id)
    return f"Đã xóa {name}. Chỉ mục: {report.summary()}."


def reindex(asst, user: str, progress: Callable[[int, int], None] | None = None) -> str:
    stack = asst.retrieval
    report = stack.indexer.sync(stack.documents(), progress=progress)
    asst.audit.record(user, "reindex", "", [], {"summary": report.summary()})
    return f"Chỉ mục: {report.summary()} ({report.seconds:.1f} giây); tổng {stack.store.count()} đoạn."


def audit_rows(asst, user: str | None) -> list[list]:
    return [[e.at, e.user, e.action, e.subject, ", ".join(e.sources)[:200]] for e in asst.audit.entries(user)]
