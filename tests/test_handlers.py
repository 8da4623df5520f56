"""The app's handlers as plain functions: chat (draft, refine, ask, practice, review), the report
builder, review and library — over the real index, real .docx and .xlsx files parsed back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import docx
import pytest

from corpus.docnumbers import find_refs
from drafting import service as h
from drafting.figures.schema import key_for_label
from drafting.inputs.chat_reader import read_message
from drafting.inputs.workbook import read_workbook, write_template
from drafting.service.accounts import add_user, verify
from drafting.service.intents import classify
from drafting.service.workspace import user_folder

ROOT = Path(__file__).resolve().parent.parent
SEED_003 = ROOT / "corpus" / "reports" / "003_8ca837b1dccb8473.txt"
BA_TRANG = ("Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, "
            "trước và đúng hạn 245, quá hạn 7, đang giải quyết 1")


def last(gen):
    replies = list(gen)
    assert replies and replies[-1].done
    return replies[-1], replies


def docx_text(path: Path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


# ------------------------------------------------------------------ reading a message
def test_figures_from_message_come_from_the_message():
    r = read_message(BA_TRANG)
    got = {f.key: int(f.value) for f in r.figures}
    assert got == {"tthc.ho_so_tiep_nhan": 253, "tthc.ho_so_dung_han_tong": 245, "tthc.ho_so_qua_han": 7,
                   "tthc.ho_so_dang_giai_quyet": 1}
    for f in r.figures:
        assert BA_TRANG[f.start:f.end] == f.quote  # every number is a span of the message
    assert (r.meta.period, r.meta.year, r.meta.locality, r.meta.level) == ("6 tháng", 2025, "xã Ba Trang", "xã")


def test_years_dates_documents_and_rates_are_not_figures():
    msg = ("Viết phần TTHC quý I năm 2024 huyện Tư Kỳ theo Nghị định 61/2018/NĐ-CP, ngày 15/3/2024: 1.641 hồ sơ "
           "tiếp nhận, đã giải quyết 1.600 (đạt 97,5%), quá hạn 12, mức độ 3 có 5 thủ tục abc")
    r = read_message(msg)
    got = {f.key: f.value for f in r.figures}
    assert got["tthc.ho_so_tiep_nhan"] == 1641 and got["tthc.ho_so_da_giai_quyet"] == 1600
    assert all(f.quote not in ("2024", "61", "2018", "15", "3") for f in r.figures)
    assert any(u.quote == "97,5%" and "tự tính" in u.reason for u in r.unread)
    assert r.meta.date == dt.date(2024, 3, 15)


def test_a_count_that_looks_like_a_year_is_a_figure():
    r = read_message("Soạn phần TTHC quý I/2026 của xã Ba Trang: tiếp nhận 2025 hồ sơ, đã giải quyết 2020")
    assert {f.key: int(f.value) for f in r.figures} == {"tthc.ho_so_tiep_nhan": 2025, "tthc.ho_so_da_giai_quyet": 2020}
    assert (r.meta.period, r.meta.year) == ("quý I", 2026)


def test_chat_asks_when_a_number_has_two_readings(assistant):
    st = h.UserState(user="chat-ask")
    msg = "Soạn phần cải cách thể chế quý I năm 2026 của xã Hòa Bình: ban hành 1 văn bản QPPL, đã xử lý 3 văn bản"
    final, _ = last(h.chat_turn(assistant, st, msg, today=dt.date(2026, 4, 2)))
    assert "“3”" in final.text and " hay " in final.text and "Xin ghi rõ tên chỉ tiêu" in final.text
    assert [key_for_label(r[0]) for r in final.understood] == ["the_che.vbqppl_ban_hanh"]  # the 3 is not guessed


def test_intents():
    assert classify(BA_TRANG, has_figures=True).kind == "draft"
    assert classify("Nghị định nào quy định cơ chế một cửa?").kind == "ask"
    assert classify("Các báo cáo trước viết phần chính quyền số thế nào?").kind == "practice"
    assert classify("rà soát tệp này", has_file=True).kind == "review"
    i = classify("thêm phần nguyên nhân", has_draft=True)
    assert i.kind == "refine" and i.add == ["III"]
    assert classify("ngắn gọn hơn", has_draft=True).shorter
    assert classify("ngan gon hon", has_draft=False).kind != "refine"
    # the report's period and unit said in passing start a report; a question about the law stays a question
    said = "Tôi là chuyên viên Sở Tài nguyên và Môi trường tỉnh Hà Tĩnh, cần báo cáo CCHC 9 tháng năm 2026."
    assert classify(said, names_report=True).kind == "draft"
    assert classify("Báo cáo 9 tháng năm 2026 áp dụng nghị định 118", names_report=True).kind == "ask"
    assert classify("Báo cáo 9 tháng năm 2026 gửi trước ngày nào?", names_report=True).kind == "ask"
    # tried as a new user: "gồm những phần nào?" got 09/2019 and "thường viết gì?" got 76/NQ-CP, not the outline and
    # past reports' wording
    assert classify("Báo cáo CCHC quý gồm những phần nào?").kind == "outline"
    assert classify("Đề cương báo cáo cải cách hành chính 6 tháng?").kind == "outline"
    practice = classify("Mục cải cách tài chính công thường viết gì?")
    assert practice.kind == "practice" and practice.sections == ["II.5"]
    assert classify("Nghị định nào quy định nội dung báo cáo định kỳ?").kind == "ask"


def test_the_outline_question_is_answered_with_the_outline_and_no_decree(assistant):
    reply, _ = last(h.chat_turn(assistant, h.UserState(user="chat-outline"), "Báo cáo CCHC quý gồm những phần nào?",
                                today=dt.date(2026, 12, 4)))
    assert "- I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH" in reply.text and "  - 5. Cải cách tài chính công" in reply.text
    assert "III. ĐÁNH GIÁ CHUNG (1. Ưu điểm; 2. Tồn tại, hạn chế và nguyên nhân)" in reply.text
    assert "chưa xác định được" in reply.text and "Nghị định" not in reply.text  # no document is cited for it


# ------------------------------------------------------------------ chat
def test_chat_drafts_a_section_with_sources_findings_and_a_docx(assistant):
    st = h.UserState(user="chat-a")
    final, replies = last(h.chat_turn(assistant, st, BA_TRANG, today=dt.date(2025, 6, 20)))
    assert len(replies) >= 2  # the reply grows: a first line, then the section
    assert "253" in final.text and "97,22%" in final.text and "07 hồ sơ" in final.text
    assert "**Nguồn:**" in final.text and "Kiểm tra" in final.text
    # a decree is among a section's sources only where the section cites it; past reports by their outline section
    body, sources = final.text.split("**Nguồn:**")
    titles = " ".join(line.split("*")[1] for line in sources.splitlines() if line.startswith("- *"))
    assert find_refs(titles) and {r.key for r in find_refs(titles)} <= {r.key for r in find_refs(body)}
    assert "II.2. Cải cách thủ tục hành chính" in sources and "bản quét" not in sources
    # labels in Vietnamese, never internal keys; each value shown with the words it came from
    assert [key_for_label(r[0]) for r in final.understood] == ["tthc.ho_so_tiep_nhan", "tthc.ho_so_dung_han_tong",
                                                               "tthc.ho_so_qua_han", "tthc.ho_so_dang_giai_quyet"]
    assert not any("." in r[0] or "_" in r[0] for r in final.understood)
    assert all(r[2].endswith(r[1]) for r in final.understood)
    text = docx_text(final.docx)
    assert "253" in text and "Cải cách thủ tục hành chính" in text
    # refine: add a section, then shorten — the figures stay
    final2, _ = last(h.chat_turn(assistant, st, "thêm phần nguyên nhân"))
    assert "ĐÁNH GIÁ CHUNG" in final2.text and "253" in final2.text
    final3, _ = last(h.chat_turn(assistant, st, "ngắn gọn hơn"))
    assert "253" in final3.text and "97,22%" in final3.text
    assert {e.action for e in assistant.audit.entries("chat-a")} >= {"draft"}


def test_chat_asks_instead_of_guessing(assistant):
    st = h.UserState(user="chat-b")
    final, _ = last(h.chat_turn(assistant, st, "Soạn phần TTHC cả năm 2024 của xã Ba Trang: tiếp nhận 100 hồ sơ, "
                                                "đã giải quyết 120, quá hạn 3"))
    assert "chưa khớp" in final.text and st.last_draft is None
    st2 = h.UserState(user="chat-c")
    final, _ = last(h.chat_turn(assistant, st2, "Soạn phần TTHC: tiếp nhận 100 hồ sơ, đã giải quyết 90"))
    assert "kỳ báo cáo" in final.text and "tên cơ quan" in final.text and st2.last_draft is None
    # a total whose parts fall short: drafted, and the missing parts are asked for
    st3 = h.UserState(user="chat-d")
    final, _ = last(h.chat_turn(assistant, st3, "Soạn phần TTHC 6 tháng đầu năm 2024 của xã Ba Trang: tiếp nhận 100 hồ sơ, "
                                                 "đã giải quyết 90"))
    assert "Xin bổ sung" in final.text and "Còn 10 hồ sơ" in final.text
    # an estimate and a sum computed in code are said with their figures, for the official to confirm
    st4 = h.UserState(user="chat-e")
    final, _ = last(h.chat_turn(assistant, st4, "Soạn phần chỉ đạo điều hành năm 2024 của huyện Thăng Bình: kiểm tra "
                                                 "CCHC tại 12 xã và 6 phòng chuyên môn; tổ chức 6 buổi tuyên truyền "
                                                 "với khoảng 540 lượt người tham gia", today=dt.date(2024, 12, 15)))
    checked = final.text.split("Xin kiểm tra các số sau:")[1].split("\n\n")[0]
    assert "Cơ quan, đơn vị được kiểm tra CCHC: 18 — tổng của “12 xã và 6 phòng chuyên môn”" in checked and "540 — số ước tính" in checked


def test_chat_corrections_are_used(assistant):
    st = h.UserState(user="chat-e")
    final, _ = last(h.chat_turn(assistant, st, BA_TRANG, today=dt.date(2025, 6, 20)))
    rows = [list(r) for r in final.understood]
    rows[0][1] = "260"
    rows.append(["hồ sơ trả lại", "7", ""])  # typed by hand, by its name (case aside)
    rows.append(["Số hồ sơ bị mất", "2", ""])  # no such figure: reported, not guessed
    fixed, _ = last(h.apply_corrections(assistant, st, final.meta_rows, rows))
    assert "tiếp nhận là 260 hồ sơ" in fixed.text and "trả lại 07 hồ sơ" in fixed.text
    assert "«Số hồ sơ bị mất»" in fixed.text
    held = st.chat_values["tthc.ho_so_tiep_nhan"]
    assert held.value == 260 and held.kind == "typed"  # parsed once, with where it came from
    kept = st.chat_values["tthc.ho_so_qua_han"]
    assert kept.kind == "message" and "7" in kept.words  # an untouched row keeps the words it was read from
    # a value nobody can read: named in the reply, the figure keeps its value, nothing is redrafted
    rows = [list(r) for r in fixed.understood]
    row = next(r for r in rows if r[0] == "Hồ sơ giải quyết quá hạn")
    row[1] = "bảy"
    bad, _ = last(h.apply_corrections(assistant, st, fixed.meta_rows, rows))
    assert "Chưa soạn lại" in bad.text and "“bảy” không phải là một số" in bad.text
    assert st.chat_values["tthc.ho_so_qua_han"].value == 7


def test_a_correction_said_with_its_cause_replaces_the_count(assistant):
    """Chat set 33: "Sửa lại: trễ hạn 5 hồ sơ, do …" kept the 3 said before — a count inside a limitation was taken
    for its detail. Said as a correction, it replaces the count, and the limitation keeps its cause, not the lead."""
    st = h.UserState(user="chat-correct-cause")
    last(h.chat_turn(assistant, st, BA_TRANG, today=dt.date(2025, 6, 20)))
    last(h.chat_turn(assistant, st, "Nhầm: quá hạn 9 hồ sơ vì phải chờ xác minh nguồn gốc đất.", today=dt.date(2025, 6, 20)))
    assert st.chat_values["tthc.ho_so_qua_han"].value == 9
    fact = next(f for f in st.chat_facts if f.kind == "shortcoming")
    assert not fact.text.lower().startswith("nhầm") and "xác minh nguồn gốc đất" in fact.cause
    # a detail of a limitation, not said as a correction, still leaves the period's count alone
    last(h.chat_turn(assistant, st, "Hạn chế: còn 2 hồ sơ quá hạn do người dân bổ sung chậm.", today=dt.date(2025, 6, 20)))
    assert st.chat_values["tthc.ho_so_qua_han"].value == 9


def test_installing_at_the_desk_is_no_command_to_draft():
    """Chat set 35: "Quý III đặc khu lắp đặt ki-ốt … tại Bộ phận Một cửa" was read as "lập … phần" (draft the part on
    procedures). Here other words: equipment installed is data, a real command still names its part."""
    said = "Quý IV phường lắp đặt máy tra cứu TTHC tại Bộ phận Một cửa."  # a task, in a chat with a draft
    assert classify(said, has_figures=True, has_file=False, has_draft=True).sections == []
    assert classify("Lập phần cải cách thủ tục hành chính", has_figures=False, has_file=False,
                    has_draft=True).sections == ["II.2"]


def test_chat_answers_which_decree_with_sources(assistant):
    st = h.UserState(user="chat-f")
    final, replies = last(h.chat_turn(assistant, st, "Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?"))
    assert "118/2025/NĐ-CP" in final.text and "**Nguồn:**" in final.text
    assert len(replies) > 2  # streamed line by line
    final, _ = last(h.chat_turn(assistant, st, "Văn bản nào quy định cơ chế một cửa vào tháng 3/2024?"))
    assert "61/2018/NĐ-CP" in final.text.split("**Nguồn:**")[0]


def test_chat_practice_and_review(assistant):
    st = h.UserState(user="chat-g")
    final, _ = last(h.chat_turn(assistant, st, "Các báo cáo trước viết phần chính quyền số thế nào?"))
    assert "báo cáo trước" in final.text and "—" in final.text
    final, _ = last(h.chat_turn(assistant, st, "rà soát tệp này", files=[SEED_003]))
    assert "Số học" in final.text and "96,83" in final.text


# ------------------------------------------------------------------ report builder
def _form_from_case(tmp_path: Path):
    import yaml

    case = yaml.safe_load((ROOT / "evals/cases/drafting/ba-trang-6t-2023.yaml").read_text(encoding="utf-8"))
    flat = {f"{area}.{k}": v for area, rows in case["figures"].items() for k, v in rows.items()}
    path = tmp_path / "so-lieu.xlsx"
    write_template(path, meta=case["meta"], values=flat)
    return path


def test_builder_upload_validate_generate_and_reopen(assistant, tmp_path):
    path = _form_from_case(tmp_path)
    data = h.load_figures_input(assistant, path)
    assert data.figures.values["tthc.ho_so_tiep_nhan"] == 253 and not data.errors
    tables = h.tables_from_input(data)
    meta = data.meta.model_dump()
    # an impossible figure in the table: the message sits next to that field and nothing is drafted
    bad = {k: [list(r) for r in v] for k, v in tables.items()}
    row = next(r for r in bad["tthc"] if h.row_key("tthc", r) == "tthc.ho_so_qua_han")
    row[2] = "99999"
    bad_input = h.form_to_input(meta, bad)
    noted = h.annotate_tables(bad, bad_input.figures)
    assert "❌" in next(r for r in noted["tthc"] if h.row_key("tthc", r) == "tthc.ho_so_qua_han")[-1]
    assert not any("_" in r[0] for rows in noted.values() for r in rows)  # labels, never internal keys
    st = h.UserState(user="builder-a")
    res = h.generate_report(assistant, st, bad_input)
    assert res.docx is None and "Chưa soạn" in res.message
    # the valid form: a whole report, previewed, exported, saved
    good = h.form_to_input(meta, tables)
    steps = []
    res = h.generate_report(assistant, st, good, on_progress=lambda k, i, n: steps.append((k, i, n)))
    assert steps[-1][1] == steps[-1][2] == 10
    assert "tl-doc" in res.html and "BÁO CÁO" in res.html
    text = docx_text(res.docx)
    assert "ĐÁNH GIÁ CHUNG" in text and "KIẾN NGHỊ" in text
    values = read_workbook(res.workbook.read_bytes(), res.workbook.name).values
    assert {k: str(v) for k, v in values.items()} == {k: str(v) for k, v in good.figures.values.items()}
    # drafts are per user
    assert [i for _, i in h.list_drafts(assistant, "builder-a")] == [res.draft_id]
    assert h.list_drafts(assistant, "builder-b") == []
    other = h.UserState(user="builder-b")
    with pytest.raises(h.InputError):
        h.open_draft(assistant, other, res.draft_id)
    again = h.UserState(user="builder-a")
    rec, data2, res2 = h.open_draft(assistant, again, res.draft_id)
    assert data2.figures.values == good.figures.values and res2.html == res.html
    assert h.window_text("6 tháng", 2023) == "Số liệu từ ngày 15/12/2022 đến ngày 14/06/2023 (kỳ 6 tháng năm 2023)."


def test_uploads_are_checked(assistant, tmp_path):
    exe = tmp_path / "so-lieu.exe"
    exe.write_bytes(b"MZ....")
    with pytest.raises(h.InputError, match="không đúng loại"):
        h.load_figures_input(assistant, exe)
    fake = tmp_path / "du-thao.docx"
    fake.write_bytes(b"not a zip at all")
    with pytest.raises(h.InputError):
        h.review_file(assistant, "u", fake, None)


# ------------------------------------------------------------------ review
def test_review_sorted_marked_and_downloadable(assistant):
    res = h.review_file(assistant, "review-a", SEED_003, dt.date(2023, 6, 5))
    severities = [r[0] for r in res.rows]
    order = {"Lỗi": 0, "Cảnh báo": 1, "Lưu ý": 2}
    assert severities == sorted(severities, key=order.get)
    assert any(r[1] == "Số học" and "96,83" in r[4] for r in res.rows)
    assert 'class="tl-mark' in res.html and "96,83" in res.html
    raw = res.csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and "Số học".encode() in raw


# ------------------------------------------------------------------ library
def test_library_lists_status_and_round_trips_an_import(assistant, tmp_path):
    table = h.library_rows(assistant, dt.date(2026, 1, 1))
    assert len(table.ids) == len(table.rows) == len(set(table.ids))
    card = table.rows[next(i for i, d in enumerate(table.ids) if d.startswith("registry-61-2018"))]
    assert "hết hiệu lực" in card[5]
    assert any(r[0] == "Báo cáo" for r in table.rows)
    assert not any(str(c).startswith(("user-", "report-", "registry-", "digest-")) for r in table.rows for c in r)
    # search: words from any column, diacritics aside; filter by kind
    found = h.library_rows(assistant, query="nghi dinh 118", kind="regulation")
    assert found.rows and all("118" in " ".join(map(str, r)) for r in found.rows)
    assert all(r[0] == "Văn bản pháp luật" for r in found.rows) and any(r[1].startswith("Nghị định 118/2025") for r in found.rows)
    assert len(found.rows) < len(table.rows)
    f = tmp_path / "bao-cao-xa-thu.txt"
    f.write_text("ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM\nBÁO CÁO\nKết quả cải cách hành chính quý I năm 2026\n\n"
                 "I. CÔNG TÁC CHỈ ĐẠO\nXã Thử Nghiệm ban hành kế hoạch tuyên truyền về chuyển đổi số bằng loa truyền thanh.",
                 encoding="utf-8")
    seen = []
    msg = h.library_upload(assistant, "lib-a", [f], "report", lambda d, t: seen.append((d, t)))
    assert "Đã nhập 1 tệp" in msg and seen and seen[-1][0] == seen[-1][1]
    # the imported document is named with what was read from it
    assert "(báo cáo, cấp xã, quý I 2026)" in msg
    user_ids = [d for d in h.library_rows(assistant).ids if d.startswith("user-")]
    assert len(user_ids) == 1
    said, fields = h.library_selected(assistant, user_ids[0])
    assert fields == {"kind": "report", "level": "xã", "period": "quý I", "year": 2026} and "Đã chọn «" in said
    # a click in the listing: gradio's [row, column] names the row; a click beside the rows picks nothing
    ids = h.library_rows(assistant).ids
    pick = h.library_pick(assistant, ids, [ids.index(user_ids[0]), 2])
    assert pick.doc_id == user_ids[0] and pick.own and pick.fields == fields
    assert not h.library_pick(assistant, ids, [0, 0]).own or ids[0].startswith("user-")
    assert h.library_pick(assistant, ids, [len(ids), 0]) is None and h.library_pick(assistant, [], 0) is None
    msg = h.library_update(assistant, "lib-a", user_ids[0], {**fields, "period": "6 tháng"})
    assert "6 tháng 2026" in msg
    assert h.library_selected(assistant, user_ids[0])[1]["period"] == "6 tháng"
    with pytest.raises(h.InputError, match="Năm"):
        h.library_update(assistant, "lib-a", user_ids[0], {**fields, "year": "năm ngoái"})
    msg = h.library_remove(assistant, "lib-a", user_ids[0])
    assert msg.startswith("Đã xóa «")
    assert not [d for d in h.library_rows(assistant).ids if d.startswith("user-")]
    assert [e.action for e in assistant.audit.entries("lib-a")][:3] == ["remove", "update", "ingest"]
    with pytest.raises(h.InputError):
        h.library_remove(assistant, "lib-a", "report-003")


# ------------------------------------------------------------------ users
def test_user_folders_and_accounts(tmp_path):
    assert "/" not in user_folder("../../etc/passwd") and ".." not in user_folder("../../etc/passwd")
    assert user_folder("an") != user_folder("An")
    f = tmp_path / "users.txt"
    add_user(f, "canbo1", "mat-khau-dai")
    assert verify(f, "canbo1", "mat-khau-dai") and not verify(f, "canbo1", "sai") and not verify(f, "khac", "x")
    assert (f.stat().st_mode & 0o777) == 0o600
    with pytest.raises(h.InputError):
        add_user(f, "a:b", "mat-khau-dai")


# ------------------------------------------------------------------ the model boundary
def test_chat_streams_model_tokens_and_code_fills_the_figures(corpus_stack):
    """Scripted model: its tokens stream into the chat, the slots it writes are filled by code and a
    number it makes up is blanked and reported."""
    from drafting.llm.fakes import ScriptedChatModel
    from drafting.service.assistant import Assistant

    model = ScriptedChatModel(responses=["Trong kỳ, xã tiếp nhận {tthc.ho_so_tiep_nhan} hồ sơ, tỷ lệ đúng hạn "
                                         "{tthc.ty_le_dung_han}; phấn đấu đạt 100% và 999 hồ sơ."])
    asst = Assistant(settings=corpus_stack.settings, llm_kind="local", retrieval=corpus_stack, _model=model)
    st = h.UserState(user="chat-llm")
    final, replies = last(h.chat_turn(asst, st, BA_TRANG, today=dt.date(2025, 6, 20)))
    assert any("mô hình đang viết" in r.text for r in replies[:-1])  # tokens shown while streaming
    body = final.text.split("**Phát hiện")[0]
    assert "tiếp nhận 253 hồ sơ" in body and "97,22%" in body and "999" not in body
    assert "Số liệu không có nguồn" in final.text
    assert "{tthc.ho_so_tiep_nhan}" in model.prompts()[0] and "253" not in model.prompts()[0]  # slots, never values


def test_a_follow_up_keeps_the_topic_and_says_how_it_was_understood(assistant):
    st = h.UserState(user="chat-follow")
    first, _ = last(h.chat_turn(assistant, st, "Năm 2026 bộ phận một cửa cấp xã thực hiện theo nghị định nào?",
                                today=dt.date(2026, 12, 1)))
    assert "118/2025" in first.text
    follow, _ = last(h.chat_turn(assistant, st, "Tháng 3/2024 thì sao?", today=dt.date(2026, 12, 1)))
    assert "Hiểu là: Bộ phận một cửa cấp xã thực hiện theo nghị định nào, tính ở ngày 15/03/2024" in follow.text
    assert "61/2018" in follow.text


def test_before_and_after_the_answers_document_and_a_day_no_document_covers(assistant):
    """Tried as a new user: "Còn trước đó thì sao?" after the 2026 one-stop answer repeated 118/2025 for today; and
    "Tháng 3/2024 một cửa cấp xã theo nghị định nào?" answered 09/2019 (reporting); on 20/06/2018, the day before
    61/2018 took effect, the answer was 309/2026 (no dates known) and then an unrelated decree of 2013."""
    st = h.UserState(user="chat-before")
    last(h.chat_turn(assistant, st, "Năm 2026 bộ phận một cửa cấp xã thực hiện theo nghị định nào?", today=dt.date(2026, 12, 4)))
    before, _ = last(h.chat_turn(assistant, st, "Còn trước đó thì sao?", today=dt.date(2026, 12, 4)))
    assert "tính ở ngày 30/06/2025 (trước ngày 01/07/2025, khi Nghị định 118/2025/NĐ-CP có hiệu lực)" in before.text
    assert "Nghị định số 61/2018/NĐ-CP, được sửa đổi, bổ sung bởi 107/2021/NĐ-CP" in before.text.split("\n")[2]
    after, _ = last(h.chat_turn(assistant, st, "Sau đó thì sao?", today=dt.date(2026, 12, 4)))
    assert "tính ở ngày 01/07/2025 (sau ngày 30/06/2025, khi Nghị định 61/2018/NĐ-CP hết hiệu lực)" in after.text
    assert "Nghị định số 118/2025/NĐ-CP" in after.text.split("\n")[2]
    st = h.UserState(user="chat-before-2018")
    dated, _ = last(h.chat_turn(assistant, st, "Tháng 3/2024 một cửa cấp xã theo nghị định nào?", today=dt.date(2026, 12, 4)))
    assert dated.text.startswith("**Ngày 15/03/2024: Nghị định số 61/2018/NĐ-CP"), dated.text[:200]
    none, _ = last(h.chat_turn(assistant, st, "Trước khi có văn bản đó thì sao?", today=dt.date(2026, 12, 4)))
    head = none.text.split("\n")[2]
    assert "Ngày 20/06/2018: sổ đăng ký chưa có văn bản nào về nội dung này có hiệu lực" in head, head
    assert "309/2026" not in head and "117/2013" not in head


def test_a_commune_typing_without_diacritics_is_asked_to_retype_every_unmarked_run(assistant):
    """Tried as a new user typing without marks: the plan "Ke hoach so 03/KH-UBND" was given but the draft still asked
    for the year's plan; the document sentence ("UBND xa đã ban hanh Ke hoach …", the draft's own "đã" and "ngày" between
    the official's words) escaped the retype warning; the unit's name "xã Hoa Phu" went into the header unremarked."""
    from corpus.text import unaccented_sentences

    assert unaccented_sentences("Trong kỳ, UBND xa đã ban hanh Ke hoach so 03/KH-UBND ngày 10/1/2027 ve CCHC nam 2027.")
    assert not unaccented_sentences("Trong kỳ, UBND xã đã ban hành Kế hoạch số 03/KH-UBND ngày 10/1/2027 về CCHC năm 2027.")
    st, day = h.UserState(user="chat-unmarked"), dt.date(2027, 4, 2)
    first, _ = last(h.chat_turn(assistant, st, "bao cao cchc quy 1 nam 2027 cua xa Hoa Phu, tinh Dak Lak", today=day))
    # the gazetteer knows one such unit: its name with its marks, said to the official (session 18)
    assert "Tên đơn vị gõ không dấu «xa Hoa Phu» đã ghi là «xã Hòa Phú»" in first.text and st.chat_meta["locality"] == "xã Hòa Phú"
    unknown, _ = last(h.chat_turn(assistant, h.UserState(user="chat-unknown"), "bao cao cchc quy 1 nam 2027 cua xa Dong "
                                  "Tam Ha, tinh Dak Lak", today=day))
    assert "Tên đơn vị «xã Dong Tam Ha» không có dấu" in unknown.text
    plan, _ = last(h.chat_turn(assistant, st, "Ngay 10/01/2027 UBND xa ban hanh Ke hoach so 03/KH-UBND ve CCHC nam 2027.",
                               today=day))
    assert "Kế hoạch cải cách hành chính năm 2027 của đơn vị (số, ngày ban hành)" not in plan.text
    assert "Câu gõ không dấu («Trong kỳ, UBND xa đã ban hanh Ke hoach so 03/KH-UBND" in plan.text
    marked, _ = last(h.chat_turn(assistant, h.UserState(user="chat-marked"), "Báo cáo CCHC quý I năm 2027 của xã Hòa Phú",
                                 today=day))
    assert "không có dấu" not in marked.text


def test_the_ask_command_takes_the_year_the_question_names(corpus_stack, monkeypatch, capsys):
    """`python -m drafting ask "Tinh giản biên chế năm 2022 theo nghị định nào?"` answered for today (29/2023) while the
    chat answered for 31/12/2022; without --as-of the command now reads the question's date as the chat does."""
    import argparse

    from drafting.__main__ import cmd_ask

    monkeypatch.setenv("TROLY_DATA_DIR", str(corpus_stack.settings.data_dir))
    args = argparse.Namespace(question="Tinh giản biên chế năm 2022 theo nghị định nào?", as_of=None, llm="none",
                              stream=False, json=False)
    assert cmd_ask(args) == 0
    assert capsys.readouterr().out.startswith("**Ngày 31/12/2022: Nghị định số 108/2014/NĐ-CP")
    assert cmd_ask(argparse.Namespace(**{**vars(args), "as_of": "2026-12-04"})) == 0  # told a date: that date
    # 29/2023 was replaced by 154/2025 from 15/06/2025 (both unverified in the registry)
    assert capsys.readouterr().out.startswith("**Ngày 04/12/2026: Nghị định số 154/2025/NĐ-CP")


