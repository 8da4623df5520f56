"""Rates a draft states beside the two counts they come from, whatever the figure is about — the schema need not
know it:

- a share said in words: "1.050 hồ sơ trực tuyến toàn trình trên tổng số 1.750 hồ sơ tiếp nhận, tỷ lệ 64,2%"
  (1.050/1.750 = 60,00%);
- a change against a base given in brackets: "quá hạn 34 hồ sơ, giảm 15% so với cùng kỳ năm 2025 (45 hồ sơ)"
  (34 against 45 is 24,44% less), "45 lượt công chức tham gia bồi dưỡng, vượt 15% kế hoạch (40 lượt)" (12,50%);
- a rate with its fraction in brackets after it: "đạt 97,5% (1.170/1.220 phiếu)" (95,90%)."""

from __future__ import annotations

import re

from drafting.figures.vnformat import fmt_two, parse_vn_number, rate, rate_shown
from drafting.models import ReviewIssue

_NUM = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?"
_PCT = r"(\d{1,3}(?:,\d{1,2})?)\s*%"
_YEAR = re.compile(r"^(?:19|20)\d\d$")
# "A … trên (tổng số) B …, (đạt) tỷ lệ X%": the words between the counts and the rate carry no other number
_SHARE = re.compile(rf"(?<![\d/.,])({_NUM})(?![\d/%]|[.,]\d)([^%;.\d]{{0,60}}?)\btrên\s+(?:tổng\s+số\s+)?({_NUM})"
                    rf"(?![\d%]|[.,]\d)[^%;.\d]{{0,60}}?(?:\(\s*|\b(?:tỷ lệ|đạt|chiếm|bằng)\s+)(?<![\d,]){_PCT}",
                    re.IGNORECASE)
_CHANGE = re.compile(rf"\b(giảm|tăng|vượt|cao hơn|thấp hơn)\s+(?<![\d,]){_PCT}", re.IGNORECASE)
# the base in brackets after the change: "(45 hồ sơ)", "(năm 2025: 45 hồ sơ)", "(kế hoạch là 40 lượt)"
_BASE = re.compile(rf"\(\s*(?:[^()%\d]{{0,30}}?(?:(?:19|20)\d\d)?[^()%\d]{{0,5}}?)?({_NUM})\s*([^\W\d]*)[^()%\d]{{0,25}}\)")


def _shares(p) -> list[ReviewIssue]:
    out = []
    for m in _SHARE.finditer(p.text):
        num, den, pct = parse_vn_number(m.group(1)), parse_vn_number(m.group(3)), parse_vn_number(m.group(4))
        if num is None or not den or pct is None or num > den or _YEAR.match(m.group(3)):
            continue
        if (calc := rate(num, den)) is not None and not rate_shown(pct, calc):
            out.append(ReviewIssue(
                kind="arithmetic", severity="error", section=p.section, paragraph=p.index, text=m.group(0).strip(),
                message=f"Tỷ lệ ghi {m.group(4)}% nhưng {m.group(1)} trên {m.group(3)} = {fmt_two(calc)}%.",
                suggestion=f"{fmt_two(calc)}%"))
    return out

# "đạt 97,5% (1.170/1.220 phiếu)": the fraction in brackets after the rate (the fraction before it, "1.170/1.220 phiếu,
# đạt 95,9%", is check_arithmetic's). Not a date ("12/01/2027": a slash after the pair) nor a number ("118/2025")
_FRACTION = rf"(?<![\d/.,])({_NUM})\s*/\s*({_NUM})(?![\d/]|[.,]\d)"
_RATE_THEN_FRACTION = re.compile(rf"(?<![\d,]){_PCT}\s*\(\s*(?:[^()\d%]{{0,20}}?)?{_FRACTION}[^()%]{{0,40}}\)", re.IGNORECASE)


def _fractions(p) -> list[ReviewIssue]:
    out = []
    for m in _RATE_THEN_FRACTION.finditer(p.text):
        pct, num, den = m.group(1, 2, 3)
        n, d, x = parse_vn_number(num), parse_vn_number(den), parse_vn_number(pct)
        if n is None or not d or x is None or n > d or _YEAR.match(den):
            continue
        if (calc := rate(n, d)) is not None and not rate_shown(x, calc):
            out.append(ReviewIssue(
                kind="arithmetic", severity="error", section=p.section, paragraph=p.index, text=m.group(0).strip(),
                message=f"Tỷ lệ ghi {pct}% nhưng {num}/{den} = {fmt_two(calc)}%.", suggestion=f"{fmt_two(calc)}%"))
    return out


