"""The unit's own substance: facts and targets in, written into the report as supplied, and nothing asserted
that the official did not supply (issue 13)."""

import io
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import docx
import pytest
import yaml

from drafting.chain.drafter import Drafter
from drafting.figures.facts import parse_facts, parse_targets
from drafting.figures.figureset import build_figure_set
from drafting.inputs.fact_sheets import document_text
from drafting.inputs.files import load_figures_bytes, load_figures_file
from drafting.inputs.workbook import write_template
from drafting.llm.fakes import ScriptedChatModel
from drafting.models import PROPOSAL_OPEN
from drafting.render.docx import render_docx
from evals.substance_eval import CASES, evaluate, run_substance

ROOT = Path(__file__).resolve().parent.parent
BA_TRANG = CASES / "ba-trang-6t-2023.yaml"


@pytest.fixture(scope="module")
def substance_rows(assistant):
    return run_substance(assistant)


# held-out case 27, first run: its "Tỷ lệ hài lòng chưa đạt chỉ tiêu được giao" is written as the verdict computed
# against the target ("… là 96,5%, chưa đạt chỉ tiêu 98% theo Kế hoạch số 18/KH-UBND …") with the official's cause;
# the word check misses "được giao". Leading with the official's words read worse and was left (README, substance table)
_KNOWN_MISSING = {"so-noi-vu-ca-mau-6t-2027": ["facts[8]"]}


@pytest.mark.slow  # a whole eval (15–35 s on 2 cores): in make test and CI, not the fast lane
def test_substance_floors(substance_rows):
    """Every supplied fact is in the draft, no sentence is asserted without support, no verdict without a
    named target — on seed 003 and on units of other levels and periods."""
    assert {r["level"] for r in substance_rows} >= {"xã", "tỉnh", "sở"}
    assert {r["period"] for r in substance_rows} >= {"6 tháng", "năm", "quý I"}
    for r in substance_rows:
        assert r["missing_facts"] == _KNOWN_MISSING.get(r["case"], []), (r["case"], r["missing_facts"])
        assert r["unsupported"] == [], r["case"]
        assert r["verdicts_without_target"] == [], r["case"]
    assert all(r["proposals"] >= 1 for r in substance_rows)


def test_the_stock_sentences_are_gone(assistant):
    """The claims drafting-practice.md §2 found in every draft are no longer asserted."""
    draft = assistant.draft_input(load_figures_file(BA_TRANG))
    text = draft.full_text()
    for stock in ("tài sản công được thực hiện đúng quy chế", "được triển khai thường xuyên",
                  "xếp loại chất lượng cán bộ", "thực hiện tốt các nhiệm vụ quản lý nhà nước được phân cấp",
                  "bảo đảm đúng số lượng được giao", "năng lực một số cán bộ, công chức chưa đáp ứng",
                  "chưa đạt yêu cầu", "Một số chỉ tiêu khác trong kỳ"):
        assert stock not in text, stock


def test_facts_are_written_as_supplied(assistant):
    data = load_figures_file(BA_TRANG)
    draft = assistant.draft_input(data)
    i = draft.section("I")
    text = "\n".join(p.text for p in i.paragraphs)
    assert "ban hành 60 văn bản chỉ đạo, điều hành về CCHC, trong đó:" in text
    # body date without leading zeros; the item under "đã ban hành …, trong đó:" does not repeat the verb
    assert "\n+ Quyết định số 252/QĐ-UBND ngày 25/12/2022" in text
    assert "+ Sơ kết công tác CCHC quý I;" in text and "tổ Đồng Lớn, thôn Nước Đàng" in text  # own hamlet kept
    assessment = "\n".join(p.text for p in draft.section("III").paragraphs)
    assert "Nguyên nhân: hồ sơ chậm duyệt trên phần mềm một cửa điện tử." in assessment
    # a shortcoming without the official's cause asks for it, never invents one
    after = assessment.split("Công tác tuyên truyền về CCHC chưa có bước đột phá.")[1]
    assert after.lstrip().startswith("[đề nghị bổ sung: nguyên nhân")
    tasks = "\n".join(p.text for p in draft.section("IV").paragraphs)
    assert "Tiếp tục thực hiện: kế hoạch rà soát, đánh giá TTHC năm 2023" in tasks  # pending task carried


def test_rounds_of_inspection_are_written_with_the_units_inspected(assistant):
    """"Sở tổ chức 2 cuộc kiểm tra CCHC tại 4 phòng chuyên môn" was drafted "đã kiểm tra 04 cơ quan, đơn vị" (the 2 was
    unread: the schema had no field for it)."""
    text = ("meta: {issuer: Sở Công Thương, parent: UBND tỉnh Gia Lai, level: sở, locality: tỉnh Gia Lai,"
            " period: 9 tháng, year: 2026, date: 2026-10-05, place: Gia Lai, symbol: BC-SCT}\n"
            "figures: {chi_dao.cuoc_kiem_tra: 2, chi_dao.co_quan_duoc_kiem_tra: 4}\n")
    draft = assistant.draft_input(load_figures_bytes(text.encode(), "so-lieu.yaml"))
    body = "\n".join(p.text for p in draft.section("I").paragraphs)
    assert "Về công tác kiểm tra CCHC: đã tổ chức 02 cuộc kiểm tra tại 04 cơ quan, đơn vị." in body, body


def test_what_inspections_found_and_a_labelled_list_of_next_tasks_in_chat(assistant):
    """Tried as a new user (a department's 9 months): "…, qua kiểm tra chưa phát hiện sai phạm" after the inspections'
    count was lost; "Nhiệm vụ quý IV: tiếp tục rà soát …; nâng tỷ lệ …" became an event of II.2 and its second task
    was dropped, so section IV held only the assistant's stock proposals."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Sở tổ chức 2 đợt kiểm tra tại 4 phòng chuyên môn, qua kiểm tra chưa phát hiện sai phạm.")
    assert {f.key for f in r.figures} == {"chi_dao.cuoc_kiem_tra", "chi_dao.co_quan_duoc_kiem_tra"}
    assert [(f.section, f.text) for f in r.facts] == [("I", "Qua kiểm tra chưa phát hiện sai phạm")]
    r = read_message("Nhiệm vụ quý IV: tiếp tục rà soát TTHC lĩnh vực hộ tịch; nâng tỷ lệ hồ sơ trực tuyến toàn trình. "
                     "Kiến nghị Bộ Tư pháp nâng cấp phần mềm lý lịch tư pháp.")
    assert [(f.section, f.kind, f.text) for f in r.facts] == [
        ("IV", "task", "Tiếp tục rà soát TTHC lĩnh vực hộ tịch"), ("IV", "task", "Nâng tỷ lệ hồ sơ trực tuyến toàn trình"),
        ("V", "proposal", "Kiến nghị Bộ Tư pháp nâng cấp phần mềm lý lịch tư pháp")]
    r = read_message("Phương hướng, nhiệm vụ thời gian tới: đẩy mạnh số hóa hồ sơ; kiện toàn Bộ phận Một cửa.")
    assert [(f.section, f.kind) for f in r.facts] == [("IV", "task"), ("IV", "task")]
    assert [f.kind for f in read_message("Nhiệm vụ đã hoàn thành: rà soát quy chế làm việc.").facts] == ["event"]
    text = ("meta: {issuer: Sở Tư pháp, parent: UBND tỉnh Quảng Trị, level: sở, locality: tỉnh Quảng Trị,"
            " period: 9 tháng, year: 2026, date: 2026-10-05, place: Quảng Trị, symbol: BC-STP}\n"
            "figures: {chi_dao.cuoc_kiem_tra: 2, chi_dao.co_quan_duoc_kiem_tra: 4}\n"
            "facts: [{section: I, kind: event, text: Qua kiểm tra chưa phát hiện sai phạm}]\n")
    body = "\n".join(p.text for p in assistant.draft_input(load_figures_bytes(text.encode(), "so-lieu.yaml")).section("I").paragraphs)
    # said with the count it belongs to, once
    assert "đã tổ chức 02 cuộc kiểm tra tại 04 cơ quan, đơn vị; qua kiểm tra chưa phát hiện sai phạm." in body, body
    assert body.count("chưa phát hiện sai phạm") == 1


def test_a_ward_told_in_chat_keeps_its_counts_nouns_meeting_and_task_list(assistant):
    """Tried as a new user (a ward of Đồng Nai, 9 months of 2026): "Nhiệm vụ quý IV: …; hoàn thành 11 nhiệm vụ còn lại
    của kế hoạch năm" replaced the 21 tasks done by 11; a meeting held on 15/7 "triển khai nhiệm vụ 6 tháng cuối năm"
    became a task of section IV; "kiểm tra tại 5 khu phố" was drafted "05 cơ quan, đơn vị"; "chủ yếu thuộc lĩnh vực hộ
    tịch" after the dossiers' count was lost."""
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="phuong-long-binh")
    for msg in ("Báo cáo CCHC 9 tháng năm 2026 của UBND phường Long Bình, tỉnh Đồng Nai.",
                "Kế hoạch CCHC năm 2026 có 32 nhiệm vụ, đến nay hoàn thành 21 nhiệm vụ, còn 11 nhiệm vụ đang triển khai.",
                "Ngày 15/7/2026 phường tổ chức hội nghị sơ kết 6 tháng công tác CCHC, đánh giá kết quả và triển khai "
                "nhiệm vụ 6 tháng cuối năm.",
                "Phường kiểm tra CCHC tại 5 khu phố, phát hiện 3 tồn tại về niêm yết công khai TTHC, đã chấn chỉnh xong 3.",
                "Bộ phận một cửa tiếp nhận 4.215 hồ sơ, trong đó trực tuyến 3.120 hồ sơ, chủ yếu thuộc lĩnh vực hộ tịch và "
                "chứng thực. Đã giải quyết 4.150 hồ sơ, đúng hạn 4.101, quá hạn 49 hồ sơ.",
                "Nhiệm vụ quý IV: tiếp tục rà soát, đơn giản hóa TTHC lĩnh vực hộ tịch; hoàn thành 11 nhiệm vụ còn lại "
                "của kế hoạch năm.",
                "Soạn cả báo cáo"):
        final = list(h.chat_turn(assistant, st, msg, today=dt.date(2026, 10, 5)))[-1]
    assert st.chat_values["chi_dao.nhiem_vu_hoan_thanh"].value == 21
    draft = st.last_draft
    one, two, four = ("\n".join(p.text for p in draft.section(k).paragraphs) for k in ("I", "II.2", "IV"))
    assert "đã hoàn thành 21 nhiệm vụ, đạt 65,63% kế hoạch năm" in one
    assert "Ngày 15/7/2026 phường tổ chức hội nghị sơ kết 6 tháng công tác CCHC" in one
    assert ("đã kiểm tra 05 khu phố; qua kiểm tra phát hiện 03 tồn tại về niêm yết công khai TTHC, đã xử lý xong 03 tồn "
            "tại (đạt 100%)") in one
    assert "Hồ sơ tiếp nhận chủ yếu thuộc lĩnh vực hộ tịch và chứng thực." in two
    assert "hội nghị" not in four and "Hoàn thành 11 nhiệm vụ còn lại của kế hoạch năm." in four
    assert "Hoàn thành 11 nhiệm vụ còn lại" in final.text
    # the counted nouns are saved with the draft: reopened in chat or in the builder and drafted again, still "khu phố"
    again = h.UserState(user="phuong-long-binh")
    h.open_draft(assistant, again, st.last_draft_id)
    redrafted = list(h.chat_turn(assistant, again, "Soạn lại mục I", today=dt.date(2026, 10, 5)))[-1]
    assert "đã kiểm tra 05 khu phố" in redrafted.text and "05 cơ quan, đơn vị" not in redrafted.text
    builder = h.UserState(user="phuong-long-binh")
    rec, data, _ = h.open_draft(assistant, builder, h.chat_to_builder(assistant, again))
    data = data.model_copy(update={"facts": rec.draft.facts, "targets": rec.draft.targets})
    res = h.generate_report(assistant, builder, data)
    assert "đã kiểm tra 05 khu phố" in res.html and "05 cơ quan, đơn vị" not in res.html


def test_counted_nouns_are_the_officials_only_when_the_count_is_theirs():
    from drafting.inputs.chat_reader import read_message

    nouns = {f.key: f.noun for f in read_message("Kiểm tra 4 cơ quan, đơn vị, phát hiện 2 thiếu sót trong việc niêm "
                                                 "yết, đã xử lý 2.").figures}
    assert nouns["chi_dao.co_quan_duoc_kiem_tra"] == "cơ quan, đơn vị"
    assert nouns["chi_dao.van_de_phat_hien"] == "thiếu sót trong việc niêm yết"
    # a sum of two groups is no count of "phòng chuyên môn"; the detail with its own count is not a field's detail
    # a sum of two groups is no count of "phòng chuyên môn": the draft names the parts as the official did
    assert [f.noun for f in read_message("kiểm tra cchc tại 6 phòng chuyên môn và 12 xã").figures] == [
        "cơ quan, đơn vị (6 phòng chuyên môn và 12 xã)"]
    assert not read_message("Tiếp nhận 320 hồ sơ, chủ yếu thuộc lĩnh vực đất đai 120 hồ sơ.").facts
    r = read_message("Quá hạn 49 hồ sơ, chủ yếu thuộc lĩnh vực đất đai, xây dựng, đang giải quyết 65 hồ sơ.")
    assert [f.text for f in r.facts] == ["Hồ sơ quá hạn chủ yếu thuộc lĩnh vực đất đai, xây dựng"]


def test_numbers_in_a_proposal_or_a_cause_are_their_words_not_figures():
    """Tried as a new user (a provincial department, 6 months of 2026): "Kiến nghị UBND tỉnh bổ sung 2 biên chế …"
    was drafted as "biên chế công chức được giao là 02 người"; "Nguyên nhân là …, hội đồng họp 1 lần/tháng" as "Đã tổ
    chức 01 hội nghị", and the cause itself was lost; "qua kiểm tra đã chấn chỉnh việc niêm yết TTHC" sat in II.2."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Kiến nghị UBND tỉnh bổ sung 2 biên chế cho bộ phận một cửa của Sở.")
    assert not r.figures and [(f.section, f.kind) for f in r.facts] == [("V", "proposal")]
    r = read_message("Hạn chế: thủ tục cấp chứng chỉ hành nghề dược còn giải quyết chậm. Nguyên nhân là hồ sơ phải lấy ý "
                     "kiến Hội đồng tư vấn, hội đồng họp 1 lần/tháng.")
    assert not r.figures and r.facts[0].cause == "hồ sơ phải lấy ý kiến Hội đồng tư vấn, hội đồng họp 1 lần/tháng"
    # the cause's own subject is still a figure; so are counts under a label that names no proposal
    assert {f.key for f in read_message("Nguyên nhân 4 hồ sơ quá hạn là do người dân chậm bổ sung.").figures} == {
        "tthc.ho_so_qua_han"}
    assert len(read_message("Kiến nghị, phản ánh: tiếp nhận 12, đã xử lý 12.").figures) == 2
    r = read_message("Sở tổ chức 2 cuộc kiểm tra CCHC tại 6 bệnh viện tuyến huyện, qua kiểm tra đã chấn chỉnh việc niêm yết TTHC.")
    assert [(f.section, f.text) for f in r.facts] == [("I", "Qua kiểm tra đã chấn chỉnh việc niêm yết TTHC")]
    assert r.figures[1].noun == "bệnh viện tuyến huyện"


def test_a_section_label_with_a_state_is_a_note_and_discipline_is_counted():
    """Tried as a new user (a commune's year): "Về tổ chức bộ máy: xã có 12 công chức, …" was listed as an activity
    ("tổ chức" read as the verb) under "đã tổ chức, thực hiện 02 hoạt động"; "1 công chức bị khiển trách" was unread."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Về tổ chức bộ máy: xã có 12 công chức, 3 người hoạt động không chuyên trách; trong năm đã sắp xếp "
                     "lại 2 tổ dân phố.")
    assert [(f.section, f.kind, f.text) for f in r.facts] == [
        ("II.3", "note", "Xã có 12 công chức, 3 người hoạt động không chuyên trách"),
        ("II.3", "event", "Trong năm đã sắp xếp lại 2 tổ dân phố")]
    r = read_message("Công vụ: cử 8 lượt công chức tham gia bồi dưỡng; 1 công chức bị khiển trách do vi phạm giờ giấc.")
    assert {f.key: f.value for f in r.figures} == {"cong_vu.boi_duong": 8, "cong_vu.ky_luat": 1} and not r.unread
    # a typed rate under a label stays the reader's note (rates are computed from counts), not a note of the draft
    r = read_message("Chuyển đổi số: 100% văn bản đi được ký số.")
    assert not r.facts and r.unread


def test_late_dossiers_named_without_a_count_are_written_with_the_periods_count(assistant):
    """"Hồ sơ quá hạn do phải chờ ý kiến thẩm định của Bộ Y tế" was written "- Hồ sơ quá hạn." beside a figure of 9
    late dossiers; a narrower shortcoming ("hồ sơ đất đai quá hạn") keeps the official's own words."""
    text = ("meta: {issuer: Sở Y tế, parent: UBND tỉnh Quảng Trị, level: sở, locality: tỉnh Quảng Trị,"
            " period: 9 tháng, year: 2026, date: 2026-10-05, place: Quảng Trị, symbol: BC-SYT}\n"
            "figures: {tthc.ho_so_da_giai_quyet: 1290, tthc.ho_so_dung_han_tong: 1281, tthc.ho_so_qua_han: 9}\n"
            "facts:\n- {section: III, kind: shortcoming, text: Hồ sơ quá hạn, cause: phải chờ ý kiến thẩm định của Bộ Y tế}\n"
            "- {section: III, kind: shortcoming, text: Còn hồ sơ đất đai quá hạn}\n")
    draft = assistant.draft_input(load_figures_bytes(text.encode(), "so-lieu.yaml"))
    body = [p.text for p in draft.section("III").paragraphs]
    i = body.index("- Còn 09 hồ sơ giải quyết quá hạn.")
    assert body[i + 1] == "Nguyên nhân: phải chờ ý kiến thẩm định của Bộ Y tế."
    assert "- Còn hồ sơ đất đai quá hạn." in body and "- Hồ sơ quá hạn." not in body


def test_targets_said_in_chat_are_judged_or_their_missing_figure_asked(assistant):
    """"Chỉ tiêu tỉnh giao: tỷ lệ hồ sơ trực tuyến đạt 70% theo Kế hoạch 25/KH-UBND …" was taken for a legal question;
    a target said in chat is kept with its source, judged when its rate can be computed, and the figure that would
    give it is asked for when it cannot. A percentage set by no one named is not kept."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.target_text import read_targets

    got, unsure = read_targets("Tỷ lệ hồ sơ trực tuyến đạt 61%, chỉ tiêu huyện giao là 60%.")
    assert [(t.key, t.value, t.source) for t in got] == [("tthc.ty_le_truc_tuyen", 60, "chỉ tiêu huyện giao")]
    assert read_targets("Mục tiêu năm: tỷ lệ hồ sơ trực tuyến 50%")[1] == ["50%"]
    assert read_targets("Tỷ lệ hồ sơ đúng hạn đạt 99%.") == ([], [])
    # said after the percentage, a ceiling, an urban district as the setter (held-out chat set 3)
    after, _ = read_targets("Tỷ lệ hồ sơ quá hạn không vượt quá 0,5% theo chỉ tiêu tỉnh giao.")
    assert [(t.key, t.value, t.source, t.ceiling) for t in after] == [
        ("tthc.ty_le_qua_han", Decimal("0.5"), "chỉ tiêu tỉnh giao", True)]
    assert read_targets("chi tieu quan giao ty le ho so truc tuyen 65%")[0][0].source == "chỉ tiêu quan giao"
    from drafting.inputs.chat_reader import read_message
    assert read_message("Phấn đấu tỷ lệ hồ sơ quá hạn dưới 1%.").facts == []  # a target, no limitation
    day = dt.date(2027, 3, 20)
    st = h.UserState(user="chat-target")
    first = list(h.chat_turn(assistant, st, "bao cao cchc quy 1 nam 2027 cua xa Tan Phu, tinh Dong Nai", today=day))[-1]
    # a report's title is a request to draft, not a question; with nothing told yet, what was understood and what the
    # draft is written from come first, above the outline of blanks
    assert "I. CÔNG TÁC CHỈ ĐẠO" in first.text
    assert first.text.index("Đã ghi: báo cáo CCHC quý I năm 2027 của xã Tân Phú") < first.text.index("I. CÔNG TÁC CHỈ ĐẠO")
    list(h.chat_turn(assistant, st, "Quý I xã nhận 842 hồ sơ, giải quyết 815 hồ sơ đúng hạn 809, trễ hạn 6, còn 27 hồ "
                                    "sơ đang giải quyết. Hồ sơ nộp trực tuyến 512.", today=day))
    assert {k: int(v.value) for k, v in st.chat_values.items()}["tthc.ho_so_dung_han_tong"] == 809
    said = list(h.chat_turn(assistant, st, "Chỉ tiêu tỉnh giao: tỷ lệ hồ sơ trực tuyến đạt 70% theo Kế hoạch 25/KH-UBND "
                                           "ngày 10/01/2027 của UBND tỉnh.", today=day))[-1].text
    assert "Đã ghi chỉ tiêu" in said and "Kế hoạch số 25/KH-UBND ngày 10/01/2027 của UBND tỉnh" in said
    assert ("[đề nghị bổ sung: số liệu hồ sơ mới tiếp nhận trong kỳ — để đánh giá chỉ tiêu tỷ lệ hồ sơ tiếp nhận trực "
            "tuyến 70% theo Kế hoạch số 25/KH-UBND ngày 10/1/2027 của UBND tỉnh]") in said
    judged = list(h.chat_turn(assistant, st, "Hồ sơ kỳ trước chuyển sang 12 hồ sơ, hồ sơ mới tiếp nhận 830.",
                              today=day))
    final = list(h.chat_turn(assistant, st, "Soạn phần đánh giá chung", today=day))[-1].text
    assert judged and "Tỷ lệ hồ sơ tiếp nhận trực tuyến là 61,69%, chưa đạt chỉ tiêu 70% theo Kế hoạch số 25/KH-UBND" in final
    # shown in the table «Số liệu tôi đã hiểu» on its own row, corrected or dropped there
    from drafting.service.chat_tables import figures_from_rows, understood_rows
    rows = understood_rows(st)
    aim = [r for r in rows if r[0].endswith("(chỉ tiêu giao)")]
    assert aim == [["Tỷ lệ hồ sơ tiếp nhận trực tuyến (chỉ tiêu giao)", "70",
                    "Kế hoạch số 25/KH-UBND ngày 10/01/2027 của UBND tỉnh"]]
    bad, unknown = figures_from_rows(st, [r if r is not aim[0] else [r[0], "60", r[2]] for r in rows])
    assert not bad and not unknown and [(t.key, t.value) for t in st.chat_targets] == [("tthc.ty_le_truc_tuyen", 60)]
    figures_from_rows(st, [r for r in rows if r is not aim[0]])
    assert st.chat_targets == [] and st.chat_values  # the row deleted, the target dropped; the figures kept
    # a saved chat draft opened again brings its targets back with its facts
    again = h.UserState(user="chat-target")
    h.open_draft(assistant, again, st.last_draft_id)
    assert [(t.key, t.value) for t in again.chat_targets] == [("tthc.ty_le_truc_tuyen", 70)]


def test_a_counted_meeting_keeps_what_it_was_about():
    """"tổ chức 1 hội nghị triển khai nhiệm vụ CCHC năm 2027 vào ngày 15/01/2027" became "Đã tổ chức 01 hội nghị, cuộc
    họp về CCHC" — the count is the figure's, what it was about an event of section I (in the official's words, count
    and all: the writer puts the figure's slot where the count was)."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Xã tổ chức 1 hội nghị triển khai nhiệm vụ CCHC năm 2027 vào ngày 15/01/2027.")
    assert {f.key: f.value for f in r.figures} == {"chi_dao.hoi_nghi": 1}
    assert [(f.section, f.kind, f.text) for f in r.facts] == [
        ("I", "event", "Xã tổ chức 1 hội nghị triển khai nhiệm vụ CCHC năm 2027 vào ngày 15/01/2027")]
    assert read_message("Trong quý tổ chức 2 hội nghị về CCHC.").facts == []  # says no more than the count


def test_verdicts_name_their_target(assistant):
    data = load_figures_file(CASES / "tinh-lam-dong-nam-2025.yaml")
    draft = assistant.draft_input(data)
    text = draft.full_text()
    assert ("Tỷ lệ hồ sơ tiếp nhận trực tuyến là 47,86%, chưa đạt chỉ tiêu 50% theo Kế hoạch số 12/KH-UBND "
            "ngày 15/1/2025 của UBND tỉnh.") in text
    assert "Trung tâm Phục vụ hành chính công" in text
    # without targets the same figures get no verdict at all
    no_targets = assistant.draft_input(data.model_copy(update={"targets": []}))
    assert "theo Kế hoạch số 12/KH-UBND" not in no_targets.full_text() and "đạt chỉ tiêu 50%" not in no_targets.full_text()


def test_omit_setting_leaves_unsupported_sentences_out(corpus_stack):
    data = load_figures_file(BA_TRANG)  # figures only: the assessment has nothing supplied to stand on
    marked = Drafter(corpus_stack.searcher, corpus_stack.registry).draft(data.meta, data.figures)
    omitted = Drafter(corpus_stack.searcher, corpus_stack.registry, unsupported="omit").draft(data.meta, data.figures)
    assert any(PROPOSAL_OPEN in p.text for s in marked.sections for p in s.paragraphs)
    assert not any(PROPOSAL_OPEN in p.text for s in omitted.sections for p in s.paragraphs)
    assert sum(f.kind == "proposal" for f in marked.findings) == sum(
        p.proposed for s in marked.sections for p in s.paragraphs)


