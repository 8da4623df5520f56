"""The library: documents in the index, imports, removal, re-indexing and the audit log."""

import datetime as dt
from collections.abc import Callable
from pathlib import Path

from corpus.errors import InputError, TroLyError
from corpus.loaders import display_name

LIBRARY_HEADERS = ["Mã", "Loại", "Tên", "Cấp", "Kỳ", "Năm", "Hiệu lực hôm nay", "Nguồn"]


def library_rows(asst, today: dt.date | None = None) -> list[list]:
    today = today or dt.date.today()
    stack = asst.retrieval
    registry = stack.registry
    rows = []
    for d in stack.documents():
        status = ""
        if d.kind == "regulation" and d.number and (reg := registry.get(d.number)):
            status = registry.status_on(reg, today).text
        kind = "Văn bản pháp luật" if d.kind == "regulation" else "Báo cáo"
        origin = "Người dùng nhập" if d.doc_id.startswith("user-") else ("Sổ đăng ký" if d.doc_id.startswith("registry-") else "Kho có sẵn")
        rows.append([d.doc_id, kind, d.title, d.level or "", d.period or "", d.year or "", status, origin])
    return rows


def registry_rows(asst, today: dt.date | None = None) -> list[list]:
    today = today or dt.date.today()
    reg = asst.retrieval.registry
    return [[d.number, d.type, d.title, reg.status_on(d, today).text, d.tag("signed")] for d in reg]


def library_upload(asst, user: str, paths: list[Path], kind: str | None,
                   progress: Callable[[int, int], None] | None = None) -> str:
    stack = asst.retrieval
    added, refused, notes = [], [], []
    for p in paths:
        p = Path(p)
        try:
            doc = stack.library.add(p, stack.registry, max_bytes=asst.settings.max_upload_bytes, kind=kind or None,
                                    max_pages=asst.settings.max_pages, limits=asst.settings.read_limits())
            added.append(doc.doc_id)
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
    if notes:
        msg += "\n" + "\n".join(f"- {n}" for n in notes)
    if refused:
        msg += "\nKhông nhập được:\n" + "\n".join(f"- {r}" for r in refused)
    return msg


def library_remove(asst, user: str, doc_id: str) -> str:
    stack = asst.retrieval
    if not doc_id or not doc_id.startswith("user-"):
        raise InputError("Chỉ xóa được tài liệu do người dùng nhập (mã bắt đầu bằng “user-”).")
    if not stack.library.remove(doc_id):
        raise InputError(f"Không có tài liệu {doc_id} trong thư viện.")
    report = stack.indexer.sync(stack.documents())
    asst.refresh_places()
    asst.audit.record(user, "remove", doc_id)
    return f"Đã xóa {doc_id}. Chỉ mục: {report.summary()}."


def reindex(asst, user: str, progress: Callable[[int, int], None] | None = None) -> str:
    stack = asst.retrieval
    report = stack.indexer.sync(stack.documents(), progress=progress)
    asst.audit.record(user, "reindex", "", [], {"summary": report.summary()})
    return f"Chỉ mục: {report.summary()} ({report.seconds:.1f} giây); tổng {stack.store.count()} đoạn."


def audit_rows(asst, user: str | None) -> list[list]:
    return [[e.at, e.user, e.action, e.subject, ", ".join(e.sources)[:200]] for e in asst.audit.entries(user)]