def test_a_year_in_which_the_law_changed_and_a_decrees_first_day_in_force(assistant):
    """Tried as a new user: "Còn năm 2023 thì sao?" after a question about staff cuts "hiện nay" answered only with
    29/2023 (in force from 20/07/2023) and kept "hiện nay" in what it understood; "Nghị định 118/2025 có hiệu lực từ
    ngày nào?" gave its status but not the day."""
    st = h.UserState(user="chat-year-change")
    last(h.chat_turn(assistant, st, "Tinh gian bien che hien nay ap dung nghi dinh nao?", today=dt.date(2026, 12, 4)))
    follow, _ = last(h.chat_turn(assistant, st, "Còn năm 2023 thì sao?", today=dt.date(2026, 12, 4)))
    assert "Hiểu là: Tinh gian bien che ap dung nghi dinh nao, tính ở ngày 31/12/2023" in follow.text
    assert "Trong năm 2023: 29/2023/NĐ-CP có hiệu lực từ 20/07/2023" in follow.text and "108/2014/NĐ-CP" in follow.text
    start, _ = last(h.chat_turn(assistant, h.UserState(user="chat-start"), "Nghị định 118/2025 có hiệu lực từ ngày nào?",
                                today=dt.date(2026, 12, 4)))
    assert "Hiệu lực từ 01/07/2025" in start.text.split("\n")[0]
    # a replacement itself replaced by that day (113/2018 → 29/2023 → 154/2025, the last two unverified): the one in
    # force heads the answer, with its mark, whatever passage matched best (session 18)
    now, _ = last(h.chat_turn(assistant, h.UserState(user="chat-chain"), "Tinh giản biên chế hiện nay thực hiện theo "
                              "nghị định nào?", today=dt.date(2026, 12, 5)))
    assert now.text.split("\n")[0] == "**Ngày 05/12/2026: Nghị định số 154/2025/NĐ-CP.** [K: chưa xác minh]"