def test_proposals_are_highlighted_in_the_docx_and_clean_export_has_none(assistant):
    draft = assistant.draft_input(load_figures_file(BA_TRANG))
    doc = docx.Document(io.BytesIO(render_docx(draft)))
    marked = [p for p in doc.paragraphs if PROPOSAL_OPEN in p.text or "[đề nghị bổ sung:" in p.text]
    # (a Word comment adds an empty reference run after the text it is anchored to)
    assert marked and all(r.font.highlight_color is not None for p in marked for r in p.runs if r.text)
    comments = [c.text for c in doc.comments]
    assert any(c.startswith("Số liệu «Hồ sơ giải quyết quá hạn»: 07 hồ sơ — nguồn: tệp số liệu, mục figures.tthc.ho_so_qua_han")
               for c in comments)
    assert any(c.startswith("Tính trong mã: «Tỷ lệ hồ sơ giải quyết trước và đúng hạn»") for c in comments)
    assert any(c.startswith("Do cán bộ cung cấp (facts[16]): «07 hồ sơ giải quyết quá hạn»; nguyên nhân:") for c in comments)
    assert any(c.startswith("Sổ đăng ký văn bản: 61/2018/NĐ-CP") for c in comments)
    assert any(c.startswith("Đề xuất của trợ lý") or c.startswith("Cần cán bộ bổ sung") for c in comments)
    clean = docx.Document(io.BytesIO(render_docx(draft, clean=True)))
    assert not any(r.font.highlight_color for p in clean.paragraphs for r in p.runs) and not list(clean.comments)


def test_precedent_is_offered_not_inserted(corpus_stack):
    """Past reports' sentences are offered per section; the text itself is the same with or without them."""
    data = load_figures_file(BA_TRANG)
    with_precedent = Drafter(corpus_stack.searcher, corpus_stack.registry).draft(data.meta, data.figures, facts=data.facts)
    without = Drafter(None, corpus_stack.registry).draft(data.meta, data.figures, facts=data.facts)
    offered = [pr for s in with_precedent.sections for pr in s.proposals]
    assert offered and all(pr.source for pr in offered)
    assert with_precedent.full_text() == without.full_text()


def test_a_model_sentence_without_support_is_marked(corpus_stack):
    """Scripted model at the LLM boundary (the real model runs in test_local_llm.py): a sentence with a slot
    stands, a claim nobody supplied becomes a marked proposal, the facts of the section are still written."""
    data = load_figures_file(BA_TRANG)
    model = ScriptedChatModel(responses=["Đã tiếp nhận {tthc.ho_so_tiep_nhan} hồ sơ. Các TTHC được công khai đầy đủ "
                                         "tại Bộ phận Một cửa."])
    draft = Drafter(corpus_stack.searcher, corpus_stack.registry, model).draft(
        data.meta, data.figures, sections=["II.2"], facts=data.facts)
    paras = draft.section("II.2").paragraphs
    assert any(p.text.startswith("Đã tiếp nhận 253 hồ sơ") and not p.proposed for p in paras)
    assert any(p.proposed and "công khai đầy đủ" in p.text for p in paras)
    assert any("03 máy tính" in p.text for p in paras)
    r = evaluate(draft, data.model_copy(update={"facts": [f for f in data.facts if f.section == "II.2"]}))
    assert r["unsupported"] == []


@pytest.mark.parametrize("item,needle", [
    ({"kind": "event", "text": "Hội nghị"}, "thiếu mục"),
    ({"section": "VII", "kind": "event", "text": "Hội nghị"}, "mục “VII” không có"),
    ({"section": "I", "kind": "meeting", "text": "Hội nghị"}, "loại “meeting” không hợp lệ"),
    ({"section": "I", "kind": "document", "text": "Kế hoạch số 14/XYZ ngày 30/01/2023"}, "không đọc được số, ký hiệu"),
    ({"section": "I", "kind": "event"}, "thiếu nội dung"),
    ({"section": "I", "kind": "event", "text": "Họp", "when": "hôm qua"}, "trường “when” không dùng được"),
    ({"section": "IV", "kind": "task", "text": "Rà soát", "status": "sắp xong"}, "tình trạng “sắp xong”"),
])
def test_bad_facts_get_a_message_naming_the_item(item, needle):
    facts, issues = parse_facts([{"section": "I", "kind": "note", "text": "Đúng"}, item])
    assert len(facts) == 1 and len(issues) == 1
    assert needle in issues[0].message and "facts[2]" in issues[0].message


@pytest.mark.parametrize("item,needle", [
    ({"key": "tthc.ty_le_truc_tuyen_x", "value": 50, "source": "KH"}, "không có trong biểu số liệu"),
    ({"key": "tthc.ty_le_truc_tuyen", "value": 150, "source": "KH"}, "không hợp lệ"),
    ({"key": "tthc.ty_le_truc_tuyen", "value": 50}, "cần ghi nguồn"),
])
def test_bad_targets_get_a_message(item, needle):
    targets, issues = parse_targets([item])
    assert not targets and needle in issues[0].message


def test_a_broken_facts_file_is_not_drafted_without_force(tmp_path):
    data = yaml.safe_load(BA_TRANG.read_text(encoding="utf-8"))
    data["facts"].append({"section": "II.9", "kind": "event", "text": "Hội nghị"})
    data["targets"] = [{"key": "tthc.khong_co", "value": 1, "source": "KH"}]
    path = tmp_path / "hong.yaml"
    raw = yaml.safe_dump(data, allow_unicode=True)
    path.write_text(raw, encoding="utf-8")
    parsed = load_figures_bytes(raw.encode("utf-8"), "hong.yaml")
    assert any("facts[30]" in i.message for i in parsed.errors) and any("targets[1]" in i.message for i in parsed.errors)
    run = subprocess.run([sys.executable, "-m", "drafting", "draft", "--figures", str(path), "--out",
                          str(tmp_path / "x.docx")], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 1 and not (tmp_path / "x.docx").exists() and "facts[30]" in run.stderr
    assert path.read_text(encoding="utf-8") == raw  # the file is never modified


def _chat_all(assistant, user: str, messages: tuple[str, ...], day):
    """The messages told in one chat, in order; the user's state after the last."""
    from drafting import service as h

    st = h.UserState(user=user)
    for msg in messages:
        list(h.chat_turn(assistant, st, msg, today=day))
    return st


def _words_of(facts):
    return sorted((f.section, f.text, f.cause, f.status, f.date) for f in facts)


def _same(a, b):
    return [(f.section, f.kind, f.text, f.cause, f.status) for f in a] == [(f.section, f.kind, f.text, f.cause, f.status)
                                                                         for f in b]


def test_workbook_substance_sheets_read_back_exactly():
    data = load_figures_file(CASES / "tinh-lam-dong-nam-2025.yaml")
    raw = write_template(meta=data.meta.model_dump(mode="python"), values={k: int(v) for k, v in data.figures.values.items()},
                         facts=data.facts, targets=data.targets)
    back = load_figures_bytes(raw, "so-lieu.xlsx")
    assert not back.errors, [i.message for i in back.errors]
    order = ["document", "event", "shortcoming", "task", "progress", "initiative", "proposal", "note"]
    key = lambda f: (order.index(f.kind), data.facts.index(next(g for g in data.facts if g.text == f.text)))  # noqa: E731
    assert _same(sorted(back.facts, key=key), sorted(data.facts, key=key))
    assert [(t.key, t.value, t.source) for t in back.targets] == [(t.key, t.value, t.source) for t in data.targets]
    assert all(f.origin.startswith("'") and "dòng" in f.origin for f in back.facts)


def test_renamed_substance_sheet_still_reads_and_bad_rows_name_their_row():
    from openpyxl import load_workbook

    wb = load_workbook(io.BytesIO(write_template()))
    ws = wb["Văn bản đã ban hành"]
    ws.title = "VB ban hanh"
    for row, values in ((3, ["I", "14/KH-UBND", "30/01/2023", "Kế hoạch tuyên truyền, phổ biến, giáo dục pháp luật năm 2023"]),
                        (4, ["II.9", "", "", "Quyết định thành lập tổ công tác"])):
        for col, v in enumerate(values, start=1):
            ws.cell(row, col, v)
    buf = io.BytesIO()
    wb.save(buf)
    back = load_figures_bytes(buf.getvalue(), "so-lieu.xlsx")
    assert [f.text for f in back.facts] == [
        "Kế hoạch số 14/KH-UBND ngày 30/01/2023 về tuyên truyền, phổ biến, giáo dục pháp luật năm 2023"]
    assert any("'VB ban hanh' dòng 4" in i.message and "II.9" in i.message for i in back.errors)


@pytest.mark.parametrize("number,date,subject,expected", [
    ("14/KH-UBND", "30/01/2023", "Kế hoạch tuyên truyền pháp luật", "Kế hoạch số 14/KH-UBND ngày 30/01/2023 về tuyên truyền pháp luật"),
    ("252/QĐ-UBND", "25/12/2022", "V/v ban hành kế hoạch CCHC năm 2023",
     "Quyết định số 252/QĐ-UBND ngày 25/12/2022 về ban hành kế hoạch CCHC năm 2023"),
    ("123/UBND-VP", "02/3/2024", "Về việc đôn đốc nộp hồ sơ trực tuyến", "Văn bản số 123/UBND-VP ngày 02/3/2024 về đôn đốc nộp hồ sơ trực tuyến"),
])
def test_document_lines_as_office_systems_export_them(number, date, subject, expected):
    assert document_text(number, date, subject) == expected


def test_document_register_export_proposes_the_reform_rows(tmp_path):
    from drafting.inputs.doc_register import read_register

    csv_path = CASES / "register" / "van-ban-di-2023.csv"
    rows = read_register(csv_path.read_bytes(), csv_path.name)
    assert len(rows) == 7
    assert [(r.number, r.section) for r in rows if r.reform] == [
        ("14/KH-UBND", "II.1"), ("21/QĐ-UBND", "II.6"), ("27/KH-UBND", "II.2"), ("30/BC-UBND", "I"), ("33/QĐ-UBND", "II.4")]
    assert "35/03/2023" in rows[-1].note  # an impossible date is said, not guessed
    # the same list as an .xlsx export with a title block above the header, kept rows written as facts
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["SỔ VĂN BẢN ĐI NĂM 2023"])
    ws.append([])
    ws.append(["STT", "Số, ký hiệu", "Ngày văn bản", "Trích yếu nội dung"])
    ws.append([1, "14/KH-UBND", __import__("datetime").date(2023, 1, 30), "Kế hoạch tuyên truyền pháp luật năm 2023"])
    path = tmp_path / "so-vb.xlsx"
    wb.save(path)
    out = tmp_path / "facts.yaml"
    run = subprocess.run([sys.executable, "-m", "drafting", "import-documents", str(path), "--out", str(out)],
                         cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    facts, issues = parse_facts(yaml.safe_load(out.read_text(encoding="utf-8"))["facts"])
    assert not issues and "14/KH-UBND" in facts[0].number and facts[0].section == "II.1"
    with pytest.raises(Exception, match="không tìm thấy dòng tiêu đề"):
        read_register(b"a;b\n1;2\n", "x.csv")


def test_the_register_of_outgoing_documents_as_decree_30_lays_it_out_and_an_export_with_a_type_column(tmp_path):
    """Tried as a new user: a commune's "Sổ đăng ký văn bản đi" kept as Nghị định 30/2020 (Phụ lục IV) lays it out —
    "Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", a numbering row under the
    header — was refused ("không tìm thấy dòng tiêu đề"); an export with a "Loại văn bản" column wrote a Công văn as
    "Văn bản", and a subject exported as a title kept its capital after "về"."""
    import datetime as dt

    from openpyxl import Workbook

    from drafting.inputs.doc_register import read_register

    wb = Workbook()
    ws = wb.active
    for row in (["UBND XÃ MƯỜNG LÁT"], ["SỔ ĐĂNG KÝ VĂN BẢN ĐI"], [],
                ["Số, ký hiệu văn bản", "Ngày tháng văn bản", "Tên loại và trích yếu nội dung văn bản", "Người ký",
                 "Nơi nhận văn bản", "Đơn vị, người nhận bản lưu", "Số lượng bản", "Ghi chú"],
                ["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"],
                ["06/KH-UBND", dt.datetime(2026, 1, 9), "Kế hoạch kiểm soát thủ tục hành chính năm 2026", "Hà Văn Tùng"],
                ["52/QĐ-UBND", dt.datetime(2026, 5, 10), "Quyết định phê duyệt danh sách hộ nghèo", "Hà Văn Tùng"]):
        ws.append(row)
    path = tmp_path / "so-van-ban-di.xlsx"
    wb.save(path)
    rows = read_register(path.read_bytes(), path.name)
    assert [(r.row, r.reform, r.section, r.text) for r in rows] == [
        (6, True, "I", "Kế hoạch số 06/KH-UBND ngày 09/01/2026 về kiểm soát thủ tục hành chính năm 2026"),
        (7, False, "I", "Quyết định số 52/QĐ-UBND ngày 10/05/2026 về phê duyệt danh sách hộ nghèo")]
    export = ("STT;Số ký hiệu;Ngày ban hành;Loại văn bản;Trích yếu;Người ký\n"
              "1;05/KH-SYT;10/01/2027;Kế hoạch;Tuyên truyền cải cách hành chính năm 2027;Nguyễn Văn A\n"
              "2;125/SYT-VP;20/01/2027;Công văn;V/v đôn đốc nộp hồ sơ trực tuyến;Trần B\n"
              "3;18/QĐ-SYT;15/01/2027;Quyết định;Ban hành quy chế làm việc của Bộ phận Một cửa;Nguyễn Văn A\n")
    texts = [r.text for r in read_register(export.encode("utf-8-sig"), "qlvb.csv")]
    assert texts == ["Kế hoạch số 05/KH-SYT ngày 10/01/2027 về tuyên truyền cải cách hành chính năm 2027",
                     "Công văn số 125/SYT-VP ngày 20/01/2027 về đôn đốc nộp hồ sơ trực tuyến",
                     "Quyết định số 18/QĐ-SYT ngày 15/01/2027 về ban hành quy chế làm việc của Bộ phận Một cửa"]


def test_chat_reads_an_activity_as_a_fact_and_the_table_corrects_it(assistant):
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="chat-facts")
    msg = ("Soạn phần chỉ đạo điều hành quý I năm 2026 của xã Ba Trang: tháng 3 xã tổ chức hội nghị sơ kết quý I, "
           "triển khai Kế hoạch 14/KH-UBND về CCHC năm 2026. Đã ban hành 5 văn bản chỉ đạo.")
    final = list(h.chat_turn(assistant, st, msg, today=dt.date(2026, 3, 20)))[-1]
    assert [r[0] for r in final.understood] == ["Văn bản chỉ đạo, điều hành về CCHC đã ban hành"]  # "tháng 3": a month
    assert final.fact_rows == [["I", "hoạt động, hội nghị, kiểm tra, tuyên truyền",
                                "Tháng 3 xã tổ chức hội nghị sơ kết quý I, triển khai Kế hoạch 14/KH-UBND về CCHC năm 2026",
                                ""]]
    assert "tổ chức hội nghị sơ kết quý I, triển khai Kế hoạch 14/KH-UBND" in final.text
    # the official corrects the table: the event becomes a shortcoming with its cause; a bad row is reported
    rows = [["III", "tồn tại, hạn chế", "Hồ sơ trực tuyến còn ít", "người dân chưa có tài khoản"],
            ["IX", "hoạt động", "Hội nghị khác", ""]]
    meta = [[r[0], r[1]] for r in final.meta_rows]
    fixed = list(h.apply_corrections(assistant, st, meta, final.understood, rows))[-1]
    assert fixed.fact_rows == [["III", "tồn tại, hạn chế", "Hồ sơ trực tuyến còn ít", "người dân chưa có tài khoản"]]
    assert "mục “IX” không có" in fixed.text


def test_an_activity_message_keeps_the_reports_period_and_goes_to_its_own_section(assistant):
    """Found trying the chat as a commune official would: an activity's date and "quý I" became the 9-month report's
    date and period; "phản ánh kiến nghị" drafted section V instead of II.2; "Quý IV … tiếp tục" was an event done."""
    import datetime as dt

    from drafting import service as h
    from drafting.chain.substance import document_phrase
    from drafting.inputs.chat_reader import read_message

    today = dt.date(2026, 9, 20)
    st = h.UserState(user="chat-activity")
    first = list(h.chat_turn(assistant, st, "Soạn phần TTHC 9 tháng năm 2026 của UBND xã Hòa Bình, ngày báo cáo "
                                            "20/9/2026: tiếp nhận 1.356 hồ sơ, đã giải quyết 1.318 hồ sơ.", today=today))[-1]
    assert st.chat_meta["period"] == "9 tháng" and st.chat_meta["date"] == today, first.text
    replies = list(h.chat_turn(assistant, st, "Tiếp nhận 3 phản ánh kiến nghị, đã xử lý 3.", today=today))
    assert replies[0].text.startswith("Đang soạn 2. Cải cách thủ tục hành chính —"), replies[0].text
    msg = "Ngày 12/01/2026 UBND xã ban hành Kế hoạch số 05/KH-UBND về CCHC năm 2026. Tháng 4 xã tổ chức hội nghị sơ kết quý I."
    reading = read_message(msg)
    assert reading.meta.period is None and reading.meta.date is None and reading.meta.year is None
    doc = reading.facts[0]
    assert doc.kind == "document" and doc.date == dt.date(2026, 1, 12)
    assert document_phrase(doc) == "ban hành Kế hoạch số 05/KH-UBND ngày 12/1/2026 về CCHC năm 2026"
    final = list(h.chat_turn(assistant, st, msg, today=today))[-1]
    assert st.chat_meta["period"] == "9 tháng" and st.chat_meta["date"] == today
    assert "đã ban hành Kế hoạch số 05/KH-UBND ngày 12/1/2026 về CCHC năm 2026." in final.text
    replies = list(h.chat_turn(assistant, st, "Quý IV xã tiếp tục rà soát, đơn giản hóa TTHC lĩnh vực đất đai.", today=today))
    assert replies[0].text.startswith("Đang soạn IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM QUÝ IV NĂM 2026 —"), replies[0].text
    assert [(f.section, f.kind) for f in st.chat_facts][-1] == ("IV", "task")
    # a limitation's own number is its detail: it does not replace the period's late dossiers already held
    list(h.chat_turn(assistant, st, "Quá hạn 38 hồ sơ.", today=today))
    list(h.chat_turn(assistant, st, "Hạn chế: còn 3 hồ sơ đất đai quá hạn do phải xác minh nguồn gốc đất.", today=today))
    assert st.chat_values["tthc.ho_so_qua_han"].value == 38
    assert st.chat_facts[-1].cause == "phải xác minh nguồn gốc đất"


def test_a_year_said_in_data_keeps_the_reports_year(assistant):
    """Found drafting a department's year 2025 by chat: "giảm 4 đơn vị so với năm 2024" made the whole report the
    year 2024's (the one-stop decree became 61/2018, the next year's tasks went to II.2 as done)."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    assert read_message("Sở còn 21 đơn vị sự nghiệp, giảm 4 đơn vị so với năm 2024.").meta.year is None
    # typed without diacritics in a commune's quarter: the cause stops where the next count's clause begins
    late = read_message("tre han 4 ho so do cong chuc dia chinh nghi om dai ngay, con 22 ho so dang giai quyet").facts
    assert [(f.kind, f.cause) for f in late] == [("shortcoming", "cong chuc dia chinh nghi om dai ngay")]
    day = dt.date(2025, 12, 12)
    st = _chat_all(assistant, "chat-year", ("Soạn báo cáo kết quả CCHC năm 2025 của Sở Y tế tỉnh Nghệ An.",
                                            "Sở còn 21 đơn vị sự nghiệp, giảm 4 đơn vị so với năm 2024."), day)
    assert st.chat_meta["year"] == 2025
    reply = list(h.chat_turn(assistant, st, "Năm 2024 Sở có 25 đơn vị sự nghiệp công lập.", today=day))[-1]
    assert st.chat_meta["year"] == 2025 and reply.text.startswith("Báo cáo vẫn là của năm 2025 (tin nhắn có nhắc năm 2024)")
    # the next year named as where dossiers go on to is no other report's year: nothing to say about it (session 30)
    reply = list(h.chat_turn(assistant, st, "Số hồ sơ còn đang xử lý chuyển sang năm 2026 là 31 hồ sơ.", today=day))[-1]
    assert st.chat_meta["year"] == 2025 and "Báo cáo vẫn là" not in reply.text
    assert st.chat_values.get("tthc.ho_so_dang_giai_quyet") is not None and "tthc.ho_so_ky_truoc" not in st.chat_values
    # nor in other words, the year read where the message says it, not from a note on a figure (session 31)
    reply = list(h.chat_turn(assistant, st, "Hồ sơ chưa xong chuyển qua năm 2026: 31 hồ sơ.", today=day))[-1]
    assert st.chat_meta["year"] == 2025 and "Báo cáo vẫn là" not in reply.text, reply.text
    list(h.chat_turn(assistant, st, "Năm 2026: rà soát, đơn giản hóa TTHC lĩnh vực dược.", today=day))
    assert (st.chat_facts[-1].section, st.chat_facts[-1].kind) == ("IV", "task")
    list(h.chat_turn(assistant, st, "Soạn báo cáo CCHC năm 2024 của Sở Y tế tỉnh Nghệ An.", today=day))
    assert st.chat_meta["year"] == 2024  # asked for: the official changes the year


def test_dated_activities_initiatives_and_next_period_tasks_in_chat_messages():
    """Found with messages an official would send: a dated dialogue with its attendance was lost (its clause had a
    number) and "45 hộ tham dự" became propaganda attendees; "6 tháng cuối năm, xã sẽ tập trung nâng …" was nothing
    and made the report a 6-month one; a model ("mô hình 'Chủ nhật xanh'") was an event."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Ngày 15/3 UBND phường tổ chức đối thoại với hộ kinh doanh về thủ tục cấp phép, có 45 hộ tham dự.")
    assert not r.figures and not r.unread and [(f.kind, f.text[:21]) for f in r.facts] == [("event", "Ngày 15/3 UBND phường")]
    r = read_message("6 tháng cuối năm, xã sẽ tập trung nâng tỷ lệ hồ sơ trực tuyến lên 80%.")
    assert r.meta.period is None and not r.unread and [(f.section, f.kind) for f in r.facts] == [("IV", "task")]
    r = read_message("Phường đã triển khai mô hình 'Chủ nhật xanh' hỗ trợ người dân nộp hồ sơ trực tuyến.")
    # models and initiatives are item 6 of section I in the outline, whatever their field
    assert [(f.section, f.kind) for f in r.facts] == [("I", "initiative")]
    # "mức độ 3" is no cause ("độ" folds to "do"): a clause of figures with "quá hạn" is not a limitation
    r = read_message("Đã giải quyết 1.600 hồ sơ, quá hạn 12, mức độ 3 có 5 thủ tục.")
    assert not r.facts and {f.key for f in r.figures} >= {"tthc.ho_so_da_giai_quyet", "tthc.ho_so_qua_han"}


def test_a_document_named_beside_its_count_is_a_fact_and_its_date_is_not_the_reports():
    """Found drafting a Sở Y tế's 9-month report by chat: "ban hành 06 văn bản …, trong đó có Kế hoạch số 35/KH-SYT ngày
    20/01/2025 về …" set the report's date to 20/01/2025 (then flagged as earlier than the data window) and the plan
    itself was never written."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("UBND phường ban hành 04 văn bản về CCHC, gồm Kế hoạch số 8/KH-UBND ngày 6/1/2026 về cải cách "
                     "hành chính năm 2026 và Quyết định số 15/QĐ-UBND ngày 9/1/2026 về kiện toàn Tổ công tác.")
    assert r.meta.date is None and {f.key: f.value for f in r.figures} == {"chi_dao.van_ban_chi_dao": 4}
    assert [(f.section, f.kind, f.number) for f in r.facts] == [("I", "document", "Kế hoạch số 8/KH-UBND")]
    assert r.facts[0].text.startswith("Ban hành Kế hoạch số 8/KH-UBND ngày 6/1/2026 về cải cách hành chính năm 2026 và "
                                      "Quyết định số 15/QĐ-UBND")
    # the report's date: said as such, or in a command's head — not a document's date there either
    assert read_message("Soạn báo cáo 6 tháng 2026 của phường An Hòa, ngày báo cáo 18/6/2026").meta.date.day == 18
    assert read_message("Soạn báo cáo quý I/2026 của xã Mường Nhé ngày 10/3/2026").meta.date.day == 10
    assert read_message("Soạn báo cáo năm 2025 theo Kế hoạch số 35/KH-SYT ngày 20/01/2025").meta.date is None


def test_another_periods_figures_a_programme_number_and_a_meetings_section_in_chat(assistant):
    """Found drafting a commune of Điện Biên's quý I/2026 by chat: "Cùng kỳ năm 2025 xã nhận 342 hồ sơ" replaced this
    quarter's 386 (and the draft was refused as inconsistent from then on); "hội nghị triển khai Đề án 06" became 6
    meetings, and the meeting went to II.4 because it was "cho cán bộ, công chức"."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    r = read_message("Quý I phường tiếp nhận 512 hồ sơ, cùng kỳ năm trước tiếp nhận 470 hồ sơ.")
    assert [(f.key, f.value) for f in r.figures] == [("tthc.ho_so_tiep_nhan", 512)]
    assert [(f.key, f.value) for f in r.same_period] == [("tthc.ho_so_tiep_nhan", 470)] and r.meta.year is None
    r = read_message("Đã giải quyết 498 hồ sơ (cùng kỳ 455), đang giải quyết 14.")  # the bracket's is the figure's before it
    assert {f.key: f.value for f in r.figures} == {"tthc.ho_so_da_giai_quyet": 498, "tthc.ho_so_dang_giai_quyet": 14}
    assert [(f.key, f.value) for f in r.same_period] == [("tthc.ho_so_da_giai_quyet", 455)]
    r = read_message("Quý trước xã đã giải quyết 290 hồ sơ.")
    assert not r.figures and [(f.key, f.value) for f in r.previous] == [("tthc.ho_so_da_giai_quyet", 290)]
    # the other period named inside the clause, a bare number after it, a bracket after "so với cùng kỳ"
    r = read_message("Số hồ sơ đã giải quyết cùng kỳ năm trước là 610.")
    assert not r.figures and [(f.key, f.value) for f in r.same_period] == [("tthc.ho_so_da_giai_quyet", 610)]
    r = read_message("Giải quyết 702 hồ sơ; cùng kỳ năm 2025 là 655 hồ sơ.")
    assert [(f.key, f.value) for f in r.same_period] == [("tthc.ho_so_da_giai_quyet", 655)]
    r = read_message("Tiếp nhận 730 hồ sơ, so với cùng kỳ năm trước (700 hồ sơ) tăng 30 hồ sơ.")
    assert [(f.key, f.value) for f in r.figures] == [("tthc.ho_so_tiep_nhan", 730)] and not r.unread
    assert [(f.key, f.value) for f in r.same_period] == [("tthc.ho_so_tiep_nhan", 700)]
    r = read_message("Tiếp nhận 730 hồ sơ, so với cùng kỳ tăng 4,3%.")
    assert not r.same_period and [(f.key, f.value) for f in r.figures] == [("tthc.ho_so_tiep_nhan", 730)]
    r = read_message("Tiếp nhận 400 hồ sơ, trong đó kỳ trước chuyển sang 12 hồ sơ; tăng 30 hồ sơ so với cùng kỳ.")
    assert {f.key: f.value for f in r.figures} == {"tthc.ho_so_tiep_nhan": 400, "tthc.ho_so_ky_truoc": 12}
    assert not r.same_period and not r.previous
    r = read_message("Ngày 14/4/2026 phường tổ chức hội nghị quán triệt Đề án 06 cho cán bộ, công chức.")
    assert not r.figures and [(f.section, f.kind) for f in r.facts] == [("I", "event")]
    r = read_message("Ngày 2/4/2026 tổ chức hội nghị phổ biến pháp luật về đất đai cho nhân dân.")
    assert [(f.section, f.kind) for f in r.facts] == [("II.1", "event")]

    st = h.UserState(user="chat-same-period")
    day = dt.date(2026, 3, 25)
    list(h.chat_turn(assistant, st, "Soạn phần TTHC quý I năm 2026 của phường Tân An: tiếp nhận 512 hồ sơ, "
                                    "đã giải quyết 500 hồ sơ, đúng hạn 500", today=day))
    final = list(h.chat_turn(assistant, st, "Cùng kỳ năm 2025 phường tiếp nhận 470 hồ sơ.", today=day))[-1]
    assert "Đã ghi làm số cùng kỳ năm trước (để so sánh): tổng số hồ sơ tiếp nhận" in final.text
    assert "512 hồ sơ (tăng 42 hồ sơ, tương ứng tăng 8,94% so với cùng kỳ" in final.text
    assert st.chat_values["tthc.ho_so_tiep_nhan"].value == 512 and st.chat_meta["year"] == 2026
    # the comparison figure has its own row in the understood table, with its words, and a correction there is used
    row = next(r for r in final.understood if r[0].endswith("(cùng kỳ năm trước)"))
    assert row[1] == "470" and "tiếp nhận 470" in row[2]
    rows = [[r[0], "480" if r is row else r[1], r[2]] for r in final.understood]
    fixed = list(h.apply_corrections(assistant, st, final.meta_rows, rows, final.fact_rows))[-1]
    assert "512 hồ sơ (tăng 32 hồ sơ, tương ứng tăng 6,67% so với cùng kỳ" in fixed.text
    assert st.chat_same_period["tthc.ho_so_tiep_nhan"].value == 480 and st.chat_values["tthc.ho_so_tiep_nhan"].value == 512
    assert [row[0], "480", "(đã sửa tay)"] in [r[:3] for r in fixed.understood]
    # another unit: neither its figures nor its comparisons are ours
    list(h.chat_turn(assistant, st, "Soạn phần TTHC quý I năm 2026 của phường Hòa Bình: tiếp nhận 300 hồ sơ", today=day))
    assert not st.chat_same_period and st.chat_values["tthc.ho_so_tiep_nhan"].value == 300


