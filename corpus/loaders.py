"""Read a user's file into clean Unicode text: .docx, .pdf, .txt, .md, .html; .doc and .odt through LibreOffice
(corpus/office.py); scanned PDFs and images (.png, .jpg, .tif) through Tesseract OCR (corpus/ocr.py).

The file's type is decided by its content, not its name; size and page limits are checked before
any parsing; every refusal is an InputError with a Vietnamese message that says what to do.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from corpus.encodings import decode_text
from corpus.errors import InputError
from corpus.text import clean

IMAGES = (".png", ".jpg", ".jpeg", ".tif", ".tiff")
SUPPORTED = (".docx", ".pdf", ".txt", ".md", ".html", ".htm", ".doc", ".odt", *IMAGES)
DEFAULT_MAX_BYTES = 50 * 1024 * 1024
DEFAULT_MAX_PAGES = 2000
DEFAULT_OCR_PAGES = 60  # a report with its appendix; a 300-page scan is refused with a message
DEFAULT_OCR_TIMEOUT = 900.0  # seconds for one document (about 4 s a page on 2 cores)
DEFAULT_CONVERT_TIMEOUT = 90.0
DEFAULT_OCR_DIGIT_PASSES = 40  # low-confidence numbers re-read alone, per page (0,1–0,3 s each)
DEFAULT_OCR_MEMORY_MB = 2048  # the OCR worker's address space, Tesseract included (a 300-dpi page needs ~0,5 GB)
# a .docx whose parts inflate far beyond its size is a zip bomb, not a report
_MAX_UNZIPPED = 400 * 1024 * 1024
_MAX_PARTS = 5000


@dataclass
class LoadedText:
    text: str
    fmt: str  # docx | pdf | txt | md | html | image
    encoding: str = ""
    pages: int = 0
    ocr: bool = False  # read by OCR: numbers are to be confirmed
    page_confidence: list[float] = field(default_factory=list)  # mean OCR word confidence per page
    low_numbers: list[tuple[int, str, float]] = field(default_factory=list)  # (page, number, confidence)
    converted_from: str = ""  # ".doc" when LibreOffice converted the file
    page_texts: list[str] = field(default_factory=list)  # PDF and OCR: the text of each page


@dataclass
class ReadLimits:
    """How far the loader may go with one file (wired from the settings in one place)."""

    max_pages: int = DEFAULT_MAX_PAGES
    ocr_pages: int = DEFAULT_OCR_PAGES
    ocr_timeout: float = DEFAULT_OCR_TIMEOUT
    ocr_memory_mb: int = DEFAULT_OCR_MEMORY_MB
    ocr_digit_passes: int = DEFAULT_OCR_DIGIT_PASSES
    convert_timeout: float = DEFAULT_CONVERT_TIMEOUT


_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]")


def display_name(name: str, limit: int = 80) -> str:
    """A file name fit to show and to log: no folders (“../../etc/passwd”), no control or bidi
    characters (which can make “exe.docx” read as “xcod.exe”), not absurdly long."""
    base = re.split(r"[\\/]", str(name))[-1]
    base = _UNSAFE_NAME.sub("", base).strip() or "tệp"
    if len(base) > limit:
        stem, dot, ext = base.rpartition(".")
        base = (stem[: limit - len(ext) - 2] + "…" + dot + ext) if dot and len(ext) <= 5 else base[:limit] + "…"
    return base


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.0f} MB"


def sniff(data: bytes, suffix: str) -> str:
    """The format by content. A name that disagrees with the content is refused."""
    if data.startswith(b"%PDF"):
        return "pdf"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    if data.startswith((b"\xd0\xcf\x11\xe0",)):
        return "ole"  # legacy .doc/.xls
    if data.startswith((b"\x89PNG", b"\xff\xd8\xff", b"II*\x00", b"MM\x00*")):
        return "image"
    head = data[:2048].lstrip().lower()
    if suffix in (".html", ".htm") or head.startswith((b"<!doctype html", b"<html")):
        return "html"
    return "md" if suffix == ".md" else "txt"


def load_file(path: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES, max_pages: int = DEFAULT_MAX_PAGES,
              limits: ReadLimits | None = None, on_page: Callable[[int, int], None] | None = None) -> LoadedText:
    path = Path(path)
    name = display_name(path.name)
    if not path.is_file():
        raise InputError(f"Không tìm thấy tệp {name}.")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED:
        raise InputError(
            f"{name}: định dạng {suffix or '(không có đuôi)'} chưa được hỗ trợ; hãy dùng "
            ".docx, .doc, .odt, .pdf, .txt, .md, .html hoặc ảnh quét .png/.jpg/.tif."
        )
    size = path.stat().st_size
    if size == 0:
        raise InputError(f"{name}: tệp rỗng, không có nội dung.")
    if size > max_bytes:
        raise InputError(
            f"{name}: tệp có dung lượng {_mb(size)}, vượt giới hạn {_mb(max_bytes)}. Hãy tách "
            "tệp hoặc chỉ tải lên phần cần dùng."
        )
    data = path.read_bytes()
    return load_bytes(data, name, max_pages=max_pages, limits=limits, on_page=on_page)


def load_bytes(data: bytes, name: str, *, max_pages: int = DEFAULT_MAX_PAGES, limits: ReadLimits | None = None,
               on_page: Callable[[int, int], None] | None = None) -> LoadedText:
    """on_page(done, total) reports OCR progress."""
    name = display_name(name)
    limits = limits or ReadLimits(max_pages=max_pages)
    suffix = Path(name).suffix.lower()
    fmt = sniff(data, suffix)
    if suffix in (".doc", ".odt") or fmt == "ole":
        from corpus.office import convert

        if fmt == "ole" and suffix not in (".doc", ".xls"):
            raise InputError(f"{name}: đây là tệp Word/Excel đời cũ nhưng đuôi tệp là {suffix or '(không có)'}; "
                             "hãy đổi đuôi thành .doc hoặc .xls.")
        if suffix == ".xls":
            raise InputError(f"{name}: tệp Excel đời cũ dùng làm sổ số liệu ở trình soạn báo cáo, không phải văn bản "
                             "để đọc; hãy tải lên ở mục «Số liệu từ tệp».")
        converted, _ = convert(data, name, limits.convert_timeout)
        loaded = load_bytes(converted, str(Path(name).with_suffix(".docx")), limits=limits, on_page=on_page)
        loaded.converted_from = suffix
        return loaded
    if suffix == ".docx" and fmt != "docx":
        raise InputError(f"{name}: tệp mang đuôi .docx nhưng nội dung không phải tài liệu Word.")
    if suffix == ".pdf" and fmt != "pdf":
        raise InputError(f"{name}: tệp mang đuôi .pdf nhưng nội dung không phải PDF.")
    if fmt == "docx" and suffix != ".docx":
        raise InputError(f"{name}: nội dung là tệp nén/Word nhưng đuôi tệp là {suffix}; hãy đổi đuôi thành .docx.")
    if fmt == "pdf" and suffix != ".pdf":
        raise InputError(f"{name}: nội dung là PDF nhưng đuôi tệp là {suffix}; hãy đổi đuôi thành .pdf.")
    if fmt == "image" or suffix in IMAGES:
        if fmt != "image":
            raise InputError(f"{name}: tệp mang đuôi {suffix} nhưng nội dung không phải ảnh.")
        if suffix not in IMAGES:
            raise InputError(f"{name}: nội dung là ảnh nhưng đuôi tệp là {suffix or '(không có)'}; hãy đổi đuôi thành "
                             ".png/.jpg/.tif.")
        from corpus.ocr_worker import ocr_in_worker

        return _from_ocr(ocr_in_worker("image", data, name, max_pages=limits.ocr_pages, timeout=limits.ocr_timeout,
                                       memory_mb=limits.ocr_memory_mb, on_page=on_page,
                                       digit_passes=limits.ocr_digit_passes), name, "image")
    if fmt == "docx":
        loaded = _load_docx(data, name)
    elif fmt == "pdf":
        loaded = _load_pdf(data, name, limits, on_page)
    elif fmt == "html":
        loaded = _load_html(data, name)
    else:
        text, enc = decode_text(data, name)
        loaded = LoadedText(clean(text), fmt, enc)
    if not loaded.text.strip():
        raise InputError(f"{name}: tệp không có nội dung chữ nào để đọc.")
    return loaded


def check_zip(data: bytes, name: str, required: str = "", what: str = "tệp Office") -> None:
    """Refuse a zip container (.docx, .xlsx) that is broken, inflates far beyond its size (a zip
    bomb) or lacks the part that makes it what its name says."""
    bomb = InputError(f"{name}: tệp giải nén ra quá lớn (nghi là tệp nén độc hại); không đọc.")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            infos = zf.infolist()
            if len(infos) > _MAX_PARTS or sum(i.file_size for i in infos) > _MAX_UNZIPPED:
                raise bomb
            if required and required not in zf.namelist():
                raise InputError(f"{name}: tệp nén không phải {what}.")
            # sizes in the headers can lie: inflate every part with a cap before any parser does
            total = 0
            for info in infos:
                with zf.open(info) as part:
                    while chunk := part.read(1 << 20):
                        total += len(chunk)
                        if total > _MAX_UNZIPPED:
                            raise bomb
    except (zipfile.BadZipFile, zipfile.LargeZipFile, zlib.error, EOFError, ValueError, NotImplementedError,
            OSError) as exc:
        # also a CRC or size mismatch found while inflating, an encrypted or unknown-method part
        raise InputError(f"{name}: {what} bị hỏng, không mở được.", detail=repr(exc)) from exc


def _load_docx(data: bytes, name: str) -> LoadedText:
    import docx  # python-docx
    from docx.opc.exceptions import PackageNotFoundError

    check_zip(data, name, required="word/document.xml", what="tài liệu Word (.docx)")
    try:
        raw = _docx_text(docx.Document(io.BytesIO(data)))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile, Exception) as exc:
        # python-docx raises whatever the broken XML leads it to (AttributeError, IndexError …)
        raise InputError(f"{name}: tệp .docx bị hỏng, không mở được.", detail=repr(exc)) from exc
    text, enc = decode_text(raw.encode("utf-8"), name)
    return LoadedText(clean(text), "docx", enc)


def _docx_text(document) -> str:
    parts: list[str] = []
    body = document.element.body
    # walk paragraphs and tables in document order, so a table stays where the author put it
    for child in body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            parts.append("".join(t.text or "" for t in child.iter() if t.tag.endswith("}t")))
        elif tag == "tbl":
            for row in child.iter():
                if row.tag.endswith("}tr"):
                    cells = []
                    for cell in row:
                        if cell.tag.endswith("}tc"):
                            cells.append(" ".join(
                                "".join(t.text or "" for t in p.iter() if t.tag.endswith("}t"))
                                for p in cell if p.tag.endswith("}p")).strip())
                    parts.append(" | ".join(cells))
    # each body paragraph is a paragraph of its own: a heading must never be joined to the text after it
    return "\n\n".join(parts)


def _from_ocr(result, name: str, fmt: str) -> LoadedText:
    text = clean(result.text)
    if not text.strip():
        raise InputError(f"{name}: nhận dạng chữ không thấy chữ nào (ảnh trắng, quá mờ hoặc không phải văn bản).")
    return LoadedText(text, fmt, "ocr", pages=len(result.pages), ocr=True,
                      page_confidence=[p.confidence for p in result.pages], low_numbers=result.low_numbers,
                      page_texts=[clean(p.text) for p in result.pages])


def _load_pdf(data: bytes, name: str, limits: ReadLimits, on_page=None) -> LoadedText:
    max_pages = limits.max_pages
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = 0
            if not ok:
                raise InputError(f"{name}: tệp PDF có mật khẩu; hãy gỡ mật khẩu rồi tải lên lại.")
        n = len(reader.pages)
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, Exception) as exc:
        raise InputError(f"{name}: tệp PDF bị hỏng, không đọc được.", detail=repr(exc)) from exc
    if n > max_pages:
        raise InputError(f"{name}: tệp PDF có {n} trang, vượt giới hạn {max_pages} trang.")
    pages: list[str] = []
    for page in reader.pages:
        try:
            pages.append(page.extract_text() or "")
        except Exception as exc:  # a broken page should not hide the others
            raise InputError(f"{name}: một trang của tệp PDF bị hỏng, không đọc được.", detail=repr(exc)) from exc
    raw = "\n\n".join(pages)
    if len(raw.strip()) < 20 * max(1, n) // 10 and len(raw.strip()) < 50:
        from corpus.ocr_worker import ocr_in_worker  # no text layer: a scan

        return _from_ocr(ocr_in_worker("pdf", data, name, pages=n, max_pages=limits.ocr_pages,
                                       timeout=limits.ocr_timeout, memory_mb=limits.ocr_memory_mb, on_page=on_page,
                                       digit_passes=limits.ocr_digit_passes),
                         name, "pdf")
    text, enc = decode_text(raw.encode("utf-8"), name)
    return LoadedText(clean(text), "pdf", enc, pages=n, page_texts=[clean(p) for p in pages])


def _load_html(data: bytes, name: str) -> LoadedText:
    from bs4 import BeautifulSoup

    text, enc = decode_text(data, name)
    soup = BeautifulSoup(text, "html.parser")
    for tag in soup(["script", "style", "noscript", "nav", "footer", "header"]):
        tag.decompose()
    body = soup.get_text("\n")
    return LoadedText(clean(body), "html", enc)
