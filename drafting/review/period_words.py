"""The period a report speaks of, from its own words: the date on its place-and-date line (the day its law is
checked against when the official gives none), and the body's mentions of a period other than the title's — "Công
tác CCHC 9 tháng đầu năm 2026 đạt nhiều kết quả" in a 6-month report is a period mistake, copied from another
report more often than not."""

from __future__ import annotations

import datetime as dt
import re

from corpus.text import fold_lower
from drafting.models import ReviewIssue

# "Tân Phú, ngày 18 tháng 6 năm 2026" — after the place's comma (a document's date is not); OCR: "thdang", "nim"
_DATE_LINE = re.compile(r",\s*ngay\s+(\d{1,2})\s+th\w{0,3}ng\s+(\d{1,2})\s+n\w{0,2}m\s+((?:19|20)\d\d)\b")
# a period of the same year named in the body: "9 tháng đầu năm 2026", "quý I năm 2026", "6 tháng năm 2026"
_SAID = re.compile(r"\b(quy i|6 thang|9 thang)(?: dau)?(?: nam)?\s*(?:nam\s+)?/?\s*((?:19|20)\d\d)\b")
_NAMES = {"quy i": "quý I", "6 thang": "6 tháng", "9 thang": "9 tháng"}
# words that make the mention another period on purpose: comparisons, the next period, the past one
_ON_PURPOSE = re.compile(r"\b(cung ky|so voi|ky truoc|nam truoc|cuoi nam|toi|tiep theo|sau|luy ke|den het|tu dau)\s*$")


def document_date(paragraphs) -> dt.date | None:
    """The date of the place-and-date line among the first paragraphs ("Tân Phú, ngày 18 tháng 6 năm 2026")."""
    for p in paragraphs[:15]:
        m = _DATE_LINE.search(fold_lower(p.text))
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                return None
    return None


def check_period_words(paragraphs, period: str | None, year: int | None) -> list[ReviewIssue]:
    """Mentions in the body (not the title, not sections IV and V) of another period of the report's own year."""
    if not period or not year:
        return []
    issues = []
    for p in paragraphs:
        if p.section in ("", "mo_dau", "IV", "V"):
            continue
        folded = fold_lower(p.text)
        for m in _SAID.finditer(folded):
            said = _NAMES[m.group(1)]
            if int(m.group(2)) != year or said == period or _ON_PURPOSE.search(folded[max(0, m.start() - 25):m.start()]):
                continue
            issues.append(ReviewIssue(kind="period", severity="warning", section=p.section, paragraph=p.index,
                                      text=p.text[m.start():m.end()], message=(
                    f"Báo cáo {period} năm {year} nhưng đoạn này ghi “{p.text[m.start():m.end()]}”; có thể chép từ báo "
                    "cáo kỳ khác — xin kiểm tra kỳ."), suggestion=f"{period} năm {year}"))
    return issues
