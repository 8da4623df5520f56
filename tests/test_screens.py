"""What the screens do, without a browser (issue 18): editing a section in place, reviewing one section, findings
tidied, the chat's new conversation, its reference date and a chat draft opened in the builder."""

from __future__ import annotations

import datetime as dt
import io

import docx
import pytest

from drafting import service as h
from drafting.figures.schema import key_for_label
from drafting.inputs.files import load_figures_file
from drafting.review.checks import review_document
from drafting.review.document import load_review_document
from drafting.service.editing import edit_section, section_text
from tests.conftest import ROOT

CASE = ROOT / "evals/cases/drafting/ba-trang-6t-2023.yaml"
SEED_003 = ROOT / "corpus" / "reports" / "003_8ca837b1dccb8473.txt"
SEED_000 = ROOT / "corpus" / "reports" / "000_b0fac69dfb7e95b5.txt"


def _docx_text(path) -> str:
    return "\n".join(p.text for p in docx.Document(str(path)).paragraphs)


def test_an_edited_section_is_checked_at_once_and_exported(assistant):
    st = h.UserState(user="edit-a")
    res = h.generate_report(assistant, st, load_figures_file(CASE))
    before = section_text(st.last_draft, "II.2")
    assert "253" in before
    edited = (before + "\nTrong kỳ, xã tiếp nhận thêm 999 hồ sơ qua bưu chính."
              "\nThực hiện Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ, xã niêm yết đầy đủ thủ tục."
              "\nĐã giải quyết 253 hồ sơ, trong đó trước và đúng hạn 245 hồ sơ, đạt tỷ lệ 90%.")
    out = edit_section(assistant, st, res.draft_id, "II.2", edited)
    text = _docx_text(out.docx)
    # the official's words are exported as typed: nothing removed
    assert "thêm 999 hồ sơ qua bưu chính" in text and "đạt tỷ lệ 90%" in text
    mine = [r for r in out.findings if r[2].startswith("II.2")]
    said = " ".join(r[4] for r in mine)
    assert "Cần xem lại “999”: con số không có trong số liệu đầu vào" in said  # a number with no source
    assert "90%" in said and "96,84" in said  # the rate recomputed from the counts beside it
    assert "điểm cần xem lại trong mục này" in out.message
    # the saved draft carries the edit: reopening shows it
    rec, _, reopened = h.open_draft(assistant, st, res.draft_id)
    assert "999 hồ sơ" in section_text(rec.draft, "II.2") and "999 hồ sơ" in reopened.html
    # a line typed without diacritics is kept and listed; retyped with its marks, the finding goes
    plain = edit_section(assistant, st, res.draft_id, "II.2", before + "\nXa niem yet day du thu tuc tai bo phan mot cua.")
    assert any("Câu gõ không dấu («Xa niem yet day du" in r[4] for r in plain.findings)
    marked = edit_section(assistant, st, res.draft_id, "II.2", before + "\nXã niêm yết đầy đủ thủ tục tại Bộ phận Một cửa.")
    assert not any("không dấu" in r[4] for r in marked.findings)
    with pytest.raises(h.InputError, match="Chưa có dự thảo"):
        edit_section(assistant, st, None, "II.2", "x")


def test_editing_keeps_a_marked_proposal_until_its_brackets_go(assistant):
    st = h.UserState(user="edit-b")
    res = h.generate_report(assistant, st, load_figures_file(CASE))
    out = edit_section(assistant, st, res.draft_id, "III", "[đề nghị xác nhận: Cơ sở vật chất còn thiếu.]\n"
                                                           "Máy tính của bộ phận một cửa đã cũ.")
    sec = assistant.store.load(st.user, res.draft_id).draft.section("III")
    assert [p.proposed for p in sec.paragraphs] == [True, False]
    assert any(r[1] == "Đề xuất cần xác nhận" or "chưa được xác nhận" in r[4] for r in out.findings)


