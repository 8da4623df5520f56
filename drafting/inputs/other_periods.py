"""Clauses of a message about a period other than the report's: the same period of last year ("cùng kỳ năm 2025 là
342 hồ sơ"), the period before ("quý trước tiếp nhận 280"), a past year said against "năm nay". Their numbers are not
this period's figures; the first two are read as the comparison columns, the last is left unread — unless the report
is a year's and the year is the one before it, its same period of last year."""

from __future__ import annotations

import re

# a clause about another period: the same period of last year, or the period before ("kỳ trước chuyển sang" is this
# period's carried-over dossiers); "so với cùng kỳ" after a figure of this period compares, the clause after it is the other
# — only where a clause starts with it: "hồ sơ kỳ trước chuyển qua", "tồn kỳ trước là 8", "tăng 10% so với cùng kỳ" are not
_HEAD = r"(?:^|(?<=[{0}])|(?<=[{0}] ))\s*(?:trong |so voi )?"  # a clause's start, after one of the marks {0}
_OTHER_PERIOD = re.compile(_HEAD.format(r".;:,(\n") + r"(?:(cung ky)(?: nam (?:truoc|ngoai|20\d\d))?|"
                           r"(ky truoc|quy truoc)(?! (?:chuyen|con|ton)))\b")


_CLAUSE_END = re.compile(r"[;)\n]|\.(?!\d)|,\s*(?=(?:con|trong|nam nay|ky nay|quy nay)\b)")


# "Số hồ sơ tiếp nhận cùng kỳ năm 2025 là 342": the other period named inside the clause, before its number
_CLAUSE_START = re.compile(r"[.;:,(\n]")
_OTHER_MID = re.compile(r"\bcung ky nam (?:truoc|ngoai|20\d\d)\b")
# (after a comma too: "Năm nay tổ chức 3 hội nghị, năm ngoái 2")
_PAST_YEAR = re.compile(_HEAD.format(r".;:,\n") + r"nam (truoc|ngoai|20\d\d)\b")


# "Quý III xã tiếp nhận 410 hồ sơ" in the report of nine months: one quarter's count, a part of the period's — the
# quarters each longer period holds (a year given after the quarter is left to the other rules)
_QUARTER_LEAD = re.compile(_HEAD.format(r".;:,(\n") + r"(?:rieng |tinh rieng )?quy (iv|iii|ii|i)\b(?!\s*(?:nam\s+|/)?(?:19|20)\d\d)")
_QUARTERS_IN = {"6 tháng": ("i", "ii"), "9 tháng": ("i", "ii", "iii"), "năm": ("i", "ii", "iii", "iv")}


def other_period_clauses(folded: str, last_year: int | None = None, period: str = "") -> list[tuple[int, int, str]]:
    """(start, end, "same_period" | "previous" | "past_year" | "part") of each clause that states another period's
    figures. last_year: the year before a year report's — a clause about it ("năm ngoái", "năm 2025") is the same
    period. period: the report's, when known — a clause led by one of its quarters states a part of it."""
    out = []
    for m in _QUARTER_LEAD.finditer(folded):
        if m.group(1) in _QUARTERS_IN.get(period, ()):
            end = _CLAUSE_END.search(folded, m.end())
            out.append((m.start(), end.start() if end else len(folded), "part"))
    for m in _OTHER_PERIOD.finditer(folded):
        end = _CLAUSE_END.search(folded, m.end())
        out.append((m.start(), end.start() if end else len(folded), "same_period" if m.group(1) else "previous"))
    for m in _OTHER_MID.finditer(folded):
        start = max((x.end() for x in _CLAUSE_START.finditer(folded, 0, m.start())), default=0)
        if any(a <= m.start() < b for a, b, _ in out) or re.search(r"\d|\bso voi\b|\b(?:tang|giam)\b",
                                                                   folded[start:m.start()]):
            continue
        end = _CLAUSE_END.search(folded, m.end())
        out.append((start, end.start() if end else len(folded), "same_period"))
    # "Năm 2025 xã tiếp nhận 980 hồ sơ, năm nay tăng 146 hồ sơ": a past year said beside "năm nay" (before or after
    # it) — its clause is a past year's whole count, of no period of this report when the report is not a year's: not
    # read ("Năm 2026 …, năm nay tăng 146 so với năm 2025": an earlier year named too makes the first this one)
    if re.search(r"\bnam nay\b", folded):
        years = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", folded)]
        for m in _PAST_YEAR.finditer(folded):
            if (said := re.search(r"(?:19|20)\d\d", m.group(0))) and any(y < int(said.group(0)) for y in years):
                continue
            end = _CLAUSE_END.search(folded, m.end())
            if not any(a <= m.start() < b for a, b, _ in out):
                said = m.group(1)
                last = bool(last_year) and (said in ("truoc", "ngoai") or said == str(last_year))
                out.append((m.start(), end.start() if end else len(folded), "same_period" if last else "past_year"))
    return out