def test_the_circular_that_guides_a_decree_on_the_year_the_question_names(assistant):
    """Tried as a new user: "Thông tư nào hướng dẫn Nghị định 118/2025?" answered about the decree itself, and "Năm
    2024 văn bản nào hướng dẫn Nghị định 61/2018?" was answered for today ("61/2018" read as month 61, the year lost)."""
    now, _ = last(h.chat_turn(assistant, h.UserState(user="chat-guide"), "Thông tư nào hướng dẫn Nghị định 118/2025?",
                              today=dt.date(2026, 12, 1)))
    head = now.text.split("\n")[0]
    assert head.startswith("**Văn bản hướng dẫn Nghị định số 118/2025/NĐ-CP") and "Thông tư số 03/2025/TT-VPCP" in head
    assert "Thông tư 03/2025/TT-VPCP" in now.text.split("**Nguồn:**")[1].split("\n")[1]  # the first source
    then, _ = last(h.chat_turn(assistant, h.UserState(user="chat-guide-2024"),
                               "Năm 2024 văn bản nào hướng dẫn Nghị định 61/2018?", today=dt.date(2026, 12, 1)))
    head = then.text.split("\n")[0]
    assert "Thông tư số 01/2018/TT-VPCP" in head and "ngày 31/12/2024: còn hiệu lực" in head
    # a decree nothing in the registry guides gets the usual answer about itself
    plain, _ = last(h.chat_turn(assistant, h.UserState(user="chat-guide-none"), "Nghị định 09/2019 hướng dẫn gì?",
                                today=dt.date(2026, 12, 1)))
    assert not plain.text.startswith("**Văn bản hướng dẫn") and "09/2019/NĐ-CP" in plain.text.split("\n")[0]


