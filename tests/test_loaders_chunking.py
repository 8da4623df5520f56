"""Loaders on real files of every supported format, bad input, and chunking."""

import zipfile

import pytest
from docx import Document

from corpus.catalog import shipped_reports
from corpus.chunking import chunk_legal, chunk_report, paragraphs
from corpus.errors import InputError
from corpus.loaders import load_file
from corpus.models import SourceDocument
from evals.fuzz import make_pdf
from tests.helpers.bad_files import locked_pdf, sparse_file


def test_docx_paragraphs_and_tables_in_order(tmp_path):
    doc = Document()
    doc.add_paragraph("BÁO CÁO kết quả cải cách hành chính")
    table = doc.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "Tiếp nhận"
    table.cell(0, 1).text = "253 hồ sơ"
    doc.add_paragraph("Trên đây là báo cáo.")
    path = tmp_path / "bc.docx"
    doc.save(path)
    loaded = load_file(path)
    assert loaded.fmt == "docx"
    # each body element is a paragraph of its own (a blank line apart), so a heading never joins the text after it
    assert loaded.text.split("\n\n") == ["BÁO CÁO kết quả cải cách hành chính", "Tiếp nhận | 253 hồ sơ",
                                          "Trên đây là báo cáo."]


def test_pdf_with_text_layer(tmp_path):
    path = tmp_path / "nd.pdf"
    path.write_bytes(make_pdf(["Nghi dinh so 61/2018/ND-CP", "Dieu 1. Pham vi dieu chinh"]))
    loaded = load_file(path)
    assert loaded.fmt == "pdf" and loaded.pages == 1
    assert "61/2018/ND-CP" in loaded.text


def test_pdf_without_text_layer_goes_to_ocr(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(make_pdf(None))
    with pytest.raises(InputError) as err:  # a blank page: OCR finds nothing, or the machine lacks the OCR tools
        load_file(path)
    assert "nhận dạng chữ" in err.value.message


def test_password_protected_pdf(tmp_path):
    path = tmp_path / "khoa.pdf"
    path.write_bytes(locked_pdf())
    with pytest.raises(InputError) as err:
        load_file(path)
    assert "mật khẩu" in err.value.message


@pytest.mark.parametrize("name,data,expected", [
    ("rong.txt", b"", "rỗng"),
    ("gia.docx", b"\x89PNG\r\n\x1a\n" + bytes(200), "không phải tài liệu Word"),
    ("hong.pdf", b"%PDF-1.4\n garbage", "PDF bị hỏng"),
    ("hong.docx", b"PK\x03\x04 not really a zip", "bị hỏng"),
    ("bang.xlsx", b"PK\x03\x04", "chưa được hỗ trợ"),
])
def test_bad_files_get_a_vietnamese_message(tmp_path, name, data, expected):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError) as err:
        load_file(path)
    assert expected in err.value.message


def test_huge_file_is_refused_before_reading(tmp_path):
    path = sparse_file(tmp_path / "lon.txt", 200 * 1024 * 1024)
    with pytest.raises(InputError) as err:
        load_file(path, max_bytes=50 * 1024 * 1024)
    assert "200 MB" in err.value.message and "50 MB" in err.value.message


def test_docx_zip_bomb_is_refused(tmp_path):
    path = tmp_path / "bom.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b"0" * (450 * 1024 * 1024))
    with pytest.raises(InputError) as err:
        load_file(path)
    assert "quá lớn" in err.value.message


def test_html_keeps_text_drops_scripts(tmp_path):
    path = tmp_path / "vb.html"
    path.write_text("<html><head><script>alert(1)</script></head><body><h1>Điều 1. Phạm vi</h1>"
                    "<p>Nghị định này quy định…</p></body></html>", encoding="utf-8")
    text = load_file(path).text
    assert "Điều 1. Phạm vi" in text and "alert" not in text


OFFICIAL = """NGHỊ ĐỊNH
Quy định về kiểm soát thủ tục hành chính

Chương I
NHỮNG QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về kiểm soát thủ tục hành chính.

Điều 2. Đối tượng áp dụng
1. Cơ quan hành chính nhà nước các cấp.
2. Cán bộ, công chức.
a) Công chức cấp xã;

Chương II
QUY ĐỊNH THỦ TỤC HÀNH CHÍNH

Điều 8. Yêu cầu của thủ tục hành chính
Thủ tục hành chính phải có tên, trình tự, cách thức thực hiện.
"""


def test_legal_chunks_keep_chapter_article_path():
    doc = SourceDocument(doc_id="t", kind="regulation", title="NĐ", text=OFFICIAL, source="t")
    chunks = chunk_legal(doc)
    by_article = {c.article: c for c in chunks}
    assert set(by_article) >= {"Điều 1", "Điều 2", "Điều 8"}
    assert by_article["Điều 8"].section_path[0].startswith("Chương II")
    assert by_article["Điều 1"].section_path[0].startswith("Chương I")
    assert "Cán bộ, công chức" in by_article["Điều 2"].text


def test_small_max_splits_an_article_by_clause():
    doc = SourceDocument(doc_id="t", kind="regulation", title="NĐ", text=OFFICIAL, source="t")
    chunks = [c for c in chunk_legal(doc, max_chars=45) if c.article == "Điều 2"]
    assert len(chunks) >= 2 and all(c.article == "Điều 2" for c in chunks)


def test_report_chunks_carry_outline_keys():
    reports = {d.doc_id: d for d in shipped_reports()}
    keys = {c.outline_key for c in chunk_report(reports["report-003"])}
    assert {"I", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6", "III", "IV", "V"} <= keys
    # the OCR report without diacritics is still cut along its outline
    ocr = chunk_report(reports["report-000"])
    assert {"I", "II.2", "III", "IV"} <= {c.outline_key for c in ocr}
    tthc = next(c for c in chunk_report(reports["report-003"]) if "253 hồ sơ" in c.text)
    assert tthc.outline_key == "II.2" and "Cải cách thủ tục hành chính" in tthc.heading


def test_hard_wrapped_ocr_lines_are_joined():
    text = "Nham thuc hien co hieu qua Nghi quyet so 76/NQ-CP ngay 15 thang 7\nnam 2021 cua Chinh phu.\n\n- Muc moi"
    assert paragraphs(text) == ["Nham thuc hien co hieu qua Nghi quyet so 76/NQ-CP ngay 15 thang 7 nam 2021 cua Chinh phu.",
                                "- Muc moi"]
