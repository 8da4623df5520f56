"""Scanned reports read for their figures (issues 13–15): words garbled by OCR mended, the outline found
under garbled or missing headings, the statistics tables after the signature read with their level, and
counts broken down by level (cấp tỉnh / huyện / xã) read into the per-level figures — in chat, in a report
and in the reviewer, which recomputes each level's on-time rate."""

from drafting.inputs.chat_reader import read_message
from drafting.inputs.ocr_words import is_syllable, mend
from drafting.inputs.report_text import read_report, section_lines
from drafting.review.document import Para
from drafting.review.stated import check_stated_figures


def test_garbled_words_are_mended_and_valid_ones_left_alone():
    text = "da giai quyet tra trude va ding han 1.641/1.642 hd so; cdp huyen; s6 ho so; dang giai quyet"
    mended = mend(text)
    assert len(mended) == len(text)  # spans found in the mended text are valid in the original
    assert "truoc va dung han 1.641/1.642" in mended and "cap huyen" in mended and "so ho so" in mended
    assert "dang giai quyet" in mended  # a valid syllable is never changed, though "dung" is one letter away
    assert is_syllable("nghieng") and is_syllable("thuong") and not is_syllable("ding") and not is_syllable("hd")


def test_counts_by_level_in_chat_with_and_without_diacritics():
    got = {f.key: int(f.value) for f in read_message(
        "Cấp tỉnh giải quyết 1.200 hồ sơ, đúng hạn 1.150; cấp huyện giải quyết 800 hồ sơ, đúng hạn 790.").figures}
    assert got == {"tthc.ho_so_da_giai_quyet_cap_tinh": 1200, "tthc.ho_so_dung_han_cap_tinh": 1150,
                   "tthc.ho_so_da_giai_quyet_cap_huyen": 800, "tthc.ho_so_dung_han_cap_huyen": 790}
    got = {f.key: int(f.value) for f in read_message(
        "da giai quyet 4.000 ho so, trong do cap tinh 1.200, cap huyen 800, cap xa 2.000").figures}
    assert got == {"tthc.ho_so_da_giai_quyet": 4000, "tthc.ho_so_da_giai_quyet_cap_tinh": 1200,
                   "tthc.ho_so_da_giai_quyet_cap_huyen": 800, "tthc.ho_so_da_giai_quyet_cap_xa": 2000}
    # one level named: a commune's own desk, its totals
    got = {f.key for f in read_message("Bộ phận Một cửa cấp xã giải quyết 290 hồ sơ, đúng hạn 285 hồ sơ.").figures}
    assert got == {"tthc.ho_so_da_giai_quyet", "tthc.ho_so_dung_han_tong"}


SCAN = """BAO CAO
Ket qua CCHC 6 thang dau nam 2023
I. KET QUA THUC HIEN CONG TAC CCHC 6 THANG PAU NAM 2023
1. Cong tac chi dao, diéu hanh
UBND huyén da ban hanh 63 van ban chi dao trong nim 2023.
3. Cai cach thii tuc hanh chinh
(1) B6 phdn Mot cira cdp huyén: Tiép nhan 1.698 hd so. Trong do, ky
truée chuyén sang giai quyét: 28 ho so; da giai quyét tra trude va ding han 1.641/1.642 hd
so dat ty 16 99,94%.
(2) BY phdn Mot cira cdp xa: da giai quyét tra trudc va dung han 23.359/23.378 ho so.
1. Mat tich cuc
Ty 1é hd so giai quyét dung han dat 99,87%.
IV. PHUONG HUONG, NHIEM VU 6 THANG CUOI NAM
1. Giai quyét 100% hd so dung han; tiép nhan 2.000 hd so.
Trén day 1a bao cao két qua CCHC 6 thang dau nam 2023.
Noi nhan: 05 ban
A2 Biéu méu 3
3.2. | Ty 1& hd so TTHC do UBND cép huyén tiép nhén dugc giai quyéet ding han | % | 96,01%
3.2.1. | Téng s6 hé so TTHC da gidi quyét xong | Hoé so | 79.139
3.2.2. | 86 hé so TTHC gidi quyét ding han | Hé so | 74.605
"""


def test_a_scanned_report_keeps_its_outline_and_reads_each_level():
    sections = {line.strip()[:20]: key for key, _, line in section_lines(SCAN)}
    assert sections["UBND huyén da ban ha"] == "I"  # "1. Công tác chỉ đạo" under a part I titled "Kết quả"
    assert sections["(1) B6 phdn Mot cira"] == "II.2"  # "3. Cải cách thủ tục hành chính", OCR'd
    assert sections["Ty 1é hd so giai quy"] == "III"  # the evaluation, its part III heading lost
    assert sections["Noi nhan: 05 ban"] == "ket_thuc" and sections["3.2.1. | Téng s6 hé "] == "phu_luc"
    reading = read_report(SCAN)
    got = {f.key: int(f.value) for f in reading.figures}
    assert got["chi_dao.van_ban_chi_dao"] == 63  # the year beside it is no figure
    assert got["tthc.ho_so_tiep_nhan"] == 1698 and got["tthc.ho_so_ky_truoc"] == 28
    assert got["tthc.ho_so_dung_han_cap_xa"] == 23359 and got["tthc.ho_so_da_giai_quyet_cap_xa"] == 23378
    levels = [(f.key, int(f.value)) for f in reading.figures if f.key.endswith("_cap_huyen")]
    # the district desk in the body, then the statistics table's row group "3.2. … UBND cấp huyện"
    assert levels == [("tthc.ho_so_dung_han_cap_huyen", 1641), ("tthc.ho_so_da_giai_quyet_cap_huyen", 1642),
                      ("tthc.ho_so_da_giai_quyet_cap_huyen", 79139), ("tthc.ho_so_dung_han_cap_huyen", 74605)]
    # the plan for next period and the signature block are not this period's results; "86" opening a row is "Số"
    assert 2000 not in got.values() and 5 not in got.values() and 86 not in got.values()


def test_the_reviewer_recomputes_each_levels_rate():
    issues = check_stated_figures([Para(text=(
        "Cấp tỉnh giải quyết 31.602 hồ sơ, trước và đúng hạn 31.404 hồ sơ (đạt 99,37%); cấp huyện giải quyết 79.139 "
        "hồ sơ, trước và đúng hạn 74.605 hồ sơ (đạt 96,01%)."), index=1, section="II.2")])
    assert [i.suggestion for i in issues] == ["94,27%"]
    assert "96,01%" in issues[0].message and "74.605" in issues[0].message