def test_a_data_window_question_and_its_follow_up_in_the_chat(assistant):
    """The dates of the quarter's figures come first; "còn 6 tháng?" asks them for the 6 months of the same year."""
    st = h.UserState(user="chat-window")
    first, _ = last(h.chat_turn(assistant, st, "Báo cáo CCHC quý I năm 2024 lấy số liệu từ ngày nào đến ngày nào?",
                                today=dt.date(2026, 12, 1)))
    assert "15/12/2023" in first.text and "14/03/2024" in first.text and "09/2019/NĐ-CP" in first.text
    follow, _ = last(h.chat_turn(assistant, st, "Còn 6 tháng thì sao?", today=dt.date(2026, 12, 1)))
    assert "Hiểu là: Báo cáo CCHC lấy số liệu từ ngày nào đến ngày nào (6 tháng năm 2024)" in follow.text
    assert "14/06/2024" in follow.text and "14/03/2024" not in follow.text
    # a month after it: which report that month's figures go into, not the four reports of the year
    month, _ = last(h.chat_turn(assistant, st, "Tháng 3/2024 thì sao?", today=dt.date(2026, 12, 1)))
    assert "(tháng 3/2024)" in month.text and "tính vào báo cáo quý II năm 2024" in month.text, month.text
    assert "9 tháng" not in month.text.split("Căn cứ")[0]
    again, _ = last(h.chat_turn(assistant, st, "Còn tháng 12/2024?", today=dt.date(2026, 12, 1)))
    assert "( )" not in again.text and "tính vào báo cáo quý I năm 2025" in again.text


