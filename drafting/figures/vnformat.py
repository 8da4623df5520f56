"""Vietnamese number and date formats, in one place: "1.641", "96,84%", "07 hồ sơ", "ngày 05 tháng 02".

Rates are Decimals rounded half-up to two places, the way officials compute them by hand; binary
floats would round 2,775 down."""

from __future__ import annotations

import datetime as dt
import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

TWO_PLACES = Decimal("0.01")


def rate(numerator: int | Decimal, denominator: int | Decimal) -> Decimal | None:
    """numerator / denominator × 100, two decimals, half-up; None when the denominator is 0."""
    if not denominator:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(TWO_PLACES, ROUND_HALF_UP)


def rate_shown(stated: Decimal, computed: Decimal) -> bool:
    """A stated rate matches when it is the computed one rounded (half-up) to the decimals it shows — except 100% and
    0%, which say "all" and "none": 1.198 of 1.201 on time (99,75%) is not "đạt 100%"."""
    if stated in (0, 100):
        return computed == stated
    q = Decimal(1).scaleb(-max(0, -stated.as_tuple().exponent))
    return computed.quantize(q, ROUND_HALF_UP) == stated.quantize(q)


def fmt_int(value: int, pad: bool = False) -> str:
    """1641 → "1.641"; with pad, numbers 1–9 get a leading zero ("07") as in official reports."""
    sign = "-" if value < 0 else ""
    digits = f"{abs(int(value)):,}".replace(",", ".")
    if pad and 0 < value < 10:
        digits = f"0{digits}"
    return sign + digits


def fmt_decimal(value: Decimal | float | int, places: int = 2) -> str:
    """96.84 → "96,84"; whole values keep no decimals (100 → "100"); thousands use dots."""
    d = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), ROUND_HALF_UP)
    if d == d.to_integral_value():
        return fmt_int(int(d))
    sign = "-" if d < 0 else ""
    whole, frac = f"{abs(d):f}".split(".")
    return f"{sign}{fmt_int(int(whole))},{frac}"


def fmt_as_given(value: Decimal | float | int) -> str:
    """A number the official gave, with its own decimals (two at most): 98.6 → "98,6", not "98,60"."""
    places = min(2, max(0, -Decimal(str(value)).normalize().as_tuple().exponent))
    return fmt_decimal(value, places)


def fmt_two(value: Decimal) -> str:
    """Two decimals always, Vietnamese comma: a computed rate to paste ("96,80")."""
    return f"{value:.2f}".replace(".", ",")


def fmt_percent(value: Decimal | float | int) -> str:
    return f"{fmt_decimal(value)}%"


def fmt_date_long(day: dt.date) -> str:
    """'ngày 05 tháng 02 năm 2024': leading zero for days below 10 and for months 1 and 2 (NĐ 30/2020)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def fmt_date_short(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def fmt_date_body(day: dt.date) -> str:
    """'15/7/2021': how report bodies cite a date (the document's own date line keeps its leading zeros)."""
    return f"{day.day}/{day.month}/{day.year}"


# A number as officials write it: 1.641 | 96,84 | 253 | 0,4 | 1.641,5
NUMBER_RE = re.compile(r"(?<![\w,.])\d{1,3}(?:\.\d{3})+(?:,\d+)?(?![\w])|(?<![\w,.])\d+(?:,\d+)?(?![\w])")


def parse_vn_number(text: str) -> Decimal | None:
    """'1.641' → 1641, '96,84' → 96.84, '96.84' (a machine-written decimal) → 96.84; None if not a number."""
    s = str(text).strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if not s:
        return None
    if re.fullmatch(r"-?\d{1,3}(?:\.\d{3})+(?:,\d+)?", s):
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"-?\d+,\d+", s):
        s = s.replace(",", ".")
    elif not re.fullmatch(r"-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?", s):
        return None
    try:
        return Decimal(s)
    except InvalidOperation:
        return None
