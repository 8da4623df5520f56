"""The figures workbook and YAML/JSON input: round trip, and every kind of bad file with a Vietnamese
message that names the field and the cell."""

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook

from corpus.errors import InputError
from drafting.inputs.files import load_figures_bytes, load_figures_file
from drafting.inputs.workbook import META_SHEET, write_template

ROOT = Path(__file__).resolve().parent.parent
CASES = ROOT / "evals" / "cases" / "drafting"
META = {"issuer": "Ủy ban nhân dân xã Ba Trang", "parent": "UBND huyện Ba Tơ", "level": "xã",
        "locality": "xã Ba Trang", "period": "6 tháng", "year": 2023, "symbol": "BC-UBND", "place": "Ba Trang",
        "date": "05/06/2023", "recipients": "UBND huyện Ba Tơ\nPhòng Nội vụ huyện"}


def _filled(values, previous=None, meta=META) -> bytes:
    return write_template(None, meta, values, previous)


def test_template_cli_writes_vietnamese_workbook(tmp_path):
    out = tmp_path / "so-lieu.xlsx"
    r = subprocess.run([sys.executable, "-m", "drafting", "template", "--out", str(out)], cwd=ROOT,
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    wb = load_workbook(out)
    assert wb.sheetnames[0] == META_SHEET and "II.2 Cải cách TTHC" in wb.sheetnames
    ws = wb["II.2 Cải cách TTHC"]
    assert [c.value for c in ws[1]] == ["Mã", "Chỉ tiêu", "Đơn vị", "Kỳ này", "Kỳ trước", "Cùng kỳ năm trước", "Ghi chú"]
    labels = {r[0].value: (r[1].value, r[2].value) for r in ws.iter_rows(min_row=2)}
    assert labels["ho_so_qua_han"] == ("Hồ sơ giải quyết quá hạn", "hồ sơ")
    assert ws.data_validations.dataValidation, "cells carry validation hints"


def test_workbook_round_trip():
    data = load_figures_bytes(_filled({"tthc.ho_so_tiep_nhan": 253, "tthc.ho_so_qua_han": 7},
                                      {"tthc.ho_so_tiep_nhan": 200}), "so-lieu.xlsx")
    assert data.meta.issuer == "Ủy ban nhân dân xã Ba Trang" and data.meta.recipients == ["UBND huyện Ba Tơ", "Phòng Nội vụ huyện"]
    assert data.figures.values["tthc.ho_so_tiep_nhan"] == 253
    assert data.figures.previous["tthc.ho_so_tiep_nhan"] == 200
    assert data.figures.cells["tthc.ho_so_tiep_nhan"].startswith("'II.2 Cải cách TTHC'!D")


def test_workbook_negative_count_names_cell():
    data = load_figures_bytes(_filled({"tthc.ho_so_qua_han": -2}), "so-lieu.xlsx")
    msg = data.errors[0].message
    assert "Hồ sơ giải quyết quá hạn" in msg and "'II.2 Cải cách TTHC'!D" in msg and "âm" in msg


def test_workbook_total_smaller_than_parts_names_cells():
    data = load_figures_bytes(_filled({"tthc.ho_so_da_giai_quyet": 100, "tthc.ho_so_dung_han_tong": 95,
                                       "tthc.ho_so_qua_han": 9}), "so-lieu.xlsx")
    assert any("lớn hơn tổng" in i.message and "!D" in i.message for i in data.errors)


def test_workbook_wrong_type_in_cell():
    raw = _filled({})
    wb = load_workbook(io.BytesIO(raw))
    ws = wb["II.2 Cải cách TTHC"]
    row = next(r for r in ws.iter_rows(min_row=2) if r[0].value == "ho_so_tiep_nhan")
    row[3].value = "khoảng 250"
    buf = io.BytesIO()
    wb.save(buf)
    data = load_figures_bytes(buf.getvalue(), "so-lieu.xlsx")
    assert any("khoảng 250" in i.message and f"D{row[3].row}" in i.message for i in data.errors)


def test_workbook_renamed_sheet_still_reads_with_warning():
    wb = load_workbook(io.BytesIO(_filled({"tthc.ho_so_tiep_nhan": 10})))
    wb["II.2 Cải cách TTHC"].title = "TTHC"
    buf = io.BytesIO()
    wb.save(buf)
    data = load_figures_bytes(buf.getvalue(), "so-lieu.xlsx")
    assert data.figures.values["tthc.ho_so_tiep_nhan"] == 10
    assert any("“TTHC” đã bị đổi tên" in i.message for i in data.issues)


def test_empty_workbook_refused():
    from openpyxl import Workbook

    buf = io.BytesIO()
    Workbook().save(buf)
    with pytest.raises(InputError, match="trống"):
        load_figures_bytes(buf.getvalue(), "rong.xlsx")


def test_corrupt_and_bomb_workbooks_refused():
    with pytest.raises(InputError):
        load_figures_bytes(b"PK\x03\x04garbage" * 10, "hong.xlsx")
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("xl/workbook.xml", b"0" * (450 * 1024 * 1024))
    with pytest.raises(InputError, match="quá lớn"):
        load_figures_bytes(buf.getvalue(), "bom.xlsx")


def test_yaml_unknown_field_and_syntax_error():
    data = load_figures_bytes(b"meta: {}\nfigures:\n  tthc:\n    ho_so_tiep_nhann: 5\n", "x.yaml")
    assert any("ho_so_tiep_nhann" in i.message and "ho_so_tiep_nhan" in i.message for i in data.errors)
    with pytest.raises(InputError, match="dòng"):
        load_figures_bytes(b"figures: [1, 2\n  x: }", "x.yaml")


def test_json_input_and_meta_messages():
    raw = json.dumps({"meta": {"issuer": "UBND xã A", "level": "huyện", "locality": "xã A", "period": "6 tháng",
                               "year": 2025, "place": "A", "date": "2025-12-01"},
                      "figures": {"tthc": {"ho_so_tiep_nhan": 5}}}).encode()
    data = load_figures_bytes(raw, "x.json")
    assert data.meta is None and any("01/07/2025" in i.message for i in data.errors)


def test_shipped_cases_are_valid():
    for path in sorted(CASES.glob("*.yaml")):
        data = load_figures_file(path)
        assert data.meta is not None and not data.errors, (path.name, [i.message for i in data.errors])


def test_cli_refuses_invalid_figures_unless_forced(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((CASES / "ba-trang-6t-2023.yaml").read_text(encoding="utf-8").replace("ho_so_qua_han: 7", "ho_so_qua_han: -7"),
                   encoding="utf-8")
    out = tmp_path / "r.docx"
    env_cmd = [sys.executable, "-m", "drafting", "draft", "--figures", str(bad), "--out", str(out)]
    r = subprocess.run(env_cmd, cwd=ROOT, capture_output=True, text=True, env={"TROLY_DATA_DIR": str(tmp_path / "d"), "PATH": "/usr/bin:/bin"})
    assert r.returncode == 1 and "âm" in r.stderr and not out.exists()


def test_a_workbook_filled_as_an_official_fills_it_drafts_what_it_says(corpus_stack):
    """Found filling the template as a department's official would: a time written "tháng 3/2026" refused the whole
    workbook; "Quyết định số 42/QĐ-…" in the number column printed "Quyết định số Quyết định số"; an inspection was
    listed as one of the two meetings counted; and a total "kể cả kỳ trước chuyển sang" was stated from the new
    dossiers alone, as if none had come over."""
    import datetime as dt

    from drafting.chain.drafter import Drafter

    values = {"chi_dao.hoi_nghi": 2, "tthc.ho_so_truc_tuyen": 1480, "tthc.ho_so_truc_tiep": 35,
              "tthc.ho_so_da_giai_quyet": 1490, "tthc.ho_so_dung_han_tong": 1490}
    wb = load_workbook(io.BytesIO(_filled(values, meta={**META, "year": 2026, "date": "18/06/2026"})))
    wb["Văn bản đã ban hành"].append(["", "Quyết định số 42/QĐ-UBND", dt.datetime(2026, 2, 20),
                                      "về việc kiện toàn Tổ giúp việc CCHC"])
    wb["Hoạt động"].append(["I", "tháng 3/2026", "Kiểm tra công tác CCHC tại 4 thôn"])
    wb["Hoạt động"].append(["I", "", "Hội nghị giao ban CCHC quý I"])
    buf = io.BytesIO()
    wb.save(buf)
    data = load_figures_bytes(buf.getvalue(), "so-lieu.xlsx")
    assert not data.errors, data.errors
    draft = Drafter(corpus_stack.searcher, corpus_stack.registry).draft(data.meta, data.figures, facts=data.facts,
                                                                        sections=["I", "II.2"])
    text = "\n".join(p.text for s in draft.sections for p in s.paragraphs)
    assert "Quyết định số 42/QĐ-UBND ngày 20/2/2026 về kiện toàn Tổ giúp việc CCHC" in text
    assert "Quyết định số Quyết định" not in text
    assert "Đã tổ chức 02 hội nghị, cuộc họp về CCHC; nội dung cụ thể:\n+ Hội nghị giao ban CCHC quý I." in text
    assert "Tháng 3/2026, kiểm tra công tác CCHC tại 4 thôn." in text
    assert "tổng số hồ sơ tiếp nhận là" not in text and "tiếp nhận mới trong kỳ 1.515 hồ sơ" in text