def test_conversation_eval_floors(assistant):
    from evals.conversation_eval import run_conversations

    res = run_conversations(assistant)
    assert res["conversations"] >= 30 and res["understood"] == 1.0
    assert res["kept"] >= 0.9, res["misses"]
    assert res["kept"] > res["alone"]


def test_a_follow_up_about_the_document_just_named_answers_its_links_first(assistant):
    """"Nghị định 118/2025 có hiệu lực từ ngày nào?" then "Nó thay thế những văn bản nào?": the answer's first line
    was about 118/2025's status, never what it replaced. A pronoun now stands for the document the last answer named,
    and a question of what replaced or amended what is answered by the registry's links, with their confidence."""
    from evals.conversation_eval import run_document_follow_ups

    res = run_document_follow_ups(assistant)
    assert res["conversations"] >= 30 and res["answered"] >= 0.95, res["misses"]
    st = h.UserState(user="doc-follow")
    list(h.chat_turn(assistant, st, "Nghị định 43/2011/NĐ-CP quy định gì?", today=dt.date(2026, 12, 1)))
    said = list(h.chat_turn(assistant, st, "Văn bản nào thay thế nó?", today=dt.date(2026, 12, 1)))[-1].text
    assert said.startswith("*Hiểu là: Văn bản nào thay thế Nghị định 43/2011/NĐ-CP")
    first = next(line for line in said.split("\n") if line.startswith("**"))
    assert "được thay thế bởi Nghị định số 42/2022/NĐ-CP từ ngày 01/08/2022" in first, first
    alone = list(h.chat_turn(assistant, h.UserState(user="doc-alone"), "Nó thay thế văn bản nào?",
                             today=dt.date(2026, 12, 1)))[-1].text
    assert "Hiểu là" not in alone  # no topic: nothing to stand for


