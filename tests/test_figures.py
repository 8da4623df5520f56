"""Figures: Vietnamese formats, parsing, integrity rules, derived rates, periods and metadata."""

import datetime as dt
from decimal import Decimal

import pytest
from pydantic import ValidationError

from drafting.figures.figureset import build_figure_set, changes
from drafting.figures.periods import data_window, next_period_phrase
from drafting.figures.schema import AREAS, FIELDS
from drafting.figures.vnformat import fmt_date_long, fmt_decimal, fmt_int, fmt_percent, parse_vn_number, rate
from drafting.models import ReportMeta


def test_vietnamese_number_formats():
    assert fmt_int(1641) == "1.641"
    assert fmt_int(7, pad=True) == "07"
    assert fmt_int(0, pad=True) == "0"
    assert fmt_int(23664) == "23.664"
    assert fmt_percent(rate(245, 253)) == "96,84%"
    assert fmt_percent(rate(74605, 79139)) == "94,27%"
    assert fmt_percent(rate(1, 1)) == "100%"
    assert fmt_decimal(Decimal("101750.5")) == "101.750,50"
    # half-up like a hand calculation, not banker's or binary rounding
    assert rate(2775, 100000) == Decimal("2.78")
    assert parse_vn_number("1.641") == 1641
    assert parse_vn_number("96,84") == Decimal("96.84")
    assert parse_vn_number("12a") is None
    assert fmt_date_long(dt.date(2024, 2, 5)) == "ngày 05 tháng 02 năm 2024"
    assert fmt_date_long(dt.date(2023, 7, 25)) == "ngày 25 tháng 7 năm 2023"


def test_schema_every_field_labelled_and_placed():
    sections = {a.section for a in AREAS}
    keys = [f.key for f in FIELDS]
    assert len(keys) == len(set(keys)) > 80
    for f in FIELDS:
        assert f.label and f.unit and f.section in sections, f.key


def test_consistent_figures_derive_rates():
    fs = build_figure_set({"tthc": {"ho_so_tiep_nhan": 253, "ho_so_truoc_han": 245, "ho_so_dung_han": 0,
                                    "ho_so_qua_han": 7, "ho_so_dang_giai_quyet": 1}})
    assert not fs.errors
    assert fs.text("tthc.ho_so_da_giai_quyet") == "252"  # derived total, parts complete
    assert fs.text("tthc.ty_le_dung_han") == "97,22%"
    assert fs.text("tthc.ty_le_qua_han") == "2,78%"
    assert fs.figure("tthc.ho_so_qua_han").text == "07"


def test_the_missing_part_of_a_partition_is_computed_and_nothing_else():
    """Resolved dossiers are on time or late: with the whole and one part the other is their difference (found with a
    ward's quý I, "đã giải quyết 1.985 hồ sơ, quá hạn 3 hồ sơ", which drafted no on-time rate and asked for it)."""
    fs = build_figure_set({"tthc": {"ho_so_tiep_nhan": 2048, "ho_so_da_giai_quyet": 1985, "ho_so_qua_han": 3}})
    assert fs.text("tthc.ho_so_dung_han_tong") == "1.982" and fs.text("tthc.ty_le_dung_han") == "99,85%"
    assert "tthc.ho_so_dung_han_tong" not in fs.values  # derived, not the official's own figure
    # the appendix and the provenance notes say how it was made, not "the sum of its parts"
    assert fs.figure("tthc.ho_so_dung_han_tong").formula == "hồ sơ đã giải quyết − hồ sơ giải quyết quá hạn"
    assert build_figure_set({"tthc": {"ho_so_truoc_han": 5, "ho_so_dung_han": 3}}).figure(
        "tthc.ho_so_dung_han_tong").formula == "tổng các thành phần"
    late = build_figure_set({"tthc": {"ho_so_da_giai_quyet": 400, "ho_so_dung_han_tong": 396}})
    assert late.text("tthc.ho_so_qua_han") == "04"
    # a part larger than the whole is the integrity check's, never a negative rest; received dossiers are no partition
    wrong = build_figure_set({"tthc": {"ho_so_da_giai_quyet": 10, "ho_so_qua_han": 12}})
    assert wrong.get("tthc.ho_so_dung_han_tong") is None and wrong.errors
    assert build_figure_set({"tthc": {"ho_so_tiep_nhan": 50, "ho_so_da_giai_quyet": 45}}).get(
        "tthc.ho_so_dang_giai_quyet") is None