def test_a_provinces_year_report_by_chat(assistant):
    """Found trying the chat for a province: "Soạn phần cải cách TTHC năm 2026 của tỉnh Gia Lai: …" asked which period
    it was; the understood table quoted "thủ tục 1.976" and "cap tinh 1.612"; a figure to add was listed twice."""
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="chat-province")
    msg = ("Soạn phần cải cách TTHC năm 2026 của tỉnh Gia Lai: toàn tỉnh tiếp nhận 412.560 hồ sơ. Cấp tỉnh đã giải quyết "
           "98.430 hồ sơ; cấp xã đã giải quyết 301.220 hồ sơ. Bộ TTHC của tỉnh có 1.976 thủ tục, trong đó cấp tỉnh 1.612, "
           "cấp xã 364.")
    final = list(h.chat_turn(assistant, st, msg, today=dt.date(2026, 12, 3)))[-1]
    assert st.chat_meta["period"] == "năm" and st.chat_meta["level"] == "tỉnh", final.text
    words = {r[0]: r[2] for r in final.understood}
    assert words["Tổng số TTHC thuộc thẩm quyền giải quyết"] == "1.976 thủ tục" and words["TTHC cấp tỉnh"] == "cấp tỉnh 1.612"
    assert final.text.count("chưa phân loại") == 1, final.text


def test_builder_section_texts_targets_and_register(assistant, tmp_path):
    from drafting import service as h
    from drafting.inputs.section_texts import facts_from_texts, texts_from_facts

    data = load_figures_file(CASES / "tinh-lam-dong-nam-2025.yaml")
    texts = h.section_texts(data)
    back, issues = facts_from_texts(texts)
    # the text areas carry every fact's words, section, cause and status both ways (a kind is read from the line)
    assert not issues and _words_of(back) == _words_of(data.facts)
    assert texts_from_facts(back) == texts
    tables = h.tables_from_input(data)
    meta = data.meta.model_dump(mode="python")
    form = h.form_to_input(meta, tables, texts, h.target_rows(data))
    assert not form.errors and _words_of(form.facts) == _words_of(data.facts)
    assert [(t.key, t.value) for t in form.targets] == [(t.key, t.value) for t in data.targets]
    res = h.generate_report(assistant, h.UserState(user="builder-facts"), form)
    text = "\n".join(p.text for p in docx.Document(res.docx).paragraphs)
    assert "đã tổ chức hội nghị công bố Chỉ số CCHC năm 2024" in text and "chưa đạt chỉ tiêu 50%" in text
    # an inspection among the activities is said in the sentence that counts the inspections
    assert "(đạt 81,08%); kiểm tra đột xuất việc chấp hành kỷ luật, kỷ cương hành chính tại 06 sở, ngành." in text
    # a register export adds its reform rows to the right section texts, for the official to prune
    new, msg = h.register_lines(assistant, CASES / "register" / "van-ban-di-2023.csv", {"I": "Dòng có sẵn"})
    assert new["I"].startswith("Dòng có sẵn\nBan hành Báo cáo số 30/BC-UBND")
    assert "Ban hành Kế hoạch số 27/KH-UBND" in new["II.2"] and "35/03/2023" in msg
    facts, issues = facts_from_texts(new)
    assert not issues and {f.kind for f in facts if f.section == "II.2"} == {"document"}
    # an activity's day goes through the text areas and back (it was lost: "Ngày 22/1/2027, hội nghị …" in a draft
    # from the figures file became "Hội nghị …" from the builder, session 30)
    dated = load_figures_file(CASES / "phuong-hai-chau-q1-2027.yaml")
    texts = h.section_texts(dated)
    assert "Ngày 22/01/2027: Hội nghị triển khai nhiệm vụ CCHC năm 2027" in texts["I"].splitlines()
    back, issues = facts_from_texts(texts)
    assert not issues and _words_of(back) == _words_of(dated.facts)
    # a document the sections already name by its number is not added twice (tried in the app, session 30: a plan in
    # the figures file came again from the register); another number that only begins the same is still added
    again, msg = h.register_lines(assistant, CASES / "register" / "van-ban-di-2023.csv",
                                  {"I": "Ban hành Báo cáo số 30/BC-UBND ngày 10/3/2023 về CCHC quý I",
                                   "II.2": "Kế hoạch số 127/KH-UBND của xã về kiểm soát TTHC"})
    assert again["I"].count("30/BC-UBND") == 1 and "Ban hành Kế hoạch số 27/KH-UBND" in again["II.2"], again
    assert "đã có trong các mục (30/BC-UBND), không thêm lại" in msg, msg


def test_header_and_signature_follow_the_level(assistant):
    """A department shows its province above its own name; a province signs KT. CHỦ TỊCH as given; an unnamed signer
    leaves a visible blank."""
    so = assistant.draft_input(load_figures_file(CASES / "so-tu-phap-gia-lai-q1-2026.yaml"))
    head = docx.Document(io.BytesIO(render_docx(so))).tables[0].cell(0, 0)
    lines = [p.text for p in head.paragraphs if p.text]
    assert lines == ["UBND TỈNH GIA LAI", "SỞ TƯ PHÁP"]
    tinh = assistant.draft_input(load_figures_file(CASES / "tinh-lam-dong-nam-2025.yaml"))
    doc = docx.Document(io.BytesIO(render_docx(tinh)))
    assert [p.text for p in doc.tables[0].cell(0, 0).paragraphs if p.text][:2] == ["ỦY BAN NHÂN DÂN", "TỈNH LÂM ĐỒNG"]
    sign = [p.text for p in doc.tables[1].cell(0, 1).paragraphs if p.text]
    assert sign[:2] == ["KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"] and sign[-1] == "……………………"
    # a department's file that names no capacity: its director signs directly, not "TM. ỦY BAN NHÂN DÂN" (found
    # drafting a Sở Giáo dục và Đào tạo from a figures file as an official writes one)
    raw = yaml.safe_load((CASES / "so-tu-phap-gia-lai-q1-2026.yaml").read_text(encoding="utf-8"))
    del raw["meta"]["capacity"], raw["meta"]["signer_title"]
    own = assistant.draft_input(load_figures_bytes(yaml.safe_dump(raw, allow_unicode=True).encode("utf-8"), "so.yaml"))
    sign = [p.text for p in docx.Document(io.BytesIO(render_docx(own))).tables[1].cell(0, 1).paragraphs if p.text]
    assert sign[0] == "GIÁM ĐỐC" and not any("ỦY BAN" in s for s in sign)
    raw["meta"]["capacity"] = "TM. ỦY BAN NHÂN DÂN"  # said explicitly: refused with the fields to correct
    wrong = load_figures_bytes(yaml.safe_dump(raw, allow_unicode=True).encode("utf-8"), "so.yaml")
    assert wrong.meta is None and any("do Giám đốc ký" in i.message for i in wrong.figures.issues)


def test_a_report_dated_before_its_data_window_ends_is_flagged(assistant):
    data = load_figures_file(BA_TRANG)  # seed 003 is dated 05/6 with data to 14/6 (drafting-practice §5)
    draft = assistant.draft_input(data)
    assert any(f.kind == "figures" and "sớm hơn ngày chốt số liệu 14/06/2023" in f.message for f in draft.findings)
    later = data.model_copy(update={"meta": data.meta.model_copy(update={"date": __import__("datetime").date(2023, 6, 20)})})
    assert not any("ngày chốt số liệu" in f.message for f in assistant.draft_input(later).findings)


# --- small faults officials noticed (issue 18's list, the ones fixed here) -------------------------------

def test_no_raw_next_period_placeholder_in_the_chat_progress_line(assistant):
    import datetime as dt

    from drafting import service as h

    msg = ("Soạn toàn bộ báo cáo 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, trước và đúng hạn 245, "
           "quá hạn 7, đang giải quyết 1")
    replies = list(h.chat_turn(assistant, h.UserState(user="next-period"), msg, today=dt.date(2025, 6, 20)))
    assert all("{next_period}" not in r.text for r in replies)
    assert "PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM 6 THÁNG CUỐI NĂM 2025" in replies[0].text


def test_archive_line_printed_once_and_findings_name_sections_in_words(assistant):
    from drafting.render.preview import draft_findings_rows

    data = load_figures_file(BA_TRANG)
    meta = data.meta.model_copy(update={"recipients": [*data.meta.recipients, "Lưu: VT"]})
    draft = assistant.draft_input(data.model_copy(update={"meta": meta}))
    closing = docx.Document(io.BytesIO(render_docx(draft))).tables[1].cell(0, 0).text
    assert closing.count("Lưu: VT") == 1
    sections = {row[2] for row in draft_findings_rows(draft)}
    assert "mo_dau" not in sections and "Mở đầu" in sections
    from drafting.figures.outline import section_label

    assert section_label("II.2") == "II.2. Cải cách thủ tục hành chính"
    assert section_label("IV") == "IV. Phương hướng, nhiệm vụ trọng tâm kỳ tới"


@pytest.mark.parametrize("today,expected", [
    ("2026-12-01", ("9 tháng", 2026)), ("2026-12-20", ("năm", 2026)), ("2027-01-10", ("năm", 2026)),
    ("2026-03-20", ("quý I", 2026)), ("2026-06-15", ("6 tháng", 2026)),
])
def test_the_builder_offers_the_period_whose_data_closed_last(today, expected):
    import datetime as dt

    from drafting.figures.periods import latest_period

    assert latest_period(dt.date.fromisoformat(today)) == expected


def test_the_online_rate_states_its_denominator_and_the_official_chooses_it(assistant):
    """Two bases are common (new dossiers, or all received including those carried over): the draft states which,
    says the other when the official has not chosen, and follows the choice."""
    data = load_figures_file(BA_TRANG)
    values = {**{k: str(v) for k, v in data.figures.values.items()}, "tthc.ho_so_ky_truoc": "13", "tthc.ho_so_moi": "240"}
    fs_data = data.model_copy(update={"figures": build_figure_set(values)})
    draft = assistant.draft_input(fs_data)
    text = "\n".join(p.text for p in draft.section("II.2").paragraphs)
    assert "tỷ lệ hồ sơ tiếp nhận trực tuyến đạt 14,17% (trên tổng số hồ sơ mới tiếp nhận trong kỳ)" in text  # 34/240
    note = next(f for f in draft.findings if "tổng số hồ sơ tiếp nhận, kể cả kỳ trước" in f.message)
    assert "14,17%" in note.message and "13,44%" in note.message  # 34/253
    assert "tthc.ty_le_truc_tuyen_tong" not in {f.key for f in draft.figures}  # the appendix shows the rate stated
    chosen = fs_data.model_copy(update={"meta": fs_data.meta.model_copy(update={"online_base": "tổng số hồ sơ tiếp nhận"})})
    draft = assistant.draft_input(chosen)
    text = "\n".join(p.text for p in draft.section("II.2").paragraphs)
    assert "đạt 13,44% (trên tổng số hồ sơ tiếp nhận, kể cả hồ sơ kỳ trước chuyển sang)" in text
    assert not any("kể cả kỳ trước chuyển sang, thì là" in f.message for f in draft.findings)
    assert {f.key for f in draft.figures} >= {"tthc.ty_le_truc_tuyen_tong"} and "tthc.ty_le_truc_tuyen" not in {
        f.key for f in draft.figures}


def test_usual_recipients_are_offered_by_level_never_printed(assistant):
    import datetime as dt

    from drafting.figures.nd30 import usual_recipients

    assert usual_recipients("xã", "UBND huyện Ba Tơ", dt.date(2023, 6, 5))[:2] == ["UBND huyện Ba Tơ", "Phòng Nội vụ huyện"]
    assert usual_recipients("xã", "", dt.date(2026, 6, 5))[:2] == ["UBND tỉnh", "Sở Nội vụ"]  # communes report upward
    data = load_figures_file(BA_TRANG)
    bare = data.model_copy(update={"meta": data.meta.model_copy(update={"recipients": []})})
    draft = assistant.draft_input(bare)
    note = next(f for f in draft.findings if f.message.startswith("Chưa ghi «Nơi nhận»"))
    assert "Phòng Nội vụ huyện" in note.message
    closing = docx.Document(io.BytesIO(render_docx(draft))).tables[1].cell(0, 0).text
    assert "Nội vụ" not in closing and "Lưu: VT" in closing
    assert not any(f.message.startswith("Chưa ghi «Nơi nhận»") for f in assistant.draft_input(data).findings)
    # a provincial agency's own leadership by what it is called (a Ban Quản lý's 6-month report was offered "Giám đốc,
    # các PGĐ Sở"), and the chat's whole report offers them too (it asked for every section by name, and got neither
    # the offer nor the opening paragraph)
    day = dt.date(2026, 7, 1)
    assert usual_recipients("sở", "UBND tỉnh Bắc Ninh", day, "Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh")[-1] == \
        "Trưởng ban, các Phó Trưởng ban"
    assert usual_recipients("sở", "", day, "Văn phòng UBND tỉnh Nghệ An")[-1] == "Chánh Văn phòng, các Phó Chánh Văn phòng"
    assert usual_recipients("sở", "", day, "Thanh tra tỉnh Quảng Ngãi")[-1] == "Chánh Thanh tra, các Phó Chánh Thanh tra"
    from drafting import service as h

    st = h.UserState(user="recipients-chat")
    for msg in ("Báo cáo CCHC 6 tháng đầu năm 2026 của Ban Quản lý các khu công nghiệp tỉnh Bắc Ninh",
                "6 tháng Ban tiếp nhận 1.980 hồ sơ, đã giải quyết 1.964 hồ sơ, 100% đúng hạn.", "Soạn cả báo cáo"):
        reply = list(h.chat_turn(assistant, st, msg, today=dt.date(2026, 7, 5)))[-1]
    assert "Báo cáo cấp sở thường gửi: UBND tỉnh Bắc Ninh; Sở Nội vụ; Trưởng ban, các Phó Trưởng ban" in reply.text
    assert st.last_draft.opening and st.last_draft.meta.signer_title == "PHÓ TRƯỞNG BAN"


def test_without_a_stated_strength_the_headline_figures_are_offered_marked(assistant):
    """Calling a figure a strength is the official's verdict: offered, marked, from figures computed in code; the
    official's own strength replaces them; every request names what it asks for."""
    meta = {"issuer": "Ủy ban nhân dân phường Hắc Dịch", "level": "xã", "locality": "phường Hắc Dịch",
            "period": "9 tháng", "year": 2026, "date": "2026-09-22", "place": "Hắc Dịch"}
    figures = {"tthc": {"ho_so_moi": 400, "ho_so_truc_tuyen": 300, "ho_so_truc_tiep": 100, "ho_so_da_giai_quyet": 380,
                        "ho_so_dung_han_tong": 376, "ho_so_qua_han": 4, "pakn_tiep_nhan": 3, "pakn_da_xu_ly": 3}}
    facts = [{"section": "II.2", "kind": "initiative", "text": "Mô hình 'Tổ công nghệ số cộng đồng' tại 8 khu phố"}]
    data = load_figures_bytes(yaml.safe_dump({"meta": meta, "figures": figures, "facts": facts},
                                             allow_unicode=True).encode(), "so-lieu.yaml")
    draft = assistant.draft_input(data)
    iii = [p.text for p in draft.section("III").paragraphs]
    assert f"- {PROPOSAL_OPEN}Tỷ lệ hồ sơ giải quyết trước và đúng hạn đạt 98,95%.]" in iii  # 376 / 380
    assert f"- {PROPOSAL_OPEN}100% phản ánh, kiến nghị tiếp nhận trong kỳ đã được xử lý.]" in iii
    # the initiative under its label, its quotes typeset: a model named and placed with no verb is no sentence alone
    # (session 25: it stood alone until the district of Kim Sơn was read as an official reads it)
    assert "Về mô hình, sáng kiến: mô hình “Tổ công nghệ số cộng đồng” tại 8 khu phố." in [
        p.text for p in draft.section("II.2").paragraphs]
    asks = [f.message for f in draft.findings if f.kind == "proposal" and f.section == "III"]
    assert "Cần cán bộ bổ sung: nguyên nhân của hạn chế trên (chủ quan, khách quan)." in asks
    own = facts + [{"section": "III", "kind": "note", "text": "Bộ phận Một cửa phường vận hành ổn định"}]
    data = load_figures_bytes(yaml.safe_dump({"meta": meta, "figures": figures, "facts": own},
                                             allow_unicode=True).encode(), "so-lieu.yaml")
    iii = [p.text for p in assistant.draft_input(data).section("III").paragraphs]
    assert "- Bộ phận Một cửa phường vận hành ổn định." in iii and not any("98,95%" in t for t in iii)


def test_rules_from_the_second_held_out_chat_set_in_other_words(assistant):
    """From evals/cases/chat/heldout2.yaml, said otherwise: an outreach session or a dialogue is section I whatever its
    topic; a clause led by the next period with a plan's verb is a task; "quý III 2026" says the year; a board of
    industrial parks is the unit; a decimal comma does not cut the words a figure is quoted with."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message, read_period, read_place

    r = read_message("Tháng 7 phường tổ chức 3 buổi tuyên truyền về thanh toán trực tuyến tại các tổ dân phố.")
    assert [(f.section, f.kind) for f in r.facts] == [("I", "event")]
    assert {f.key: f.value for f in r.figures} == {"chi_dao.buoi_tuyen_truyen": 3}
    assert read_period("Báo cáo 9 tháng 2026 của xã")[:2] == ("9 tháng", 2026)
    # "Kế hoạch CCHC năm đặt ra 32 nhiệm vụ" (a department's 9-month report, said without diacritics) is the year's
    # plan: it turned the conversation's 9 months into the year's report
    assert read_period("Ke hoach CCHC nam dat ra 32 nhiem vu, den nay hoan thanh 24 nhiem vu.")[0] is None
    assert read_period("Nhiệm vụ CCHC năm đã hoàn thành 20")[0] is None
    assert read_period("Kết quả CCHC năm 2026 của xã")[0] == "năm"
    assert read_place("Báo cáo của Ban Quản lý các khu công nghiệp Bắc Ninh quý I") == (
        "Ban Quản lý các khu công nghiệp Bắc Ninh", "sở")
    r = read_message("Thu ngân sách đạt 12,5 tỷ đồng trên dự toán 20 tỷ đồng.")
    assert r.figures[1].words.endswith("dự toán 20") and "12,5" not in r.figures[1].words

    st = h.UserState(user="chat-next-year")
    day = dt.date(2026, 12, 10)
    list(h.chat_turn(assistant, st, "Soạn báo cáo CCHC năm 2026 của xã Tà Xùa.", today=day))
    final = list(h.chat_turn(assistant, st, "Năm 2027 xã tiếp tục nâng tỷ lệ hồ sơ trực tuyến.", today=day))[-1]
    assert [(f.section, f.kind) for f in st.chat_facts] == [("IV", "task")] and st.chat_sections == ["IV"]
    assert "nâng tỷ lệ hồ sơ trực tuyến" in final.text


def test_a_plans_year_and_the_next_quarters_numbers_are_not_this_reports(assistant):
    """Found drafting a commune of Lào Cai's 9-month report by chat: "Kế hoạch CCHC năm 2026 của xã có 24 nhiệm vụ"
    turned the report into the year's; "Quý IV xã tập trung hoàn thành 7 nhiệm vụ còn lại" replaced the 17 tasks done
    with 7; a gap in II.2's figures was asked about again under section IV."""
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="chat-plan-year")
    day = dt.date(2026, 9, 29)
    list(h.chat_turn(assistant, st, "Soạn báo cáo CCHC 9 tháng năm 2026 của phường Kim Tân.", today=day))
    list(h.chat_turn(assistant, st, "Phường tiếp nhận 900 hồ sơ (kỳ trước chuyển sang 10), giải quyết 880 hồ sơ, "
                                    "đúng hạn 880.", today=day))
    plan = list(h.chat_turn(assistant, st, "Chương trình CCHC năm 2026 của phường gồm 30 nhiệm vụ, đã hoàn thành 21.",
                            today=day))[-1]
    assert st.chat_meta["period"] == "9 tháng" and "9 tháng đầu năm 2026" in plan.text
    task = list(h.chat_turn(assistant, st, "Quý IV phường tập trung hoàn thành 9 nhiệm vụ còn lại.", today=day))[-1]
    assert st.chat_values["chi_dao.nhiem_vu_hoan_thanh"].value == 21
    assert [(f.section, f.kind) for f in st.chat_facts] == [("IV", "task")] and st.chat_sections == ["IV"]
    assert "9 nhiệm vụ còn lại" in task.text and "chưa phân loại" not in task.text
    # under "… QUÝ IV NĂM 2026" the task is the verb phrase, as reports list them
    assert "- Tập trung hoàn thành 9 nhiệm vụ còn lại." in task.text and "Quý IV phường" not in task.text
    from drafting.figures.periods import later_period_said as next_period_said
    from drafting.inputs.task_words import task_text

    said = next_period_said("quý IV năm 2026")
    assert task_text("Quý IV Ban Chỉ đạo tiếp tục họp định kỳ.", said) == "Quý IV Ban Chỉ đạo tiếp tục họp định kỳ."
    assert task_text("Quý IV UBND tỉnh sẽ tổ chức kiểm tra.", said) == "Quý IV UBND tỉnh sẽ tổ chức kiểm tra."
    assert task_text("Trong quý IV, UBND xã sẽ tiếp tục kiện toàn Bộ phận Một cửa.", said) == (
        "Tiếp tục kiện toàn Bộ phận Một cửa.")
    # a board as the unit, "6 tháng cuối năm" without its year, and a clause read as a task already (held-out set 6)
    from drafting.inputs.chat_reader import read_message
    from drafting.inputs.task_words import next_period_tasks

    assert task_text("6 tháng cuối năm Ban tập trung triển khai dịch vụ công trực tuyến toàn trình.",
                     next_period_said("6 tháng cuối năm 2026")) == "Tập trung triển khai dịch vụ công trực tuyến toàn trình."
    year = read_message("Năm 2027 xã sẽ tiếp tục đẩy mạnh số hóa hồ sơ, kết quả giải quyết TTHC.", "năm 2027")
    assert [(f.kind, f.text) for f in next_period_tasks(year.facts, "năm 2027")] == [
        ("task", "Tiếp tục đẩy mạnh số hóa hồ sơ, kết quả giải quyết TTHC")]
    again = list(h.chat_turn(assistant, st, "Số hồ sơ trực tuyến là 600.", today=day))[-1]
    assert "chưa phân loại" in again.text  # asked where II.2 is drafted