# (least turns, least share of turns right) of each chat set, in evals.chat_eval.SETS order: the set written with its
# rules, every turn; the held-out sets 1–16
_CHAT_FLOORS = [(25, 0.99), (15, 0.9), *[(20, 0.95)] * 6, (30, 0.95), (25, 0.95), (35, 0.95), (35, 0.95), (35, 0.95),
                (27, 0.95), (23, 0.95), (25, 0.95), (25, 0.95), (25, 0.95), (23, 0.95), (23, 0.95),
                (21, 0.95), (20, 0.95), (19, 0.95), (13, 0.95), (14, 0.95),
                (15, 0.95), (15, 0.95), (15, 0.95), (14, 0.95), (14, 0.95), (12, 0.95), (17, 0.95), (18, 0.95), (19, 0.95), (16, 0.95), (16, 0.95),
                (16, 0.95), (16, 0.95), (16, 0.95), (16, 0.95)]


@pytest.mark.slow  # 90 s of the fast lane's 200: an eval of whole conversations, run by `make test` and `make evals`
@pytest.mark.parametrize("n", range(len(_CHAT_FLOORS)))
def test_chat_drafting_eval_floors(assistant, n):
    """Reports built in the chat one message at a time (evals/chat_eval.py): the set written with its rules 28/28
    turns, the held-out set 18/19 on its first run, the second held-out set 18/23 on its first run, the third 12/22
    (targets, titles, a special zone), the fourth 19/23 (a cause said as "trễ hẹn", a model's section, a title's year),
    the fifth 22/26 (a meeting's subject beside another figure, "tất cả đều được giải quyết đúng hạn", the attendees
    of law outreach, "chỉ tiêu Chính phủ giao"), all 100% after the rules taken from them, the sixth 26/26 on its first
    run, the seventh 19/24 (a place's number "tổ dân phố 7" read as dossiers, a reminder lost, a provincial office not
    taken as the unit, "chưa phát hiện sai phạm" lost, a plan on TTHC control put under II.2 — the last fixed in the twelfth session),
    the eighth 24/30 ("tiếp nhận và giải quyết 640 hồ sơ, 100% đúng hạn", a class beside the people it trained, two
    issuers' legal documents summed, a cause after "; nguyên nhân:" that says "hạn chế"; two golds corrected), the
    ninth 26/27 ("cấp 14 giấy chứng nhận … qua dịch vụ công trực tuyến toàn trình" read as 14 full-process services),
    the tenth 26/35 (a next period's label over a list of tasks, "tất cả đúng hạn", "phải sửa đổi, thay thế 17" after
    a count of legal documents, a typed rate with no base, staff sent to a named course, two plans in one sentence;
    two golds corrected), the eleventh 34/36 ("toàn bộ qua môi trường mạng" after the count received; one gold
    corrected — "còn lại đang giải quyết" is counted in code), the twelfth 30/35 (a provincial inspectorate not taken as
    the unit, "đang giải quyết 112 thủ tục", "TTHC cấp thị xã", "đều trước hạn", tasks listed by commas), the thirteenth
    24/27 after two golds corrected ("Hạn chế: còn 46 hồ sơ … quá hạn." said with no cause, its cause the next
    message; "hồ sơ tồn từ năm 2025 là 12"), the fourteenth 20/23 after one gold corrected (a province's public
    service centre taken for the province, "tập huấn … cho hơn 300 cán bộ" put under II.6), the fifteenth 20/25 as
    first written, 24/25 after four golds corrected ("1 ngày hội tuyên truyền …" lost as a length of time), the
    sixteenth 21/25, the seventeenth 21/25 as first written, 22/25 after one gold corrected ("100% nộp trực tuyến" of
    the count received, "được giao 9.860 người làm việc", "chỉnh lý, số hóa hồ sơ hộ tịch" cut into two tasks), the
    eighteenth 19/23 as first written, 22/23 after three golds corrected ("xa Tra Linh tinh Cao Bang" kept without
    its marks though the province names the one unit), the nineteenth 19/23 as first written, 20/23 after one gold
    corrected ("Giám đốc" read as "giảm", "gồm 58 thủ tục mới" after a total of kinds, a desk's computer read as
    dossiers and its task lost), the twentieth 16/21 as first written, 19/21 after three golds corrected ("nâng tỷ
    lệ …" after a comma not a task of its own, "tiến hành 4 cuộc thanh tra công vụ" no activity), the twenty-first
    20/20 on its first run (in part optimistic: it reuses its round's reading phrasing), the twenty-second 15/19 on its
    first run (a done and a planned count in one sentence, the plan lost; "kiểm tra CCHC tại 3 đơn vị sự nghiệp" read
    as the units there are; "phuong Thuan Hoa" in 2026 not given the marks of the 2025 map; "2 hội nghị … theo dự
    kiến" told twice), the twenty-third 12/13 on its first run (pasted paragraphs: "công bố danh mục 38 TTHC mới"
    unread), the twenty-fourth 12/14 on its first run (a late count first said inside a limitation, a target said
    alone), the twenty-fifth 15/15 on its first run (fractions, a share before its count, "phần hạn chế"), the
    twenty-sixth 13/15 on its first run ("… và 8 văn bản đôn đốc khác", "Dự toán thu phí, lệ phí … là"), the
    twenty-seventh 11/15 as first written, 13/15 after two golds corrected ("phuong Ha Giang 1" lost its number, a
    named conference beside "2 cuộc họp giao ban" not counted), the twenty-eighth 12/14 on its first run (written
    after the rules of the twenty-seventh to try them: the body beside the places checked before ", phát hiện 2",
    "3 cuộc họp giao ban về CCHC" taken for an activity), the twenty-ninth 12/14 as first written, 13/14 after one gold
    corrected ("Cấp 18.420 phiếu lý lịch tư pháp" read as survey forms), the thirtieth 11/12 on its first run (a reform
    conference and one on poverty reduction kept as one event), the thirty-first 13/17 on its first run (a briefing's
    topic, "đang thẩm định", a target named after its percentage, a rise beside its total), the thirty-second 13/18 on
    its first run (last year's late dossiers taken for a limitation, teachers recruited as civil servants, "còn lại
    nộp trực tiếp", "khắc phục ngay 15" read as a day), the thirty-third 16/19 on its first run (a correction with its
    cause kept the old count, "công chức xã: giao 22" unread, "Tỉnh kiến nghị …" read as an event), the thirty-fourth
    15/16 on its first run (the next period's quarter without its year read as an event), the thirty-fifth 14/16 as
    written, 15/16 after one gold corrected to the outline (a special zone's task read as an event and "lắp đặt … Bộ
    phận" as a command), the thirty-sixth 14/16 as written, both misses golds against the conventions the earlier
    sets keep (quý II is the 6-month report; a target redrafts the section holding its figures), the thirty-seventh
    16/16 on its first run, the thirty-eighth 16/16 on its first run, the thirty-ninth 15/16 as written (its miss a gold
    against the sets' convention: a course told with its subject is also an event); floors under all thirty-nine.
    The figures check is strict: a figure set that
    the turn's gold does not name fails the turn. One test per set, so that the fast lane's two workers share them."""
    from evals.chat_eval import SETS, run_chat

    assert len(SETS) == len(_CHAT_FLOORS)  # a new set needs its floor
    got = run_chat(assistant, SETS[n][0])
    least_turns, least_right = _CHAT_FLOORS[n]
    assert got["turns"] >= least_turns and got["turns_right"] >= least_right, got["wrong"]
    assert got["per_check"]["meta"] == 1.0