def test_wrong_total_is_reported_never_fixed():
    fs = build_figure_set({"tthc": {"ho_so_tiep_nhan": 253, "ho_so_da_giai_quyet": 250, "ho_so_truoc_han": 245,
                                    "ho_so_dung_han": 0, "ho_so_qua_han": 7}}, origin="figures.")
    msgs = [i.message for i in fs.errors]
    assert any("«Hồ sơ đã giải quyết» là 250" in m and "252" in m for m in msgs), msgs
    assert fs.values["tthc.ho_so_da_giai_quyet"] == 250  # kept as given


@pytest.mark.parametrize("raw,needle", [
    ({"tthc": {"ho_so_qua_han": -3}}, "số âm"),
    ({"tthc": {"ho_so_qua_han": 2.5}}, "không phải số nguyên"),
    ({"tthc": {"ho_so_qua_han": "bảy"}}, "không phải là một số"),
    ({"tthc": {"ty_le_hai_long": 120}}, "vượt quá 100%"),
    ({"tthc": {"ho_so_qua_hann": 3}}, "ho_so_qua_han"),
    ({"tthc": {"ho_so_dung_han": 300, "ho_so_da_giai_quyet": 250}}, "lớn hơn"),
])
def test_bad_figures_named_in_vietnamese(raw, needle):
    fs = build_figure_set(raw, origin="figures.")
    assert fs.errors and any(needle in i.message for i in fs.errors), [i.message for i in fs.issues]
    assert all(i.field for i in fs.errors)


def test_changes_against_previous_period():
    fs = build_figure_set({"tthc": {"ho_so_tiep_nhan": 2012}}, {"tthc": {"ho_so_tiep_nhan": 1850}})
    ch = changes(fs)["tthc.ho_so_tiep_nhan"]
    assert ch.delta == 162 and ch.phrase("hồ sơ") == "tăng 162 hồ sơ (8,76%) so với kỳ trước"


def test_data_window_cut_off_rule():
    assert data_window("quý I", 2023).text() == "từ ngày 15/12/2022 đến ngày 14/03/2023"
    assert data_window("6 tháng", 2023).end == dt.date(2023, 6, 14)
    assert data_window("9 tháng", 2024).end == dt.date(2024, 9, 14)
    assert data_window("năm", 2025).start == dt.date(2024, 12, 15)
    assert next_period_phrase("năm", 2025) == "năm 2026"


def _meta(**kw):
    base = dict(issuer="Ủy ban nhân dân xã Ba Trang", level="xã", locality="xã Ba Trang", period="6 tháng",
                year=2023, place="Ba Trang", date=dt.date(2023, 6, 5))
    base.update(kw)
    return ReportMeta(**base)


def test_meta_two_eras_of_levels():
    assert _meta(level="huyện").level == "huyện"
    with pytest.raises(ValidationError, match="01/07/2025"):
        _meta(level="huyện", year=2025, date=dt.date(2025, 12, 18))
    assert _meta(year=2025, date=dt.date(2025, 12, 18)).level == "xã"


def test_meta_number_and_symbol():
    assert _meta(number="7").number_line == "Số: 07/BC-UBND"
    assert _meta().number_line.startswith("Số:") and _meta().number_line.endswith("/BC-UBND")
    with pytest.raises(ValidationError, match="BC-"):
        _meta(symbol="UBND-BC")
    assert _meta(period="6 thang").period == "6 tháng"


def test_a_rate_the_official_gave_is_printed_as_typed():
    """Tried in the app (session 31): "98,6% hài lòng" was drafted as "đạt 98,60%". A rate the official typed keeps its
    own decimals (to two at most); a rate computed in code keeps two."""
    from decimal import Decimal

    from drafting.figures.figureset import format_value

    assert format_value(Decimal("98.6"), "%", "percent", given=True) == "98,6%"
    assert format_value(Decimal("97.25"), "%", "percent", given=True) == "97,25%"
    assert format_value(Decimal("100"), "%", "percent", given=True) == "100%"
    assert format_value(Decimal("96.845"), "%", "percent", given=True) == "96,85%"
    assert format_value(Decimal("98.6"), "%") == "98,60%"  # computed: two decimals, as the appendix prints


def test_the_understood_table_shows_a_given_rate_as_typed():
    """Tried in the app (session 31): «Số liệu tôi đã hiểu» showed "98,60" for "98,6% hài lòng". The table shows the
    official's numbers as typed, as the draft now does; a count keeps its thousands dot."""
    from decimal import Decimal

    from drafting.service.chat_tables import understood_rows
    from drafting.service.state import HeldFigure, UserState

    st = UserState(user="bang-da-hieu")
    st.chat_values = {"tthc.ty_le_hai_long": HeldFigure(value=Decimal("98.6"), kind="message", words="98,6% hài lòng"),
                      "tthc.phieu_khao_sat": HeldFigure(value=Decimal("1291"), kind="message", words="1.291 phiếu")}
    assert [r[1] for r in understood_rows(st)] == ["98,6", "1.291"]
