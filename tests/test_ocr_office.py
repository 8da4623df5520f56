"""What officials actually have (issue 15): scans read with Tesseract's Vietnamese model, .doc/.odt/.xls/.ods
through LibreOffice, each file made at test time with the real tools; bad input gets a Vietnamese message
in bounded time and nothing half-added to the library."""

import io
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PIL import Image

from corpus.catalog import Library
from corpus.errors import InputError
from corpus.loaders import ReadLimits, load_bytes
from corpus.office import convert
from corpus.registry import Registry
from drafting.inputs.files import load_figures_bytes
from drafting.inputs.workbook import write_template
from evals.ocr_eval import docx_bytes, run_ocr, scan, to_pdf
from tests.conftest import ROOT

pytestmark = pytest.mark.skipif(not (shutil.which("soffice") and shutil.which("tesseract") and shutil.which("pdftoppm")),
                                reason="cần LibreOffice, tesseract-ocr-vie và poppler-utils (.ci/debian-packages)")

LINES = ["ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "BÁO CÁO", "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
         "2. Cải cách thủ tục hành chính",
         "Trong kỳ xã tiếp nhận 184 hồ sơ, đã giải quyết 180 hồ sơ, trong đó trước và đúng hạn 178 hồ sơ, quá hạn 2 hồ sơ."]


