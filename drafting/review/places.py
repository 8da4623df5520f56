"""Units of another province named in a report: most often a sentence copied from another unit's report.

The report's own unit and its parents are the units its header names (issuer, place and date, title); their
province is the one most of them lie in. A unit named in the body whose name exists in no unit of that province
is said, with where it is; a name that also exists in the own province (there are 49 communes called Tân Thành) is
given the benefit of the doubt. Without a header that names a known unit there is no check."""

from __future__ import annotations

from collections import Counter

from corpus.places import Gazetteer, load_gazetteer
from drafting.models import ReviewIssue

HEADER_PARAGRAPHS = 12  # at most, before the first heading: issuer, its parent, number, place and date, title


def own_provinces(texts: list[str], gazetteer: Gazetteer) -> set[str]:
    """The province a province named in the header says ("… của UBND tỉnh Lâm Đồng, UBND xã Phú Quý báo cáo"), else
    the one most of its units' names lie in (a commune's name alone may be another province's as well)."""
    votes: Counter[str] = Counter()
    named: set[str] = set()
    for t in texts:
        for _, _, places in gazetteer.mentions(t):
            votes.update({p.province for p in places})
            named |= {p.province for p in places if p.kind == "tỉnh" or p.kind == "thành phố" and p.name == p.province}
    if named:
        return named
    if not votes:
        return set()
    top = max(votes.values())
    # a name that lies in several provinces as often ("xã Quảng Hòa": four, none of them the report's when the
    # gazetteer lacks the unit) says no province: no check rather than a guess
    tied = {p for p, n in votes.items() if n == top}
    return tied if len(tied) == 1 else set()


def _regions(provinces, gazetteer: Gazetteer) -> set[str]:
    return {gazetteer.region(p) for p in provinces}


def check_places(paragraphs: list, gazetteer: Gazetteer | None = None) -> list[ReviewIssue]:
    """paragraphs: the review's Para list (text, index, section)."""
    gazetteer = gazetteer or load_gazetteer()
    n = next((i for i, p in enumerate(paragraphs) if p.section not in ("", "mo_dau")), len(paragraphs))
    n = min(n, HEADER_PARAGRAPHS)
    home = own_provinces([p.text for p in paragraphs[:n]], gazetteer)
    if not home:
        return []
    home_regions = _regions(home, gazetteer)
    issues = []
    for p in paragraphs[n:]:
        for start, end, places in gazetteer.mentions(p.text):
            # a unit of the same province before or after the 2025 merger is the report's own
            if home_regions & _regions((pl.province for pl in places), gazetteer):
                continue
            named = p.text[start:end]
            where = ", ".join(sorted({pl.province for pl in places})[:3])
            issues.append(ReviewIssue(
                kind="foreign_name", severity="warning", section=p.section, paragraph=p.index, text=named,
                message=(f"Không có «{named}» trong danh mục đơn vị hành chính (01/2025 và từ 01/7/2025) của "
                         f"{', '.join(sorted(home))}, nơi của báo cáo này; có đơn vị cùng tên ở {where}: có thể là câu "
                         "chép từ báo cáo của đơn vị khác (hoặc đơn vị đã sáp nhập trước năm 2025)."),
                suggestion="Kiểm tra lại câu này; thay bằng tên đơn vị của mình hoặc bỏ."))
    return issues