def test_a_report_typed_without_diacritics_in_the_chat(assistant):
    """Found drafting a commune of Lai Châu's year report typed without diacritics: "ho so TTHC" made the unit "Sở
    TTHC"; "chuyen sang nam sau 34 ho so" became dossiers carried in from last period; "Han che:" stayed in the
    text; "Ban hanh Ke hoach …" was written "đã ban hành Ban hanh Ke hoach …"; nothing said the words were unmarked."""
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="chat-unaccented")
    day = dt.date(2025, 12, 20)
    for msg in ("soan bao cao cchc nam 2025 cua xa Tam Duong, tinh Lai Chau",
                "Nam 2025 xa tiep nhan 1.532 ho so TTHC, da giai quyet 1.498 ho so, dung han 1.490, qua han 8 ho so; "
                "chuyen sang nam sau 34 ho so.",
                "Xa ban hanh Ke hoach so 05/KH-UBND ngay 10/01/2025 ve CCHC nam 2025.",
                "Han che: ty le ho so truc tuyen con thap; nguyen nhan do nguoi dan chua quen nop truc tuyen."):
        list(h.chat_turn(assistant, st, msg, today=day))
    final = list(h.chat_turn(assistant, st, "soan ca bao cao", today=day))[-1]
    assert st.chat_meta["locality"] == "xã Tam Dương" and "Sở TTHC" not in final.text
    assert st.chat_values["tthc.ho_so_dang_giai_quyet"].value == 34 and "tthc.ho_so_ky_truoc" not in st.chat_values
    body = final.text.split("**Phát hiện")[0]
    assert "đã ban hanh Ke hoach so 05/KH-UBND" in body and "Ban hanh" not in body
    assert "- Ty le ho so truc tuyen con thap." in body and "Han che" not in body
    # the run goes on over the draft's own "đã" and "ngày" between the official's words
    assert any("Câu gõ không dấu («" in line and "ban hanh Ke hoach so 05/KH-UBND" in line
               for line in final.text.splitlines()), final.text


def test_a_departments_report_set_up_in_passing_with_a_cause_in_its_own_message(assistant):
    """Found as a department's official: "Tôi là chuyên viên Sở …, cần báo cáo CCHC 9 tháng năm 2026." was answered as
    a law question and the unit never kept, so every later message asked for it again; "đề nghị đơn giản hóa 4 thủ
    tục" was written as approved; "Nguyên nhân quá hạn chủ yếu do …" in its own message stood apart from the late
    dossiers, with a request for the cause beside it."""
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="chat-department")
    day = dt.date(2026, 9, 20)
    first = list(h.chat_turn(assistant, st, "Tôi là chuyên viên Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh, cần báo cáo "
                                            "CCHC 9 tháng năm 2026.", today=day))[-1]
    assert st.chat_meta["locality"] == "Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh" and "Đang soạn" in first.text
    for msg in ("Tổng số TTHC thuộc thẩm quyền giải quyết của Sở là 112 thủ tục, trong kỳ đã rà soát 15 thủ tục, "
                "đề nghị đơn giản hóa 4 thủ tục.",
                "Sở tiếp nhận 2.318 hồ sơ (trực tuyến 1.902 hồ sơ), đã giải quyết 2.201 hồ sơ, trong đó đúng hạn 2.150, "
                "quá hạn 51 hồ sơ; đang giải quyết 117 hồ sơ.",
                "Nguyên nhân quá hạn chủ yếu do hồ sơ đất đai phải xác minh nguồn gốc, phối hợp với UBND cấp xã chậm."):
        list(h.chat_turn(assistant, st, msg, today=day))
    final = list(h.chat_turn(assistant, st, "Soạn báo cáo", today=day))[-1]
    body = final.text.split("**Phát hiện")[0]
    assert ("Về rà soát, đơn giản hóa TTHC: đã rà soát, đánh giá 15 thủ tục hành chính; đề xuất phương án đơn giản "
            "hóa 04 thủ tục.") in body and "phê duyệt" not in body
    late = body.index("- Còn 51 hồ sơ giải quyết quá hạn.")
    assert body[late:].split("\n\n")[1] == ("Nguyên nhân: hồ sơ đất đai phải xác minh nguồn gốc, phối hợp với UBND cấp "
                                           "xã chậm.")
    assert "nguyên nhân của hạn chế trên" not in body and body.count("Nguyên nhân") == 1


def test_a_cause_said_alone_goes_to_the_limitation_it_names():
    from drafting.figures.facts import Fact
    from drafting.inputs.chat_facts import attach_causes, read_facts

    said = read_facts("Nguyên nhân tỷ lệ nộp trực tuyến thấp là do người dân chưa quen.", [])
    assert [(f.text, f.cause) for f in said] == [("Tỷ lệ nộp trực tuyến thấp", "người dân chưa quen")]
    assert [(f.text, f.cause) for f in read_facts("Hồ sơ quá hạn là do phải xác minh nguồn gốc đất.", [])] == [
        ("Hồ sơ quá hạn", "phải xác minh nguồn gốc đất")]
    held = [Fact(section="III", kind="shortcoming", text="Cán bộ một cửa còn thiếu")]
    alone = read_facts("Nguyên nhân: biên chế được giao thấp hơn nhu cầu.", [])
    merged = attach_causes(held, alone)
    assert [(f.text, f.cause) for f in merged] == [("Cán bộ một cửa còn thiếu", "biên chế được giao thấp hơn nhu cầu")]
    # a target of the next period is a task; one of this period is the target reader's, no fact
    assert [(f.kind, f.section) for f in read_facts("Năm 2027 xã sẽ phấn đấu 100% hồ sơ được số hóa khi tiếp nhận.",
                                                    [])] == [("task", "IV")]
    assert read_facts("Phấn đấu tỷ lệ hồ sơ quá hạn dưới 1%.", []) == []
    # with no limitation to go to, the cause stays, its limitation asked for
    assert attach_causes([], alone)[0].text.startswith("[đề nghị bổ sung")


def test_a_districts_year_in_chat_messages_as_an_official_words_them():
    """Found drafting a district's 2024 report in chat: the own plan's "3 nhiệm vụ đang thực hiện" became tasks set
    from above (and a limitation about them); "gửi 98 văn bản xin lỗi … vì hồ sơ trễ hạn" became a limitation; the
    second item of "Tồn tại: …; …" was lost; "Năm 2025 huyện …, phấn đấu … đạt 70%" was answered as a law question; the
    plan named before its figures was not written as a document."""
    from drafting.inputs.chat_reader import read_message
    from drafting.inputs.task_words import next_period_tasks

    plan = read_message("Năm 2024 UBND huyện đã ban hành Kế hoạch số 12/KH-UBND ngày 15/01/2024 về CCHC năm 2024 với 45 "
                        "nhiệm vụ, đến nay hoàn thành 42 nhiệm vụ, 3 nhiệm vụ đang thực hiện.", "năm 2025")
    assert {f.key: f.value for f in plan.figures} == {"chi_dao.nhiem_vu_ke_hoach": 45, "chi_dao.nhiem_vu_hoan_thanh": 42}
    assert [(f.kind, f.text) for f in plan.facts] == [  # who issued it, as said
        ("document", "UBND huyện đã ban hành Kế hoạch số 12/KH-UBND ngày 15/01/2024 về CCHC năm 2024")]
    assert plan.unread == []  # the 3 still in progress are the plan's 45 − 42, said again
    said = ("Năm 2024 UBND huyện đã ban hành Kế hoạch số 12/KH-UBND ngày 15/01/2024 về CCHC năm 2024 với 45 nhiệm vụ, "
            "đến nay hoàn thành 42 nhiệm vụ, 4 nhiệm vụ đang thực hiện.")
    at = [said.index(u.context) for u in read_message(said, "năm 2025").unread]
    assert len(at) == 1 and said[at[0] - 1] == " "  # whole words around an unread number ("vụ", not "ụ")
    letters = read_message("Huyện đã gửi 98 văn bản xin lỗi người dân vì hồ sơ trễ hạn.")
    assert {f.key: f.value for f in letters.figures} == {"tthc.van_ban_xin_loi": 98} and letters.facts == []
    limits = read_message("Tồn tại: một số xã chưa quan tâm số hóa hồ sơ, kết quả giải quyết TTHC; tỷ lệ thanh toán "
                          "trực tuyến còn thấp. Huyện tổ chức 2 hội nghị.")
    assert [(f.kind, f.text) for f in limits.facts] == [
        ("shortcoming", "Một số xã chưa quan tâm số hóa hồ sơ, kết quả giải quyết TTHC"),
        ("shortcoming", "Tỷ lệ thanh toán trực tuyến còn thấp")]
    aim = read_message("Năm 2025 huyện tập trung nâng cao chất lượng giải quyết TTHC, phấn đấu tỷ lệ hồ sơ trực tuyến "
                       "đạt 70%.", "năm 2025")
    assert aim.targets == [] and aim.unsure_targets == []
    assert [(f.kind, f.section, f.text) for f in next_period_tasks(aim.facts, "năm 2025", "huyện Yên Thế")] == [
        ("task", "IV", "Tập trung nâng cao chất lượng giải quyết TTHC, phấn đấu tỷ lệ hồ sơ trực tuyến đạt 70%")]


def test_a_wards_quarter_pasted_as_one_paragraph(assistant):
    """Found with a ward's quarter pasted as a paragraph: "tổ chức 01 cuộc họp Ban chỉ đạo CCHC phường" was written
    twice (the meeting without its count, then "Số hội nghị, cuộc họp … là 01 cuộc"); "đạt 98,6% trên 640 phiếu" was
    asked for confirmation as an estimate; "04 văn bản … (01 kế hoạch, 03 công văn)" left two numbers unread."""
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="chat-ward-quarter")
    day = dt.date(2027, 3, 16)
    list(h.chat_turn(assistant, st, "soạn báo cáo CCHC quý I/2027 của UBND phường Phú Lợi, thành phố Hồ Chí Minh",
                     today=day))
    said = list(h.chat_turn(assistant, st, (
        "Trong quý, phường ban hành 04 văn bản triển khai công tác CCHC (01 kế hoạch, 03 công văn); tổ chức 01 cuộc họp "
        "Ban chỉ đạo CCHC phường. Tỷ lệ hài lòng đạt 98,6% trên 640 phiếu khảo sát."), today=day))[-1]
    assert "Tôi chưa dùng" not in said.text and "ước tính" not in said.text
    body = said.text.split("**Phát hiện")[0]
    assert "Trong quý I năm 2027, đã tổ chức 01 cuộc họp Ban chỉ đạo CCHC phường." in body
    assert "Số hội nghị, cuộc họp" not in body and body.count("cuộc họp") == 1


def test_a_shortfall_counted_with_its_cause_carries_it_to_section_three():
    """"2 nhiệm vụ đang triển khai do chờ hướng dẫn của Bộ Y tế": section III asked for a cause the official gave."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Thực hiện 18 nhiệm vụ UBND tỉnh giao, đã hoàn thành đúng hạn 16 nhiệm vụ, 2 nhiệm vụ đang triển "
                     "khai do chờ hướng dẫn của Bộ Y tế.")
    assert [(f.kind, f.text, f.cause) for f in r.facts] == [
        ("shortcoming", "Nhiệm vụ cấp trên giao chưa hoàn thành", "chờ hướng dẫn của Bộ Y tế")]
    r = read_message("Đã giải quyết 640 hồ sơ; 8 hồ sơ trễ hạn vì phải xác minh nguồn gốc đất.")
    assert [f.cause for f in r.facts if f.kind == "shortcoming"] == ["phải xác minh nguồn gốc đất"]  # once
    assert read_message("Giải quyết 640 hồ sơ, trễ hạn 8 hồ sơ.").facts == []


def test_a_departments_reorganisation_is_its_own_words_and_a_conflict_keeps_what_was_said(assistant):
    """Tried as a new user (a provincial department, 9 months): "giảm từ 9 phòng chuyên môn xuống còn 6 phòng" was read
    as 9 public service units cut and 6 left, the "2023" of "Nghị định 29/2023/NĐ-CP" as the report's year, and the
    conflict this made blocked every later message without saying that its cause and tasks had been taken in."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    r = read_message("Về cải cách tổ chức bộ máy: Sở đã trình UBND tỉnh phương án sắp xếp, giảm từ 9 phòng chuyên môn "
                     "xuống còn 6 phòng; tinh giản biên chế 5 người theo Nghị định 29/2023/NĐ-CP.")
    assert {f.key: f.value for f in r.figures} == {"to_chuc.tinh_gian": 5} and r.meta.year is None
    assert [(f.section, f.text) for f in r.facts] == [
        ("II.3", "Sở đã trình UBND tỉnh phương án sắp xếp, giảm từ 9 phòng chuyên môn xuống còn 6 phòng"),
        ("II.3", "Người tinh giản biên chế trong kỳ: theo Nghị định 29/2023/NĐ-CP")]  # the decree it was done under
    units = read_message("Huyện giảm từ 60 đơn vị sự nghiệp xuống còn 52 đơn vị.")
    assert {f.key: f.value for f in units.figures} == {"to_chuc.don_vi_su_nghiep": 52}
    assert [u.quote for u in units.unread] == ["60"]
    assert read_message("Báo cáo 9 tháng theo Kế hoạch 14/KH-UBND ngày 30/01/2025, năm 2026").meta.year == 2026

    st = h.UserState(user="chat-department-conflict")
    day = dt.date(2026, 10, 5)
    list(h.chat_turn(assistant, st, "Soạn báo cáo CCHC 9 tháng năm 2026 của Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh",
                     today=day))
    list(h.chat_turn(assistant, st, "Sở nhận 1.245 hồ sơ, đã giải quyết 1.300 hồ sơ.", today=day))
    said = list(h.chat_turn(assistant, st, "Hồ sơ quá hạn chủ yếu là hồ sơ đất đai do phải xác minh nguồn gốc đất.",
                            today=day))[-1]
    assert "Đã ghi nhận" in said.text and "III. Đánh giá chung: Hồ sơ quá hạn chủ yếu là hồ sơ đất đai" in said.text
    assert "chưa khớp" in said.text and any(f.cause == "phải xác minh nguồn gốc đất" for f in st.chat_facts)


