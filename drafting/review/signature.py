"""The signature's capacity matches the body that issues the report (NĐ 30/2020, document-format.md): a department's
report is signed by its director ("GIÁM ĐỐC", or "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), a people's committee's "TM. ỦY BAN
NHÂN DÂN / CHỦ TỊCH" or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". A department's draft copied from a committee's (or the
reverse) keeps the other's capacity; the issuer is read from the header's lines."""

from __future__ import annotations

import re

from drafting.models import ReviewIssue

_DEPARTMENT = re.compile(r"^(?:SỞ|BAN QUẢN LÝ)\s+\S")
_COMMITTEE = re.compile(r"^(?:ỦY|UỶ) BAN NHÂN DÂN\b")
_COMMITTEE_SIGN = re.compile(r"^(?:TM\.\s*(?:ỦY|UỶ) BAN NHÂN DÂN|KT\.\s*CHỦ TỊCH|CHỦ TỊCH|PHÓ CHỦ TỊCH)$")
_DIRECTOR_SIGN = re.compile(r"^(?:KT\.\s*GIÁM ĐỐC|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|KT\.\s*TRƯỞNG BAN|TRƯỞNG BAN)$")


def check_signature(paragraphs) -> list[ReviewIssue]:
    """paragraphs: objects with .text, .index and .section (the reviewer's Para)."""
    head = [p.text.strip().upper() for p in paragraphs[:4] if p.section == "mo_dau"]
    # the issuer is the second line when a parent body heads it ("UBND TỈNH THANH HÓA" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    department = any(_DEPARTMENT.match(line) for line in head[:2])
    committee = not department and bool(head) and bool(_COMMITTEE.match(head[0]))
    if not (department or committee):
        return []
    wrong = _COMMITTEE_SIGN if department else _DIRECTOR_SIGN
    for p in paragraphs:
        line = re.sub(r"\s+", " ", p.text.strip().upper())
        if wrong.match(line):
            right = "GIÁM ĐỐC (hoặc KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)" if department else \
                "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH (hoặc KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)"
            return [ReviewIssue(kind="layout", severity="error", section=p.section, paragraph=p.index, text=p.text.strip(),
                                message=(f"Báo cáo của {'sở' if department else 'Ủy ban nhân dân'} nhưng khối chữ ký ghi "
                                         f"“{p.text.strip()}”: thẩm quyền ký phải là {right}."),
                                suggestion=right.split(" (")[0])]
    return []