def test_review_one_section_only(assistant):
    whole = h.review_file(assistant, "review-scope", SEED_003, dt.date(2023, 6, 5))
    part = h.review_file(assistant, "review-scope", SEED_003, dt.date(2023, 6, 5), section="II.2")
    assert 0 < len(part.rows) < len(whole.rows)
    assert all(r[2].startswith("II.2") for r in part.rows)
    assert "chỉ rà soát mục II.2" in part.summary and "96,83" in part.html
    assert "Lặp từ “bản bản”" not in part.html  # a finding of section I is not this part's
    with pytest.raises(h.InputError, match="Không thấy mục"):
        h.review_file(assistant, "review-scope", SEED_003, dt.date(2023, 6, 5), section="II.9")


def test_local_documents_not_in_the_registry_are_one_note_and_findings_appear_once(assistant):
    doc = load_review_document(SEED_000.read_bytes(), "000.txt")
    issues = review_document(doc, assistant.drafter.registry, dt.date(2023, 6, 30))
    local = [i for i in issues if i.group == "unverified_local"]
    # the README's figure: seed 000 cites 33 local documents, now one note instead of 33
    assert len(local) == 1 and local[0].message.startswith("33 văn bản chưa có trong sổ đăng ký")
    keys = [(i.kind, i.paragraph, i.text, i.message) for i in issues]
    assert len(keys) == len(set(keys))
    assert len(issues) < 20  # the 33 notes no longer drown the errors
    from drafting.models import ReviewIssue
    from drafting.review.tidy import tidy

    # one document cited twice, its date written two ways, is one document with both paragraphs
    cited = [ReviewIssue(kind="citation", severity="info", section="I", paragraph=n, group="unverified_local", text=t,
                         message="m") for n, t in ((18, "Kế hoạch số 08/KH-UBND ngày 14/1/2026"),
                                                   (52, "Kế hoạch số 32/KH-UBND ngày 20/1/2026"),
                                                   (360, "Kế hoạch số 32/KH-UBND ngày 20/01/2026"))]
    note = [i for i in tidy(cited) if i.group == "unverified_local"]
    assert len(note) == 1 and note[0].message.startswith("2 văn bản") and "(đoạn 52, 360)" in note[0].message


def test_review_table_names_sections_in_words():
    from drafting.models import ReviewIssue
    from drafting.render.preview import review_rows

    rows = review_rows([ReviewIssue(kind="wording", section="mo_dau", paragraph=2, message="Lặp từ."),
                        ReviewIssue(kind="arithmetic", section="II.2", paragraph=9, message="Tỷ lệ sai."),
                        ReviewIssue(kind="wording", section="ket_thuc", paragraph=73, message="Chỗ ghi họ tên."),
                        ReviewIssue(kind="arithmetic", section="phu_luc", paragraph=80, message="Tổng sai.")])
    assert sorted(r[2] for r in rows) == ["II.2", "Mở đầu", "Phần kết", "Phụ lục số liệu"]


def test_library_table_shows_no_internal_ids(assistant):
    table = h.library_rows(assistant)
    flat = " ".join(str(c) for r in table.rows for c in r)
    assert "report-0" not in flat and "digest-" not in flat and "registry-" not in flat
    assert h.LIBRARY_HEADERS[0] != "Mã"


def test_figure_tables_show_labels_and_read_back_by_label():
    data = load_figures_file(CASE)
    tables = h.tables_from_input(data)
    assert all(key_for_label(r[0]) for rows in tables.values() for r in rows)
    assert not any("_" in str(r[0]) or "." in str(r[0]).split()[0] for rows in tables.values() for r in rows)
    form = h.form_to_input(data.meta.model_dump(mode="python"), tables)
    assert form.figures.values == data.figures.values
    # a renamed row is reported by its name, not dropped silently
    tables["tthc"][0][0] = "Hồ sơ gì đó"
    bad = h.form_to_input(data.meta.model_dump(mode="python"), tables)
    assert any("«Hồ sơ gì đó»" in i.message for i in bad.issues)


def test_exported_docx_of_the_edit_has_no_stray_field_codes(assistant):
    st = h.UserState(user="edit-c")
    res = h.generate_report(assistant, st, load_figures_file(CASE))
    out = edit_section(assistant, st, res.draft_id, "II.1", "- Ban hành 2 văn bản.\n- Rà soát 5 văn bản.")
    d = docx.Document(io.BytesIO(out.docx.read_bytes()))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "Ban hành 2 văn bản" in text and "{" not in text


