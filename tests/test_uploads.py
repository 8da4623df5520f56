"""Uploads a hostile or careless sender could make: refused with a Vietnamese message that names the
file safely, and nothing is written. Type is decided by content; sizes, pages and inflated sizes are capped."""

from __future__ import annotations

import io
import zipfile

import pytest

from corpus.catalog import Library
from corpus.errors import InputError
from corpus.loaders import check_zip, display_name, load_bytes, load_file
from corpus.registry import Registry
from drafting.inputs.files import load_figures_bytes
from drafting.inputs.workbook import write_template
from evals.fuzz import make_docx, make_pdf


def _zip(parts: dict[str, bytes], lie: int | None = None) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, body in parts.items():
            z.writestr(name, body)
    data = bytearray(out.getvalue())
    if lie is not None:  # rewrite every declared uncompressed size (local and central headers)
        for sig, off in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
            i = data.find(sig)
            while i != -1:
                data[i + off:i + off + 4] = lie.to_bytes(4, "little")
                i = data.find(sig, i + 4)
    return bytes(data)


@pytest.mark.parametrize("name,shown", [
    ("../../etc/passwd.txt", "passwd.txt"),
    ("C:\\Windows\\system32\\bao-cao.docx", "bao-cao.docx"),
    ("bao\x00cao\x1b[31m.docx", "baocao[31m.docx"),
    ("hoa-don\u202excod.exe", "hoa-donxcod.exe"),
    ("a" * 300 + ".docx", "a" * 74 + "….docx"),
    ("", "tệp"),
])
def test_file_names_are_shown_without_folders_or_control_characters(name, shown):
    assert display_name(name) == shown


def test_path_traversal_and_control_characters_in_names_stay_in_the_library(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    evil = src / "..\x1b]0;x\x07 ..%2f..%2fbao cao\u202e.txt"
    evil.write_text("BÁO CÁO kết quả cải cách hành chính năm 2025 của xã Thử Nghiệm.", encoding="utf-8")
    lib = Library(tmp_path / "library")
    doc = lib.add(evil, Registry.load())
    stored = [p for p in (tmp_path / "library").iterdir()]
    assert all(p.parent == tmp_path / "library" for p in stored) and len(stored) == 2  # file + sidecar
    assert all(c.isalnum() or c in "-." for c in stored[0].name)
    assert "\x1b" not in doc.title and "\u202e" not in doc.title and "/" not in doc.title


@pytest.mark.parametrize("name,data,expect", [
    ("bao-cao.docx", b"%PDF-1.4 not really", "không phải tài liệu Word"),
    ("bao-cao.pdf", b"PK\x03\x04" + b"\0" * 100, "không phải PDF"),
    ("bao-cao.txt", make_docx(), "đổi đuôi thành .docx"),
    ("bao-cao.docx", b"\xd0\xcf\x11\xe0" + b"\0" * 500, "đời cũ"),
    ("bao-cao.txt", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" * 40, ""),
    ("bao-cao.docx", _zip({"[Content_Types].xml": b"<x/>", "xl/workbook.xml": b"<x/>"}), "không phải tài liệu Word"),
])
def test_type_is_decided_by_content(name, data, expect):
    with pytest.raises(InputError) as err:
        load_bytes(data, name)
    assert expect in err.value.message


def test_zip_bombs_in_docx_and_xlsx_are_refused_even_when_headers_lie():
    zeros = b"\0" * (420 * 1024 * 1024)  # deflates to about 400 KB
    honest = _zip({"word/document.xml": zeros, "[Content_Types].xml": b"<x/>"})
    liar = _zip({"word/document.xml": zeros, "[Content_Types].xml": b"<x/>"}, lie=1000)
    del zeros
    for data in (honest, liar):
        assert len(data) < 2 * 1024 * 1024
        with pytest.raises(InputError) as err:
            check_zip(data, "bom.docx", required="word/document.xml")
        assert "nghi là tệp nén độc hại" in err.value.message or "bị hỏng" in err.value.message
    with pytest.raises(InputError, match="nghi là tệp nén độc hại"):
        load_bytes(honest, "bom.docx")
    xlsx = _zip({"xl/workbook.xml": b"<x/>", "xl/worksheets/sheet1.xml": b"\0" * (420 * 1024 * 1024)})
    with pytest.raises(InputError):
        load_figures_bytes(xlsx, "so-lieu.xlsx")
    many = _zip({f"word/p{i}.xml": b"" for i in range(6000)} | {"word/document.xml": b"<x/>"})
    with pytest.raises(InputError, match="nghi là tệp nén độc hại"):
        load_bytes(many, "nhieu-phan.docx")


def test_size_and_page_limits_name_the_limit(tmp_path):
    big = tmp_path / "lon.txt"
    big.write_bytes(b"a" * (3 * 1024 * 1024))
    with pytest.raises(InputError, match="vượt giới hạn 2 MB"):
        load_file(big, max_bytes=2 * 1024 * 1024)
    pages = make_pdf(["Bao cao"])
    from pypdf import PdfReader, PdfWriter

    w = PdfWriter()
    for _ in range(12):
        w.add_page(PdfReader(io.BytesIO(pages)).pages[0])
    buf = io.BytesIO()
    w.write(buf)
    with pytest.raises(InputError, match="12 trang, vượt giới hạn 10 trang"):
        load_bytes(buf.getvalue(), "dai.pdf", max_pages=10)
    lib = Library(tmp_path / "library")
    p = tmp_path / "dai.pdf"
    p.write_bytes(buf.getvalue())
    with pytest.raises(InputError, match="vượt giới hạn 10 trang"):
        lib.add(p, Registry.load(), max_pages=10)
    assert not (tmp_path / "library").exists() or not any((tmp_path / "library").iterdir())


def test_workbook_with_a_valid_template_still_reads():
    got = load_figures_bytes(write_template(meta={"issuer": "UBND xã Ba Trang"}, values={"tthc.ho_so_tiep_nhan": 253}),
                             "so-lieu.xlsx")
    assert got.figures.values["tthc.ho_so_tiep_nhan"] == 253
