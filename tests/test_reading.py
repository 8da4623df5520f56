"""The one reader of figures in text (issue 14): chat messages, past reports, drafts under review,
and carry-forward of a past report's figures as `previous`."""

import datetime as dt
import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import docx
import pytest

from corpus.errors import InputError
from corpus.registry import Registry
from drafting.figures.outline import section_label
from drafting.inputs.chat_reader import read_message
from drafting.inputs.figure_text import read_figures
from drafting.inputs.files import figures_from_data
from drafting.inputs.report_text import read_paragraph, read_report
from drafting.inputs.task_words import next_period_tasks
from drafting.review.checks import review_document
from drafting.review.document import Para, load_review_document
from drafting.review.stated import check_stated_figures
from drafting.service.reading import carry_forward, read_header, read_report_bytes, with_previous
from evals.reading_eval import run_reading
from retrieval.settings import load_settings
from tests.conftest import ROOT

SEED_003 = ROOT / "corpus" / "reports" / "003_8ca837b1dccb8473.txt"
MB = 50 * 1024 * 1024


def values(text: str) -> dict[str, int]:
    return {f.key: int(f.value) for f in read_message(text).figures}


def test_complaints_are_not_dossiers_and_the_second_count_is_read():
    assert values("tiếp nhận 5 phản ánh kiến nghị, đã xử lý 5") == {"tthc.pakn_tiep_nhan": 5, "tthc.pakn_da_xu_ly": 5}
    assert values("Một cửa tiếp nhận 318 hồ sơ; 4 kiến nghị của công dân") == {
        "tthc.ho_so_tiep_nhan": 318, "tthc.pakn_tiep_nhan": 4}


def test_a_briefing_said_as_a_verb_counts_meetings():
    """Set 44: "giao ban CCHC định kỳ 3 lần" left 3 unread (only "họp … lần" counted); a briefing is a meeting."""
    assert values("Xã đã giao ban chuyên đề về cải cách hành chính 2 lần trong quý.") == {"chi_dao.hoi_nghi": 2}
    assert values("Sau buổi giao ban, xã giải quyết 96 hồ sơ.") == {"tthc.ho_so_da_giai_quyet": 96}


def test_a_rise_beside_its_total_reads_the_total():
    """Chat set 31: "kích hoạt thêm 41.200 tài khoản …, nâng tổng số lên 872.600 tài khoản" read the rise."""
    r = read_message("Phường cấp thêm 95 tài khoản định danh điện tử mức 2, nâng tổng số tài khoản lên 6.410.")
    assert {f.key: int(f.value) for f in r.figures} == {"cds.tai_khoan_dinh_danh": 6410}
    assert [u.quote for u in r.unread] == ["95"] and "tăng thêm" in r.unread[0].reason
    assert values("Trong quý, xã kích hoạt thêm 95 tài khoản định danh điện tử.") == {"cds.tai_khoan_dinh_danh": 95}


def test_dossiers_under_appraisal_are_being_resolved():
    assert values("Đã trả kết quả 410 hồ sơ; còn 9 hồ sơ đang thẩm định tại Sở.") == {
        "tthc.ho_so_da_giai_quyet": 410, "tthc.ho_so_dang_giai_quyet": 9}


def test_a_target_named_after_its_percentage():
    """Chat set 31: "chỉ tiêu 100% hồ sơ được giải quyết trực tuyến toàn trình tại Quyết định số …" was not read."""
    from drafting.inputs.target_text import read_targets
    got, unsure = read_targets("Theo Kế hoạch số 11/KH-UBND, huyện giao chỉ tiêu 65% hồ sơ tiếp nhận trực tuyến.")
    assert [(t.key, int(t.value), t.source) for t in got] == [("tthc.ty_le_truc_tuyen", 65, "Kế hoạch số 11/KH-UBND")]
    got, unsure = read_targets("Chỉ tiêu tỉnh giao: 100% hồ sơ được số hóa.")  # no rate the table computes
    assert got == [] and unsure == ["100%"]


def test_a_briefing_with_its_topic_is_an_event_of_section_one():
    r = read_message("Xã họp giao ban 3 lần, nội dung về tiến độ số hóa hồ sơ hộ tịch.")
    assert values("Xã họp giao ban 3 lần, nội dung về tiến độ số hóa hồ sơ hộ tịch.") == {"chi_dao.hoi_nghi": 3}
    assert [(f.section, f.kind) for f in r.facts] == [("I", "event")] and "hộ tịch" in r.facts[0].text
    assert read_message("Xã họp giao ban 3 lần trong quý.").facts == []


def test_levels_named_for_the_parts_or_inside_closed_brackets_are_not_the_total_level():
    """Report 23: "của huyện và các xã là 392 thủ tục, trong đó cấp huyện 271" read 392 as the district's, and
    "đúng hạn 8.790" after "(cấp huyện …, cấp xã …)" as the communes'. Here a province and its communes."""
    r = read_figures("Số TTHC thuộc thẩm quyền giải quyết của tỉnh và các xã là 1.580 thủ tục, trong đó cấp tỉnh "
                     "1.210, cấp xã 370.", section="II.2")
    assert {f.key: int(f.value) for f in r.figures} == {"tthc.tthc_tong_so": 1580, "tthc.tthc_cap_tinh": 1210,
                                                        "tthc.tthc_cap_xa": 370}
    r = read_figures("Đã giải quyết 9.120 hồ sơ (cấp huyện 2.300 hồ sơ, cấp xã 6.820 hồ sơ), trong đó trước hạn 5.000 "
                     "hồ sơ, đúng hạn 4.100 hồ sơ, quá hạn 20 hồ sơ.", section="II.2")
    got = {f.key: int(f.value) for f in r.figures}
    assert got["tthc.ho_so_dung_han"] == 4100 and "tthc.ho_so_dung_han_cap_xa" not in got, got


def test_a_count_said_by_its_share_shows_its_words_once():
    """The understood table showed "100% đúng hạn 100%" for "…, 100% đúng hạn": the words already hold the number."""
    r = read_message("Năm nay xã đã giải quyết 512 hồ sơ, 100% đúng hạn.")
    assert [f.words for f in r.figures if f.key == "tthc.ho_so_dung_han_tong"] == ["100% đúng hạn"]


def test_a_briefing_with_its_topic_after_a_comma_is_an_event():
    """Browser trial, session 32: "tổ chức 2 cuộc họp giao ban CCHC, nội dung chủ yếu về …" lost its topic (a
    briefing "về CCHC" followed by a comma was taken to say no more than its count)."""
    r = read_message("Xã tổ chức 4 cuộc họp giao ban về CCHC, nội dung về chuyển đổi số và tiếp công dân.")
    assert [(f.section, f.kind) for f in r.facts] == [("I", "event")] and "tiếp công dân" in r.facts[0].text
    assert read_message("Xã tổ chức 4 cuộc họp giao ban về CCHC, tiếp nhận 90 hồ sơ.").facts == []


def test_zeros_and_alls_said_in_words_set_45():
    """Set 45: "chưa phát sinh phản ánh", "không có hồ sơ kỳ trước chuyển sang", "100% đã được xử lý, trả lời", "tất cả
    đều được ký số" and "chưa đến hạn trả kết quả: N" were missed or misread. Here other units' words."""
    assert values("Đến nay Sở chưa phát sinh phản ánh, kiến nghị về quy định hành chính.") == {"tthc.pakn_tiep_nhan": 0}
    assert values("Quý này không có hồ sơ của quý trước chuyển qua; tiếp nhận mới 75 hồ sơ.") == {
        "tthc.ho_so_ky_truoc": 0, "tthc.ho_so_moi": 75}
    assert values("Không có hồ sơ tồn đọng.") == {}  # the period's end, no carry-over
    assert values("Nhận 9 phản ánh, kiến nghị của doanh nghiệp, 100% được giải quyết.") == {
        "tthc.pakn_tiep_nhan": 9, "tthc.pakn_da_xu_ly": 9}
    assert values("Gửi 820 văn bản đi điện tử, toàn bộ có chữ ký số.") == {"cds.van_ban_dien_tu": 820,
                                                                          "cds.van_ban_ky_so": 820}
    assert values("Còn 14 hồ sơ chưa đến hạn trả kết quả.") == {"tthc.ho_so_dang_giai_quyet": 14}


def test_chat_set_32_rules_in_other_words():
    """Chat set 32: teachers recruited are public employees; "còn lại nộp trực tiếp" is the rest of the new dossiers;
    "ngay" (at once) before a count is no day in a text with its diacritics; another period's late dossiers are no
    limitation of this one."""
    assert values("Năm nay tuyển dụng 35 bác sĩ cho các trạm y tế.") == {"cong_vu.tuyen_dung_vien_chuc": 35}
    assert values("Quý I nhận mới 640 hồ sơ: trực tuyến 500, bưu chính 15, còn lại là nộp trực tiếp.") == {
        "tthc.ho_so_moi": 640, "tthc.ho_so_truc_tuyen": 500, "tthc.ho_so_buu_chinh": 15, "tthc.ho_so_truc_tiep": 125}
    assert values("Phát hiện 9 sai sót, đã chấn chỉnh ngay 7 sai sót.") == {"chi_dao.van_de_phat_hien": 9,
                                                                           "chi_dao.van_de_da_xu_ly": 7}
    assert values("Ngày 12 xã họp giao ban.") == {}  # a day, still
    r = read_message("Cùng kỳ năm 2025 xã giải quyết quá hạn 11 hồ sơ.")
    assert r.facts == [] and [f.key for f in r.same_period] == ["tthc.ho_so_qua_han"]


def test_a_short_ocr_token_is_mended_by_the_word_after_it():
    """Report 24 (a scan's text): "xin loi doi voi 12 hd so" — "hd" (hồ sơ with its mark read as d) was left as is,
    so the apology went unread; "hd lao dong" (hợp đồng) is no "ho lao"."""
    from drafting.inputs.ocr_words import mend
    assert mend("tra lai 3 hd so khong du dieu kien") == "tra lai 3 ho so khong du dieu kien"
    assert mend("ky 4 hd lao dong") == "ky 4 hd lao dong"
    r = read_report("2. Cai cach thu tuc hanh chinh\nDa giai quyet 300 hd so, tre han 7 hd so; da gui van ban xin loi "
                    "doi voi 7 hd so tre han.")
    assert {f.key: int(f.value) for f in r.figures}.get("tthc.van_ban_xin_loi") == 7


def test_rows_pasted_from_a_sheet_set_46():
    """Set 46: "tài khoản 3.940" read "khoản 3" as a clause of an article; the cell after a value ("…\t3.940\tchỉ tiêu
    giao\t4.200") named it; "TTHC thuộc thẩm quyền 214" and a bare "11 tồn tại" in an inspection's sentence unread."""
    assert values("Số tài khoản định danh đã kích hoạt\ttài khoản\t12.006") == {"cds.tai_khoan_dinh_danh": 12006}
    assert values("Biên chế được giao\t40\tcó mặt\t37") == {"to_chuc.bien_che_giao": 40, "to_chuc.bien_che_co_mat": 37}
    assert values("Văn phòng có 58 TTHC thuộc thẩm quyền.") == {"tthc.tthc_tong_so": 58}
    assert values("Đoàn kiểm tra làm việc tại 3 phòng; 4 thiếu sót; đã chấn chỉnh 4.") == {
        "chi_dao.co_quan_duoc_kiem_tra": 3, "chi_dao.van_de_phat_hien": 4, "chi_dao.van_de_da_xu_ly": 4}
    assert read_figures("theo khoản 2 Điều 5 Nghị định").figures == []  # a clause of an article stays no count


def test_quick_chat_set_47_in_other_words():
    """Set 47: chat shorthand ("hs", "tt", "gq") left counts unread; "cộng dồn" after the new dossiers, "buổi phát
    thanh", "thanh toán qua DVC", "còn 2 đang làm" and "Kỷ luật: không có trường hợp nào" were missed; "Tỉnh giao
    3.500 tài khoản" was read as accounts activated. Here in other units' words; a circular's "TT" stays a circular."""
    assert values("Qúy này nhận 640 hs, tt 512 hs, gq xong 601 hs.") == {
        "tthc.ho_so_tiep_nhan": 640, "tthc.ho_so_truc_tuyen": 512, "tthc.ho_so_da_giai_quyet": 601}
    assert values("Thực hiện theo tt 01/2023, phường nhận 90 hồ sơ.") == {"tthc.ho_so_tiep_nhan": 90}
    assert values("Hồ sơ kỳ trước chuyển sang 12, nhận mới 300, cộng dồn 312.") == {
        "tthc.ho_so_ky_truoc": 12, "tthc.ho_so_moi": 300, "tthc.ho_so_tiep_nhan": 312}
    assert values("Đài truyền thanh huyện: 14 buổi phát sóng về cải cách hành chính.") == {
        "chi_dao.chuong_trinh_phat_thanh": 14}
    assert values("Phí, lệ phí: 230 hồ sơ, trong đó 180 hồ sơ thanh toán qua dịch vụ công.") == {
        "tthc.ho_so_co_phi": 230, "tthc.thanh_toan_truc_tuyen": 180}
    assert values("UBND tỉnh giao 11 nhiệm vụ, hoàn thành 9, còn 2 đang làm.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 11, "chi_dao.nhiem_vu_cap_tren_dung_han": 9,
        "chi_dao.nhiem_vu_cap_tren_chua_xong": 2}
    assert values("Phản ánh, kiến nghị: không phát sinh.") == {"tthc.pakn_tiep_nhan": 0}
    assert values("Huyện giao 2.000 tài khoản định danh, phường kích hoạt 1.870.") == {
        "cds.tai_khoan_dinh_danh_chi_tieu": 2000, "cds.tai_khoan_dinh_danh": 1870}


def test_set_48_rules_in_other_words():
    """Set 48: "trong hạn" after the resolved count read as pending; "Số phiếu … thu được 1.044" read as budget
    revenue; "98,1 phần trăm", "312,5 tỷ" and "ký số toàn bộ" missed; "cao cấp 2, trung cấp 5" read as 2. Here in other
    units' words."""
    assert values("Đã giải quyết 812 hồ sơ, trong hạn 809, trễ hạn 3.") == {
        "tthc.ho_so_da_giai_quyet": 812, "tthc.ho_so_dung_han_tong": 809, "tthc.ho_so_qua_han": 3}
    assert values("Đang giải quyết trong hạn 14 hồ sơ.") == {"tthc.ho_so_dang_giai_quyet": 14}  # still pending
    assert values("Phiếu khảo sát thu về 530, mức độ hài lòng 97 phần trăm.") == {
        "tthc.phieu_khao_sat": 530, "tthc.ty_le_hai_long": 97}
    assert values("Thu ngân sách trên địa bàn được 18,2 tỷ.") == {"tai_chinh.thu_ngan_sach_thuc_hien": 18200}
    assert values("Tỷ lệ hồ sơ trực tuyến 76 phần trăm.") == {}  # a rate the draft computes, typed
    assert values("Gửi 415 văn bản đi điện tử, đã ký số tất cả.") == {"cds.van_ban_dien_tu": 415, "cds.van_ban_ky_so": 415}
    assert values("Cử 1 đồng chí học cao cấp, 6 đồng chí học trung cấp lý luận chính trị.") == {"cong_vu.dao_tao_ly_luan": 7}


def test_a_later_quarter_without_its_year_is_planned():
    """Chat set 34: "Quý III phường hoàn thành chỉnh trang Bộ phận Một cửa …" in a six months' report was an event of
    this period: a later quarter named without its year is of the report's own year, so planned. Here other periods."""
    def kinds(text, next_period):
        return [(f.section, f.kind) for f in read_message(text, next_period).facts]
    assert kinds("Quý IV xã lắp đặt ki-ốt tra cứu thủ tục tại Bộ phận Một cửa.", "quý IV năm 2026") == [("IV", "task")]
    assert kinds("Quý III Sở hoàn thành số hóa kho lưu trữ hồ sơ.", "quý II năm 2027") == [("IV", "task")]
    assert kinds("Quý I/2026 xã đã hoàn thành số hóa kho lưu trữ hồ sơ.", "quý II năm 2026") != [("IV", "task")]
    # (chat set 35: a special zone speaks of itself as a commune does — "Quý IV đặc khu nâng cấp …" is its task)
    assert kinds("Quý IV đặc khu nâng cấp đường truyền cho Bộ phận Một cửa.", "quý IV năm 2026") == [("IV", "task")]


def test_report_26_a_table_by_level_in_other_words():
    """Report 26: a table "Chỉ tiêu | Cấp tỉnh | Cấp xã | Toàn tỉnh" was read from its first column (the province's
    level as the whole), and "… của tỉnh là 1.906 thủ tục (cấp tỉnh 1.548, cấp xã 358)" as the province's level. The
    total's column is the unit's; a level's cell the figure's part where the schema keeps one; a count followed by
    its levels in brackets is the whole. Here another province's words and columns."""
    r = read_report("2. Cải cách thủ tục hành chính\nTTHC thuộc thẩm quyền giải quyết của tỉnh là 1.702 thủ tục (cấp "
                    "tỉnh 1.390, cấp xã 312).\nNội dung | Cấp xã | Cấp tỉnh | Tổng cộng\nĐã giải quyết | 9.400 | 3.100 | "
                    "12.500\nSố hồ sơ quá hạn | 31 | 4 | 35\n", own_level="tỉnh")
    got = {f.key: int(f.value) for f in r.figures}
    assert got == {"tthc.tthc_tong_so": 1702, "tthc.tthc_cap_tinh": 1390, "tthc.tthc_cap_xa": 312,
                   "tthc.ho_so_da_giai_quyet": 12500, "tthc.ho_so_da_giai_quyet_cap_xa": 9400,
                   "tthc.ho_so_da_giai_quyet_cap_tinh": 3100, "tthc.ho_so_qua_han": 35}
    assert sorted(u.quote for u in r.unread) == ["31", "4"]  # no late count by level in the schema: shown, not read


def test_set_49_rules_in_other_words():
    """Set 49: "3 kiến nghị của Kiểm toán nhà nước" read as complaints; "Hồ sơ tồn cuối kỳ: 34", a line headed "Số đơn
    vị sự nghiệp:" and "100% hồ sơ (216 hồ sơ) giải quyết đúng hạn" (the resolved count) missed. Here other words."""
    assert values("Năm nay Sở nhận 5 kiến nghị của Thanh tra tỉnh về tài chính, đã thực hiện xong 5.") == {
        "tai_chinh.kien_nghi_thanh_tra": 5, "tai_chinh.kien_nghi_da_thuc_hien": 5}
    assert values("Người dân gửi 4 kiến nghị về thủ tục đất đai.") == {"tthc.pakn_tiep_nhan": 4}  # still the public's
    assert values("Số hồ sơ tồn cuối kỳ là 12.") == {"tthc.ho_so_dang_giai_quyet": 12}
    assert values("Số đơn vị sự nghiệp trực thuộc: giảm 1, hiện còn 6.") == {"to_chuc.don_vi_su_nghiep_giam": 1,
                                                                            "to_chuc.don_vi_su_nghiep": 6}
    assert values("100% hồ sơ (87 hồ sơ) được giải quyết trước và đúng hạn.") == {
        "tthc.ho_so_da_giai_quyet": 87, "tthc.ho_so_dung_han_tong": 87}


def test_set_50_rules_in_other_words():
    """Set 50: "Tuyển dụng mới 3 công chức và 41 viên chức" left 41 unread ("mới" stood between the verb and the count,
    and alone is a phrase too); "Thu phí trực tuyến 1.034 giao dịch" read as dossiers received online. Here other
    words."""
    assert values("Tiếp nhận mới 640 hồ sơ và 12 phản ánh.") == {"tthc.ho_so_moi": 640, "tthc.pakn_tiep_nhan": 12}
    assert values("Năm 2026 huyện tuyển dụng mới 2 công chức, 18 viên chức giáo dục.") == {
        "cong_vu.tuyen_dung_cong_chuc": 2, "cong_vu.tuyen_dung_vien_chuc": 18}
    assert values("Phường thu phí, lệ phí trực tuyến 305 hồ sơ.") == {"tthc.thanh_toan_truc_tuyen": 305}
    assert values("Người dân nộp phí trực tuyến 77 hồ sơ trên 90 hồ sơ có phí.") == {
        "tthc.thanh_toan_truc_tuyen": 77, "tthc.ho_so_co_phi": 90}

def test_report_27_rule_in_other_words():
    """Report 27: "có 01 văn bản phải sửa đổi, đã sửa đổi xong" left the amended count unread (only "xử lý", "giải
    quyết", "khắc phục" were verbs of all handled); "đã sửa đổi xong 1" read as a task finished. Here other words."""
    assert values("Kiểm tra 7 văn bản QPPL, phát hiện 2 văn bản phải sửa đổi, bổ sung, đã sửa đổi, bổ sung xong.") == {
        "the_che.vbqppl_kiem_tra": 7, "the_che.vbqppl_kiem_tra_phai_xu_ly": 2, "the_che.vbqppl_kiem_tra_da_xu_ly": 2}
    assert values("Qua rà soát có 3 văn bản cần sửa đổi, đã sửa đổi xong 2.") == {
        "the_che.vbqppl_ra_soat_phai_xu_ly": 3, "the_che.vbqppl_ra_soat_da_xu_ly": 2}
    assert values("Kế hoạch năm có 12 nhiệm vụ, đã xong 9.") == {"chi_dao.nhiem_vu_ke_hoach": 12,
                                                               "chi_dao.nhiem_vu_hoan_thanh": 9}

def test_set_51_rules_in_other_words():
    """Set 51: "Còn 96 hồ sơ chuyển sang kỳ sau giải quyết" read as resolved; "công bố 1.912 TTHC, trong đó 1.604 TTHC
    cấp tỉnh và 308 TTHC cấp xã" as 1.912 new procedures. Procedures whose level parts add up to them are the unit's
    total; new ones keep their kind and their parts by level are shown unread. Here other words."""
    assert values("Số hồ sơ chuyển kỳ sau tiếp tục giải quyết: 57.") == {"tthc.ho_so_dang_giai_quyet": 57}
    assert values("Đã giải quyết 1.200 hồ sơ, còn 44 hồ sơ chuyển sang quý sau.") == {
        "tthc.ho_so_da_giai_quyet": 1200, "tthc.ho_so_dang_giai_quyet": 44}
    assert values("Huyện công bố 402 thủ tục hành chính, gồm 287 TTHC cấp huyện, 115 TTHC cấp xã.") == {
        "tthc.tthc_tong_so": 402, "tthc.tthc_cap_huyen": 287, "tthc.tthc_cap_xa": 115}
    r = read_message("Tỉnh công bố 64 TTHC mới, trong đó 40 TTHC cấp tỉnh và 24 TTHC cấp xã.")
    assert {f.key: int(f.value) for f in r.figures} == {"tthc.tthc_cong_bo_moi": 64}
    assert sorted(u.quote for u in r.unread) == ["24", "40"]

def test_chat_set_33_rules_in_other_words():
    """Chat set 33: a staff line's "giao 22" unread (its label names whose quota), "Tỉnh kiến nghị …" read as an event
    (a recommendation with the unit saying it first). Here other units' words."""
    assert values("Biên chế công chức của phường: giao 31, có mặt 29.") == {"to_chuc.bien_che_giao": 31,
                                                                          "to_chuc.bien_che_co_mat": 29}
    assert values("Viên chức các trường: được giao 640, có mặt 618.") == {"to_chuc.vien_chuc_giao": 640,
                                                                         "to_chuc.vien_chuc_co_mat": 618}
    assert values("Nhiệm vụ cấp trên: giao 8, xong đúng hạn 8.") == {"chi_dao.nhiem_vu_cap_tren_giao": 8,
                                                                    "chi_dao.nhiem_vu_cap_tren_dung_han": 8}
    for said in ("UBND huyện đề xuất Sở Nội vụ mở lớp bồi dưỡng kỹ năng số.", "Phường kiến nghị thành phố cấp thêm máy scan."):
        assert [(f.section, f.kind) for f in read_message(said).facts] == [("V", "proposal")]
    # (a verb and a number nothing names, "hoàn thành 7", is asked about — never an event "Hoàn thành 7")
    assert read_message("UBND huyện giao 9, hoàn thành 7.").facts == []


def test_a_rate_is_shown_with_the_words_it_was_typed_with():
    """The understood table showed "hài lòng. 98,6" for "…; 98,6% hài lòng.": the sentence's full stop inside, the
    number before its own words and without its sign. The words now read as typed, the sign kept."""
    def words(text: str) -> str:
        return next(f.words for f in read_message(text).figures if f.key == "tthc.ty_le_hai_long")
    assert words("Thu về 412 phiếu, 96,3% người dân hài lòng. Cuối kỳ còn 2 hồ sơ.") == "96,3% người dân hài lòng"
    assert words("Kết quả khảo sát: mức độ hài lòng của tổ chức, công dân đạt 95,5%.").endswith("95,5%")


def test_the_levels_of_a_sub_count_are_not_the_levels_of_the_total():
    """Seed 001: "ban hành mới 11 TTHC (cấp tỉnh 11, cấp huyện 0, cấp xã 0)" gave 11 procedures at province level."""
    got = read_figures("Công bố mới 11 thủ tục hành chính (cấp tỉnh 11, cấp huyện 0, cấp xã 0); sửa đổi, bổ sung 18 "
                       "thủ tục (cấp tỉnh 18). Tổng số thủ tục hành chính là 1.849 thủ tục (cấp tỉnh 1.477 thủ tục, "
                       "cấp huyện 260 thủ tục, cấp xã 112 thủ tục).", section="II.2")
    first = got.values()
    assert first["tthc.tthc_cong_bo_moi"] == 11 and first["tthc.tthc_sua_doi"] == 18
    assert first["tthc.tthc_tong_so"] == 1849 and first["tthc.tthc_cap_tinh"] == 1477 and first["tthc.tthc_cap_xa"] == 112
    assert any("đứng trước ngoặc" in u.reason for u in got.unread)


