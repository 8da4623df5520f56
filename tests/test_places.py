"""Units of another province named in a report (corpus/places.py, drafting/review/places.py): the gazetteer of both
maps of Vietnam's administrative units, and the reviewer's finding for a sentence copied from another unit's report."""

from corpus.places import load_gazetteer
from corpus.registry import Registry
from drafting.review.checks import review
from drafting.review.document import Para
from drafting.review.places import check_places
from tests.conftest import ROOT

SEED_003 = ROOT / "corpus" / "reports" / "003_8ca837b1dccb8473.txt"


def _provinces(text: str) -> set[str]:
    return {p.province for _, _, places in load_gazetteer().mentions(text) for p in places}


def test_units_of_both_maps_are_found_with_or_without_diacritics():
    assert _provinces("UBND huyện Tứ Kỳ") == {"Hải Dương"}  # a district of the map before 01/7/2025
    assert _provinces("UY BAN NHAN DAN HUYEN TU KY") == {"Hải Dương"}  # OCR without diacritics
    assert "Hồ Chí Minh" in _provinces("Phường Bến Thành")
    assert _provinces("xã có nội dung") == set()  # a name starts with a capital: "xã có" names nothing
    # "đ" and the other accented lower-case letters too (held-out report 4: "Trang thông tin điện tử xã đăng tải …")
    assert _provinces("Trang thông tin điện tử xã đăng tải 18 tin, bài") == set()
    assert len(load_gazetteer().lookup("xã", "Tân Thành")) > 10  # a common name, in many provinces


def _paras(*texts: str) -> list[Para]:
    head = ["ỦY BAN NHÂN DÂN HUYỆN BA TƠ", "ỦY BAN NHÂN DÂN XÃ BA TRANG", "Số: 12/BC-UBND",
            "Ba Trang, ngày 05 tháng 6 năm 2023", "BÁO CÁO", "Cải cách hành chính 6 tháng năm 2023", "", ""]
    return ([Para(text=t, index=i + 1, section="mo_dau") for i, t in enumerate(head)]
            + [Para(text=t, index=len(head) + i + 1, section="I") for i, t in enumerate(texts)])


def test_a_unit_of_another_province_in_the_body_is_said_and_the_own_ones_are_not():
    found = check_places(_paras("UBND phường Bến Thành đã ban hành kế hoạch cải cách hành chính.",
                                "Thực hiện chỉ đạo của UBND huyện Ba Tơ, UBND xã Ba Trang tổ chức 2 hội nghị."))
    assert [(f.kind, f.text, f.paragraph) for f in found] == [("foreign_name", "phường Bến Thành", 9)]
    assert "Quảng Ngãi" in found[0].message and "Hồ Chí Minh" in found[0].message
    # a header that names no known unit: no check, no guess
    bare = [Para(text="BÁO CÁO", index=1, section="mo_dau"),
            Para(text="UBND phường Bến Thành ban hành kế hoạch.", index=2, section="I")]
    assert check_places(bare) == []


def test_the_reviewer_catches_a_sentence_copied_from_another_units_report(tmp_path):
    text = SEED_003.read_text(encoding="utf-8")
    assert [f for f in review(SEED_003, Registry.load()) if f.kind == "foreign_name"] == []
    copied = tmp_path / "ba-trang-sua.txt"
    copied.write_text(text.replace("Nội dung các cuộc họp, hội nghị:",
                                   "Bộ phận Một cửa huyện Lấp Vò tiếp nhận hồ sơ đúng quy trình.\n\n"
                                   "Nội dung các cuộc họp, hội nghị:"), encoding="utf-8")
    found = [f for f in review(copied, Registry.load()) if f.kind == "foreign_name"]
    assert [f.text for f in found] == ["huyện Lấp Vò"] and "Đồng Tháp" in found[0].message


