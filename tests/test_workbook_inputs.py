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
    # a full day in «Thời gian» is said too, as a month is (session 21: "15/7/2026" was dropped from the draft)
    wb["Hoạt động"].append(["I", "12/3/2026", "Hội nghị triển khai Đề án 06 năm 2026"])
    buf = io.BytesIO()
    wb.save(buf)
    data = load_figures_bytes(buf.getvalue(), "so-lieu.xlsx")
    assert not data.errors, data.errors
    draft = Drafter(corpus_stack.searcher, corpus_stack.registry).draft(data.meta, data.figures, facts=data.facts,
                                                                        sections=["I", "II.2"])
    text = "\n".join(p.text for s in draft.sections for p in s.paragraphs)
    assert "Quyết định số 42/QĐ-UBND ngày 20/2/2026 về kiện toàn Tổ giúp việc CCHC" in text
    assert "Quyết định số Quyết định" not in text
    assert ("Đã tổ chức 02 hội nghị, cuộc họp về CCHC; nội dung cụ thể:\n+ Hội nghị giao ban CCHC quý I;\n"
            "+ Ngày 12/3/2026, hội nghị triển khai Đề án 06 năm 2026.") in text, text
    assert "Tháng 3/2026, kiểm tra công tác CCHC tại 4 thôn." in text
    assert "tổng số hồ sơ tiếp nhận là" not in text and "tiếp nhận mới trong kỳ 1.515 hồ sơ" in text


def test_notes_beside_figures_section_cells_as_typed_and_two_documents_in_one_row(corpus_stack):
    """Filling the template as a commune's clerk would (9 tháng 2026): the «Ghi chú» beside «Hồ sơ giải quyết quá hạn»
    ("lĩnh vực đất đai, do chờ ý kiến cơ quan thuế") and beside the people trained ("02 lớp tập huấn phần mềm một
    cửa") were dropped without a word; "Mục I" in the section column refused the workbook; two plans in one row
    ("06/KH-UBND↵07/KH-UBND") became one document with both numbers; a document left without its section went to I
    whatever it was about; a cause kept its capital after "Nguyên nhân:"; "Quý II, Ra quân …" kept its capital."""
    import datetime as dt

    from drafting.chain.drafter import Drafter

    values = {"tthc.ho_so_tiep_nhan": 1284, "tthc.ho_so_da_giai_quyet": 1250, "tthc.ho_so_dung_han_tong": 1247,
              "tthc.ho_so_qua_han": 3, "tthc.ho_so_dang_giai_quyet": 34, "cong_vu.boi_duong": 40}
    meta = {**META, "issuer": "Ủy ban nhân dân xã Quảng Phú", "locality": "xã Quảng Phú", "place": "Quảng Phú",
            "period": "9 tháng", "year": 2026, "date": "28/09/2026", "parent": ""}
    wb = load_workbook(io.BytesIO(_filled(values, meta=meta)))
    for sheet, key, note in (("II.2 Cải cách TTHC", "ho_so_qua_han", "lĩnh vực đất đai, do chờ ý kiến cơ quan thuế"),
                             ("II.4 Chế độ công vụ", "boi_duong", "02 lớp tập huấn phần mềm một cửa")):
        row = next(r for r in wb[sheet].iter_rows(min_row=2) if r[0].value == key)
        row[6].value = note
    wb["Văn bản đã ban hành"].append(["Mục I", "06/KH-UBND\n07/KH-UBND", dt.datetime(2026, 1, 9),
                                      "Kế hoạch kiểm soát TTHC năm 2026; Kế hoạch tuyên truyền CCHC năm 2026"])
    wb["Văn bản đã ban hành"].append(["", "30/QĐ-UBND", "12/3/2026", "Quyết định kiện toàn Bộ phận Một cửa xã"])
    wb["Hoạt động"].append(["II.6 Chính quyền số", "quý II", "Ra quân hướng dẫn người dân kích hoạt VNeID mức 2"])
    wb["Tồn tại và nguyên nhân"].append(["III", "Thiết bị tại Bộ phận Một cửa đã cũ", "Kinh phí mua sắm chưa được bố trí"])
    buf = io.BytesIO()
    wb.save(buf)
    data = load_figures_bytes(buf.getvalue(), "so-lieu.xlsx")
    assert not data.errors, data.errors
    docs = [(f.section, f.text) for f in data.facts if f.kind == "document"]
    assert docs == [("I", "Kế hoạch số 06/KH-UBND ngày 09/01/2026 về kiểm soát TTHC năm 2026"),
                    ("I", "Kế hoạch số 07/KH-UBND ngày 09/01/2026 về tuyên truyền CCHC năm 2026"),
                    ("II.2", "Quyết định số 30/QĐ-UBND ngày 12/3/2026 về kiện toàn Bộ phận Một cửa xã")]
    draft = Drafter(corpus_stack.searcher, corpus_stack.registry).draft(data.meta, data.figures, facts=data.facts,
                                                                        sections=["II.2", "II.4", "II.6", "III"])
    text = {s.key: "\n".join(p.text for p in s.paragraphs) for s in draft.sections}
    assert "quá hạn 03 hồ sơ (chiếm 0,24%; lĩnh vực đất đai, do chờ ý kiến cơ quan thuế)." in text["II.2"]
    assert "40 lượt người được bồi dưỡng chuyên môn, nghiệp vụ (02 lớp tập huấn phần mềm một cửa)." in text["II.4"]
    assert text["II.2"].count("cơ quan thuế") == 1 and text["II.4"].count("02 lớp") == 1
    assert "Quý II, ra quân hướng dẫn" in text["II.6"]
    assert "Nguyên nhân: kinh phí mua sắm chưa được bố trí." in text["III"]
    # a saved draft written back to a workbook keeps each note beside its figure, and reads back the same
    again = load_figures_bytes(write_template(None, meta, values, facts=data.facts), "so-lieu.xlsx")
    assert sorted((f.figure, f.text) for f in again.facts if f.figure) == sorted(
        (f.figure, f.text) for f in data.facts if f.figure)


def test_an_inspection_in_the_activities_sheet_joins_the_sentence_counting_inspections(corpus_stack):
    """Filling the template as a ward's clerk would (phường Thanh Khê, 9 tháng 2026, session 21): «Quý III — Kiểm tra
    việc niêm yết TTHC tại 3 tổ dân phố» stood alone among section I's activities while «Về công tác kiểm tra CCHC: đã
    tổ chức 03 cuộc kiểm tra.» said nothing of it."""
    from drafting.chain.drafter import Drafter

    wb = load_workbook(io.BytesIO(_filled({"chi_dao.cuoc_kiem_tra": 3}, meta={**META, "year": 2026, "date": "18/06/2026"})))
    wb["Hoạt động"].append(["I", "quý II", "Kiểm tra việc niêm yết TTHC tại 3 tổ dân phố"])
    buf = io.BytesIO()
    wb.save(buf)
    data = load_figures_bytes(buf.getvalue(), "so-lieu.xlsx")
    draft = Drafter(corpus_stack.searcher, corpus_stack.registry).draft(data.meta, data.figures, facts=data.facts,
                                                                        sections=["I"])
    text = "\n".join(p.text for p in draft.section("I").paragraphs)
    assert ("Về công tác kiểm tra CCHC: đã tổ chức 03 cuộc kiểm tra; quý II, kiểm tra việc niêm yết TTHC tại 3 tổ dân "
            "phố.") in text, text
    assert text.count("tổ dân phố") == 1
