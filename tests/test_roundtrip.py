"""The Word round trip (issue 15): a draft edited in Word comes back, is checked against what it was
drafted from, and saved as the unit's official report it becomes the unit's first precedent and the
next period's `previous`. Real index, real .docx files edited with python-docx."""

import datetime as dt

import docx

from drafting import service as h
from drafting.inputs.files import figures_from_data

UNIT = "xã Tân Lập Đông"  # used by no other test: the shared index gets this unit's final, then loses it
META = {"issuer": "Ủy ban nhân dân xã Tân Lập Đông", "parent": "UBND huyện Thử Nghiệm", "level": "xã",
        "locality": UNIT, "place": "Tân Lập Đông", "period": "quý I", "year": 2026, "date": dt.date(2026, 3, 20)}


def test_an_edited_draft_is_checked_saved_as_official_and_carried_forward(assistant, tmp_path):
    st = h.UserState(user="roundtrip")
    data = figures_from_data({"meta": META, "figures": {"tthc": {"ho_so_tiep_nhan": 253, "ho_so_da_giai_quyet": 252,
                                                                 "ho_so_dung_han_tong": 245, "ho_so_qua_han": 7,
                                                                 "ho_so_dang_giai_quyet": 1}}})
    res = h.generate_report(assistant, st, data, sections=["II.2"])
    assert res.docx is not None
    d = docx.Document(str(res.docx))
    changed = next(p for p in d.paragraphs if "253" in p.text)
    for run in changed.runs:
        run.text = run.text.replace("253", "248")
    added = d.add_paragraph("Trong quý, xã tổ chức 17 buổi hướng dẫn nộp hồ sơ trực tuyến tại thôn.")
    d.add_comment(added.runs[0], text="Số buổi lấy theo sổ theo dõi của bộ phận một cửa.", author="Nguyễn Văn An",
                  initials="NA")
    edited = tmp_path / "bao-cao-da-sua.docx"
    d.save(str(edited))

    review = h.review_file(assistant, st.user, edited, dt.date(2026, 3, 20))
    messages = [r[5] for r in review.rows]
    assert any("248 trong văn bản, 253 trong biểu số liệu" in m for m in messages)
    assert any("“17”" in m and "không có trong biểu số liệu" in m for m in messages)
    # each says where: the paragraph of the document, as the other findings do (tried in the app: the column was blank)
    assert all(str(r[3]).strip().isdigit() for r in review.rows if "trong văn bản" in r[5] or "“17”" in r[5]), review.rows
    assert not any("“245”" in m or "“252”" in m for m in messages)  # the product's own numbers have a source
    # the appendix's row numbers are the product's own; the changed figure is listed once, not again as "new"
    assert not any("“248”" in m for m in messages) and sum("248" in m for m in messages) == 1, messages
    assert not any(m.startswith("Số “") and r[4].strip().isdigit() for r, m in zip(review.rows, messages)), messages
    assert "Nguyễn Văn An: Số buổi lấy theo sổ" in review.summary and "1 số liệu sửa tay" in review.summary

    msg = h.save_official(assistant, st.user, edited)
    assert "bản chính thức" in msg and UNIT in msg
    official = next(m for m in assistant.retrieval.library.metas() if m.get("official"))
    try:
        assert official["locality"] == UNIT and official["figures"]["tthc.ho_so_tiep_nhan"] == "248"
        # the next period's «Kỳ trước» comes from the final version, without retyping
        tables, note = h.previous_from_library(assistant, {**META, "period": "6 tháng"}, h.empty_tables())
        rows = {h.row_key("tthc", r): r for r in tables["tthc"]}
        assert rows["tthc.ho_so_tiep_nhan"][3] == "248" and rows["tthc.ho_so_qua_han"][3] == "7" and "quý I năm 2026" in note
        # and the unit's own final is its first precedent
        from drafting.models import ReportMeta

        meta = ReportMeta.model_validate({**META, "period": "6 tháng", "date": dt.date(2026, 6, 20)})
        hits = assistant.drafter.precedent("II.2", meta)
        assert hits and hits[0].doc_id == official["doc_id"]
        assert any(r[2] == "official" for r in h.audit_rows(assistant, st.user))
        # the chat's next report starts from it too, as if the official had sent the file: its figures the «Kỳ trước»
        chat = h.UserState(user="roundtrip-chat")
        replies = list(h.chat_turn(assistant, chat, "Soạn báo cáo CCHC 6 tháng đầu năm 2026 của UBND xã Tân Lập Đông",
                                   today=dt.date(2026, 6, 18)))
        assert chat.chat_previous["tthc.ho_so_tiep_nhan"].value == 248, chat.chat_previous
        assert "bản chính thức" in replies[-1].text and "bao-cao-da-sua.docx" in replies[-1].text
    finally:
        h.library_remove(assistant, st.user, official["doc_id"])