def test_a_unit_of_a_province_merged_into_the_own_one_is_the_reports_own():
    # a ward of Hải Phòng in 2026 rightly names a district of the former Hải Dương, merged into Hải Phòng on 01/7/2025
    head = ["ỦY BAN NHÂN DÂN THÀNH PHỐ HẢI PHÒNG", "ỦY BAN NHÂN DÂN PHƯỜNG LÊ CHÂN", "Số: 88/BC-UBND",
            "Lê Chân, ngày 10 tháng 12 năm 2026", "BÁO CÁO"]
    paras = [Para(text=t, index=i + 1, section="mo_dau") for i, t in enumerate(head)]
    paras += [Para(text="Phối hợp với xã Tứ Kỳ và huyện Tứ Kỳ cũ trao đổi kinh nghiệm.", index=6, section="I"),
              Para(text="Học tập mô hình của phường Bến Thành.", index=7, section="I")]
    assert [f.text for f in check_places(paras)] == ["phường Bến Thành"]
    assert load_gazetteer().region("Hải Dương") == "Hải Phòng" and load_gazetteer().region("Quảng Nam") == "Đà Nẵng"


def test_the_gazetteer_examples_run():
    import doctest

    import corpus.places
    result = doctest.testmod(corpus.places)
    assert result.attempted >= 3 and result.failed == 0


def test_a_province_the_header_names_is_the_reports_own():
    """Written draft 15: "… của UBND tỉnh Lâm Đồng, UBND xã Phú Quý báo cáo" was read as a report of Tiền Giang (the
    one commune the gazetteer calls Phú Quý), so "UBND tỉnh Lâm Đồng" in the body was told to be another province's.
    Here the body names another unit of its own province; then a province the header does not name is still told."""
    def paras(body: str) -> list[Para]:
        head = ["ỦY BAN NHÂN DÂN", "XÃ PHÚ QUÝ", "Số: 40/BC-UBND", "Phú Quý, ngày 15 tháng 6 năm 2026", "BÁO CÁO",
                "Kết quả công tác cải cách hành chính 6 tháng đầu năm 2026",
                "Thực hiện chỉ đạo của UBND tỉnh Lâm Đồng, UBND xã Phú Quý báo cáo như sau:"]
        return ([Para(text=t, index=i + 1, section="mo_dau") for i, t in enumerate(head)]
                + [Para(text=body, index=len(head) + 1, section="I")])

    assert check_places(paras("Thực hiện Kế hoạch của UBND tỉnh Lâm Đồng, xã phối hợp với phường Bảo Lộc.")) == []
    other = check_places(paras("UBND tỉnh Lạng Sơn đã ban hành kế hoạch cải cách hành chính."))
    assert [f.text for f in other] == ["tỉnh Lạng Sơn"] and "Lâm Đồng, nơi của báo cáo" in other[0].message, other


def test_a_commune_name_of_several_provinces_says_no_province():
    """Substance case Quảng Hòa (session 31): the product's draft for "xã Quảng Hòa" of Cao Bằng — a commune the
    gazetteer has in four other provinces, none of them Cao Bằng — was read as a report of all four, and every
    "UBND tỉnh Cao Bằng" in its body was told to be another province's. A name that lies in several provinces as
    often says no province: no check, no guess. A name of one province still sets it."""
    def paras(commune: str, body: str) -> list[Para]:
        head = ["ỦY BAN NHÂN DÂN", f"XÃ {commune.upper()}", "Số: 15/BC-UBND", f"{commune}, ngày 10 tháng 12 năm 2026", "BÁO CÁO"]
        return ([Para(text=t, index=i + 1, section="mo_dau") for i, t in enumerate(head)]
                + [Para(text=body, index=6, section="I")])
    assert len({p.province for p in load_gazetteer().lookup("xã", "Quảng Hòa")}) > 1
    assert check_places(paras("Quảng Hòa", "Thực hiện Kế hoạch số 18/KH-UBND của UBND tỉnh Cao Bằng.")) == []
    assert [f.text for f in check_places(paras("Ba Trang", "Học tập mô hình của phường Bến Thành."))] == ["phường Bến Thành"]