def test_a_department_is_named_in_full_with_its_symbol_and_province():
    """"Sở Tài chính tỉnh Hà Tĩnh" was read as "Sở Tài" (its second word is lower-case) and, in a command, named
    section II.5 (tài chính) instead of the whole report."""
    from drafting.inputs.chat_reader import ChatMeta, meta_dict, read_place
    from drafting.service.intents import classify

    msg = "Soạn báo cáo cải cách hành chính 9 tháng năm 2026 của Sở Tài chính tỉnh Hà Tĩnh"
    assert read_place(msg) == ("Sở Tài chính tỉnh Hà Tĩnh", "sở")
    assert read_place("sở văn hóa, thể thao và du lịch tỉnh Quảng Trị tổ chức") == (
        "Sở Văn hóa, Thể thao và Du lịch tỉnh Quảng Trị", "sở")
    meta = meta_dict(ChatMeta(locality="Sở Tài chính tỉnh Hà Tĩnh", level="sở"))
    assert (meta["issuer"], meta["symbol"], meta["place"], meta["parent"]) == (
        "Sở Tài chính tỉnh Hà Tĩnh", "BC-STC", "Hà Tĩnh", "UBND tỉnh Hà Tĩnh")
    intent = classify(msg, unit="Sở Tài chính tỉnh Hà Tĩnh")
    assert intent.kind == "draft" and intent.whole and intent.sections == []


