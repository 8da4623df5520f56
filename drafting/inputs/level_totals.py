"""A count of procedures that its level parts add up to is the unit's total, whatever verb named it: "UBND tỉnh công
bố 1.912 TTHC, trong đó 1.604 TTHC cấp tỉnh và 308 TTHC cấp xã" is the list of procedures under the province's
authority (tthc.tthc_tong_so), not 1.912 new ones. Procedures said new, amended or abolished keep their kind, and
their parts by level are no totals of the levels: shown unread."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.figures.schema import FIELD_BY_KEY
from drafting.inputs.text_reading import TextReading, Unread

_TOTAL = "tthc.tthc_tong_so"
_PARTS = ("tthc.tthc_cap_tinh", "tthc.tthc_cap_huyen", "tthc.tthc_cap_xa")
_ANNOUNCED = ("tthc.tthc_cong_bo_moi",)
_NEW_BY_LEVEL = "số thủ tục mới (sửa đổi, bãi bỏ) theo từng cấp: biểu số liệu chỉ ghi tổng số"
_OWN_KIND = re.compile(r"\b(?:moi|sua doi|bai bo|thay the)\b")  # "công bố 38 TTHC mới": new ones, whatever their levels


def total_of_levels(reading: TextReading, text: str, folded: str) -> None:
    """reading: one text's readings in order, changed in place; text, folded: the text and its folded form."""
    figures = reading.figures
    for i, f in enumerate(figures):
        if f.key not in _ANNOUNCED:
            continue
        # the level parts said after it, in its sentence
        parts = [g for g in figures[i + 1:] if g.key in _PARTS and not re.search(r"[.;](?!\d)", folded[f.end:g.start])]
        if len(parts) < 2 or sum(g.value for g in parts) != f.value:
            continue
        if _OWN_KIND.search(fold_lower(f.phrase)) or _OWN_KIND.search(folded[f.end:f.end + 25].split(",")[0]):
            # "công bố 38 TTHC mới, trong đó 20 TTHC cấp tỉnh …": the new ones' levels, which no figure holds
            reading.figures = [g for g in figures if g not in parts]
            reading.unread += [Unread(quote=g.quote, context=text[max(0, g.start - 40):g.end + 20].strip(), start=g.start,
                                      end=g.end, reason=_NEW_BY_LEVEL) for g in parts]
        elif not any(g.key == _TOTAL for g in figures):
            figures[i] = f.model_copy(update={"key": _TOTAL, "label": FIELD_BY_KEY[_TOTAL].label})
        return
