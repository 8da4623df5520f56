"""A report compares with the previous period and with the same period last year, each where given
(drafting-practice §4): both phrases computed in code, both appendix columns, both workbook columns, and last
year's figures never presented as last period's."""

import io

import docx
from openpyxl import load_workbook

from corpus.registry import Registry
from drafting.inputs.files import figures_from_data, load_figures_bytes
from drafting.inputs.workbook import write_template
from drafting.render.docx import render_docx
from drafting.review.checks import review
from evals.substance_eval import CASES

META = {"issuer": "Ủy ban nhân dân xã Hòa Bình", "parent": "UBND tỉnh Phú Thọ", "level": "xã", "locality": "xã Hòa Bình",
        "period": "6 tháng", "year": 2026, "date": "2026-06-20", "place": "Hòa Bình"}
FIGURES = {"tthc": {"ho_so_tiep_nhan": 230, "ho_so_da_giai_quyet": 226, "ho_so_dung_han_tong": 224,
                    "ho_so_qua_han": 2}}


def _ii2(draft) -> str:
    return "\n".join(p.text for p in draft.section("II.2").paragraphs)


def test_both_comparisons_in_the_text_and_the_appendix(assistant):
    data = figures_from_data({"meta": META, "figures": {"tthc": {**FIGURES["tthc"], "tthc_tong_so": 112}},
                              "previous": {"tthc": {"ho_so_tiep_nhan": 184, "tthc_tong_so": 110}},
                              "same_period_last_year": {"tthc": {"ho_so_tiep_nhan": 200}}})
    assert not data.errors, data.errors
    draft = assistant.draft_input(data)
    # 230 − 200 = 30 (15,00%), in code; the 6 months' 230 dossiers are not compared with quý I's 184 — the periods
    # are cumulative from 15/12 (Nghị định 09/2019, Điều 12), so 6 months always "grow" over 3 — but the number of
    # procedures, a level at the end of each period, is: 112 − 110 = 2
    assert ("tổng số hồ sơ tiếp nhận là 230 hồ sơ (tăng 30 hồ sơ, tương ứng tăng 15% so với cùng kỳ năm trước)") in _ii2(draft), _ii2(draft)
    # the level's change is said, once, right after the sentence that states it; no dossier count against quý I
    assert [line for line in _ii2(draft).split("\n") if "so với kỳ trước" in line] == [
        "Tổng số TTHC thuộc thẩm quyền giải quyết tăng 02 thủ tục (1,82%) so với kỳ trước."], _ii2(draft)
    from drafting.figures.figureset import changes

    assert set(changes(data.figures, period="6 tháng")) == {"tthc.tthc_tong_so"}  # a level compares
    assert set(changes(data.figures, period="năm")) == {"tthc.tthc_tong_so", "tthc.ho_so_tiep_nhan"}  # the year before
    table = docx.Document(io.BytesIO(render_docx(draft))).tables[-1]
    assert [c.text for c in table.rows[0].cells] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ này", "Kỳ trước",
                                                     "Cùng kỳ năm trước"]
    row = next(r for r in table.rows if r.cells[1].text.startswith("Tổng số hồ sơ tiếp nhận"))
    assert [c.text for c in row.cells[3:]] == ["230", "184", "200"]


def test_an_older_file_saying_cung_ky_puts_its_column_under_that_name(assistant):
    data = figures_from_data({"meta": META, "figures": FIGURES, "previous": {"tthc": {"ho_so_tiep_nhan": 200}},
                              "previous_label": "cùng kỳ năm trước"})
    assert not data.figures.previous and data.figures.same_period["tthc.ho_so_tiep_nhan"] == 200
    text = _ii2(assistant.draft_input(data))
    assert "so với cùng kỳ năm trước" in text and "so với kỳ trước" not in text


def test_the_workbook_carries_both_columns_and_older_workbooks_still_read(tmp_path):
    data = write_template(meta=META, values={"tthc.ho_so_tiep_nhan": 230}, previous={"tthc.ho_so_tiep_nhan": 184},
                          same_period={"tthc.ho_so_tiep_nhan": 200})
    back = load_figures_bytes(data, "so-lieu.xlsx")
    fs = back.figures
    assert (fs.values["tthc.ho_so_tiep_nhan"], fs.previous["tthc.ho_so_tiep_nhan"],
            fs.same_period["tthc.ho_so_tiep_nhan"]) == (230, 184, 200)
    # a workbook made before the column existed: «Ghi chú» sits where «Cùng kỳ năm trước» is now, and is not a figure
    wb = load_workbook(io.BytesIO(data))
    for ws in wb.worksheets[1:]:
        if ws.cell(1, 6).value == "Cùng kỳ năm trước":
            ws.delete_cols(6)
            ws.cell(2, 6).value = 999
    buf = io.BytesIO()
    wb.save(buf)
    old = load_figures_bytes(buf.getvalue(), "so-lieu-cu.xlsx").figures
    assert not old.same_period and old.previous["tthc.ho_so_tiep_nhan"] == 184


def test_a_case_without_past_figures_has_no_comparison_columns(assistant):
    """A shipped case that gives neither the previous period nor last year's: the appendix adds no empty column."""
    data = load_figures_bytes((CASES / "tinh-lam-dong-nam-2025.yaml").read_bytes(), "tinh.yaml")
    draft = assistant.draft_input(data)
    table = docx.Document(io.BytesIO(render_docx(draft))).tables[-1]
    headers = [c.text for c in table.rows[0].cells]
    assert "Kỳ trước" not in headers and "Cùng kỳ năm trước" not in headers and headers[3] == "Kỳ này"