def _count_before(text: str, end: int) -> tuple[int, str, str] | None:
    """The count a change is said of: the last number of its clause before the verb (not a year, not a rate), where
    it starts and the word after it ("34 hồ sơ" → (…, "34", "hồ"))."""
    clause = re.split(r"[;:()]|\.\s", text[max(0, end - 80):end])[-1]
    counts = _counts(clause)
    if not counts and clause.strip() == "" and (head := _list_head(text, end - len(clause))):
        return head  # "tiếp nhận 2.350 hồ sơ, gồm 1.410 … và 960 …; tăng 15% …": the total the list is of
    if not counts or clause[counts[-1].end():].count(",") > 1:
        return None
    return end - len(clause) + counts[-1].start(), counts[-1].group(1), counts[-1].group(2)


def _counts(text: str) -> list:
    """Counts of things: no year, no length of time ("Trong 9 tháng, Sở tiếp nhận …")."""
    return [m for m in re.finditer(rf"(?<![\d/.,])({_NUM})(?![\d/%]|[.,]\d)\s*([^\W\d]*)", text)
            if not _YEAR.match(m.group(1)) and m.group(2).lower() not in ("tháng", "quý", "năm", "ngày", "tuần", "giờ")]


def _list_head(text: str, end: int) -> tuple[int, str, str] | None:
    """The sentence's first count when a list of its parts follows it ("2.350 hồ sơ, gồm …", "…, trong đó …", "(…)") and
    the list's clause ends right before the change (`end` just after its ";")."""
    if not text[:end].rstrip().endswith(";"):
        return None
    start = max(text.rfind(". ", 0, end) + 2, text.rfind(";", 0, end - 1) + 1, 0)
    counts = _counts(text[start:end])
    if not counts:
        return None
    first = counts[0]
    # "…, gồm …", "…, trong đó …", or its parts in brackets: "2.640 hồ sơ (kỳ trước chuyển sang 40, mới 2.610)"
    if not re.match(r"[^\d;(]{0,20}?(?:,?\s*(?:bao\s+)?(?:gồm|trong\s+đó)\b|\()", text[start + first.end():], re.IGNORECASE):
        return None
    return start + first.start(), first.group(1), first.group(2)


def _changes(p) -> list[ReviewIssue]:
    out = []
    text = p.text
    for m in _CHANGE.finditer(text):
        tail = text[m.end():m.end() + 90]
        b = _BASE.search(tail)
        gap = tail[:b.start()] if b else ""
        # the base follows the change in its own clause: "so với cùng kỳ năm 2025 (45 hồ sơ)", "so với 6 tháng …"
        if not b or re.search(r"[;.]\s|\d", re.sub(r"\b(?:(?:19|20)\d\d|[69] tháng)\b", "", gap)) or _YEAR.match(b.group(1)):
            continue
        said = _count_before(text, m.start())
        base, pct = parse_vn_number(b.group(1)), parse_vn_number(m.group(2))
        if said is None or not base or pct is None or (value := parse_vn_number(said[1])) is None:
            continue
        if b.group(2) and said[2] and b.group(2).lower() != said[2].lower():
            continue  # "34 hồ sơ … (45 người)": counts of different things
        word = m.group(1).lower()
        up = word in ("tăng", "vượt", "cao hơn")
        actual = rate(abs(value - base), base)
        if actual is None or (up == (value > base) and rate_shown(pct, actual)):
            continue
        truth = f"{('vượt' if word == 'vượt' else 'tăng') if value > base else 'giảm'} {fmt_two(actual)}%"
        out.append(ReviewIssue(
            kind="arithmetic", severity="error", section=p.section, paragraph=p.index,
            text=text[said[0]:m.end() + b.end()].strip(),
            message=f"Ghi {word} {m.group(2)}% nhưng {said[1]} so với {b.group(1)} là {truth}.",
            suggestion=truth))
    return out


def check_ratios(paragraphs) -> list[ReviewIssue]:
    """paragraphs: the reviewer's Para objects (.text, .index, .section); sections IV and V state plans, not results."""
    out = []
    for p in paragraphs:
        if p.section not in ("IV", "V", "ket_thuc") and "%" in p.text:
            out += _shares(p) + _changes(p) + _fractions(p)
    return out