def test_the_preview_shows_heading_ii_the_signature_and_the_appendix(assistant):
    from drafting.render.preview import draft_html

    data = load_figures_file(CASE)
    html = draft_html(assistant.draft_input(data))
    assert "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH" in html
    assert "Nơi nhận:" in html and html.count("Lưu: VT") == 1 and "……………………" in html
    assert "PHỤ LỤC" in html and "<td>253</td>" in html


def test_shorter_says_what_it_kept_truthfully(assistant):
    msg = ("Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, trước và đúng hạn 245, "
           "quá hạn 7, đang giải quyết 1")
    st = h.UserState(user="short-a")
    list(h.chat_turn(assistant, st, msg, today=dt.date(2025, 6, 20)))
    assert [s.key for s in st.last_draft.sections] == ["II.2"]  # a section-only request adds nothing else (no V)
    said = list(h.chat_turn(assistant, st, "ngắn gọn hơn"))[-1].text
    assert "đều mang số liệu" not in said and "một đoạn mở ý" in said


def test_a_reference_date_set_in_chat_is_used_until_a_new_conversation(assistant):
    st = h.UserState(user="ref-date")
    said = list(h.chat_turn(assistant, st, "Đặt ngày báo cáo 15/3/2024"))[-1].text
    assert "15/03/2024" in said and st.reference_date == dt.date(2024, 3, 15)
    answer = list(h.chat_turn(assistant, st, "Bộ phận một cửa cấp xã thực hiện theo nghị định nào?"))[-1].text
    assert "61/2018/NĐ-CP" in answer.split("Nguồn")[0]
    assert st.new_conversation().reference_date is None and st.new_conversation().user == "ref-date"
    bad = list(h.chat_turn(assistant, st, "đặt ngày báo cáo hôm qua"))[-1].text
    assert "ngày/tháng/năm" in bad


def test_a_chat_draft_opens_in_the_builder_as_its_own_copy(assistant):
    st = h.UserState(user="chat-builder")
    with pytest.raises(h.InputError, match="Chưa có dự thảo"):
        h.chat_to_builder(assistant, st)
    msg = ("Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, trước và đúng hạn 245, "
           "quá hạn 7, đang giải quyết 1")
    list(h.chat_turn(assistant, st, msg, today=dt.date(2025, 6, 20)))
    new_id = h.chat_to_builder(assistant, st)
    assert new_id != st.last_draft_id
    rec, data, res = h.open_draft(assistant, st, new_id)
    assert rec.origin == "builder" and st.builder_draft_id == new_id and "(trò chuyện)" not in rec.title
    assert data.figures.values["tthc.ho_so_tiep_nhan"] == 253 and "253" in res.html
    # the builder's edit leaves the chat's copy as it was
    edit_section(assistant, st, new_id, "II.2", "Đoạn mới.")
    assert "253" in section_text(assistant.store.load(st.user, st.last_draft_id).draft, "II.2")


def test_a_past_reports_sentence_is_inserted_in_one_step_and_stays_marked(assistant):
    st = h.UserState(user="edit-precedent")
    res = h.generate_report(assistant, st, load_figures_file(CASE))
    choices = h.proposal_choices(st.last_draft, "III")
    assert choices and all("(" in label for label, _ in choices)  # each names the report it came from
    text = h.insert_proposal(section_text(st.last_draft, "III"), choices[0][1])
    assert text.endswith(f"[đề nghị xác nhận: {choices[0][1].rstrip('.;')}.]")
    out = edit_section(assistant, st, res.draft_id, "III", text)
    sec = assistant.store.load(st.user, res.draft_id).draft.section("III")
    assert sec.paragraphs[-1].proposed and sec.proposals  # marked, and the other proposals still on offer
    assert any("chưa được xác nhận" in r[4] for r in out.findings)
    assert h.insert_proposal("Đoạn có sẵn.", "") == "Đoạn có sẵn."