def test_an_estimate_stays_an_estimate_when_a_saved_draft_is_reopened(assistant):
    """"cho khoảng 450 lượt người" is drafted "khoảng 450"; the saved draft lost that, so reopening it (in the chat or
    the builder) and drafting again wrote "450" as if counted. Now the estimate is saved with its value: kept while the
    value is the one estimated, dropped once another number is typed."""
    from decimal import Decimal

    day = dt.date(2026, 9, 20)
    st = h.UserState(user="estimate")
    for msg in ("Báo cáo CCHC 9 tháng năm 2026 của xã Tân Phú, tỉnh Đồng Nai",
                "Xã tổ chức 6 buổi tuyên truyền CCHC cho khoảng 450 lượt người tham dự.", "Soạn phần chỉ đạo"):
        list(h.chat_turn(assistant, st, msg, today=day))
    first = "\n".join(p.text for p in st.last_draft.section("I").paragraphs)
    assert "khoảng 450 lượt người" in first, first
    again = h.UserState(user="estimate")
    rec, data, _ = h.open_draft(assistant, again, st.last_draft_id)
    assert rec.approx == {"chi_dao.luot_nguoi_tuyen_truyen": "450"} and again.chat_values["chi_dao.luot_nguoi_tuyen_truyen"].approx
    list(h.chat_turn(assistant, again, "Soạn phần chỉ đạo", today=day))
    assert "khoảng 450 lượt người" in "\n".join(p.text for p in again.last_draft.section("I").paragraphs)
    # the builder: the same draft's figures in the form, drafted again; then with the count typed
    builder = h.UserState(user="estimate")
    builder.builder_approx = dict(rec.approx)
    text = lambda res: "\n".join(p.text for p in builder.last_draft.section("I").paragraphs)  # noqa: E731
    assert "khoảng 450 lượt người" in text(h.generate_report(assistant, builder, data, sections=["I"]))
    typed = data.model_copy(update={"figures": data.figures.model_copy(update={
        "values": {**data.figures.values, "chi_dao.luot_nguoi_tuyen_truyen": Decimal(452)}})})
    assert "452 lượt người" in text(h.generate_report(assistant, builder, typed, sections=["I"])) and "khoảng" not in text(None)


def test_a_later_quarter_asked_for_is_its_cumulative_report_and_said_so(assistant):
    """CCHC is reported for quý I, 6 and 9 months and the year: "báo cáo quý III" was made the year's report (its date
    15/12) without a word. Now quý II/III/IV are the 6-month, 9-month and year's reports, and the reply says so; a
    period said beside a next quarter ("9 tháng … và nhiệm vụ quý IV") stays the period said."""
    for asked, period, phrase in (("quý III năm 2026", "9 tháng", "9 tháng đầu năm 2026"),
                                  ("quý 2 năm 2026", "6 tháng", "6 tháng đầu năm 2026"),
                                  ("quý IV/2026", "năm", "năm 2026")):
        st = h.UserState(user=f"quarter-{period}")
        said = list(h.chat_turn(assistant, st, f"Soạn báo cáo CCHC {asked} của phường Lộc Thọ",
                                today=dt.date(2026, 12, 1)))[-1].text
        assert st.chat_meta["period"] == period and st.chat_meta["year"] == 2026, asked
        assert f"được lập là báo cáo {phrase}" in said and "lũy kế từ đầu năm" in said, said[:300]
    st = h.UserState(user="quarter-said")
    said = list(h.chat_turn(assistant, st, "Soạn báo cáo CCHC 9 tháng năm 2026 và nhiệm vụ quý IV của phường Lộc Thọ",
                            today=dt.date(2026, 10, 1)))[-1].text
    assert st.chat_meta["period"] == "9 tháng" and "được lập là" not in said


def test_a_unit_typed_without_marks_takes_the_map_of_its_reports_year_and_highland_names_need_no_marks(assistant):
    """"phuong Thuan Hoa" in a 2026 report: the gazetteer holds Huế's Thuận Hòa (the map before 01/7/2025) and Thuận
    Hóa (after) — the report's year chooses. A name of a highland language ("Ea Trang", "Ia Grai") has no marks to
    restore: no note asks to retype it, as a Kinh name typed plain still gets."""
    st = h.UserState(user="map-year")
    list(h.chat_turn(assistant, st, "soan bao cao CCHC nam 2026 cua phuong Thuan Hoa thanh pho Hue",
                     today=dt.date(2026, 12, 10)))
    assert st.chat_meta["locality"] == "phường Thuận Hóa"
    st = h.UserState(user="map-year-old")
    list(h.chat_turn(assistant, st, "soan bao cao CCHC nam 2024 cua phuong Thuan Hoa thanh pho Hue",
                     today=dt.date(2024, 12, 10)))
    assert st.chat_meta["locality"] == "phường Thuận Hòa"
    for name, noted in (("xã Ea Trang", False), ("xã Ia Grai", False), ("xã Tan Lap Moi", True)):
        said = list(h.chat_turn(assistant, h.UserState(user=f"marks-{noted}"), f"Báo cáo CCHC năm 2026 của {name}",
                                today=dt.date(2026, 12, 10)))[-1].text
        assert ("không có dấu" in said) == noted, name


def test_a_count_first_said_in_a_limitation_drafts_its_own_section_too(assistant):
    """Chat set 24: "han che: con 6 ho so qua han do …" was the first word of the late dossiers, yet only section III
    was drafted, so II.2 still said nothing of them; and a target said alone redrafted every section with a held
    figure. Here a department, in other words: the late count new → II.2 and III; said again → III only."""
    st = h.UserState(user="limitation-count")
    day = dt.date(2026, 6, 17)

    def drafted(message):
        list(h.chat_turn(assistant, st, message, today=day))
        return st.chat_sections

    drafted("Soạn báo cáo CCHC 6 tháng đầu năm 2026 của Sở Công Thương tỉnh Bắc Ninh")
    assert drafted("Sở tiếp nhận 812 hồ sơ, đã giải quyết 790 hồ sơ. Sở ban hành 7 văn bản chỉ đạo về CCHC.") == ["I", "II.2"]
    assert drafted("Tồn tại: còn 9 hồ sơ trễ hạn vì doanh nghiệp chậm bổ sung giấy tờ.") == ["II.2", "III"]
    assert drafted("Hạn chế: còn 9 hồ sơ trễ hạn vì phải lấy ý kiến các sở liên quan.") == ["III"]
    # a target alone: III, and II.2 where its dossiers are told — not section I of the directing documents
    assert drafted("Chỉ tiêu theo Kế hoạch số 31/KH-UBND: tỷ lệ hồ sơ trực tuyến toàn trình đạt ít nhất 75%.") == ["II.2", "III"]


def test_chat_asks_for_the_period_when_a_quarter_of_it_is_given(assistant):
    """In the chat of a nine-month report, "Quý III xã tiếp nhận 410 hồ sơ" was kept as the period's dossiers (issue 14).
    The chat passes the report's period to the reader: the quarter's count is shown back and asked about, never kept."""
    st = h.UserState(user="chat-quarter")
    last(h.chat_turn(assistant, st, "Soạn báo cáo CCHC 9 tháng năm 2026 của UBND xã Sìn Hồ, tỉnh Lai Châu",
                     today=dt.date(2026, 9, 16)))
    final, _ = last(h.chat_turn(assistant, st, "Quý III xã tiếp nhận 410 hồ sơ.", today=dt.date(2026, 9, 16)))
    assert "tthc.ho_so_tiep_nhan" not in st.chat_values and "một quý trong kỳ" in final.text
    last(h.chat_turn(assistant, st, "9 tháng xã tiếp nhận 1.126 hồ sơ.", today=dt.date(2026, 9, 16)))
    assert st.chat_values["tthc.ho_so_tiep_nhan"].value == 1126
