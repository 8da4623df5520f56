"""The tasks a draft says are left of the year's plan ("Hoàn thành 18 nhiệm vụ còn lại của kế hoạch" in section IV)
against the plan's count less those done, as the same draft states them in section I or its appendix."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.figures.vnformat import fmt_int
from drafting.inputs.text_reading import ReadFigure
from drafting.models import ReviewIssue

_PLANNED, _DONE = "chi_dao.nhiem_vu_ke_hoach", "chi_dao.nhiem_vu_hoan_thanh"
# "18 nhiệm vụ còn lại", "02 nhiệm vụ chưa hoàn thành của kế hoạch": the plan's rest, not tasks set from above (nor
# the base of a share: "còn 2/28 nhiệm vụ chưa hoàn thành" leaves 2)
_LEFT = re.compile(r"(?<![\d/]/)(?<!\d/ )\b(\d{1,3})\s+nhiem vu\s+(?:con lai|chua hoan thanh|dang (?:thuc hien|trien khai))\b(?![^.;]{0,40}?"
                   r"\b(?:cap tren|giao)\b)")
# "… nhiệm vụ Chính phủ, Thủ tướng Chính phủ giao …: tổng số 64 nhiệm vụ, …, 09 nhiệm vụ đang thực hiện": set from above
_ABOVE = re.compile(r"\b(?:cap tren|duoc giao|do [^.;\d]{0,30}?giao|nhiem vu [^.;\d]{0,40}?\bgiao)\b")


def check_remaining_tasks(readings, paragraphs, sure: float) -> list[ReviewIssue]:
    """readings: (paragraph, its TextReading) of the sections read for figures; paragraphs: the whole draft's."""
    held: dict[str, ReadFigure] = {}
    for p, reading in readings:
        for f in reading.figures:
            if f.key in (_PLANNED, _DONE) and f.confidence >= sure and p.section in ("I", "phu_luc"):
                held.setdefault(f.key, f)
    if len(held) < 2:
        return []
    planned, done = held[_PLANNED], held[_DONE]
    left = int(planned.value - done.value)
    out = []
    for p in paragraphs:
        folded = fold_lower(p.text)
        for m in _LEFT.finditer(folded):
            before = folded[max(0, folded.rfind(".", 0, m.start()) + 1):m.start()]
            if int(m.group(1)) == left or _ABOVE.search(before):
                continue
            out.append(ReviewIssue(
                kind="arithmetic", severity="warning", section=p.section, paragraph=p.index, text=p.text[m.start():m.end()],
                message=(f"Ghi {m.group(1)} nhiệm vụ còn lại, nhưng kế hoạch có “{planned.words}” và đã hoàn thành "
                         f"“{done.words}”: còn {fmt_int(left)} nhiệm vụ. Xin kiểm tra."),
                suggestion=f"{fmt_int(left)} nhiệm vụ"))
    return out