def test_channels_are_parts_of_the_new_dossiers_and_growth_is_said_in_code(assistant, tmp_path):
    figures = {"tthc": {"ho_so_ky_truoc": 10, "ho_so_truc_tuyen": 150, "ho_so_truc_tiep": 40, "ho_so_da_giai_quyet": 190,
                        "ho_so_dung_han_tong": 190, "ho_so_qua_han": 0, "ho_so_dang_giai_quyet": 10}}
    data = figures_from_data({"meta": META, "figures": figures,
                              "same_period_last_year": {"tthc": {"ho_so_truc_tuyen": 120, "ho_so_da_giai_quyet": 160}}})
    draft = assistant.draft_input(data)
    text = _ii2(draft)
    # 10 + (150 + 40) = 200; the channels under the 190 new dossiers, never beside the total; no bracket after bracket
    assert ("tổng số hồ sơ tiếp nhận là 200 hồ sơ, trong đó kỳ trước chuyển sang 10 hồ sơ; tiếp nhận mới trong kỳ "
            "190 hồ sơ (trực tuyến 150 hồ sơ, trực tiếp 40 hồ sơ).") in text, text
    # 190 − 160 = 30 (18,75%); 150 − 120 = 30 (25%)
    assert "Đã giải quyết 190 hồ sơ (tăng 30 hồ sơ, tương ứng tăng 18,75% so với cùng kỳ năm trước)" in text
    assert "số hồ sơ tiếp nhận trực tuyến tăng 30 hồ sơ (25%) so với cùng kỳ năm trước" in text
    assert not __import__("re").search(r"\([^()]*\(", text), text  # no brackets inside brackets (issue 13)
    # the reviewer reads "(25%) so với cùng kỳ năm trước" as a change, not as this period's online rate
    path = tmp_path / "du-thao.docx"
    path.write_bytes(render_docx(draft))
    assert [f for f in review(path, Registry.load()) if f.kind == "arithmetic"] == []


def test_every_comparison_given_is_said_once_beside_its_figure(assistant):
    """A province's quarter (session 24) gave last quarter's number of procedures and the draft never used it. Any level
    given for both periods is now compared in code, after the sentence that states it, unless a sentence says it."""
    data = figures_from_data({"meta": META, "figures": {"to_chuc": {"bien_che_giao": 30, "bien_che_co_mat": 27},
                                                        "cds": {"tai_khoan_dinh_danh": 5400}},
                              "previous": {"to_chuc": {"bien_che_co_mat": 29}, "cds": {"tai_khoan_dinh_danh": 4800}}})
    draft = assistant.draft_input(data)
    staff = [p.text for p in draft.section("II.3").paragraphs]
    at = staff.index("Số công chức có mặt giảm 02 người (6,90%) so với kỳ trước.")  # how many, not the staff, fell
    assert "27" in staff[at - 1] or "{to_chuc.bien_che_co_mat}" in draft.section("II.3").paragraphs[at - 1].text, staff
    digital = " ".join(p.text for p in draft.section("II.6").paragraphs)
    assert digital.count("so với kỳ trước") == 1 and "tăng 600 tài khoản (12,50%) so với kỳ trước" in digital, digital


def test_a_year_report_compares_with_the_year_before_by_its_name(assistant, tmp_path):
    """Found trying the chat for a commune's year: "Hội nghị, cuộc họp về CCHC đã tổ chức tăng 01 cuộc (50%) so với
    cùng kỳ năm trước" — the label of the things as the subject of how many, and a year's last year called "cùng kỳ
    năm trước" (or "kỳ trước") where officials write "so với năm 2025". Given as last year's and as the same period,
    the one comparison is said once."""
    meta = {**META, "period": "năm", "year": 2026, "date": "2026-12-15"}
    data = figures_from_data({"meta": meta, "figures": {"chi_dao": {"tin_bai": 14}, "tthc": {"tthc_tong_so": 112}},
                              "previous": {"chi_dao": {"tin_bai": 10}, "tthc": {"tthc_tong_so": 110}},
                              "same_period_last_year": {"chi_dao": {"tin_bai": 10}}})
    draft = assistant.draft_input(data)
    text = " ".join(p.text for s in draft.sections for p in s.paragraphs)
    assert "Số tin, bài tuyên truyền về CCHC tăng 04 tin, bài (40%) so với năm 2025." in text, text
    assert "Tổng số TTHC thuộc thẩm quyền giải quyết tăng 02 thủ tục (1,82%) so với năm 2025." in text, text
    assert text.count("so với năm 2025") == 2 and "cùng kỳ năm trước" not in text and "so với kỳ trước" not in text
    # and the reviewer still reads "(12,5%) so với năm 2025" as a change, not as this year's online rate
    online = figures_from_data({"meta": meta, "figures": {"tthc": {"ho_so_truc_tuyen": 900, "ho_so_truc_tiep": 100}},
                                "same_period_last_year": {"tthc": {"ho_so_truc_tuyen": 800}}})
    year = assistant.draft_input(online)
    assert "số hồ sơ tiếp nhận trực tuyến tăng 100 hồ sơ (12,50%) so với năm 2025" in _ii2(year), _ii2(year)
    path = tmp_path / "bao-cao-nam.docx"
    path.write_bytes(render_docx(year))
    assert [f for f in review(path, Registry.load()) if f.kind == "arithmetic"] == []