def test_a_chat_figures_word_comment_quotes_the_message(assistant):
    msg = ("Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, trước và đúng hạn 245, "
           "quá hạn 7, đang giải quyết 1")
    st = h.UserState(user="chat-comments")
    final = list(h.chat_turn(assistant, st, msg, today=dt.date(2025, 6, 20)))[-1]
    comments = [c.text for c in docx.Document(str(final.docx)).comments]
    assert any("tin nhắn trong trò chuyện (“tiếp nhận 253”)" in c for c in comments), comments[:5]
    assert not any("tthc." in c for c in comments)


def test_a_document_asked_about_by_number_is_the_answer_and_among_the_sources(assistant):
    said = list(h.chat_turn(assistant, h.UserState(user="ask-45"), "Nghị định 45/2020 quy định gì?",
                            today=dt.date(2026, 12, 1)))[-1].text
    first = said.splitlines()[0]
    assert first.startswith("**Nghị định số 45/2020/NĐ-CP") and "thủ tục hành chính trên môi trường điện tử" in first
    assert "hết hiệu lực từ 01/07/2025" in first and "118/2025/NĐ-CP" in first and first.count("[K:") == 1
    sources = said.split("**Nguồn:**")[1]
    assert "Nghị định 45/2020/NĐ-CP: Về thực hiện thủ tục hành chính trên môi trường điện tử" in sources
    assert "107/2020" not in said  # no unrelated decree, in the answer or among its sources
    assert "30/2020" not in sources  # (the decree on clerical work used to come along as a retrieval hit)
    in_force = list(h.chat_turn(assistant, h.UserState(user="ask-61"), "Nghị định 61/2018 còn hiệu lực không?",
                                today=dt.date(2024, 3, 15)))[-1].text.splitlines()[0]
    assert in_force.startswith("**Nghị định số 61/2018/NĐ-CP") and "Ngày 15/03/2024: còn hiệu lực" in in_force


def test_sources_show_readable_places_not_ocr_headings():
    from drafting.service.chat import readable_location

    ocr = ("I. CONG TAC CHI PHO, PIEU HANH CAI CACH HANH CHINH > 2. Cai cach thii tuc hanh chinh (TTHC) > "
           "2.2.2. Cong tac giai quyet tha tuc hanh chinh")
    assert readable_location(ocr) == "mục I > 2 > 2.2.2 (bản quét)"
    clean = "Chương III. Quy trình giải quyết thủ tục hành chính theo cơ chế một cửa > Tiếp nhận"
    assert readable_location(clean) == clean and readable_location("Điều 7 [K]") == "Điều 7 [K]"
    assert readable_location("CONG TAC KHAC > MOT SO VIEC") == "bản quét, đề mục không đọc rõ"


def test_confidence_marks_are_short_in_the_details_with_one_legend(assistant):
    said = list(h.chat_turn(assistant, h.UserState(user="ask-legend"), "Năm 2026 bộ phận một cửa cấp xã thực hiện theo "
                            "nghị định nào?", today=dt.date(2026, 12, 1)))[-1].text
    answer, details = said.split("**Nguồn:**")[0].split("\n", 1)
    assert "[K: chưa xác minh]" in answer  # the answer itself says it in words
    assert "[K: chưa xác minh]" not in details and "[K]" in details
    assert details.count("*Ký hiệu:") == 1 and "[K] chưa xác minh" in details


def test_previews_come_from_autoescaped_templates():
    """Text from a document, a model or the official is shown as text: markup in it is escaped, gaps are marked."""
    from drafting.models import ReviewIssue
    from drafting.render.preview import review_html

    html = review_html([(1, 'Đoạn có <script>alert(1)</script> và "ngoặc"'), (2, "Số […] còn trống.")],
                       [ReviewIssue(kind="wording", severity="warning", paragraph=1, text="<script>", message="Có <b>mã</b>.",
                                    section="II.2")])
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>mã</b>" not in html
    assert '<span class="tl-mark warning">&lt;script&gt;</span>' in html
    assert '<span class="tl-gap">[…]</span>' in html


