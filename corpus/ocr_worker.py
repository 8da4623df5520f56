"""OCR in a worker process, so that a scan cannot take the app down with it.

The worker (`python -m corpus.ocr_worker`, a fresh interpreter that imports only what OCR needs) reads one file with
corpus.ocr under a memory limit (RLIMIT_AS, inherited by its Tesseract and pdftoppm), reports each page as it is read
and returns the pages as JSON lines on its standard output. The parent enforces the time limit itself: past it (plus a
short grace for the worker's own, gentler stop between pages) the worker's whole process group — Tesseract included —
is killed. The tools, and a PDF's page count against the limit, are checked in the parent first, so such a
refusal costs no process; a multi-page image is counted by the worker."""

from __future__ import annotations

import json
import os
import re
import selectors
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from corpus.errors import InputError
from corpus.ocr import (
    MAX_DIGIT_PASSES,
    OcrPage,
    OcrResult,
    ocr_image_bytes,
    ocr_pdf_bytes,
    scan_page_limit,
    tools_or_raise,
)

GRACE_S = 15.0  # the worker stops itself between pages at the time limit; this is for a page that never ends


def _too_slow(name: str, timeout: float, done: int) -> InputError:
    return InputError(f"{name}: nhận dạng chữ quá {timeout:.0f} giây (mới xong {done} trang); hãy tách tệp thành phần "
                      "nhỏ hơn rồi tải lên lại.")


def ocr_in_worker(kind: str, data: bytes, name: str, *, pages: int = 0, max_pages: int, timeout: float,
                  memory_mb: int, on_page: Callable[[int, int], None] | None = None,
                  grace: float = GRACE_S, digit_passes: int = MAX_DIGIT_PASSES) -> OcrResult:
    """kind: "pdf" (pages: its page count) or "image"."""
    tools_or_raise(name, pdf=kind == "pdf")
    if kind == "pdf":
        scan_page_limit(name, pages, max_pages)
    with tempfile.TemporaryDirectory(prefix="troly-ocrw-") as tmp:
        src = Path(tmp) / "in"
        src.write_bytes(data)
        job = {"kind": kind, "path": str(src), "name": name, "pages": pages, "max_pages": max_pages,
               "timeout": timeout, "memory_mb": memory_mb, "digit_passes": digit_passes}
        proc = subprocess.Popen([sys.executable, "-m", "corpus.ocr_worker", json.dumps(job)],
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, start_new_session=True,
                                cwd=Path(__file__).resolve().parent.parent)
        try:
            return _follow(proc, name, timeout, grace, on_page)
        finally:
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)  # the worker and every Tesseract it started
            proc.wait()
            proc.stdout.close()


def _follow(proc, name: str, timeout: float, grace: float, on_page) -> OcrResult:
    deadline = time.monotonic() + timeout + grace
    done = 0
    buf = b""
    with selectors.DefaultSelector() as sel:
        sel.register(proc.stdout, selectors.EVENT_READ)
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _too_slow(name, timeout, done)
            if not sel.select(timeout=min(remaining, 1.0)):
                continue
            chunk = os.read(proc.stdout.fileno(), 1 << 16)
            if not chunk:
                raise InputError(f"{name}: nhận dạng chữ dừng bất thường (có thể ảnh quá lớn so với bộ nhớ cho phép).",
                                 detail=f"exit={proc.wait()}")
            buf += chunk
            while b"\n" in buf:
                line, buf = buf.split(b"\n", 1)
                msg = json.loads(line)
                if "page" in msg:
                    done = msg["page"]
                    if on_page:
                        on_page(msg["page"], msg["of"])
                elif "error" in msg:
                    raise InputError(msg["error"], detail=msg.get("detail", ""))
                else:
                    return OcrResult(pages=[OcrPage(t, c) for t, c in msg["pages"]],
                                     low_numbers=[tuple(x) for x in msg["low_numbers"]])


def _emit(obj: dict) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")
    sys.stdout.flush()


def main(argv: list[str]) -> int:
    job = json.loads(argv[0])
    if job["memory_mb"]:
        import resource

        limit = job["memory_mb"] * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    data = Path(job["path"]).read_bytes()

    def on_page(n: int, of: int) -> None:
        _emit({"page": n, "of": of})

    name = job["name"]
    try:
        if job["kind"] == "pdf":
            result = ocr_pdf_bytes(data, name, job["pages"], job["max_pages"], job["timeout"], on_page,
                                   digit_passes=job["digit_passes"])
        else:
            result = ocr_image_bytes(data, name, job["timeout"], on_page, max_pages=job["max_pages"],
                                     digit_passes=job["digit_passes"])
    except InputError as exc:
        _emit({"error": exc.message, "detail": str(getattr(exc, "detail", "") or "")})
        return 0
    except Exception as exc:  # anything else in PIL or Tesseract: a message, never a crash of the app
        # a failed allocation surfaces as MemoryError, or from C code as SystemError or Tesseract's bad_alloc
        if isinstance(exc, (MemoryError, SystemError)) or re.search(r"alloc|memory", str(exc), re.I):
            _emit({"error": f"{name}: ảnh quét quá lớn, vượt giới hạn bộ nhớ dành cho nhận dạng chữ "
                            f"({job['memory_mb']} MB); hãy quét lại ở độ phân giải thấp hơn (200–300 dpi).",
                   "detail": repr(exc)})
        else:
            _emit({"error": f"{name}: nhận dạng chữ thất bại.", "detail": repr(exc)})
        return 0
    _emit({"pages": [[p.text, p.confidence] for p in result.pages],
           "low_numbers": [list(x) for x in result.low_numbers]})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
