"""Citations, the reviewer and "which decree applies": unit checks, the CLI, and the eval floors."""

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

from corpus.registry import Registry
from drafting.law.citations import check_text, parse_citations
from drafting.review.checks import review

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "corpus" / "reports"
REG = Registry.load()


def _kinds(text, day):
    return {(p.kind, p.severity) for p in check_text(text, REG, dt.date.fromisoformat(day))}


def _review_typed(tmp_path, text: str, day: dt.date | None):
    """A draft typed as text (.md), reviewed as the app reviews an upload, on the day given (None: its own date)."""
    path = tmp_path / "du-thao.md"
    path.write_text(text, encoding="utf-8")
    return review(path, REG, day)


def test_parse_forms_with_article_date_issuer():
    refs = parse_citations("Căn cứ khoản 2 Điều 8 Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ về một cửa; "
                           "Ké hoach s6 116/KH-UBND ngay 10/02/2023; NĐ 107/2021; Nghị quyết 76/NQ-CP.")
    first = refs[0]
    assert (first.key, first.article, first.clause, first.issuer) == ("61/2018/ND-CP", "Điều 8", "khoản 2", "Chính phủ")
    assert first.date == dt.date(2018, 4, 23) and first.text.startswith("khoản 2 Điều 8 Nghị định số 61/2018")
    assert [r.key for r in refs[1:]] == ["116/KH-UBND", "ND 107/2021", "76/NQ-CP"]
    assert refs[1].date == dt.date(2023, 2, 10)


@pytest.mark.parametrize("text,day,expected", [
    ("Nghị định số 45/2020/NĐ-CP ngày 8/4/2018", "2023-01-01", ("date", "error")),
    ("Nghị quyết số 120/2018/NQ-CP ngày 06/7/2018 của HĐND tỉnh", "2023-01-01", ("issuer_symbol", "error")),
    ("theo Điều 21a Nghị định số 107/2021/NĐ-CP", "2023-01-01", ("amending_article", "error")),
    # its replacement by 42/2022 is unverified in the registry ([K]): to check, not asserted
    ("theo quy định tại Nghị định 43/2011/NĐ-CP", "2023-07-25", ("not_in_force", "warning")),
    ("Căn cứ Nghị định số 61/2018/NĐ-CP", "2026-03-01", ("not_in_force", "error")),
    ("Nghị định số 107/NĐ-CP ngày 06/12/2021", "2023-01-01", ("missing_year", "error")),
    ("Quyết định 4559/QĐ-UBND ngày 22/12/2022 của UBND huyện", "2023-01-01", ("unverified", "info")),
    # the Government's resolution is not the Prime Minister's, nor his decision the Government's
    ("Nghị quyết số 76/NQ-CP ngày 15/7/2021 của Thủ tướng Chính phủ", "2024-06-12", ("issuer_symbol", "error")),
    ("Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Chính phủ", "2024-06-12", ("issuer_symbol", "error")),
    # a ministry's symbol with another central body named (a department's half year typed by hand)
    ("Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Bộ Nội vụ", "2026-06-15", ("issuer_symbol", "error")),
    ("Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Chính phủ", "2026-06-15", ("issuer_symbol", "error")),
    ("Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Bộ Nội vụ", "2026-06-15", ("issuer_symbol", "error")),
])
def test_checker_catches_each_kind(text, day, expected):
    assert expected in _kinds(text, day)


def test_correct_citations_pass():
    for text, day in (("Căn cứ Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ", "2023-06-30"),
                      ("Nghị định số 118/2025/NĐ-CP ngày 09/6/2025 của Chính phủ", "2026-01-05"),
                      ("Điều 21a Nghị định số 61/2018/NĐ-CP", "2023-01-01"),
                      # the issuer ends where the second citation begins ("số 107" is no "Sở")
                      ("Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 của Chính phủ và Nghị định số 107/2021/NĐ-CP ngày "
                       "06/12/2021 của Chính phủ", "2024-06-12"),
                      ("Quyết định số 1291/QĐ-TTg ngày 07/10/2019 của Thủ tướng Chính phủ", "2024-06-12"),
                      ("Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Văn phòng Chính phủ", "2026-06-15"),
                      ("Thông tư số 03/2025/TT-VPCP ngày 15/9/2025 của Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
                       "2026-06-15")):
        assert not [p for p in check_text(text, REG, dt.date.fromisoformat(day)) if p.severity != "info"], text


def test_review_seed_003_real_mistakes():
    found = review(SEEDS / "003_8ca837b1dccb8473.txt", REG, dt.date(2023, 6, 5))
    arith = [f for f in found if f.kind == "arithmetic"]
    assert arith and "96,83" in arith[0].text and arith[0].suggestion == "96,84%" and arith[0].section == "II.2"
    assert {"bản bản", "do do"} <= {f.text for f in found if f.kind == "wording"}


def test_review_seed_001_rate_in_table():
    found = review(SEEDS / "001_4932134965ee3205.txt", REG, dt.date(2023, 3, 14))
    assert any(f.kind == "arithmetic" and "96,01" in f.text and f.suggestion == "94,27%" for f in found)


def test_a_plain_text_draft_is_checked_on_its_own_date_period_and_parts():
    """Found reviewing a commune's 6-month draft typed as plain text: its headings on their own lines were joined to
    the paragraph below (sections reported missing), 61/2018 cited in a report dated 2026 passed (no date was given),
    "9 tháng đầu năm" in a 6-month report and more complaints dealt with than received were not flagged."""
    text = ("ỦY BAN NHÂN DÂN PHƯỜNG AN BÌNH\nAn Bình, ngày 05 tháng 4 năm 2026\nBÁO CÁO\n"
            "Kết quả công tác cải cách hành chính quý I năm 2026\n"
            "Căn cứ Nghị định số 107/2021/NĐ-CP ngày 06/12/2021 của Chính phủ.\n"
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH\nPhường ban hành 4 văn bản chỉ đạo về CCHC.\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH\n2. Cải cách thủ tục hành chính\n"
            "Tiếp nhận 3 kiến nghị về quy định hành chính, đã xử lý 5 kiến nghị.\n"
            "III. ĐÁNH GIÁ CHUNG\nKết quả 6 tháng đầu năm 2026 cơ bản đạt kế hoạch.\n")
    issues = review(text.encode("utf-8"), Registry.load(), None, name="du-thao.txt")
    sections = {i.section for i in issues}
    assert not any(i.kind == "outline" and i.section in ("I", "III") for i in issues), issues
    assert any(i.kind == "citation" and "107/2021" in i.text and i.severity == "error" for i in issues)
    assert any(i.kind == "period" and "6 tháng đầu năm 2026" in i.text for i in issues)
    assert any(i.kind == "arithmetic" and "lớn hơn" in i.message and i.section == "II.2" for i in issues)
    assert "II.2" in sections
    # the same wording on purpose is no mistake: a comparison, and the report's own period
    calm = text.replace("Kết quả 6 tháng đầu năm 2026", "Tăng so với 6 tháng đầu năm 2026 dự kiến; kết quả quý I năm 2026")
    assert not any(i.kind == "period" for i in review(calm.encode("utf-8"), Registry.load(), None, name="b.txt"))