def test_words_between_a_noun_and_the_next_number_name_that_number():
    """"giải quyết 815 hồ sơ đúng hạn 809, trễ hạn 6" read 815 as on time (the sum check then refused the draft); a
    tail ending in "có" still qualifies its own number ("690 hồ sơ đã giải quyết có 652 hồ sơ đúng hạn")."""
    want = {"tthc.ho_so_da_giai_quyet": 815, "tthc.ho_so_dung_han_tong": 809, "tthc.ho_so_qua_han": 6}
    assert values("giai quyet 815 ho so dung han 809, tre han 6") == want
    assert values("Đã giải quyết 815 hồ sơ đúng hạn 809 hồ sơ, quá hạn 6 hồ sơ.") == want


def test_the_count_behind_a_rate_after_a_comma():
    """"100% văn bản đi được ký số, tổng 1.245 văn bản" left 1.245 unread; it is the count behind the rate, as in
    brackets ("… (1.245 văn bản)")."""
    assert values("Chuyển đổi số: 100% văn bản đi được ký số, tổng 1.245 văn bản; kích hoạt 3.120 tài khoản định danh.") == {
        "cds.van_ban_ky_so": 1245, "cds.tai_khoan_dinh_danh": 3120}


def test_cases_of_complaints_are_complaints():
    assert values("Trong quý, đã tiếp nhận 207 trường hợp phản ánh, kiến nghị; đã xử lý 172 trường hợp.") == {
        "tthc.pakn_tiep_nhan": 207, "tthc.pakn_da_xu_ly": 172}
    assert values("Bộ phận một cửa có 6 máy tính ¢6 kết nối mạng") == {}  # OCR "¢6" is "có", no count


def test_documents_are_not_procedures():
    got = values("Kiểm tra 12 văn bản quy phạm pháp luật, phát hiện 3 văn bản phải sửa đổi.")
    assert got == {"the_che.vbqppl_kiem_tra": 12, "the_che.vbqppl_kiem_tra_phai_xu_ly": 3}
    assert "tthc.tthc_sua_doi" not in got


def test_text_without_diacritics_reads_the_same():
    assert values("tiep nhan 184 ho so, da giai quyet 180 ho so, qua han 2") == values(
        "tiếp nhận 184 hồ sơ, đã giải quyết 180 hồ sơ, quá hạn 2")


def test_a_fraction_gives_the_count_and_its_base():
    assert values("Đã hoàn thành 11/12 nhiệm vụ theo Kế hoạch số 14/KH-UBND ngày 30/01/2026.") == {
        "chi_dao.nhiem_vu_hoan_thanh": 11, "chi_dao.nhiem_vu_ke_hoach": 12}


def test_two_readings_are_asked_not_guessed():
    r = read_figures("Đã xử lý 3 văn bản.")
    assert not r.figures
    assert r.ambiguous and set(r.ambiguous[0].options) == {"the_che.vbqppl_kiem_tra_da_xu_ly",
                                                           "the_che.vbqppl_ra_soat_da_xu_ly"}
    # a shared verb alone names nothing: no noun, no guess
    assert not read_figures("đã xử lý 5").figures


def test_approximate_numbers_are_marked_for_confirmation():
    f = read_message("Bộ phận một cửa nhận khoảng 1.250 hồ sơ").figures[0]
    assert f.value == 1250 and f.confidence < 0.8 and "ước tính" in f.note


def test_a_report_is_read_with_its_sections_and_plans_are_skipped():
    text = SEED_003.read_text(encoding="utf-8")
    r = read_report(text)
    v = r.values()
    assert v["tthc.ho_so_tiep_nhan"] == 253 and v["tthc.ho_so_truoc_han"] == 245 and v["tthc.ho_so_truc_tuyen"] == 34
    assert all(text[f.start:f.end] == f.quote for f in r.figures)  # every number is a span of the report
    assert {f.section for f in r.figures if f.key.startswith("tthc.ho_so")} == {"II.2"}
    plan = read_report("IV. PHƯƠNG HƯỚNG, NHIỆM VỤ\nPhấn đấu tiếp nhận 500 hồ sơ trực tuyến.")
    assert not plan.figures


def _read(text: str) -> dict[str, Decimal]:
    return {f.key: f.value for f in read_message(text).figures}


def test_a_day_and_month_after_a_word_of_time_is_a_date_not_a_figure():
    assert _read("Kế hoạch năm có 20 nhiệm vụ; tính đến 30/9 đã hoàn thành 15 nhiệm vụ.") == {
        "chi_dao.nhiem_vu_ke_hoach": 20, "chi_dao.nhiem_vu_hoan_thanh": 15}
    # a fraction is not a date: "11/12 nhiệm vụ" still reads as done over planned
    assert _read("Hoàn thành 11/12 nhiệm vụ trong kế hoạch.")["chi_dao.nhiem_vu_hoan_thanh"] == 11


def test_words_after_trong_do_name_the_part_not_the_total():
    assert _read("Xã có 96 thủ tục hành chính, trong đó 12 thủ tục liên thông.") == {
        "tthc.tthc_tong_so": 96, "tthc.tthc_lien_thong": 12}
    assert _read("Danh mục gồm 140 TTHC, có 8 thủ tục thực hiện liên thông.") == {
        "tthc.tthc_tong_so": 140, "tthc.tthc_lien_thong": 8}
    # a count of procedures with words of its own keeps them
    assert _read("Rà soát 27 thủ tục hành chính.").get("tthc.tthc_tong_so") is None


def test_complaints_sent_in_and_a_target_set_from_above():
    assert _read("Công dân gửi 4 kiến nghị về thủ tục, đã xử lý xong 4.") == {
        "tthc.pakn_tiep_nhan": 4, "tthc.pakn_da_xu_ly": 4}
    read = _read("Kích hoạt 7.100 tài khoản định danh mức 2, chỉ tiêu tỉnh giao 8.000.")
    assert read == {"cds.tai_khoan_dinh_danh": 7100, "cds.tai_khoan_dinh_danh_chi_tieu": 8000}


def test_discipline_and_law_are_words_and_a_difference_from_last_year_is_no_figure():
    assert _read("Xử lý kỷ luật 2 công chức.") == {"cong_vu.ky_luat": 2}
    assert _read("Đơn vị có 12 đơn vị sự nghiệp, giảm 1 so với năm trước.") == {"to_chuc.don_vi_su_nghiep": 12}
    assert _read("Tiếp nhận 300 hồ sơ, tăng 40 hồ sơ so với cùng kỳ.") == {"tthc.ho_so_tiep_nhan": 300}


def test_answers_to_complaints_fixed_findings_and_apologies_counted_by_dossiers():
    assert _read("Nhận 9 phản ánh, đã trả lời 8 phản ánh.") == {"tthc.pakn_tiep_nhan": 9, "tthc.pakn_da_xu_ly": 8}
    assert _read("Kiểm tra phát hiện 5 tồn tại, đã khắc phục xong 4.") == {
        "chi_dao.van_de_phat_hien": 5, "chi_dao.van_de_da_xu_ly": 4}
    assert _read("Trễ hạn 6 hồ sơ, đã gửi văn bản xin lỗi cho cả 6 hồ sơ.") == {
        "tthc.ho_so_qua_han": 6, "tthc.van_ban_xin_loi": 6}


def test_new_dossiers_early_ones_apart_and_a_fraction_written_with_tren():
    assert _read("Nhận mới 684 hồ sơ, kỳ trước chuyển sang 22 hồ sơ.") == {
        "tthc.ho_so_moi": 684, "tthc.ho_so_ky_truoc": 22}
    # "N hồ sơ trước hạn" counted apart: "đúng hạn" is then the on-time part, not the on-time-or-early total
    assert _read("Có 652 hồ sơ đúng hạn, 31 hồ sơ trước hạn và 7 hồ sơ quá hạn.") == {
        "tthc.ho_so_dung_han": 652, "tthc.ho_so_truoc_han": 31, "tthc.ho_so_qua_han": 7}
    assert _read("Thực hiện 4 trên 5 kiến nghị của Thanh tra tỉnh.") == {
        "tai_chinh.kien_nghi_da_thuc_hien": 4, "tai_chinh.kien_nghi_thanh_tra": 5}


def test_a_rate_in_brackets_after_its_count_and_people_counted_as_accounts():
    r = read_message("Thu về 512 phiếu đánh giá, 508 phiếu hài lòng (99,2%).")
    assert {f.key: f.value for f in r.figures} == {"tthc.phieu_khao_sat": 512, "tthc.ty_le_hai_long": Decimal("99.2")}
    assert _read("Đã có 18.240 người dân kích hoạt tài khoản định danh điện tử.") == {"cds.tai_khoan_dinh_danh": 18240}


def test_a_shared_verb_the_words_right_after_the_noun_and_the_people_at_the_events():
    assert _read("Tuyển dụng 4 công chức và 11 viên chức.") == {
        "cong_vu.tuyen_dung_cong_chuc": 4, "cong_vu.tuyen_dung_vien_chuc": 11}
    # two kinds of documents under one verb are parts of one figure, summed with a note (not the first taken as all)
    assert _read("Ban hành 3 kế hoạch và 2 quyết định về CCHC.") == {"chi_dao.van_ban_chi_dao": 5}
    assert _read("Giải quyết 4 hồ sơ quá hạn.") == {"tthc.ho_so_qua_han": 4}
    assert _read("Đã ban hành 4 văn bản xin lỗi.") == {"tthc.van_ban_xin_loi": 4}
    assert _read("Rà soát 12 văn bản quy phạm pháp luật.") == {"the_che.vbqppl_ra_soat": 12}
    assert _read("Tổ chức 21 hội nghị phổ biến pháp luật cho 1.860 lượt cán bộ và nhân dân.") == {
        "the_che.pbgdpl_buoi": 21, "the_che.pbgdpl_luot_nguoi": 1860}


def test_the_subject_of_a_list_is_carried_across_its_semicolons_and_staff_words_choose():
    assert _read("Nhiệm vụ được UBND tỉnh giao trong kỳ: 14; hoàn thành đúng hạn 12; quá hạn 1; chưa hoàn thành 1.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 14, "chi_dao.nhiem_vu_cap_tren_dung_han": 12,
        "chi_dao.nhiem_vu_cap_tren_qua_han": 1, "chi_dao.nhiem_vu_cap_tren_chua_xong": 1}
    assert _read("Được giao 58 biên chế công chức, hiện có 55 người.") == {
        "to_chuc.bien_che_giao": 58, "to_chuc.bien_che_co_mat": 55}
    assert _read("Số người làm việc được giao 312, hiện có 298 viên chức.") == {
        "to_chuc.vien_chuc_giao": 312, "to_chuc.vien_chuc_co_mat": 298}
    # rounds of inspection are counted (chi_dao.cuoc_kiem_tra, since 03/12/2026), apart from the units inspected
    assert _read("Tổ chức 3 đợt kiểm tra tại 12 cơ quan, đơn vị.") == {"chi_dao.cuoc_kiem_tra": 3,
                                                                       "chi_dao.co_quan_duoc_kiem_tra": 12}


def test_a_verb_with_its_noun_a_later_clause_and_words_that_name_the_part():
    # "tuyển dụng viên chức" is the figure's own phrase, the count between the verb and the noun
    assert _read("Tinh giản 4 người; tuyển dụng 2 viên chức giáo dục.") == {
        "to_chuc.tinh_gian": 4, "cong_vu.tuyen_dung_vien_chuc": 2}
    # the phrase past the comma names the next number, not this one; proposed is not approved
    assert _read("Rà soát, đánh giá 38 thủ tục hành chính, đề xuất đơn giản hóa 6 thủ tục.") == {
        "tthc.tthc_ra_soat": 38, "tthc.tthc_de_xuat_don_gian_hoa": 6}
    assert _read("Có 61 hồ sơ tồn từ năm trước, tiếp nhận mới trong năm 8.904 hồ sơ.") == {
        "tthc.ho_so_ky_truoc": 61, "tthc.ho_so_moi": 8904}
    assert _read("UBND tỉnh giao 11 nhiệm vụ, hoàn thành 10 nhiệm vụ đúng hạn, 1 nhiệm vụ hoàn thành nhưng quá hạn.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 11, "chi_dao.nhiem_vu_cap_tren_dung_han": 10,
        "chi_dao.nhiem_vu_cap_tren_qua_han": 1}
    # a resolution is a document; "quy phạm pháp luật" says which area the sentence is in
    assert _read("Ban hành 2 nghị quyết quy phạm pháp luật; kiểm tra theo thẩm quyền 19 văn bản.") == {
        "the_che.vbqppl_ban_hanh": 2, "the_che.vbqppl_kiem_tra": 19}


def test_payment_online_documents_to_abolish_and_procedures_across_borders():
    # "trực tuyến qua Cổng dịch vụ công" says how the fee was paid, not how the dossier came in
    assert _read("Có 1.950 hồ sơ phải nộp phí, lệ phí, trong đó thanh toán trực tuyến qua Cổng dịch vụ công 1.204 hồ sơ.") == {
        "tthc.ho_so_co_phi": 1950, "tthc.thanh_toan_truc_tuyen": 1204}
    assert _read("Ra soat 215 van ban QPPL, de nghi sua doi, bai bo 11 van ban, da xu ly xong 8 van ban.") == {
        "the_che.vbqppl_ra_soat": 215, "the_che.vbqppl_ra_soat_phai_xu_ly": 11, "the_che.vbqppl_ra_soat_da_xu_ly": 8}
    assert _read("96 thủ tục tiếp nhận hồ sơ không phụ thuộc vào địa giới hành chính.") == {"tthc.tthc_phi_dia_gioi": 96}
    assert _read("Cử 14 đồng chí đi học trung cấp lý luận chính trị.") == {"cong_vu.dao_tao_ly_luan": 14}
    assert _read("Dự toán thu ngân sách giao 185.400 triệu đồng, 9 tháng thực hiện 142.760 triệu đồng.") == {
        "tai_chinh.thu_ngan_sach_du_toan": 185400, "tai_chinh.thu_ngan_sach_thuc_hien": 142760}


def test_cases_of_dossiers_and_rounds_of_inspection():
    # "trường hợp" counts whatever the sentence counts: late dossiers, and the apology letters sent for them
    assert _read("Hồ sơ quá hạn 6 trường hợp, đã gửi văn bản xin lỗi đủ 6 trường hợp.") == {
        "tthc.ho_so_qua_han": 6, "tthc.van_ban_xin_loi": 6}
    # three inspection teams are three inspections; the nine hospitals are the units inspected
    assert _read("Sở Y tế thành lập 3 đoàn kiểm tra công tác CCHC tại 9 bệnh viện, trung tâm trực thuộc.") == {
        "chi_dao.cuoc_kiem_tra": 3, "chi_dao.co_quan_duoc_kiem_tra": 9}
    assert _read("Sở tổ chức 2 cuộc kiểm tra CCHC tại 4 phòng chuyên môn.") == {
        "chi_dao.cuoc_kiem_tra": 2, "chi_dao.co_quan_duoc_kiem_tra": 4}


def test_counts_behind_a_rate_or_in_brackets_places_and_targets():
    # the count in brackets behind a rate, or behind a clause that names it without a number
    assert _read("Văn bản đi điện tử trong kỳ 5.210 văn bản, 100% có chữ ký số (5.210 văn bản).") == {
        "cds.van_ban_dien_tu": 5210, "cds.van_ban_ky_so": 5210}
    assert _read("Với 7 hồ sơ trễ hạn, xã đã có văn bản xin lỗi công dân (7 văn bản).") == {
        "tthc.ho_so_qua_han": 7, "tthc.van_ban_xin_loi": 7}
    # "tại …" says where, not what is counted; a level after a figure's words qualifies them
    assert _read("Số người làm việc được giao tại các đơn vị sự nghiệp là 415, hiện có 402 viên chức.") == {
        "to_chuc.vien_chuc_giao": 415, "to_chuc.vien_chuc_co_mat": 402}
    assert _read("Tổng số TTHC đang áp dụng tại cấp xã là 98 thủ tục.") == {"tthc.tthc_tong_so": 98}
    assert _read("Có 41 TTHC tiếp nhận không phụ thuộc địa giới hành chính cấp tỉnh.") == {"tthc.tthc_phi_dia_gioi": 41}
    # a label with commas before its colon; "một phần 31" is no "Phần 3" of a document
    assert _read("Hợp đồng lao động làm công việc hỗ trợ, phục vụ: 3 người.") == {"to_chuc.hop_dong_lao_dong": 3}
    assert _read("Dịch vụ công trực tuyến: toàn trình 80 thủ tục, một phần 31 thủ tục.") == {
        "tthc.dvc_toan_trinh": 80, "tthc.dvc_mot_phan": 31}
    # "chỉ tiêu … được giao là N": the target, and what was done against it
    assert _read("Chỉ tiêu kích hoạt tài khoản định danh được giao là 8.000 tài khoản, đã kích hoạt 7.120.") == {
        "cds.tai_khoan_dinh_danh_chi_tieu": 8000, "cds.tai_khoan_dinh_danh": 7120}
    # early dossiers stated apart: "đúng hạn là" is the on-time part; a bare count after complaints is no dossier
    assert _read("Giải quyết trước hạn là 900, đúng hạn là 300.") == {"tthc.ho_so_truoc_han": 900,
                                                                       "tthc.ho_so_dung_han": 300}
    assert _read("Tiếp nhận 6 phản ánh, kiến nghị, đã xử lý xong 5, đang xử lý 1.") == {
        "tthc.pakn_tiep_nhan": 6, "tthc.pakn_da_xu_ly": 5}
    # documents found after a review and amended
    assert _read("Rà soát 40 văn bản QPPL, phát hiện 3 văn bản cần sửa đổi, đã sửa đổi 3 văn bản.") == {
        "the_che.vbqppl_ra_soat": 40, "the_che.vbqppl_ra_soat_phai_xu_ly": 3, "the_che.vbqppl_ra_soat_da_xu_ly": 3}
    # a rate named after it; decisions announcing procedures are no legal documents; "thu được" is revenue
    assert _read("Phát hành 500 phiếu, kết quả 97,2% hài lòng.") == {"tthc.phieu_khao_sat": 500,
                                                                      "tthc.ty_le_hai_long": Decimal("97.2")}
    assert _read("Ban hành 02 Quyết định công bố danh mục TTHC (công bố mới 8, sửa đổi 3 thủ tục).") == {
        "tthc.tthc_cong_bo_moi": 8, "tthc.tthc_sua_doi": 3}
    assert _read("9 tháng thu được 2.100 triệu đồng.") == {"tai_chinh.thu_ngan_sach_thuc_hien": 2100}
    assert _read("nop phi, le phi truc tuyen 120/300 ho so") == {"tthc.thanh_toan_truc_tuyen": 120,
                                                                "tthc.ho_so_co_phi": 300}



def test_rules_from_sets_14_to_16_in_other_words():
    # money in tỷ đồng converted in code to the schema's triệu đồng, with a note; the base after "trên dự toán"
    reading = read_message("Thu ngân sách 6 tháng đạt 45,5 tỷ đồng trên dự toán 60 tỷ đồng.")
    assert {f.key: f.value for f in reading.figures} == {"tai_chinh.thu_ngan_sach_thuc_hien": 45500,
                                                        "tai_chinh.thu_ngan_sach_du_toan": 60000}
    assert "tỷ đồng" in reading.figures[0].note
    assert _read("Đã thụ lý 85 hồ sơ.") == {"tthc.ho_so_tiep_nhan": 85}
    # a yes/no figure stated without a number
    assert _read("Cơ quan duy trì áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn ISO 9001:2015.") == {
        "cds.iso_ap_dung": 1}
    assert _read("UBND xã chưa áp dụng ISO.") == {"cds.iso_ap_dung": 0}
    # "thuộc …" and "khi …" qualify; they do not name the figure
    assert _read("Sửa đổi 7 TTHC thuộc thẩm quyền giải quyết của UBND huyện.") == {"tthc.tthc_sua_doi": 7}
    assert _read("Hồ sơ được số hóa khi tiếp nhận là 640.") == {"tthc.ho_so_so_hoa": 640}
    # of two readings, the one of the figure just read; the remainder of units after a cut
    assert _read("Kiểm tra 15 văn bản, phát hiện 2 văn bản trái quy định; đến nay đã xử lý 1 văn bản.") == {
        "the_che.vbqppl_kiem_tra": 15, "the_che.vbqppl_kiem_tra_phai_xu_ly": 2, "the_che.vbqppl_kiem_tra_da_xu_ly": 1}
    assert _read("Sáp nhập, giảm 3 đơn vị sự nghiệp; hiện còn 57 đơn vị.") == {
        "to_chuc.don_vi_su_nghiep_giam": 3, "to_chuc.don_vi_su_nghiep": 57}
    # from set 16: a total of several kinds of procedures is none of them; "hệ thống hóa" reviews documents
    assert _read("Công bố 52 thủ tục hành chính mới, sửa đổi và bãi bỏ thuộc lĩnh vực tư pháp.") == {}
    assert _read("Công bố 12 TTHC mới, sửa đổi 4 TTHC.") == {"tthc.tthc_cong_bo_moi": 12, "tthc.tthc_sua_doi": 4}
    assert _read("Năm 2026 rà soát, hệ thống hóa 64 văn bản.") == {"the_che.vbqppl_ra_soat": 64}
    # places checked in two groups joined by "và": their sum, computed in code and noted; parts after "trong đó"
    # or "gồm" are parts of a total already read, and a second group of another noun is no place
    reading = read_message("Đoàn kiểm tra của huyện đã kiểm tra 8 xã và 4 cơ quan chuyên môn.")
    assert {f.key: f.value for f in reading.figures} == {"chi_dao.co_quan_duoc_kiem_tra": 12}
    assert reading.figures[0].quote == "8 xã và 4 cơ quan chuyên môn" and "cộng trong phần mềm" in reading.figures[0].note
    assert _read("kiem tra cchc tai 7 xa va 3 phong, ban") == {"chi_dao.co_quan_duoc_kiem_tra": 10}
    assert _read("Kiểm tra 6 cơ quan, trong đó 4 xã và 2 phòng chuyên môn.") == {"chi_dao.co_quan_duoc_kiem_tra": 6}
    assert _read("Kiểm tra tại 4 xã và 3 hồ sơ.") == {"chi_dao.co_quan_duoc_kiem_tra": 4}
    # from set 17, in other words: a second count of the same figure joined by "và" adds to the first; a plan's
    # own tasks left undone are no tasks set from above; "tiếp nhận, xử lý" counts what came in
    assert _read("Tuyển dụng 3 công chức qua thi tuyển và 2 công chức qua xét tuyển.") == {
        "cong_vu.tuyen_dung_cong_chuc": 5}
    assert _read("Bổ nhiệm 3 công chức và 2 viên chức.") == {"cong_vu.bo_nhiem": 3}  # another noun: not added
    assert _read("Xã thực hiện 18/20 nhiệm vụ theo Kế hoạch CCHC năm 2026, còn 2 nhiệm vụ đang thực hiện.") == {
        "chi_dao.nhiem_vu_hoan_thanh": 18, "chi_dao.nhiem_vu_ke_hoach": 20}
    assert _read("Tiếp nhận, xử lý 6 kiến nghị của người dân; đã trả lời 5 kiến nghị.") == {
        "tthc.pakn_tiep_nhan": 6, "tthc.pakn_da_xu_ly": 5}
    assert _read("Qua kiểm tra phát hiện 4 hạn chế, đã chấn chỉnh 4.") == {
        "chi_dao.van_de_phat_hien": 4, "chi_dao.van_de_da_xu_ly": 4}
    assert _read("Hoàn trả 3 hồ sơ không đủ điều kiện.") == {"tthc.ho_so_tra_lai": 3}