def test_a_provinces_year_told_in_chat_keeps_who_issued_its_plan_and_the_portals_rate(assistant):
    """Tried as a new user (a province's year report, drafted by its Department of Home Affairs): the unit became
    "Sở Nội vụ" from "(Sở Nội vụ tham mưu)"; "UBND tỉnh ban hành Kế hoạch 215" was written as issued by the
    department; "4 nhiệm vụ đang thực hiện" of the province's own plan became tasks set from above; the portal's
    "tỷ lệ hồ sơ trực tuyến toàn trình đạt 56,3%" was refused as a typed rate and its 60% target judged against the
    online rate of all dossiers; "phát hiện 2 văn bản có sai sót, đã xử lý xong" lost the handling."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    head = read_message("Giúp tôi viết báo cáo kết quả CCHC năm 2025 tỉnh Quảng Trị (Sở Nội vụ tham mưu)").meta
    assert (head.locality, head.level, head.period, head.year) == ("tỉnh Quảng Trị", "tỉnh", "năm", 2025)
    assert read_message("Soạn báo cáo CCHC 9 tháng năm 2026 của Sở Y tế tỉnh Hà Tĩnh").meta.locality == "Sở Y tế tỉnh Hà Tĩnh"
    plan = read_message("Chỉ đạo điều hành: UBND tỉnh ban hành Kế hoạch số 215/KH-UBND ngày 25/12/2024 về CCHC năm 2025 "
                        "với 62 nhiệm vụ; đến 15/12/2025 đã hoàn thành 58 nhiệm vụ, 4 nhiệm vụ đang thực hiện.")
    assert {f.key: f.value for f in plan.figures} == {"chi_dao.nhiem_vu_ke_hoach": 62, "chi_dao.nhiem_vu_hoan_thanh": 58}
    assert not plan.unread and plan.facts[0].text.startswith("UBND tỉnh ban hành Kế hoạch số 215/KH-UBND")
    from drafting.figures.facts import split_issuer  # folded, "số" and "Sở" look alike: a number is no department
    assert split_issuer("Sở ban hành Quyết định số 12/QĐ-SNV")[0] == "Sở"
    assert split_issuer("Số lượng văn bản ban hành trong kỳ gồm Kế hoạch số 5/KH-UBND")[0] == ""
    wrong = read_message("Kế hoạch CCHC năm có 30 nhiệm vụ, đã hoàn thành 25 nhiệm vụ, còn 6 nhiệm vụ đang triển khai.")
    assert [u.quote for u in wrong.unread] == ["6"] and "30 − đã hoàn thành 25 = 5" in wrong.unread[0].reason
    handled = read_message("Tự kiểm tra 47 văn bản, phát hiện 2 văn bản có sai sót, đã xử lý xong.")
    assert {f.key: f.value for f in handled.figures}["the_che.vbqppl_kiem_tra_da_xu_ly"] == 2
    assert read_message("Bộ TTHC của Sở gồm 148 thủ tục, có 121 thủ tục cung cấp DVC trực tuyến toàn trình.").figures[-1].key \
        == "tthc.dvc_toan_trinh"

    st = h.UserState(user="chat-province-year-quang-tri")
    day = dt.date(2025, 12, 20)
    for message in ("Giúp tôi viết báo cáo kết quả CCHC năm 2025 tỉnh Quảng Trị (Sở Nội vụ tham mưu)",
                    "Chỉ đạo điều hành: UBND tỉnh ban hành Kế hoạch số 215/KH-UBND ngày 25/12/2024 về CCHC năm 2025.",
                    "Về TTHC: tỷ lệ hồ sơ trực tuyến toàn trình đạt 56,3%; tiếp nhận 58.420 hồ sơ, giải quyết đúng hạn "
                    "57.890 hồ sơ, trễ hạn 212 hồ sơ."):
        said = list(h.chat_turn(assistant, st, message, today=day))[-1]
        if "215/KH-UBND" in message:
            assert "Trong kỳ, UBND tỉnh đã ban hành Kế hoạch số 215/KH-UBND ngày 25/12/2024" in said.text
    assert "Tôi chưa dùng" not in said.text and "tỷ lệ hồ sơ trực tuyến toàn trình đạt 56,3%" in said.text
    said = list(h.chat_turn(assistant, st, "Chỉ tiêu tỉnh giao tỷ lệ hồ sơ trực tuyến toàn trình là 60% theo Kế hoạch "
                                           "215/KH-UBND.", today=day))[-1]
    assert "Tỷ lệ hồ sơ trực tuyến toàn trình là 56,3%, chưa đạt chỉ tiêu 60% theo Kế hoạch số 215/KH-UBND" in said.text
    assert "Sở Nội vụ" not in said.text.split("**Nguồn")[0]


def test_a_provinces_service_centre_figures_are_asked_about_not_assumed_the_whole_province(assistant):
    """"Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 58.420 hồ sơ …" in a province's report was written as the
    province's total without a word; the reply now says so and asks for the whole province's figure or the levels."""
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="chat-province-centre")
    day = dt.date(2025, 12, 20)
    list(h.chat_turn(assistant, st, "Soạn báo cáo CCHC năm 2025 của tỉnh Quảng Trị", today=day))
    said = list(h.chat_turn(assistant, st, "Trung tâm Phục vụ hành chính công tỉnh tiếp nhận 58.420 hồ sơ, giải quyết "
                                           "đúng hạn 57.890 hồ sơ, trễ hạn 212 hồ sơ.", today=day))[-1].text
    assert said.startswith("Số hồ sơ trong tin nhắn này nêu cho Trung tâm Phục vụ hành chính công")
    commune = h.UserState(user="chat-commune-desk")
    list(h.chat_turn(assistant, commune, "Soạn báo cáo CCHC năm 2025 của xã Ba Trang", today=day))
    said = list(h.chat_turn(assistant, commune, "Bộ phận một cửa xã tiếp nhận 420 hồ sơ.", today=day))[-1].text
    assert "Trung tâm Phục vụ" not in said


def test_a_cause_after_a_colon_and_radio_broadcasts_in_a_communes_half_year():
    """Tried as a new user (a commune's 6 months, pasted paragraphs): "Nguyên nhân hồ sơ quá hạn: do …" was written
    "- Hồ sơ quá hạn:." and "Đài truyền thanh xã phát 24 lượt tin về CCHC" was left unread (a "lượt" counted people)."""
    from drafting.figures.facts import LATE_DOSSIERS
    from drafting.inputs.chat_reader import read_message

    r = read_message("Nguyên nhân hồ sơ quá hạn: do hồ sơ đất đai phải chờ kết quả thẩm định của Văn phòng đăng ký đất đai.")
    assert [(f.text, f.cause) for f in r.facts] == [
        (LATE_DOSSIERS, "hồ sơ đất đai phải chờ kết quả thẩm định của Văn phòng đăng ký đất đai")]
    # "đơn vị" is no "vì": a cause naming nothing, after a count of late dossiers in the same message, is theirs (a
    # ward's half year: "- Do hồ sơ tồn đọng từ trước khi sắp xếp đơn." with "Nguyên nhân: hành chính, …" under it)
    ward = read_message("Hạn chế: còn 15 hồ sơ quá hạn, chủ yếu thuộc lĩnh vực đất đai. Nguyên nhân do hồ sơ tồn đọng từ "
                        "trước khi sắp xếp đơn vị hành chính, việc bàn giao hồ sơ giữa các đơn vị còn chậm.")
    assert [(f.text, f.cause) for f in ward.facts if f.kind == "shortcoming"] == [
        (LATE_DOSSIERS, "hồ sơ tồn đọng từ trước khi sắp xếp đơn vị hành chính, việc bàn giao hồ sơ giữa các đơn vị còn chậm")]
    # where the late dossiers lie is kept beside their count (II.2), not dropped
    assert [(f.section, f.text) for f in ward.facts if f.kind == "note"] == [
        ("II.2", "Hồ sơ quá hạn chủ yếu thuộc lĩnh vực đất đai")]
    # the colon alone between what and its cause (a department's year, held-out set 6)
    assert [(f.text, f.cause) for f in read_message("Nguyên nhân giải ngân chậm: vướng mắc giải phóng mặt bằng.").facts] \
        == [("Giải ngân chậm", "vướng mắc giải phóng mặt bằng")]
    radio = read_message("Công tác tuyên truyền: xã đã đăng tải 18 tin, bài về CCHC trên Trang thông tin điện tử; Đài "
                         "truyền thanh xã phát 24 lượt tin về CCHC.")
    assert {f.key: f.value for f in radio.figures} == {"chi_dao.tin_bai": 18, "chi_dao.chuong_trinh_phat_thanh": 24}
    assert not radio.unread


def test_a_difficulty_keeps_its_label_and_is_not_asked_for_a_cause():
    """Tried as a new user (a commune's year): "Khó khăn: cơ sở vật chất … chật hẹp, máy scan hư hỏng thường xuyên" was
    written as a fault with "[đề nghị bổ sung: nguyên nhân …]" under it — a difficulty is the circumstance itself."""
    import datetime as dt

    from drafting.chain.assessment import Assessment
    from drafting.chain.proposer import Proposer
    from drafting.figures.facts import Fact
    from drafting.inputs.chat_reader import read_message
    from drafting.models import ReportMeta

    r = read_message("Khó khăn, vướng mắc: đường truyền mạng chập chờn; người dân vùng sâu chưa có điện thoại thông minh.")
    assert [(f.kind, f.text, f.cause) for f in r.facts] == [
        ("shortcoming", "Khó khăn, vướng mắc: đường truyền mạng chập chờn", ""),
        ("shortcoming", "Khó khăn, vướng mắc: người dân vùng sâu chưa có điện thoại thông minh", "")]
    assert [f.text for f in read_message("Hạn chế: tỷ lệ thanh toán trực tuyến còn thấp.").facts] == [
        "Tỷ lệ thanh toán trực tuyến còn thấp"]  # a limitation loses its label and keeps the ask for its cause
    meta = ReportMeta(issuer="Ủy ban nhân dân xã Tân Phú Trung", level="xã", locality="xã Tân Phú Trung", period="năm",
                      year=2026, place="Tân Phú Trung", date=dt.date(2026, 12, 1))
    facts = [Fact(section="III", kind="shortcoming", text="Khó khăn: máy scan hư hỏng thường xuyên"),
             Fact(section="III", kind="shortcoming", text="Tỷ lệ thanh toán trực tuyến còn thấp")]
    assessed = Assessment(meta, build_figure_set({"tthc": {"ho_so_tiep_nhan": 100}}), facts, [], Proposer())
    text = "\n".join(p.text for p in assessed.shortcomings())
    assert "- Khó khăn: máy scan hư hỏng thường xuyên.\n- Tỷ lệ thanh toán" in text and text.count("nguyên nhân") == 1


def test_a_departments_year_keeps_its_inspected_places_late_dossiers_cause_and_every_task(assistant):
    """Tried as a new user (Sở Tư pháp Gia Lai, year 2026): "kiểm tra … tại 6 phòng công chứng và 4 tổ chức hành nghề
    luật sư" was drafted "tại 06 phòng công chứng" (the 4 unread); "trễ hạn 9 hồ sơ (chủ yếu lĩnh vực lý lịch tư pháp do
    chờ xác minh …)" became a limitation made of the whole sentence with a broken bracket; "công bố 3 quyết định công bố
    danh mục TTHC" was left out; of "Năm 2027 Sở tiếp tục …; đẩy mạnh …" only the first task was kept."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    r = read_message("Sở tổ chức 02 đợt kiểm tra CCHC tại 6 phòng công chứng và 4 tổ chức hành nghề luật sư.")
    assert {f.key: (f.value, f.noun) for f in r.figures}["chi_dao.co_quan_duoc_kiem_tra"] == (
        10, "cơ quan, đơn vị (6 phòng công chứng và 4 tổ chức hành nghề luật sư)") and not r.unread
    r = read_message("Đã giải quyết 120 hồ sơ, trễ hạn 8 hồ sơ vì phải xác minh.")
    assert [(f.kind, f.text, f.cause) for f in r.facts] == [("shortcoming", "Hồ sơ quá hạn", "phải xác minh")]
    r = read_message("Xã đã tổ chức 3 buổi sinh hoạt chuyên đề về CCHC cho đoàn viên, tiếp nhận 120 hồ sơ.")
    assert [(f.section, f.text) for f in r.facts] == [("I", "Xã đã tổ chức 3 buổi sinh hoạt chuyên đề về CCHC cho đoàn viên")]
    assert not r.unread
    st = h.UserState(user="so-tu-phap")
    day = dt.date(2026, 12, 4)
    for msg in ("Báo cáo CCHC năm 2026 của Sở Tư pháp tỉnh Gia Lai",
                "Sở tổ chức 02 đợt kiểm tra CCHC tại 6 phòng công chứng và 4 tổ chức hành nghề luật sư, qua kiểm tra "
                "đã nhắc nhở 3 đơn vị chưa niêm yết đầy đủ TTHC.",
                "Tổng số TTHC thuộc thẩm quyền giải quyết của Sở là 148 thủ tục; trong năm đã tham mưu UBND tỉnh công bố "
                "3 quyết định công bố danh mục TTHC, sửa đổi bổ sung 12 thủ tục, bãi bỏ 4 thủ tục.",
                "Đã tiếp nhận 6.842 hồ sơ; đã giải quyết 6.790 hồ sơ, trong đó đúng hạn 6.781 hồ sơ, trễ hạn 9 hồ sơ (chủ "
                "yếu lĩnh vực lý lịch tư pháp do chờ xác minh từ địa phương khác); 52 hồ sơ đang giải quyết trong hạn.",
                "Năm 2027 Sở tiếp tục rà soát, kiến nghị đơn giản hóa TTHC lĩnh vực hộ tịch, chứng thực; đẩy mạnh cấp "
                "phiếu lý lịch tư pháp trên ứng dụng VNeID.",
                "Soạn cả báo cáo"):
        final = list(h.chat_turn(assistant, st, msg, today=day))[-1]
    one, two, three, four = ("\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("I", "II.2", "III", "IV"))
    assert ("đã tổ chức 02 cuộc kiểm tra tại 10 cơ quan, đơn vị (6 phòng công chứng và 4 tổ chức hành nghề luật sư); "
            "qua kiểm tra đã nhắc nhở 3 đơn vị chưa niêm yết đầy đủ TTHC") in one
    assert "Trong năm đã tham mưu UBND tỉnh công bố 3 quyết định công bố danh mục TTHC" in two
    assert "Hồ sơ quá hạn chủ yếu thuộc lĩnh vực lý lịch tư pháp." in two
    assert "- Còn 09 hồ sơ giải quyết quá hạn.\nNguyên nhân: chờ xác minh từ địa phương khác." in three and "(" not in three
    assert "- Tiếp tục rà soát, kiến nghị đơn giản hóa TTHC lĩnh vực hộ tịch, chứng thực." in four
    assert "- Đẩy mạnh cấp phiếu lý lịch tư pháp trên ứng dụng VNeID." in four
    assert final.text and not [f for f in st.last_draft.findings if f.kind == "ungrounded_number"]  # the parts: said


def test_a_communes_quarter_keeps_the_dialogues_subject_the_disciplines_detail_and_the_broadcasts_noun(assistant):
    """Tried as a new user (a commune of Đắk Lắk, quarter I of 2027, typed without diacritics): a dialogue "về thủ tục
    đất đai ngày 20/3/2027, có 60 hộ dân tham dự" was drafted "01 cuộc đối thoại với người dân, doanh nghiệp" (the 60
    unread); "1 công chức bị khiển trách do vi phạm giờ giấc làm việc" became "bị xử lý kỷ luật"; "36 lượt tin trên loa
    truyền thanh" became "36 chương trình phát thanh, truyền hình"."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    assert [f.text for f in read_message("Chủ tịch UBND xã tổ chức 2 cuộc đối thoại với người dân.").facts] == []
    st = h.UserState(user="xa-hoa-phu")
    for msg in ("Soạn báo cáo CCHC quý I năm 2027 của xã Hòa Phú, tỉnh Đắk Lắk",
                "Xã tổ chức 1 cuộc đối thoại với người dân về thủ tục đất đai ngày 20/3/2027, có 60 hộ dân tham dự.",
                "Đăng 12 tin bài trên trang thông tin điện tử xã; phát 36 lượt tin trên loa truyền thanh.",
                "Trong quý có 1 công chức bị khiển trách do vi phạm giờ giấc làm việc.",
                "Soạn cả báo cáo"):
        reply = list(h.chat_turn(assistant, st, msg, today=dt.date(2027, 3, 18)))[-1]
        assert "Tôi chưa dùng" not in reply.text, msg
    one, four = ("\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("I", "II.4"))
    assert ("Xã tổ chức 01 cuộc đối thoại với người dân về thủ tục đất đai ngày 20/3/2027, có 60 hộ dân tham dự."
            in one) and "đối thoại với người dân, doanh nghiệp" not in one and "Số cuộc đối thoại" not in one
    assert "đăng tải 12 tin, bài về CCHC, phát 36 lượt tin trên loa truyền thanh" in one
    assert "có 01 công chức bị khiển trách do vi phạm giờ giấc làm việc." in four
    assert not [f for f in st.last_draft.findings if f.kind == "ungrounded_number"]


def test_a_provinces_half_year_keeps_its_index_results_level_counts_and_each_document(assistant):
    """Tried as a new user (UBND tỉnh Quảng Ngãi, 6 months of 2026): "Chỉ số CCHC năm 2025 … đạt 86,12 điểm, xếp thứ
    18/34" turned the report into a report of year 2025 and its numbers were left out; "Cấp tỉnh tiếp nhận 41.200 hồ sơ,
    cấp xã …" replaced the province's 245.310 dossiers and stopped the draft; a decision and an official letter issued
    together became one document of section II.4."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message
    from drafting.inputs.text_reading import LEVEL_ONLY

    r = read_message("Cấp tỉnh tiếp nhận 41.200 hồ sơ, cấp xã tiếp nhận 204.110 hồ sơ.")
    assert not r.figures and [(f.section, f.kind) for f in r.facts] == [("II.2", "note")] and not r.unread
    from drafting.inputs.figure_text import read_figures
    assert {u.reason for u in read_figures("Cấp tỉnh tiếp nhận 41.200 hồ sơ, cấp xã tiếp nhận 204.110 hồ sơ.").unread} == {
        LEVEL_ONLY}  # the report reader says why it did not take them
    assert read_message("Bộ phận một cửa cấp xã tiếp nhận 845 hồ sơ.").figures[0].key == "tthc.ho_so_tiep_nhan"
    r = read_message("Xã ban hành Kế hoạch số 05/KH-UBND ngày 10/01/2027 về CCHC, Kế hoạch số 09/KH-UBND ngày "
                     "15/01/2027 về tuyên truyền CCHC.")
    assert [f.number for f in r.facts] == ["Kế hoạch số 05/KH-UBND", "Kế hoạch số 09/KH-UBND"]
    assert len(read_message("Ban hành Kế hoạch 14/KH-UBND ngày 30/1/2026 triển khai Quyết định 1291/QĐ-UBND.").facts) == 1
    st = h.UserState(user="tinh-quang-ngai")
    day = dt.date(2026, 7, 10)
    for msg in ("Soạn báo cáo CCHC 6 tháng đầu năm 2026 của UBND tỉnh Quảng Ngãi",
                "Kết quả Chỉ số CCHC năm 2025 của tỉnh đạt 86,12 điểm, xếp thứ 18/34 tỉnh, thành phố; Chỉ số SIPAS năm "
                "2025 đạt 83,4%.",
                "UBND tỉnh ban hành Quyết định số 112/QĐ-UBND ngày 20/01/2026 về Kế hoạch CCHC năm 2026 và Công văn số "
                "455/UBND-NC ngày 05/02/2026 về tăng cường kỷ luật, kỷ cương hành chính.",
                "Toàn tỉnh tiếp nhận 245.310 hồ sơ TTHC, trong đó kỳ trước chuyển sang 8.412 hồ sơ, tiếp nhận mới "
                "236.898 hồ sơ; đã giải quyết 230.115 hồ sơ, trong đó đúng hạn 228.907 hồ sơ, quá hạn 1.208 hồ sơ.",
                "Cấp tỉnh tiếp nhận 41.200 hồ sơ, cấp xã tiếp nhận 204.110 hồ sơ.",
                "Soạn cả báo cáo"):
        reply = list(h.chat_turn(assistant, st, msg, today=day))[-1]
        assert "Tôi chưa dùng" not in reply.text and "chưa khớp" not in reply.text, msg
    draft = st.last_draft
    assert draft.meta.period == "6 tháng" and draft.meta.year == 2026
    one, two, four = ("\n".join(p.text for p in draft.section(k).paragraphs) for k in ("I", "II.2", "II.4"))
    assert "Kết quả Chỉ số CCHC năm 2025 của tỉnh đạt 86,12 điểm, xếp thứ 18/34 tỉnh, thành phố." in one
    assert "Chỉ số SIPAS năm 2025 đạt 83,4%." in one
    assert "Quyết định số 112/QĐ-UBND ngày 20/1/2026 về Kế hoạch CCHC năm 2026" in one
    assert "Công văn số 455/UBND-NC ngày 5/2/2026 về tăng cường kỷ luật, kỷ cương hành chính" in four
    assert "tổng số hồ sơ tiếp nhận là 245.310 hồ sơ" in two
    assert "Cấp tỉnh tiếp nhận 41.200 hồ sơ, cấp xã tiếp nhận 204.110 hồ sơ." in two


def test_held_out_seven_a_places_number_a_reminder_an_office_and_no_violation_found():
    """The seventh held-out chat set's first run (79%): "đối thoại với 45 hộ dân tổ dân phố 7" gave 7 dossiers received;
    "2 công chức bị nhắc nhở do …" (no disciplinary measure) was lost; "Văn phòng UBND tỉnh Nghệ An" was read as the
    province; "…, chưa phát hiện sai phạm" after an inspection's count was lost."""
    from drafting.inputs.chat_reader import ChatMeta, meta_dict, read_message, read_place

    r = read_message("Ngày 12/8/2026 Chủ tịch UBND phường đối thoại với 45 hộ dân tổ dân phố 7 về thủ tục đất đai.")
    assert not r.figures and [(f.section, f.kind) for f in r.facts] == [("I", "event")]
    r = read_message("Trong năm có 2 công chức bị nhắc nhở do chậm trả kết quả hồ sơ.")
    assert not r.figures and [(f.section, f.kind) for f in r.facts] == [("II.4", "note")] and not r.unread
    r = read_message("Sở kiểm tra công tác CCHC tại 3 phòng chuyên môn và 5 đơn vị trực thuộc, chưa phát hiện sai phạm.")
    assert [(f.key, f.value) for f in r.figures] == [("chi_dao.co_quan_duoc_kiem_tra", 8)]
    assert [(f.section, f.text) for f in r.facts] == [("I", "Chưa phát hiện sai phạm")]
    assert read_place("Soạn báo cáo CCHC 6 tháng năm 2026 của Văn phòng UBND tỉnh Nghệ An") == (
        "Văn phòng UBND tỉnh Nghệ An", "sở")
    meta = meta_dict(ChatMeta(locality="Văn phòng UBND tỉnh Nghệ An", level="sở"))
    assert (meta["symbol"], meta["parent"], meta["capacity"], meta["signer_title"]) == (
        "BC-VPUBND", "UBND tỉnh Nghệ An", "KT. CHÁNH VĂN PHÒNG", "PHÓ CHÁNH VĂN PHÒNG")
    assert meta_dict(ChatMeta(locality="Ban Quản lý Khu kinh tế tỉnh Quảng Ninh", level="sở"))["capacity"] == "KT. TRƯỞNG BAN"
    # the header names the province once: "UBND TỈNH NGHỆ AN / VĂN PHÒNG", "UBND TỈNH HÀ TĨNH / SỞ TÀI CHÍNH" — a
    # department named in chat printed "SỞ TÀI CHÍNH TỈNH HÀ TĨNH" under its province
    from drafting.models import ReportMeta

    def header(unit: str) -> tuple[str, str]:
        d = meta_dict(ChatMeta(locality=unit, level="sở", period="năm", year=2026))
        return ReportMeta(**{k: v for k, v in d.items() if k in ReportMeta.model_fields}).header_lines

    assert header("Văn phòng UBND tỉnh Nghệ An") == ("UBND tỉnh Nghệ An", "Văn phòng")
    assert header("Sở Tài chính tỉnh Hà Tĩnh") == ("UBND tỉnh Hà Tĩnh", "Sở Tài chính")


def test_documents_listed_after_a_semicolon_are_documents_and_items_do_not_repeat_the_verb(assistant):
    """"Xã ban hành Kế hoạch số 05/KH-UBND …, Kế hoạch số 09/KH-UBND …; Quyết định số 20/QĐ-UBND … kiện toàn Ban Chỉ
    đạo CCHC": the decision after the semicolon became an event; the list under "đã ban hành 03 văn bản:" said
    "Ban hành Kế hoạch …" in every item."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    msg = ("Xã ban hành Kế hoạch số 05/KH-UBND ngày 10/01/2027 về CCHC, Kế hoạch số 09/KH-UBND ngày 15/01/2027 về "
           "tuyên truyền CCHC; Quyết định số 20/QĐ-UBND ngày 20/01/2027 kiện toàn Ban Chỉ đạo CCHC.")
    assert [(f.section, f.kind) for f in read_message(msg).facts] == [("I", "document")] * 3
    assert read_message("Quyết định số 20/QĐ-UBND ngày 20/01/2027 kiện toàn Ban Chỉ đạo CCHC.").facts[0].kind == "event"
    st = h.UserState(user="xa-tan-phu")
    for m in ("Soạn báo cáo CCHC quý I năm 2027 của UBND xã Tân Phú, tỉnh Đồng Nai", msg, "Soạn phần chỉ đạo"):
        list(h.chat_turn(assistant, st, m, today=dt.date(2027, 3, 20)))
    texts = [p.text for p in st.last_draft.section("I").paragraphs]
    assert texts[:4] == ["Trong kỳ, Ủy ban nhân dân xã Tân Phú đã ban hành 03 văn bản:",
                         "+ Kế hoạch số 05/KH-UBND ngày 10/1/2027 về CCHC;",
                         "+ Kế hoạch số 09/KH-UBND ngày 15/1/2027 về tuyên truyền CCHC;",
                         "+ Quyết định số 20/QĐ-UBND ngày 20/1/2027 kiện toàn Ban Chỉ đạo CCHC."]


def test_a_task_lists_year_is_not_the_reports_and_appointments_keep_who(assistant):
    """Tried as a new user (Sở Nội vụ Hà Tĩnh, year 2026): "Nhiệm vụ năm 2027: …" turned the report into one of year
    2027 (heading "NĂM 2028"); "Thẩm định 15 đề án vị trí việc làm" was lost; "bổ nhiệm 12 lãnh đạo cấp phòng" became
    "bổ nhiệm 12 người"."""
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="so-noi-vu")
    for msg in ("Soạn báo cáo CCHC năm 2026 của Sở Nội vụ tỉnh Hà Tĩnh",
                "Thẩm định 15 đề án vị trí việc làm; tuyển dụng 35 công chức qua thi tuyển; bổ nhiệm 12 lãnh đạo cấp phòng.",
                "Nhiệm vụ năm 2027: hoàn thành đề án sắp xếp đơn vị sự nghiệp công lập; triển khai phần mềm quản lý hồ sơ "
                "cán bộ.",
                "Soạn cả báo cáo"):
        reply = list(h.chat_turn(assistant, st, msg, today=dt.date(2026, 12, 4)))[-1]
        assert "Tôi chưa dùng" not in reply.text, msg
    draft = st.last_draft
    assert (draft.meta.period, draft.meta.year) == ("năm", 2026)
    assert draft.section("IV").heading.endswith("NĂM 2027")
    four = "\n".join(p.text for p in draft.section("II.4").paragraphs)
    assert "đã bổ nhiệm 12 lãnh đạo cấp phòng" in four and "Thẩm định 15 đề án vị trí việc làm" in four


def test_held_out_eight_counts_said_by_words_a_class_summed_documents_and_the_plans_rest(assistant):
    """Held-out chat set 8, first run 24/30: "tiếp nhận và giải quyết 640 hồ sơ TTHC, 100% đúng hạn" kept only the
    dossiers received; "mở 01 lớp bồi dưỡng … cho 35 cán bộ, công chức" lost its class; "HĐND tỉnh ban hành 9 nghị quyết,
    UBND tỉnh ban hành 21 quyết định quy phạm pháp luật" gave 21 documents directing the reform; "2 nhiệm vụ đang triển
    khai" stood before the progress it finishes; "; nguyên nhân: … hạn chế" became a second limitation. Here in other
    words than the set's."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    said = {f.key: (f.value, f.note) for f in read_message(
        "Quý này phường tiếp nhận, giải quyết 1.208 hồ sơ; 100% hồ sơ được giải quyết đúng và trước hạn.").figures}
    assert {k: v for k, (v, _) in said.items()} == {"tthc.ho_so_tiep_nhan": 1208, "tthc.ho_so_da_giai_quyet": 1208,
                                                   "tthc.ho_so_dung_han_tong": 1208}
    assert said["tthc.ho_so_dung_han_tong"][1].startswith("“100% hồ sơ được giải quyết đúng và trước hạn”")
    # held-out set 7's last miss: the year's plan for controlling procedures is an annual plan of section I
    from drafting.inputs.subject_sections import classify

    plan = read_message("Sở ban hành Kế hoạch số 9/KH-SNV ngày 12/01/2027 về kiểm soát thủ tục hành chính năm 2027.")
    assert [(f.section, f.kind) for f in plan.facts] == [("I", "document")]
    assert classify("Quyết định công bố danh mục TTHC lĩnh vực xây dựng") == (True, "II.2")
    typed = read_message("Xã tiếp nhận 500 hồ sơ, giải quyết 480 hồ sơ, 98% đúng hạn.")  # less than all: noted, not used
    assert "tthc.ho_so_dung_han_tong" not in {f.key for f in typed.figures} and typed.unread[0].quote.startswith("98")
    one_kind = read_message("UBND xã ban hành 3 quyết định, ban hành 2 quyết định quy phạm pháp luật.")
    assert {f.value for f in one_kind.figures if f.key == "the_che.vbqppl_ban_hanh"} != {5}  # one kind: no sum

    st = h.UserState(user="held-out-8")
    for msg in ("Báo cáo CCHC năm 2026 của UBND tỉnh Lai Châu",
                "Năm 2026 tỉnh hoàn thành 31/34 nhiệm vụ của Kế hoạch CCHC; còn 3 nhiệm vụ chưa hoàn thành.",
                "Trong năm HĐND tỉnh ban hành 14 nghị quyết QPPL, UBND tỉnh ban hành 40 quyết định QPPL.",
                "Tỉnh tổ chức 02 lớp bồi dưỡng nghiệp vụ văn thư cho 140 công chức cấp xã.",
                "Tiếp nhận 9.400 hồ sơ, đã giải quyết 9.400 hồ sơ, đúng hạn 9.400 hồ sơ.",
                "Tồn tại: số hóa kết quả giải quyết TTHC chưa đạt yêu cầu; nguyên nhân: máy scan còn hạn chế.",
                "Soạn cả báo cáo"):
        list(h.chat_turn(assistant, st, msg, today=dt.date(2026, 12, 4)))
    draft = st.last_draft
    text = {k: "\n".join(p.text for p in draft.section(k).paragraphs) for k in ("I", "II.1", "II.2", "II.4", "III")}
    assert "đã hoàn thành 31 nhiệm vụ, đạt 91,18% kế hoạch năm; còn 3 nhiệm vụ chưa hoàn thành." in text["I"]
    assert text["I"].count("3 nhiệm vụ chưa hoàn thành") == 1
    assert "ban hành 54 văn bản quy phạm pháp luật (14 nghị quyết của HĐND tỉnh, 40 quyết định của UBND tỉnh)" in text["II.1"]
    assert "văn bản chỉ đạo" not in text["I"]
    assert "02 lớp bồi dưỡng nghiệp vụ văn thư cho 140 công chức cấp xã" in text["II.4"]
    assert "lượt người được bồi dưỡng" not in text["II.4"] and text["II.4"].count("140") == 1
    assert "không có hồ sơ quá hạn" in text["II.2"] and " 0 hồ sơ" not in text["II.2"] and "chiếm 0" not in text["II.2"]
    assert "Số hóa kết quả giải quyết TTHC chưa đạt yêu cầu" in text["III"] and "Nguyên nhân: máy scan còn hạn chế" in text["III"]
    assert text["III"].count("máy scan") == 1


def test_held_out_nine_papers_issued_a_counted_meeting_told_the_rounds_named_and_billions(assistant):
    """Held-out chat set 9, first run 26/27, and reading its drafts as an official would: "cấp 14 giấy chứng nhận đăng
    ký đầu tư … qua dịch vụ công trực tuyến toàn trình" became 14 full-process online services; "Sở tổ chức 2 hội
    nghị tập huấn tuyển sinh …" was drafted "Đã tổ chức 02 hội nghị, cuộc họp về CCHC; nội dung cụ thể: + Sở tổ chức
    hội nghị tập huấn …"; "4 cuộc kiểm tra CCHC tại các tổ dân phố" lost where; "1.250 tỷ đồng" of a city was written
    "1.250.000 triệu đồng". Here in other words than the set's."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    papers = read_message("Trung tâm đã cấp mới 52 giấy phép xây dựng qua dịch vụ công trực tuyến một phần.")
    assert not papers.figures and [(f.section, f.kind) for f in papers.facts] == [("II.2", "event")]
    st = h.UserState(user="held-out-9")
    for msg in ("Báo cáo CCHC 6 tháng năm 2026 của UBND tỉnh Khánh Hòa",
                "UBND tỉnh tổ chức 3 hội nghị quán triệt Nghị quyết của Chính phủ về CCHC.",
                "Tỉnh tổ chức 6 cuộc kiểm tra công tác CCHC tại các sở, ngành.",
                "Giải ngân vốn đầu tư công 3.420 tỷ đồng, kế hoạch vốn năm là 10.500 tỷ đồng.",
                "Soạn cả báo cáo"):
        list(h.chat_turn(assistant, st, msg, today=dt.date(2026, 6, 28)))
    text = {k: "\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("I", "II.5")}
    assert "UBND tỉnh tổ chức 03 hội nghị quán triệt Nghị quyết của Chính phủ về CCHC." in text["I"]
    assert "nội dung cụ thể" not in text["I"]
    assert "đã tổ chức 06 cuộc kiểm tra công tác CCHC tại các sở, ngành" in text["I"]
    assert "3.420 tỷ đồng" in text["II.5"] and "10.500 tỷ đồng" in text["II.5"] and "triệu đồng" not in text["II.5"]
    assert not [f for f in st.last_draft.findings if f.kind == "ungrounded_number"]


def test_where_the_quality_system_is_applied_is_the_officials_not_a_stock_phrase(assistant):
    """Held-out chat set 8, read as an official: "Sở duy trì áp dụng ISO 9001:2015 tại tất cả các phòng, đơn vị" was
    drafted "… trong hoạt động của cơ quan" — where it applies, as the official said it, is kept."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    st = h.UserState(user="iso-where")
    for msg in ("Báo cáo CCHC năm 2026 của Sở Công Thương tỉnh Nghệ An",
                "Sở tiếp tục duy trì áp dụng hệ thống ISO 9001:2015 ở 8 phòng chuyên môn và Văn phòng Sở.",
                "Soạn cả báo cáo"):
        list(h.chat_turn(assistant, st, msg, today=dt.date(2026, 12, 4)))
    six = "\n".join(p.text for p in st.last_draft.section("II.6").paragraphs)
    assert "TCVN ISO 9001:2015 ở 8 phòng chuyên môn và Văn phòng Sở." in six and "trong hoạt động của cơ quan" not in six
    assert not [f for f in st.last_draft.findings if f.kind == "ungrounded_number"]
    said = read_message("Sở tiếp tục duy trì áp dụng hệ thống ISO 9001:2015 ở 8 phòng chuyên môn và Văn phòng Sở.")
    assert not said.unread  # the 8 is where, in the official's words, not a number left unread


def test_held_out_ten_tasks_under_a_period_label_rates_without_base_courses_and_dialogues(assistant):
    """Held-out chat set 10, first run 26/35, and reading its drafts as an official would: "Quý IV: …; kiểm tra CCHC
    tại 4 phòng chuyên môn" put 4 inspected units in this period; "giải quyết xong 1.498, tất cả đúng hạn" lost the
    on-time count; "đạt 41,2% kế hoạch" with no plan given was dropped; "Cử 7 công chức đi bồi dưỡng …" lost its
    course; "01 hội nghị đối thoại …" was written "đã đã tổ chức …" and its count said again in a stock sentence. Here
    in other words than the set's."""
    import datetime as dt

    from drafting import service as h
    from drafting.inputs.chat_reader import read_message

    assert {f.key: f.value for f in read_message("Đã giải quyết 812 hồ sơ, toàn bộ đúng hạn.").figures} == {
        "tthc.ho_so_da_giai_quyet": 812, "tthc.ho_so_dung_han_tong": 812}
    assert [f.noun for f in read_message("to chuc 3 cuoc kiem tra tai 7 xom").figures][-1] == "xóm"
    st = h.UserState(user="held-out-10")
    for msg in ("Báo cáo CCHC 9 tháng năm 2026 của Sở Nội vụ tỉnh Quảng Trị",
                "Thu ngân sách 2.310,5 tỷ đồng, bằng 78% dự toán.",
                "Cử 15 viên chức tham gia bồi dưỡng kỹ năng lãnh đạo cấp phòng.",
                "Tổ chức 01 hội nghị đối thoại với doanh nghiệp về thủ tục đầu tư.",
                "Quý IV: hoàn thành số hóa hồ sơ; kiểm tra CCHC tại 5 đơn vị sự nghiệp.",
                "Soạn cả báo cáo"):
        list(h.chat_turn(assistant, st, msg, today=dt.date(2026, 9, 24)))
    assert "chi_dao.co_quan_duoc_kiem_tra" not in st.chat_values
    text = {k: "\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("I", "II.4", "II.5", "IV")}
    assert "2.310,5 tỷ đồng (bằng 78% dự toán)" in text["II.5"]
    assert "Cử 15 viên chức tham gia bồi dưỡng kỹ năng lãnh đạo cấp phòng." in text["II.4"]
    assert "lượt người" not in text["II.4"]  # the count is said once, in the official's sentence
    assert "đã tổ chức 01 hội nghị đối thoại với doanh nghiệp về thủ tục đầu tư" in text["I"]
    assert "đã đã" not in text["I"] and "Số cuộc đối thoại" not in text["I"]
    assert "Kiểm tra CCHC tại 5 đơn vị sự nghiệp" in text["IV"] and "Hoàn thành số hóa hồ sơ" in text["IV"]
    assert not [f for f in st.last_draft.findings if f.kind == "ungrounded_number"]
    # the base said later: the rate is computed from it and the typed one is no longer written
    for msg in ("Dự toán thu ngân sách năm 2026 là 2.962 tỷ đồng.", "Soạn cả báo cáo"):
        list(h.chat_turn(assistant, st, msg, today=dt.date(2026, 9, 24)))
    five = "\n".join(p.text for p in st.last_draft.section("II.5").paragraphs)
    assert "trên dự toán được giao 2.962 tỷ đồng, bằng 78% dự toán." in five and "(bằng 78% dự toán)" not in five


def test_held_out_eleven_all_online_task_labels_a_department_s_documents_and_one_field_s_dossiers(assistant):
    """Held-out chat set 11, first run 34/36, and reading its drafts as an official would: "tiếp nhận 1.287 hồ sơ,
    toàn bộ qua môi trường mạng" lost the online count; "Quý II: phối hợp …" kept its label under the heading that
    names the quarter; a department "ban hành" legal documents it only drafts; "kỷ luật 1 công chức" and "35 viên chức
    giáo dục" lost the official's nouns; "Hồ sơ lý lịch tư pháp: tiếp nhận 9.614 …" was written as the department's
    total; and from set 10, "Tháng 7 Sở ban hành Kế hoạch …" lost its month, "… 46 người theo Nghị định 178/2024/NĐ-CP"
    its decree. Here in other words than the set's."""
    import datetime as dt

    from drafting.inputs.chat_reader import read_message

    assert {f.key: f.value for f in read_message("Nhận 640 hồ sơ, tất cả đều nộp trực tuyến.").figures} == {
        "tthc.ho_so_tiep_nhan": 640, "tthc.ho_so_truc_tuyen": 640}
    assert [f.noun for f in read_message("tuyển dụng được 6 công chức thông qua thi tuyển").figures] == ["công chức"]
    # one rule for a result against its base, in the target reader and the figure reader alike: a note, no threshold
    said = read_message("Kích hoạt 5.600 tài khoản định danh, bằng 96% chỉ tiêu.")
    assert [f.text for f in said.facts] == ["Tài khoản định danh điện tử đã kích hoạt: bằng 96% chỉ tiêu"]
    assert not said.targets and not said.unread
    st = _chat_all(assistant, "held-out-11", ("Báo cáo CCHC 9 tháng năm 2026 của Sở Xây dựng tỉnh Gia Lai",
                "Sở tham mưu ban hành 5 văn bản QPPL.",
                "Tháng 8 Sở ban hành Kế hoạch số 61/KH-SXD về kiểm tra công tác CCHC.",
                "Lĩnh vực xây dựng: tiếp nhận 730 hồ sơ, giải quyết đúng hạn 730.",
                "Tuyển dụng 4 viên chức kỹ thuật; kỷ luật 2 viên chức.",
                "Đã giải quyết tinh giản 3 người theo Nghị định 67/2025/NĐ-CP.",
                "Quý IV: số hóa hồ sơ cấp phép xây dựng; Sở sẽ kiểm tra 3 phòng chuyên môn.",
                "Soạn cả báo cáo"), dt.date(2026, 9, 24))
    text = {k: "\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("I", "II.1", "II.2", "II.3", "II.4", "IV")}
    assert "Tháng 8, Sở đã ban hành Kế hoạch số 61/KH-SXD về kiểm tra công tác CCHC." in text["I"], text["I"]
    assert "đã tham mưu UBND tỉnh Gia Lai ban hành 05 văn bản quy phạm pháp luật" in text["II.1"], text["II.1"]
    assert "730 hồ sơ (lĩnh vực xây dựng)" in text["II.2"], text["II.2"]
    assert "tuyển dụng 04 viên chức kỹ thuật" in text["II.4"] and "02 viên chức bị xử lý kỷ luật" in text["II.4"]
    assert "Số hóa hồ sơ cấp phép xây dựng" in text["IV"] and "Kiểm tra 3 phòng chuyên môn" in text["IV"], text["IV"]
    assert "Quý IV:" not in text["IV"] and "Sở sẽ" not in text["IV"]
    # the decree a figure was done under stays beside it; one the registry lacks is listed to be checked
    assert "03 người (theo Nghị định 67/2025/NĐ-CP)" in text["II.3"], text["II.3"]
    assert [f.severity for f in st.last_draft.findings if f.kind == "citation" and "67/2025" in f.text] == ["info"]
    assert not [f for f in st.last_draft.findings if f.kind == "ungrounded_number"]


def test_held_out_twelve_an_inspectorate_a_town_s_procedures_tasks_by_commas_and_an_outreach_event_s_count(assistant):
    """Held-out chat set 12, first run 30/35: "Thanh tra tỉnh Quảng Ngãi" was not taken as the unit; "Sở đang giải
    quyết 112 thủ tục hành chính" and "TTHC cấp thị xã 259" were left unread; "đều trước hạn" after the resolved count
    lost the ahead-of-time count; "đẩy mạnh …, tổ chức đối thoại …" was one task; reading its drafts, "xây dựng 4
    chuyên mục tuyên truyền …" was written twice (the event, then a stock count sentence that cut its words) and
    "phát hiện 9 thieu sot" kept the noun without diacritics. Here in other words than the set's."""
    import datetime as dt

    from drafting.inputs.chat_reader import read_message

    r = read_message("Lập báo cáo CCHC quý I năm 2027 của Thanh tra thành phố Cần Thơ")
    assert (r.meta.locality, r.meta.level) == ("Thanh tra thành phố Cần Thơ", "sở")
    assert read_message("Đoàn của Thanh tra tỉnh làm việc với xã về TTHC.").meta.locality is None  # not a request
    from drafting.service.reading import read_header  # a past report's issuer line, in capitals

    header = read_header("THANH TRA TỈNH BẮC NINH | CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nBÁO CÁO\nKết quả CCHC năm 2025")
    assert (header.locality, header.level) == ("Thanh tra tỉnh Bắc Ninh", "sở")
    figures = {f.key: f.value for f in read_message(
        "Chi cục đang giải quyết 47 thủ tục; TTHC cấp quận 180. Nhận 90 hồ sơ, đã giải quyết 90, tất cả trước hạn.").figures}
    assert figures == {"tthc.tthc_tong_so": 47, "tthc.tthc_cap_huyen": 180, "tthc.ho_so_tiep_nhan": 90,
                       "tthc.ho_so_da_giai_quyet": 90, "tthc.ho_so_truoc_han": 90}
    assert {f.key: f.value for f in read_message("Đang giải quyết 12 hồ sơ.").figures} == {"tthc.ho_so_dang_giai_quyet": 12}
    st = _chat_all(assistant, "held-out-12", ("Soạn báo cáo CCHC năm 2026 của UBND xã Đông Hưng",
                "Ngày 15/5/2026, xã phối hợp đài truyền thanh phát 6 chương trình tuyên truyền về dịch vụ công bằng tiếng Khmer và tiếng Việt.",
                "Kiem tra 4 thon; phat hien 5 sai sot, da khac phuc 5",
                "Nhiệm vụ năm 2027: rà soát quy trình nội bộ giải quyết TTHC, tổ chức tập huấn ký số cho công chức, "
                "tập trung giải ngân, phấn đấu đạt 100% kế hoạch vốn.",
                "Soạn cả báo cáo"), dt.date(2026, 12, 10))
    text = {k: "\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("I", "IV")}
    assert "phát {" not in text["I"] and text["I"].count("chương trình tuyên truyền") == 1, text["I"]
    assert "06 chương trình tuyên truyền về dịch vụ công bằng tiếng Khmer và tiếng Việt" in text["I"], text["I"]
    assert "phát hiện 05 sai sót" in text["I"], text["I"]
    tasks = [f.text for f in st.chat_facts if f.kind == "task"]
    assert tasks == ["Rà soát quy trình nội bộ giải quyết TTHC", "Tổ chức tập huấn ký số cho công chức",
                     "Tập trung giải ngân, phấn đấu đạt 100% kế hoạch vốn"], tasks


def test_a_stated_100_percent_must_be_all_not_rounded_up():
    """Review: "Đã giải quyết 1.201 hồ sơ, trong đó trước và đúng hạn 1.198 hồ sơ; tỷ lệ … đạt 100%" passed, since
    99,75% rounds to 100 and the count was taken as its own base. 100% says all, 0% none: they must be exact."""
    from types import SimpleNamespace

    from drafting.figures.vnformat import rate, rate_shown
    from drafting.review.stated import check_stated_figures

    assert not rate_shown(Decimal(100), rate(1198, 1201)) and rate_shown(Decimal(100), rate(1198, 1198))
    assert rate_shown(Decimal("99.8"), rate(1198, 1201)) and not rate_shown(Decimal(0), rate(1, 1201))
    para = SimpleNamespace(index=3, section="II.2", text="Đã giải quyết 1.201 hồ sơ, trong đó trước và đúng hạn 1.198 "
                                                          "hồ sơ; tỷ lệ giải quyết trước và đúng hạn đạt 100%.")
    issues = check_stated_figures([para])
    assert [i.suggestion for i in issues] == ["99,75%"], issues
    para.text = para.text.replace("1.201", "1.198")
    assert not check_stated_figures([para])


def test_a_department_tried_as_a_new_user_half_year_2026(assistant):
    """Tried as a new user would (Sở Công Thương Thái Nguyên, 6 tháng 2026, session 18) and read as an official would:
    "ban hành thêm 6 công văn" after a plan was counted as including the plan; a dated inspection "tại 3 phòng chuyên
    môn và Trung tâm Khuyến công, phát hiện 4 tồn tại" went to section III as the unit's shortcoming and lost the
    centre; "2 nhiệm vụ đang thực hiện trong hạn" became a shortcoming asking for its cause; "đã giải quyết 2.801 hồ sơ
    đúng hạn và trước hạn, không có hồ sơ quá hạn" left the resolved count empty. Here in other words than the trial's."""
    import datetime as dt

    st = _chat_all(assistant, "trial-18", (
        "Báo cáo CCHC 9 tháng năm 2026 của Sở Tư pháp tỉnh Lào Cai",
        "Ngày 20/01/2026 Sở ban hành Kế hoạch số 11/KH-STP về CCHC năm 2026. Sở ban hành thêm 4 công văn đôn đốc về CCHC.",
        "Tháng 6 Sở kiểm tra CCHC tại 2 phòng chuyên môn và Trung tâm Trợ giúp pháp lý, phát hiện 3 tồn tại về niêm yết "
        "TTHC, đã khắc phục 2.",
        "Nhiệm vụ UBND tỉnh giao 8, hoàn thành đúng hạn 7, 1 nhiệm vụ chưa đến hạn.",
        "Tiếp nhận 930 hồ sơ; đã giải quyết 901 hồ sơ trước và đúng hạn, không có hồ sơ trễ hạn; 29 hồ sơ đang giải quyết.",
        "Soạn cả báo cáo"), dt.date(2026, 9, 25))
    text = {k: "\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("I", "II.2", "III")}
    assert "đã ban hành 05 văn bản chỉ đạo" in text["I"], text["I"]
    assert "đã kiểm tra 02 phòng chuyên môn và Trung tâm Trợ giúp pháp lý" in text["I"], text["I"]
    assert "01 nhiệm vụ đang thực hiện trong thời hạn" in text["I"], text["I"]
    assert "Đã giải quyết 901 hồ sơ" in text["II.2"], text["II.2"]
    assert "tồn tại về niêm yết" not in text["III"] and "nhiệm vụ cấp trên giao chưa hoàn thành" not in text["III"], text["III"]


def test_a_cause_said_right_after_late_in_one_word_is_the_late_dossiers_cause(assistant):
    """"Quá hạn do hồ sơ đất đai phải đo đạc lại, …" (session 18, a commune's half year) was written as a limitation of
    its own, "Quá hạn do …", with a request for its cause: the cause split only after eight letters."""
    import datetime as dt

    st = _chat_all(assistant, "cause-18", (
        "Báo cáo CCHC 6 tháng năm 2026 của xã Hòa Bình, tỉnh Vĩnh Long",
        "Tiếp nhận 700 hồ sơ, đã giải quyết 680, quá hạn 5 hồ sơ, đang giải quyết 20.",
        "Trễ hạn vì thiếu công chức địa chính.", "Soạn phần đánh giá chung"), dt.date(2026, 6, 20))
    three = "\n".join(p.text for p in st.last_draft.section("III").paragraphs)
    assert "- Còn 05 hồ sơ giải quyết quá hạn." in three and "Nguyên nhân: thiếu công chức địa chính." in three, three
    assert "Trễ hạn vì" not in three


def test_a_departments_part_asked_with_the_reports_title_and_the_provinces_money(assistant):
    """"Soạn phần cải cách tài chính công báo cáo CCHC 9 tháng … của Sở Tài chính …" drafted the whole report; and the
    province's public investment in a department's report read as the department's own (session 18)."""
    import datetime as dt

    from drafting.service.intents import classify

    assert classify("Viết phần đánh giá chung của báo cáo CCHC năm 2026 của xã Tân Phú", names_report=True).sections == ["III"]
    assert classify("Báo cáo CCHC năm 2026 của Sở Tài chính tỉnh Đắk Lắk", names_report=True).whole
    st = _chat_all(assistant, "scope-18", (
        "Soạn phần cải cách tài chính công báo cáo CCHC 6 tháng năm 2026 của Sở Tài chính tỉnh Đắk Lắk",
        "Giải ngân vốn đầu tư công toàn tỉnh đạt 2.150 tỷ đồng trên kế hoạch 6.400 tỷ đồng."), dt.date(2026, 6, 20))
    assert [s.key for s in st.last_draft.sections] == ["II.5"]
    five = "\n".join(p.text for p in st.last_draft.section("II.5").paragraphs)
    assert "Giải ngân vốn đầu tư công toàn tỉnh đạt" in five, five


def test_a_ward_typed_without_diacritics_its_plans_rest_and_where_its_late_dossiers_were(assistant):
    """Tried as a new user (a ward's year 2026 typed without diacritics, session 18): the ward was written "phường Le
    Chan"; "…, 1 nhiem vu chuyen sang nam 2027 do chua co huong dan cua cap tren" was lost (and its 2027 could become
    the report's year); "Ho so qua han chu yeu linh vuc dat dai do …" lost the count of late dossiers. Here in other
    words: a commune of An Giang."""
    import datetime as dt

    st = _chat_all(assistant, "ward-18", (
        "soan bao cao cchc nam 2026 cua xa My Hoa Hung, tinh An Giang",
        "ke hoach CCHC nam co 24 nhiem vu, da hoan thanh 22 nhiem vu, 2 nhiem vu chuyen sang nam 2027 do chua bo tri duoc kinh phi",
        "tiep nhan 2.100 ho so, da giai quyet 2.080, qua han 9 ho so, dang giai quyet 20. Ho so qua han phan lon thuoc linh "
        "vuc dat dai do phai do dac lai.",
        "soan ca bao cao"), dt.date(2026, 12, 16))
    draft = st.last_draft
    assert draft.meta.year == 2026 and "Mỹ Hòa Hưng" in draft.meta.issuer, draft.meta
    one = "\n".join(p.text for p in draft.section("I").paragraphs)
    assert "đã hoàn thành 22 nhiệm vụ" in one and "2 nhiem vu chuyen sang nam 2027 do chua bo tri duoc kinh phi" in one, one
    three = "\n".join(p.text for p in draft.section("III").paragraphs)
    assert "- Còn 09 hồ sơ giải quyết quá hạn, phan lon thuoc linh vuc dat dai." in three, three
    assert "Nguyên nhân: phai do dac lai." in three, three


def test_a_district_year_2024_documents_besides_a_plan_levels_of_a_total_and_late_ones_where(assistant):
    """Tried as a new user (huyện Mường Nhé, year 2024, session 18): "ban hành Kế hoạch số 45/KH-UBND … và 14 văn bản
    chỉ đạo khác" lost the plan and counted 14; "tiếp nhận 21.640 hồ sơ, trong đó cấp huyện 5.210 hồ sơ, cấp xã 16.430
    hồ sơ" left the levels unread; "Quá hạn tập trung ở lĩnh vực đất đai …" lost the count. Here in other words."""
    import datetime as dt

    st = _chat_all(assistant, "district-18", (
        "Báo cáo CCHC năm 2024 của UBND huyện Tủa Chùa, tỉnh Điện Biên",
        "Năm 2024 huyện ban hành Quyết định số 12/QĐ-UBND ngày 10/01/2024 về kế hoạch CCHC và 6 văn bản khác.",
        "Toàn huyện tiếp nhận 9.000 hồ sơ, trong đó cấp huyện 3.000 hồ sơ, cấp xã 6.000 hồ sơ; đã giải quyết 8.900 hồ sơ, "
        "quá hạn 40 hồ sơ; đang giải quyết 100 hồ sơ.",
        "Quá hạn chủ yếu ở lĩnh vực đất đai, do thiếu công chức địa chính.",
        "Soạn cả báo cáo"), dt.date(2025, 1, 6))
    text = {k: "\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("I", "II.2", "III")}
    assert "đã ban hành 07 văn bản chỉ đạo" in text["I"] and "Quyết định số 12/QĐ-UBND" in text["I"], text["I"]
    assert "tổng số hồ sơ tiếp nhận là 9.000 hồ sơ (cấp huyện 3.000 hồ sơ, cấp xã 6.000 hồ sơ)" in text["II.2"], text["II.2"]
    assert "- Còn 40 hồ sơ giải quyết quá hạn, chủ yếu ở lĩnh vực đất đai." in text["III"], text["III"]
    assert "Nguyên nhân: thiếu công chức địa chính." in text["III"], text["III"]


def test_a_new_users_ward_nine_months_an_event_named_after_another_period(assistant):
    """Tried as a new user (session 19, a ward of Thành phố Hồ Chí Minh): "…; tổ chức 01 (một) hội nghị sơ kết 6 tháng"
    turned the 9-month report into a 6-month one (the quarter-IV tasks then became things done), the meeting was lost
    to the number in words, and the ward's dialogue "02 hội nghị đối thoại" was written "02 01 hội nghị đối thoại" — the
    meeting count put in the dialogue's sentence. Words here are not the trial's."""
    import datetime as dt

    st = _chat_all(assistant, "ward-9m", ("Báo cáo cải cách hành chính 9 tháng năm 2026 của UBND phường Bình Thạnh, Thành phố Hồ Chí Minh.",
                "9 tháng năm 2026 phường ban hành 06 kế hoạch về CCHC; tổ chức 01 (một) hội nghị sơ kết quý I.",
                "Phường tổ chức 03 hội nghị đối thoại với hộ kinh doanh về thủ tục cấp phép.",
                "Quý IV: rà soát quy trình nội bộ lĩnh vực hộ tịch.",
                "Soạn cả báo cáo"), dt.date(2026, 9, 28))
    draft = st.last_draft
    assert (draft.meta.period, draft.meta.year) == ("9 tháng", 2026)
    text = {k: "\n".join(p.text for p in draft.section(k).paragraphs) for k in ("I", "IV", "V")}
    # the ward's body above, named after it, is whom the proposals address — not "Ủy ban nhân dân tỉnh"
    assert draft.meta.parent == "UBND Thành phố Hồ Chí Minh" and "UBND Thành phố Hồ Chí Minh" in text["V"], text["V"]
    assert "01 hội nghị sơ kết quý I" in text["I"] and "(một)" not in text["I"], text["I"]
    assert "03 hội nghị đối thoại" in text["I"] and "03 01" not in text["I"], text["I"]
    assert "Rà soát quy trình nội bộ lĩnh vực hộ tịch" in text["IV"], text["IV"]


def test_the_body_above_a_commune_or_district_as_the_official_names_it():
    from drafting.inputs.unit_names import read_parent, read_place

    def parent(text):
        return read_parent(text, *read_place(text, request=True))
    assert parent("Soạn báo cáo quý I/2027 của xã Mường Nhé, tỉnh Điện Biên") == "UBND tỉnh Điện Biên"
    assert parent("Báo cáo 6 tháng năm 2025 của xã Đông La, huyện Hoài Đức, thành phố Hà Nội") == "UBND huyện Hoài Đức"
    assert parent("bao cao nam 2026 cua xa Ea Kar tinh Dak Lak") == ""  # no capitals typed: no name to trust
    assert parent("Báo cáo 9 tháng của phường Hải Châu") == ""
    assert parent("Báo cáo của Sở Y tế tỉnh Nghệ An") == ""  # a department's body above is read with its name


def test_a_departments_year_its_own_name_in_data_and_the_plans_rest_told_alone(assistant):
    """Tried as a new user (session 19, the Sở Nội vụ of Hà Tĩnh): "Năm 2026 Sở Nội vụ tham mưu …" in a data message
    was read as another unit, "Sở Nội" (its capitals only), which renamed the report and would have cleared what was
    held; and "2 nhiệm vụ chưa hoàn thành là …, do chờ hướng dẫn …" after the plan's 42 and 40 became two tasks set
    from above, its tasks and cause lost. Words here are not the trial's."""
    import datetime as dt

    st = _chat_all(assistant, "so-noi-vu", ("Soạn báo cáo kết quả CCHC năm 2026 của Sở Tư pháp tỉnh Quảng Bình",
                "Sở ban hành 05 văn bản chỉ đạo về CCHC.",
                "Sở Tư pháp tham mưu UBND tỉnh ban hành Kế hoạch CCHC năm 2026 gồm 30 nhiệm vụ, đã hoàn thành 27 nhiệm vụ.",
                "3 nhiệm vụ chưa hoàn thành gồm số hóa sổ hộ tịch và hai đề án về trợ giúp pháp lý, do chưa bố trí được kinh phí.",
                "Soạn cả báo cáo"), dt.date(2026, 12, 18))
    draft = st.last_draft
    assert draft.meta.locality == "Sở Tư pháp tỉnh Quảng Bình"
    text = {k: "\n".join(p.text for p in draft.section(k).paragraphs) for k in ("I", "III")}
    assert "05 văn bản" in text["I"] and "đạt 90% kế hoạch" in text["I"], text["I"]
    assert "3 nhiệm vụ chưa hoàn thành gồm số hóa sổ hộ tịch" in text["I"] and "chưa bố trí được kinh phí" in text["I"]
    assert "cấp trên giao" not in text["I"] + text["III"], text["III"]


def test_all_resolved_ahead_of_time_and_a_basis_said_before_its_count(assistant):
    """Gaps noted in earlier sessions: "Đã giải quyết 146 hồ sơ, trong đó trước hạn 146 hồ sơ" gave no on-time rate
    (every one early is all on time, none late — computed in code); "Hợp đồng lao động theo Nghị định 111/2022/NĐ-CP:
    3 người" lost the decree it was said under. Words here are not the trial's."""
    import datetime as dt

    st = _chat_all(assistant, "all-early", ("Soạn báo cáo CCHC 6 tháng năm 2027 của xã Phú Mỹ, tỉnh Gia Lai",
                "6 tháng xã đã giải quyết 388 hồ sơ, trong đó giải quyết trước hạn 388 hồ sơ; đang giải quyết 9 hồ sơ.",
                "Số người làm việc theo Nghị định 111/2022/NĐ-CP là 5 người.",
                "Soạn cả báo cáo"), dt.date(2027, 6, 18))
    text = {k: "\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("II.2", "II.3")}
    assert "trước hạn 388 hồ sơ; tỷ lệ giải quyết trước và đúng hạn đạt 100%; không có hồ sơ quá hạn" in text["II.2"], text
    assert "(theo Nghị định 111/2022/NĐ-CP)" in text["II.3"], text["II.3"]


def test_activities_after_the_data_cut_off_are_noted_not_dropped(assistant):
    """A year report (window 15/12/2024–14/12/2025, dated 18/12/2025): what happened after 14/12 is written as the
    official said it but noted; a month said alone counts from its first day; tasks ahead may carry any date."""
    data = load_figures_file(CASES / "tinh-lam-dong-nam-2025.yaml")
    extra, issues = parse_facts([
        {"section": "I", "kind": "event", "text": "Ngày 16/12/2025, tổ chức Hội nghị tổng kết công tác CCHC năm 2025"},
        {"section": "I", "kind": "document", "number": "301/KH-UBND",
         "text": "Kế hoạch số 301/KH-UBND ngày 22/12/2025 về CCHC năm 2026"},
        {"section": "II.2", "kind": "event", "text": "Tháng 11 kiểm tra việc giải quyết TTHC tại 5 xã"},
        {"section": "IV", "kind": "task", "text": "Ngày 15/01/2026 sơ kết quý I"}])
    assert not issues
    draft = assistant.draft_input(data.model_copy(update={"facts": [*data.facts, *extra]}))
    found = [f for f in draft.findings if "sau ngày" in f.message]
    notes = [f.message for f in found]
    assert [f.severity for f in found] == ["info", "warning"], notes
    assert "16/12/2025, sau ngày chốt số liệu 14/12/2025 của kỳ năm 2025" in notes[0]
    assert "22/12/2025, sau ngày báo cáo 18/12/2025" in notes[1] and "kiểm tra lại ngày" in notes[1]
    text = draft.full_text()
    assert "Hội nghị tổng kết công tác CCHC năm 2025" in text and "301/KH-UBND" in text  # written, not dropped


def test_when_an_inspection_or_outreach_happened_is_kept_beside_its_count(assistant):
    """Tried as a new user: "Tháng 3 xã kiểm tra CCHC tại 4 ấp" was drafted "đã kiểm tra 04 ấp" — the month lost. The
    time said at the head of such a sentence is the official's note on its first count, said in brackets after it."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Tháng 3 xã kiểm tra CCHC tại 4 ấp, phát hiện 2 tồn tại. Trong tháng 2 xã đăng 12 tin bài về CCHC. "
                     "Ngày 20/3 xã tổ chức hội nghị sơ kết quý I.")
    notes = [(f.figure, f.text.split(": ")[-1]) for f in r.facts if f.kind == "note"]
    assert notes == [("chi_dao.co_quan_duoc_kiem_tra", "tháng 3"), ("chi_dao.tin_bai", "trong tháng 2")]
    assert [f.kind for f in r.facts if f.kind != "note"] == ["event"]  # the dated meeting is a fact of its own
    assert not [f for f in read_message("Xã kiểm tra CCHC tại 4 ấp.").facts if f.kind == "note"]
    import datetime as dt
    st = _chat_all(assistant, "when-said", ("Tôi cần soạn báo cáo CCHC quý I năm 2026 của UBND xã Tân Phú, tỉnh Đồng Nai.",
                                            "Tháng 3 xã kiểm tra CCHC tại 4 ấp, phát hiện 2 tồn tại về niêm yết TTHC."),
                   dt.date(2026, 3, 18))
    body = st.last_draft.full_text()
    assert "kiểm tra CCHC: trong tháng 3, đã kiểm tra 04 ấp; qua kiểm tra phát hiện 02 tồn tại về niêm yết TTHC." in body, body


def test_a_department_of_health_tried_as_a_new_user_quarter_2027(assistant):
    """Tried as a new user (Sở Y tế Lạng Sơn, quý I/2027, session 21) and read as an official would: "(kỳ trước chuyển
    sang 54, mới 1.332, …)" left the new dossiers unread; "4 bệnh viện tự bảo đảm chi thường xuyên" was dropped with
    section II.5 left asking; "100% bệnh viện … triển khai bệnh án điện tử" sat among section I's activities; "khoảng
    900 lượt người" was drafted as exactly 900; "niêm yết, công khai TTHC" lost its second half; "Sở Y tế Lạng Sơn"
    lost its province (header "SỞ Y TẾ" alone, place "……"). Here in other words."""
    import datetime as dt

    st = _chat_all(assistant, "trial-21", (
        "Tôi ở Sở Giáo dục và Đào tạo Cao Bằng, cần báo cáo CCHC quý I năm 2027",
        "Tiếp nhận 640 hồ sơ (năm trước chuyển sang 12, mới 628); đã giải quyết 600 hồ sơ, đúng hạn 600.",
        "3 trường THPT tự bảo đảm chi thường xuyên theo Nghị định 60/2021/NĐ-CP.",
        "100% trường học triển khai học bạ số và thanh toán không dùng tiền mặt.",
        "Sở tổ chức 4 buổi tuyên truyền cho gần 500 lượt phụ huynh.",
        "Sở kiểm tra CCHC tại 5 trường, phát hiện 3 tồn tại về niêm yết, công khai TTHC, đã khắc phục 2.",
        "Soạn cả báo cáo"), dt.date(2027, 3, 18))
    assert st.chat_values["tthc.ho_so_moi"].value == 628
    # the province said without its word is the department's province (header "UBND TỈNH CAO BẰNG", place "Cao Bằng")
    assert st.chat_meta["locality"] == "Sở Giáo dục và Đào tạo tỉnh Cao Bằng"
    text = {k: "\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("I", "II.5", "II.6")}
    assert "3 trường THPT tự bảo đảm chi thường xuyên theo Nghị định 60/2021/NĐ-CP." in text["II.5"], text["II.5"]
    assert "thanh toán không dùng tiền mặt" in text["II.6"] and "thanh toán không dùng tiền mặt" not in text["I"]
    assert "04 buổi tuyên truyền trực tiếp với khoảng 500 lượt người" in text["I"], text["I"]
    from drafting.render.closing import appendix_table  # the appendix says it is an estimate too

    assert ["khoảng 500"] == [v[3] for kind, v in appendix_table(st.last_draft).rows
                              if kind == "figure" and v[1] == "Lượt người tham gia tuyên truyền"]
    assert "phát hiện 03 tồn tại về niêm yết, công khai TTHC" in text["I"], text["I"]


def test_a_month_said_without_its_year_is_the_windows():
    """December in a quý I report is last year's, inside the window (15/12–14/3); April is after the report's date."""
    import datetime as dt

    from drafting.chain.input_checks import after_cutoff
    from drafting.figures.facts import Fact
    from drafting.models import ReportMeta

    meta = ReportMeta(issuer="UBND xã A", level="xã", locality="xã A", place="A", period="quý I", year=2027,
                      date=dt.date(2027, 3, 18))
    found = after_cutoff(meta, [Fact(section="I", kind="event", text="Tháng 12 xã tổ chức hội nghị triển khai kế hoạch"),
                                Fact(section="I", kind="event", text="Tháng 4 xã tổ chức hội nghị sơ kết quý I"),
                                Fact(section="IV", kind="task", text="Tháng 4 tổ chức hội nghị sơ kết quý I")])
    assert [(f.severity, f.message.split("»")[0]) for f in found] == [("warning", "«Tháng 4 xã tổ chức hội nghị sơ kết quý I")]


def test_a_mountain_commune_year_report_tried_as_an_official_reads_it(assistant, tmp_path):
    """Held-out substance set xa-nam-nhun-nam-2026 (session 22), read as an official would: outreach at "chợ phiên"
    was listed among the conferences ("phiên" taken for a meeting's session), one conference told of four counted was
    "nội dung cụ thể" of all four, staff trained said twice (the figure's sentence and the official's note), "không có
    trường hợp bị xử lý kỷ luật" named nobody. Here in other words, a ward's quarter."""
    from drafting.inputs.files import load_figures_file

    path = tmp_path / "phuong.yaml"
    path.write_text("""
meta: {issuer: Ủy ban nhân dân phường Tân An, parent: UBND tỉnh Đắk Lắk, level: xã, locality: phường Tân An,
       period: quý I, year: 2027, symbol: BC-UBND, place: Tân An, date: 2027-03-16, signer_title: CHỦ TỊCH}
figures:
  chi_dao: {hoi_nghi: 3, tin_bai: 8}
  cong_vu: {boi_duong: 12, ky_luat: 0}
facts:
  - {section: I, kind: event, text: "Hội nghị triển khai nhiệm vụ CCHC năm 2027"}
  - {section: I, kind: event, text: "Tuyên truyền về dịch vụ công trực tuyến tại phiên chợ Tân An"}
  - {section: I, kind: event, text: "Ngày 20/12 phường kiểm tra việc niêm yết TTHC"}
  - {section: II.4, kind: note, text: "Cử 12 công chức dự lớp bồi dưỡng kỹ năng số của tỉnh"}
""", encoding="utf-8")
    draft = assistant.draft_input(load_figures_file(path))
    text = {k: "\n".join(p.text for p in draft.section(k).paragraphs) for k in ("I", "II.4")}
    assert "Đã tổ chức 03 hội nghị, cuộc họp về CCHC, trong đó:\n+ Hội nghị triển khai nhiệm vụ CCHC năm 2027." in text["I"]
    assert ("Về công tác thông tin, tuyên truyền CCHC: đăng tải 08 tin, bài về CCHC; tuyên truyền về dịch vụ công trực "
            "tuyến tại phiên chợ Tân An.") in text["I"], text["I"]
    # a day said without its year is the window's (15/12/2026–14/3/2027): December is last year's
    assert "Ngày 20/12/2026, phường kiểm tra việc niêm yết TTHC." in text["I"], text["I"]
    assert "trong kỳ không có cán bộ, công chức, viên chức bị xử lý kỷ luật" in text["II.4"]
    assert text["II.4"].count("12") == 1 and "Cử 12 công chức dự lớp bồi dưỡng kỹ năng số của tỉnh." in text["II.4"]


def test_a_chat_of_a_public_service_centre_and_a_school_department(assistant):
    """Chat held-out set 14 (session 22): "Trung tâm Phục vụ hành chính công tỉnh Bắc Ninh" was read as the province;
    "tập huấn chuyển đổi số cho hơn 300 cán bộ" went under II.6 and was drafted "cho hơn khoảng 300"; "Còn hạn chế:"
    kept its label in the shortcoming. Here in other words."""
    import datetime as dt

    st = _chat_all(assistant, "trial-22", (
        "Báo cáo CCHC quý I năm 2027 của Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh",
        "Tháng 2 Trung tâm tổ chức 1 lớp tập huấn kỹ năng giao tiếp cho gần 40 công chức.",
        "Còn tồn tại: máy lấy số tự động hay hỏng do thiết bị đã cũ.",
        "Soạn cả báo cáo"), dt.date(2027, 3, 17))
    assert st.chat_meta["locality"] == "Trung tâm Phục vụ hành chính công tỉnh Quảng Ninh"
    text = {k: "\n".join(p.text for p in st.last_draft.section(k).paragraphs) for k in ("II.4", "III")}
    assert "cho gần 40 công chức" in text["II.4"] and "khoảng" not in text["II.4"], text["II.4"]
    assert "- Máy lấy số tự động hay hỏng." in text["III"] and "Nguyên nhân: thiết bị đã cũ." in text["III"], text["III"]


def test_a_special_zones_dialogues_under_their_count_and_a_figure_told_in_the_officials_words(assistant):
    """Substance set Côn Đảo (session 23, first run 16/16 facts, 0 unsupported, read as an official): a dialogue told
    with its day ("Chủ tịch UBND đặc khu đối thoại với hộ kinh doanh …") was written "Ngày 17/4/2026, chủ tịch …"
    (title lower-cased) and its count said again in a stock sentence; "tiếp nhận … không phụ thuộc địa giới hành
    chính đối với 46 thủ tục" was followed by "Số TTHC tiếp nhận không phụ thuộc địa giới hành chính là 46 thủ tục";
    «Nơi nhận» offered "HĐND xã" to a special zone. Here a ward, in other words."""
    import datetime as dt

    from drafting.figures.nd30 import usual_recipients

    text = ("meta: {issuer: Ủy ban nhân dân phường Thuận Hóa, parent: UBND thành phố Huế, level: xã, locality: phường"
            " Thuận Hóa, period: 9 tháng, year: 2026, date: 2026-09-18, place: Huế, symbol: BC-UBND}\n"
            "figures: {chi_dao.doi_thoai: 3, tthc.tthc_phi_dia_gioi: 38}\n"
            "facts:\n"
            "  - {section: I, kind: event, text: 'Bí thư Đảng ủy, Chủ tịch UBND phường đối thoại với tiểu thương chợ"
            " Đông Ba về sắp xếp quầy sạp', date: 2026-08-21}\n"
            "  - {section: I, kind: event, text: 'Đối thoại với đoàn viên thanh niên về khởi nghiệp'}\n"
            "  - {section: II.2, kind: note, text: 'Thực hiện tiếp nhận không phụ thuộc địa giới hành chính 38 thủ tục"
            " thuộc lĩnh vực hộ tịch, chứng thực'}\n")
    draft = assistant.draft_input(load_figures_bytes(text.encode(), "so-lieu.yaml"))
    one, two = ("\n".join(p.text for p in draft.section(k).paragraphs) for k in ("I", "II.2"))
    assert ("Đã tổ chức 03 cuộc đối thoại của lãnh đạo với người dân, doanh nghiệp, trong đó:\n+ Ngày 21/8/2026, Bí thư "
            "Đảng ủy, Chủ tịch UBND phường đối thoại với tiểu thương chợ Đông Ba về sắp xếp quầy sạp;\n+ Đối thoại với "
            "đoàn viên thanh niên về khởi nghiệp.") in one, one
    assert "Số cuộc đối thoại" not in one
    assert two.count("38") == 1 and "không phụ thuộc địa giới hành chính 38 thủ tục thuộc lĩnh vực hộ tịch" in two, two
    assert "tthc.tthc_phi_dia_gioi" in next(p.sources for p in draft.section("II.2").paragraphs if "38" in p.text)
    # a figure whose value the official's sentence tells with other words around it is still said on its own
    other = text.replace("Thực hiện tiếp nhận không phụ thuộc địa giới hành chính 38", "Niêm yết công khai 38")
    two = "\n".join(p.text for p in assistant.draft_input(load_figures_bytes(other.encode(), "x.yaml")).section("II.2").paragraphs)
    assert "Số TTHC tiếp nhận không phụ thuộc địa giới hành chính là 38 thủ tục." in two, two
    day = dt.date(2026, 9, 18)
    assert usual_recipients("xã", "", day, "phường Thuận Hóa")[-2:] == ["Thường trực HĐND phường", "Chủ tịch, các PCT UBND phường"]
    assert usual_recipients("tỉnh", "", day, "thành phố Huế")[-3:] == [
        "Thường trực Thành ủy", "Thường trực HĐND Thành phố", "Chủ tịch, các PCT UBND Thành phố"]


def test_procedures_announced_are_said_without_an_agent(assistant):
    """Chat set 15: "Tham mưu Chủ tịch UBND tỉnh công bố 12 TTHC sửa đổi, bổ sung" of a department was drafted
    "trong kỳ đã sửa đổi, bổ sung 12 thủ tục" — as if the department amended them. The province's chairman announces;
    the draft says what was announced, not who did it."""
    text = ("meta: {issuer: Sở Y tế, parent: UBND tỉnh Hà Tĩnh, level: sở, locality: Sở Y tế tỉnh Hà Tĩnh,"
            " period: 6 tháng, year: 2026, date: 2026-06-16, place: Hà Tĩnh, symbol: BC-SYT}\n"
            "figures: {tthc.tthc_cong_bo_moi: 4, tthc.tthc_bai_bo: 2}\n")
    two = "\n".join(p.text for p in assistant.draft_input(load_figures_bytes(text.encode(), "x.yaml")).section("II.2").paragraphs)
    assert "Về công bố, công khai TTHC: trong kỳ có 04 thủ tục được công bố mới; 02 thủ tục bị bãi bỏ, thay thế." in two, two


def test_a_progress_said_of_one_figure_follows_the_sentence_that_states_it(assistant):
    """Substance set Nậm Nhùn: "Số hồ sơ trực tuyến tăng gần gấp đôi so với năm 2025" stood at the end of II.2, after
    the complaints and far from the online figures it speaks of. Here a ward, in other words."""
    text = ("meta: {issuer: Ủy ban nhân dân phường Vĩnh Hải, parent: UBND tỉnh Khánh Hòa, level: xã, locality: phường"
            " Vĩnh Hải, period: 6 tháng, year: 2026, date: 2026-06-16, place: Nha Trang, symbol: BC-UBND}\n"
            "figures: {tthc.ho_so_truc_tuyen: 1800, tthc.ho_so_truc_tiep: 700, tthc.ho_so_da_giai_quyet: 2450,"
            " tthc.ho_so_dung_han_tong: 2440, tthc.pakn_tiep_nhan: 3, tthc.pakn_da_xu_ly: 3}\n"
            "facts:\n"
            "  - {section: II.2, kind: progress, text: 'Tỷ lệ nộp hồ sơ trực tuyến tăng rõ rệt nhờ tổ công nghệ số ở khu phố'}\n"
            "  - {section: II.2, kind: note, text: 'Bộ phận Một cửa được bố trí thêm máy lấy số tự động'}\n")
    paras = [p.text for p in assistant.draft_input(load_figures_bytes(text.encode(), "x.yaml")).section("II.2").paragraphs]
    online = next(i for i, t in enumerate(paras) if t.startswith("Về dịch vụ công trực tuyến"))
    assert paras[online + 1].startswith("Tỷ lệ nộp hồ sơ trực tuyến tăng rõ rệt"), paras
    assert paras[-1].startswith("Bộ phận Một cửa được bố trí thêm"), paras  # a note of no figure stays with the facts


def test_a_progress_of_a_rate_follows_the_sentence_that_states_the_rate(assistant):
    """Substance set Quảng Hòa: "Tỷ lệ hồ sơ trực tuyến vượt chỉ tiêu của tỉnh" stood after the receipts' sentence,
    whose "hồ sơ" said five times outweighed the online rate's sentence, before the rate was said. Pairs now count once
    each, and a progress of a rate goes with a sentence that states a rate. Here a department, in other words."""
    text = ("meta: {issuer: Sở Xây dựng tỉnh Sơn La, parent: UBND tỉnh Sơn La, level: sở, locality: Sở Xây dựng,"
            " period: 9 tháng, year: 2026, date: 2026-09-18, place: Sơn La, symbol: BC-SXD}\n"
            "figures: {tthc.ho_so_ky_truoc: 40, tthc.ho_so_truc_tuyen: 2100, tthc.ho_so_truc_tiep: 300,"
            " tthc.ho_so_buu_chinh: 20, tthc.ho_so_da_giai_quyet: 2380, tthc.ho_so_dung_han_tong: 2371,"
            " tthc.pakn_tiep_nhan: 4, tthc.pakn_da_xu_ly: 4}\n"
            "facts:\n"
            "  - {section: II.2, kind: progress, text: 'Tỷ lệ hồ sơ trực tuyến vượt chỉ tiêu UBND tỉnh giao'}\n")
    paras = [p.text for p in assistant.draft_input(load_figures_bytes(text.encode(), "x.yaml")).section("II.2").paragraphs]
    online = next(i for i, t in enumerate(paras) if t.startswith("Về dịch vụ công trực tuyến"))
    assert paras[online + 1].startswith("Tỷ lệ hồ sơ trực tuyến vượt chỉ tiêu"), paras


def test_a_meeting_on_another_field_is_not_listed_as_a_reform_meetings_content(assistant):
    """Tried in the app (session 31): "1 hội nghị triển khai nhiệm vụ CCHC năm 2027 và 1 hội nghị về xây dựng nông thôn
    mới" drafted "Đã tổ chức 01 hội nghị, cuộc họp về CCHC; nội dung cụ thể:" over both — two contents of one meeting.
    A meeting on another field is told apart, after the reform's. Here a ward's words."""
    text = ("meta: {issuer: Ủy ban nhân dân phường Tân An, parent: UBND tỉnh Đắk Lắk, level: xã, locality: phường Tân An,"
            " period: quý I, year: 2027, date: 2027-03-16, place: Tân An, symbol: BC-UBND}\n"
            "figures: {chi_dao.hoi_nghi: 2}\n"
            "facts:\n"
            "  - {section: I, kind: event, text: 'Hội nghị triển khai nhiệm vụ CCHC năm 2027'}\n"
            "  - {section: I, kind: event, text: 'Cuộc họp giao ban về CCHC tháng 2'}\n"
            "  - {section: I, kind: event, text: 'Hội nghị triển khai công tác quốc phòng, quân sự địa phương năm 2027'}\n")
    paras = assistant.draft_input(load_figures_bytes(text.encode(), "x.yaml")).section("I").paragraphs
    lead = next(i for i, p in enumerate(paras) if p.text.startswith("Đã tổ chức 02 hội nghị"))
    listed = [p.text for p in paras[lead + 1:] if p.style == "bullet"]
    assert len(listed) == 2 and all("CCHC" in t for t in listed), [p.text for p in paras]
    apart = next(p for p in paras if "quốc phòng" in p.text)
    assert apart.style != "bullet" and paras.index(apart) > lead, [p.text for p in paras]


def test_tasks_given_from_above_not_done_said_by_the_official_are_not_said_twice(assistant):
    """Drafting a Ban Quản lý's nine months (session 24): the figure "1 nhiệm vụ cấp trên giao chưa hoàn thành" and the
    official's "Một nhiệm vụ UBND tỉnh giao về … chưa hoàn thành" were two limitations of one fact. Here a commune's
    words: the tasks were given by the city, and the official says which."""
    raw = yaml.safe_load((CASES / "so-tu-phap-gia-lai-q1-2026.yaml").read_text(encoding="utf-8"))
    raw["figures"]["chi_dao"].update(nhiem_vu_cap_tren_giao=9, nhiem_vu_cap_tren_dung_han=7,
                                     nhiem_vu_cap_tren_chua_xong=2)
    raw["facts"].append({"section": "III", "kind": "shortcoming", "cause": "chờ kinh phí",
                         "text": "Hai nhiệm vụ được Thành phố giao về số hóa hộ tịch chưa thực hiện xong"})

    def limits(data):
        draft = assistant.draft_input(load_figures_bytes(yaml.safe_dump(data, allow_unicode=True).encode(), "x.yaml"))
        return [p.text for p in draft.section("III").paragraphs if p.style == "bullet"]

    said = limits(raw)
    assert "- Hai nhiệm vụ được Thành phố giao về số hóa hộ tịch chưa thực hiện xong." in said, said
    assert not any("cấp trên giao chưa hoàn thành" in t for t in said), said
    raw["facts"][-1]["text"] = "Hai nhiệm vụ về số hóa hộ tịch chậm tiến độ"  # not the same words: the figure says its own
    assert any("Còn 02 nhiệm vụ cấp trên giao chưa hoàn thành" in t for t in limits(raw))


def test_a_note_telling_a_figure_sentences_counts_again_follows_it_as_its_detail(assistant):
    """Drafting a Ban Quản lý's nine months (session 24): "Về rà soát …: đã rà soát 14 văn bản; có 02 văn bản phải xử lý
    …" and then the official's "Rà soát 14 văn bản quy phạm pháp luật liên quan đến …; đề xuất sửa đổi 02 văn bản"
    read as two results. Here in other words: procedures reviewed, and notes that tell something else."""
    raw = yaml.safe_load((CASES / "so-tu-phap-gia-lai-q1-2026.yaml").read_text(encoding="utf-8"))
    raw["figures"]["tthc"].update(tthc_ra_soat=12, tthc_de_xuat_don_gian_hoa=4)
    raw["facts"] += [
        {"section": "II.2", "kind": "note", "text": "Rà soát 12 thủ tục lĩnh vực hộ tịch, chứng thực; đề xuất cắt giảm "
                                                     "thời gian giải quyết 4 thủ tục"},
        {"section": "II.2", "kind": "note", "text": "Niêm yết 12 thủ tục mới tại Bộ phận Một cửa"},
        {"section": "II.2", "kind": "note", "text": "Bố trí 2 máy tra cứu, 4 ghế chờ tại Bộ phận Một cửa"}]
    draft = assistant.draft_input(load_figures_bytes(yaml.safe_dump(raw, allow_unicode=True).encode(), "x.yaml"))
    texts = [p.text for p in draft.section("II.2").paragraphs]
    at = texts.index("Cụ thể: rà soát 12 thủ tục lĩnh vực hộ tịch, chứng thực; đề xuất cắt giảm thời gian giải quyết 4 "
                     "thủ tục.")
    assert texts[at - 1].startswith("Về rà soát, đơn giản hóa TTHC: đã rà soát, đánh giá 12"), texts
    # one count said again, or counts no sentence states: the official's own sentence, as written
    assert "Niêm yết 12 thủ tục mới tại Bộ phận Một cửa." in texts and "Bố trí 2 máy tra cứu, 4 ghế chờ tại Bộ phận Một " \
        "cửa." in texts, texts


def test_directing_documents_said_with_what_they_were_for_keep_those_words(assistant):
    """Chat set 15 (a province's office): "ban hành 9 văn bản đôn đốc các sở, ngành về giải quyết hồ sơ quá hạn" was
    drafted as "09 văn bản chỉ đạo, điều hành về CCHC", the subject lost. Other words here; the usual words stay usual."""
    import datetime as dt

    from drafting.inputs.chat_reader import read_message

    def noun(text):
        return next(f.noun for f in read_message(text).figures if f.key == "chi_dao.van_ban_chi_dao")

    assert noun("UBND xã ban hành 5 văn bản hướng dẫn các thôn, tổ dân phố về niêm yết TTHC.") == (
        "văn bản hướng dẫn các thôn, tổ dân phố về niêm yết TTHC")
    assert noun("Ban hành 4 văn bản chỉ đạo về CCHC.") == "" and noun("Ban hành 6 văn bản chỉ đạo, điều hành.") == ""
    st = _chat_all(assistant, "docs-about", ("Báo cáo CCHC quý I năm 2027 của UBND xã Tân Phú, tỉnh Đồng Nai",
                                             "Xã ban hành 3 văn bản chấn chỉnh việc trả kết quả trễ hẹn tại Bộ phận Một "
                                             "cửa."), dt.date(2027, 3, 18))
    text = " ".join(p.text for p in st.last_draft.section("I").paragraphs)
    assert "đã ban hành 03 văn bản chấn chỉnh việc trả kết quả trễ hẹn tại Bộ phận Một cửa." in text, text


def test_an_inspection_told_with_the_places_counted_is_said_once(assistant):
    """A province's quarter (session 24): "đã kiểm tra 09 cơ quan, đơn vị; …; kiểm tra đột xuất việc giải quyết hồ sơ đất
    đai tại UBND 9 xã" read as 9 and 9 more. The official's words say what was inspected, the figure's slot its count."""
    raw = yaml.safe_load((CASES / "so-tu-phap-gia-lai-q1-2026.yaml").read_text(encoding="utf-8"))
    raw["figures"]["chi_dao"].update(co_quan_duoc_kiem_tra=5, van_de_phat_hien=3)
    raw["facts"].append({"section": "I", "kind": "event",
                         "text": "Kiểm tra việc chứng thực bản sao tại 5 Phòng Tư pháp - Hộ tịch cấp xã"})
    draft = assistant.draft_input(load_figures_bytes(yaml.safe_dump(raw, allow_unicode=True).encode(), "x.yaml"))
    text = " ".join(p.text for p in draft.section("I").paragraphs)
    assert ("Về công tác kiểm tra CCHC: đã kiểm tra việc chứng thực bản sao tại 05 Phòng Tư pháp - Hộ tịch cấp xã; qua "
            "kiểm tra phát hiện 03 vấn đề.") in text, text
    assert "cơ quan, đơn vị" not in text
    raw["facts"][-1]["text"] = "Kiểm tra việc chứng thực bản sao tại 2 Phòng Tư pháp - Hộ tịch cấp xã"  # another count
    draft = assistant.draft_input(load_figures_bytes(yaml.safe_dump(raw, allow_unicode=True).encode(), "x.yaml"))
    text = " ".join(p.text for p in draft.section("I").paragraphs)
    assert "đã kiểm tra 05 cơ quan, đơn vị" in text and "tại 2 Phòng Tư pháp" in text, text


def test_district_six_months_reads_as_written(assistant):
    """The district of Kim Sơn (held-out, six months of 2025) as an official read it: the procedures of two levels with
    no total were two stray lines at the end of II.2, the official's note on where late dossiers are was said after the
    apology rather than beside the late count, and a model named with no verb stood alone as if a sentence. Here a
    town of another province, in other words."""
    text = ("meta: {issuer: Ủy ban nhân dân thị xã Nghi Sơn, level: huyện, locality: thị xã Nghi Sơn, period: quý I,"
            " year: 2025, date: 2025-03-18, place: Nghi Sơn, symbol: BC-UBND}\n"
            "figures: {tthc.tthc_cap_huyen: 241, tthc.tthc_cap_xa: 118, tthc.ho_so_moi: 5200, tthc.ho_so_da_giai_quyet: 5100,"
            " tthc.ho_so_dung_han_tong: 5080, tthc.ho_so_qua_han: 20, tthc.ho_so_dang_giai_quyet: 100,"
            " tthc.van_ban_xin_loi: 20}\n"
            "facts:\n"
            "  - {section: II.2, kind: note, text: 'Hồ sơ trễ hạn chủ yếu thuộc lĩnh vực xây dựng (14 hồ sơ)'}\n"
            "  - {section: I, kind: initiative, text: 'Sáng kiến “Phiếu hẹn điện tử” của phường Hải Hòa'}\n")
    draft = assistant.draft_input(load_figures_bytes(text.encode(), "x.yaml"))
    paras = [p.text for p in draft.section("II.2").paragraphs]
    assert paras[0] == "Số TTHC thuộc thẩm quyền giải quyết: cấp huyện 241 thủ tục, cấp xã 118 thủ tục.", paras
    late = next(i for i, t in enumerate(paras) if "quá hạn 20 hồ sơ" in t)
    assert paras[late + 1] == "Hồ sơ trễ hạn chủ yếu thuộc lĩnh vực xây dựng (14 hồ sơ).", paras
    first = [p.text for p in draft.section("I").paragraphs]
    assert "Về mô hình, sáng kiến: sáng kiến “Phiếu hẹn điện tử” của phường Hải Hòa." in first, first
    # a model told with what was done stays the official's sentence
    done = text.replace("'Sáng kiến “Phiếu hẹn điện tử” của phường Hải Hòa'", "'Nhân rộng sáng kiến “Phiếu hẹn điện tử” ra 5 xã'")
    first = [p.text for p in assistant.draft_input(load_figures_bytes(done.encode(), "x.yaml")).section("I").paragraphs]
    assert "Nhân rộng sáng kiến “Phiếu hẹn điện tử” ra 5 xã." in first, first


def test_the_officials_words_for_the_one_count_of_a_figure_sentence_stand_in_its_place(assistant):
    """"Về tuyển dụng: trong kỳ đã tuyển dụng 03 công chức." followed by the official's "Tuyển dụng 3 công chức địa
    chính và tư pháp qua thi tuyển" said one thing twice (issue 13, left from session 24): the note, carrying the
    figure's slot, now stands in the figure sentence's place. A note of two counts of a sentence of two figures is
    still its detail; a note whose count is another figure's stays apart."""
    text = ("meta: {issuer: Ủy ban nhân dân phường Đông Hà, level: xã, locality: phường Đông Hà, period: quý I, year: 2027,"
            " date: 2027-03-18, place: Đông Hà, symbol: BC-UBND}\n"
            "figures: {cong_vu.tuyen_dung_vien_chuc: 4, cong_vu.ky_luat: 1}\n"
            "facts:\n"
            "  - {section: II.4, kind: note, text: 'Tuyển dụng 4 viên chức giáo viên mầm non qua xét tuyển'}\n"
            "  - {section: II.4, kind: note, text: 'Khen thưởng 2 công chức có thành tích trong CCHC'}\n")
    paras = [p.text for p in assistant.draft_input(load_figures_bytes(text.encode(), "x.yaml")).section("II.4").paragraphs]
    assert "Tuyển dụng 04 viên chức giáo viên mầm non qua xét tuyển." in paras, paras
    assert not any(t.startswith("Về tuyển dụng") for t in paras), paras
    assert "Khen thưởng 2 công chức có thành tích trong CCHC." in paras, paras


def test_a_departments_six_months_reads_as_written(assistant):
    """The Sở GD&ĐT Lào Cai (held-out, six months of 2026) as an official read it: "Ngày 8/4/2026, 01 hội nghị …" had no
    verb; the official's "Kiểm tra CCHC tại 10 trường … và 2 trung tâm …" stood apart from the inspection sentence that
    counts those 12 places; "đã xử lý 0 văn bản" said a zero as a count; and last period's count of online dossiers
    was dropped without a word (a quý I's counts cover a shorter period). Here a ward's nine months, in other words."""
    text = ("meta: {issuer: Ủy ban nhân dân phường Tân An, level: xã, locality: phường Tân An, period: 9 tháng,"
            " year: 2026, date: 2026-09-18, place: Tân An, symbol: BC-UBND}\n"
            "figures: {chi_dao.hoi_nghi: 1, chi_dao.cuoc_kiem_tra: 2, chi_dao.co_quan_duoc_kiem_tra: 9,"
            " the_che.vbqppl_kiem_tra: 5, the_che.vbqppl_kiem_tra_phai_xu_ly: 1, the_che.vbqppl_kiem_tra_da_xu_ly: 0,"
            " tthc.ho_so_truc_tuyen: 900}\n"
            "previous: {tthc.ho_so_truc_tuyen: 600}\n"
            "facts:\n"
            "  - {section: I, kind: event, text: 'Hội nghị sơ kết công tác chuyển đổi số', date: '2026-05-12'}\n"
            "  - {section: I, kind: note, text: 'Kiểm tra tại 7 khu phố và 2 trường học'}\n")
    draft = assistant.draft_input(load_figures_bytes(text.encode(), "x.yaml"))
    first = " ".join(p.text for p in draft.section("I").paragraphs)
    assert "Ngày 12/5/2026, tổ chức 01 hội nghị sơ kết công tác chuyển đổi số." in first, first
    assert "tại 09 cơ quan, đơn vị (7 khu phố và 2 trường học)" in first and first.count("7 khu phố") == 1, first
    ii1 = " ".join(p.text for p in draft.section("II.1").paragraphs)
    assert "chưa xử lý xong văn bản nào" in ii1 and "0 văn bản" not in ii1, ii1
    assert any("không được so sánh" in f.message and "Hồ sơ mới tiếp nhận trực tuyến" in f.message
               for f in draft.findings), draft.findings


def test_a_note_that_opens_on_what_one_sentence_counts_follows_that_sentence(assistant):
    """The ward of Hồng Bàng (held-out, quý I/2027): "Một phản ánh về … đang được xác minh" stood after the model, far
    from the sentence that counts the complaints. Here a commune's words about procedures and complaints."""
    text = ("meta: {issuer: Ủy ban nhân dân xã Quảng Phú, level: xã, locality: xã Quảng Phú, period: 6 tháng, year: 2026,"
            " date: 2026-06-16, place: Quảng Phú, symbol: BC-UBND}\n"
            "figures: {tthc.pakn_tiep_nhan: 3, tthc.pakn_da_xu_ly: 2, tthc.ho_so_moi: 900, tthc.ho_so_truc_tuyen: 600}\n"
            "facts:\n"
            "  - {section: II.2, kind: initiative, text: 'Xã duy trì mô hình “Thứ Bảy không hẹn”'}\n"
            "  - {section: II.2, kind: note, text: 'Hai phản ánh về thái độ tiếp dân đã được trả lời trực tiếp'}\n")
    paras = [p.text for p in assistant.draft_input(load_figures_bytes(text.encode(), "x.yaml")).section("II.2").paragraphs]
    at = next(i for i, t in enumerate(paras) if t.startswith("Về tiếp nhận, xử lý phản ánh"))
    assert paras[at + 1] == "Hai phản ánh về thái độ tiếp dân đã được trả lời trực tiếp.", paras


def test_a_cut_the_official_gave_is_not_told_again_nor_given_a_cause(assistant):
    """The Sở Y tế of Hà Tĩnh (held-out, the year 2026): "Hiện có 27 đơn vị …; trong kỳ giảm 04 đơn vị qua sắp xếp"
    then "Đơn vị sự nghiệp công lập giảm 04 đơn vị (12,90%) so với kỳ trước" — the cut said twice, and "qua sắp xếp"
    asserted though nobody said how. Here a district's year, in other words."""
    text = ("meta: {issuer: Ủy ban nhân dân huyện Mai Sơn, level: huyện, locality: huyện Mai Sơn, period: năm, year: 2024,"
            " date: 2024-12-16, place: Mai Sơn, symbol: BC-UBND}\n"
            "figures: {to_chuc.don_vi_su_nghiep: 61, to_chuc.don_vi_su_nghiep_giam: 5}\n"
            "previous: {to_chuc.don_vi_su_nghiep: 66}\n")
    paras = [p.text for p in assistant.draft_input(load_figures_bytes(text.encode(), "x.yaml")).section("II.3").paragraphs]
    said = " ".join(paras)
    assert "giảm 05 đơn vị" in said and said.count("giảm 05") == 1 and "sắp xếp" not in said, paras
    # a fall that is not the cut given is still told
    text2 = text.replace("don_vi_su_nghiep: 66", "don_vi_su_nghiep: 68")
    said2 = " ".join(p.text for p in assistant.draft_input(load_figures_bytes(text2.encode(), "x.yaml")).section("II.3").paragraphs)
    assert "giảm 07 đơn vị (10,29%) so với" in said2, said2


def test_a_year_reports_last_year_is_its_comparison(assistant):
    """Left from set 36: in a year report's chat, "Năm trước xã giải quyết 2.310 hồ sơ; năm nay …" showed last year's
    count as unused, where a year's same period of last year is last year. It is now the comparison column, shown
    with its words; an older year stays unused, and a quarter's report still does not take a whole past year."""
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="chat-last-year")
    day = dt.date(2026, 12, 10)
    list(h.chat_turn(assistant, st, "Soạn phần cải cách TTHC năm 2026 của xã Đông Hưng", today=day))
    final = list(h.chat_turn(assistant, st, "Năm ngoái xã giải quyết 1.980 hồ sơ; năm nay xã giải quyết 2.145 hồ sơ.",
                             today=day))[-1]
    assert st.chat_values["tthc.ho_so_da_giai_quyet"].value == 2145
    assert st.chat_same_period["tthc.ho_so_da_giai_quyet"].value == 1980
    assert any(r[0].endswith("(cùng kỳ năm trước)") and r[1] == "1.980" for r in final.understood), final.understood
    list(h.chat_turn(assistant, st, "Năm 2024 xã tổ chức 3 hội nghị, năm nay tổ chức 5 hội nghị.", today=day))
    assert "chi_dao.hoi_nghi" not in st.chat_same_period and st.chat_values["chi_dao.hoi_nghi"].value == 5

    quarter = h.UserState(user="chat-last-year-quarter")
    list(h.chat_turn(assistant, quarter, "Soạn phần cải cách TTHC quý I năm 2026 của xã Đông Hưng", today=dt.date(2026, 3, 20)))
    list(h.chat_turn(assistant, quarter, "Năm trước xã giải quyết 1.980 hồ sơ; năm nay xã giải quyết 610 hồ sơ.",
                     today=dt.date(2026, 3, 20)))
    assert not quarter.chat_same_period and quarter.chat_values["tthc.ho_so_da_giai_quyet"].value == 610


def test_a_count_said_in_words_is_shown_back_as_written(assistant):
    """Left from set 36: "tổ chức hai hội nghị" was read as 2 but shown in «Số liệu tôi đã hiểu» as "2 hội nghị", words
    the official never typed — the table is where the official checks what was read from what."""
    import datetime as dt

    from drafting import service as h

    st = h.UserState(user="chat-number-words")
    day = dt.date(2026, 9, 20)
    list(h.chat_turn(assistant, st, "Soạn mục I báo cáo CCHC 9 tháng năm 2026 của xã Tiên Lữ", today=day))
    final = list(h.chat_turn(assistant, st, "Xã tổ chức bốn hội nghị về CCHC và 7 buổi tuyên truyền.", today=day))[-1]
    assert st.chat_values["chi_dao.hoi_nghi"].value == 4
    words = {r[1]: r[2] for r in final.understood}
    assert "bốn hội nghị" in words["4"] and "7" in words["7"], final.understood


def test_a_department_given_the_provinces_level_and_another_bodys_document(assistant):
    """Held-out substance case 18 (Sở Công Thương Thanh Hóa, level given as "tỉnh" — a department is a provincial
    body) was written as "Ủy ban nhân dân Sở Công Thương đã ban hành …", and "Quyết định số 12/2026/QĐ-UBND … của UBND
    tỉnh … (Sở tham mưu)" as issued by the department. Here a department of health and a commune citing its
    province's plan: said in the official's words as issued ("… của HĐND tỉnh … đã được ban hành"), never as the
    unit's own."""
    from drafting.models import ReportMeta

    meta = ReportMeta(issuer="Sở Y tế tỉnh Nghệ An", level="tỉnh", locality="Sở Y tế", period="quý I", year=2027,
                      place="Nghệ An", date="2027-03-18", symbol="BC-SYT")
    assert meta.level == "sở" and meta.signer_title == "GIÁM ĐỐC"
    text = ("meta: {issuer: Sở Y tế tỉnh Nghệ An, level: tỉnh, locality: Sở Y tế, period: quý I, year: 2027,"
            " date: 2027-03-18, place: Nghệ An, symbol: BC-SYT}\n"
            "figures: {chi_dao.van_ban_chi_dao: 4}\n"
            "facts: [{section: II.1, kind: document, text: 'Nghị quyết số 03/2027/NQ-HĐND ngày 10/01/2027 của HĐND tỉnh "
            "quy định mức thu phí thẩm định cơ sở bán lẻ thuốc'}]\n")
    draft = assistant.draft_input(load_figures_bytes(text.encode(), "so-lieu.yaml"))
    body = " ".join(p.text for s in draft.sections for p in s.paragraphs)
    assert "Ủy ban nhân dân Sở" not in body and "Sở Y tế tỉnh Nghệ An đã ban hành 04 văn bản" in body, body
    assert ("Nghị quyết số 03/2027/NQ-HĐND ngày 10/1/2027 của HĐND tỉnh quy định mức thu phí thẩm định cơ sở bán lẻ "
            "thuốc đã được ban hành.") in body, body  # the official's words kept, issued by whom they say

    commune = ("meta: {issuer: Ủy ban nhân dân xã Kim Liên, parent: UBND tỉnh Nghệ An, level: xã, locality: xã Kim Liên,"
               " period: quý I, year: 2027, date: 2027-03-18, place: Kim Liên}\n"
               "facts: [{section: I, kind: document, text: 'Kế hoạch số 21/KH-UBND ngày 15/01/2027 của UBND tỉnh Nghệ An"
               " về cải cách hành chính năm 2027'}, {section: I, kind: document, text: 'Kế hoạch số 04/KH-UBND ngày"
               " 20/01/2027 về cải cách hành chính năm 2027'}]\n")
    first = " ".join(p.text for p in assistant.draft_input(load_figures_bytes(commune.encode(), "so-lieu.yaml")).section("I").paragraphs)
    assert "Trong kỳ, 02 văn bản sau được ban hành:" in first, first  # not all the commune's
    assert "+ Kế hoạch số 21/KH-UBND ngày 15/1/2027 của UBND tỉnh Nghệ An về cải cách" in first, first
    assert "Kế hoạch số 04/KH-UBND ngày 20/1/2027" in first and "đã ban hành" not in first, first


def test_an_inspection_teams_note_is_said_with_the_inspections(assistant):
    """Held-out substance case 18: "Đoàn kiểm tra nội bộ làm việc tại 4 phòng chuyên môn; …" stood alone between the
    meetings and the dialogue, away from the sentence that counts the inspections. A note that opens on the team, the
    round or the inspection itself is said in that sentence, in the official's words."""
    text = ("meta: {issuer: Sở Xây dựng tỉnh Hà Tĩnh, level: sở, locality: Sở Xây dựng, period: 9 tháng, year: 2026,"
            " date: 2026-09-18, place: Hà Tĩnh, symbol: BC-SXD}\n"
            "figures: {chi_dao.cuoc_kiem_tra: 2, chi_dao.co_quan_duoc_kiem_tra: 5, chi_dao.hoi_nghi: 1}\n"
            "facts: [{section: I, kind: note, text: 'Đợt kiểm tra tháng 8 tập trung vào việc niêm yết TTHC tại 3 phòng"
            " chuyên môn'}]\n")
    paras = [p.text for p in assistant.draft_input(load_figures_bytes(text.encode(), "so-lieu.yaml")).section("I").paragraphs]
    said = [p for p in paras if "niêm yết TTHC tại 3 phòng" in p]
    assert len(said) == 1 and said[0].startswith("Về công tác kiểm tra CCHC: đã tổ chức 02 cuộc kiểm tra"), paras


def test_an_inspection_told_with_all_its_counts_is_said_once(assistant):
    """Held-out substance case 19 (a ward of Đà Nẵng): "Kiểm tra việc niêm yết, công khai TTHC tại 4 tổ dân phố; phát
    hiện 3 tồn tại, đã khắc phục 2" was written after "đã tổ chức 01 cuộc kiểm tra tại 04 cơ quan, đơn vị; qua kiểm
    tra phát hiện 03 vấn đề, đã xử lý xong 02 vấn đề" — the same counts twice, the second time in nouns the official
    did not use. Here a commune, in other words: the inspection said once, as told, each count a figure's slot."""
    text = ("meta: {issuer: Ủy ban nhân dân xã Mường Khương, level: xã, locality: xã Mường Khương, period: 6 tháng,"
            " year: 2026, date: 2026-06-17, place: Mường Khương, symbol: BC-UBND}\n"
            "figures: {chi_dao.co_quan_duoc_kiem_tra: 6, chi_dao.van_de_phat_hien: 5, chi_dao.van_de_da_xu_ly: 4}\n"
            "facts: [{section: I, kind: event, text: 'Kiểm tra công tác văn thư, lưu trữ tại 6 thôn, qua kiểm tra phát"
            " hiện 5 thiếu sót, đã chấn chỉnh 4'}]\n")
    draft = assistant.draft_input(load_figures_bytes(text.encode(), "so-lieu.yaml"))
    paras = [p.text for p in draft.section("I").paragraphs]
    said = [p for p in paras if "kiểm tra" in p.lower()]
    assert said == ["Về công tác kiểm tra CCHC: đã kiểm tra công tác văn thư, lưu trữ tại 06 thôn; qua kiểm tra phát hiện "
                    "05 thiếu sót, đã chấn chỉnh 04 thiếu sót (đạt 80%)."], paras
    # a count the figures do not hold leaves the fact as told, after the figures' own sentence
    text = text.replace("đã chấn chỉnh 4", "đã chấn chỉnh 3")
    paras = [p.text for p in assistant.draft_input(load_figures_bytes(text.encode(), "so-lieu.yaml")).section("I").paragraphs]
    assert any("đã kiểm tra 06 cơ quan, đơn vị" in p and "đã chấn chỉnh 3" in p for p in paras), paras


def test_an_inspection_keeps_its_day_and_an_unquoted_model_name_gets_its_label(assistant):
    """Substance case 22 (a department of construction's quarter), read as an official would: an inspection the
    official dated (24/02/2027) was joined to the counted inspections without its day, and a model named without
    quotes and without a verb ("Mô hình tra cứu quy hoạch … bằng mã QR tại các xã") stood alone as a sentence. Here a
    ward's six months, other words."""
    meta = {"issuer": "Ủy ban nhân dân phường Trà Vinh", "level": "xã", "locality": "phường Trà Vinh",
            "period": "6 tháng", "year": 2026, "date": "2026-06-17", "place": "Trà Vinh"}
    figures = {"chi_dao": {"cuoc_kiem_tra": 2, "co_quan_duoc_kiem_tra": 5}}
    facts = [{"section": "I", "kind": "event", "date": "2026-04-09",
              "text": "Kiểm tra đột xuất việc tiếp nhận hồ sơ tại Bộ phận Một cửa phường"},
             {"section": "I", "kind": "initiative", "text": "Sáng kiến sổ tay điện tử hướng dẫn thủ tục hộ tịch"},
             {"section": "I", "kind": "initiative", "text": "Mô hình chợ 4.0 được triển khai tại chợ Trà Vinh"}]
    data = load_figures_bytes(yaml.safe_dump({"meta": meta, "figures": figures, "facts": facts},
                                             allow_unicode=True).encode(), "so-lieu.yaml")
    first = [p.text for p in assistant.draft_input(data).section("I").paragraphs]
    said = next(t for t in first if t.startswith("Về công tác kiểm tra CCHC"))
    assert "; ngày 9/4/2026, kiểm tra đột xuất việc tiếp nhận hồ sơ tại Bộ phận Một cửa phường." in said, said
    assert "Về mô hình, sáng kiến: sáng kiến sổ tay điện tử hướng dẫn thủ tục hộ tịch." in first, first
    assert "Mô hình chợ 4.0 được triển khai tại chợ Trà Vinh." in first, first  # a sentence of its own: its verb


def test_a_briefing_counted_in_times_keeps_its_count_in_the_officials_words(assistant):
    """Browser trial, session 32: "Phường giao ban CCHC 2 lần, nội dung chủ yếu về …" was written under a lead that
    said the count again ("Đã tổ chức 02 hội nghị, cuộc họp về CCHC, trong đó: + Phường giao ban CCHC 2 lần, …").
    The one meeting fact that tells the count is the sentence, the figure's slot in it."""
    meta = {"issuer": "Ủy ban nhân dân xã Tả Van", "level": "xã", "locality": "xã Tả Van", "period": "9 tháng",
            "year": 2026, "date": "2026-09-18", "place": "Tả Van"}
    facts = [{"section": "I", "kind": "event", "text": "Xã họp giao ban về CCHC 3 lần, nội dung về tiến độ số hóa sổ hộ tịch"}]
    data = load_figures_bytes(yaml.safe_dump({"meta": meta, "figures": {"chi_dao": {"hoi_nghi": 3}}, "facts": facts},
                                             allow_unicode=True).encode(), "so-lieu.yaml")
    first = [p.text for p in assistant.draft_input(data).section("I").paragraphs]
    assert "Xã họp giao ban về CCHC 03 lần, nội dung về tiến độ số hóa sổ hộ tịch." in first, first
    assert not any("trong đó" in t for t in first), first


def test_another_bodys_document_is_not_among_the_units_counted_documents(assistant):
    """Substance case 23 (a commune's nine months): under "đã ban hành 06 văn bản …, trong đó:" the province's plan
    (Kế hoạch … của UBND tỉnh Lào Cai) was listed as one of the commune's own. Here a department's quarter, other
    words: the province's decision is said apart, after the department's list."""
    meta = {"issuer": "Sở Y tế tỉnh Quảng Trị", "level": "sở", "locality": "Sở Y tế", "period": "quý I", "year": 2027,
            "date": "2027-03-16", "place": "Quảng Trị", "parent": "UBND tỉnh Quảng Trị"}
    facts = [{"section": "I", "kind": "document", "text": "Kế hoạch số 08/KH-SYT ngày 12/01/2027 về cải cách hành chính năm 2027"},
             {"section": "I", "kind": "document",
              "text": "Quyết định số 95/QĐ-UBND ngày 15/01/2027 của UBND tỉnh Quảng Trị công bố danh mục TTHC lĩnh vực y tế"}]
    data = load_figures_bytes(yaml.safe_dump({"meta": meta, "figures": {"chi_dao": {"van_ban_chi_dao": 4}}, "facts": facts},
                                             allow_unicode=True).encode(), "so-lieu.yaml")
    first = [p.text for p in assistant.draft_input(data).section("I").paragraphs]
    at = next(i for i, t in enumerate(first) if "đã ban hành 04 văn bản" in t)
    assert first[at + 1].startswith("+ Kế hoạch số 08/KH-SYT"), first
    assert not any(t.startswith("+ Quyết định số 95/QĐ-UBND") for t in first), first
    assert any(t.startswith("Trong kỳ, Quyết định số 95/QĐ-UBND") and t.endswith("đã được ban hành.") for t in first), first


def test_a_next_task_keeps_its_status_and_recruits_share_one_verb(assistant):
    """Substance case 25 (a department of health's year): a next task the official gave with its status ("đang thực
    hiện") lost it in section IV, and "đã tuyển dụng 03 công chức, tuyển dụng 41 viên chức" said the verb twice. Here a
    commune's quarter, other words."""
    meta = {"issuer": "Ủy ban nhân dân xã Gia Viễn", "level": "xã", "locality": "xã Gia Viễn", "period": "quý I",
            "year": 2027, "date": "2027-03-16", "place": "Gia Viễn"}
    facts = [{"section": "IV", "kind": "task", "text": "Số hóa sổ hộ tịch giai đoạn 2015-2020", "status": "chưa thực hiện"},
             {"section": "IV", "kind": "task", "text": "Lắp đặt màn hình tra cứu TTHC"}]
    data = load_figures_bytes(yaml.safe_dump({"meta": meta, "figures": {"cong_vu": {"tuyen_dung_cong_chuc": 2,
                                                                                     "tuyen_dung_vien_chuc": 5}},
                                              "facts": facts}, allow_unicode=True).encode(), "so-lieu.yaml")
    draft = assistant.draft_input(data)
    tasks = [p.text for p in draft.section("IV").paragraphs]
    assert "- Số hóa sổ hộ tịch giai đoạn 2015-2020 (chưa thực hiện)." in tasks, tasks
    assert "- Lắp đặt màn hình tra cứu TTHC." in tasks, tasks
    staff = [p.text for p in draft.section("II.4").paragraphs]
    assert "Về tuyển dụng: trong kỳ đã tuyển dụng 02 công chức và 05 viên chức." in staff, staff


def test_the_builders_text_areas_give_back_every_facts_kind_and_the_same_draft(assistant):
    """Browser trial, session 34: a figures file opened in the builder drafted another report than the same file
    drafted directly — its facts pass through the section text areas, and there an initiative came back as an event
    (no "Mô hình, sáng kiến:" lead), progress as an event, notes as events, documents as notes (21 of the 25
    substance cases differed). A line whose words would read as another kind now carries its kind's name ("Ghi chú:",
    "Tiến độ:" …), read back and dropped."""
    from drafting import service as h
    from drafting.inputs.section_texts import facts_from_texts, texts_from_facts

    def key(f):
        return f.section, f.kind, f.text, f.cause, f.status, f.date

    for path in sorted(CASES.glob("*.yaml")):
        data = load_figures_file(path)
        texts = texts_from_facts(data.facts)
        back, issues = facts_from_texts(texts)
        assert not issues and sorted(map(key, back), key=str) == sorted(map(key, data.facts), key=str), path.name
        assert texts_from_facts(back) == texts, path.name
        if path.stem not in ("ba-trang-6t-2023", "tu-ky-6t-2023", "so-y-te-lam-dong-nam-2026", "xa-nam-nhun-nam-2026",
                             "ban-quan-ly-kkt-quang-ninh-9t-2026"):
            continue  # (the whole draft for five cases of every kind of fact: 8 s, not 40)
        form = h.form_to_input(data.meta.model_dump(mode="python"), h.tables_from_input(data), texts, h.target_rows(data))
        direct, via = assistant.draft_input(data), assistant.draft_input(form)
        assert [(s.key, [p.text for p in s.paragraphs]) for s in via.sections] == \
            [(s.key, [p.text for p in s.paragraphs]) for s in direct.sections], path.name
    # an official's own line with a label is of that kind, the label not kept
    facts, _ = facts_from_texts({"I": "Ghi chú: Tổ chức lại Bộ phận Một cửa sau sáp nhập",
                                 "II.2": "Mô hình, sáng kiến: “Bưu điện xã nhận hồ sơ tại nhà”\nMô hình “Thứ Bảy không hẹn”",
                                 "IV": "Tiến độ: Đã xong 8/10 nhiệm vụ"})
    assert [(f.kind, f.text) for f in facts] == [
        ("note", "Tổ chức lại Bộ phận Một cửa sau sáp nhập"), ("initiative", "“Bưu điện xã nhận hồ sơ tại nhà”"),
        ("initiative", "Mô hình “Thứ Bảy không hẹn”"), ("progress", "Đã xong 8/10 nhiệm vụ")]
