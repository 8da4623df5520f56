"""A report dated on or after 01/7/2025 addresses no body of the district level: the district level ended that day
(two-level local government, periods.TWO_LEVEL_FROM). A recipient "- UBND huyện Đồng Văn;", a header naming "UBND
HUYỆN …" as the issuer or its parent, are left from an older report the draft was copied from. Only where a body is
addressed or speaks — the header and «Nơi nhận» — never the body's history ("trước khi sắp xếp, UBND huyện …")."""

from __future__ import annotations

import datetime as dt
import re

from corpus.text import fold_lower
from drafting.figures.periods import TWO_LEVEL_FROM
from drafting.models import ReviewIssue

# the district's bodies: its party committee, its people's committee and council, its offices ("Phòng Nội vụ huyện")
_DISTRICT_BODY = re.compile(r"\b(?:huyen uy|quan uy|thi uy)\b|\b(?:ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|"
                            r"van phong hdnd va ubnd|phong [a-z ,-]{2,40}?)\s+(?:cac\s+)?(?:huyen|quan|thi xa)\b")  # "… các huyện"
_RECIPIENTS = re.compile(r"^\s*noi\s*nhan\b")
_TITLE = re.compile(r"^\s*bao cao\s*$")


def check_district_bodies(paragraphs, as_of: dt.date | None) -> list[ReviewIssue]:
    if as_of is None or as_of < TWO_LEVEL_FROM:
        return []
    title = next((i for i, p in enumerate(paragraphs) if _TITLE.match(fold_lower(p.text))), 0)
    start = next((i for i, p in enumerate(paragraphs) if _RECIPIENTS.match(fold_lower(p.text))), None)
    lines = [(p, line) for p in paragraphs[:title] for line in p.text.splitlines()]
    if start is not None:  # the recipients' lines: in their own paragraphs, or in one (a table's cell)
        lines += [(p, line) for p in paragraphs[start:start + 15] for line in p.text.splitlines()
                  if line.strip().startswith(("-", "+", "•")) or _RECIPIENTS.match(fold_lower(line))]
    out = []
    for p, line in lines:
        if m := _DISTRICT_BODY.search(fold_lower(line)):
            body = line[m.start():m.end()]
            out.append(ReviewIssue(
                kind="period", severity="warning", section=p.section, paragraph=p.index, text=line.strip(),
                message=f"“{line.strip(' -;.')}”: từ 01/07/2025 chính quyền địa phương tổ chức hai cấp (tỉnh, xã), "
                        f"không còn cấp huyện; báo cáo ngày {as_of:%d/%m/%Y} không còn gửi hay nêu “{body}” như cơ "
                        "quan đang hoạt động (có thể chép từ báo cáo cũ).",
                suggestion="bỏ dòng này hoặc thay bằng cơ quan cấp tỉnh, cấp xã tương ứng"))
    return out