def test_draft_from_the_command_line_carries_last_periods_report(assistant, tmp_path):
    import json
    import os
    import subprocess
    import sys

    import yaml

    from tests.conftest import ROOT

    past = docx.Document()
    for line in ["ỦY BAN NHÂN DÂN XÃ TÂN LẬP ĐÔNG", "Tân Lập Đông, ngày 20 tháng 3 năm 2026", "BÁO CÁO",
                 "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026",
                 "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", "2. Cải cách thủ tục hành chính",
                 "Tiếp nhận 253 hồ sơ, đã giải quyết 252 hồ sơ, quá hạn 7 hồ sơ, đang giải quyết 1 hồ sơ.",
                 "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II", "- Triển khai số hóa kết quả giải quyết thủ tục hành chính."]:
        past.add_paragraph(line)
    past.save(str(tmp_path / "quy-I.docx"))
    figures = {"meta": {**META, "period": "6 tháng", "date": "2026-06-20"},
               "figures": {"tthc": {"ho_so_tiep_nhan": 300, "ho_so_ky_truoc": 1, "ho_so_moi": 299}}}
    (tmp_path / "so-lieu.yaml").write_text(yaml.safe_dump(figures, allow_unicode=True), encoding="utf-8")
    env = {**os.environ, "TROLY_DATA_DIR": str(assistant.settings.data_dir)}
    out = subprocess.run([sys.executable, "-m", "drafting", "draft", "--figures", str(tmp_path / "so-lieu.yaml"),
                          "--previous-report", str(tmp_path / "quy-I.docx"), "--section", "II.2", "--json"],
                         cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert out.returncode == 0, out.stderr
    draft = json.loads(out.stdout)
    assert draft["previous"]["tthc.ho_so_tiep_nhan"] == "253"
    # 6 months' 300 dossiers are not "47 more" than quý I's 253: both count from 15/12 (Nghị định 09/2019, Điều 12)
    assert "tăng 47 hồ sơ" not in json.dumps(draft, ensure_ascii=False)
    assert any("Triển khai số hóa kết quả" in f["message"] for f in draft["findings"])
    assert "Số liệu kỳ trước lấy từ quy-I.docx (quý I năm 2026)" in out.stderr


def test_a_figure_the_draft_did_not_have_is_named_by_its_label(assistant, tmp_path):
    """Found trying the round trip as an official would: a sentence typed in Word over a request for content
    ("… ban hành 02 nghị quyết quy phạm pháp luật") was not reported, while the appendix's row numbers were."""
    st = h.UserState(user="roundtrip-new")
    meta = {**META, "issuer": "Ủy ban nhân dân xã Tân Lập Tây", "locality": "xã Tân Lập Tây", "place": "Tân Lập Tây"}
    data = figures_from_data({"meta": meta, "figures": {"tthc": {"ho_so_tiep_nhan": 253, "ho_so_da_giai_quyet": 252,
                                                                 "ho_so_dung_han_tong": 245, "ho_so_qua_han": 7}}})
    res = h.generate_report(assistant, st, data)
    d = docx.Document(str(res.docx))
    ask = next(p for p in d.paragraphs if p.text.startswith("[đề nghị bổ sung: kết quả thực hiện"))
    for run in ask.runs[1:]:
        run.text = ""
    ask.runs[0].text = "Trong quý, xã đã tham mưu HĐND xã ban hành 02 nghị quyết quy phạm pháp luật."
    edited = tmp_path / "ban-cuoi.docx"
    d.save(str(edited))
    rows = h.review_file(assistant, st.user, edited, dt.date(2026, 3, 20), draft_id=res.draft_id).rows
    new = [r for r in rows if "không có trong biểu số liệu hay dự thảo" in r[5]]
    assert [r[5].split(":")[0] for r in new] == ["Văn bản quy phạm pháp luật đã ban hành"], rows
    assert new[0][2] == "II.1" and new[0][0] == "Cảnh báo"


def test_last_periods_report_brought_into_the_chat_becomes_its_previous_column(assistant, tmp_path):
    """Issue 14 in the chat: a report sent with "dùng làm số liệu kỳ trước để soạn báo cáo quý I năm 2027" — its
    figures become the «Kỳ trước» column (each with its words), the unit and the new period are filled in, its
    section IV listed; a report of another unit is refused with a message, nothing merged."""
    st = h.UserState(user="roundtrip-chat")
    meta = {**META, "issuer": "Ủy ban nhân dân xã Tân Lập Nam", "locality": "xã Tân Lập Nam", "place": "Tân Lập Nam",
            "period": "năm", "year": 2026, "date": dt.date(2026, 12, 12)}
    data = figures_from_data({"meta": meta, "figures": {"tthc": {"ho_so_tiep_nhan": 3540, "ho_so_da_giai_quyet": 3480,
                                                                 "ho_so_dung_han_tong": 3452, "ho_so_qua_han": 28,
                                                                 "ho_so_dang_giai_quyet": 60, "tthc_tong_so": 118}},
                              "facts": [{"section": "IV", "kind": "task", "text": "Rà soát TTHC lĩnh vực đất đai"}]})
    past = h.generate_report(assistant, st, data).docx
    chat = h.UserState(user="roundtrip-chat")
    msg = "Đây là báo cáo năm 2026 của xã, dùng làm số liệu kỳ trước để soạn báo cáo quý I năm 2027."
    reply = list(h.chat_turn(assistant, chat, msg, files=[past], today=dt.date(2027, 3, 20)))[-1]
    assert (chat.chat_meta["period"], chat.chat_meta["year"], chat.chat_meta["locality"]) == ("quý I", 2027, "xã Tân Lập Nam")
    assert chat.chat_previous["tthc.ho_so_tiep_nhan"].value == 3540 and "«tổng số hồ sơ tiếp nhận là 3.540»" in reply.text
    assert "Rà soát TTHC lĩnh vực đất đai" in reply.text
    # this quarter's dossiers are not compared with last year's total (another length of period); its procedures are
    reply = list(h.chat_turn(assistant, chat, "Quý I xã tiếp nhận 910 hồ sơ, đã giải quyết 880 hồ sơ; tổng số TTHC là "
                                              "120 thủ tục.", today=dt.date(2027, 3, 20)))[-1]
    assert "910 hồ sơ" in reply.text and "so với kỳ trước" not in reply.text.split("910 hồ sơ")[1].split(".")[0]
    other = h.UserState(user="roundtrip-chat")
    list(h.chat_turn(assistant, other, "Soạn báo cáo quý I năm 2027 của xã Hòa Bình.", today=dt.date(2027, 3, 20)))
    refused = list(h.chat_turn(assistant, other, "báo cáo kỳ trước đây", files=[past], today=dt.date(2027, 3, 20)))[-1]
    assert "không phải của xã Hòa Bình" in refused.text and not other.chat_previous


def test_an_earlier_report_sent_while_another_period_is_drafted_is_carried_not_reviewed(assistant, tmp_path):
    """Tried as a new user (a Ban Quản lý's 6-month report): "Đây là báo cáo quý I của Ban." with the file was
    reviewed (nine layout findings) instead of taken as last period's report; its section IV, written as a plain
    sentence rather than a list, was not listed either, nor was the year's plan it said was issued. A file sent with a
    message naming the report under way's own period is still reviewed."""
    past = tmp_path / "q1.txt"
    past.write_text("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nBAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP\n\nBắc Ninh, ngày 20 tháng 3 năm "
                    "2026\n\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính quý I năm 2026\n\nI. CÔNG TÁC CHỈ "
                    "ĐẠO, ĐIỀU HÀNH\nBan ban hành Kế hoạch số 08/KH-BQL ngày 10/01/2026 về CCHC năm 2026 với 24 nhiệm "
                    "vụ.\n\nII. KẾT QUẢ THỰC "
                    "HIỆN\n2. Cải cách thủ tục hành chính\nBan đang thực hiện 68 TTHC. Quý I tiếp nhận 812 hồ sơ, đã giải "
                    "quyết 790 hồ sơ.\n\nIV. NHIỆM VỤ QUÝ II\nTiếp tục rà soát, đơn giản hóa TTHC lĩnh vực đầu tư.\n",
                    encoding="utf-8")
    day = dt.date(2026, 7, 5)
    st = h.UserState(user="carry-plain")
    first = list(h.chat_turn(assistant, st, "Tôi cần soạn báo cáo CCHC 6 tháng đầu năm 2026 của Ban Quản lý các khu "
                                            "công nghiệp tỉnh Bắc Ninh.", today=day))[-1]
    assert first.text.startswith("Đã ghi: báo cáo CCHC 6 tháng đầu năm 2026 của Ban Quản lý các khu công nghiệp")
    reply = list(h.chat_turn(assistant, st, "Đây là báo cáo quý I của Ban.", files=[past], today=day))[-1]
    assert st.chat_previous["tthc.tthc_tong_so"].value == 68 and "cột «Kỳ trước»" in reply.text
    assert "- Tiếp tục rà soát, đơn giản hóa TTHC lĩnh vực đầu tư" in reply.text
    assert (st.chat_meta["period"], st.chat_meta["year"]) == ("6 tháng", 2026)
    # the year's plan, issued in quý I, is a document of section I of every later report of the year (to confirm)
    assert [(f.section, f.kind, f.number) for f in st.chat_facts] == [("I", "document", "Kế hoạch số 08/KH-BQL")]
    assert "Kế hoạch CCHC năm nêu trong báo cáo đó" in reply.text and st.chat_facts[0].origin.startswith("q1.txt")
    same = list(h.chat_turn(assistant, st, "Đây là dự thảo 6 tháng của Ban.", files=[past], today=day))[-1]
    assert "Rà soát" in same.text and "cột «Kỳ trước»" not in same.text


def test_last_periods_tasks_of_a_scan_end_at_the_recipients():
    """Tried as an official would (session 22: the year report of xã Quế Sơn from its 9-month report, a scan's text
    without diacritics and without «Trên đây là báo cáo…»): the recipients' line «- UBND thanh pho Da Nang;» was read
    as one of last period's tasks. «Nơi nhận:» ends the body as the closing formula does."""
    from drafting.service.reading import planned_tasks

    text = ("BAO CAO\nKet qua cong tac cai cach hanh chinh quy I nam 2026\n\nIV. NHIEM VU QUY II NAM 2026\n"
            "Tiep tuc so hoa ket qua giai quyet TTHC tai Bo phan mot cua.\n\nNoi nhan:\n- UBND tinh Quang Tri;\n"
            "- So Noi vu tinh Quang Tri;\n- Luu: VT.\n\nTM. UY BAN NHAN DAN\nCHU TICH\n")
    assert planned_tasks(text) == ["Tiep tuc so hoa ket qua giai quyet TTHC tai Bo phan mot cua"]


def test_a_whole_draft_sent_back_unedited_has_no_figure_changed(assistant, tmp_path):
    """Tried in the app: a commune's whole nine-month draft, downloaded and sent back with only a sentence added, was
    told "12 số liệu sửa tay khác biểu số liệu" ("Văn bản chỉ đạo …: 1 trong văn bản, 7 trong biểu số liệu"): the
    reviewer read the .docx cell by cell, so each appendix row's number ("1", "3") was taken for the row's count.
    Read as the importer reads it (a row on one line), nothing was changed and only the added number is new."""
    from pathlib import Path

    from drafting.inputs.files import load_figures_file

    data = load_figures_file(Path("evals/cases/substance/tinh-phu-tho-9t-2026.yaml"))
    st = h.UserState(user="roundtrip-whole")
    res = h.generate_report(assistant, st, data)
    d = docx.Document(str(res.docx))
    third = next(p for p in d.paragraphs if p.text.startswith("III."))
    third.insert_paragraph_before("Tỉnh đã tổ chức 29 buổi đối thoại với doanh nghiệp về thủ tục đầu tư.")
    edited = tmp_path / "bao-cao-gui-lai.docx"
    d.save(str(edited))
    review = h.review_file(assistant, st.user, edited, None, draft_id=res.draft_id)
    figures = [r[5] for r in review.rows if "trong biểu số liệu" in r[5] or "không có trong biểu số liệu" in r[5]]
    assert len(figures) == 1 and "“29”" in figures[0], figures
    assert "0 số liệu sửa tay" in review.summary or "số liệu sửa tay" not in review.summary, review.summary


def test_a_signed_scan_saved_as_official_is_carried_into_the_chat_from_its_stored_text(assistant, tmp_path):
    """The chat skipped a unit's official report when it was a scan (OCR'd when saved), so a new report in the chat
    started empty where the builder's button took its figures. The text the library read from the scan when it was
    saved is read instead — no second OCR — and the figures checked then still win. Here the saved official's record
    is marked as a scan whose stored text carries a next-period task its figures do not."""
    st = h.UserState(user="roundtrip-scan")
    meta = {**META, "issuer": "Ủy ban nhân dân xã Tân Lập Tây", "locality": "xã Tân Lập Tây", "place": "Tân Lập Tây"}
    data = figures_from_data({"meta": meta, "figures": {"tthc": {"ho_so_tiep_nhan": 311, "ho_so_da_giai_quyet": 300,
                                                                 "ho_so_dung_han_tong": 300, "ho_so_dang_giai_quyet": 11}}})
    res = h.generate_report(assistant, st, data, sections=["II.2"])
    final = tmp_path / "bao-cao-ky.docx"
    final.write_bytes(res.docx.read_bytes())
    h.save_official(assistant, st.user, final)
    lib = assistant.retrieval.library
    official = next(m for m in lib.metas() if m.get("official") and m.get("locality") == "xã Tân Lập Tây")
    try:
        text = "\n".join(p.text for p in docx.Document(str(final)).paragraphs)
        task = "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2026\nHoàn thành số hóa sổ hộ tịch tại 5 thôn.\n"
        at = text.index("PHỤ LỤC")  # (a one-section draft: section IV before its appendix)
        lib.update_meta(official["doc_id"], {"ocr": True, "extracted_text": text[:at].replace("311", "317") + task
                                                                               + text[at:]})
        chat = h.UserState(user="roundtrip-scan-chat")
        replies = list(h.chat_turn(assistant, chat, "Soạn báo cáo CCHC 6 tháng đầu năm 2026 của UBND xã Tân Lập Tây",
                                   today=dt.date(2026, 6, 18)))
        assert "bản quét" in replies[-1].text and "số hóa sổ hộ tịch tại 5 thôn" in replies[-1].text, replies[-1].text
        assert chat.chat_previous["tthc.ho_so_tiep_nhan"].value == 311  # the figure checked when saved, not the text's
    finally:
        h.library_remove(assistant, st.user, official["doc_id"])