def test_gradios_own_strings_are_vietnamese_and_no_control_falls_back_to_an_english_label(assistant):
    """Gradio writes English where the app says nothing: its table's drop zone and menus ("Drop CSV or TSV files here to
    import data into dataframe", "Add row above"), and a control's type name for a control without a label
    ("MultimodalTextbox", read by screen readers). Every key of the groups the screens use, as the installed Gradio
    ships them in English, has a Vietnamese string; every labelled control has a label."""
    import re
    from pathlib import Path

    import gradio as gr

    import app
    from drafting.service.session import UI_STRINGS

    core = next((Path(gr.__file__).parent / "templates/frontend/assets").glob("core-*.js")).read_text(encoding="utf-8")
    table = re.search(r"\{_name:[^{}]*(?:\{[^{}]*\}[^{}]*)*\}", core).group(0)  # the English strings, by group
    groups = dict(re.findall(r"\b(upload_text|file|dataframe|chatbot):([A-Za-z_$]{1,3})\b", table))
    assert set(groups) == {"upload_text", "file", "dataframe", "chatbot"}, groups
    for group, var in groups.items():
        english = re.search(rf"\b{re.escape(var)}=\{{((?:[^`{{}}]|`[^`]*`)*)\}}", core).group(1)
        keys = re.findall(r"(\w+):`", english)
        assert keys and not [k for k in keys if f"{group}.{k}" not in UI_STRINGS], (group, keys)
    assert not [v for v in UI_STRINGS.values() if re.search(r"\b(?:Drop|Click|Add|Delete|Sort|Loading|Error)\b", v)]
    demo = app.build_app(assistant)
    unlabelled = [type(b).__name__ for b in demo.blocks.values() if isinstance(
        b, (gr.Textbox, gr.MultimodalTextbox, gr.File, gr.Chatbot, gr.Number, gr.Dropdown)) and not b.label]  # (a table without one shows none)
    assert not unlabelled, unlabelled


def test_an_imported_reports_period_level_and_year_are_read_from_its_title():
    """A 9-month report of a commune was imported as "cấp sở, quý I": "quý I" was found inside "quý IV" of its title
    ("… 9 tháng đầu năm 2026 và phương hướng, nhiệm vụ quý IV"), and "số" anywhere made it a department. The period
    is the first its title names (after "BÁO CÁO"), the level the issuer's line (under its parent's) or the unit the title names; the
    date line's year ("ngày 05 tháng 01 năm 2027") is not the report's."""
    from corpus.catalog import guess_metadata
    from corpus.registry import Registry

    reg = Registry.load()

    def meta(text):
        m = guess_metadata(text, "bao-cao.docx", reg)
        return m.get("period"), m.get("level"), m.get("year")

    assert meta("Số: 12/BC-UBND\nHải Châu, ngày 05 tháng 01 năm 2027\nBÁO CÁO\nKết quả công tác cải cách hành chính năm "
                "2026 và phương hướng, nhiệm vụ năm 2027 của phường Hải Châu\nTrong năm, số hồ sơ …") == ("năm", "xã", 2026)
    assert meta("Số: /BC-UBND\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính 9 tháng đầu năm 2026 và "
                "phương hướng, nhiệm vụ quý IV năm 2026 xã Bát Xát\nSố liệu …") == ("9 tháng", "xã", 2026)
    assert meta("ỦY BAN NHÂN DÂN TỈNH GIA LAI\nSỞ TƯ PHÁP\n## **BÁO CÁO**\nCông tác CCHC quý III năm 2026\n") == (
        "9 tháng", "sở", 2026)
    assert meta("UBND HUYEN TU KY\nBAO CAO\nKet qua CCHC quy I va phuong huong nhiem vu quy II nam 2024\n") == (
        "quý I", "huyện", 2024)
    seed = (ROOT / "corpus/reports/003_8ca837b1dccb8473.txt").read_text(encoding="utf-8")
    assert meta(seed) == ("6 tháng", "xã", 2023)  # "## **BÁO CÁO**" then "… định kỳ 6 tháng năm 2023 xã Ba Trang"