def lo_convert(data: bytes, suffix: str, target: str) -> bytes:
    """A file saved by LibreOffice itself in an older or other format (.doc, .odt, .xls, .ods)."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        filt = {"doc": "doc:MS Word 97", "xls": "xls:MS Excel 97"}.get(target, target)
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp}/p", "--headless", "--convert-to", filt,
                        "--outdir", tmp, str(src)], check=True, capture_output=True, timeout=120)
        return (Path(tmp) / f"in.{target}").read_bytes()


@pytest.fixture(scope="module")
def report_docx() -> bytes:
    return docx_bytes(LINES)


@pytest.fixture(scope="module")
def scanned_pdf(report_docx) -> bytes:
    return scan(to_pdf(report_docx), 200)


@pytest.mark.parametrize("target", ["doc", "odt"])
def test_old_word_files_are_read_through_libreoffice(report_docx, target):
    data = lo_convert(report_docx, ".docx", target)
    if target == "doc":
        assert data[:4] == b"\xd0\xcf\x11\xe0"  # really Word 97–2003
    loaded = load_bytes(data, f"bao-cao.{target}")
    assert loaded.converted_from == f".{target}"
    assert "tiếp nhận 184 hồ sơ" in loaded.text and not loaded.ocr


@pytest.mark.parametrize("target", ["xls", "ods"])
def test_old_and_open_workbooks_are_read_as_figures(target):
    xlsx = write_template(meta={"issuer": "Ủy ban nhân dân xã Hòa Bình", "level": "xã", "locality": "xã Hòa Bình",
                                "place": "Hòa Bình", "period": "quý I", "year": 2026, "date": "2026-03-20"},
                          values={"tthc.ho_so_tiep_nhan": 184, "tthc.ho_so_da_giai_quyet": 180})
    data = load_figures_bytes(lo_convert(xlsx, ".xlsx", target), f"so-lieu.{target}")
    assert data.figures.values["tthc.ho_so_tiep_nhan"] == 184 and data.meta.locality == "xã Hòa Bình"


def test_a_doc_that_is_something_else_gets_a_message():
    png = io.BytesIO()
    Image.new("L", (20, 20), 255).save(png, format="PNG")
    with pytest.raises(InputError) as err:
        load_bytes(png.getvalue(), "bao-cao.doc")
    assert "bao-cao.doc" in err.value.message
    with pytest.raises(InputError, match="đuôi tệp"):
        load_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 600, "bao-cao.txt")


def test_a_conversion_that_hangs_is_stopped(report_docx):
    data = lo_convert(report_docx, ".docx", "doc")
    with pytest.raises(InputError, match="quá 0 giây"):
        convert(data, "cham.doc", timeout=0.01)


def test_a_scanned_pdf_is_read_with_its_confidence(scanned_pdf):
    loaded = load_bytes(scanned_pdf, "ban-quet.pdf")
    assert loaded.ocr and loaded.pages == 1 and loaded.page_confidence[0] > 80
    assert "tiếp nhận 184 hồ sơ" in loaded.text and "quá hạn 2 hồ sơ" in loaded.text


def test_an_image_scan_is_read(scanned_pdf):
    from pypdf import PdfReader

    page = PdfReader(io.BytesIO(scanned_pdf)).pages[0]
    png = io.BytesIO()
    page.images[0].image.save(png, format="PNG")
    loaded = load_bytes(png.getvalue(), "anh-chup.png")
    assert loaded.ocr and "184" in loaded.text


def _blank_scan(pages: int) -> bytes:
    out = io.BytesIO()
    imgs = [Image.new("L", (1654, 2339), 255) for _ in range(pages)]
    imgs[0].save(out, format="PDF", save_all=True, append_images=imgs[1:], resolution=200)
    return out.getvalue()


def test_bad_scans_get_a_message_in_bounded_time(scanned_pdf):
    with pytest.raises(InputError, match="không thấy chữ nào"):
        load_bytes(_blank_scan(1), "trang-trang.pdf")
    with pytest.raises(InputError, match="vượt giới hạn nhận dạng chữ 2 trang"):
        load_bytes(_blank_scan(3), "dai.pdf", limits=ReadLimits(ocr_pages=2))
    # three pages and 0,3 s: the first page alone (render + OCR) takes longer, so the limit stops the rest
    with pytest.raises(InputError, match="nhận dạng chữ quá"):
        load_bytes(_blank_scan(3), "cham.pdf", limits=ReadLimits(ocr_timeout=0.3))
    with pytest.raises(InputError, match="hỏng"):
        load_bytes(scanned_pdf[: len(scanned_pdf) // 3], "hong.pdf")


def test_missing_ocr_tools_are_named(scanned_pdf, monkeypatch):
    import corpus.ocr

    monkeypatch.setattr(corpus.ocr.shutil, "which", lambda name: None)
    with pytest.raises(InputError, match="apt-get install tesseract-ocr"):
        load_bytes(scanned_pdf, "ban-quet.pdf")


def test_a_scan_enters_the_library_once_and_is_not_read_again(tmp_path, scanned_pdf, monkeypatch):
    src = tmp_path / "bao-cao-quet.pdf"
    src.write_bytes(scanned_pdf)
    lib = Library(tmp_path / "lib")
    doc = lib.add(src, Registry.load())
    meta = lib.meta(doc.doc_id)
    assert meta["ocr"] and meta["ocr_confidence"] > 80 and "184" in meta["extracted_text"]
    import corpus.ocr_worker

    monkeypatch.setattr(corpus.ocr_worker, "ocr_in_worker", lambda *a, **k: pytest.fail("OCR ran again on reindex"))
    docs, errors = lib.documents()
    assert not errors and "tiếp nhận 184 hồ sơ" in docs[0].text
    monkeypatch.undo()
    with pytest.raises(InputError):
        lib.add(_write(tmp_path / "trang.pdf", _blank_scan(1)), Registry.load())
    assert len(lib.documents()[0]) == 1  # nothing half-added


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def test_corpus_extract_prints_what_the_importer_reads(tmp_path, report_docx, scanned_pdf):
    doc = _write(tmp_path / "bao-cao.doc", lo_convert(report_docx, ".docx", "doc"))
    out = subprocess.run([sys.executable, "-m", "corpus", "extract", str(doc)], cwd=ROOT, capture_output=True,
                         text=True, timeout=180)
    assert out.returncode == 0, out.stderr
    assert "chuyển từ .doc bằng LibreOffice" in out.stdout and "tiếp nhận 184 hồ sơ" in out.stdout
    scan_path = _write(tmp_path / "quet.pdf", scanned_pdf)
    out = subprocess.run([sys.executable, "-m", "corpus", "extract", str(scan_path), "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=180)
    got = json.loads(out.stdout)
    assert got["ocr"] and got["page_confidence"][0] > 80 and "184" in got["page_texts"][0]
    bad = _write(tmp_path / "hong.pdf", b"%PDF-1.4 hong")
    out = subprocess.run([sys.executable, "-m", "corpus", "extract", str(bad)], cwd=ROOT, capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 2 and "Lỗi:" in out.stderr and "hong.pdf" in out.stderr


def test_read_figures_from_a_scan_marks_them_for_confirmation(tmp_path, scanned_pdf):
    from drafting.service.reading import read_report_bytes

    r = read_report_bytes(scanned_pdf, "quet.pdf", 50 * 1024 * 1024)
    v = r.reading.values()
    assert r.ocr and r.needs_confirmation and v["tthc.ho_so_tiep_nhan"] == 184 and v["tthc.ho_so_qua_han"] == 2
    assert all(f.confidence <= 0.75 for f in r.reading.figures)


@pytest.mark.slow
def test_ocr_eval_floors_at_200_dpi():
    row = run_ocr((200,), pages=3)["rows"][0]
    assert row["cer"] <= 2.0 and row["numbers_exact_share"] >= 98.0, row


def test_the_library_reports_each_scanned_page_as_it_is_read(assistant, tmp_path, scanned_pdf):
    from drafting import service as h

    src = _write(tmp_path / "bao-cao-quet-thu-vien.pdf", scanned_pdf)
    pages = []
    msg = h.library_upload(assistant, "ocr-pages", [src], "report", on_page=lambda name, d, t: pages.append((name, d, t)))
    try:
        assert pages and pages[-1][1] == pages[-1][2] and pages[0][0] == "bao-cao-quet-thu-vien.pdf"
        assert "nhận dạng chữ (OCR)" in msg
    finally:
        for doc_id in [d for d in h.library_rows(assistant).ids if d.startswith("user-")]:
            h.library_remove(assistant, "ocr-pages", doc_id)


def test_a_number_read_with_low_confidence_is_read_again_digits_only():
    """The digits pass: a number OCR was unsure of ("65," at 40) is read again alone, enlarged, digits only; the
    surer reading replaces the number and keeps the comma; a sure first reading is never second-guessed."""
    import time

    from PIL import Image, ImageDraw, ImageFont

    from corpus.ocr import _digits_pass

    img = Image.new("L", (400, 80), 255)
    draw = ImageDraw.Draw(img)
    font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", 28)
    draw.text((20, 20), "05,", font=font, fill=0)
    left, top, right, bottom = draw.textbbox((20, 20), "05,", font=font)
    box = {"left": [left], "top": [top], "width": [right - left], "height": [bottom - top]}
    word, conf = _digits_pass(img, box, 0, "65,", 40.0, time.monotonic() + 20)
    assert word == "05," and conf > 40
    assert _digits_pass(img, box, 0, "65,", 99.0, time.monotonic() + 20) == ("65,", 99.0)
    # a second reading of another shape (two digits for four) is not taken: the first stands, still flagged
    assert _digits_pass(img, box, 0, "1234", 40.0, time.monotonic() + 20) == ("1234", 40.0)


def _tif(pages: int, size=(400, 300)) -> bytes:
    out = io.BytesIO()
    imgs = [Image.new("L", size, 255) for _ in range(pages)]
    imgs[0].save(out, format="TIFF", save_all=True, append_images=imgs[1:])
    return out.getvalue()


def test_ocr_runs_in_a_worker_whose_time_limit_kills_it_with_its_tesseract(scanned_pdf, monkeypatch):
    """The worker stops itself between pages at the time limit; a page that runs past the limit and the grace is
    ended from outside: the worker's whole process group (Tesseract included) is killed."""
    import os
    import time

    import corpus.ocr_worker as w

    started = []
    real_popen = subprocess.Popen

    def popen(*a, **k):
        started.append(real_popen(*a, **k))
        return started[-1]

    monkeypatch.setattr(w.subprocess, "Popen", popen)
    three = scan(to_pdf(docx_bytes(LINES * 12)), 200)
    t = time.monotonic()
    with pytest.raises(InputError, match="nhận dạng chữ quá 1 giây"):
        w.ocr_in_worker("pdf", three, "cham.pdf", pages=1, max_pages=5, timeout=1.0, memory_mb=2048, grace=0.0)
    assert time.monotonic() - t < 4  # one page alone takes longer: it was cut, not waited for
    with pytest.raises(ProcessLookupError):
        os.killpg(started[0].pid, 0)  # nothing of the worker's group is left running


def test_a_scan_too_big_for_the_workers_memory_gets_a_message_and_the_app_goes_on(scanned_pdf):
    big = io.BytesIO()
    Image.new("L", (9000, 9000), 255).save(big, format="PNG")  # 81 megapixels, under PIL's bomb limit
    with pytest.raises(InputError, match="bộ nhớ"):
        load_bytes(big.getvalue(), "quet-lon.png", limits=ReadLimits(ocr_memory_mb=300))
    assert "184" in load_bytes(scanned_pdf, "ban-quet.pdf").text  # the next scan is read as usual


def test_a_multi_page_image_obeys_the_scan_page_limit():
    with pytest.raises(InputError, match="5 trang, vượt giới hạn nhận dạng chữ 3 trang"):
        load_bytes(_tif(5), "nhieu-trang.tif", limits=ReadLimits(ocr_pages=3))