def test_rules_from_set_18_in_other_words():
    # people at a dialogue are no outreach figure; at a training course they are the trained
    assert _read("Tổ chức 3 cuộc đối thoại với doanh nghiệp, có 90 người tham dự.") == {"chi_dao.doi_thoai": 3}
    assert _read("Mở 4 lớp bồi dưỡng nghiệp vụ cho 260 lượt công chức tham gia.") == {"cong_vu.boi_duong": 260}
    assert _read("Tổ chức 5 buổi tuyên truyền về CCHC cho 400 lượt người tham dự.") == {
        "chi_dao.buoi_tuyen_truyen": 5, "chi_dao.luot_nguoi_tuyen_truyen": 400}
    assert _read("Tổ chức 3 hội nghị tuyên truyền pháp luật cho 310 lượt người.") == {
        "the_che.pbgdpl_buoi": 3, "the_che.pbgdpl_luot_nguoi": 310}
    # the base after "so với"; tasks given from above whatever the verb; a number of days is a time, not a count
    assert _read("Thu ngân sách đạt 12.400 triệu đồng so với dự toán 20.000 triệu đồng.") == {
        "tai_chinh.thu_ngan_sach_thuc_hien": 12400, "tai_chinh.thu_ngan_sach_du_toan": 20000}
    assert _read("Triển khai 15 nhiệm vụ do Sở Nội vụ giao, đã hoàn thành 12, còn 3 nhiệm vụ đang triển khai.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 15, "chi_dao.nhiem_vu_cap_tren_dung_han": 12,
        "chi_dao.nhiem_vu_cap_tren_chua_xong": 3}
    assert _read("Đơn giản hóa 9 TTHC, rút ngắn 240 ngày giải quyết.") == {"tthc.tthc_don_gian_hoa": 9}
    # found as a department's official: "đề nghị đơn giản hóa 4 thủ tục" was written "được phê duyệt", and the
    # 15 procedures reviewed were left unread
    assert _read("Trong kỳ đã rà soát 15 thủ tục, đề nghị đơn giản hóa 4 thủ tục.") == {
        "tthc.tthc_ra_soat": 15, "tthc.tthc_de_xuat_don_gian_hoa": 4}
    assert _read("ra soat 20 thu tuc hanh chinh, kien nghi don gian hoa 5 thu tuc") == {
        "tthc.tthc_ra_soat": 20, "tthc.tthc_de_xuat_don_gian_hoa": 5}
    assert _read("Đề xuất phương án đơn giản hóa 6 thủ tục và được phê duyệt.") == {"tthc.tthc_don_gian_hoa": 6}
    assert _read("Xây dựng phương án đơn giản hóa 7 TTHC trình UBND tỉnh phê duyệt.") == {
        "tthc.tthc_de_xuat_don_gian_hoa": 7}
    assert _read("Mức độ hài lòng của tổ chức, cá nhân đạt 96,4% trên 3.200 phiếu.") == {
        "tthc.ty_le_hai_long": Decimal("96.4"), "tthc.phieu_khao_sat": 3200}
    # two issuers' parallel clauses with the same verb and the same words are summed, with a note; other words are not
    reading = read_message("HĐND xã ban hành 02 nghị quyết quy phạm pháp luật; UBND xã ban hành 01 quyết định quy phạm "
                           "pháp luật.")
    assert {f.key: f.value for f in reading.figures} == {"the_che.vbqppl_ban_hanh": 3}
    assert "cộng trong phần mềm" in reading.figures[0].note
    assert _read("Tiếp nhận 120 hồ sơ trực tuyến; giải quyết 110 hồ sơ trực tuyến.") != {"tthc.ho_so_tiep_nhan": 230}


def test_what_the_third_held_out_report_showed():
    # a spending estimate is no figure the table holds: said as not read, never taken as the revenue estimate
    reading = read_message("Dự toán chi ngân sách năm 2026 giao cho Sở là 18.650 triệu đồng.")
    assert not reading.figures and "dự toán chi" in reading.unread[0].reason
    assert _read("Dự toán thu ngân sách năm 2026 là 18.650 triệu đồng.") == {"tai_chinh.thu_ngan_sach_du_toan": 18650}
    # offices and public service units are two counts, not one group of places
    assert _read("Sở có 5 phòng chuyên môn và 3 đơn vị sự nghiệp công lập trực thuộc.") == {
        "to_chuc.don_vi_su_nghiep": 3}
    # the noun after the number says whose staff: "có mặt 58 viên chức" beside the department's civil servants
    assert _read("Biên chế công chức được giao là 48, hiện có 45 công chức; số người làm việc được giao 62 người, "
                 "có mặt 58 viên chức.") == {"to_chuc.bien_che_giao": 48, "to_chuc.bien_che_co_mat": 45,
                                            "to_chuc.vien_chuc_giao": 62, "to_chuc.vien_chuc_co_mat": 58}
    assert _read("Sở có 3 kiến nghị về tài chính phải thực hiện, đã thực hiện xong 3 kiến nghị.") == {
        "tai_chinh.kien_nghi_thanh_tra": 3, "tai_chinh.kien_nghi_da_thuc_hien": 3}
    assert _read("Nhận 412 hồ sơ, trả đúng hẹn 405, trễ 3 hồ sơ.") == {
        "tthc.ho_so_tiep_nhan": 412, "tthc.ho_so_dung_han_tong": 405, "tthc.ho_so_qua_han": 3}


def test_complaints_still_being_considered_are_the_rest_of_the_two_counts():
    """Session 18 trial: "nhận được 03 phản ánh, kiến nghị …; đã giải quyết xong 02, 01 đang xem xét" told the official
    «Tôi chưa dùng các số sau: “01” … không rõ là chỉ tiêu nào». The rest of the two counts is taken as said when it
    matches, and asked about when it does not."""
    said = read_message("Tiếp nhận 4 kiến nghị, phản ánh; đã xử lý xong 3, 1 đang xem xét.")
    assert {f.key: f.value for f in said.figures} == {"tthc.pakn_tiep_nhan": 4, "tthc.pakn_da_xu_ly": 3}
    assert not said.unread
    wrong = read_message("Tiếp nhận 6 phản ánh, đã xử lý 3, 1 phản ánh đang xử lý.")
    assert [u.quote for u in wrong.unread] == ["1"] and "không khớp" in wrong.unread[0].reason