def test_period_mistakes_without_a_year_and_in_the_next_periods_heading():
    """A commune's quý I draft (tried as a new user): "Trong 6 tháng đầu năm, xã tiếp nhận …" (no year) and
    "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2026" passed, and the report's own "Số: 45/BC-UBND" was a note about an
    unregistered document; a meeting named for another period ("Hội nghị sơ kết … 6 tháng đầu năm") is no mistake."""
    text = ("ỦY BAN NHÂN DÂN XÃ HÒA AN\nSố: 45/BC-UBND\nHòa An, ngày 16 tháng 3 năm 2026\nBÁO CÁO\n"
            "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026\n"
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH\nTổ chức hội nghị sơ kết công tác CCHC 6 tháng đầu năm.\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH\n2. Cải cách thủ tục hành chính\n"
            "Trong 6 tháng đầu năm, xã tiếp nhận 512 hồ sơ.\nIII. ĐÁNH GIÁ CHUNG\nCòn 5 hồ sơ quá hạn.\n"
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2026\nTiếp tục thực hiện kế hoạch.\n")
    issues = review(text.encode("utf-8"), Registry.load(), None, name="du-thao.txt")
    period = [i for i in issues if i.kind == "period"]
    assert [(i.section, i.text) for i in period if i.section == "II.2"] == [("II.2", "6 tháng đầu năm")]
    assert not any(i.section == "I" for i in period)
    heading = [i for i in period if i.section == "IV"]
    assert len(heading) == 1 and heading[0].severity == "error" and heading[0].suggestion == "quý II năm 2026"
    assert not any("45/BC-UBND" in i.text for i in issues)
    fixed = text.replace("QUÝ III NĂM 2026", "QUÝ II NĂM 2026")
    assert not any(i.section == "IV" for i in review(fixed.encode("utf-8"), Registry.load(), None, name="b.txt")
                   if i.kind == "period")


def test_a_years_report_with_a_six_month_meeting_in_section_i_keeps_its_period():
    """Found reviewing a department's year 2025 draft edited in Word: "Tháng 7/2025 Sở tổ chức hội nghị sơ kết 6 tháng" in
    section I made it a six-month report, and the heading "PHƯƠNG HƯỚNG, NHIỆM VỤ … NĂM 2026" an error."""
    text = ("SỞ Y TẾ\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính năm 2025 và phương hướng, nhiệm vụ năm 2026\n"
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH\nTháng 7/2025 Sở tổ chức hội nghị sơ kết 6 tháng công tác CCHC.\n"
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM NĂM 2026\nRà soát, đơn giản hóa TTHC lĩnh vực dược.\n")
    issues = review(text.encode("utf-8"), Registry.load(), None, name="so-y-te.txt")
    assert not [i for i in issues if i.kind == "period"], [i.message for i in issues if i.kind == "period"]
    wrong = text.replace("TRỌNG TÂM NĂM 2026", "TRỌNG TÂM NĂM 2025")
    assert [i.section for i in review(wrong.encode("utf-8"), Registry.load(), None, name="b.txt") if i.kind == "period"] == ["IV"]


def test_a_clean_report_the_rules_never_saw_gets_no_error_nor_warning():
    """Held-out report 4 (a commune of Đồng Tháp, quý I/2026), written after the reviewer's rules: reviewed as it is, its
    first run gave one warning — "xã đăng tải 18 tin" named as a commune of Quảng Nam; only notes remain."""
    path = ROOT / "evals" / "cases" / "reading" / "report-heldout4.md"
    found = review(path.read_bytes(), Registry.load(), None, name="bao-cao.md")
    assert [(i.kind, i.message) for i in found if i.severity != "info"] == []


def test_ten_errors_planted_in_held_out_report_4():
    """Planted after the report's own rules, before any review rule was taken from it: 8 of 10 caught at first (a rate
    restated in III and a late count restated there as 08 missed); the rate restated in III is now checked against
    its area's counts (9 of 10: optimistic). "Còn 08 hồ sơ lĩnh vực đất đai" beside 06 overdue in all is now asked
    about too (10 of 10, optimistic): one field's share of a count cannot exceed it."""
    text = (ROOT / "evals" / "cases" / "reading" / "report-heldout4.md").read_text(encoding="utf-8")
    for a, b in [("thực hiện 21 nhiệm vụ còn lại", "thực hiện 19 nhiệm vụ còn lại"),
                 ("Bộ phận Một cửa xã tiếp nhận 1.274 hồ sơ", "Trong 6 tháng đầu năm, Bộ phận Một cửa xã tiếp nhận 1.284 hồ sơ"),
                 ("trước và đúng hạn đạt 99,5%", "trước và đúng hạn đạt 99,8%"), ("xong 04 phản ánh", "xong 05 phản ánh"),
                 ("Tổng số thủ tục hành chính thuộc", "Bộ phận Một cửa xã thực hiện theo Nghị định số 61/2018/NĐ-CP ngày "
                                                     "23/4/2018 của Chính phủ. Tổng số thủ tục hành chính thuộc"),
                 ("bằng 27,4% dự toán", "bằng 28,4% dự toán"), ("Kích hoạt 2.615", "Kích hoạt 2.515"),
                 ("Còn 06 hồ sơ", "Còn 08 hồ sơ"), ("NHIỆM VỤ QUÝ II NĂM 2026", "NHIỆM VỤ QUÝ III NĂM 2026")]:
        assert text.count(a) == 1
        text = text.replace(a, b)
    found = [i for i in review(text.encode("utf-8"), Registry.load(), None, name="x.md") if i.severity != "info"]
    assert sorted((i.section, i.suggestion) for i in found) == sorted([
        ("II.2", "118/2025/NĐ-CP"), ("II.2", "1.274"), ("II.2", "quý I năm 2026"), ("II.2", "không quá 4"),
        ("II.5", "27,41%"), ("II.6", "83,83%"), ("III", "99,51%"), ("III", "06"), ("IV", "quý II năm 2026"), ("IV", "21 nhiệm vụ")])


def test_ten_errors_planted_in_held_out_report_5():
    """Planted after the report's own reading rules, before any review rule was taken from it, of kinds report 4's were
    not: 9 of 10 caught at first, no false finding; the opening's formula naming another period than the title
    ("… báo cáo kết quả … 6 tháng năm 2026 như sau" under a 9-month title) is now checked too (10 of 10: optimistic)."""
    text = (ROOT / "evals" / "cases" / "reading" / "report-heldout5.md").read_text(encoding="utf-8")
    for a, b in [("kỳ trước chuyển sang 11.204 hồ sơ", "kỳ trước chuyển sang 12.204 hồ sơ"),
                 ("cấp xã đã giải quyết 356.341 hồ sơ", "cấp xã đã giải quyết 356.431 hồ sơ"),
                 ("Tổng số TTHC đang thực hiện", "Việc tiếp nhận, giải quyết TTHC thực hiện theo Nghị định số "
                                                 "118/2025/NĐ-CP ngày 19/6/2025 của Chính phủ. Tổng số TTHC đang thực hiện"),
                 ("18 nghị quyết quy phạm pháp luật", "18 nghị quyết quy phạm pháp luật (trong đó có Nghị quyết số "
                                                      "05/2026/NQ-CP của HĐND tỉnh về phí, lệ phí)"),
                 ("409.118 văn bản được ký số", "409.118 văn bản được ký số (đạt 95,1%)"),
                 ("cải cách hành chính 9 tháng năm 2026 như sau", "cải cách hành chính 6 tháng năm 2026 như sau"),
                 ("đã xử lý 35 phản ánh", "đã xử lý 39 phản ánh"),
                 ("13.212 tỷ đồng kế hoạch", "13.212 tỷ đồng kế hoạch, đạt 65,2%"),
                 ("\n4. Cải cách chế độ công vụ\n", "\n"), ("có mặt 2.804 người", "có mặt 3.004 người")]:
        assert text.count(a) == 1
        text = text.replace(a, b)
    found = [i for i in review(text.encode("utf-8"), Registry.load(), None, name="x.md") if i.severity != "info"]
    assert sorted((i.section, i.suggestion) for i in found) == sorted([
        ("II.1", "…/2026/NQ-HĐND"), ("II.2", "Nghị định số 118/2025/NĐ-CP ngày 09/06/2025"), ("II.2", "513.340"),
        ("II.2", "498.741"), ("II.2", "không quá 37"), ("II.5", "60,18%"), ("II.6", "99,14%"), ("II", ""),
        ("mo_dau", "9 tháng năm 2026"), ("II.3", "không quá 2.987")])
    clean = (ROOT / "evals" / "cases" / "reading" / "report-heldout5.md").read_bytes()
    assert not [i for i in review(clean, Registry.load(), None, name="x.md") if i.severity != "info"]


def test_the_tasks_left_of_the_plan_in_section_iv_against_planned_less_done():
    """«Hoàn thành 18 nhiệm vụ còn lại» in IV passed though section I said 40 planned and 25 done; and "đã hoàn thành 25
    nhiệm vụ" was read as tasks set from above because the next sentence spoke of them."""
    text = ("ỦY BAN NHÂN DÂN XÃ HÒA AN\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính 9 tháng năm 2026\n"
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH\nKế hoạch CCHC năm 2026 của xã đề ra 40 nhiệm vụ, đến nay đã "
            "hoàn thành 25 nhiệm vụ. Thực hiện 12 nhiệm vụ cấp trên giao, còn 2 nhiệm vụ chưa hoàn thành.\n"
            "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ IV NĂM 2026\nHoàn thành 18 nhiệm vụ còn lại của Kế hoạch CCHC năm 2026.\n"
            "Tập trung hoàn thành 2 nhiệm vụ cấp trên giao còn lại.\n")
    left = [i for i in review(text.encode("utf-8"), Registry.load(), None, name="x.txt") if "còn lại" in i.message]
    assert [(i.section, i.suggestion) for i in left] == [("IV", "15 nhiệm vụ")]
    fixed = text.replace("18 nhiệm vụ còn lại", "15 nhiệm vụ còn lại")
    assert not [i for i in review(fixed.encode("utf-8"), Registry.load(), None, name="x.txt") if "còn lại" in i.message]
    # held-out report 5: tasks the Government set, some still running, are no rest of the unit's own plan
    above = fixed.replace("Thực hiện 12 nhiệm vụ cấp trên giao, còn 2 nhiệm vụ chưa hoàn thành.",
                          "Đối với nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao: tổng số 12 nhiệm vụ, đã hoàn thành 10 "
                          "nhiệm vụ, 02 nhiệm vụ đang thực hiện trong thời hạn.")
    assert above != fixed
    assert not [i for i in review(above.encode("utf-8"), Registry.load(), None, name="x.txt") if "còn lại" in i.message]


def test_a_sentence_typed_without_diacritics_is_to_be_retyped_but_an_ocr_report_is_not_flagged_line_by_line():
    """A draft keeps an official's words as typed in the chat; the drafting check flagged "duong truyen internet …" to be
    retyped, the review of the same draft as a file did not (held-out chat set 8, the round trip)."""
    text = ("ỦY BAN NHÂN DÂN XÃ MƯỜNG LÁT\n\nBÁO CÁO\n\nKết quả thực hiện công tác cải cách hành chính 9 tháng đầu năm 2026\n\n"
            "III. ĐÁNH GIÁ CHUNG\n\n2. Tồn tại, hạn chế và nguyên nhân\n\n"
            "- Duong truyen internet o cac ban vung cao con yeu, nguoi dan it nop ho so truc tuyen.\n\n"
            "- Việc số hóa kết quả giải quyết thủ tục hành chính còn chậm so với yêu cầu.\n")
    found = [i for i in review(text.encode("utf-8"), REG, dt.date(2026, 9, 25), name="du-thao.txt")
             if "gõ không dấu" in i.message]
    assert [(i.severity, i.section) for i in found] == [("warning", "III")]
    assert found[0].text.startswith("Duong truyen internet")
    ocr = review(SEEDS / "000_b0fac69dfb7e95b5.txt", REG, dt.date(2023, 6, 5))
    assert not any("gõ không dấu" in i.message for i in ocr)


def test_review_cli_exit_zero_and_json(tmp_path):
    r = subprocess.run([sys.executable, "-m", "drafting", "review", str(SEEDS / "003_8ca837b1dccb8473.txt"),
                        "--as-of", "2023-06-05", "--json"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and '"arithmetic"' in r.stdout
    # the text output speaks the app's words: no internal codes ("mo_dau", "arithmetic"), the same severities
    r = subprocess.run([sys.executable, "-m", "drafting", "review", str(SEEDS / "003_8ca837b1dccb8473.txt"),
                        "--as-of", "2023-06-05"], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0 and "[Lỗi] Số học (" in r.stdout and "mo_dau" not in r.stdout
    assert "arithmetic" not in r.stdout and "cảnh báo" in r.stdout.splitlines()[-1]
    bad = tmp_path / "hong.docx"
    bad.write_bytes(b"PK\x03\x04 not a zip")
    r = subprocess.run([sys.executable, "-m", "drafting", "review", str(bad)], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 2 and "hỏng" in r.stderr


def test_review_reads_a_long_report_to_its_end(tmp_path):
    # speed is measured in `python -m evals.bench review` (a timed test fails on a busy machine, not a slow product)
    text = (SEEDS / "003_8ca837b1dccb8473.txt").read_text(encoding="utf-8")
    big = tmp_path / "dai.txt"
    big.write_text("\n\n".join([text] * 8), encoding="utf-8")  # ≈ 150 kB, well over 30 pages
    one, many = tmp_path / "mot.txt", big
    one.write_text(text, encoding="utf-8")
    single = review(one, REG, dt.date(2023, 6, 5))
    found = review(many, REG, dt.date(2023, 6, 5))
    last_copy = max(i.paragraph or 0 for i in single)
    assert single and max(i.paragraph or 0 for i in found) > 7 * last_copy  # the eighth copy was read too


@pytest.mark.slow  # a whole eval (15–35 s on 2 cores): in make test and CI, not the fast lane
def test_review_eval_floors():
    from evals.review_eval import run_review

    res = run_review()
    assert res["seed_recall"] >= 0.9, res["misses"]
    assert res["precision"] >= 0.9, res["false_alarms"]
    assert sum(int(v.split("/")[1]) for v in res["counts_by_kind"].values()) - res["seed_expected"] >= 40


def test_ask_answers_as_of_date(corpus_stack):
    from drafting.law.ask import Asker

    asker = Asker(corpus_stack.searcher, corpus_stack.registry)
    before = asker.ask("căn cứ thực hiện cơ chế một cửa, một cửa liên thông", dt.date(2023, 6, 30))
    assert before.citations[0].number == "61/2018/NĐ-CP"
    assert "được sửa đổi, bổ sung bởi 107/2021/NĐ-CP" in before.text and "118/2025/NĐ-CP" in before.text
    after = asker.ask("căn cứ thực hiện cơ chế một cửa, một cửa liên thông", dt.date(2025, 8, 1))
    assert after.citations[0].number == "118/2025/NĐ-CP"
    art = asker.ask("số hóa hồ sơ tại Bộ phận Một cửa", dt.date(2023, 6, 30))
    assert any("cần kiểm tra số điều" in line for line in art.text.splitlines() if "Điều" in line)


def test_a_replaced_decrees_passage_is_shown_under_what_replaced_it(corpus_stack):
    """Found asking as an official would: "văn bản xin lỗi khi hồ sơ quá hạn" in 2026 got a circular on electronic
    documents — the only passage about apologies is 61/2018's, filtered out as no longer in force."""
    from drafting.law.ask import Asker

    asker = Asker(corpus_stack.searcher, corpus_stack.registry)
    question = "Văn bản xin lỗi khi hồ sơ quá hạn thì theo quy định nào?"
    now = asker.ask(question, dt.date(2026, 12, 3))
    assert now.text.startswith("**Ngày 03/12/2026: Nghị định số 118/2025/NĐ-CP.**"), now.text
    assert "xin lỗi" in now.text and "đối chiếu quy định tương ứng của 118/2025/NĐ-CP" in now.text
    then = asker.ask(question, dt.date(2024, 12, 31))
    assert then.citations[0].number == "61/2018/NĐ-CP" and "đã được thay thế" not in then.text


def test_ask_llm_citations_checked(corpus_stack):
    from drafting.law.ask import Asker
    from drafting.llm.fakes import ScriptedChatModel

    model = ScriptedChatModel(responses=["Áp dụng Nghị định số 61/2018/NĐ-CP ngày 23/4/2018 và Nghị định số "
                                         "999/2020/NĐ-CP; số hóa theo Điều 21a Nghị định số 107/2021/NĐ-CP."])
    ans = Asker(corpus_stack.searcher, corpus_stack.registry, model).ask("căn cứ cơ chế một cửa", dt.date(2023, 6, 30))
    body = ans.text.split("(Đã bỏ")[0]
    assert "999/2020" not in body and any("999/2020" in r for r in ans.removed)
    assert "Đã bỏ trích dẫn không kiểm chứng được" in ans.text  # the answer says so
    assert any("21a" in r for r in ans.removed)
    assert "61/2018/NĐ-CP ngày 23/4/2018" in ans.text
    assert "Dữ kiện từ sổ đăng ký" in model.prompts()[0]


def test_the_model_sees_passages_of_the_documents_asked_about_only(corpus_stack):
    """Given another decree's article, the local model explained it as the one asked about ("45/2020 quy định …
    sửa đổi Nghị định 24/2014"): the passages it gets are of the documents the registry's facts name, or none."""
    import re

    from drafting.law.ask import Asker
    from drafting.llm.fakes import ScriptedChatModel

    for question, number in (("Nghị định 45/2020 quy định gì?", "45/2020/NĐ-CP"),
                             ("Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?", "118/2025/NĐ-CP")):
        model = ScriptedChatModel(responses=["Trả lời."])
        Asker(corpus_stack.searcher, corpus_stack.registry, model).ask(question, dt.date(2025, 8, 15))
        passages = model.prompts()[0].split("<<<")[1].split(">>>")[0]
        labels = re.findall(r"^\[([^,\]]+),", passages, re.M)
        assert all(label == number for label in labels), (question, labels)
        assert labels or "không có đoạn trích" in passages


def test_the_answer_fixes_the_models_dropped_tone_and_brackets_once(corpus_stack):
    from drafting.law.ask import Asker
    from drafting.llm.fakes import ScriptedChatModel

    model = ScriptedChatModel(responses=["Nghi định 45/2020 quy định về thủ tục hành chính trên môi trường điện tử."])
    ans = Asker(corpus_stack.searcher, corpus_stack.registry, model).ask("Nghị định 45/2020 quy định gì?",
                                                                        dt.date(2026, 12, 1))
    assert "Nghị định 45/2020 quy định về thủ tục" in ans.text and "Nghi định" not in ans.text
    plain = Asker(corpus_stack.searcher, corpus_stack.registry).ask("Nghị quyết 76/NQ-CP là chương trình gì?",
                                                                    dt.date(2026, 12, 1))
    assert "((" not in plain.text


@pytest.mark.slow  # a whole eval (15–35 s on 2 cores): in make test and CI, not the fast lane
def test_ask_eval_floor(corpus_stack):
    from drafting.law.ask import Asker
    from evals.run import CASES_DIR, load_cases, run_ask

    res = run_ask(Asker(corpus_stack.searcher, corpus_stack.registry), load_cases(CASES_DIR / "retrieval.jsonl"))
    assert res["n"] >= 40 and res["gold_cited"] >= 0.95, res["misses"]
    # cited documents that are the gold one or in its lineage: 0.58 when every retrieved decree was cited, 0.87 with
    # only the best match, its lineage and those that matched nearly as well (threshold chosen on these cases)
    assert res["citation_precision"] >= 0.8, res["extras"]


@pytest.mark.slow  # a whole eval (15–35 s on 2 cores): in make test and CI, not the fast lane
def test_review_floors_on_drafts_of_units_the_rules_were_not_written_on():
    """One error typed into each of 30 copies of drafts for a province, a department, a district and two communes;
    their clean copies count false alarms (evals/review_unseen.py)."""
    from evals.review_unseen import run_unseen

    res = run_unseen()
    assert sum(int(v.split("/")[1]) for v in res["counts_by_kind"].values()) >= 30
    assert res["recall"] >= 0.9, res["misses"]
    assert res["precision"] >= 0.9, res["false_alarms"]
    assert all(s["precision"] >= 0.8 for s in res["by_base"].values()), res["by_base"]


def test_an_answer_gives_a_documents_history_only_when_it_has_one():
    """"Diễn biến: 09/2019/NĐ-CP." repeated the document's own number for a decree nothing amended or replaced."""
    from drafting.law.ask import _doc_line

    reg = Registry.load()
    day = dt.date(2026, 12, 1)
    assert "Diễn biến" not in _doc_line(reg.get("09/2019/NĐ-CP"), reg, day, "", "")
    assert "Diễn biến: 61/2018/NĐ-CP, được sửa đổi" in _doc_line(reg.get("61/2018/NĐ-CP"), reg, day, "", "")


def test_the_par_index_is_found_by_its_scoring_words(corpus_stack):
    """"Tháng 8/2025 đánh giá chỉ số CCHC dựa vào văn bản nào?" was answered with NQ 76/NQ-CP (which mentions
    assessment everywhere) instead of the Đề án that sets the index, QĐ 876/QĐ-BNV."""
    from drafting.law.ask import Asker

    asker = Asker(corpus_stack.searcher, corpus_stack.registry)
    for q in ("Tháng 8/2025 đánh giá chỉ số CCHC dựa vào văn bản nào?",
              "Tự chấm điểm chỉ số CCHC năm 2026 căn cứ văn bản nào?"):
        assert asker.ask(q, dt.date(2026, 12, 1)).citations[0].number == "876/QĐ-BNV", q


def test_a_data_window_question_is_answered_with_the_dates_first(corpus_stack):
    """"Báo cáo CCHC quý I năm 2024 lấy số liệu từ ngày nào đến ngày nào?" was answered by the decree's name alone; the
    dates are computed from the cut-off rule, and a question with another date in it is not taken for one."""
    from drafting.law.ask import Asker
    from drafting.law.windows import asked_windows, window_line

    asker = Asker(corpus_stack.searcher, corpus_stack.registry)
    ans = asker.ask("Báo cáo CCHC quý I năm 2024 lấy số liệu từ ngày nào đến ngày nào?", dt.date(2024, 3, 20))
    first = ans.text.splitlines()[0]
    assert "15/12/2023" in first and "14/03/2024" in first and "09/2019/NĐ-CP" in first, ans.text
    assert "cần kiểm tra số điều" in first  # the article holding the rule is unverified
    assert ans.citations[0].number == "09/2019/NĐ-CP"
    assert any(p.number == "09/2019/NĐ-CP" for p in ans.passages)
    day = dt.date(2026, 12, 1)
    assert [w.end for _, w in asked_windows("bao cao 6 thang nam 2025 chot so lieu den ngay nao", day)] == [dt.date(2025, 6, 14)]
    assert [w.start for _, w in asked_windows("Ngày chốt số liệu báo cáo quý 3 năm 2026?", day)] == [
        dt.date(2026, 6, 15), dt.date(2025, 12, 15)]  # the quarter alone, then the 9 months it closes
    reg = Registry.load()
    assert asked_windows("Thời gian chốt số liệu báo cáo CCHC năm là khi nào?", day)[0][1].end == dt.date(2026, 12, 14)
    assert asked_windows("Nghị định 118/2025 có hiệu lực từ ngày nào?", day) == []
    assert asked_windows("Số liệu tỷ lệ trực tuyến tính theo văn bản nào?", day) == []  # a rule, not dates
    # a month: the quarter its days fall into, split at the 14th in a quarter's last month (15/12 opens quý I)
    assert [(n, w.end) for n, w in asked_windows("Số liệu tháng 5 năm 2026 tính vào báo cáo nào?", day)] == [
        ("quý II năm 2026", dt.date(2026, 6, 14))]
    assert [n for n, _ in asked_windows("so lieu thang 12/2024 tinh vao ky bao cao nao", day)] == [
        "quý IV năm 2024", "quý I năm 2025"]
    line, _ = window_line("Số liệu tháng 3/2024 tính vào báo cáo nào?", day, reg)
    assert "từ ngày 15/03/2024 đến ngày 31/03/2024 tính vào báo cáo quý II năm 2024" in line


def test_a_deadline_question_says_the_registry_holds_no_deadline(corpus_stack):
    """Tried as a new user: "Báo cáo CCHC 6 tháng năm 2026 phải gửi trước ngày nào?" was answered "09/2019/NĐ-CP"
    with its cut-off rule, as if that were the deadline; no registered document sets the day a report is due."""
    from drafting.law.ask import Asker

    asker = Asker(corpus_stack.searcher, corpus_stack.registry)
    first = asker.ask("Báo cáo cải cách hành chính 6 tháng năm 2026 phải gửi trước ngày nào?", dt.date(2026, 12, 4)).text
    head = first.splitlines()[0]
    assert head.startswith("**Sổ đăng ký chưa có quy định về thời hạn gửi báo cáo") and "cần đối chiếu văn bản đó" in head
    assert "báo cáo 6 tháng đầu năm 2026: số liệu tính từ ngày 15/12/2025 đến ngày 14/06/2026" in head  # what it holds
    bare = asker.ask("Hạn nộp báo cáo cải cách hành chính?", dt.date(2026, 12, 4)).text.splitlines()[0]
    assert bare.startswith("**Sổ đăng ký chưa có quy định về thời hạn") and "số liệu tính" not in bare
    # a question of dates that is no deadline keeps its answer
    window = asker.ask("Báo cáo CCHC quý I năm 2024 lấy số liệu từ ngày nào?", dt.date(2024, 3, 20)).text
    assert "thời hạn gửi" not in window.splitlines()[0]


def test_a_sipas_question_names_the_documents_that_call_for_it_with_their_marks(corpus_stack):
    """"Đo lường sự hài lòng SIPAS … theo văn bản nào?" cited 76/NQ-CP only; the directive that asks for SIPAS (per
    the domain notes, unverified) is in the registry with that scope, marked as not verified."""
    from drafting.law.ask import Asker

    asker = Asker(corpus_stack.searcher, corpus_stack.registry)
    ans = asker.ask("Đo lường sự hài lòng SIPAS năm 2026 theo văn bản nào?", dt.date(2026, 12, 4))
    assert {"76/NQ-CP", "23/CT-TTg"} <= {c.number for c in ans.citations}
    named = asker.ask("Chỉ thị 23/CT-TTg quy định gì?", dt.date(2026, 12, 4)).text
    scope = next(line for line in named.splitlines() if line.startswith("Phạm vi (theo sổ đăng ký)"))
    assert "(SIPAS)" in scope and scope.endswith("[K]")  # the legend under the answer spells the mark out


def test_a_verdict_without_its_basis_is_noted_and_staff_over_quota_is_checked():
    """Found reviewing a commune's quarter typed by hand: "được giao 32 biên chế công chức, hiện có 35 công chức" was
    not checked (the noun after 32 was read with too little confidence), and "Công tác CCHC quý I năm 2026 đạt kết quả
    tốt" passed although nothing says against what."""
    text = ("ỦY BAN NHÂN DÂN XÃ HÒA THUẬN\nHòa Thuận, ngày 18 tháng 3 năm 2026\nBÁO CÁO\n"
            "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH\n3. Cải cách tổ chức bộ máy hành chính nhà nước\n"
            "Xã được giao 32 biên chế công chức, hiện có 35 công chức.\n"
            "III. ĐÁNH GIÁ CHUNG\nCông tác CCHC quý I năm 2026 đạt kết quả tốt. Tỷ lệ hồ sơ trực tuyến chưa đạt chỉ tiêu.\n"
            "Tỷ lệ hồ sơ đúng hạn đạt 98%, vượt chỉ tiêu 95% theo Kế hoạch số 08/KH-UBND.\n")
    issues = review(text.encode("utf-8"), REG, None, name="du-thao.txt")
    assert any(i.kind == "arithmetic" and "(35)" in i.message and i.section == "II.3" for i in issues), issues
    notes = [i for i in issues if i.kind == "wording" and i.section == "III"]
    assert [(i.severity, i.message.split("”")[0]) for i in notes] == [
        ("info", "Đánh giá “đạt kết quả tốt"), ("info", "“chưa đạt chỉ tiêu")]


def test_a_wards_quarter_typed_by_hand_next_period_heading_plan_share_and_signer():
    """Tried as a new user with a ward's quarter I typed by hand: "IV. NHIỆM VỤ QUÝ III NĂM 2026" (should be quý II)
    passed — the heading check knew only "IV. PHƯƠNG HƯỚNG …"; "hoàn thành 100% kế hoạch" with no plan counts anywhere
    passed; a numbered report ("Số: 45/BC-UBND") signed "CHỦ TỊCH" with no name passed."""
    text = ("ỦY BAN NHÂN DÂN\nPHƯỜNG HÒA KHÁNH\nSố: 45/BC-UBND\nHòa Khánh, ngày 20 tháng 3 năm 2026\nBÁO CÁO\n"
            "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026\n"
            "III. ĐÁNH GIÁ CHUNG\nCông tác CCHC quý I đạt kết quả tốt, hoàn thành 100% kế hoạch.\n"
            "IV. NHIỆM VỤ QUÝ III NĂM 2026\nTiếp tục thực hiện kế hoạch CCHC.\n"
            "Nơi nhận:\n- UBND quận;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n")
    issues = review(text.encode("utf-8"), REG, None, name="phuong.txt")
    assert any(i.kind == "period" and i.suggestion == "quý II năm 2026" for i in issues), issues
    assert any(i.kind == "wording" and "“100% kế hoạch” không có số nhiệm vụ" in i.message for i in issues), issues
    assert [i.suggestion for i in issues if i.kind == "layout" and "họ tên" in i.message] == ["thêm họ tên người ký"]
    # with the plan's counts said, the share stands; a name (no academic title) or the draft's blank passes
    counted = text.replace("hoàn thành 100% kế hoạch", "hoàn thành 12/12 nhiệm vụ, đạt 100% kế hoạch")
    named = counted.replace("CHỦ TỊCH\n", "CHỦ TỊCH\nNguyễn Văn Bình\n")
    issues = review(named.encode("utf-8"), REG, None, name="phuong.txt")
    assert not any("kế hoạch” không có" in i.message or "họ tên" in i.message for i in issues), issues
    budget = review(text.replace("hoàn thành 100% kế hoạch", "thu ngân sách đạt 85% kế hoạch").encode("utf-8"), REG, None,
                    name="phuong.txt")
    assert not any("kế hoạch” không có" in i.message for i in budget)  # a budget's plan is not the CCHC plan
    titled = review(counted.replace("CHỦ TỊCH\n", "CHỦ TỊCH\nTS. Nguyễn Văn Bình\n").encode("utf-8"), REG, None, name="p.txt")
    assert [i.suggestion for i in titled if "học hàm" in i.message] == ["Nguyễn Văn Bình"]
    blank = review(counted.replace("CHỦ TỊCH\n", "CHỦ TỊCH\n……………………\n").encode("utf-8"), REG, None, name="p.txt")
    unnumbered = review(counted.replace("Số: 45/BC-UBND", "Số:      /BC-UBND").encode("utf-8"), REG, None, name="p.txt")
    assert not any(i.kind == "layout" and "họ tên" in i.message for i in blank + unnumbered)  # the blank is a wording ask
    # the dotted line under any signer's title in capitals is the name's place, an info; a dotted line in the body is
    # a gap (a Ban Quản lý's "TRƯỞNG BAN" was taken for a gap, session 24)
    for title in ("CHỦ TỊCH", "CHÁNH THANH TRA", "KT. TRƯỞNG BAN\nPHÓ TRƯỞNG BAN"):
        signed = review(counted.replace("CHỦ TỊCH\n", f"{title}\n……………………\n").encode("utf-8"), REG, None, name="p.txt")
        assert [i.severity for i in signed if "……" in i.text] == ["info"], (title, signed)
    gap = review(counted.replace("hoàn thành 12/12", "hoàn thành …………… ").encode("utf-8"), REG, None, name="p.txt")
    assert any(i.severity == "warning" and i.message == "Còn chỗ trống chưa điền." for i in gap), gap


def test_a_departments_report_signed_as_a_committee_is_a_layout_error():
    """A department's draft copied from a people's committee's kept "TM. ỦY BAN NHÂN DÂN" above "GIÁM ĐỐC"; nothing said
    so. The committee's own capacities pass, and so does a department's director."""
    head = "UBND TỈNH THANH HÓA\nSỞ GIÁO DỤC VÀ ĐÀO TẠO\nThanh Hóa, ngày 18 tháng 9 năm 2026\nBÁO CÁO\n"
    sign = "\nNơi nhận:\n- Lưu: VT.\n{}\nGIÁM ĐỐC\n"
    wrong = review((head + sign.format("TM. ỦY BAN NHÂN DÂN")).encode("utf-8"), REG, None, name="so.txt")
    assert any(i.kind == "layout" and i.severity == "error" and "khối chữ ký" in i.message for i in wrong)
    right = review((head + sign.format("KT. GIÁM ĐỐC")).encode("utf-8"), REG, None, name="so.txt")
    assert not any("khối chữ ký" in i.message for i in right)
    xa = ("ỦY BAN NHÂN DÂN\nXÃ BA TRANG\nBa Trang, ngày 05 tháng 6 năm 2023\nBÁO CÁO\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n")
    assert not any("khối chữ ký" in i.message for i in review(xa.encode("utf-8"), REG, None, name="xa.txt"))


def test_a_total_whose_part_is_given_as_its_own_parts_is_checked():
    """Found reviewing a department's half year typed by hand: "đã giải quyết 1.230 hồ sơ, trong đó trước hạn 820 hồ sơ,
    đúng hạn 400 hồ sơ, quá hạn 12 hồ sơ" (1.232) passed — the on-time total is not stated, only its two parts."""
    text = ("SỞ XÂY DỰNG\nĐồng Tháp, ngày 15 tháng 6 năm 2026\nBÁO CÁO\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH\n2. Cải cách thủ tục hành chính\n"
            "Trong kỳ, Sở tiếp nhận 1.245 hồ sơ; đã giải quyết {} hồ sơ, trong đó trước hạn 820 hồ sơ, đúng hạn 400 hồ sơ, "
            "quá hạn 12 hồ sơ.\n")
    wrong = review(text.format("1.230").encode("utf-8"), REG, None, name="so.txt")
    assert any(i.kind == "arithmetic" and i.suggestion == "1.232" and "820" in i.message for i in wrong), wrong
    assert not [i for i in review(text.format("1.232").encode("utf-8"), REG, None, name="so.txt") if i.kind == "arithmetic"]


def test_our_own_satisfaction_sentence_is_no_rate_of_complaints():
    """Session 18: the review of a draft the product wrote flagged «Mức độ hài lòng … đối với việc giải quyết TTHC đạt
    97,60%» as the rate of complaints dealt with ("giải quyết" named it; the paragraph before counted complaints);
    and of two rates in one sentence, the second took the first's words."""
    from drafting.inputs.figure_text import read_figures

    text = ("ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính năm 2026\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH\n2. Cải cách thủ tục hành chính\n"
            "Về tiếp nhận, xử lý phản ánh, kiến nghị: đã tiếp nhận 06 phản ánh, kiến nghị, đã xử lý 06 (đạt 100%).\n"
            "Mức độ hài lòng của người dân, tổ chức đối với việc giải quyết TTHC đạt 97,60% (qua 1.830 phiếu khảo sát).\n")
    assert not [i for i in review(text.encode("utf-8"), Registry.load(), None, name="x.txt") if i.kind == "arithmetic"]
    both = read_figures("Tỷ lệ giải quyết đúng hạn đạt 99%, mức độ hài lòng đạt 97%.", section="II.2")
    assert [(f.key, f.value) for f in both.figures] == [("tthc.ty_le_hai_long", 97)]
    assert [(r.key, r.value) for r in both.rates] == [("tthc.ty_le_dung_han", 99)]


def test_one_fields_share_restated_larger_than_the_whole_is_asked_about_smaller_is_not():
    """Words not in report 4: a district's evaluation restating the overdue dossiers of one field."""
    head = ("UBND HUYỆN PHÚ LƯƠNG\nBÁO CÁO\nKết quả thực hiện công tác cải cách hành chính năm 2024\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH\n2. Cải cách thủ tục hành chính\n"
            "Đã giải quyết 3.120 hồ sơ, trong đó trước và đúng hạn 3.108 hồ sơ, quá hạn 12 hồ sơ.\n"
            "III. ĐÁNH GIÁ CHUNG\n")
    def asked(line):
        found = review((head + line + "\n").encode("utf-8"), Registry.load(), None, name="x.txt")
        return [(i.section, i.suggestion) for i in found if i.kind == "arithmetic"]
    assert asked("Vẫn còn 15 hồ sơ lĩnh vực đăng ký đất đai, tài sản gắn liền với đất giải quyết quá hạn do chờ đo đạc.") == [("III", "12")]
    assert asked("Vẫn còn 9 hồ sơ lĩnh vực đăng ký đất đai, tài sản gắn liền với đất giải quyết quá hạn do chờ đo đạc.") == []


def test_ten_errors_planted_in_held_out_report_6():
    """A commune's year (written in session 19 after the reading rules of set 21, before any review rule was taken from
    it), errors of kinds reports 4 and 5 did not plant: 9 of 10 caught at first, no false finding; a Prime Minister's
    directive said to be a ministry's ("Chỉ thị số 23/CT-TTg … của Bộ Nội vụ") is now caught too (10 of 10,
    optimistic), and a received total wrong by both of its sums is said once."""
    path = ROOT / "evals" / "cases" / "reading" / "report-heldout6.md"
    clean = path.read_bytes()
    assert not [i for i in review(clean, Registry.load(), None, name="x.md") if i.severity != "info"]
    text = clean.decode("utf-8")
    for a, b in [("bằng 114,7% dự toán", "bằng 117,4% dự toán"), ("tiếp nhận 6.865 hồ sơ (tồn", "tiếp nhận 6.856 hồ sơ (tồn"),
                 ("trước hạn 4.120 hồ sơ", "trước hạn 4.210 hồ sơ"), ("kế hoạch, đạt 91,5%", "kế hoạch, đạt 95,1%"),
                 ("| Hồ sơ | 6.790", "| Hồ sơ | 6.970"),
                 ("Số TTHC thuộc thẩm quyền", "Việc giải quyết TTHC thực hiện theo Nghị định số 61/2018/NĐ-CP ngày "
                                             "23/4/2018 của Chính phủ. Số TTHC thuộc thẩm quyền"),
                 ("NHIỆM VỤ NĂM 2027", "NHIỆM VỤ NĂM 2026"), ("02 nhiệm vụ đang triển khai", "03 nhiệm vụ đang triển khai"),
                 ("đã xử lý 09 phản ánh", "đã xử lý 11 phản ánh"),
                 ("Công tác CCHC được triển khai đồng bộ", "Thực hiện Chỉ thị số 23/CT-TTg ngày 02/9/2021 của Bộ Nội vụ, "
                                                          "công tác CCHC được triển khai đồng bộ")]:
        assert text.count(a) == 1
        text = text.replace(a, b)
    found = [i for i in review(text.encode("utf-8"), Registry.load(), None, name="x.md") if i.severity != "info"]
    assert sorted((i.section, i.suggestion) for i in found) == sorted([
        ("II.2", "118/2025/NĐ-CP"), ("II.2", "6.880"), ("II.2", "6.865"), ("II.2", "không quá 9"), ("II.5", "114,73%"),
        ("II.5", "91,53%"), ("IV", "năm 2027"), ("I", "2 nhiệm vụ"), ("III", "của Thủ tướng Chính phủ"),
        ("phu_luc", "6.856"), ("phu_luc", "6.790")])


def test_eleven_errors_planted_in_held_out_report_7():
    """A department's year (written in session 20 after the reading rules of set 22, before any review rule was taken
    from it), with an appendix of this year's and last year's columns: at first the clean report drew one false
    warning (last year's "9" complaints against this year's 11); with only the report's own column read, the clean
    report draws nothing and all 11 planted errors are caught, none falsely (the first run of the plants)."""
    path = ROOT / "evals" / "cases" / "reading" / "report-heldout7.md"
    clean = path.read_bytes()
    assert not [i for i in review(clean, Registry.load(), None, name="x.md") if i.severity != "info"]
    text = clean.decode("utf-8")
    for a, b in [("Kết quả: 29/31 nhiệm vụ", "Kết quả: 28/31 nhiệm vụ"),
                 ("Tổng số hồ sơ tiếp nhận 7.426 hồ sơ", "Tổng số hồ sơ tiếp nhận 7.462 hồ sơ"),
                 ("trực tuyến 6.903, trực tiếp 311", "trực tuyến 6.930, trực tiếp 311"),
                 ("hồ sơ tiếp nhận mới (98,5%)", "hồ sơ tiếp nhận mới (95,8%)"), ("kế hoạch (79,4%)", "kế hoạch (74,9%)"),
                 ("| Hồ sơ | 7.198 | 6.655", "| Hồ sơ | 7.189 | 6.655"),
                 ("theo Nghị định số 59/2019/NĐ-CP", "theo Nghị định số 59/2019/NĐ-CP ngày 01/8/2019 của Chính phủ"),
                 ("IV. NHIỆM VỤ NĂM 2027", "IV. NHIỆM VỤ NĂM 2026"),
                 ("Hiện nay Sở đang thực hiện 124 TTHC", "Sở thực hiện cơ chế một cửa theo Nghị định số 107/2021/NĐ-CP "
                                                        "của Chính phủ. Hiện nay Sở đang thực hiện 124 TTHC"),
                 ("đã xử lý 10, 01 phản ánh", "đã xử lý 12, 01 phản ánh"),
                 ("có mặt đến 30/11/2026: 91 công chức", "có mặt đến 30/11/2026: 98 công chức")]:
        assert text.count(a) == 1
        text = text.replace(a, b)
    found = [i for i in review(text.encode("utf-8"), Registry.load(), None, name="x.md") if i.severity != "info"]
    assert sorted((i.section, i.suggestion) for i in found) == sorted([
        ("II.2", "118/2025/NĐ-CP"), ("II.2", "7.241"), ("II.2", "7.426"), ("II.2", "98,49%"), ("II.2", "không quá 11"),
        ("II.4", "Nghị định số 59/2019/NĐ-CP ngày 01/07/2019"), ("II.5", "79,38%"), ("IV", "năm 2027"),
        ("I", "3 nhiệm vụ"), ("IV", "3 nhiệm vụ"), ("II.3", "không quá 96"), ("phu_luc", "7.462"), ("phu_luc", "7.198")])


def test_twelve_errors_planted_in_held_out_report_8():
    """A department of health's quý I (written in session 21 after the reading rules of set 23, before any review rule
    was taken from it). The clean report draws one true finding (it has no section V). Of 12 planted errors the first
    run caught 8: a total smaller than parts said without every part ("giao 9, đúng hạn 8, 2 chưa đến hạn") and fewer
    letters of apology than late dossiers are now caught; a report dated before its data cut-off is now a note (seed
    003 and other real reports are dated so, the last days estimated), not a fault; the fourth miss,
    "đang giải quyết 58" of 1.386 received with 1.301 resolved, is no error by the sum rules (dossiers paused, returned
    or withdrawn may be unsaid) and stays unflagged."""
    path = ROOT / "evals" / "cases" / "reading" / "report-heldout8.md"
    clean = path.read_bytes()
    assert [(i.section, i.kind) for i in review(clean, Registry.load(), None, name="x.md") if i.severity != "info"] == [
        ("V", "outline")]
    text = clean.decode("utf-8")
    for a, b in [("đến ngày 14/3/2027) như sau", "đến ngày 14/4/2027) như sau"),
                 ("tiếp nhận mới 1.332 hồ sơ", "tiếp nhận mới 1.323 hồ sơ"), ("đúng hạn 280, quá hạn 7", "đúng hạn 208, quá hạn 7"),
                 ("đang giải quyết 85 hồ sơ", "đang giải quyết 58 hồ sơ"),
                 ("hoàn thành đúng hạn 7 nhiệm vụ, 2 nhiệm vụ", "hoàn thành đúng hạn 8 nhiệm vụ, 2 nhiệm vụ"),
                 ("theo Nghị định số 60/2021/NĐ-CP;", "theo Nghị định số 60/2021/NĐ-CP ngày 21/6/2020 của Chính phủ;"),
                 ("| Hồ sơ | 1.301 | 1.180", "| Hồ sơ | 1.310 | 1.180"),
                 ("IV. NHIỆM VỤ QUÝ II NĂM 2027", "IV. NHIỆM VỤ QUÝ II NĂM 2026"),
                 ("đang giải quyết 58 hồ sơ. Đã gửi", "đang giải quyết 58 hồ sơ; tỷ lệ giải quyết trước và đúng hạn đạt 99,9%. Đã gửi"),
                 ("Tình hình giải quyết hồ sơ:", "Sở thực hiện cơ chế một cửa, một cửa liên thông theo Nghị định số "
                                                 "61/2018/NĐ-CP của Chính phủ. Tình hình giải quyết hồ sơ:"),
                 ("xin lỗi đối với 7 hồ sơ", "xin lỗi đối với 5 hồ sơ"),
                 ("Lạng Sơn, ngày 18 tháng 3 năm 2027", "Lạng Sơn, ngày 10 tháng 3 năm 2027")]:
        assert text.count(a) == 1
        text = text.replace(a, b)
    found = [i for i in review(text.encode("utf-8"), Registry.load(), None, name="x.md") if i.severity != "info"]
    assert sorted((i.section, i.suggestion) for i in found) == sorted([
        ("V", "V. KIẾN NGHỊ, ĐỀ XUẤT"), ("mo_dau", "từ ngày 15/12/2026 đến ngày 14/03/2027"), ("I", "không nhỏ hơn 10"),
        ("II.2", "93,93%"), ("II.2", "1.377"), ("II.2", "1.229"), ("II.2", "118/2025/NĐ-CP"),
        ("II.5", "Nghị định số 60/2021/NĐ-CP ngày 21/06/2021"), ("IV", "quý II năm 2027"), ("II.2", "7"),
        ("phu_luc", "1.301")])  # the date's year before the number's is said in the registry's finding, not apart
    # dated before its cut-off: a note (units send reports so, the last days estimated), never an error
    notes = [i for i in review(text.encode("utf-8"), Registry.load(), None, name="x.md") if i.severity == "info"]
    assert any("sớm hơn ngày chốt số liệu 14/03/2027" in i.message for i in notes)


def test_ten_errors_planted_in_held_out_report_9_typed_without_diacritics():
    """A commune's 9 months typed without diacritics, as a scan's text comes out (written in session 22 before any
    review rule was taken from it). Clean: no fault, only the missing section V as a note (OCR text). Of 10 planted
    errors the first run caught 8 (the missing section II.5 as a note): the new dossiers' channels beside the carried
    over ("26 …, truc tuyen 2.915, truc tiep 953" of 3.874, by post unsaid) and a title's year a year before the
    report's date ("9 thang dau nam 2025" signed 22/9/2026) are now caught."""
    path = ROOT / "evals" / "cases" / "reading" / "report-heldout9.md"
    clean = path.read_bytes()
    assert [i for i in review(clean, Registry.load(), None, name="x.md") if i.severity != "info"] == []
    text = clean.decode("utf-8")
    for a, b in [("truc tiep 933 ho so", "truc tiep 953 ho so"), ("da hoan thanh 19 nhiem vu, 08", "da hoan thanh 21 nhiem vu, 08"),
                 ("da xu ly 5 van ban", "da xu ly 7 van ban"), ("hien co 36 can bo", "hien co 40 can bo"),
                 ("1.022 ho so thanh toan truc tuyen.", "1.022 ho so thanh toan truc tuyen, dat 75%."),
                 ("So TTHC thuoc tham quyen", "Xa thuc hien co che mot cua theo Nghi dinh so 118/2025/ND-CP ngay "
                                              "09/6/2024 cua Chinh phu. So TTHC thuoc tham quyen"),
                 ("NHIEM VU QUY IV NAM 2026", "NHIEM VU 6 THANG CUOI NAM 2026"),
                 ("hanh chinh 9 thang dau nam 2026", "hanh chinh 9 thang dau nam 2025"),
                 ("5. Cai cach tai chinh cong\nThu ngan sach tren dia ban xa dat 6.850 trieu dong, bang 91% du toan.\n", ""),
                 ("2.480 van ban, 100% co chu ky so", "2.480 van ban, trong do 2.500 van ban co chu ky so")]:
        assert text.count(a) == 1, a
        text = text.replace(a, b)
    found = review(text.encode("utf-8"), Registry.load(), None, name="x.md")
    faults = [i for i in found if i.severity != "info"]
    assert sorted((i.section, i.suggestion) for i in faults) == sorted([
        ("mo_dau", "9 tháng năm 2026"), ("I", "6 nhiệm vụ"), ("IV", "6 nhiệm vụ"), ("II.1", "không quá 5"),
        ("II.2", "không nhỏ hơn 3.894"), ("II.2", "Nghị định số 118/2025/NĐ-CP ngày 09/06/2025"),  # one date finding
        ("II.2", "70,00%"), ("II.3", "không quá 38"), ("II.6", "không quá 2.480"), ("IV", "quý IV năm 2025")])
    assert any("tài chính công" in i.message for i in found if i.severity == "info")


def test_written_draft_7_rules_in_other_words(tmp_path):
    """Written draft 7 (a province's 9 months) missed "tổng cộng 33" after two issuers' 8 + 24 legal documents and a
    typed «Nơi nhận» without its "Lưu" line; and an end of force the registry holds only as [K] was called an error.
    Here a ward's quarter, in other words."""
    body = ("ỦY BAN NHÂN DÂN\nPHƯỜNG AN HẢI\nSố: 27/BC-UBND\n\nBÁO CÁO\nKết quả công tác cải cách hành chính quý I năm 2027\n\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n1. Cải cách thể chế\n"
            "HĐND phường ban hành 2 nghị quyết QPPL, UBND phường ban hành {ubnd} quyết định QPPL, tổng số {total} văn bản QPPL.\n"
            "2. Cải cách thủ tục hành chính\nThực hiện TTHC trên môi trường điện tử theo Nghị định số 45/2020/NĐ-CP ngày "
            "08/4/2020 của Chính phủ.\n\nNơi nhận:\n- UBND thành phố;\n- Sở Nội vụ;\n{filing}\nCHỦ TỊCH\n\nTrần Thị Mai\n")

    def found(**kw):
        return _review_typed(tmp_path, body.format(**kw), dt.date(2027, 3, 20))
    bad = found(ubnd=3, total=6, filing="")
    assert any(i.kind == "arithmetic" and i.suggestion == "5" and "tổng 6" in i.message for i in bad), bad
    assert any(i.kind == "layout" and "Lưu" in i.message and i.severity == "error" for i in bad)
    stale = [i for i in bad if i.kind == "citation" and "45/2020" in i.text + i.message and "hết hiệu lực" in i.message]
    assert stale and all(i.severity == "warning" and "[K" in i.message for i in stale)
    good = found(ubnd=3, total=5, filing="- Lưu: VT, VP.")
    assert not [i for i in good if i.kind == "arithmetic" or (i.kind == "layout" and "Lưu" in i.message)], good


def test_parts_listed_after_gom_are_all_of_the_total():
    """Written draft 8: "tiếp nhận 1.480 hồ sơ, gồm hồ sơ trực tuyến 1.102 hồ sơ và hồ sơ trực tiếp 368 hồ sơ" passed,
    the gap taken for dossiers carried over. Parts listed after "gồm" are the whole; after "trong đó" some may be unsaid."""
    from types import SimpleNamespace

    from drafting.review.stated import check_stated_figures

    def issues(text):
        return check_stated_figures([SimpleNamespace(index=1, section="I", text=text)])

    listed = issues("Tổng số 15 nhiệm vụ cấp trên giao, bao gồm 13 nhiệm vụ hoàn thành đúng hạn và 1 nhiệm vụ hoàn thành "
                    "quá hạn.")
    assert [i.suggestion for i in listed] == ["14"], listed
    assert not issues("Tổng số 15 nhiệm vụ cấp trên giao, trong đó 13 nhiệm vụ hoàn thành đúng hạn và 1 nhiệm vụ hoàn "
                      "thành quá hạn.")
    assert not issues("Tiếp nhận 2.200 hồ sơ, gồm 1.650 hồ sơ trực tuyến, 540 hồ sơ trực tiếp và 10 hồ sơ qua bưu chính.")


def test_written_draft_9_rules_in_other_words():
    """Written draft 9 (a commune's nine months) missed "phát hiện 3 thôn …, đã khắc phục 4 thôn" (more places put right
    than found at fault: the 4 was left unread) and a received total against its channels in brackets. Here other
    words: a ward's groups and a breakdown in brackets that must add up."""
    from types import SimpleNamespace

    from drafting.review.stated import check_stated_figures

    def issues(text, section="I"):
        return check_stated_figures([SimpleNamespace(index=1, section=section, text=text)])

    fixed = issues("Kiểm tra tại 7 tổ dân phố, phát hiện 2 tổ dân phố niêm yết sai, đã chấn chỉnh 3 tổ dân phố.")
    assert [i.suggestion for i in fixed] == ["không quá 2"], fixed
    assert not issues("Kiểm tra tại 7 tổ dân phố, phát hiện 2 tổ dân phố niêm yết sai, đã chấn chỉnh 2 tổ dân phố.")
    # a breakdown in brackets right after its total is all of it
    whole = issues("Tổng số hồ sơ tiếp nhận 3.000 hồ sơ (kỳ trước chuyển sang 100 hồ sơ, mới tiếp nhận 2.850 hồ sơ).", "II.2")
    assert [(i.severity, i.suggestion) for i in whole] == [("error", "2.950")], whole
    # channels in brackets are the new dossiers': a gap may be those carried over, so the official is asked
    channels = issues("Tiếp nhận 950 hồ sơ (trực tuyến 700 hồ sơ, trực tiếp 230 hồ sơ).", "II.2")
    assert [i.severity for i in channels] == ["info"] and "kỳ trước chuyển sang" in channels[0].message, channels
    assert not issues("Tiếp nhận 950 hồ sơ (trong đó trực tuyến 700 hồ sơ, trực tiếp 230 hồ sơ).", "II.2")


def test_written_draft_10_rules_in_other_words(tmp_path):
    """Written draft 10 (a ward's quý I) missed "bổ nhiệm 3 …, bổ nhiệm lại 2 …, tổng cộng 6 lượt" and "KT. CHỦ TỊCH"
    over "CHỦ TỊCH". Here a department's words."""
    from types import SimpleNamespace

    from drafting.review.stated import check_stated_figures

    said = check_stated_figures([SimpleNamespace(index=1, section="II.4", text=(
        "Tuyển dụng 12 viên chức giáo viên và 3 viên chức y tế học đường, tổng cộng 16 viên chức."))])
    assert [(i.severity, i.suggestion) for i in said] == [("warning", "15")], said
    assert not check_stated_figures([SimpleNamespace(index=1, section="II.4", text=(
        "Tuyển dụng 12 viên chức giáo viên và 3 viên chức y tế học đường, tổng cộng 15 viên chức."))])
    body = ("UBND TỈNH NGHỆ AN\nSỞ Y TẾ\nSố: 88/BC-SYT\n\nBÁO CÁO\nKết quả công tác cải cách hành chính quý I năm 2027\n\n"
            "Nơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n\nKT. GIÁM ĐỐC\n{below}\n\nLê Thị Hoa\n")

    def layout(below):
        return [i for i in _review_typed(tmp_path, body.format(below=below), dt.date(2027, 3, 20))
                if i.kind == "layout"]
    wrong = layout("GIÁM ĐỐC")
    assert any(i.suggestion == "PHÓ GIÁM ĐỐC" and i.severity == "error" for i in wrong), wrong
    assert not any("Ký thay" in i.message for i in layout("PHÓ GIÁM ĐỐC"))


def test_written_draft_11_date_line_in_figures(tmp_path):
    """Written draft 11 (a department's six months) dated "An Giang, ngày 18/6/2026": NĐ 30 writes the date out, so the
    reviewer says so — and still takes it as the report's date, for the law in force and the period. Here a commune's
    February date, with its leading zeros; a body line "…, ngày 02/3/2027" after a reference is no date line."""
    body = ("ỦY BAN NHÂN DÂN\nXÃ BẢO YÊN\nSố: 15/BC-UBND\n\n{date}\n\nBÁO CÁO\nKết quả công tác cải cách hành chính quý I "
            "năm 2027\n\nThực hiện Công văn số 12/SNV-CCHC, ngày 02/3/2027 của Sở Nội vụ, UBND xã báo cáo như sau.\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n2. Cải cách thủ tục hành chính\nBộ phận Một cửa xã thực hiện theo "
            "Nghị định số 61/2018/NĐ-CP của Chính phủ.\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\nCHỦ TỊCH\n\nLò Văn Sinh\n")

    def found(date):
        return _review_typed(tmp_path, body.format(date=date), None)
    bad = found("Bảo Yên, ngày 5/2/2027")
    dated = [i for i in bad if i.kind == "layout" and "bằng số" in i.message]
    assert [i.suggestion for i in dated] == ["Bảo Yên, ngày 05 tháng 02 năm 2027"], bad
    # the date is still read: in 2027 the one-stop desk's decree is 118/2025, so 61/2018 is out of force
    assert any(i.kind == "citation" and "61/2018" in i.text and "118/2025" in i.suggestion for i in bad), bad
    good = found("Bảo Yên, ngày 05 tháng 02 năm 2027")
    assert not [i for i in good if i.kind == "layout" and ("bằng số" in i.message or "địa danh" in i.message)], good
    assert any(i.kind == "citation" and "61/2018" in i.text for i in good)


def test_written_draft_12_rates_above_their_base_and_rests(tmp_path):
    """Written draft 12 (a commune's year): "vượt 12% so với dự toán" was checked as the rate itself (suggesting
    "107,95%"), and "còn 1 tồn tại đang khắc phục" of 5 found and 3 fixed, "còn thiếu 2 biên chế" of 22 and 21 passed.
    Here a ward's six months, in other words: each wrong once, then right."""
    from types import SimpleNamespace

    from drafting.review.stated import check_stated_figures

    def issues(*texts):
        return check_stated_figures([SimpleNamespace(index=i, section=sec, text=t) for i, (sec, t) in enumerate(texts, 1)])

    over = issues(("II.5", "Thu ngân sách đạt 5.500 triệu đồng, vượt 15% so với dự toán 5.000 triệu đồng."))
    assert [(i.kind, i.suggestion) for i in over] == [("arithmetic", "10,00%")], over
    assert "vượt 15%" in over[0].message
    assert not issues(("II.5", "Thu ngân sách đạt 5.500 triệu đồng, vượt 10% so với dự toán 5.000 triệu đồng."))
    rest = issues(("I", "Kiểm tra 4 tổ dân phố, phát hiện 7 thiếu sót, đã khắc phục 5, còn 1 thiếu sót đang khắc phục."))
    assert [(i.kind, i.severity, i.suggestion) for i in rest] == [("arithmetic", "warning", "2")], rest
    assert not issues(("I", "Kiểm tra 4 tổ dân phố, phát hiện 7 thiếu sót, đã khắc phục 5, còn 2 thiếu sót đang khắc phục."))
    short = issues(("II.3", "Phường được giao 30 biên chế, có mặt 27 công chức, còn thiếu 4 biên chế."))
    assert [(i.kind, i.suggestion) for i in short] == [("arithmetic", "3")], short
    assert not issues(("II.3", "Phường được giao 30 biên chế, có mặt 27 công chức, còn thiếu 3 biên chế."))


def test_written_draft_13_capacity_written_in_full():
    """Written draft 13 (a ward's quarter) signed "TM. UBND PHƯỜNG": the body signed for is written in full. Here a
    commune's, without the space, and the right form passing."""
    from types import SimpleNamespace

    from drafting.review.signature import check_closing

    def found(line):
        lines = ["Nơi nhận:", "- UBND tỉnh;", "- Lưu: VT.", line, "CHỦ TỊCH", "Lò Thị Mai"]
        return check_closing([SimpleNamespace(index=i, section="ket_thuc", text=t) for i, t in enumerate(lines, 1)])
    short = found("TM.UBND XÃ")
    assert [(i.kind, i.suggestion) for i in short] == [("layout", "TM. ỦY BAN NHÂN DÂN")], short
    assert not found("TM. ỦY BAN NHÂN DÂN")


def test_a_tables_total_row_is_checked_against_its_levels_rows():
    """Report 18's table (the levels as rows, the measures as columns) was read by no one: its total row went
    unchecked. Here a district's table whose total of resolved dossiers is not its levels' sum, then right."""
    from types import SimpleNamespace

    from drafting.review.stated import check_stated_figures

    def issues(total):
        rows = ["| Cấp | Tiếp nhận | Đã giải quyết | Đúng hạn | Quá hạn |", "| Cấp huyện | 4.100 | 4.020 | 4.000 | 20 |",
                "| Cấp xã | 9.300 | 9.210 | 9.200 | 10 |", f"| Tổng cộng | 13.400 | {total} | 13.200 | 30 |"]
        return [i for i in check_stated_figures([SimpleNamespace(index=n, section="II.2", text=t)
                                                 for n, t in enumerate(rows, 1)]) if i.kind == "arithmetic"]
    wrong = issues("13.290")
    assert any(i.suggestion == "13.230" for i in wrong), wrong
    assert all("Tổng cộng" in i.text or "13.290" in i.text for i in wrong), wrong
    assert not issues("13.230"), issues("13.230")


def test_a_docx_dated_in_figures_is_reviewed_not_broken(tmp_path):
    """The .docx layout check looked for the date line written out; one written in figures must give the one finding
    of check_date_line (and no "Thiếu dòng địa danh"), not break the review."""
    from docx import Document

    doc = Document()
    for line in ("ỦY BAN NHÂN DÂN", "XÃ BẢO YÊN", "Số: 15/BC-UBND", "Bảo Yên, ngày 5/2/2027", "BÁO CÁO",
                 "Kết quả công tác cải cách hành chính quý I năm 2027", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
                 "UBND xã ban hành 3 văn bản chỉ đạo về CCHC.", "Nơi nhận:", "- Lưu: VT.", "CHỦ TỊCH", "Lò Văn Sinh"):
        doc.add_paragraph(line)
    path = tmp_path / "du-thao.docx"
    doc.save(path)
    layout = [i for i in review(path, Registry.load(), None) if i.kind == "layout"]
    found = [i for i in layout if "ngày" in i.message]
    assert [i.suggestion for i in found] == ["Bảo Yên, ngày 05 tháng 02 năm 2027"], found
    # the rest of the .docx layout check still runs (it stopped at the date line and lost them all)
    assert any("Khổ giấy" in i.message for i in layout) and any("“Nơi nhận:”" in i.message for i in layout), layout


def test_written_draft_14_rates_against_the_counts_beside_them():
    """Written draft 14 (a department of finance's year): "1.050 … trên tổng số 1.750 hồ sơ tiếp nhận, tỷ lệ 64,2%",
    "quá hạn 34 hồ sơ, giảm 15% so với cùng kỳ năm 2025 (45 hồ sơ)" and "45 lượt …, vượt 15% kế hoạch (40 lượt)" passed:
    the first is of no figure the schema knows, the others compare with a base given only in brackets. Here a ward's
    six months, in other words and other figures; the right ones and the look-alikes stay silent."""
    from types import SimpleNamespace

    from drafting.review.stated import check_stated_figures

    def issues(text, section="II.2"):
        return [(i.kind, i.suggestion) for i in check_stated_figures([SimpleNamespace(index=1, section=section, text=text)])]

    assert issues("Có 96 hồ sơ được số hóa kết quả trên tổng số 120 hồ sơ đã trả, tỷ lệ 85%.") == [("arithmetic", "80,00%")]
    assert issues("Phường nhận 12 phản ánh, giảm 40% so với năm 2025 (18 phản ánh).") == [("arithmetic", "giảm 33,33%")]
    assert issues("Tổ chức 06 cuộc kiểm tra, tăng 20% so với cùng kỳ (04 cuộc).", "I") == [("arithmetic", "tăng 50,00%")]
    # said to fall, but rose
    assert issues("Còn 9 hồ sơ trễ hẹn, giảm 10% so với 6 tháng năm 2025 (8 hồ sơ).") == [("arithmetic", "tăng 12,50%")]
    assert issues("Bồi dưỡng 33 lượt, vượt 5% chỉ tiêu (30 lượt).", "II.4") == [("arithmetic", "vượt 10,00%")]
    for right in ("Có 45 hồ sơ trên tổng số 50 hồ sơ, tỷ lệ 90%.",
                  "Tiếp nhận 1.274 hồ sơ, tăng 15% so với cùng kỳ năm 2025 (tiếp nhận 1.105 hồ sơ).",
                  "Tỷ lệ trực tuyến đạt 65%, tăng 5% so với cùng kỳ (60%).",  # points of a rate, not a count
                  "Có 34 hồ sơ quá hạn, giảm 15% so với cùng kỳ (45 người).",  # a base of another thing
                  "Phấn đấu tỷ lệ hồ sơ trực tuyến đạt trên 90%, tăng 10% so với năm 2026 (năm 2026 đạt 80%).",
                  "Kết quả khảo sát trên 1.215 phiếu cho thấy 98,9% người dân hài lòng."):
        assert issues(right) == [], right


def test_a_year_report_is_named_once(tmp_path):
    """Written draft 14 was told "Báo cáo năm năm 2026 nhưng đoạn này ghi …": the period "năm" and its year were
    joined as for "6 tháng năm 2026". Every finding about a year report's period names it "năm 2026"."""
    path = tmp_path / "bao-cao-nam.md"
    path.write_text(
        "UBND XÃ AN PHÚ\n\nAn Phú, ngày 10 tháng 12 năm 2026\n\nBÁO CÁO\nKết quả công tác cải cách hành chính năm 2026\n\n"
        "Số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026.\n\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n"
        "Kết quả 6 tháng năm 2026 cho thấy công tác CCHC có chuyển biến.\n\nIV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2026\n"
        "Tiếp tục triển khai.\n", encoding="utf-8")
    found = [i for i in review(path, Registry.load(), None) if i.kind == "period"]
    assert len(found) >= 3, found
    assert not [i for i in found if "năm năm" in f"{i.message} {i.suggestion}".lower()], found
    assert any("Báo cáo năm 2026" in i.message for i in found), found


def test_one_wrong_date_is_one_finding():
    """Written draft 14's "Nghị định số 42/2022/NĐ-CP ngày 24/6/2021" was listed twice — once as a date before the year
    of its number, once against the registry's date. Here 30/2020 dated 2019: one error, saying both, with the fix."""
    found = check_text("Thực hiện Nghị định số 30/2020/NĐ-CP ngày 05/3/2019 của Chính phủ về công tác văn thư.",
                       Registry.load(), dt.date(2026, 6, 1))
    dated = [p for p in found if p.kind in ("date", "date_year")]
    assert len(dated) == 1, found
    assert "sớm hơn năm 2020" in dated[0].message and "05/03/2020" in dated[0].suggestion, dated
    # a document the registry does not hold keeps the finding it can have
    local = check_text("Theo Kế hoạch số 12/2026/KH-UBND ngày 05/01/2025 của UBND tỉnh.", Registry.load(), dt.date(2026, 6, 1))
    assert [p.kind for p in local if p.kind.startswith("date")] == ["date_year"], local


def test_written_draft_16_in_other_words(tmp_path):
    """Written draft 16 (a district's quý I of 2025): a decree signed three months after the report was only "chưa có
    hiệu lực", a warning; a change said after a list of the total's parts ("2.350 hồ sơ, gồm 1.410 … và 960 …; tăng
    15% … (2.100 hồ sơ)") passed; a typed report without «Nơi nhận» passed; one local plan cited twice (with and
    without its issuer) was two notes. Here other units, other documents and other figures."""
    from types import SimpleNamespace

    from drafting.review.stated import check_stated_figures

    unborn = [p for p in check_text("Căn cứ Nghị định số 118/2025/NĐ-CP của Chính phủ về một cửa.", REG,
                                    dt.date(2025, 5, 20)) if p.kind == "not_in_force"]
    assert [p.severity for p in unborn] == ["error"] and "chưa được ban hành (ký ngày 09/06/2025" in unborn[0].message
    # and what applied on that day, as the fix: 61/2018 with its amendment (the replacing is held from secondary sources)
    assert unborn[0].suggestion.startswith("Nghị định số 61/2018/NĐ-CP") and "107/2021/NĐ-CP" in unborn[0].suggestion
    assert "ngày đó áp dụng Nghị định số 61/2018/NĐ-CP" in unborn[0].message and "[S: nguồn thứ cấp]." in unborn[0].message
    # signed but not yet in force: still the softer finding of a start the registry holds from secondary sources
    signed = [p for p in check_text("Nghị định số 118/2025/NĐ-CP của Chính phủ quy định thủ tục một cửa.", REG,
                                    dt.date(2025, 6, 20)) if p.kind == "not_in_force"]
    assert signed and "chưa có hiệu lực" in signed[0].message and "chưa được ban hành" not in signed[0].message

    def issues(text):
        return [i.suggestion for i in check_stated_figures([SimpleNamespace(index=1, section="II.2", text=text)])]

    assert issues("Phường giải quyết 1.200 hồ sơ, trong đó đúng hạn 1.150 hồ sơ và quá hạn 50 hồ sơ; giảm 10% so "
                  "với năm 2025 (1.500 hồ sơ).") == ["giảm 20,00%"]
    assert issues("Xã tiếp nhận 800 hồ sơ, bao gồm 500 hồ sơ trực tuyến, 300 hồ sơ trực tiếp; tăng 25% so với cùng kỳ "
                  "(640 hồ sơ).") == []
    assert issues("Xã tiếp nhận 800 hồ sơ trực tuyến và 300 hồ sơ trực tiếp; tăng 25% so với cùng kỳ (640 hồ sơ).") == []
    # draft 17: the sentence opening on a length of time ("Trong 6 tháng, …") still has its total first
    assert issues("Trong 6 tháng, phường giải quyết 900 hồ sơ, trong đó đúng hạn 880 hồ sơ; tăng 20% so với cùng kỳ năm "
                  "2025 (800 hồ sơ).") == ["tăng 12,50%"]

    body = ("UBND XÃ YÊN LẠC\n{head}\nYên Lạc, ngày 12 tháng 6 năm 2026\n\nBÁO CÁO\nKết quả công tác cải cách hành chính 6 "
            "tháng đầu năm 2026\n\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\nThực hiện Kế hoạch số 7/KH-UBND ngày 9/1/2026 của "
            "UBND xã, xã tổ chức 2 hội nghị.\nKế hoạch số 07/KH-UBND ngày 09/01/2026 đã hoàn thành 5 nhiệm vụ.\n\n"
            "{closing}TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn Bình\n")
    path = tmp_path / "du-thao.txt"
    head = "Số: 45/BC-UBND\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"
    path.write_text(body.format(head=head, closing=""), encoding="utf-8")
    found = review(path, REG, None)
    assert [i.suggestion for i in found if i.kind == "layout"] == ["Nơi nhận:"], found
    local = [i for i in found if i.group == "unverified_local"]
    assert len(local) == 1 and "(đoạn " in local[0].message and local[0].message.startswith("1 văn bản"), local
    path.write_text(body.format(head=head, closing="Noi nhin:\n- Lưu: VT.\n"), encoding="utf-8")  # as a scan reads it
    assert not [i for i in review(path, REG, None) if i.kind == "layout"]
    # the head of NĐ 30 missing from a typed report: one warning naming what is missing; a trace of the motto (an
    # extract that lost the national title beside it) or a section pasted alone asks nothing
    path.write_text(body.format(head="", closing="Nơi nhận:\n- Lưu: VT.\n"), encoding="utf-8")
    head_found = [i for i in review(path, REG, None) if i.kind == "layout"]
    assert len(head_found) == 1 and head_found[0].severity == "warning", head_found
    assert "Quốc hiệu, Tiêu ngữ" in head_found[0].message and "số, ký hiệu" in head_found[0].message
    path.write_text(body.format(head="S6: 45/BC-UBND   Doc lap - Tu do - Hanh phuc\n", closing="Nơi nhận:\n- Lưu: VT.\n"),
                    encoding="utf-8")
    assert not [i for i in review(path, REG, None) if i.kind == "layout"]
    path.write_text("2. Cải cách thủ tục hành chính\nXã tiếp nhận 120 hồ sơ.\n", encoding="utf-8")
    assert not [i for i in review(path, REG, None) if i.kind == "layout"]


def test_written_draft_18_in_other_words():
    """Written draft 18 (a ward's six months of 2025): the opening's formula said "báo cáo kết quả 6 tháng đầu năm 2024
    như sau" under a title of 2025 and passed — only mentions of the title's year were checked. Here a department's
    quarter: another year in the formula is a period fault; in the body, against another year, a comparison."""
    text = ("SỞ TƯ PHÁP TỈNH ĐIỆN BIÊN\nĐiện Biên, ngày 16 tháng 3 năm 2027\nBÁO CÁO\n"
            "Kết quả công tác cải cách hành chính quý I năm 2027\n"
            "Thực hiện Kế hoạch số 5/KH-STP ngày 08/01/2027 của Sở, Sở Tư pháp báo cáo kết quả quý I năm 2026 như sau:\n"
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH\nSở ban hành 3 văn bản chỉ đạo về CCHC.\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH\n2. Cải cách thủ tục hành chính\n"
            "Sở giải quyết 410 hồ sơ; quý I năm 2026 giải quyết 380 hồ sơ.\n")
    found = [i for i in review(text.encode("utf-8"), REG, None, name="du-thao.txt") if i.kind == "period"]
    assert [(i.text, i.suggestion) for i in found] == [("quý I năm 2026", "quý I năm 2027")], found
    right = text.replace("kết quả quý I năm 2026 như sau", "kết quả quý I năm 2027 như sau")
    assert not [i for i in review(right.encode("utf-8"), REG, None, name="b.txt") if i.kind == "period"]


def test_written_draft_19_in_other_words():
    """Written draft 19 (a department's nine months of 2026): «tiếp nhận 2.640 hồ sơ (kỳ trước chuyển sang 40 …, mới
    tiếp nhận 2.610 …); tăng 10,5% so với cùng kỳ năm 2025 (2.400 hồ sơ)» passed — the change after a total whose parts
    are in brackets was measured against no count. Here a ward's words: the total before the brackets is the one."""
    from types import SimpleNamespace

    from drafting.review.stated import check_stated_figures

    def issues(text):
        return [i.suggestion for i in check_stated_figures([SimpleNamespace(index=1, section="II.2", text=text)])]

    assert issues("Phường giải quyết 1.500 hồ sơ (trực tuyến 1.200, trực tiếp 300); giảm 20% so với cùng kỳ năm 2025 "
                  "(2.000 hồ sơ).") == ["giảm 25,00%"]
    assert issues("Phường giải quyết 1.500 hồ sơ (trực tuyến 1.200, trực tiếp 300); giảm 25% so với cùng kỳ năm 2025 "
                  "(2.000 hồ sơ).") == []


def test_written_draft_20_date_line_without_its_place(tmp_path):
    """Written draft 20 (a commune's first quarter) was dated "ngày 17 tháng 3 năm 2027" with no place before it and
    the reviewer said nothing. Here a ward's six months, typed and in the product's own .docx: the missing place is one
    error naming the line; an extract that broke "Thủ Đức,\\nngày …" over two lines keeps its place."""
    from drafting.render.docx import render_docx
    from evals.review_eval import _docx_edit, _find, _set_text, clean_draft

    body = ("ỦY BAN NHÂN DÂN\nPHƯỜNG THỦ ĐỨC\nSố: 31/BC-UBND\n\n{date}\n\nBÁO CÁO\nKết quả công tác cải cách hành chính "
            "6 tháng đầu năm 2026\n\nII. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n2. Cải cách thủ tục hành chính\nPhường "
            "tiếp nhận 2.140 hồ sơ.\n\nNơi nhận:\n- UBND thành phố;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nLê Văn An\n")

    def placeless(date):
        return [i for i in _review_typed(tmp_path, body.format(date=date), dt.date(2026, 6, 18))
                if i.kind == "layout" and "địa danh" in i.message]
    found = placeless("ngày 18 tháng 6 năm 2026")
    assert [(i.severity, i.text, i.suggestion) for i in found] == [
        ("error", "ngày 18 tháng 6 năm 2026", "<địa danh>, ngày 18 tháng 6 năm 2026")], found
    assert not placeless("Thủ Đức, ngày 18 tháng 6 năm 2026")
    assert not placeless("Thủ Đức,\nngày 18 tháng 6 năm 2026")

    def drop_place(doc):
        line = _find(doc, "Ba Trang, ngày")
        _set_text(line, line.text.removeprefix("Ba Trang, "))
    path = tmp_path / "du-thao.docx"
    path.write_bytes(_docx_edit(render_docx(clean_draft()), drop_place))
    layout = [i for i in review(path, Registry.load(), dt.date(2023, 6, 5)) if i.kind == "layout"]
    assert any("thiếu địa danh" in i.message and i.severity == "error" for i in layout), layout
    assert not any("Thiếu dòng địa danh" in i.message for i in layout), layout


def test_written_draft_21_rules_in_other_words(tmp_path):
    """Written draft 21 (a merged department's six months): its heading "5. Cải cách tài chính công" over a line
    opening on a count was read as text (a false "thiếu lĩnh vực"), and four faults passed: the province's symbol on a
    department's number, a report signed before the end of the window its own opening states, a verdict on a rate
    that names no target. Here a department of health's quarter in other words, each wrong, then right."""
    body = ("UBND TỈNH CAO BẰNG\nSỞ Y TẾ\nSố: {number}\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Cao Bằng, ngày {day} tháng 3 năm 2027\n\nBÁO CÁO\nKết quả công tác cải cách hành chính quý I năm 2027\n\n"
            "Sở Y tế báo cáo như sau ({window}):\n\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC\nSở ban hành 4 văn bản.\n\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n1. Cải cách thể chế\nSở rà soát 6 văn bản.\n"
            "2. Cải cách thủ tục hành chính\nSở tiếp nhận 812 hồ sơ, trong đó trực tuyến 410 hồ sơ, đạt 50,49%{verdict}.\n"
            "3. Cải cách tổ chức bộ máy hành chính nhà nước\nSở có 7 phòng.\n4. Cải cách chế độ công vụ\n"
            "15 lượt công chức được bồi dưỡng.\n5. Cải cách tài chính công\n9 đơn vị sự nghiệp công lập trực thuộc Sở thực hiện "
            "tự chủ chi thường xuyên theo Nghị định số 60/2021/NĐ-CP ngày 21/6/2021 của Chính phủ.\n"
            "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số\nSở phát hành 900 văn bản điện tử.\n\n"
            "III. ĐÁNH GIÁ CHUNG\nCơ bản hoàn thành.\n\nIV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ II NĂM 2027\nTiếp tục.\n\n"
            "V. KIẾN NGHỊ, ĐỀ XUẤT\nKhông.\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n\nGIÁM ĐỐC\n\nNông Văn Thành\n")

    def found(number="15/BC-SYT", day="16", window="số liệu tính từ ngày 15/12/2026 đến ngày 14/3/2027",
              verdict=", đạt chỉ tiêu 50% theo Kế hoạch số 12/KH-UBND"):
        said = body.format(number=number, day=day, window=window, verdict=verdict)
        return [i for i in _review_typed(tmp_path, said, None) if i.severity != "info"]
    clean = found()
    assert not [i for i in clean if i.kind in ("outline", "layout", "period", "wording")], clean
    symbol = [i for i in found(number="15/BC-UBND") if i.kind == "layout" and "“UBND”" in i.message]
    assert [(i.severity, i.suggestion.split()[0]) for i in symbol] == [("error", "BC-SYT")], symbol
    early = [i for i in found(day="10") if i.kind == "period"]
    assert [(i.severity, i.suggestion) for i in early] == [("error", "14/03/2027")], early
    # an estimate said of one figure elsewhere is no word on the window's last days
    early = [i for i in found(day="10", verdict=", ước đạt chỉ tiêu 50% theo Kế hoạch số 12/KH-UBND") if i.kind == "period"]
    assert [(i.severity, i.suggestion) for i in early] == [("error", "14/03/2027")], early
    assert not [i for i in found(day="10", window="số liệu tính đến ngày 14/3/2027, trong đó số liệu sau ngày 10/3 là "
                                             "ước thực hiện") if i.kind == "period"]
    bare = [i for i in found(verdict=", chưa đạt yêu cầu") if i.kind == "wording"]
    assert [i.severity for i in bare] == ["warning"] and "chưa đạt yêu cầu" in bare[0].message, bare


def test_a_draft_signed_before_its_window_ends_says_its_estimates(tmp_path):
    """The product's own draft signed before the window's end (seed 003's 05/6 for a window to 14/6) said its figures
    ran to 14/6 — the fault drafting-practice §5 names. It now says the days after the signing are estimates, and the
    reviewer finds no contradiction in it; dated after the window, the sentence is the plain window."""
    import datetime as dt

    from drafting.chain.drafter import Drafter
    from drafting.inputs.files import load_figures_file
    from drafting.render.docx import render_docx

    data = load_figures_file(Path(__file__).parent.parent / "evals" / "cases" / "drafting" / "ba-trang-6t-2023.yaml")
    for day, estimate in ((dt.date(2023, 6, 5), True), (dt.date(2023, 6, 16), False)):
        meta = data.meta.model_copy(update={"date": day})
        draft = Drafter(None, Registry.load(), None).draft(meta, data.figures)
        said = draft.opening[1].text
        assert ("số liệu sau ngày 5/6/2023 là số ước thực hiện" in said) is estimate, said
        path = tmp_path / "du-thao.docx"
        path.write_bytes(render_docx(draft))
        assert not [i for i in review(path, Registry.load(), None) if i.kind == "period" and i.severity != "info"], day


def test_written_draft_22_a_verdict_above_a_target_it_does_not_name():
    """Written draft 22 (a ward's nine months): "…, đạt 62%, vượt chỉ tiêu" passed — the rule of draft 21 knew "chưa
    đạt/đạt yêu cầu" only. A rate of the target itself ("bằng 111% dự toán, vượt chỉ tiêu") names its target. Here
    other words, each wrong once, then right."""
    from types import SimpleNamespace

    from drafting.review.verdicts import check_verdicts

    def said(text):
        return [i.severity for i in check_verdicts([SimpleNamespace(index=1, section="II.2", text=text)])]
    assert said("Tỷ lệ hồ sơ trực tuyến đạt 81,4%, vượt chỉ tiêu.") == ["warning"]
    assert said("Tỷ lệ hồ sơ trực tuyến đạt 81,4%, vượt chỉ tiêu 80% theo Kế hoạch số 20/KH-UBND.") == []
    assert said("Thu ngân sách đạt 6.890 triệu đồng, bằng 111% dự toán, vượt chỉ tiêu.") == []


def test_written_draft_23_rules_in_other_words(tmp_path):
    """Written draft 23 (a department of finance's year): its number line joined the date line below it in a typed
    draft, so «ngày 14/12/2026» went unseen; «Nghị định số 01/2023/TT-VPCP» passed; the opening's «6 tháng» was taken
    for the report's period over the title's «năm»; «còn 2/28 nhiệm vụ» read as 28 left; «hoàn thành vượt mức kế
    hoạch» on a rate with no target passed. Here a district's nine months, each fault once, then the right text."""
    body = ("UBND HUYỆN BẮC HÀ\nPHÒNG NỘI VỤ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 27/BC-PNV\n{date}\n\nBÁO CÁO\nKết quả cải cách hành chính 9 tháng năm "
            "2024\n\nThực hiện Kế hoạch số 3/KH-PNV ngày 10/01/2024, Phòng báo cáo kết quả {period} năm 2024 như sau:\n\n"
            "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\nPhòng hoàn thành 15/17 nhiệm vụ; còn {left} nhiệm vụ chưa hoàn thành.\n\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n2. Cải cách thủ tục hành chính\nThực hiện {circular} 01/2023/TT-VPCP"
            " ngày 05/4/2023 của Văn phòng Chính phủ. Tỷ lệ số hóa kết quả đạt 88%{verdict}.\n\nNơi nhận:\n- UBND huyện;"
            "\n- Lưu: VT.\nTRƯỞNG PHÒNG\n\nLò Văn Sinh\n")
    right = {"date": "Bắc Hà, ngày 16 tháng 9 năm 2024", "period": "9 tháng", "left": "2/17", "circular": "Thông tư số",
             "verdict": ""}

    def found(**wrong):
        said = body.format(**{**right, **wrong})
        return [(i.kind, i.text) for i in _review_typed(tmp_path, said, dt.date(2024, 9, 16))
                if i.severity != "info" and i.kind != "outline"]
    assert found() == []
    assert found(date="Bắc Hà, ngày 16/9/2024") == [("layout", "Bắc Hà, ngày 16/9/2024")]
    assert [k for k, _ in found(circular="Nghị định số")] == ["citation"]
    assert found(period="6 tháng") == [("period", "6 tháng năm 2024")]
    assert [k for k, _ in found(verdict=", hoàn thành vượt mức kế hoạch")] == ["wording"]


def test_written_draft_24_a_typed_number_below_ten_needs_its_zero(tmp_path):
    """Written draft 24 (a department of industry and trade): "Số: 5/BC-SCT" passed in a typed draft; only the .docx
    check knew the leading zero (document-format.md, item 3). Here a commune's number, wrong then right."""
    body = ("ỦY BAN NHÂN DÂN\nXÃ ĐỒNG VĂN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: {number}/BC-UBND\n\nĐồng Văn, ngày 17 tháng 3 năm 2027\n\nBÁO CÁO\nKết quả cải cách hành chính quý I "
            "năm 2027\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nSùng Mí Pó\n")

    def layout(number):
        return [(i.text, i.suggestion) for i in _review_typed(tmp_path, body.format(number=number), dt.date(2027, 3, 17))
                if i.kind == "layout"]
    assert layout("7") == [("Số: 7/BC-UBND", "Số: 07/BC-UBND")]
    assert layout("07") == [] and layout("17") == []


def test_written_draft_25_rules_in_other_words(tmp_path):
    """Written draft 25 (a commune's year 2026): 12 documents counted 5 + 4 + 2 in brackets passed (the schema holds
    no kinds of documents); «đạt yêu cầu đề ra» beside 27 of 28 tasks passed; «- UBND huyện Đồng Văn;» among the
    recipients eighteen months after the district level ended passed. Here a ward's quarter, each fault once, then the
    right text — and the same recipient in a report of 2024, when districts stood."""
    body = ("UBND TỈNH LẠNG SƠN\nUBND PHƯỜNG ĐÔNG KINH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
            "\n\nSố: 31/BC-UBND\n\nĐông Kinh, ngày 18 tháng 3 năm {year}\n\nBÁO CÁO\nKết quả cải cách hành chính quý I năm "
            "{year}\n\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\nPhường tổ chức {meetings} hội nghị, cuộc họp về CCHC (2 hội nghị, 3 cuộc "
            "họp giao ban). Đến nay hoàn thành 18/20 nhiệm vụ{verdict}.\n\nNơi nhận:\n- UBND tỉnh Lạng Sơn;\n{extra}"
            "- Lưu: VT.\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nHoàng Văn Tùng\n")
    right = {"year": "2027", "meetings": "5", "verdict": "", "extra": ""}

    def found(**wrong):
        said = body.format(**{**right, **wrong})
        return [(i.kind, i.text) for i in _review_typed(tmp_path, said, None)
                if i.severity != "info" and i.kind not in ("outline", "layout")]
    assert found() == []
    assert found(meetings="6") == [("arithmetic", "6 hội nghị, cuộc họp về CCHC (2 hội nghị, 3 cuộc họp giao ban)")]
    assert [k for k, _ in found(verdict=", đạt mục tiêu đề ra")] == ["wording"]
    assert found(verdict=", đạt yêu cầu 90% theo Kế hoạch số 4/KH-UBND") == []  # the requirement named
    assert found(extra="- Thị ủy Lạng Sơn;\n") == [("period", "- Thị ủy Lạng Sơn;")]
    assert found(extra="- Phòng Nội vụ thành phố;\n") == []  # a city's office may be a province's
    assert found(year="2024", extra="- UBND thành phố Lạng Sơn;\n- Thị ủy Lạng Sơn;\n") == []


def test_the_excerpt_of_a_finding_is_whole_clauses(tmp_path):
    """Issue 18: the review table's «Trích» started inside a phrase ("14 hồ sơ, tỷ lệ …") or left a bracket open
    ("915 hồ sơ (kỳ trước chuyển sang 25 hồ sơ, tiếp nhận mới 880"). The excerpt widens to the clause and closes the
    bracket; the finding's own text stays as the check read it (the evals match on it)."""
    from drafting.render.preview import review_rows

    said = ("UBND XÃ TÂN AN\n\nBÁO CÁO\nKết quả cải cách hành chính quý I năm 2024\n\n2. Cải cách thủ tục hành chính\n"
            "Trong quý, xã tiếp nhận 640 hồ sơ (kỳ trước chuyển sang 12 hồ sơ, tiếp nhận mới 618 hồ sơ); đã giải quyết 600 "
            "hồ sơ, trong đó trước và đúng hạn 590 hồ sơ, quá hạn 10 hồ sơ, tỷ lệ giải quyết đúng hạn đạt 99,5%; 40 hồ sơ "
            "đang giải quyết.\n")
    found = [i for i in _review_typed(tmp_path, said, dt.date(2024, 3, 20)) if i.kind == "arithmetic"]
    total = next(i for i in found if "640" in i.message)
    assert total.excerpt == "Trong quý, xã tiếp nhận 640 hồ sơ (kỳ trước chuyển sang 12 hồ sơ, tiếp nhận mới 618 hồ sơ)"
    rate = next(i for i in found if "99,5%" in i.message)
    assert rate.excerpt.startswith("đã giải quyết 600 hồ sơ, trong đó") and "99,5%" in rate.excerpt, rate.excerpt
    assert not rate.text.startswith("đã giải quyết")  # the check's words: from inside the clause
    assert {r[4] for r in review_rows(found)} == {i.excerpt for i in found}


def test_written_draft_26_rules_in_other_words(tmp_path):
    """Written draft 26 (a province's nine months of 2026): the motto typed with en dashes, «cùng kỳ năm 2024» in a
    report of 2026, «6. …» before «5. …» and «UBND các huyện, thị xã» among the recipients all passed. Here a
    department's year, each fault once, then the right text."""
    body = ("UBND TỈNH AN GIANG\nSỞ TƯ PHÁP\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n{motto}\n\nSố: 88/BC-STP\n\n"
            "An Giang, ngày 10 tháng 12 năm 2026\n\nBÁO CÁO\nKết quả cải cách hành chính năm 2026\n\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n{first}\nSở ban hành 2 văn bản.\n{second}\nSở gửi 900 văn bản "
            "điện tử, tăng 40 văn bản so với {same}.\n\nNơi nhận:\n- UBND tỉnh;\n{extra}- Lưu: VT.\nGIÁM ĐỐC\n\n"
            "Trần Văn Lâm\n")
    right = {"motto": "Độc lập - Tự do - Hạnh phúc", "first": "1. Cải cách thể chế",
             "second": "6. Xây dựng và phát triển chính quyền điện tử, chính quyền số", "same": "cùng kỳ năm 2025",
             "extra": ""}

    def found(**wrong):
        said = body.format(**{**right, **wrong})
        return [(i.kind, i.text) for i in _review_typed(tmp_path, said, None)
                if i.severity != "info" and not (i.kind == "outline" and "thiếu" in i.message.lower())]
    assert found() == []
    assert found(motto="Độc lập — Tự do — Hạnh phúc") == [("layout", "Độc lập — Tự do — Hạnh phúc")]
    assert found(same="cùng kỳ năm 2023") == [("period", "cùng kỳ năm 2023")]
    assert [k for k, _ in found(first="6. Xây dựng và phát triển chính quyền điện tử, chính quyền số",
                                second="1. Cải cách thể chế")] == ["outline"]
    assert found(extra="- UBND các quận, huyện;\n") == [("period", "- UBND các quận, huyện;")]


def test_written_draft_27_rules_in_other_words(tmp_path):
    """Written draft 27 (a department's first quarter of 2027): «đạt 97,5% (1.170/1.220 phiếu)», a conference
    «Tháng 4/2027» in a report signed on 16/3/2027 and «tỷ lệ … đạt và vượt kế hoạch đề ra» (neither the rate nor
    whose target) all passed; a document's number before a rate ("Nghị định 118/2025, đạt 97,5%") was read as a
    fraction. Here a commune's six months, each fault once, then the right text."""
    body = ("UBND TỈNH NINH BÌNH\nUBND XÃ GIA VIỄN\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 61/BC-UBND\n\nGia Viễn, ngày 12 tháng 6 năm 2026\n\nBÁO CÁO\nKết quả cải cách hành chính 6 tháng đầu "
            "năm 2026\n\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\n{event}\n\nII. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n"
            "2. Cải cách thủ tục hành chính\n{rate}\n{verdict}\n\nIV. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM 2026\n"
            "Tháng 7/2026 tổ chức hội nghị sơ kết.\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\nCHỦ TỊCH\n\nLê Văn Bình\n")
    right = {"event": "Ngày 20/5/2026, xã tổ chức hội nghị triển khai Kế hoạch CCHC; dự kiến ngày 15/7/2026 kiểm tra.",
             "rate": "Mức độ hài lòng đạt 95,9% (235/245 phiếu); tỷ lệ theo Nghị định 118/2025, đạt 95,9% số phiếu.",
             "verdict": "Tỷ lệ hồ sơ trực tuyến đạt 62,5%, vượt chỉ tiêu 50% theo Kế hoạch số 12/KH-UBND."}

    def found(**wrong):
        said = body.format(**{**right, **wrong})
        return [(i.kind, i.text) for i in _review_typed(tmp_path, said, None)
                if i.severity != "info" and not (i.kind == "outline" and "thiếu" in i.message.lower())]
    assert found() == []
    assert found(rate="Mức độ hài lòng đạt 97,2% (235/245 phiếu).") == [("arithmetic", "97,2% (235/245 phiếu)")]
    assert found(event="Ngày 20/6/2026, xã tổ chức hội nghị triển khai Kế hoạch CCHC.") == [("period", "Ngày 20/6/2026")]
    assert found(event="Tháng 7 năm 2026 xã tổ chức hội nghị.") == [("period", "Tháng 7 năm 2026")]
    assert found(verdict="Tỷ lệ hồ sơ trực tuyến đạt yêu cầu đề ra.") == [
        ("wording", "Tỷ lệ hồ sơ trực tuyến đạt yêu cầu đề ra")]
    assert found(verdict="Tỷ lệ hồ sơ trực tuyến vượt chỉ tiêu của tỉnh giao.") == []  # whose target: the official's
    # the signed-documents rate, which the reader knows: one finding, its counts quoted as written
    said = body.format(**{**right, "rate": "Văn bản đi ký số đạt 97,5% (1.170/1.220 văn bản)."})
    found = [i for i in _review_typed(tmp_path, said, None) if i.kind == "arithmetic"]
    assert len(found) == 1 and "“1.170/1.220” = 95,90%" in found[0].message, found


def test_written_draft_28_rules_in_other_words(tmp_path):
    """Written draft 28 (a commune's nine months): «ngày 16 tháng 09» (only months 1 and 2 take a zero) and «100% hồ
    sơ được giải quyết đúng hạn» beside 4 late ones passed. Here a department's quarter, each fault once, then the
    right text; one level's «100%» beside the whole's late ones is no contradiction."""
    body = ("UBND TỈNH ĐỒNG NAI\nSỞ XÂY DỰNG\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 41/BC-SXD\n\nĐồng Nai, ngày {day} tháng {month} năm 2027\n\nBÁO CÁO\nKết quả cải cách hành chính quý I "
            "năm 2027\n\nII. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n2. Cải cách thủ tục hành chính\nSở tiếp nhận 820 hồ "
            "sơ, trong đó trực tuyến 790 hồ sơ, trực tiếp 30 hồ sơ; đã giải quyết 800 hồ sơ, trong đó trước và đúng hạn "
            "{on_time} hồ sơ, quá hạn {late} hồ sơ. {claim}\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\nGIÁM ĐỐC\n\n"
            "Phạm Văn Tâm\n")
    right = {"day": "16", "month": "3", "on_time": "800", "late": "0", "claim": "100% hồ sơ được giải quyết đúng hạn."}

    def found(**wrong):
        said = body.format(**{**right, **wrong})
        return [(i.kind, i.text) for i in _review_typed(tmp_path, said, None)
                if i.severity != "info" and not (i.kind == "outline" and "thiếu" in i.message.lower())]
    assert found() == []
    assert found(month="03") == [("layout", "Đồng Nai, ngày 16 tháng 03 năm 2027")]
    assert found(day="5") == [("layout", "Đồng Nai, ngày 5 tháng 3 năm 2027")]
    assert found(on_time="797", late="3") == [("arithmetic", "100% hồ sơ được giải quyết đúng hạn")]
    assert found(on_time="797", late="3", claim="100% hồ sơ được tiếp nhận trực tuyến.") == [
        ("arithmetic", "100% hồ sơ được tiếp nhận trực tuyến")]
    assert found(on_time="797", late="3", claim="Cấp tỉnh có 100% hồ sơ đúng hạn.") == []


def test_written_draft_29_rules_in_other_words(tmp_path):
    """Written draft 29 (a department's six months): the opening's «quý II năm 2027» under a 6-month title, «Toàn bộ
    hồ sơ đều được giải quyết đúng hạn» beside 3 late, «cơ bản hoàn thành các chỉ tiêu đề ra» in a report naming no
    target and «TM. SỞ …» over the director all passed. Here another department's nine months, each fault once, then
    the right text; a quarter named in the body, and targets met where the report names one, stay quiet."""
    body = ("UBND TỈNH HÀ TĨNH\nSỞ TÀI CHÍNH\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 88/BC-STC\n\nHà Tĩnh, ngày 16 tháng 9 năm 2026\n\nBÁO CÁO\nKết quả cải cách hành chính 9 tháng đầu năm "
            "2026\n\n{opening}\n\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\nTrong quý III năm 2026, Sở tổ chức 01 hội nghị về CCHC. "
            "{target}\n\nII. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n2. Cải cách thủ tục hành chính\nSở tiếp nhận 310 hồ sơ; "
            "đã giải quyết 300 hồ sơ, trong đó trước và đúng hạn {on_time} hồ sơ, quá hạn {late} hồ sơ. {claim}\n\n"
            "III. ĐÁNH GIÁ CHUNG\n{verdict}\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n{sign}\n\nTrần Thị Mai\n")
    right = {"opening": "Sở Tài chính báo cáo kết quả cải cách hành chính 9 tháng đầu năm 2026 như sau:", "target": "",
             "on_time": "300", "late": "0", "claim": "Tất cả hồ sơ đều được giải quyết đúng hạn.",
             "verdict": "Sở hoàn thành 14/15 nhiệm vụ theo Kế hoạch số 20/KH-STC.", "sign": "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC"}

    def found(**wrong):
        said = body.format(**{**right, **wrong})
        return [(i.kind, i.text) for i in _review_typed(tmp_path, said, None)
                if i.severity != "info" and not (i.kind == "outline" and "thiếu" in i.message.lower())]
    assert found() == []
    assert found(opening="Sở Tài chính báo cáo kết quả công tác CCHC quý III năm 2026 như sau:") == [
        ("period", "quý III năm 2026")]
    assert found(sign="TM. SỞ TÀI CHÍNH\nGIÁM ĐỐC") == [("layout", "TM. SỞ TÀI CHÍNH")]
    assert found(on_time="298", late="2", claim="Tất cả hồ sơ được giải quyết đúng hạn.") == [
        ("arithmetic", "Tất cả hồ sơ được giải quyết đúng hạn")]
    assert found(verdict="Sở đã hoàn thành toàn bộ mục tiêu đề ra.") == [
        ("wording", "Sở đã hoàn thành toàn bộ mục tiêu đề ra")]
    # a target named elsewhere in the report: the verdict is a note (which one?), not a warning
    assert found(verdict="Sở đã hoàn thành toàn bộ mục tiêu đề ra.",
                 target="Chỉ tiêu tỷ lệ hồ sơ trực tuyến là 60% theo Kế hoạch số 20/KH-STC.") == []


def test_written_draft_30_rules_in_other_words(tmp_path):
    """Written draft 30 (a commune's year): the opening based on last year's plan («Kế hoạch … về cải cách hành chính
    năm 2025» in the report of 2026), «TM. ỦY BAN NHÂN DÂN» over «PHÓ CHỦ TỊCH» and «hoàn thành toàn bộ các chỉ tiêu»
    passed. Here a ward's six months, each fault once, then the right text; a plan of this year, and a deputy signing
    for the head, stay quiet."""
    body = ("UBND TỈNH PHÚ THỌ\nUBND PHƯỜNG VIỆT TRÌ\n\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n\n"
            "Số: 77/BC-UBND\n\nViệt Trì, ngày 16 tháng 6 năm 2026\n\nBÁO CÁO\nKết quả cải cách hành chính 6 tháng đầu năm "
            "2026\n\n{opening}\n\nI. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH\nPhường ban hành 6 văn bản chỉ đạo về CCHC.\n\n"
            "III. ĐÁNH GIÁ CHUNG\n{verdict}\n\nNơi nhận:\n- UBND tỉnh;\n- Lưu: VT.\n{sign}\n\nHà Thị Lan\n")
    right = {"opening": "Thực hiện Kế hoạch số 08/KH-UBND ngày 12/01/2026 của UBND phường về cải cách hành chính năm "
                        "2026, UBND phường báo cáo kết quả 6 tháng đầu năm 2026 như sau:",
             "verdict": "Phường hoàn thành 10/12 nhiệm vụ theo Kế hoạch số 08/KH-UBND.", "sign": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH"}

    def found(**wrong):
        said = body.format(**{**right, **wrong})
        return [(i.kind, i.text) for i in _review_typed(tmp_path, said, None)
                if i.severity != "info" and not (i.kind == "outline" and "thiếu" in i.message.lower())]
    assert found() == []
    assert found(opening=right["opening"].replace("năm 2026, UBND", "năm 2025, UBND").replace("12/01/2026", "12/01/2025")) == [
        ("period", "Kế hoạch số 08/KH-UBND ngày 12/01/2025 của UBND phường")]
    assert found(sign="TM. ỦY BAN NHÂN DÂN\nPHÓ CHỦ TỊCH") == [("layout", "TM. ỦY BAN NHÂN DÂN / PHÓ CHỦ TỊCH")]
    assert found(sign="TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH") == []
    assert found(verdict="Phường đã hoàn thành tất cả các mục tiêu đề ra.") == [
        ("wording", "Phường đã hoàn thành tất cả các mục tiêu đề ra")]
