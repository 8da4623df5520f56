"""A count whose parts follow it in brackets adds up: "ban hành 12 văn bản (05 kế hoạch, 04 quyết định, 02 công văn)"
says 12 where its parts make 11. Figures of the schema are checked by their sum rules (stated.py); this is the rest —
kinds the schema does not hold, written the same way. Only brackets that list two or more counts, each a number
with its own noun and nothing else: "(trong đó …)", a share, a date or a level's words leave the count alone (a
part may be left out on purpose)."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.figures.vnformat import fmt_decimal, parse_vn_number
from drafting.models import ReviewIssue

_NUMBER = r"\d{1,3}(?:\.\d{3})+|\d+"
# "12 văn bản chỉ đạo, điều hành về CCHC (…)": the count, its noun, the brackets right after
_COUNTED = re.compile(rf"(?<![\d.,/])({_NUMBER})\s+([^\W\d][^()\d;:]{{0,60}}?)\s*\(([^()]{{3,240}})\)")
_ITEM = re.compile(rf"^\s*(?:gồm\s+|gom\s+)?({_NUMBER})\s+[^\W\d][^\d%/]{{0,40}}$")
_SPLIT = re.compile(r"[,;]|\s+và\s+|\s+va\s+")
_NOT_ALL = re.compile(r"\b(?:trong do|chiem|ty le|dat|tang|giam|so voi|cung ky|ngay|khoang|hon|tren|gan)\b|%")


def check_bracket_parts(paragraphs) -> list[ReviewIssue]:
    out = []
    for p in paragraphs:
        for m in _COUNTED.finditer(p.text):
            inside = m.group(3)
            items = [s.strip() for s in _SPLIT.split(inside) if s.strip()]
            found = [_ITEM.match(s) for s in items]
            if len(items) < 2 or not all(found) or _NOT_ALL.search(fold_lower(inside)):
                continue
            total, parts = parse_vn_number(m.group(1)), [parse_vn_number(f.group(1)) for f in found]
            if None in parts or total is None or sum(parts) == total:
                continue
            said = f"{m.group(1)} {m.group(2).strip()}"
            out.append(ReviewIssue(
                kind="arithmetic", severity="error", section=p.section, paragraph=p.index, text=m.group(0)[:160],
                message=f"“{said}” nhưng các phần trong ngoặc cộng lại {fmt_decimal(sum(parts))} "
                        f"({' + '.join(f.group(1) for f in found)}).",
                suggestion=f"sửa tổng ({fmt_decimal(sum(parts))}) hoặc các phần cho khớp"))
    return out
