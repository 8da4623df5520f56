"""Bad files the importer must refuse, built the same way wherever a test needs one."""

from __future__ import annotations

import io
from pathlib import Path

from evals.fuzz import make_pdf

SAMPLE = ("Nghị định số 61/2018/NĐ-CP về thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết "
          "thủ tục hành chính của Ủy ban nhân dân huyện Tứ Kỳ; kết quả cải cách hành chính.")


def to_tcvn3(text: str) -> bytes:
    from corpus.encodings import _TCVN3

    inverse = {v: chr(k) for k, v in _TCVN3.items()}
    return "".join(inverse.get(c, c) for c in text.lower()).encode("latin-1")


def mixed_encodings() -> bytes:
    """Unicode and TCVN3 in one file: a copy-paste from two sources."""
    return (SAMPLE * 3 + "\n" + to_tcvn3(SAMPLE).decode("latin-1") * 3).encode("utf-8")


def locked_pdf() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    writer.append(PdfReader(io.BytesIO(make_pdf(["Bao cao"]))))
    writer.encrypt("mat-khau")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def sparse_file(path: Path, size: int) -> Path:
    """A file of `size` bytes that costs no disk."""
    with open(path, "wb") as fh:
        fh.truncate(size)
    return path