def test_what_the_fifth_held_out_report_showed():
    """Held-out report 5 (a province, nine months of 2026), first run 81 of 84: legal documents of two issuers in one
    sentence, contracts "làm công việc hỗ trợ, phục vụ", tasks the Government set; and report 4's last miss, one count in
    brackets for documents sent electronically and signed."""
    text = ("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH\n1. Cải cách thể chế\nHĐND tỉnh ban hành 9 nghị quyết "
            "quy phạm pháp luật, UBND tỉnh ban hành 23 quyết định quy phạm pháp luật.\n")
    legal = [f for f in read_report(text).figures if f.key == "the_che.vbqppl_ban_hanh"]
    assert [(f.value, f.section) for f in legal] == [(32, "II.1")] and "cộng trong phần mềm" in legal[0].note
    assert _read("Hợp đồng lao động làm công việc hỗ trợ, phục vụ 37 người.") == {"to_chuc.hop_dong_lao_dong": 37}
    assert _read("Nhiệm vụ Chính phủ giao: tổng số 20 nhiệm vụ, đã hoàn thành đúng hạn 18 nhiệm vụ.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 20, "chi_dao.nhiem_vu_cap_tren_dung_han": 18}
    assert _read("Phường có 1.120 văn bản đi, 100% được phát hành dạng điện tử và ký số (1.120 văn bản).") == {
        "cds.van_ban_dien_tu": 1120, "cds.van_ban_ky_so": 1120}
    # a count of documents signed and sent, with no rate saying all: the signed ones only, as before
    assert _read("Số văn bản ký số và gửi trên môi trường mạng là 512 văn bản.") == {"cds.van_ban_ky_so": 512}
    # the rate after both ways, all of them: both counts (it gave the signed ones only)
    assert _read("Văn bản đi của xã được ký số và gửi qua môi trường mạng đạt 100% (687 văn bản).") == {
        "cds.van_ban_dien_tu": 687, "cds.van_ban_ky_so": 687}
    assert _read("Gửi nhận văn bản qua môi trường mạng 2.310 văn bản, trong đó có chữ ký số 2.296 văn bản.") == {
        "cds.van_ban_dien_tu": 2310, "cds.van_ban_ky_so": 2296}
    assert _read("Trong kỳ tiếp nhận 4.800 hồ sơ, trong đó 2.950 hồ sơ nộp qua môi trường mạng.") == {
        "tthc.ho_so_tiep_nhan": 4800, "tthc.ho_so_truc_tuyen": 2950}


def test_a_statistics_appendix_is_the_units_figure_and_its_unit_column_the_noun():
    report = ("II. KẾT QUẢ\n\n2. Cải cách thủ tục hành chính\n\nTổng số thủ tục hành chính sau khi chuẩn hóa là "
              "1.849 thủ tục; tổng số thủ tục hành chính ngành dọc là 123 thủ tục.\n\nTrên đây là báo cáo./.\n\n"
              "Biểu mẫu 3\n\n1.5. | Tổng số TTHC thuộc thẩm quyền giải quyết | Thủ tục | 1.972\n\n"
              "1.5.1. | Số TTHC cấp tỉnh (Bao gồm cả TTHC của | Thủ tục | 1.539\n\n"
              "2.1 Số nhiệm vụ đề ra trong kế hoạch Nhiệm vụ 25\n\n"
              "3.4.2. | Số PAKN đã giải quyết xong PAKN 8.083\n")
    reading = read_report(report)
    values = reading.values()
    assert values["tthc.tthc_tong_so"] == 1972 and values["tthc.tthc_cap_tinh"] == 1539
    assert values["chi_dao.nhiem_vu_ke_hoach"] == 25 and values["tthc.pakn_da_xu_ly"] == 8083
    # the row's code is no figure, and what is read keeps the value's place in the report
    assert all(f.value != 2 for f in reading.figures)
    assert all(report[f.start:f.end] == f.quote for f in reading.figures)


def test_the_words_after_a_count_say_which_part_it_is():
    # found reviewing held-out report 3 and the seeds' drafts: each was read as the whole it is part of
    assert _read("Còn 7 hồ sơ giải quyết quá hạn, chủ yếu thuộc lĩnh vực quy hoạch.") == {"tthc.ho_so_qua_han": 7}
    assert _read("Có 120 hồ sơ giải quyết trước hạn, 300 hồ sơ giải quyết đúng hạn.") == {
        "tthc.ho_so_truoc_han": 120, "tthc.ho_so_dung_han": 300}
    assert _read("Còn 01 nhiệm vụ cấp trên giao chưa hoàn thành.") == {"chi_dao.nhiem_vu_cap_tren_chua_xong": 1}
    assert _read("Thực hiện 29 nhiệm vụ do UBND tỉnh giao, hoàn thành 27.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 29, "chi_dao.nhiem_vu_cap_tren_dung_han": 27}
    # where it happened does not say what it is
    assert _read("Còn 31 hồ sơ TTHC giải quyết trễ hạn trên phần mềm tại Bộ phận Một cửa.") == {"tthc.ho_so_qua_han": 31}


def test_a_figure_stated_again_with_another_value_is_flagged():
    body = ("II. KẾT QUẢ\n\n2. Cải cách thủ tục hành chính\n\nTổng số hồ sơ tiếp nhận trong kỳ là 1.486 hồ sơ. "
            "Đã giải quyết 1.421 hồ sơ, trong đó giải quyết trước hạn 1.096 hồ sơ, đúng hạn 318 hồ sơ, quá hạn 7 hồ sơ."
            "\n\nIII. ĐÁNH GIÁ CHUNG\n\nCòn {late} hồ sơ giải quyết quá hạn.\n\nTrên đây là báo cáo./.\n\nPhụ lục\n"
            "STT | Chỉ tiêu | Đơn vị tính | Số liệu\n1 | Số hồ sơ tiếp nhận | Hồ sơ | {received}\n"
            "2 | Số hồ sơ giải quyết trước hạn và đúng hạn | Hồ sơ | {on_time}\n")
    def warnings(**kw):
        doc = load_review_document(body.format(**kw).encode(), "du-thao.md")
        return [i for i in review_document(doc, Registry.load(), dt.date(2026, 6, 18)) if i.kind == "arithmetic"]
    assert warnings(late=7, received="1.486", on_time="1.414") == []
    found = warnings(late=9, received="1.468", on_time="1.441")
    assert sorted(i.suggestion for i in found) == ["1.414", "1.486", "7"]
    assert all(i.severity == "warning" for i in found)
    assert any("Phụ lục số liệu" == section_label(i.section) for i in found)


def test_reading_eval_floors():
    sources = {s["source"]: s for s in run_reading()["sources"]}
    messages = sources["Tin nhắn"]
    assert messages["gold"] >= 120 and len(messages["rows"]) >= 60
    assert messages["exact_share"] >= 0.95 and messages["misread"] == 0
    # held-out sets written after the rules, each run once untuned before any rule was taken from it (66 %, 92,5 %,
    # 81,6 %, 84,2 %, 80,5 %, 70,0 %, 81,1 %, 83,3 %, 91,7 %, 93,0 %, 79,3 %, 85,2 %, 81,8 %, 91,4 %, 96,0 %,
    # 87,7 %, 89,3 %, 84,3 %, 88,0 %, 92,9 %, 89,7 %, 94,0 %, 93,4 %, 92,4 %, 94,4 %, 90,9 %, 94,0 %, 92,3 %, 97,0 %,
    # 97,9 %, 72,7 %, 84,0 %, 81,5 %, 93,1 %, 91,8 %, 97,8 %, 90,0 %, 94,2 %, 97,4 %, 93,5 %, 91,9 %, 96,8 %, 94,4 %, 86,5 %, 88,9 %, 81,6 %,
    # 83,7 %, 82,8 %, 95,2 %, 90,9 %, 96,7 %, 97,4 % after two golds put back to the sets' conventions,
    # 91,2 %);
    # floors under today's figures, so a regression fails: (set, label, least exact share, most misreads)
    floors = [(1, "đã chỉnh theo một phần", 0.9, 0), *((n, "đã chỉnh theo", 0.95, 0) for n in range(2, 8)),
              *((n, "đã chỉnh theo", 0.95, 1) for n in range(8, 14)), (14, "đã chỉnh theo", 0.95, 0),
              (15, "đã chỉnh theo", 0.95, 0), (16, "đã chỉnh theo", 0.95, 0),
              (17, "đã chỉnh theo", 0.95, 2), (18, "đã chỉnh theo", 0.95, 0), *((n, "đã chỉnh theo", 0.95, 0) for n in (19, 20, 21, 22, 23)),
              (24, "đã chỉnh theo", 0.95, 0), (25, "đã chỉnh theo", 0.95, 0),
              (26, "đã chỉnh theo", 0.95, 0), (27, "đã chỉnh theo", 0.95, 0), (28, "đã chỉnh theo", 0.95, 0),
              (29, "đã chỉnh theo", 0.95, 0), (30, "đã chỉnh theo", 0.95, 0), (31, "đã chỉnh theo", 0.95, 0),
              (32, "đã chỉnh theo", 0.95, 0), (33, "đã chỉnh theo", 0.95, 0), (34, "đã chỉnh theo", 0.95, 0),
              (35, "đã chỉnh theo", 0.95, 0), (36, "đã chỉnh theo", 0.95, 0),
              (37, "đã chỉnh theo", 0.95, 0),
              (38, "đã chỉnh theo", 0.95, 0), (39, "đã chỉnh theo", 0.95, 0),
              (40, "đã chỉnh theo", 0.95, 0),
              (41, "đã chỉnh theo", 0.95, 0), (42, "đã chỉnh theo", 0.95, 0),
              (43, "đã chỉnh theo", 0.95, 0), (44, "đã chỉnh theo", 0.95, 0),
              (45, "đã chỉnh theo", 0.95, 0), (46, "đã chỉnh theo", 0.95, 0),
              (47, "đã chỉnh theo", 0.95, 0), (48, "đã chỉnh theo", 0.95, 0),
              (49, "đã chỉnh theo", 0.95, 0), (50, "đã chỉnh theo", 0.95, 0),
              (51, "đã chỉnh theo", 0.95, 0), (52, "đã chỉnh theo", 0.95, 0),
              (53, "đã chỉnh theo", 0.95, 0), (54, "đã chỉnh theo", 0.95, 0)]
    for n, label, least, most in floors:
        held = sources[f"Tin nhắn để riêng {n} ({label})"]
        assert held["gold"] >= {27: 33, 30: 34, 32: 32, 33: 25, 34: 27, 35: 29, 36: 49, 37: 46, 38: 40, 39: 52, 40: 39, 41: 46, 42: 37, 43: 32, 44: 36, 45: 37, 46: 27, 47: 49, 48: 43, 49: 29, 50: 42, 51: 33, 52: 60, 53: 39, 54: 34}.get(n, 35) and held["exact_share"] >= least and held["misread"] <= most, n
    clean = next(s for name, s in sources.items() if "(clean)" in name)
    assert clean["exact_share"] >= 0.9 and clean["misread"] == 0
    # whole reports written for units and periods the rules never saw: the first (a ward, 9 months) run once untuned
    # at 36/38 with 1 misread, then its one rule taken; the second (a district, the year, per level) untuned: 37/41
    first = next(s for name, s in sources.items() if "(held-out 1)" in name)
    second = next(s for name, s in sources.items() if "(held-out 2)" in name)
    assert first["exact_share"] >= 0.95 and first["misread"] == 0
    assert second["gold"] >= 40 and second["exact_share"] >= 0.88 and second["misread"] == 0
    # the third (a department, six months, with an appendix) untuned: 59/62 with 1 misread, then its four rules taken
    third = next(s for name, s in sources.items() if "(held-out 3)" in name)
    assert third["gold"] >= 60 and third["exact_share"] >= 0.95 and third["misread"] == 0
    # the fourth (a commune after the mergers, quý I, no appendix) untuned: 46/50, 0 misread; 49/50 after three rules
    fourth = next(s for name, s in sources.items() if "(held-out 4)" in name)
    assert fourth["gold"] >= 50 and fourth["exact_share"] >= 0.96 and fourth["misread"] == 0
    # the sixth (a commune's year, with a short appendix) untuned: 56/58, 0 misread (after one gold correction); 58/58
    # after two rules
    sixth = next(s for name, s in sources.items() if "(held-out 6)" in name)
    assert sixth["gold"] >= 58 and sixth["exact_share"] >= 0.96 and sixth["misread"] == 0
    # the seventh (a department's year, lettered sub-heads, an appendix with last year's column) untuned: 65/70, 2
    # misread; 70/70 after five rules
    seventh = next(s for name, s in sources.items() if "(held-out 7)" in name)
    assert seventh["gold"] >= 70 and seventh["exact_share"] >= 0.97 and seventh["misread"] == 0
    # the eighth (a department of health, quý I, an appendix with last year's column) untuned: 36/40, 0 misread (after
    # one gold correction); 40/40 after three rules
    eighth = next(s for name, s in sources.items() if "(held-out 8)" in name)
    assert eighth["gold"] >= 40 and eighth["exact_share"] >= 0.97 and eighth["misread"] == 0
    # the ninth (a commune's 9 months typed without diacritics, as a scan's text comes out) untuned: 34/35, 0 misread;
    # 35/35 after one rule
    ninth = next(s for name, s in sources.items() if "(held-out 9)" in name)
    assert ninth["gold"] >= 35 and ninth["exact_share"] >= 0.97 and ninth["misread"] == 0
    # the tenth (a department of finance's year) untuned: 56/63, 3 misread; 63/63 after its six rules
    tenth = next(s for name, s in sources.items() if "(held-out 10)" in name)
    assert tenth["gold"] >= 60 and tenth["exact_share"] >= 0.97 and tenth["misread"] == 0
    # the eleventh (a commune of Nghệ An, 9 months 2026) untuned: 51/53, 0 misread; 53/53 after its two rules
    eleventh = next(s for name, s in sources.items() if "(held-out 11)" in name)
    assert eleventh["gold"] >= 53 and eleventh["exact_share"] >= 0.97 and eleventh["misread"] == 0
    # the twelfth (a provincial department of education, the year 2026, a table typed as rows) untuned: 51/53, 1
    # misread; 53/53 after its three rules
    twelfth = next(s for name, s in sources.items() if "(held-out 12)" in name)
    assert twelfth["gold"] >= 53 and twelfth["exact_share"] >= 0.97 and twelfth["misread"] == 0
    # the thirteenth (a city under the centre, six months, "cấp thành phố" for the province's level) untuned: 41/47,
    # 1 misread; 47/47 after its two rules
    thirteenth = next(s for name, s in sources.items() if "(held-out 13)" in name)
    assert thirteenth["gold"] >= 47 and thirteenth["exact_share"] >= 0.97 and thirteenth["misread"] == 0
    # the fourteenth (a board at department level, nine months, a pipe table of dossiers) untuned: 28/32 after two golds
    # corrected, 1 misread; 32/32 after its four rules
    fourteenth = next(s for name, s in sources.items() if "(held-out 14)" in name)
    assert fourteenth["gold"] >= 32 and fourteenth["exact_share"] >= 0.97 and fourteenth["misread"] == 0
    # the fifteenth (a commune of Quảng Ninh, the year 2026, channels of the new dossiers in one bracket) untuned:
    # 40/41 after two golds corrected, 0 misread; 41/41 after its one rule
    fifteenth = next(s for name, s in sources.items() if "(held-out 15)" in name)
    assert fifteenth["gold"] >= 41 and fifteenth["exact_share"] >= 0.97 and fifteenth["misread"] == 0
    # the sixteenth (a district before the reform, nine months of 2024, each level's dossiers on a line of its own)
    # untuned: 22/31 after two golds corrected, 5 misread; 31/31 after its five rules
    sixteenth = next(s for name, s in sources.items() if "(held-out 16)" in name)
    assert sixteenth["gold"] >= 31 and sixteenth["exact_share"] >= 0.97 and sixteenth["misread"] == 0
    # the seventeenth (a department of justice's year, an appendix with last year's column) untuned: 29/30, 1 misread;
    # 30/30 after its two rules
    seventeenth = next(s for name, s in sources.items() if "(held-out 17)" in name)
    assert seventeenth["gold"] >= 30 and seventeenth["exact_share"] >= 0.97 and seventeenth["misread"] == 0
    # the eighteenth (a province's six months, a table of dossiers with the levels as rows) untuned: 29/38 after one
    # gold corrected, 0 misread, 9 missed; 38/38 after its four rules
    eighteenth = next(s for name, s in sources.items() if "(held-out 18)" in name)
    assert eighteenth["gold"] >= 38 and eighteenth["exact_share"] >= 0.97 and eighteenth["misread"] == 0
    # the nineteenth (a board of industrial zones' nine months, "+" lines, a share before its count, fractions)
    # untuned: 51/53, 0 misread; 53/53 after two rules ("9 tháng thu 2.640 triệu đồng"; "trả lời 4/4." before the
    # next sentence)
    nineteenth = next(s for name, s in sources.items() if "(held-out 19)" in name)
    assert nineteenth["gold"] >= 53 and nineteenth["exact_share"] >= 0.97 and nineteenth["misread"] == 0
    # the twentieth (a commune's year after the merger: a named conference and 3 meetings, checks "tại 11 thôn và Bộ
    # phận Một cửa", dossiers "còn đang xử lý chuyển sang năm 2027", fees "phí, lệ phí") untuned: 55/61, 3 misread;
    # 61/61 after five rules
    twentieth = next(s for name, s in sources.items() if "(held-out 20)" in name)
    assert twentieth["gold"] >= 61 and twentieth["exact_share"] >= 0.97 and twentieth["misread"] == 0
    # the twenty-first (a province's nine months: forms handed out and returned, procedures by level beside the central
    # agencies', "bồi dưỡng chuyên môn, nghiệp vụ cho 4.820 lượt người") untuned: 64/65, 0 misread; 65/65 after one rule
    twenty_first = next(s for name, s in sources.items() if "(held-out 21)" in name)
    assert twenty_first["gold"] >= 65 and twenty_first["exact_share"] >= 0.98 and twenty_first["misread"] == 0
    # the twenty-second (a ward's first quarter, written after the rules of the twenty-first to try them) untuned: 44/44
    twenty_second = next(s for name, s in sources.items() if "(held-out 22)" in name)
    assert twenty_second["gold"] >= 44 and twenty_second["exact_share"] >= 0.98 and twenty_second["misread"] == 0
    # the twenty-third (a district's year of 2024) 64/67 on its first run (one gold corrected to the sets' convention)
    twenty_third = next(s for name, s in sources.items() if "(held-out 23)" in name)
    assert twenty_third["gold"] >= 67 and twenty_third["exact_share"] >= 0.98 and twenty_third["misread"] == 0
    # the twenty-fourth (a ward's year 2025 as a scan's text, without diacritics) 38/39 on its first run
    twenty_fourth = next(s for name, s in sources.items() if "(held-out 24)" in name)
    assert twenty_fourth["gold"] >= 39 and twenty_fourth["exact_share"] >= 0.97 and twenty_fourth["misread"] == 0
    # the twenty-fifth (a provincial department's nine months of 2026, written after reading set 47) 49/49 untuned
    twenty_fifth = next(s for name, s in sources.items() if "(held-out 25)" in name)
    assert twenty_fifth["gold"] >= 49 and twenty_fifth["exact_share"] >= 0.98 and twenty_fifth["misread"] == 0
    # the twenty-sixth (a province's quarter with a table by level in its body) 16/28 on its first run, 6 misread
    twenty_sixth = next(s for name, s in sources.items() if "(held-out 26)" in name)
    assert twenty_sixth["gold"] >= 28 and twenty_sixth["exact_share"] >= 0.98 and twenty_sixth["misread"] == 0
    # the twenty-seventh (a ward's year 2026 after the mergers, all in prose) 49/50 on its first run, 0 misread
    twenty_seventh = next(s for name, s in sources.items() if "(held-out 27)" in name)
    assert twenty_seventh["gold"] >= 50 and twenty_seventh["exact_share"] >= 0.98 and twenty_seventh["misread"] == 0
    # the twenty-eighth (a department of justice's nine months, all in prose) 41/44 on its first run, 0 misread
    twenty_eighth = next(s for name, s in sources.items() if "(held-out 28)" in name)
    assert twenty_eighth["gold"] >= 44 and twenty_eighth["exact_share"] >= 0.98 and twenty_eighth["misread"] == 0
    # the twenty-ninth (a department's quarter typed without diacritics, its table as OCR gives it) 20/21 first, 0 misread
    twenty_ninth = next(s for name, s in sources.items() if "(held-out 29)" in name)
    assert twenty_ninth["gold"] >= 21 and twenty_ninth["exact_share"] >= 0.98 and twenty_ninth["misread"] == 0
    # scans: floors under the measured 12/14 (district, seed 000) and 21/25 (province office, seed 001, whose
    # body and appendix state different totals); they were 5/12 and 3/7 before the OCR mending and section rules;
    # seed 001 was 11/25 with 8 misreads until the appendix's unit column, row codes and bracketed notes were read
    # as such and the appendix taken as the unit's figure where the body gives parts
    district = next(s for name, s in sources.items() if name.startswith("000_"))
    province = next(s for name, s in sources.items() if name.startswith("001_"))
    assert district["exact_share"] >= 0.8 and province["exact_share"] >= 0.8 and province["misread"] == 0


# ------------------------------------------------------------------ the reviewer recomputes
def _review(text: str) -> list:
    return check_stated_figures([Para(text=text, index=1, section="II.2")])


def test_a_rate_stated_with_dat_ty_le_is_recomputed():
    issues = _review("Đã giải quyết 240 hồ sơ, trước và đúng hạn 228 hồ sơ, đạt tỷ lệ 98,5%.")
    assert len(issues) == 1 and issues[0].suggestion == "95,00%"
    assert "98,5%" in issues[0].message and "228" in issues[0].message and "240" in issues[0].message


def test_a_changed_rate_in_a_province_sentence_is_caught():
    issues = _review("Toàn tỉnh đã giải quyết 10.000 hồ sơ, trong đó trước và đúng hạn 9.604 hồ sơ (đạt 97,04%), "
                     "quá hạn 396 hồ sơ.")
    assert [i.suggestion for i in issues] == ["96,04%"]
    assert not _review("Toàn tỉnh đã giải quyết 10.000 hồ sơ, trong đó trước và đúng hạn 9.604 hồ sơ (đạt 96,04%), "
                       "quá hạn 396 hồ sơ.")


def test_an_online_rate_is_checked_on_the_base_the_text_gives():
    """Found reviewing a commune's 9-month draft: "tiếp nhận 2.150 hồ sơ, trong đó trực tuyến 1.720 hồ sơ (đạt tỷ lệ
    82%)" (80,00%) passed, the online rate's base (new dossiers) not being stated and 1.720 of the 2.100 solved making
    82% by chance."""
    text = ("Tổng số hồ sơ tiếp nhận là 2.150 hồ sơ, trong đó trực tuyến 1.720 hồ sơ (đạt tỷ lệ {}). Đã giải quyết "
            "2.100 hồ sơ, trong đó đúng hạn 2.075 hồ sơ, quá hạn 25 hồ sơ.")
    assert [i.suggestion for i in _review(text.format("82%"))] == ["80,00%"]
    assert not _review(text.format("80%"))
    # on new dossiers when the text gives them
    assert not _review("Tiếp nhận mới 2.000 hồ sơ, trực tuyến 1.640 hồ sơ (đạt 82%); tổng số hồ sơ tiếp nhận 2.150.")


def test_tasks_a_province_set_and_all_on_time_as_a_hundred_percent():
    """Found with a provincial health department's messages: "Thực hiện 18 nhiệm vụ UBND tỉnh giao" became 18 tasks of
    the own plan done; "đã trả kết quả 1.790 hồ sơ, đúng hạn 100%" was read as the tasks' rate and its count lost."""
    assert _read("Thực hiện 18 nhiệm vụ UBND tỉnh giao, đã hoàn thành đúng hạn 16 nhiệm vụ, 2 nhiệm vụ đang triển "
                 "khai.") == {"chi_dao.nhiem_vu_cap_tren_giao": 18, "chi_dao.nhiem_vu_cap_tren_dung_han": 16,
                              "chi_dao.nhiem_vu_cap_tren_chua_xong": 2}
    reading = read_message("Đã trả kết quả 1.790 hồ sơ, đúng hạn 100%.")
    got = {f.key: f for f in reading.figures}
    assert got["tthc.ho_so_dung_han_tong"].value == 1790 and "100%" in got["tthc.ho_so_dung_han_tong"].note
    assert not reading.unread
    # a rate under 100% stays the official's words, noted, never turned into a count
    assert "tthc.ho_so_dung_han_tong" not in {f.key for f in read_message("Đã trả 1.790 hồ sơ, đúng hạn 99,5%.").figures}


def test_dossiers_left_said_without_their_number_are_the_rest():
    """Tried as a new user (a commune's year): "…, trễ hạn 12 hồ sơ, còn lại đang giải quyết trong hạn" left the 20
    dossiers unread and the draft asked for them."""
    reading = read_message("Bộ phận một cửa tiếp nhận 3.412 hồ sơ, giải quyết đúng hạn 3.380 hồ sơ, trễ hạn 12 hồ sơ, "
                           "còn lại đang giải quyết trong hạn.")
    got = {f.key: f for f in reading.figures}
    assert got["tthc.ho_so_dang_giai_quyet"].value == 20 and "3.412 − 3.392 = 20" in got["tthc.ho_so_dang_giai_quyet"].note
    assert _read("Tiếp nhận 500 hồ sơ, đã giải quyết 480 hồ sơ, trả lại 5 hồ sơ, số còn lại đang xử lý.")[
        "tthc.ho_so_dang_giai_quyet"] == 15
    # nothing resolved to take away, or a number said with the rest: no rest computed
    assert "tthc.ho_so_dang_giai_quyet" not in _read("Tiếp nhận 500 hồ sơ, còn lại đang giải quyết.")
    assert _read("Tiếp nhận 500 hồ sơ, đã giải quyết 480 hồ sơ, còn lại 20 hồ sơ đang giải quyết.")[
        "tthc.ho_so_dang_giai_quyet"] == 20


def test_staff_present_against_the_quota_and_staff_sent_to_training():
    """Tried as a new user (a ward's half year): "Phường có 38 công chức trên tổng số 40 biên chế được giao" left 38
    unread, and "Cử 20 công chức tham gia tập huấn nghiệp vụ" counted them as people reached by CCHC outreach."""
    assert _read("Phường có 38 công chức trên tổng số 40 biên chế được giao.") == {
        "to_chuc.bien_che_co_mat": 38, "to_chuc.bien_che_giao": 40}
    assert _read("Phường có 38 công chức.") == {}  # no quota named: no figure guessed
    assert _read("Cử 20 công chức tham gia tập huấn nghiệp vụ.") == {"cong_vu.boi_duong": 20}
    # citizens shown how to use the portal are reached by outreach, not staff trained
    assert _read("Tổ chức 1 hội nghị tập huấn sử dụng dịch vụ công trực tuyến cho 120 người dân.") == {
        "chi_dao.hoi_nghi": 1, "chi_dao.luot_nguoi_tuyen_truyen": 120}
    assert _read("Tổ chức 2 lớp tập huấn cho 150 cán bộ, công chức.") == {"cong_vu.boi_duong": 150}
    assert _read("Tổ chức 3 buổi tuyên truyền CCHC cho 200 cán bộ, công chức và người dân.") == {
        "chi_dao.buoi_tuyen_truyen": 3, "chi_dao.luot_nguoi_tuyen_truyen": 200}


def test_held_out_set_19_phrasings():
    """Set 19's first run (84,3 %, 11 misread): a year inside a figure's words, a slash before the plan, a count out
    of a base named after it, kinds of documents under one verb, a bracket of new/amended/abolished procedures, a
    whole that a later "đã thực hiện xong" shows, units merged, staff on hold for more papers."""
    assert _read("Biên chế công chức năm 2025 được giao 62, hiện có mặt 58 người.") == {
        "to_chuc.bien_che_giao": 62, "to_chuc.bien_che_co_mat": 58}
    assert _read("Giải ngân vốn đầu tư công được 412,6 tỷ đồng/kế hoạch 705 tỷ đồng.") == {
        "tai_chinh.von_dau_tu_giai_ngan": Decimal("412600"), "tai_chinh.von_dau_tu_ke_hoach": 705000}
    assert _read("Có 214 trên tổng số 260 hồ sơ có phí, lệ phí được thanh toán trực tuyến.") == {
        "tthc.thanh_toan_truc_tuyen": 214, "tthc.ho_so_co_phi": 260}
    summed = read_message("UBND huyện ban hành 11 kế hoạch, 26 công văn chỉ đạo về CCHC.").figures
    assert [(f.key, f.value) for f in summed] == [("chi_dao.van_ban_chi_dao", 37)] and "cộng trong phần mềm" in summed[0].note
    assert _read("Ban hành 5 quyết định quy phạm pháp luật và 2 nghị quyết.") == {"the_che.vbqppl_ban_hanh": 7}
    assert _read("Ban hành 02 kế hoạch, 15 văn bản xin lỗi.") == {"chi_dao.van_ban_chi_dao": 2, "tthc.van_ban_xin_loi": 15}
    announced = read_message("Công bố 41 TTHC (mới ban hành 9, sửa đổi bổ sung 25, bãi bỏ 7).")
    assert {f.key: f.value for f in announced.figures} == {
        "tthc.tthc_cong_bo_moi": 9, "tthc.tthc_sua_doi": 25, "tthc.tthc_bai_bo": 7}
    assert _read("Thực hiện 3 kiến nghị của Kiểm toán nhà nước, đến nay đã thực hiện xong 2 kiến nghị.") == {
        "tai_chinh.kien_nghi_thanh_tra": 3, "tai_chinh.kien_nghi_da_thuc_hien": 2}
    assert _read("Thực hiện 4 trên 5 kiến nghị của thanh tra.") == {
        "tai_chinh.kien_nghi_da_thuc_hien": 4, "tai_chinh.kien_nghi_thanh_tra": 5}
    assert _read("Huyện có 2 đơn vị sự nghiệp được sáp nhập, hiện còn 34 đơn vị sự nghiệp công lập.") == {
        "to_chuc.don_vi_su_nghiep_giam": 2, "to_chuc.don_vi_su_nghiep": 34}
    assert _read("Hồ sơ tạm dừng để bổ sung: 25.") == {"tthc.ho_so_tam_dung": 25}
    assert _read("Đề xuất phương án đơn giản hóa 5 TTHC, đã được UBND tỉnh phê duyệt 4 phương án.") == {
        "tthc.tthc_de_xuat_don_gian_hoa": 5, "tthc.tthc_don_gian_hoa": 4}


def test_held_out_set_20_rules_in_other_words():
    """Set 20's first run (88 of 100, 6 misread, 10 missed), its rules tried on sentences it does not hold: a task done
    late said as "chậm", dossiers "tồn chuyển", a field's share of the late dossiers, staff present against the
    staffing just read, levels with their on-time counts in brackets, inspections "N cuộc tại M cơ quan", findings
    counted as "nội dung", notices of inspection results, survey answers as "lượt", a target after citizens."""
    assert _read("Nhiệm vụ tỉnh giao 14, hoàn thành đúng hạn 12, có 2 nhiệm vụ hoàn thành nhưng chậm tiến độ.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 14, "chi_dao.nhiem_vu_cap_tren_dung_han": 12,
        "chi_dao.nhiem_vu_cap_tren_qua_han": 2}
    assert _read("Tiếp nhận mới 912 hồ sơ, tồn chuyển 15 hồ sơ.") == {"tthc.ho_so_moi": 912, "tthc.ho_so_ky_truoc": 15}
    late = read_message("Giải quyết 640 hồ sơ, quá hạn 9 hồ sơ, phần lớn thuộc lĩnh vực đất đai (6 hồ sơ).")
    assert {f.key: f.value for f in late.figures} == {"tthc.ho_so_da_giai_quyet": 640, "tthc.ho_so_qua_han": 9}
    assert any(u.quote == "6" and "lĩnh vực" in u.reason for u in late.unread)
    assert _read("Viên chức sự nghiệp: số người làm việc được giao 845, có mặt 801 người.") == {
        "to_chuc.vien_chuc_giao": 845, "to_chuc.vien_chuc_co_mat": 801}
    assert _read("Biên chế được giao 40, có mặt 37 người.") == {"to_chuc.bien_che_giao": 40, "to_chuc.bien_che_co_mat": 37}
    assert _read("Toàn tỉnh giải quyết 9.000 hồ sơ, trong đó cấp tỉnh 3.000 hồ sơ (đúng hạn 2.990), cấp huyện 2.500 "
                 "hồ sơ (đúng hạn 2.480), cấp xã 3.500 hồ sơ (đúng hạn 3.499).") == {
        "tthc.ho_so_da_giai_quyet": 9000, "tthc.ho_so_da_giai_quyet_cap_tinh": 3000,
        "tthc.ho_so_dung_han_cap_tinh": 2990, "tthc.ho_so_da_giai_quyet_cap_huyen": 2500,
        "tthc.ho_so_dung_han_cap_huyen": 2480, "tthc.ho_so_da_giai_quyet_cap_xa": 3500, "tthc.ho_so_dung_han_cap_xa": 3499}
    assert _read("Huyện kiểm tra CCHC 3 cuộc tại 7 cơ quan.") == {
        "chi_dao.cuoc_kiem_tra": 3, "chi_dao.co_quan_duoc_kiem_tra": 7}
    assert _read("Kiểm toán nhà nước kiến nghị xử lý tài chính 4 nội dung, đã thực hiện xong 4 kiến nghị.") == {
        "tai_chinh.kien_nghi_thanh_tra": 4, "tai_chinh.kien_nghi_da_thuc_hien": 4}
    assert _read("Kiểm tra 6 phòng chuyên môn, ban hành 6 thông báo kết luận.") == {"chi_dao.co_quan_duoc_kiem_tra": 6}
    assert _read("Hệ thống ghi nhận 415 lượt khảo sát, hài lòng đạt 99,1%.") == {
        "tthc.phieu_khao_sat": 415, "tthc.ty_le_hai_long": Decimal("99.1")}
    assert _read("Đã kích hoạt tài khoản cho 9.850 công dân trên tổng chỉ tiêu 10.200.") == {
        "cds.tai_khoan_dinh_danh": 9850, "cds.tai_khoan_dinh_danh_chi_tieu": 10200}


def test_what_is_planned_carries_the_plans_numbers_and_becomes_a_task():
    """Set 35's rule in other words: a clause said in the future ("sẽ", "dự kiến", "sắp tới", "phấn đấu", a part of the
    next period named first) counts what is planned, not what was done; what was done in the same sentence stays a
    figure, and the planned part is a task of section IV in its verb phrase. "Chư Sê" and "theo dự kiến" are no
    future. Before the rule, 6 of these 8 planned counts were read as the period's figures."""
    assert _read("Phường sẽ tổ chức 3 buổi đối thoại với tiểu thương chợ Đông Ba.") == {}
    assert _read("Sắp tới, Sở kiểm tra CCHC tại 6 đơn vị trực thuộc.") == {}
    assert _read("Dự kiến quý tới tỉnh tổ chức 2 hội nghị về chuyển đổi số.") == {}
    assert _read("Huyện đã kiểm tra 8 xã, sẽ kiểm tra thêm 5 xã trong tháng 12.") == {"chi_dao.co_quan_duoc_kiem_tra": 8}
    assert _read("Trung tâm phấn đấu tiếp nhận 5.000 hồ sơ trực tuyến.") == {}
    assert _read("Huyện Chư Sê tiếp nhận 1.405 hồ sơ.") == {"tthc.ho_so_tiep_nhan": 1405}
    held = read_message("Huyện Chư Sê tổ chức hội nghị đối thoại với doanh nghiệp về thủ tục đầu tư.").facts
    assert [(f.section, f.kind) for f in held] == [("I", "event")]  # a name, not "sẽ": a meeting held, no task
    assert _read("Xã tổ chức 4 buổi tuyên truyền như dự kiến.") == {"chi_dao.buoi_tuyen_truyen": 4}
    reading = read_message("Tháng 2/2027 phường tập huấn cho 30 công chức về dịch vụ công.", "năm 2027")
    assert reading.figures == [] and [(f.section, f.kind, f.text) for f in next_period_tasks(reading.facts, "năm 2027")] == [
        ("IV", "task", "Tập huấn cho 30 công chức về dịch vụ công")]
    mixed = read_message("Đã tổ chức 5 hội nghị, dự kiến sẽ tổ chức thêm 1 hội nghị tổng kết năm.")
    assert {f.key: f.value for f in mixed.figures} == {"chi_dao.hoi_nghi": 5}
    assert [(f.section, f.kind) for f in mixed.facts] == [("IV", "task")] and "tổng kết năm" in mixed.facts[0].text
    checked = read_message("Thời gian tới, xã tiếp tục kiểm tra CCHC tại 7 thôn.").facts
    assert [(f.section, f.kind, f.text) for f in checked] == [("IV", "task", "Tiếp tục kiểm tra CCHC tại 7 thôn")]
    # a date said with "tới" is ahead, whatever a dated clause usually says (a meeting held on that day)
    ahead = read_message("Trong tháng 11 tới, phường dự kiến tổ chức đối thoại với hộ kinh doanh.").facts
    assert [(f.section, f.kind, f.text) for f in ahead] == [("IV", "task", "Tổ chức đối thoại với hộ kinh doanh")]


def test_a_count_names_its_meeting_and_a_plan_its_tasks_left_and_the_plan_is_direction():
    """A commune's pasted paragraph lost its substance: "tổ chức 02 hội nghị, trong đó có hội nghị đối thoại … ngày
    20/8/2026" kept only the count; "…, 01 nhiệm vụ đang triển khai (số hóa …)" lost what the task was; the year's
    plan went to II.2 because its sentence went on about procedures. In other words here."""
    said = read_message("Phường tổ chức 03 cuộc họp, trong đó có cuộc họp Ban Chỉ đạo CCHC ngày 12/3/2026 về triển khai "
                        "Đề án 06.")
    assert {f.key: f.value for f in said.figures} == {"chi_dao.hoi_nghi": 3}
    assert [(f.section, f.kind, f.text) for f in said.facts] == [
        ("I", "event", "Cuộc họp Ban Chỉ đạo CCHC ngày 12/3/2026 về triển khai Đề án 06")]
    models = read_message("Phường áp dụng 3 sáng kiến: Phiếu hẹn điện tử, Tổ hỗ trợ dịch vụ công và Hộp thư Zalo.")
    assert {f.key: f.value for f in models.figures} == {"chi_dao.sang_kien": 3}
    assert [(f.section, f.kind, f.text) for f in models.facts] == [("I", "initiative", "Các sáng kiến được triển khai: "
                                                                   "Phiếu hẹn điện tử, Tổ hỗ trợ dịch vụ công và Hộp thư Zalo")]
    plan = read_message("Sở ban hành Kế hoạch số 20/KH-SNV ngày 05/01/2026 về CCHC năm 2026 gồm 25 nhiệm vụ, đã hoàn "
                        "thành 22 nhiệm vụ, 3 nhiệm vụ chưa hoàn thành (đo lường sự hài lòng, số hóa hồ sơ TTHC).")
    assert {f.key: f.value for f in plan.figures} == {"chi_dao.nhiem_vu_ke_hoach": 25, "chi_dao.nhiem_vu_hoan_thanh": 22}
    assert [(f.section, f.kind) for f in plan.facts] == [("I", "document"), ("I", "progress")]
    assert plan.facts[1].text == "3 nhiệm vụ chưa hoàn thành (đo lường sự hài lòng, số hóa hồ sơ TTHC)"


def test_a_list_of_procedures_announced_is_counted_and_its_decision_kept():
    """Chat set 23: "công bố danh mục 38 TTHC mới" was left unread — "mục 38" taken for an item's number — and the
    decision that announced them, once its count was read, was lost as a document. "Mục 3 của kế hoạch" still counts
    nothing."""
    said = read_message("Sở tham mưu ban hành Quyết định số 1021/QĐ-UBND ngày 03/3/2026 công bố danh mục 14 thủ tục "
                        "hành chính mới ban hành.")
    assert {f.key: f.value for f in said.figures} == {"tthc.tthc_cong_bo_moi": 14}
    assert [(f.section, f.kind, f.number) for f in said.facts] == [("II.2", "document", "Quyết định số 1021/QĐ-UBND")]
    assert _read("Thực hiện mục 3 của Kế hoạch CCHC năm.") == {}
    assert _read("Đã kích hoạt 500 tài khoản định danh mức 2.") == {"cds.tai_khoan_dinh_danh": 500}  # a level, no list


def test_a_bare_rate_after_a_part_and_its_base_is_theirs():
    """"Giải ngân vốn đầu tư công 320 tỷ đồng trên kế hoạch 400 tỷ đồng, đạt 85%" (80,00%) was left unread."""
    issues = check_stated_figures([Para(text="Giải ngân vốn đầu tư công 320 tỷ đồng trên kế hoạch 400 tỷ đồng, đạt 85%.",
                                        index=1, section="II.5")])
    assert [i.suggestion for i in issues] == ["80,00%"]
    assert not check_stated_figures([Para(text="Giải ngân vốn đầu tư công 320 tỷ đồng trên kế hoạch 400 tỷ đồng, "
                                               "đạt 80%.", index=1, section="II.5")])


def test_a_total_that_is_not_the_sum_of_its_parts():
    issues = _review("Đã giải quyết 252 hồ sơ, trước và đúng hạn 245, quá hạn 8.")
    assert [i.suggestion for i in issues] == ["253"]
    assert not _review("Đã giải quyết 252 hồ sơ, trước và đúng hạn 245, quá hạn 7.")


# ------------------------------------------------------------------ carry forward
def _docx_bytes(lines: list[str]) -> bytes:
    import io

    d = docx.Document()
    for line in lines:
        d.add_paragraph(line)
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


PAST = ["ỦY BAN NHÂN DÂN XÃ HÒA BÌNH", "Hòa Bình, ngày 15 tháng 3 năm 2026", "BÁO CÁO",
        "Kết quả thực hiện công tác cải cách hành chính quý I năm 2026", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH",
        "UBND xã ban hành Kế hoạch số 05/KH-UBND ngày 12/01/2026 về cải cách hành chính năm 2026.",
        "II. KẾT QUẢ THỰC HIỆN", "2. Cải cách thủ tục hành chính",
        "Tiếp nhận 184 hồ sơ, đã giải quyết 180 hồ sơ, quá hạn 2 hồ sơ.",
        "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ", "Phấn đấu giải quyết 300 hồ sơ."]


def test_a_past_reports_issuer_is_read_under_its_parents_line_and_beside_the_motto():
    # found bringing a department's six-month report to chat: "UBND TỈNH QUẢNG TRỊ" over "SỞ XÂY DỰNG" was read as
    # the province's report
    assert read_header("UBND TỈNH QUẢNG TRỊ\nSỞ XÂY DỰNG\n\nBÁO CÁO\nKết quả CCHC 6 tháng đầu năm 2026").locality == \
        "Sở Xây dựng tỉnh Quảng Trị"
    assert read_header("ỦY BAN NHÂN DÂN TỈNH BẮC NINH\nVĂN PHÒNG\n").locality == "Văn phòng UBND tỉnh Bắc Ninh"
    assert read_header("UBND TỈNH QUẢNG NGÃI\nTHANH TRA TỈNH\n").locality == "Thanh tra tỉnh Quảng Ngãi"
    # the motto on the same line, as text export and OCR join the two columns, is no part of the issuer
    header = read_header("ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nHUYỆN LẤP VÒ   Độc lập - Tự do - Hạnh phúc")
    assert (header.locality, header.level) == ("huyện Lấp Vò", "huyện")
    assert read_header("UY BAN NHAN DAN  CONG HOA XA HOQI CHU NGHIA VIET NAM\nHUYEN TU KY Péc lap - Tu do - Hanh phuc"
                       ).locality == "huyện Tứ Kỳ"  # marks from the gazetteer
    assert read_header("UBND TỈNH AN GIANG\nBÁO CÁO\nKết quả CCHC năm 2026").locality == "tỉnh An Giang"
    # the year is the title's, not the signing date's; the date is the place-and-date line's, not a plan's in the body
    header = read_header("UBND TỈNH AN GIANG\nSố: 12/BC-UBND   An Giang, ngày 10 tháng 1 năm 2026\nBÁO CÁO\n"
                         "Kết quả thực hiện công tác cải cách hành chính năm 2025\n\nThực hiện Kế hoạch số 35/KH-UBND "
                         "ngày 15/01/2025 …")
    assert (header.period, header.year, header.date) == ("năm", 2025, dt.date(2026, 1, 10))
    assert read_header("ỦY BAN NHÂN DÂN PHƯỜNG AN CỰU\nBÁO CÁO\nKết quả CCHC 9 tháng năm 2026\n\nThực hiện Kế hoạch "
                       "số 35/KH-UBND ngày 15/01/2026 …").date is None
    # OCR's "thing", "ndm", "nim" (seed 001 was read as 2022, signed 23/4/2018 — a decree's date in its body)
    header = read_header((ROOT / "corpus" / "reports" / "001_4932134965ee3205.txt").read_text(encoding="utf-8"))
    assert (header.period, header.year, header.date) == ("quý I", 2023, dt.date(2023, 3, 14))


def test_a_past_report_becomes_previous_with_its_words():
    past = read_report_bytes(_docx_bytes(PAST), "bao-cao-quy-I.docx", MB)
    assert (past.header.period, past.header.year, past.header.locality) == ("quý I", 2026, "xã Hòa Bình")
    carry = carry_forward(past, "6 tháng", 2026, "xã Hòa Bình")
    assert carry.kind == "previous" and carry.values["tthc.ho_so_tiep_nhan"] == 184
    assert carry.quotes["tthc.ho_so_da_giai_quyet"] == "đã giải quyết 180"
    assert Decimal(300) not in carry.values.values()  # the plan section is not a result
    data = figures_from_data({"meta": {"issuer": "Ủy ban nhân dân xã Hòa Bình", "level": "xã",
                                       "locality": "xã Hòa Bình", "period": "6 tháng", "year": 2026,
                                       "date": dt.date(2026, 6, 20)},
                              "figures": {"tthc": {"ho_so_tiep_nhan": 230}}})
    merged = with_previous(data, carry)
    assert merged.figures.previous["tthc.ho_so_tiep_nhan"] == 184 and merged.figures.values["tthc.ho_so_tiep_nhan"] == 230


def test_a_report_inside_the_year_gives_the_year_report_its_levels_only():
    """Tried as a new user: seed 003 (6 tháng 2023) as «kỳ trước» of the year 2023 report drafted "tổng số hồ sơ tiếp
    nhận là 512 hồ sơ (tăng 259 hồ sơ (102,37%) so với kỳ trước)" — the year against its own first half."""
    from drafting.figures.schema import LEVELS
    from drafting.service.reading import carry_notes

    past = read_report_bytes(_docx_bytes(PAST), "bao-cao-quy-I.docx", MB)
    year = carry_forward(past, "năm", 2026, "xã Hòa Bình")
    assert year.kind == "previous" and year.within > 0 and set(year.values) <= LEVELS
    assert "tthc.ho_so_tiep_nhan" not in year.values and "đã nằm trong số cả năm" in carry_notes(year, "")
    assert carry_forward(past, "6 tháng", 2026, "xã Hòa Bình").within == 0  # its counts stay (changes() leaves them)


def test_another_unit_or_a_later_period_is_refused():
    past = read_report_bytes(_docx_bytes(PAST), "bao-cao.docx", MB)
    with pytest.raises(InputError, match="đơn vị khác"):
        carry_forward(past, "6 tháng", 2026, "xã Ba Trang")
    with pytest.raises(InputError, match="không phải kỳ trước"):
        carry_forward(past, "quý I", 2026, "xã Hòa Bình")
    assert carry_forward(past, "quý I", 2027, "xã Hòa Bình").kind == "same_period_last_year"


def test_read_figures_cli_prints_what_it_read(tmp_path):
    path = tmp_path / "bao-cao.docx"
    path.write_bytes(_docx_bytes(PAST))
    out = subprocess.run([sys.executable, "-m", "drafting", "read-figures", str(path), "--json"], cwd=ROOT,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    got = json.loads(out.stdout)
    figures = {f["key"]: f for f in got["reading"]["figures"]}
    assert figures["tthc.ho_so_qua_han"]["value"] == "2" and figures["tthc.ho_so_qua_han"]["section"] == "II.2"
    text = subprocess.run([sys.executable, "-m", "drafting", "read-figures", str(SEED_003)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert text.returncode == 0 and "tthc.ho_so_tiep_nhan" in text.stdout and "253" in text.stdout


def test_the_builder_fills_the_previous_column_from_a_past_report(tmp_path):
    from types import SimpleNamespace

    from drafting.service import empty_tables, previous_from_report, row_key

    path = tmp_path / "bao-cao-quy-I.docx"
    path.write_bytes(_docx_bytes(PAST))
    asst = SimpleNamespace(settings=load_settings(env={}))
    tables = empty_tables()
    tables["tthc"] = [[*r[:3], "190" if row_key("tthc", r) == "tthc.ho_so_tiep_nhan" else "", *r[4:]] for r in tables["tthc"]]
    out, texts, msg = previous_from_report(asst, path, {"period": "6 tháng", "year": 2026, "locality": "xã Hòa Bình"},
                                           tables, {"I": "Ban hành Kế hoạch số 30/KH-UBND ngày 2/4/2026 về tuyên truyền"})
    rows = {row_key("tthc", r): r for r in out["tthc"]}
    assert rows["tthc.ho_so_da_giai_quyet"][3] == "180" and "đã giải quyết 180" in rows["tthc.ho_so_da_giai_quyet"][-1]
    assert rows["tthc.ho_so_tiep_nhan"][3] == "190"  # typed by the official: kept
    assert "quý I năm 2026" in msg and "cột «Kỳ trước»" in msg
    # the year's plan that quý I says was issued goes into section I's box, after what the official typed
    assert texts["I"].splitlines() == ["Ban hành Kế hoạch số 30/KH-UBND ngày 2/4/2026 về tuyên truyền",
                                       "Ban hành Kế hoạch số 05/KH-UBND ngày 12/01/2026 về cải cách hành chính năm 2026"]
    assert "Kế hoạch CCHC năm nêu trong báo cáo đó" in msg
    # last year's same period goes to its own column, never into «Kỳ trước»
    out, texts, msg = previous_from_report(asst, path, {"period": "quý I", "year": 2027, "locality": "xã Hòa Bình"},
                                           empty_tables())
    rows = {row_key("tthc", r): r for r in out["tthc"]}
    assert rows["tthc.ho_so_da_giai_quyet"][3] == "" and rows["tthc.ho_so_da_giai_quyet"][4] == "180"
    assert "cột «Cùng kỳ năm trước»" in msg and "cùng kỳ năm trước theo" in rows["tthc.ho_so_da_giai_quyet"][-1]
    assert "I" not in texts  # last year's plan is not this year's
    with pytest.raises(InputError, match="chọn kỳ báo cáo"):
        previous_from_report(asst, path, {"period": "", "year": None}, empty_tables())


PLAN = """ỦY BAN NHÂN DÂN XÃ HÒA BÌNH
Số: 14/KH-UBND
Hòa Bình, ngày 30 tháng 01 năm 2026

KẾ HOẠCH
Cải cách hành chính năm 2026

I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
- Ban hành kế hoạch kiểm tra công tác cải cách hành chính năm 2026 trong quý I.
- Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm.
II. NHIỆM VỤ CỤ THỂ
2. Cải cách thủ tục hành chính
- Rà soát, công khai đầy đủ thủ tục hành chính thuộc thẩm quyền tại Bộ phận Một cửa.
- Phấn đấu tỷ lệ hồ sơ tiếp nhận trực tuyến đạt tối thiểu 50%; tỷ lệ hồ sơ giải quyết đúng hạn đạt trên 98%.
"""


def test_the_years_plan_gives_tasks_and_targets_with_their_source():
    from drafting.inputs.plan_reader import read_plan

    plan = read_plan(PLAN)
    assert plan.source == "Kế hoạch số 14/KH-UBND ngày 30/01/2026" and plan.year == 2026
    assert [t.text for t in plan.tasks][:2] == [
        "Ban hành kế hoạch kiểm tra công tác cải cách hành chính năm 2026 trong quý I",
        "Tổ chức hội nghị sơ kết công tác cải cách hành chính 6 tháng đầu năm"]
    assert all(t.section == "IV" and t.kind == "task" for t in plan.tasks)
    assert "Cải cách thủ tục hành chính" not in [t.text for t in plan.tasks]  # a heading is not a task
    assert {(t.key, int(t.value)) for t in plan.targets} == {("tthc.ty_le_truc_tuyen", 50), ("tthc.ty_le_dung_han", 98)}
    data = figures_from_data({"meta": {"issuer": "Ủy ban nhân dân xã Hòa Bình", "level": "xã", "locality": "xã Hòa Bình",
                                       "place": "Hòa Bình", "period": "6 tháng", "year": 2026,
                                       "date": dt.date(2026, 6, 20)}, **plan.as_input()})
    assert not data.issues and len(data.facts) == 4 and data.figures.values["chi_dao.nhiem_vu_ke_hoach"] == 4


def test_the_builder_takes_the_plan_into_section_iv_and_the_targets(tmp_path):
    from types import SimpleNamespace

    from drafting.service import empty_tables, plan_into_form, row_key

    path = tmp_path / "ke-hoach.txt"
    path.write_text(PLAN, encoding="utf-8")
    asst = SimpleNamespace(settings=load_settings(env={}))
    texts, rows, tables, msg = plan_into_form(asst, path, {"IV": "Tổ chức hội nghị sơ kết công tác cải cách hành "
                                                                  "chính 6 tháng đầu năm"}, [], empty_tables())
    assert texts["IV"].count("hội nghị sơ kết") == 1 and "Rà soát, công khai" in texts["IV"]
    assert ["Tỷ lệ hồ sơ tiếp nhận trực tuyến", "50", "Kế hoạch số 14/KH-UBND ngày 30/01/2026"] in rows
    assert next(r for r in tables["chi_dao"] if row_key("chi_dao", r) == "chi_dao.nhiem_vu_ke_hoach")[2] == "4"
    assert "4 nhiệm vụ" in msg


def test_carried_over_dossiers_are_checked_against_last_periods_pending():
    from drafting.figures.figureset import build_figure_set

    fs = build_figure_set({"tthc": {"ho_so_ky_truoc": 5}}, {"tthc.ho_so_dang_giai_quyet": 4, "tthc.ho_so_tam_dung": 2})
    assert any("cuối kỳ trước còn 6 hồ sơ" in i.message for i in fs.issues)
    assert not build_figure_set({"tthc": {"ho_so_ky_truoc": 6}},
                                {"tthc.ho_so_dang_giai_quyet": 4, "tthc.ho_so_tam_dung": 2}).issues


def test_last_periods_tasks_become_this_periods_checklist():
    from drafting.service.reading import planned_tasks, unreported_tasks

    text = "\n".join(PAST[:-1] + ["- Tổ chức tập huấn nghiệp vụ một cửa cho công chức các thôn.",
                                  "- Triển khai số hóa kết quả giải quyết thủ tục hành chính.",
                                  "V. KIẾN NGHỊ", "- Đề nghị huyện hỗ trợ máy quét cho bộ phận một cửa."])
    tasks = planned_tasks(text)
    assert tasks == ["Tổ chức tập huấn nghiệp vụ một cửa cho công chức các thôn",
                     "Triển khai số hóa kết quả giải quyết thủ tục hành chính"]
    said = ["Ngày 12/4/2026 tổ chức tập huấn nghiệp vụ một cửa cho 25 công chức các thôn."]
    assert unreported_tasks(tasks, said) == ["Triển khai số hóa kết quả giải quyết thủ tục hành chính"]


def test_the_row_number_of_an_appendix_table_is_no_figure():
    """Reading back a draft of ours as last period's report: the appendix's «STT» column ("1 | Văn bản chỉ đạo … | văn
    bản | 12") gave a figure 1 beside the 12 of every row, each to be confirmed."""
    from drafting.inputs.report_text import read_report

    text = ("PHỤ LỤC\n\nBIỂU SỐ LIỆU\n\nSTT | Chỉ tiêu | Đơn vị tính | Kỳ này\n\nI. Chỉ đạo, điều hành\n\n"
            "1 | Văn bản chỉ đạo, điều hành về CCHC đã ban hành | văn bản | 12\n\n"
            "3 | Vấn đề phát hiện qua kiểm tra | vấn đề | 14\n\n4 | Vấn đề phát hiện đã xử lý xong | vấn đề | 11\n")
    read = read_report(text)
    assert sorted((f.key, int(f.value)) for f in read.figures) == [
        ("chi_dao.van_ban_chi_dao", 12), ("chi_dao.van_de_da_xu_ly", 11), ("chi_dao.van_de_phat_hien", 14)]


def test_a_communes_report_under_its_provinces_line_carried_into_its_half_year():
    """Tried as a new user (session 18): held-out report 4 (xã Phú Thành, quý I/2026, under "ỦY BAN NHÂN DÂN TỈNH ĐỒNG
    THÁP") brought for the 6-month report was taken as the province's, and its 55 pending dossiers were held against
    the half year's 36 carried over — but every period of a year runs from 15/12 of the year before: both reports
    carried over the same dossiers."""
    from drafting.figures.figureset import build_figure_set

    text = (ROOT / "evals" / "cases" / "reading" / "report-heldout4.md").read_text(encoding="utf-8")
    header = read_header(text)
    assert (header.locality, header.level, header.period, header.year) == ("xã Phú Thành", "xã", "quý I", 2026)
    same_start = build_figure_set({"tthc": {"ho_so_ky_truoc": 36}}, {"tthc": {"ho_so_ky_truoc": 36, "ho_so_dang_giai_quyet": 55}})
    assert not same_start.issues
    last_year = build_figure_set({"tthc": {"ho_so_ky_truoc": 36}}, {"tthc": {"ho_so_ky_truoc": 20, "ho_so_dang_giai_quyet": 55}})
    assert [i.field for i in last_year.issues] == ["tthc.ho_so_ky_truoc"]


def test_a_communes_commune_level_counts_are_its_totals_a_districts_are_not():
    """Seed 003 ("Tổng số TTHC cấp xã là 115" in xã Ba Trang's report) was read as the commune-level count only; a
    commune has no level below it, so the count is the unit's total too. Words here are not the seed's."""
    body = ("BÁO CÁO\nKết quả thực hiện công tác cải cách hành chính 9 tháng năm 2026\n"
            "II. KẾT QUẢ THỰC HIỆN\n2. Cải cách thủ tục hành chính\n"
            "Số thủ tục hành chính cấp xã: 104 thủ tục. Hồ sơ cấp xã đã giải quyết: 1.360 hồ sơ.\n")
    ward = read_report_bytes(("ỦY BAN NHÂN DÂN PHƯỜNG TÂY HỒ\n" + body).encode("utf-8"), "bc.txt", MB)
    values = {(f.key, int(f.value)) for f in ward.reading.figures}
    assert {("tthc.tthc_tong_so", 104), ("tthc.tthc_cap_xa", 104), ("tthc.ho_so_da_giai_quyet", 1360)} <= values
    district = read_report_bytes(("ỦY BAN NHÂN DÂN HUYỆN ĐÔNG ANH\n" + body).encode("utf-8"), "bc.txt", MB)
    assert "tthc.tthc_tong_so" not in {f.key for f in district.reading.figures}


def test_rules_from_held_out_set_21_in_other_words():
    """Set 21 missed or misread these; the same rules, in words the set did not use."""
    assert _read("Ban hành 05 kế hoạch và 02 (hai) quyết định về công tác CCHC.") == {"chi_dao.van_ban_chi_dao": 7}
    assert _read("Đã kiểm tra 4 phòng chuyên môn và 9 UBND xã, phường.") == {"chi_dao.co_quan_duoc_kiem_tra": 13}
    assert _read("Biên chế công chức của UBND huyện được giao là 74.") == {"to_chuc.bien_che_giao": 74}
    assert _read("Kỳ thi tuyển năm nay tuyển được 38 viên chức giáo viên.") == {"cong_vu.tuyen_dung_vien_chuc": 38}
    assert _read("Hệ thống loa truyền thanh phát 52 tin về dịch vụ công trực tuyến.") == {"chi_dao.tin_bai": 52}
    assert _read("Trung tâm tiếp nhận và xử lý 23 phản ánh, kiến nghị về thủ tục hành chính.") == {
        "tthc.pakn_tiep_nhan": 23, "tthc.pakn_da_xu_ly": 23}


def test_rules_from_held_out_set_22_in_other_words():
    """Set 22 missed or misread these; the same rules, in words the set did not use."""
    assert _read("Phòng kiểm tra CCHC tại 6 trường tiểu học và 3 trường mầm non.") == {"chi_dao.co_quan_duoc_kiem_tra": 9}
    assert _read("Phường ban hành 2 kế hoạch, 1 quyết định và 4 công văn về CCHC.") == {"chi_dao.van_ban_chi_dao": 7}
    assert _read("Hiện nay phường có 21 công chức và 5 viên chức.") == {
        "to_chuc.bien_che_co_mat": 21, "to_chuc.vien_chuc_co_mat": 5}
    assert _read("Nhận 7 kiến nghị về thủ tục đất đai, cả 7 đã được trả lời bằng văn bản.") == {
        "tthc.pakn_tiep_nhan": 7, "tthc.pakn_da_xu_ly": 7}
    # with no count received before it, the answered ones are those received (set 7)
    assert _read("5 phản ánh của người dân đã được trả lời.") == {"tthc.pakn_tiep_nhan": 5}
    assert _read("Xã mở 2 đợt tuyên truyền về dịch vụ công trực tuyến.") == {"chi_dao.buoi_tuyen_truyen": 2}
    assert _read("Trung tâm đang thực hiện 154 TTHC, 100% được cung cấp trực tuyến toàn trình.") == {
        "tthc.tthc_tong_so": 154, "tthc.dvc_toan_trinh": 154}
    # "trưởng" folds as "trường" does: heads of divisions appointed stay people
    assert _read("Bổ nhiệm 3 trưởng phòng chuyên môn.") == {"cong_vu.bo_nhiem": 3}


def test_rules_from_held_out_set_23_in_other_words():
    """Set 23 missed or misread these; the same rules, in words the set did not use."""
    # zeros said in words are figures — not in an aim
    assert _read("Trong quý không nhận được phản ánh nào về quy định hành chính.") == {"tthc.pakn_tiep_nhan": 0}
    assert _read("Năm 2026 không có trường hợp nào bị xử lý kỷ luật.") == {"cong_vu.ky_luat": 0}
    assert _read("Phấn đấu không có hồ sơ trễ hạn.") == {}
    assert _read("Rà soát 12 văn bản QPPL, chưa phát hiện văn bản nào phải xử lý.") == {
        "the_che.vbqppl_ra_soat": 12, "the_che.vbqppl_ra_soat_phai_xu_ly": 0}
    assert _read("Trong kỳ xã không ban hành văn bản quy phạm pháp luật.") == {"the_che.vbqppl_ban_hanh": 0}
    # plans and letters issued are no legal documents; a legal one said after them is not summed with them
    assert _read("Phường ban hành 3 kế hoạch và 2 quyết định về CCHC.") == {"chi_dao.van_ban_chi_dao": 5}
    # the legal one not summed with them — read as the legal documents issued since session 31 (it was left to ask)
    legal = read_message("Ban hành 4 công văn và 1 quyết định quy phạm pháp luật.")
    assert {f.key: f.value for f in legal.figures} == {"chi_dao.van_ban_chi_dao": 4, "the_che.vbqppl_ban_hanh": 1}
    assert _read("HĐND tỉnh ban hành 5 nghị quyết quy phạm pháp luật và 2 nghị quyết của HĐND.") == {
        "the_che.vbqppl_ban_hanh": 7}
    # a commune's own procedures are its total; a province's commune level is a part
    assert _read("Phường Hồng Hà có 98 TTHC cấp xã.") == {"tthc.tthc_tong_so": 98}
    assert _read("Toàn tỉnh có 1.905 TTHC, trong đó cấp xã 110.") == {"tthc.tthc_tong_so": 1905, "tthc.tthc_cap_xa": 110}
    # resolved, each on time: both counts; with a resolved count of its own, only the on-time part
    assert _read("Đã giải quyết 812 hồ sơ đúng hạn.") == {"tthc.ho_so_da_giai_quyet": 812, "tthc.ho_so_dung_han_tong": 812}
    assert _read("Đã giải quyết 500 hồ sơ, trong đó 490 hồ sơ đúng hạn.") == {
        "tthc.ho_so_da_giai_quyet": 500, "tthc.ho_so_dung_han_tong": 490}


def test_rules_from_held_out_set_24_in_other_words():
    """Set 24 (session 22) missed or misread these; the same rules, in words it did not use."""
    assert _read("Sở kiểm tra theo thẩm quyền 15 văn bản QPPL.") == {"the_che.vbqppl_kiem_tra": 15}
    assert _read("Kiểm tra CCHC tại 6 sở, ban, ngành và 9 xã.") == {"chi_dao.co_quan_duoc_kiem_tra": 15}
    assert _read("Trong kỳ không có hồ sơ nào bị trả lại.") == {"tthc.ho_so_tra_lai": 0}
    assert _read("Văn bản đi trên môi trường mạng là 2.140 văn bản.") == {"cds.van_ban_dien_tu": 2140}
    # a goal is no zero: "phấn đấu không có hồ sơ bị trả lại"
    assert _read("Phấn đấu không có hồ sơ bị trả lại.") == {}
    # the agency at a sentence's head acts; what the list counts is carried across its semicolons
    assert _read("UBND thành phố giao phường 8 nhiệm vụ; phường hoàn thành đúng hạn 7.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 8, "chi_dao.nhiem_vu_cap_tren_dung_han": 7}


def test_rules_from_held_out_set_25_in_other_words():
    """Set 25 (session 23) missed or misread these; the same rules, in words it did not use."""
    # millions of visits or of visitors are no money
    assert _read("Bệnh viện đa khoa tỉnh khám cho 1,2 triệu lượt bệnh nhân.") == {}
    assert _read("Xã tiếp nhận 640 lượt hồ sơ trong quý.") == {"tthc.ho_so_tiep_nhan": 640}
    assert _read("Có 2 công chức nghỉ việc theo Nghị định 178/2024/NĐ-CP.") == {"to_chuc.tinh_gian": 2}
    # "; trong đó cấp …" continues the total before the semicolon
    assert _read("Cả tỉnh giải quyết 90.500 hồ sơ, đúng hạn 98%; trong đó cấp xã 61.200 hồ sơ.") == {
        "tthc.ho_so_da_giai_quyet": 90500, "tthc.ho_so_da_giai_quyet_cap_xa": 61200}
    # the count behind a rate, said with "với" or "tương ứng": named by the rate's words unless its own words follow
    assert _read("Tỷ lệ hồ sơ trực tuyến là 64%, tương ứng 1.152 hồ sơ.") == {"tthc.ho_so_truc_tuyen": 1152}
    assert _read("Hồ sơ trả kết quả đúng hạn đạt 99% với 3.960 hồ sơ.") == {"tthc.ho_so_dung_han_tong": 3960}
    assert _read("Ký số đạt 98%, với 870 văn bản đi dưới dạng điện tử.") == {"cds.van_ban_dien_tu": 870}


def test_a_festival_day_is_an_event_not_a_length_of_time():
    """Chat set 15: "xa to chuc 3 cuoc hop ve CCHC, 1 ngay hoi tuyen truyen … tai cho" lost its second clause: "1 ngày"
    was taken for a length of time. A day of outreach is the official's event; a length of time stays no figure."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Phường tổ chức 2 cuộc họp về CCHC, 1 ngày hội chuyển đổi số tại nhà văn hóa khu phố 3.")
    assert {f.key: f.value for f in r.figures} == {"chi_dao.hoi_nghi": 2}
    assert [(f.kind, f.text) for f in r.facts] == [("event", "Phường tổ chức 1 ngày hội chuyển đổi số tại nhà văn hóa khu phố 3")]
    assert _read("Rút ngắn 2 ngày thời gian giải quyết thủ tục đăng ký kinh doanh.") == {}


def test_rules_from_held_out_report_10_in_other_words():
    """Report 10 (a department of finance's year) missed or misread these; the same rules, in words it did not use."""
    # places an inspection went to: public service units are places checked too, summed with the divisions
    assert _read("Kiểm tra CCHC tại 4 phòng chuyên môn và 3 đơn vị sự nghiệp trực thuộc Sở.") == {
        "chi_dao.co_quan_duoc_kiem_tra": 7}
    assert _read("Sở có 4 phòng chuyên môn và 3 đơn vị sự nghiệp công lập.") == {"to_chuc.don_vi_su_nghiep": 3}
    assert _read("Qua kiểm tra đã nhắc nhở, chấn chỉnh 5 thiếu sót, đã khắc phục cả 5 thiếu sót.") == {
        "chi_dao.van_de_phat_hien": 5, "chi_dao.van_de_da_xu_ly": 5}
    assert _read("Rà soát 40 văn bản, kiến nghị bãi bỏ 3 văn bản, HĐND tỉnh đã bãi bỏ 2 văn bản.") == {
        "the_che.vbqppl_ra_soat": 40, "the_che.vbqppl_ra_soat_phai_xu_ly": 3, "the_che.vbqppl_ra_soat_da_xu_ly": 2}
    assert _read("Phường gửi 6 thư xin lỗi người dân.") == {"tthc.van_ban_xin_loi": 6}
    # two channels joined have no figure of either: asked, not put on one
    assert _read("Tiếp nhận trực tuyến 900 hồ sơ, trực tiếp và qua bưu chính 140 hồ sơ.") == {"tthc.ho_so_truc_tuyen": 900}
    # a year between the words and the count, and the base after "so với dự toán"
    assert _read("Thu ngân sách trên địa bàn xã năm 2026 đạt 8.200 triệu đồng so với dự toán 7.500 triệu đồng.") == {
        "tai_chinh.thu_ngan_sach_thuc_hien": 8200, "tai_chinh.thu_ngan_sach_du_toan": 7500}
    # the longest words before the count name it: results digitised are no dossiers digitised on intake
    assert _read("Kết quả giải quyết được số hóa 2.310 hồ sơ.") == {"tthc.ket_qua_so_hoa": 2310}
    from drafting.inputs.figure_text import read_figures  # a report is read without "each figure once"
    got = read_figures("Số hóa hồ sơ khi tiếp nhận 2.400 hồ sơ; kết quả giải quyết được số hóa 2.310 hồ sơ.").figures
    assert [(f.key, f.value) for f in got] == [("tthc.ho_so_so_hoa", 2400), ("tthc.ket_qua_so_hoa", 2310)]


def test_rules_from_held_out_report_9_in_other_words():
    """Report 9 (a commune typed without diacritics) missed "phat hien 4 thon niem yet chua day du": places found at
    fault are the inspection's findings; places checked stay places, and places not at fault count nothing found."""
    assert _read("Kiểm tra 5 tổ dân phố, phát hiện 2 tổ dân phố chưa cập nhật bảng niêm yết TTHC.") == {
        "chi_dao.co_quan_duoc_kiem_tra": 5, "chi_dao.van_de_phat_hien": 2}
    assert _read("Qua kiem tra phat hien 3 ap niem yet sai quy dinh.") == {"chi_dao.van_de_phat_hien": 3}
    assert "chi_dao.van_de_phat_hien" not in _read("Hướng dẫn cài đặt VNeID tại 6 thôn.")


def test_rules_from_held_out_report_8_in_other_words():
    """Report 8 (a department of health, quý I/2027) missed these; the same rules, in words it did not use."""
    assert _read("Phường tổ chức 3 buổi truyền thông về dịch vụ công trực tuyến cho 240 người dân.") == {
        "chi_dao.buoi_tuyen_truyen": 3, "chi_dao.luot_nguoi_tuyen_truyen": 240}
    assert _read("Quá hạn 4 hồ sơ; xã đã có thư xin lỗi cho cả 4 trường hợp.") == {
        "tthc.ho_so_qua_han": 4, "tthc.van_ban_xin_loi": 4}
    assert _read("Tự kiểm tra 6 văn bản QPPL, chưa phát hiện văn bản sai sót.") == {
        "the_che.vbqppl_kiem_tra": 6, "the_che.vbqppl_kiem_tra_phai_xu_ly": 0}
    # a meeting said without a count is the official's event, never a count of 1 made up
    assert _read("Ngày 20/01/2027, Sở tổ chức hội nghị triển khai nhiệm vụ CCHC.") == {}


def test_rules_from_held_out_report_7_in_other_words():
    """Report 7 misread or missed these; the same rules, in words it did not use."""
    # the whole after the slash when the part's words follow it; said before with that number, a restatement
    assert _read("Kết quả: 17/18 nhiệm vụ đã hoàn thành.") == {"chi_dao.nhiem_vu_hoan_thanh": 17,
                                                                 "chi_dao.nhiem_vu_ke_hoach": 18}
    assert _read("Kế hoạch năm có 18 nhiệm vụ. Đến nay 17/18 nhiệm vụ hoàn thành.") == {
        "chi_dao.nhiem_vu_ke_hoach": 18, "chi_dao.nhiem_vu_hoan_thanh": 17}
    clash = read_message("Kế hoạch năm có 20 nhiệm vụ. Đến nay 17/18 nhiệm vụ hoàn thành.")
    assert {f.key: f.value for f in clash.figures} == {"chi_dao.nhiem_vu_ke_hoach": 20}
    assert [u.quote for u in clash.unread] == ["17", "18"] and all("không khớp" in u.reason for u in clash.unread)
    # documents under two verbs naming one figure are summed; a verb naming none is not
    assert _read("Qua kiểm tra, đề nghị sửa đổi 3 văn bản, thay thế 2 văn bản.") == {"the_che.vbqppl_kiem_tra_phai_xu_ly": 5}
    assert _read("Ban hành 4 kế hoạch, thu hồi 1 văn bản.") == {"chi_dao.van_ban_chi_dao": 4}
    assert _read("Số hóa 812 hồ sơ; 790 kết quả giải quyết TTHC được số hóa.") == {
        "tthc.ho_so_so_hoa": 812, "tthc.ket_qua_so_hoa": 790}
    assert _read("Văn bản đi phát hành điện tử 2.310 văn bản, 100% được ký số.") == {
        "cds.van_ban_dien_tu": 2310, "cds.van_ban_ky_so": 2310}
    # the rest of the unit's own plan, said without the plan's counts: no figure (neither the plan's tasks nor tasks
    # set from above), the official's words kept as said
    alone = read_message("Còn 4 nhiệm vụ của kế hoạch CCHC chưa hoàn thành do thiếu kinh phí.")
    # (since session 24 what is still not done, said on its own, is a limitation with its cause — it was an event of I)
    assert not alone.figures and [(f.section, f.kind, f.text, f.cause) for f in alone.facts] == [
        ("III", "shortcoming", "Còn 4 nhiệm vụ của kế hoạch CCHC chưa hoàn thành", "thiếu kinh phí")]


def test_a_tables_column_of_another_period_is_not_read_as_this_reports():
    """Report 7's appendix has this year's and last year's columns; the last year's "9" of complaints was read as
    this year's and the reviewer warned that the appendix disagreed with the body. Now only the report's own column is
    read — in text, in a real .docx table, and in review — and the other column's numbers are listed, with its header,
    as not read."""
    import io

    body = ["ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", "SỞ TƯ PHÁP", "BÁO CÁO", "Công tác cải cách hành chính năm 2026",
            "II. KẾT QUẢ THỰC HIỆN", "2. Cải cách thủ tục hành chính",
            "Tiếp nhận 1.320 hồ sơ, đã giải quyết 1.300 hồ sơ. Tiếp nhận 14 phản ánh, kiến nghị, đã xử lý 14.",
            "PHỤ LỤC"]
    rows = [("STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ báo cáo", "Cùng kỳ năm trước", "Tăng, giảm (%)"),
            ("1", "Số hồ sơ tiếp nhận", "Hồ sơ", "1.320", "1.104", "19,6"),
            ("2", "Số phản ánh, kiến nghị tiếp nhận", "PAKN", "14", "9", "55,6")]
    text = "\n".join(body + [" | ".join(r) for r in rows])
    reading = read_report(text)
    assert reading.values() == {"tthc.ho_so_tiep_nhan": Decimal("1320"), "tthc.ho_so_da_giai_quyet": Decimal("1300"),
                                "tthc.pakn_tiep_nhan": Decimal("14"), "tthc.pakn_da_xu_ly": Decimal("14")}
    other = [(u.quote, u.reason) for u in reading.unread if "cột" in u.reason]
    assert ("1.104", "số của cột «Cùng kỳ năm trước», không phải kỳ báo cáo") in other and ("9", other[-2][1]) in other
    d = docx.Document()
    for line in body:
        d.add_paragraph(line)
    table = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, cell in enumerate(row):
            table.cell(r, c).text = cell
    buf = io.BytesIO()
    d.save(buf)
    read = read_report_bytes(buf.getvalue(), "bc.docx", MB).reading
    assert read.values()["tthc.pakn_tiep_nhan"] == 14 and "1.104" in {u.quote for u in read.unread}
    from drafting.review.checks import review

    for data, name in ((text.encode("utf-8"), "x.md"), (buf.getvalue(), "x.docx")):  # short, unformatted: no figure
        assert not [i for i in review(data, Registry.load(), None, name=name) if i.kind not in ("outline", "layout")], name
    # a table of one period's columns by year reads the latest year's; without a second period nothing is blanked
    years = read_report("\n".join(body[:6] + ["PHỤ LỤC", "STT | Chỉ tiêu | Đơn vị tính | Năm 2025 | Năm 2026",
                                               "1 | Số hồ sơ tiếp nhận | Hồ sơ | 1.104 | 1.320"]))
    assert years.values() == {"tthc.ho_so_tiep_nhan": Decimal("1320")}
    one = read_report("\n".join(body[:6] + ["PHỤ LỤC", "STT | Chỉ tiêu | Đơn vị tính | Số liệu",
                                             "1 | Số hồ sơ tiếp nhận | Hồ sơ | 1.320"]))
    assert one.values() == {"tthc.ho_so_tiep_nhan": Decimal("1320")}


def test_rules_from_chat_set_13_in_other_words():
    """Chat set 13 missed these; the same rules, in words it did not use."""
    assert _read("Hồ sơ tồn từ năm 2026 là 8.") == {"tthc.ho_so_ky_truoc": 8}
    # a limitation said with its count and no cause is the official's limitation (its cause may come next)
    r = read_message("Tồn tại: còn 12 hồ sơ hộ tịch trễ hạn.")
    assert [(f.section, f.kind, f.text, f.cause) for f in r.facts] == [
        ("III", "shortcoming", "Còn 12 hồ sơ hộ tịch trễ hạn", "")]


def test_rules_from_reading_set_26_in_other_words():
    """Set 26 missed or misread these; the same rules, in words it did not use."""
    # named first, counted after in the same order ("lần lượt", "tương ứng"); one number for two names says nothing
    assert _read("Hồ sơ đã giải quyết và hồ sơ quá hạn tương ứng là 2.040 và 12.") == {
        "tthc.ho_so_da_giai_quyet": 2040, "tthc.ho_so_qua_han": 12}
    r = read_message("Trong quý, số hồ sơ nộp trực tuyến, nộp trực tiếp và qua bưu chính lần lượt đạt 820, 310 và 15.")
    assert {f.key: f.value for f in r.figures} == {"tthc.ho_so_truc_tuyen": 820, "tthc.ho_so_truc_tiep": 310,
                                                   "tthc.ho_so_buu_chinh": 15}
    assert [f.phrase for f in r.figures] == ["số hồ sơ nộp trực tuyến", "nộp trực tiếp", "qua bưu chính"]
    # a number to call is no count; a count per session or a monthly average is no total of the period
    assert _read("Tổng đài 1900 1234 tiếp nhận 6 phản ánh, kiến nghị.") == {"tthc.pakn_tiep_nhan": 6}
    r = read_message("Tổ chức 3 hội nghị tập huấn, mỗi hội nghị có trên 120 đại biểu tham dự.")
    assert {f.key: f.value for f in r.figures} == {"chi_dao.hoi_nghi": 3} and [u.quote for u in r.unread] == ["120"]
    assert _read("Bình quân 45 hồ sơ mỗi ngày; năm 2026 tiếp nhận mới 11.300 hồ sơ.") == {"tthc.ho_so_moi": 11300}
    # "mỗi" folds as "mới": "tiếp nhận mới trong kỳ 900 hồ sơ" stays a count
    assert _read("Tiếp nhận mới trong kỳ 900 hồ sơ.") == {"tthc.ho_so_moi": 900}
    # pending dossiers said "trong thời hạn giải quyết"; late dossiers "đều" apologised for: one letter each
    assert _read("Còn 9 hồ sơ vẫn trong thời hạn giải quyết.") == {"tthc.ho_so_dang_giai_quyet": 9}
    assert _read("Trễ hạn 6 hồ sơ, tất cả đều đã được gửi thư xin lỗi.") == {"tthc.ho_so_qua_han": 6, "tthc.van_ban_xin_loi": 6}
    assert _read("Trễ hạn 6 hồ sơ, đã gửi thư xin lỗi.") == {"tthc.ho_so_qua_han": 6}  # for all? not said


def test_rules_from_chat_set_16_in_other_words():
    """Chat set 16 drafted only section III for "Tiếp nhận …, giải quyết …, trong đó 6 hồ sơ quá hạn do …", and made "trong
    đó 1 trường hợp buộc thôi việc" an event of section I; the same rules, in words it did not use."""
    text = "Năm nay phường đã giải quyết 3.410 hồ sơ, trễ hạn 12 hồ sơ vì hệ thống dữ liệu đất đai gián đoạn."
    r = read_message(text)
    assert {f.key: r.in_fact(f) for f in r.figures} == {"tthc.ho_so_da_giai_quyet": False, "tthc.ho_so_qua_han": True}
    assert [(f.section, f.kind, f.cause) for f in r.facts] == [("III", "shortcoming", "hệ thống dữ liệu đất đai gián đoạn")]
    r = read_message("Tuyển dụng 14 viên chức, trong đó 3 người là bác sĩ.")
    assert {f.key: f.value for f in r.figures} == {"cong_vu.tuyen_dung_vien_chuc": 14}
    assert [(f.section, f.kind, f.text, f.figure) for f in r.facts] == [
        ("II.4", "note", "Viên chức được tuyển dụng: trong đó 3 người là bác sĩ", "cong_vu.tuyen_dung_vien_chuc")]
    # an activity told whole keeps its words once, its part inside it
    r = read_message("Tổ chức 6 buổi tập huấn, trong đó 2 buổi cho cán bộ thôn.")
    assert [f.kind for f in r.facts] in ([], ["event"]) and not any(f.kind == "note" for f in r.facts)


def test_rules_from_held_out_report_11_in_other_words():
    """Report 11 missed the places checked after "niêm yết, công khai" and the places "đã khắc phục"; other words."""
    assert _read("Đoàn kiểm tra việc niêm yết, công khai TTHC tại 9 tổ dân phố, phát hiện 3 tổ dân phố niêm yết sai; "
                 "các tổ dân phố này đều đã khắc phục, 3 tổ dân phố đã chấn chỉnh xong.") == {
        "chi_dao.co_quan_duoc_kiem_tra": 9, "chi_dao.van_de_phat_hien": 3, "chi_dao.van_de_da_xu_ly": 3}
    assert _read("Kiểm tra 7 thôn, đến nay 5 thôn đã khắc phục.") == {"chi_dao.co_quan_duoc_kiem_tra": 7,
                                                                     "chi_dao.van_de_da_xu_ly": 5}


def test_complaints_still_in_hand_said_before_their_count_are_the_rest_of_the_two():
    """Chat set 15: "tiếp nhận 58 phản ánh, kiến nghị …, đã xử lý 55, đang xử lý 3" left the 3 unread (issue 13's note);
    it is the rest of the two counts, taken when it matches and asked about when it does not. Other words here."""
    r = read_message("Năm 2026 tiếp nhận 21 kiến nghị của doanh nghiệp, đã trả lời 17 kiến nghị, chưa xử lý xong 4.")
    assert {f.key: f.value for f in r.figures} == {"tthc.pakn_tiep_nhan": 21, "tthc.pakn_da_xu_ly": 17} and not r.unread
    r = read_message("Tiếp nhận 21 phản ánh, đã xử lý 17, đang xem xét 5.")
    assert [u.quote for u in r.unread] == ["5"] and "21 − đã xử lý 17 = 4" in r.unread[0].reason


def test_issues_still_not_put_right_are_neither_found_nor_fixed():
    """The province's quarter (session 24) said in section III "Còn 8 vấn đề phát hiện qua kiểm tra chưa được khắc phục":
    read as 8 found, the reviewer set it against the 14 found in section I; "còn 3 tồn tại chưa khắc phục" was read as 3
    fixed. Other words here: what is left is the rest of the two counts, or a number for the official."""
    r = read_message("Vẫn còn 2 thiếu sót về niêm yết TTHC chưa được chấn chỉnh.")
    assert r.figures == [] and [(f.section, f.kind) for f in r.facts] == [("III", "shortcoming")]
    assert _read("Phát hiện 9 thiếu sót, đã chấn chỉnh 7, còn 2 thiếu sót chưa chấn chỉnh.") == {
        "chi_dao.van_de_phat_hien": 9, "chi_dao.van_de_da_xu_ly": 7}
    r = read_message("Phát hiện 9 thiếu sót, đã chấn chỉnh 7, còn 3 thiếu sót chưa chấn chỉnh.")
    assert [u.quote for u in r.unread] == ["3"] and "9 − đã khắc phục 7 = 2" in r.unread[0].reason


def test_a_count_of_what_is_not_done_yet_is_no_count_of_what_was_done():
    """"còn 3 tồn tại chưa khắc phục" was read as 3 fixed (session 24); the same flip for any "chưa …" after a count. Other
    words and other figures here; the figures whose own words say "chưa" keep them."""
    r = read_message("Kiểm tra 20 văn bản theo thẩm quyền, còn 2 văn bản chưa được xử lý.")
    assert {f.key: f.value for f in r.figures} == {"the_che.vbqppl_kiem_tra": 20} and [u.quote for u in r.unread] == ["2"]
    assert _read("Có 150 tài khoản định danh chưa kích hoạt.") == {}
    assert _read("Còn 6 phản ánh, kiến nghị chưa trả lời.") == {}
    assert _read("Còn 14 hồ sơ chưa giải quyết.") == {"tthc.ho_so_dang_giai_quyet": 14}
    assert _read("Còn 1 nhiệm vụ cấp trên giao chưa hoàn thành.") == {"chi_dao.nhiem_vu_cap_tren_chua_xong": 1}


def test_rules_from_reading_set_27_in_other_words():
    """Set 27 misread these; the same rules, in words it did not use."""
    # early and on time named apart and counted in order are the two parts, not the total
    assert _read("Hồ sơ giải quyết sớm hạn và đúng hạn lần lượt là 120 và 300.") == {
        "tthc.ho_so_truoc_han": 120, "tthc.ho_so_dung_han": 300}
    # "… trên tổng số 9 kiến nghị": the whole the part is of, when the words before it named the part
    assert _read("Đã thực hiện xong 6 kiến nghị của Kiểm toán nhà nước trên tổng số 9 kiến nghị.") == {
        "tai_chinh.kien_nghi_da_thuc_hien": 6, "tai_chinh.kien_nghi_thanh_tra": 9}
    # some agencies not applying ISO say nothing of the unit's own flag; the unit saying it does
    assert _read("Còn 3 đơn vị trực thuộc chưa áp dụng ISO 9001:2015.") == {}
    assert _read("Sở duy trì áp dụng hệ thống quản lý chất lượng ISO 9001:2015.") == {"cds.iso_ap_dung": 1}


def test_rules_from_reading_set_28_and_report_12_in_other_words():
    """Set 28 and report 12 missed or misread these; the same rules, in words they did not use."""
    # "giảm từ A … xuống còn B": B is the figure the words before "giảm từ" name; A is the earlier one
    assert _read("Số hồ sơ trễ hạn giảm từ 20 hồ sơ năm 2025 xuống còn 6 hồ sơ.") == {"tthc.ho_so_qua_han": 6}
    # published procedures "trong đó … mới, … sửa đổi": the total of kinds is no count of new ones
    assert _read("Công bố 30 TTHC, trong đó 12 TTHC mới, 18 TTHC sửa đổi, bổ sung.") == {
        "tthc.tthc_cong_bo_moi": 12, "tthc.tthc_sua_doi": 18}
    # handled with no number of its own, a date after it: all of those received
    assert _read("Nhận 3 phản ánh, kiến nghị, đã giải quyết xong trong tháng 5.") == {
        "tthc.pakn_tiep_nhan": 3, "tthc.pakn_da_xu_ly": 3}
    # the letters of apology said after the late count they answer
    assert _read("Đối với 4 hồ sơ trễ hẹn, Trung tâm đã gửi văn bản xin lỗi công dân.") == {
        "tthc.ho_so_qua_han": 4, "tthc.van_ban_xin_loi": 4}
    # "100% …" of a count just read: all of it, counted in code
    assert _read("Tiếp nhận 180 hồ sơ, 100% hồ sơ nộp qua mạng.") == {
        "tthc.ho_so_tiep_nhan": 180, "tthc.ho_so_truc_tuyen": 180}
    assert _read("Văn bản đi dưới dạng điện tử 640 văn bản, 100% văn bản điện tử đều được ký số.") == {
        "cds.van_ban_dien_tu": 640, "cds.van_ban_ky_so": 640}
    # the staffing of public service units said as "được giao … người làm việc"
    assert _read("Các trường được giao 1.230 người làm việc, hiện có 1.188 người làm việc.") == {
        "to_chuc.vien_chuc_giao": 1230, "to_chuc.vien_chuc_co_mat": 1188}
    # the rest of the unit's own plan, its subject said first, is no task set from above
    assert _read("Kế hoạch CCHC năm có 18 nhiệm vụ; đã hoàn thành 15 nhiệm vụ, 03 nhiệm vụ về chuyển đổi số đang "
                 "triển khai.") == {"chi_dao.nhiem_vu_ke_hoach": 18, "chi_dao.nhiem_vu_hoan_thanh": 15}


def test_a_task_whose_first_verb_shares_the_next_ones_object_is_one_task():
    """Chat set 17: "Quý IV phường tập trung hoàn thành chỉnh lý, số hóa hồ sơ hộ tịch …" became two tasks, the first
    "Tập trung hoàn thành chỉnh lý" with no object. Other words here; two tasks joined by a comma stay two."""
    def tasks(text, period):
        return [f.text for f in read_message(text, next_period=period).facts if f.kind == "task"]
    assert tasks("Quý II xã tiếp tục rà soát, cập nhật quy trình nội bộ giải quyết TTHC.", "quý II năm 2027") == [
        "Tiếp tục rà soát, cập nhật quy trình nội bộ giải quyết TTHC"]
    assert len(tasks("Năm 2027 xã phấn đấu 100% văn bản được ký số, tổ chức 2 cuộc đối thoại với Nhân dân.", "năm 2027")) == 2


def test_dossiers_carried_on_to_a_later_year_are_still_being_resolved():
    """"38 hồ sơ tồn đọng chuyển sang năm 2027" (set 27, a ward's year 2026) was read as carried in from last year.
    Which way it goes needs the report's year: the chat's next period gives it, or a year the message names first."""
    def read(text, period=""):
        return {f.key: f.value for f in read_message(text, next_period=period).figures}
    assert read("Còn 52 hồ sơ chuyển sang năm 2026 tiếp tục giải quyết.", "năm 2026") == {"tthc.ho_so_dang_giai_quyet": 52}
    assert read("Năm 2025 tồn 52 hồ sơ, chuyển sang năm 2026.") == {"tthc.ho_so_dang_giai_quyet": 52}
    # in the later year's report the same words are the dossiers carried in
    assert read("Có 52 hồ sơ chuyển sang năm 2026.", "quý II năm 2026") == {"tthc.ho_so_ky_truoc": 52}
    # alone, with no year to read it against (set 34), in or out are both readings: asked, never guessed
    alone = read_message("Số hồ sơ còn tồn chưa giải quyết chuyển sang năm 2027 là 27.")
    assert alone.figures == [] and [a.options for a in alone.ambiguous] == [
        ["tthc.ho_so_ky_truoc", "tthc.ho_so_dang_giai_quyet"]] and "chuyển sang năm 2027" in alone.ambiguous[0].context
    assert read("Còn 27 hồ sơ chuyển sang năm 2027.", "năm 2027") == {"tthc.ho_so_dang_giai_quyet": 27}


def test_rules_from_reading_set_29_report_13_and_chat_18_in_other_words():
    """Set 29, report 13 and chat set 18 missed or misread these; the same rules, in words they did not use."""
    # "x/y" before the words of tasks set from above: those words name the whole, the verb before names the part
    assert _read("Đã hoàn thành 6/8 nhiệm vụ do Sở Nội vụ giao.") == {
        "chi_dao.nhiem_vu_cap_tren_dung_han": 6, "chi_dao.nhiem_vu_cap_tren_giao": 8}
    # tasks done in a sentence of tasks set from above are theirs, never the unit's own plan
    assert _read("Thành phố giao 9 nhiệm vụ, phường đã hoàn thành 7 nhiệm vụ.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 9, "chi_dao.nhiem_vu_cap_tren_dung_han": 7}
    # the council passes, the committee issues, joined by ";": one figure, their sum
    assert _read("HĐND xã thông qua 2 nghị quyết quy phạm pháp luật; UBND xã ban hành 3 quyết định quy phạm pháp "
                 "luật.") == {"the_che.vbqppl_ban_hanh": 5}
    # "tại 15 bản": villages, not documents
    assert _read("Xã thành lập Tổ công nghệ số cộng đồng tại 15 bản.") == {}
    # "đã được … xử lý" with its agent and no number: all of those found
    assert _read("Tự kiểm tra 12 văn bản, phát hiện 1 văn bản sai thẩm quyền, đã được HĐND xã xử lý.") == {
        "the_che.vbqppl_kiem_tra": 12, "the_che.vbqppl_kiem_tra_phai_xu_ly": 1, "the_che.vbqppl_kiem_tra_da_xu_ly": 1}
    # a share of places is no rate of dossiers
    assert read_figures("Tiếp nhận hồ sơ trực tuyến tại 100% xã, phường.").rates == []
    # a commune typed without diacritics whose name two provinces share: the province named after it decides
    from drafting.inputs.unit_names import read_place
    assert read_place("bao cao CCHC nam 2026 cua xa Phuc Hoa tinh Cao Bang", request=True) == ("xã Phục Hòa", "xã")
    assert read_place("bao cao CCHC nam 2026 cua xa Phuc Hoa", request=True) == ("xã Phuc Hoa", "xã")


def test_a_city_under_the_centre_reads_its_own_level_as_the_provinces():
    """Report 13 (Huế, six months): "Cấp thành phố: đã giải quyết …" and "TTHC cấp thành phố" of a city under the
    centre are the province's level; the official's words are kept as written. Here Đà Nẵng, in other words."""
    text = ("ỦY BAN NHÂN DÂN\nTHÀNH PHỐ ĐÀ NẴNG\n\nBÁO CÁO\nKết quả công tác cải cách hành chính năm 2026\n\n"
            "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n2. Cải cách thủ tục hành chính\n"
            "Đã giải quyết 300.000 hồ sơ. Cụ thể:\n- Cấp thành phố: đã giải quyết 90.000 hồ sơ, đúng hạn 89.500 hồ sơ.\n"
            "- Cấp xã: đã giải quyết 210.000 hồ sơ, đúng hạn 209.000 hồ sơ.\n")
    read = {f.key: f for f in read_report(text, own_level="tỉnh").figures}
    assert read["tthc.ho_so_da_giai_quyet_cap_tinh"].value == 90000 and read["tthc.ho_so_dung_han_cap_xa"].value == 209000


def test_rules_from_reading_set_30_and_report_14_in_other_words():
    """Set 30 and report 14 missed these; the same rules, in words they did not use."""
    # dossiers "phát sinh" alone are the new ones of the period (as "phát sinh trong kỳ"); fees keep their own words
    assert _read("Trong quý, xã phát sinh 845 hồ sơ.") == {"tthc.ho_so_moi": 845}
    assert _read("Số hồ sơ phát sinh phí, lệ phí là 120.") == {"tthc.ho_so_co_phi": 120}
    # answered, said with no number of its own: all of those received
    assert _read("Nhận 2 kiến nghị của hộ kinh doanh về giờ làm việc của Bộ phận Một cửa, đã trả lời đầy đủ.") == {
        "tthc.pakn_tiep_nhan": 2, "tthc.pakn_da_xu_ly": 2}
    # no recommendations of inspectors or auditors: a zero said in words
    assert _read("Trong kỳ không phát sinh kiến nghị của Kiểm toán nhà nước về tài chính.") == {
        "tai_chinh.kien_nghi_thanh_tra": 0}
    # a table's rows: "Đúng hạn" after "Trong đó: trước hạn" is the on-time part; all new dossiers online, said apart
    text = ("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n2. Cải cách thủ tục hành chính\n| 1 | Mới tiếp nhận | 640 |\n"
            "| 2 | Đã giải quyết | 600 |\n| 3 | Trong đó: trước hạn | 410 |\n| 4 | Đúng hạn | 188 |\n"
            "Tất cả hồ sơ mới tiếp nhận đều được nộp trực tuyến.\n")
    read = {f.key: f.value for f in read_report(text).figures}
    assert read["tthc.ho_so_dung_han"] == 188 and "tthc.ho_so_dung_han_tong" not in read, read
    assert read["tthc.ho_so_truc_tuyen"] == 640, read


def test_rules_from_reading_set_31_report_15_and_chat_19_in_other_words():
    """Set 31, report 15 and chat set 19 misread or missed these; the same rules, in words they did not use."""
    # online public services with their kinds are no count of the procedures a unit handles
    assert _read("Xã có 45 dịch vụ công trực tuyến, trong đó 30 dịch vụ toàn trình.") == {"tthc.dvc_toan_trinh": 30}
    assert _read("Xã có 112 thủ tục hành chính, trong đó 80 thủ tục toàn trình.") == {
        "tthc.tthc_tong_so": 112, "tthc.dvc_toan_trinh": 80}
    # documents sent out on the office system are the electronic ones
    assert _read("Văn bản đi trên hệ thống quản lý văn bản: 930 văn bản, trong đó 925 văn bản được ký số.") == {
        "cds.van_ban_dien_tu": 930, "cds.van_ban_ky_so": 925}
    # letters of apology "cho tất cả hồ sơ trễ hạn", after a ";": one per late dossier
    assert _read("Quá hạn 9 hồ sơ; Sở đã gửi thư xin lỗi cho tất cả hồ sơ trễ hạn.") == {
        "tthc.ho_so_qua_han": 9, "tthc.van_ban_xin_loi": 9}
    # "Phó Giám đốc" is no "giảm"; "7 bãi bỏ" counts no articles ("bài")
    assert _read("Phó Giám đốc Sở làm việc với 25 hợp tác xã về hồ sơ đất đai.") == {}
    assert _read("Công bố 30 TTHC, bao gồm 5 TTHC mới, 18 sửa đổi và 7 bãi bỏ.") == {
        "tthc.tthc_cong_bo_moi": 5, "tthc.tthc_sua_doi": 18, "tthc.tthc_bai_bo": 7}
    # equipment is no figure of the report
    assert _read("Bộ phận Một cửa được trang bị thêm 3 máy quét và 1 kiosk tra cứu hồ sơ.") == {}


def test_equipping_the_desk_next_period_is_a_task():
    """Chat set 19: "Năm 2027 xã sẽ bố trí thêm 1 máy tính …" was read as a dossier and lost as a task. Here a ward's
    next quarter, in other words."""
    from drafting.inputs.chat_facts import read_facts

    facts = read_facts("Quý II phường sẽ lắp đặt camera giám sát tại Bộ phận Một cửa.", [], next_period="quý II năm 2027")
    assert [(f.section, f.kind) for f in facts] == [("IV", "task")], facts
    assert _read("Quý II phường sẽ lắp đặt 2 camera giám sát tại Bộ phận Một cửa.") == {}


def test_rules_from_reading_set_32_and_report_16_in_other_words():
    """Set 32 and report 16 misread or missed these; the same rules, in words they did not use."""
    assert _read("Phường giải quyết trước và đúng thời hạn 415 hồ sơ; 9 hồ sơ chưa đến hạn giải quyết.") == {
        "tthc.ho_so_dung_han_tong": 415, "tthc.ho_so_dang_giai_quyet": 9}
    # trainees are people; "văn thư, lưu trữ" is one pair, its comma no clause break
    assert _read("Mở 2 lớp tập huấn công tác văn thư, lưu trữ cho 96 học viên.") == {"cong_vu.boi_duong": 96}
    # a letter box is no meeting
    assert _read("Phường đặt 3 hòm thư góp ý, nhận 5 ý kiến, đã trả lời 5.") == {
        "tthc.pakn_tiep_nhan": 5, "tthc.pakn_da_xu_ly": 5}
    # "sau khi" opens a clause of its own: its words name the count after them, not the one before
    assert _read("Tỉnh còn 640 đơn vị sự nghiệp sau khi giải thể 12 đơn vị.") == {
        "to_chuc.don_vi_su_nghiep": 640, "to_chuc.don_vi_su_nghiep_giam": 12}
    # a count after "và" borrows the verb before the count it follows, when that count's words came after it
    assert _read("Sở được giao 41 biên chế công chức và 230 người làm việc trong các đơn vị sự nghiệp.") == {
        "to_chuc.bien_che_giao": 41, "to_chuc.vien_chuc_giao": 230}
    # found and told to put right, then put right
    assert _read("Qua kiểm tra chấn chỉnh 4 thiếu sót, đã khắc phục 4.") == {
        "chi_dao.van_de_phat_hien": 4, "chi_dao.van_de_da_xu_ly": 4}
    # documents found out of force after a review are to be dealt with
    assert _read("Rà soát 30 văn bản, phát hiện 2 văn bản hết hiệu lực.") == {
        "the_che.vbqppl_ra_soat": 30, "the_che.vbqppl_ra_soat_phai_xu_ly": 2}
    # units merged beside units cut: the cut is the reduction, the merged are left with why
    reading = read_figures("Trong năm sáp nhập 6 trung tâm, giảm 3 đơn vị sự nghiệp.")
    assert {f.key: f.value for f in reading.figures} == {"to_chuc.don_vi_su_nghiep_giam": 3}
    assert any("sáp nhập" in u.reason for u in reading.unread)


def test_a_levels_lead_holds_for_its_whole_line():
    """Report 16: "Cấp xã: tiếp nhận …; đã giải quyết …" gave the line after it the district's level, and a level's
    late count (no level field) was taken as the unit's total. Here a province's lines, in other words."""
    text = ("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n2. Cải cách thủ tục hành chính\n"
            "Cấp tỉnh: tiếp nhận 50.100 hồ sơ; giải quyết 49.800 hồ sơ, đúng hạn 49.650 hồ sơ, trễ hạn 150 hồ sơ.\n"
            "Cấp xã: tiếp nhận 90.400 hồ sơ; giải quyết 90.000 hồ sơ, đúng hạn 89.990 hồ sơ, trễ hạn 10 hồ sơ.\n")
    read = {f.key: f.value for f in read_report(text, own_level="tỉnh").figures}
    assert read == {"tthc.ho_so_da_giai_quyet_cap_tinh": 49800, "tthc.ho_so_dung_han_cap_tinh": 49650,
                    "tthc.ho_so_da_giai_quyet_cap_xa": 90000, "tthc.ho_so_dung_han_cap_xa": 89990}, read


def test_rules_from_chat_set_20_in_other_words():
    """Chat set 20: "tiến hành 4 cuộc thanh tra công vụ" was no activity and "nâng tỷ lệ …" after a comma no task of
    its own. Here a department's next quarter and its inspections, in other words."""
    from drafting.inputs.chat_facts import read_facts

    facts = read_facts("Sở Nội vụ tiến hành kiểm tra công vụ đột xuất tại 5 xã.", [])
    assert [(f.section, f.kind) for f in facts] == [("II.4", "event")], facts
    facts = read_facts("Quý IV Sở tập trung rà soát quy trình nội bộ, nâng chất lượng phục vụ tại Bộ phận Một cửa.", [],
                       next_period="quý IV năm 2026")
    assert [f.text for f in facts] == ["Tập trung rà soát quy trình nội bộ", "Nâng chất lượng phục vụ tại Bộ phận Một cửa"]


def test_rules_from_reading_set_33_and_report_17_in_other_words():
    """Set 33 and report 17 misread or missed these; the same rules, in words they did not use."""
    assert _read("Số hồ sơ đã có kết quả giải quyết là 615, trễ hạn 3.") == {
        "tthc.ho_so_da_giai_quyet": 615, "tthc.ho_so_qua_han": 3}
    # results sent back to the people, by post or otherwise, are no dossiers received
    assert _read("Bộ phận Một cửa chuyển trả 430 kết quả qua bưu điện.") == {}
    assert _read("Kết quả cấp phiếu lý lịch tư pháp được trả qua dịch vụ bưu chính 210 hồ sơ.") == {}
    assert _read("Tiếp nhận qua dịch vụ bưu chính công ích 38 hồ sơ.") == {"tthc.ho_so_buu_chinh": 38}
    # asked to be put right: found; "…, các cơ quan đã khắc phục xong" with no count: all of them
    assert _read("Đoàn kiểm tra đề nghị khắc phục 12 tồn tại, các cơ quan đã khắc phục xong.") == {
        "chi_dao.van_de_phat_hien": 12, "chi_dao.van_de_da_xu_ly": 12}
    # outgoing documents handled on the document system are the electronic ones
    assert _read("Có 3.020 văn bản đi được phát hành trên hệ thống quản lý văn bản.") == {"cds.van_ban_dien_tu": 3020}


def test_a_table_of_dossiers_with_the_levels_as_rows_is_read_cell_by_cell():
    """Report 18: "| Cấp | Tiếp nhận | Đã giải quyết | Trước và đúng hạn | Quá hạn |" with a row per level and a total
    row was left unread, cell by cell. Here a district's table, its header worded otherwise; a level's count the table
    keeps only for the unit is left for the official, with why."""
    text = ("II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CCHC\n2. Cải cách thủ tục hành chính\n"
            "| STT | Đơn vị | Số hồ sơ tiếp nhận | Số hồ sơ đã giải quyết | Giải quyết đúng hạn | Quá hạn |\n"
            "| 1 | Cấp huyện | 8.420 | 8.310 | 8.300 | 10 |\n| 2 | Cấp xã | 14.380 | 14.044 | 14.040 | 4 |\n"
            "| | Toàn huyện | 22.800 | 22.354 | 22.340 | 14 |\n")
    reading = read_report(text, own_level="huyện")
    read = {f.key: f.value for f in reading.figures}
    assert read == {"tthc.ho_so_da_giai_quyet_cap_huyen": 8310, "tthc.ho_so_dung_han_cap_huyen": 8300,
                    "tthc.ho_so_da_giai_quyet_cap_xa": 14044, "tthc.ho_so_dung_han_cap_xa": 14040,
                    "tthc.ho_so_tiep_nhan": 22800, "tthc.ho_so_da_giai_quyet": 22354,
                    "tthc.ho_so_dung_han_tong": 22340, "tthc.ho_so_qua_han": 14}, read
    assert sorted(u.quote for u in reading.unread) == ["10", "14.380", "4", "8.420"]


def test_rules_from_report_18_in_other_words():
    """Report 18 missed these; the same rules, in words it did not use."""
    assert _read("Chính phủ giao thành phố 7 nhiệm vụ, đã hoàn thành đúng hạn 6 nhiệm vụ.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 7, "chi_dao.nhiem_vu_cap_tren_dung_han": 6}
    assert _read("Công bố 45 TTHC (mới 10, sửa đổi 30, bãi bỏ 5).") == {
        "tthc.tthc_cong_bo_moi": 10, "tthc.tthc_sua_doi": 30, "tthc.tthc_bai_bo": 5}
    assert _read("Văn bản đi gửi điện tử 2.310 văn bản, ký số 2.298 văn bản.") == {
        "cds.van_ban_dien_tu": 2310, "cds.van_ban_ky_so": 2298}


def test_rules_from_reading_set_34_in_other_words():
    """Set 34 misread or missed these; the same rules, in words it did not use."""
    assert _read("Tổng số hồ sơ phải giải quyết trong quý là 812, đã giải quyết 790.") == {
        "tthc.ho_so_tiep_nhan": 812, "tthc.ho_so_da_giai_quyet": 790}
    assert _read("Phường nhận 7 kiến nghị, đã trả lời, giải đáp 6.") == {
        "tthc.pakn_tiep_nhan": 7, "tthc.pakn_da_xu_ly": 6}
    # news bulletins are news items, broadcast or posted (as "phát 36 tin" since set 2); never villages ("bản")
    assert _read("Đài truyền thanh phát 24 bản tin về thủ tục đất đai.") == {"chi_dao.tin_bai": 24}
    assert _read("Xã cấp thẻ bảo hiểm y tế cho 230 trẻ em dưới 6 tuổi.") == {}


def test_our_own_docx_reads_back_every_figure_it_was_drafted_from(assistant):
    """Last period's report is often our own draft, edited and signed. Its statistics appendix is a table whose row
    labels are the schema's own: a row "11 | Phản ánh, kiến nghị đã xử lý | phản ánh | 06" was read as complaints
    received (its unit noun), and "4 | Nhiệm vụ … đã hoàn thành (lũy kế) | nhiệm vụ | 14" as the plan's tasks. Read as
    the importer reads the .docx, every figure of the drafts of three units comes back exactly."""
    from decimal import Decimal

    from corpus.loaders import load_bytes
    from drafting.inputs.files import load_figures_file
    from drafting.render.docx import render_docx

    for name in ("dong-nai-vp-q1-2023", "xa-bat-xat-9t-2026", "so-y-te-ha-tinh-nam-2026"):
        folder = "drafting" if name.startswith("dong-nai") else "substance"
        data = load_figures_file(Path(f"evals/cases/{folder}/{name}.yaml"))
        text = load_bytes(render_docx(assistant.draft_input(data)), "bao-cao.docx").text
        got = read_report(text).values()
        wrong = {k: (v, got.get(k)) for k, v in data.figures.values.items() if got.get(k) != Decimal(str(v))}
        assert not wrong, (name, wrong)
    row = "11 | Phản ánh, kiến nghị đã xử lý | phản ánh | 06 |  | "
    assert [(f.key, f.value) for f in read_paragraph(row, "phu_luc").figures] == [("tthc.pakn_da_xu_ly", 6)]


def test_set_36_rules_in_other_words():
    """Set 36's misses, said again by other units: small counts in words, a same-day share of resolved dossiers, legal
    documents beside plans under one verb, last year's count before "năm nay" — and the look-alikes left alone."""
    from drafting.inputs.chat_reader import read_message

    def values(text):
        return {f.key: int(f.value) for f in read_message(text).figures}

    assert values("Phường tổ chức ba hội nghị chuyên đề và hai đợt kiểm tra CCHC.") == {"chi_dao.hoi_nghi": 3,
                                                                                     "chi_dao.cuoc_kiem_tra": 2}
    assert values("Xã tổ chức mười hai buổi tuyên truyền CCHC tại các bản.") == {"chi_dao.buoi_tuyen_truyen": 12}
    # "một cửa", "một số", "thứ hai", "hài lòng", "Ba Tơ" count nothing
    assert values("Bộ phận một cửa xã Ba Tơ tiếp nhận một số hồ sơ; thứ hai hội nghị giao ban bàn về tỷ lệ hài lòng.") == {}
    read = read_message("Xã giải quyết xong trong ngày 96 hồ sơ chứng thực, đã giải quyết 1.240 hồ sơ.")
    assert {f.key: int(f.value) for f in read.figures} == {"tthc.ho_so_da_giai_quyet": 1240}
    assert values("UBND phường ban hành 2 quyết định quy phạm pháp luật và 7 kế hoạch triển khai CCHC.") == {
        "the_che.vbqppl_ban_hanh": 2, "chi_dao.van_ban_chi_dao": 7}
    assert values("Tỉnh ban hành 4 quyết định quy phạm pháp luật và 3 nghị quyết của HĐND tỉnh.") == {"the_che.vbqppl_ban_hanh": 7}
    past = read_message("Năm trước phường giải quyết 2.310 hồ sơ; năm nay phường giải quyết 2.655 hồ sơ.")
    assert {f.key: int(f.value) for f in past.figures} == {"tthc.ho_so_da_giai_quyet": 2655}
    assert any(u.quote == "2.310" and "năm trước" in u.reason for u in past.unread)
    # a year named with an earlier one beside it is this year
    assert values("Năm 2026 xã tiếp nhận 1.420 hồ sơ, năm nay tăng 96 hồ sơ so với năm 2025.") == {"tthc.ho_so_tiep_nhan": 1420}


def test_a_rounds_number_is_its_order_not_a_count():
    """Set 37's one misread, said again by other units: "đợt 2 kiểm tra" is the second round, so the count beside it
    is the places checked — and "3 đợt" after its number still counts rounds."""
    from drafting.inputs.chat_reader import read_message

    def values(text):
        return {f.key: int(f.value) for f in read_message(text).figures}

    assert values("Phòng Nội vụ thực hiện đợt 3 kiểm tra CCHC tại 07 trường học, phát hiện 5 tồn tại.") == {
        "chi_dao.co_quan_duoc_kiem_tra": 7, "chi_dao.van_de_phat_hien": 5}
    assert values("Đoàn kiểm tra đợt 1 của huyện làm việc tại 4 trạm y tế xã.") == {"chi_dao.co_quan_duoc_kiem_tra": 4}
    assert values("Phường tổ chức 3 đợt kiểm tra CCHC.") == {"chi_dao.cuoc_kiem_tra": 3}


def test_report_19_rules_in_other_words():
    """Held-out report 19's two misses, said again by other units: a revenue said as "N tháng thu X triệu đồng" after
    its estimate, and complaints answered "trả lời 4/4." with the next sentence opening on a word that is also a noun
    ("Ban", "Phòng") — the full stop was taken into the fraction's number. The look-alikes stay unread."""
    from drafting.inputs.figure_text import read_figures

    def values(text, section):
        return {f.key: int(f.value) for f in read_figures(text, section=section).figures}

    assert values("Dự toán thu ngân sách năm 2026 là 1.450 triệu đồng; 6 tháng thu 812 triệu đồng.", "II.5") == {
        "tai_chinh.thu_ngan_sach_du_toan": 1450, "tai_chinh.thu_ngan_sach_thuc_hien": 812}
    assert values("Quý I thu hồi 95 triệu đồng sai phạm.", "II.5") == {}
    got = values("Phòng tiếp nhận 7 phản ánh của người dân, đã giải quyết, trả lời 7/7. Phòng thu về 310 phiếu khảo "
                 "sát.", "II.2")
    assert got["tthc.pakn_da_xu_ly"] == 7 and got["tthc.phieu_khao_sat"] == 310, got


def test_last_years_counts_beside_this_years_in_any_order():
    """Found trying the chat as a new official: "Năm nay xã tổ chức ba hội nghị …, năm ngoái hai hội nghị. Năm 2025 xã
    tiếp nhận 1.640 hồ sơ; năm nay xã tiếp nhận 1.812 hồ sơ …" took 1.640 as this year's (only a past year before the
    first "năm nay" was looked for, and never after a comma), left 1.812 unread and kept "Năm ngoái hai hội nghị" as an
    activity. Here other words: a past year after this year's, after a comma, and before a later "năm nay"."""
    from drafting.inputs.chat_reader import read_message

    text = ("Năm nay phường tổ chức 4 buổi tuyên truyền CCHC, năm trước 3 buổi. Năm 2025 phường giải quyết 900 hồ sơ; "
            "năm nay phường giải quyết 1.020 hồ sơ.")
    year = read_message(text, last_year=2025)
    assert {f.key: int(f.value) for f in year.figures} == {"chi_dao.buoi_tuyen_truyen": 4, "tthc.ho_so_da_giai_quyet": 1020}
    assert {f.key: int(f.value) for f in year.same_period} == {"chi_dao.buoi_tuyen_truyen": 3,
                                                               "tthc.ho_so_da_giai_quyet": 900}
    assert not year.facts and not year.unread
    quarter = read_message(text)  # no year report: last year's counts are shown back unused, never kept
    assert {f.key: int(f.value) for f in quarter.figures} == {"chi_dao.buoi_tuyen_truyen": 4,
                                                              "tthc.ho_so_da_giai_quyet": 1020}
    assert sorted(u.quote for u in quarter.unread) == ["3", "900"] and not quarter.same_period


def test_set_38_rules_in_other_words():
    """Set 38's misses, said again by other units: "lần 2" like "đợt 2" is an order; "cả năm thu X triệu đồng" as "9
    tháng thu"; "2 nghị quyết của HĐND … và 1 quyết định QPPL của UBND …" one sum; the channel of dossiers resolved has no figure. The look-alikes stay apart."""
    from drafting.inputs.chat_reader import read_message

    def values(text):
        return {f.key: int(f.value) for f in read_message(text).figures}

    assert values("Huyện kiểm tra lần 3 công tác CCHC tại 9 xã, phát hiện 6 tồn tại.") == {
        "chi_dao.co_quan_duoc_kiem_tra": 9, "chi_dao.van_de_phat_hien": 6}
    assert values("Dự toán thu ngân sách xã năm 2026 là 3.800 triệu đồng; cả năm thu 4.020 triệu đồng.") == {
        "tai_chinh.thu_ngan_sach_du_toan": 3800, "tai_chinh.thu_ngan_sach_thuc_hien": 4020}
    assert values("Thị xã ban hành 3 nghị quyết của HĐND thị xã và 2 quyết định quy phạm pháp luật của UBND thị xã.") == {
        "the_che.vbqppl_ban_hanh": 5}
    assert values("Huyện có 3 nghị quyết và 2 quyết định quy phạm pháp luật còn hiệu lực.") == {}
    resolved = read_message("Phòng giải quyết 2.050 hồ sơ, trong đó trực tuyến 1.630 hồ sơ.")
    assert {f.key: int(f.value) for f in resolved.figures} == {"tthc.ho_so_da_giai_quyet": 2050}
    assert [u.quote for u in resolved.unread] == ["1.630"]
    assert values("Phòng tiếp nhận 2.050 hồ sơ, trong đó trực tuyến 1.630 hồ sơ.") == {
        "tthc.ho_so_tiep_nhan": 2050, "tthc.ho_so_truc_tuyen": 1630}
    # "3 lần" after its number still counts: three sessions of outreach
    assert values("Xã tổ chức tuyên truyền 3 lần trong quý.") == {"chi_dao.buoi_tuyen_truyen": 3}


def test_chat_set_26_rules_in_other_words():
    """Chat set 26's two misses, said again by other units: the other documents issued beside a named plan, with a
    word of what they do ("… và 5 văn bản hướng dẫn khác"); an estimate of fees whose pair "phí, lệ phí" holds a comma."""
    from drafting.inputs.chat_reader import read_message

    def values(text):
        return {f.key: int(f.value) for f in read_message(text).figures}

    assert values("Phường ban hành Kế hoạch số 07/KH-UBND ngày 12/01/2027 về CCHC và 5 văn bản hướng dẫn khác.") == {
        "chi_dao.van_ban_chi_dao": 6}
    assert values("Dự toán thu phí, lệ phí năm 2026 của Ban là 1.250 triệu đồng.") == {"tai_chinh.thu_ngan_sach_du_toan": 1250}


def test_set_39_rules_in_other_words():
    """Reading set 39's three faults, said again by other units and in other words: dossiers still open carried on to
    the next part of the year (not carried in — unless the report is that part's own); a rate said first, then its
    count "trên tổng số" its base; every outgoing document sent electronically, said as "100% … điện tử"."""
    from drafting.inputs.chat_reader import read_message

    def values(text, next_period=""):
        return {f.key: int(f.value) for f in read_message(text, next_period).figures}

    assert values("Số hồ sơ chưa giải quyết xong chuyển sang 6 tháng cuối năm là 42 hồ sơ.") == {
        "tthc.ho_so_dang_giai_quyet": 42}
    assert values("Hồ sơ tồn chuyển qua quý IV: 18 hồ sơ.", "quý IV năm 2026") == {"tthc.ho_so_dang_giai_quyet": 18}
    # in a report of quý IV's own (the year's, next period "năm 2027"), dossiers moved into quý IV came in
    assert values("Hồ sơ tồn chuyển qua quý IV: 18 hồ sơ.", "năm 2027") == {"tthc.ho_so_ky_truoc": 18}
    assert values("Tỷ lệ hồ sơ trực tuyến đạt 75% với 1.500 hồ sơ trên tổng số 2.000 hồ sơ tiếp nhận.") == {
        "tthc.ho_so_truc_tuyen": 1500, "tthc.ho_so_tiep_nhan": 2000}
    assert values("Xã phát hành 640 văn bản đi, 100% được gửi dưới dạng điện tử và ký số.") == {
        "cds.van_ban_dien_tu": 640, "cds.van_ban_ky_so": 640}
    # documents received are no count of the unit's electronic documents
    assert values("Xã tiếp nhận 900 văn bản đến, 100% điện tử.") == {}


def test_chat_set_27_rules_in_other_words():
    """Chat set 27's faults, said again by other units: a ward whose name carries a number, typed without diacritics
    and with them (the number no figure); a conference named beside a count of other meetings under one verb."""
    from drafting.inputs.chat_reader import read_message

    for typed in ("soan bao cao CCHC quy I nam 2027 cua UBND phuong Ha Giang 2 tinh Tuyen Quang",
                  "Soạn báo cáo CCHC quý I năm 2027 của UBND phường Hà Giang 2, tỉnh Tuyên Quang"):
        r = read_message(typed)
        assert r.meta.locality == "phường Hà Giang 2" and not r.unread and not r.figures, typed
    r = read_message("Xã tổ chức hội nghị tổng kết công tác CCHC năm 2025 và 3 cuộc họp chuyên đề về chuyển đổi số.")
    assert {f.key: int(f.value) for f in r.figures} == {"chi_dao.hoi_nghi": 4}
    assert "1 hội nghị đã nêu + 3" in r.figures[0].note
    # counts of meetings said each with its number are not added to
    assert {f.key: int(f.value) for f in read_message("Xã tổ chức 2 hội nghị về CCHC.").figures} == {"chi_dao.hoi_nghi": 2}


def test_meetings_of_two_names_are_one_figure():
    """"Xã tổ chức 2 hội nghị và 3 cuộc họp về CCHC" read 2: the figure counts conferences and meetings alike
    ("Hội nghị, cuộc họp về CCHC"), so the second count was lost inside the activity's words. Both are summed,
    joined by "và" or a comma, and noted; a dialogue or an inspection beside a conference keeps its own figure."""
    from drafting.inputs.chat_reader import read_message

    def read(text):
        return {f.key: (int(f.value), f.note) for f in read_message(text).figures}

    got = read("Phường tổ chức 4 cuộc họp giao ban và 1 hội thảo về chỉ số hài lòng.")
    assert got["chi_dao.hoi_nghi"][0] == 5 and "cộng trong phần mềm" in got["chi_dao.hoi_nghi"][1], got
    assert read("Sở tổ chức 1 hội nghị, 2 tọa đàm về CCHC.")["chi_dao.hoi_nghi"][0] == 3
    assert {k: v for k, (v, _) in read("Xã tổ chức 2 hội nghị và 3 cuộc đối thoại với người dân.").items()} == {
        "chi_dao.hoi_nghi": 2, "chi_dao.doi_thoai": 3}


def test_report_20_rules_in_other_words():
    """Report held-out 20's faults, in other units' words: dossiers still open carried on to the next year, said before
    their count, in a report's paragraph (the chat's rule, now the report reader's too); fees paid online "phí, lệ
    phí" whose pair holds a comma; tasks "giao" a unit before their count; one body named beside the places checked;
    a conference named beside other meetings in a report."""
    from drafting.inputs.chat_reader import read_message
    from drafting.inputs.report_text import read_report

    def report(section_head, para, title="BÁO CÁO\nKết quả công tác cải cách hành chính năm 2026"):
        return {f.key: int(f.value) for f in read_report(f"{title}\n{section_head}\n{para}\n").figures}

    carried = ("2. Cải cách thủ tục hành chính", "Phường đã giải quyết 960 hồ sơ; hồ sơ chưa giải quyết xong chuyển sang "
               "năm 2027 là 31 hồ sơ.")
    assert report(*carried) == {"tthc.ho_so_da_giai_quyet": 960, "tthc.ho_so_dang_giai_quyet": 31}
    # the same words in the report of quý I 2027 are the dossiers carried in; with no title, no year to tell by
    assert report(*carried, title="BÁO CÁO\nKết quả công tác CCHC quý I năm 2027")["tthc.ho_so_ky_truoc"] == 31
    assert "tthc.ho_so_dang_giai_quyet" not in report(*carried, title="")
    assert report("2. Cải cách thủ tục hành chính", "Thanh toán trực tuyến phí, lệ phí được 640 hồ sơ trên tổng số "
                  "702 hồ sơ phát sinh phí.") == {"tthc.thanh_toan_truc_tuyen": 640, "tthc.ho_so_co_phi": 702}
    assert report("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "Sở Nội vụ giao phường 6 nhiệm vụ; phường hoàn thành đúng hạn 6 "
                  "nhiệm vụ.") == {"chi_dao.nhiem_vu_cap_tren_giao": 6, "chi_dao.nhiem_vu_cap_tren_dung_han": 6}
    assert report("I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", "Phường tổ chức Hội nghị sơ kết công tác CCHC 6 tháng và 2 cuộc "
                  "họp giao ban về chỉ số SIPAS.") == {"chi_dao.hoi_nghi": 3}
    checked = next(f for f in read_message("Phường kiểm tra CCHC tại 8 tổ dân phố và Trung tâm Phục vụ hành chính "
                                           "công phường.").figures)
    assert (checked.key, int(checked.value)) == ("chi_dao.co_quan_duoc_kiem_tra", 9)
    assert checked.noun == "cơ quan, đơn vị (8 tổ dân phố và Trung tâm Phục vụ hành chính công phường)"
    # set 40: places listed with a comma ("14 sở, ngành và Trung tâm …")
    assert {f.key: int(f.value) for f in read_message("Huyện kiểm tra tại 6 phòng, ban và Văn phòng HĐND và UBND "
                                                        "huyện.").figures} == {"chi_dao.co_quan_duoc_kiem_tra": 7}
    # a count after the body is its own: no one more
    assert {f.key: int(f.value) for f in read_message("Xã kiểm tra tại 5 thôn và Bộ phận Một cửa 2 lần.").figures} == {
        "chi_dao.co_quan_duoc_kiem_tra": 5}


def test_public_investment_capital_said_first_is_the_plan():
    """Set 38 left "Vốn đầu tư công năm 2026 của tỉnh là 6.240 tỷ đồng, 6 tháng giải ngân 2.108 tỷ đồng" unread: a rule
    that read "vốn đầu tư công … là X" as the plan was dropped in session 29, as it took "Giải ngân vốn đầu tư công …"
    too. The plan is the capital a sentence opens on, with no spending said before the amount, when spending follows or
    the capital is said given; here in other units' words."""
    from drafting.inputs.chat_reader import read_message

    def values(text):
        return {f.key: float(f.value) for f in read_message(text).figures}

    assert values("Vốn đầu tư công năm 2026 của phường là 15.600 triệu đồng; đến 30/9 đã giải ngân 11.240 triệu đồng.") == {
        "tai_chinh.von_dau_tu_ke_hoach": 15600, "tai_chinh.von_dau_tu_giai_ngan": 11240}
    assert values("Tổng vốn đầu tư công được giao năm 2027 là 940 tỷ đồng.") == {"tai_chinh.von_dau_tu_ke_hoach": 940000}
    assert values("Đặc khu được giao vốn đầu tư công 210 tỷ đồng, giải ngân 96 tỷ đồng.") == {
        "tai_chinh.von_dau_tu_ke_hoach": 210000, "tai_chinh.von_dau_tu_giai_ngan": 96000}
    # spending said first stays spending, whatever follows
    assert values("Giải ngân vốn đầu tư công được giao quản lý đạt 77 tỷ đồng.") == {"tai_chinh.von_dau_tu_giai_ngan": 77000}
    assert values("Vốn đầu tư công đã giải ngân là 77 tỷ đồng.") == {"tai_chinh.von_dau_tu_giai_ngan": 77000}


def test_chat_set_28_rules_in_other_words():
    """Chat set 28's faults, in other words: the one body named beside the places checked is counted when the next
    clause brings its own number after a comma; "N cuộc họp giao ban (chuyên đề) về CCHC" says no more than its count,
    and neither does "2 hội nghị và 3 cuộc họp"; a conference named beside counted meetings stays an activity."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Phường kiểm tra tại 5 khu phố và Bộ phận Một cửa, qua kiểm tra phát hiện 3 tồn tại.")
    assert {f.key: int(f.value) for f in r.figures} == {"chi_dao.co_quan_duoc_kiem_tra": 6, "chi_dao.van_de_phat_hien": 3}
    for said in ("Sở tổ chức 5 cuộc họp chuyên đề về cải cách hành chính.", "Xã tổ chức 1 hội nghị và 4 cuộc họp về CCHC."):
        r = read_message(said)
        assert not r.facts and r.figures[0].key == "chi_dao.hoi_nghi", (said, r.facts)
    r = read_message("Phường tổ chức Tọa đàm về dịch vụ công trực tuyến ngày 08/4/2026 và 3 cuộc họp về CCHC.")
    assert [(f.kind, f.text) for f in r.facts] == [
        ("event", "Phường tổ chức Tọa đàm về dịch vụ công trực tuyến ngày 08/4/2026")], r.facts
    assert int(r.figures[0].value) == 4


def test_set_41_rules_in_other_words():
    """Set 41 read the forms handed out as the forms returned ("Phát ra 300 phiếu khảo sát, thu về 287 phiếu") and
    added the central agencies' procedures to the commune's ("290 TTHC cấp xã và 147 TTHC ngành dọc"); here in other
    units' words. The forms handed out stay unread with their reason; a level's count takes no part of another's,
    while two counts of one kind still add up."""
    from drafting.inputs.chat_reader import read_message

    def values(text):
        return {f.key: int(f.value) for f in read_message(text).figures}

    r = read_message("Trung tâm gửi 1.200 phiếu khảo sát tới người dân, thu về 1.146 phiếu, hài lòng đạt 98,1%.")
    assert {f.key: float(f.value) for f in r.figures} == {"tthc.phieu_khao_sat": 1146, "tthc.ty_le_hai_long": 98.1}
    assert [u.quote for u in r.unread] == ["1.200"] and "phát ra" in r.unread[0].reason
    assert values("Số phiếu khảo sát phát ra: 640, số phiếu thu về 612.") == {"tthc.phieu_khao_sat": 612}
    # said alone, the forms handed out are the survey's count (set 13: "phát hành 1.036 phiếu lấy ý kiến")
    assert values("Phường phát ra 350 phiếu lấy ý kiến người dân.") == {"tthc.phieu_khao_sat": 350}
    assert values("Huyện có 352 TTHC, trong đó 198 TTHC cấp huyện và 61 TTHC thuộc cơ quan ngành dọc.") == {
        "tthc.tthc_tong_so": 352, "tthc.tthc_cap_huyen": 198}
    assert values("Tuyển dụng 6 công chức qua thi tuyển và 3 công chức qua xét tuyển.") == {"cong_vu.tuyen_dung_cong_chuc": 9}



def test_report_21_rule_in_other_words():
    """Held-out report 21 left "Bồi dưỡng chuyên môn, nghiệp vụ cho 4.820 lượt người" unread: the comma inside the
    training's own name cut the clause from its verb. Here in other words; a comma before another count still cuts."""
    from drafting.inputs.chat_reader import read_message

    def values(text):
        return {f.key: int(f.value) for f in read_message(text).figures}

    assert values("Phường mở 2 lớp bồi dưỡng chuyên môn, nghiệp vụ cho 86 lượt người.") == {"cong_vu.boi_duong": 86}
    assert values("Huyện tổ chức bồi dưỡng chuyên môn, nghiệp vụ cho 312 lượt người.") == {"cong_vu.boi_duong": 312}
    assert values("Sở có 5 phòng chuyên môn, 2 đơn vị sự nghiệp công lập.") == {"to_chuc.don_vi_su_nghiep": 2}


def test_a_meeting_on_another_field_is_no_reform_meeting():
    """Set 40 read "3 cuộc đối thoại với doanh nghiệp và 1 hội nghị xúc tiến đầu tư" as one reform meeting besides
    the dialogues. A meeting named by another field (investment promotion, defence, disaster prevention, new
    countryside) is no count of the table's meetings: left unread with its reason, its words kept as the official's;
    the same meeting said to serve the reform still counts. Here in other units' words."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Phường tổ chức 2 cuộc họp về CCHC và 1 hội nghị triển khai nhiệm vụ quốc phòng, an ninh.")
    assert {f.key: int(f.value) for f in r.figures} == {"chi_dao.hoi_nghi": 2}, r.figures
    assert any("1 hội nghị triển khai nhiệm vụ quốc phòng" in f.text for f in r.facts), r.facts
    r = read_message("Xã họp 3 cuộc về CCHC; tổ chức 1 hội nghị xúc tiến đầu tư vào cụm công nghiệp.")
    assert "chi_dao.hoi_nghi" not in {f.key for f in r.figures if f.quote == "1"}
    assert any(u.quote == "1" and "lĩnh vực khác" in u.reason for u in r.unread) or any(
        "xúc tiến đầu tư" in f.text for f in r.facts), (r.unread, r.facts)
    r = read_message("Huyện tổ chức 4 cuộc đối thoại với Nhân dân và 1 hội nghị xúc tiến thương mại.")
    assert {f.key: int(f.value) for f in r.figures} == {"chi_dao.doi_thoai": 4}
    assert [f.text for f in r.facts] == ["1 hội nghị xúc tiến thương mại"], r.facts
    r = read_message("Tỉnh tổ chức 1 hội nghị xúc tiến đầu tư gắn với cải cách thủ tục hành chính.")
    assert {f.key: int(f.value) for f in r.figures} == {"chi_dao.hoi_nghi": 1}
    # the next meeting's reform is not this one's; "phát hành N phiếu" are forms handed out (set 42, in other words)
    r = read_message("Xa to chuc 1 hoi nghi ve xay dung nong thon moi va 3 cuoc hop giao ban ve CCHC.")
    assert {f.key: int(f.value) for f in r.figures} == {"chi_dao.hoi_nghi": 3}, r.figures
    r = read_message("Phường phát hành 250 phiếu khảo sát, nhận lại 241 phiếu.")
    assert {f.key: int(f.value) for f in r.figures} == {"tthc.phieu_khao_sat": 241}, r.figures


def test_documents_said_apart_from_the_legal_ones():
    """"3 quyết định và 2 quyết định QPPL" read 3 as legal documents (the sentence named them) and left the 2 unread;
    "…, 1 quyết định QPPL" after other documents under one verb was left unread. Documents said apart from the legal
    ones that follow are not legal ones; the legal ones under the same verb are. Here in other units' words."""
    from drafting.inputs.chat_reader import read_message

    def values(text):
        return {f.key: int(f.value) for f in read_message(text).figures}

    assert values("UBND phường ban hành 4 quyết định và 1 quyết định quy phạm pháp luật.") == {
        "chi_dao.van_ban_chi_dao": 4, "the_che.vbqppl_ban_hanh": 1}
    assert values("Xã ban hành 2 kế hoạch về CCHC, 3 quyết định QPPL.") == {
        "chi_dao.van_ban_chi_dao": 2, "the_che.vbqppl_ban_hanh": 3}
    # a legal count first keeps its own kind, and the plans after it are direction documents
    assert values("Huyện ban hành 2 quyết định quy phạm pháp luật và 8 kế hoạch về CCHC.") == {
        "the_che.vbqppl_ban_hanh": 2, "chi_dao.van_ban_chi_dao": 8}


def test_two_meetings_in_one_clause_are_two_facts():
    """Chat set 30 kept "1 hội nghị triển khai nhiệm vụ CCHC năm 2027 và 1 hội nghị về công tác giảm nghèo" as one
    event. A second counted meeting that is no figure (another field's) is its own fact; two counts summed into one
    figure stay one figure and no fact. Here in other words."""
    from drafting.inputs.chat_reader import read_message

    r = read_message("Phường tổ chức 1 hội nghị sơ kết công tác CCHC 6 tháng và 1 cuộc họp về phòng chống thiên tai.")
    assert [(f.key, int(f.value)) for f in r.figures] == [("chi_dao.hoi_nghi", 1)]
    assert [f.text for f in r.facts] == ["Phường tổ chức 1 hội nghị sơ kết công tác CCHC 6 tháng",
                                         "1 cuộc họp về phòng chống thiên tai"], r.facts
    r = read_message("Xã tổ chức 1 hội nghị và 2 cuộc họp giao ban về CCHC.")
    assert [(f.key, int(f.value)) for f in r.figures] == [("chi_dao.hoi_nghi", 3)] and not r.facts, r.facts


def test_set_43_rules_in_other_words():
    """Set 43 read procedures "được chuẩn hóa" as new ones and "8 sở, ngành, 20 xã, phường" (a comma, no "và") as 8
    places. Procedures restated are of every kind — no count of new ones, whether "chuẩn hóa" comes before or after
    the count; two groups of places a comma joins are one count of places checked. Here in other units' words."""
    from drafting.inputs.chat_reader import read_message

    def values(text):
        return {f.key: int(f.value) for f in read_message(text).figures}

    assert values("Sở trình công bố danh mục 84 thủ tục hành chính được chuẩn hóa thuộc lĩnh vực xây dựng.") == {}
    assert values("UBND tỉnh công bố chuẩn hóa 57 TTHC.") == {}
    assert values("Đã công bố 12 TTHC mới và bãi bỏ 4 TTHC.") == {"tthc.tthc_cong_bo_moi": 12, "tthc.tthc_bai_bo": 4}
    assert values("Đoàn kiểm tra của huyện kiểm tra 5 cơ quan, đơn vị, 9 xã, thị trấn.") == {"chi_dao.co_quan_duoc_kiem_tra": 14}
    assert values("Kiểm tra 6 cơ quan, phát hiện 4 tồn tại.") == {"chi_dao.co_quan_duoc_kiem_tra": 6, "chi_dao.van_de_phat_hien": 4}


def test_set_52_rules_in_other_words():
    """Set 52: "tiếp nhận 6 phản ánh …, tất cả đã được xử lý" left the handled count unread; "không để xảy ra trường
    hợp công chức vi phạm phải xử lý kỷ luật" (a zero said in words) was missed. Here other units' words — and the
    same words as an aim stay no figure."""
    assert values("Ghi nhận 11 kiến nghị của người dân về thủ tục, đều đã được giải quyết.") == {
        "tthc.pakn_tiep_nhan": 11, "tthc.pakn_da_xu_ly": 11}
    assert values("Kiểm tra 5 phòng chuyên môn, phát hiện 3 tồn tại, toàn bộ đã khắc phục.") == {
        "chi_dao.co_quan_duoc_kiem_tra": 5, "chi_dao.van_de_phat_hien": 3, "chi_dao.van_de_da_xu_ly": 3}
    assert values("Trong năm không để xảy ra trường hợp viên chức bị xử lý kỷ luật.") == {"cong_vu.ky_luat": 0}
    assert values("Tiếp tục không để xảy ra trường hợp công chức bị kỷ luật.") == {}
    assert values("Phấn đấu không để xảy ra trường hợp cán bộ phải xử lý kỷ luật.") == {}


def test_report_28_rules_in_other_words():
    """Report 28 (a department of justice): "9 lớp tập huấn, phổ biến pháp luật cho 1.150 lượt cán bộ, công chức và
    người dân" was left unread (and without the comma its people became staff trained); "phát hiện 2 văn bản …, tất cả
    đã được cơ quan ban hành xử lý" left the handled count unread; "Phòng Công chứng số 1" was asked about as a count.
    Here other units' words (the first once read "phối hợp mở 5" as five meetings: "phối hợp" folds to a "họp"); a staff
    course without the law stays training."""
    assert values("Phối hợp mở 5 lớp tập huấn, tuyên truyền pháp luật cho 640 lượt người.") == {
        "the_che.pbgdpl_buoi": 5, "the_che.pbgdpl_luot_nguoi": 640}
    assert values("Mở 2 lớp tập huấn phổ biến pháp luật về đất đai cho 210 lượt cán bộ và nhân dân.") == {
        "the_che.pbgdpl_buoi": 2, "the_che.pbgdpl_luot_nguoi": 210}
    assert values("Mở 3 lớp tập huấn nghiệp vụ một cửa cho 85 lượt công chức.") == {"cong_vu.boi_duong": 85}
    assert values("Rà soát 20 văn bản, phát hiện 3 văn bản cần sửa đổi, toàn bộ đã được HĐND xã xử lý.") == {
        "the_che.vbqppl_ra_soat": 20, "the_che.vbqppl_ra_soat_phai_xu_ly": 3, "the_che.vbqppl_ra_soat_da_xu_ly": 3}
    r = read_message("Trường Mầm non số 3 và Bệnh viện Đa khoa số 2 tiếp nhận 56 hồ sơ.")
    assert {f.key: int(f.value) for f in r.figures} == {"tthc.ho_so_tiep_nhan": 56} and r.unread == []


def test_set_53_rule_in_other_words():
    """Set 53: "giải ngân … đạt 40,2 tỷ đồng/65 tỷ đồng được giao" left the plan unread — the unit of money said before
    the slash as well as after it. Here other words; a slash after a count of people stays no money's base."""
    assert values("Thu ngân sách trên địa bàn đạt 2.840 triệu đồng/4.000 triệu đồng.") == {
        "tai_chinh.thu_ngan_sach_thuc_hien": 2840, "tai_chinh.thu_ngan_sach_du_toan": 4000}
    assert values("Đã giải ngân 18,5 tỷ đồng / 30 tỷ đồng vốn đầu tư công.") == {
        "tai_chinh.von_dau_tu_giai_ngan": 18500, "tai_chinh.von_dau_tu_ke_hoach": 30000}


def test_report_29_rule_in_other_words():
    """Report 29: "… quá hạn 19 hồ sơ (chủ yếu lĩnh vực đất đai). Sở đã có văn bản xin lỗi đối với toàn bộ hồ sơ quá hạn"
    left the letters unread (the late ones named again only across a ";"), and the letters alone were taken for a
    shortcoming of section III. Here other words; a year in the next sentence keeps it apart."""
    r = read_message("Trễ hạn 5 hồ sơ. Xã đã gửi thư xin lỗi đối với tất cả các hồ sơ trễ hạn.")
    assert {f.key: int(f.value) for f in r.figures} == {"tthc.ho_so_qua_han": 5, "tthc.van_ban_xin_loi": 5}
    assert r.facts == []
    assert values("Quá hạn 5 hồ sơ. Năm 2025 xã đã gửi thư xin lỗi đối với toàn bộ hồ sơ quá hạn.") == {
        "tthc.ho_so_qua_han": 5}


def test_an_account_target_said_with_its_giver_is_no_task():
    """Found writing set 53's rule: "Chỉ tiêu tài khoản định danh tỉnh giao 16.000" was read as 16.000 tasks set from
    above ("tỉnh giao" names those) — the target of identity accounts the line names first."""
    assert values("Chỉ tiêu tài khoản định danh điện tử huyện giao 9.500; đã kích hoạt 8.870 tài khoản.") == {
        "cds.tai_khoan_dinh_danh_chi_tieu": 9500, "cds.tai_khoan_dinh_danh": 8870}
    assert values("Nhiệm vụ tỉnh giao 14, đã hoàn thành 12.") == {
        "chi_dao.nhiem_vu_cap_tren_giao": 14, "chi_dao.nhiem_vu_cap_tren_dung_han": 12}


def test_a_quarter_of_a_longer_period_is_asked_not_taken():
    """Issue 14's open case: in a nine-month report, "Quý III xã tiếp nhận 410 hồ sơ" was taken as the period's
    dossiers. A clause led by one of the report's own quarters gives a part of its figures: shown back and asked for the
    whole period's count, never kept; the quarter that is the period itself, and a report of unknown period, read it."""
    part = read_message("Riêng quý II phường giải quyết 530 hồ sơ, quá hạn 2 hồ sơ.", "quý III năm 2026", period="6 tháng")
    assert part.figures == [] and {u.quote for u in part.unread} == {"530", "2"}
    assert "một quý trong kỳ" in part.unread[0].reason
    whole = read_message("Năm 2026 xã tiếp nhận 1.640 hồ sơ; quý IV tiếp nhận 402 hồ sơ.", "năm 2027", period="năm")
    assert [(f.key, int(f.value)) for f in whole.figures] == [("tthc.ho_so_tiep_nhan", 1640)]
    assert values("Quý I xã tiếp nhận 410 hồ sơ.") == {"tthc.ho_so_tiep_nhan": 410}
    assert [int(f.value) for f in read_message("Quý I xã tiếp nhận 410 hồ sơ.", "quý II năm 2027", period="quý I").figures] == [410]


def test_set_54_rules_in_other_words():
    """Set 54 (typed in a hurry): "1 904" (thousands set apart by a space) was read as 1, "tn 2.312 hs" left unread,
    "Bình quân mỗi ngày Bộ phận Một cửa tiếp nhận 38 hồ sơ" read as the period's dossiers. Here other words; "tháng 3
    150 hồ sơ" joins no month to a count, and "đoàn tn" stays the youth union."""
    assert values("Đã giải quyết 3 120 hồ sơ.") == {"tthc.ho_so_da_giai_quyet": 3120}
    assert values("Hồ sơ nộp trực tuyến: 2 415.") == {"tthc.ho_so_truc_tuyen": 2415}
    assert values("Quý này tn 845 hồ sơ.") == {"tthc.ho_so_tiep_nhan": 845}
    assert values("Trung bình mỗi tháng bộ phận một cửa xã tiếp nhận khoảng 210 hồ sơ.") == {}
    assert values("Bình quân một ngày tiếp nhận 45 hồ sơ.") == {}
    assert values("Tháng 3 150 hồ sơ được tiếp nhận.") == {"tthc.ho_so_tiep_nhan": 150}  # the month stays a month
    assert values("thang 3 150 ho so duoc tiep nhan") == {"tthc.ho_so_tiep_nhan": 150}  # typed without diacritics too
    assert read_message("Đoàn tn xã tổ chức 2 buổi tuyên truyền.").figures[0].key == "chi_dao.buoi_tuyen_truyen"
