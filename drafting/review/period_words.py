"""The period a report speaks of, from its own words: the date on its place-and-date line (the day its law is
checked against when the official gives none), and the body's mentions of a period other than the title's — "Công
tác CCHC 9 tháng đầu năm 2026 đạt nhiều kết quả" in a 6-month report is a period mistake, copied from another
report more often than not."""

from __future__ import annotations

import datetime as dt
import re

from corpus.text import fold_lower
from drafting.figures.periods import data_window, next_period_phrase, period_name
from drafting.models import ReviewIssue
from drafting.review.layout import numeric_date_line

# "Tân Phú, ngày 18 tháng 6 năm 2026" — after the place's comma (a document's date is not); OCR: "thdang", "nim"
_DATE_LINE = re.compile(r",\s*ngay\s+(\d{1,2})\s+th\w{0,3}ng\s+(\d{1,2})\s+n\w{0,2}m\s+((?:19|20)\d\d)\b")
# a period of the same year named in the body: "9 tháng đầu năm 2026", "quý I năm 2026", "6 tháng năm 2026"
_SAID = re.compile(r"\b(quy i|6 thang|9 thang)(?: dau)?(?: nam)?\s*(?:nam\s+)?/?\s*((?:19|20)\d\d)\b")
_NAMES = {"quy i": "quý I", "6 thang": "6 tháng", "9 thang": "9 tháng"}
# the opening's formula may name a quarter the title does not: "… báo cáo kết quả CCHC quý II năm 2027 như sau" in the
# 6-month report (in the body a quarter of the period is no mistake: "Trong quý II, Sở …")
_QUARTER_SAID = re.compile(r"\b(quy (?:iv|iii|ii))\s*(?:nam\s+)?/?\s*((?:19|20)\d\d)\b")
# "Trong 6 tháng đầu năm, xã tiếp nhận …": "đầu năm" names this year's period without its year
_SAID_THIS_YEAR = re.compile(r"\b(6 thang|9 thang) dau nam\b(?!\s*(?:nam\s+)?/?\s*(?:19|20)\d\d)")
# "Hội nghị sơ kết công tác CCHC 6 tháng đầu năm", "Báo cáo 6 tháng đầu năm": the name of a meeting or a report
_NAMED_EVENT = re.compile(r"\b(so ket|tong ket|hoi nghi|bao cao so)\b")
# the next period named in the heading of section IV: "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ QUÝ III NĂM 2026"
_IV_HEADING = re.compile(r"^\s*iv\.?\s+(?:phuong huong|nhiem vu|ke hoach)\b")  # "IV. NHIỆM VỤ QUÝ II NĂM 2026" too
_PERIOD_IN_HEADING = re.compile(r"\b(quy (?:iv|iii|ii|i)|6 thang cuoi nam|6 thang dau nam|9 thang|nam)\s+(?:nam\s+)?((?:19|20)\d\d)\b")
_OPENING = re.compile(r"\bbao cao\b[^.;:]*$")
# words that make the mention another period on purpose: comparisons, the next period, the past one
_ON_PURPOSE = re.compile(r"\b(cung ky|so voi|ky truoc|nam truoc|cuoi nam|toi|tiep theo|sau|luy ke|den het|tu dau)\s*$")


def _date_line(paragraphs):
    """(the date, its paragraph) of the place-and-date line among the first paragraphs; (None, None) without one."""
    for p in paragraphs[:15]:
        if said := numeric_date_line(p.text):  # "An Giang, ngày 18/6/2026": a layout fault, still the report's date
            return said[1], p
        m = _DATE_LINE.search(fold_lower(p.text))
        if m:
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))), p
            except ValueError:
                return None, None
    return None, None


def document_date(paragraphs) -> dt.date | None:
    """The date of the place-and-date line among the first paragraphs ("Tân Phú, ngày 18 tháng 6 năm 2026")."""
    return _date_line(paragraphs)[0]


# reports go out within weeks of their cut-off; four months after it, the year or the date is wrong
_LATE_DAYS = 120
# "(số liệu tính từ ngày 15/12/2025 đến ngày 14/6/2026)": the window the report says its figures cover
_STATED_END = re.compile(r"\bso lieu\b[^.;]{0,60}?\bden(?: het)? ngay (\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)\b")
_ESTIMATED = re.compile(r"\buoc (?:tinh|thuc hien|dat)\b")


def _stated_end(paragraphs) -> tuple[dt.date | None, bool]:
    """The end of the window the report states, and whether the same words say its last days are estimates."""
    for p in paragraphs[:30]:
        if m := _STATED_END.search(folded := fold_lower(p.text)):
            try:
                return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))), bool(_ESTIMATED.search(folded))
            except ValueError:
                return None, False
    return None, False


def _dated_apart(paragraphs, period: str, year: int, day: dt.date | None, line) -> list[ReviewIssue]:
    """The report's date against its data window. Before the cut-off (drafting-practice §5) its figures cannot be
    final yet — units often send it so, with the last days estimated (seed 003 is dated 05/6 for a window to 14/6): a
    note, no fault. Months after it ("9 tháng đầu năm 2025" signed on 22/9/2026) the title's year or the date was
    typed wrong, most often the title copied from last year's report: a warning. day, line: _date_line's."""
    end = data_window(period, year).end
    stated, estimated = _stated_end(paragraphs)  # (a window other than the period's is check_period's finding)
    if day is not None and stated == end and day < stated and not estimated:
        # the report's own words put its figures after the day it is signed: one of the two dates is wrong
        return [ReviewIssue(kind="period", severity="error", section=line.section, paragraph=line.index,
                            text=line.text[:120], suggestion=f"{stated:%d/%m/%Y}", message=(
                f"Báo cáo ký ngày {day:%d/%m/%Y} nhưng ghi số liệu tính đến ngày {stated:%d/%m/%Y}, sau ngày ký: "
                "ngày báo cáo hoặc ngày chốt số liệu ghi nhầm; nếu số liệu những ngày còn lại là ước tính, ghi rõ "
                "«ước thực hiện»."))]
    if day is None or 0 <= (day - end).days <= _LATE_DAYS:
        return []
    if day < end:
        severity, suggestion, message = "info", f"{end:%d/%m/%Y}", (
            f"Ngày báo cáo {day:%d/%m/%Y} sớm hơn ngày chốt số liệu {end:%d/%m/%Y} của kỳ {period_name(period, year)}: số liệu "
            "chưa đủ kỳ — nếu số liệu những ngày còn lại là ước tính, nên ghi rõ «ước thực hiện» hoặc số liệu tính đến ngày nào.")
    else:
        fits = [y for y in (day.year, day.year - 1) if 0 <= (day - data_window(period, y).end).days <= _LATE_DAYS]
        severity, suggestion, message = "warning", period_name(period, fits[0]) if fits else "", (
            f"Báo cáo {period_name(period, year)} (chốt số liệu {end:%d/%m/%Y}) nhưng ghi ngày {day:%d/%m/%Y}, muộn hơn "
            f"{(day - end).days} ngày: năm của kỳ trong tiêu đề hoặc ngày báo cáo có thể ghi nhầm — xin kiểm tra.")
    return [ReviewIssue(kind="period", severity=severity, section=line.section, paragraph=line.index,
                        text=line.text[:120], message=message, suggestion=suggestion)]


# a day or a month in the body: "ngày 20/4/2027", "ngày 20 tháng 4 năm 2027", "tháng 4/2027", "tháng 4 năm 2027"
_DAY_SAID = re.compile(r"\bngay (\d{1,2})\s*(?:/|thang)\s*(\d{1,2})\s*(?:/|nam)\s*((?:19|20)\d\d)\b")
_MONTH_SAID = re.compile(r"(?<!ngay )\b(?:(?<=\d/)|thang )(\d{1,2})\s*(?:/|nam)\s*((?:19|20)\d\d)\b")
# what is planned or in force later, not done: "dự kiến", "sẽ", "từ ngày", "đến ngày", "hiệu lực", "hạn", "trước ngày"
_AHEAD = re.compile(r"\b(?:du kien|se|tu ngay|tu thang|den (?:het )?(?:ngay|thang)|hieu luc|thoi han|han chot|truoc ngay|"
                    r"truoc thang|phan dau|muc tieu|lo trinh|giai doan|ke hoach (?:den|trong))\b")


def _after_signing(paragraphs, day: dt.date | None) -> list[ReviewIssue]:
    """A day or month said in what the report says was done (its opening, sections I to III) later than the day it is
    signed: "Tháng 4/2027, Sở tổ chức hội nghị …" in a report of 16/3/2027 — the date is mistyped, or the work is
    planned and belongs to section IV as «dự kiến». Sentences that say so ("dự kiến", "sẽ", "từ ngày …") are passed."""
    if day is None:
        return []
    out = []
    for p in paragraphs:
        if p.section in ("", "IV", "V", "ket_thuc", "phu_luc") or not re.search(r"\d", p.text):
            continue
        folded = fold_lower(p.text)
        for sentence in re.finditer(r"(?:[^.;!?\n]|\.(?=\d))+", folded):  # ("20.4" is no sentence's end)
            if _AHEAD.search(sentence.group(0)):
                continue
            said = []
            for m in _DAY_SAID.finditer(sentence.group(0)):
                try:
                    said.append((m, dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))))
                except ValueError:
                    continue
            for m in _MONTH_SAID.finditer(sentence.group(0)):
                if 1 <= int(m.group(1)) <= 12 and not any(a.start() <= m.start() < a.end() for a, _ in said):
                    said.append((m, dt.date(int(m.group(2)), int(m.group(1)), 1)))
            for m, when in said:
                if when > day:
                    a, b = sentence.start() + m.start(), sentence.start() + m.end()
                    words = p.text[a:b]
                    out.append(ReviewIssue(kind="period", severity="warning", section=p.section, paragraph=p.index,
                                           text=words, suggestion="", message=(
                            f"Đoạn này ghi “{words}”, sau ngày ký báo cáo ({day:%d/%m/%Y}): việc đã làm không thể ghi ngày "
                            "sau ngày báo cáo — ngày tháng ghi nhầm, hoặc là việc dự kiến (đưa sang phần phương hướng, "
                            "nhiệm vụ và ghi «dự kiến»).")))
                    break
    return out


def check_period_words(paragraphs, period: str | None, year: int | None) -> list[ReviewIssue]:
    """Mentions in the body (not the title, not sections IV and V) of another period of the report's own year."""
    if not period or not year:
        return []
    day, line = _date_line(paragraphs)
    issues = [i for p in paragraphs if (i := _next_period_heading(p, period, year))]
    issues += _dated_apart(paragraphs, period, year, day, line) + _same_period_year(paragraphs, year) + _after_signing(paragraphs, day)
    for p in paragraphs:
        if p.section in ("", "IV", "V", "ket_thuc"):
            continue
        folded = fold_lower(p.text)
        mentions = [(m, int(m.group(2))) for m in _SAID.finditer(folded)]
        mentions += [(m, year) for m in _SAID_THIS_YEAR.finditer(folded)]
        if p.section == "mo_dau":  # of the opening, only its formula: "… báo cáo kết quả CCHC 6 tháng năm 2026 như sau"
            mentions += [(m, int(m.group(2))) for m in _QUARTER_SAID.finditer(folded)]
            mentions = [(m, y) for m, y in mentions if _OPENING.search(folded[max(0, m.start() - 90):m.start()])
                        and "nhu sau" in folded[m.end():m.end() + 40]]
        for m, said_year in mentions:
            said = _NAMES.get(m.group(1)) or p.text[m.start(1):m.end(1)]
            # the opening's formula says what the report is on: another year there is a mistake too ("… báo cáo kết quả
            # 6 tháng đầu năm 2024 như sau" in the report of 2025); in the body another year is a comparison's
            if (said, said_year) == (period, year) or (said_year != year and p.section != "mo_dau") \
                    or _ON_PURPOSE.search(folded[max(0, m.start() - 25):m.start()]) \
                    or _NAMED_EVENT.search(folded[max(0, m.start() - 45):m.start()]):
                continue
            issues.append(ReviewIssue(kind="period", severity="warning", section=p.section, paragraph=p.index,
                                      text=p.text[m.start():m.end()], message=(
                    f"Báo cáo {period_name(period, year)} nhưng đoạn này ghi “{p.text[m.start():m.end()]}”; có thể chép từ báo "
                    "cáo kỳ khác — xin kiểm tra kỳ."), suggestion=period_name(period, year)))
    return issues


# "tăng 12% so với cùng kỳ năm 2024": the same period of which year
_SAME_PERIOD_OF = re.compile(r"\bcung ky(?: nam)?(?: truoc)?\s*(?:\(?\s*nam\s+)?((?:19|20)\d\d)\b")


def _same_period_year(paragraphs, year: int) -> list[ReviewIssue]:
    """"Cùng kỳ" is last year's same period: in a report of 2026 "cùng kỳ năm 2024" skips a year — copied from the
    report of 2025, most often. A warning: a two-year comparison is rare, but the official knows."""
    out = []
    for p in paragraphs:
        for m in _SAME_PERIOD_OF.finditer(fold_lower(p.text)):
            if int(m.group(1)) != year - 1:
                said = p.text[m.start():m.end()]
                out.append(ReviewIssue(kind="period", severity="warning", section=p.section, paragraph=p.index, text=said,
                                       message=f"Báo cáo năm {year} so sánh với “{said}”: cùng kỳ là của năm {year - 1} "
                                               "— có thể chép từ báo cáo năm trước, xin kiểm tra.",
                                       suggestion=f"cùng kỳ năm {year - 1}"))
    return out


def _next_period_heading(p, period: str, year: int) -> ReviewIssue | None:
    """Section IV's heading names the period after the report's: "quý II năm 2026" after quý I, not quý III."""
    folded = fold_lower(p.text)
    if not _IV_HEADING.match(folded) or not (m := _PERIOD_IN_HEADING.search(folded)):
        return None
    want = next_period_phrase(period, year)
    if fold_lower(want) == m.group(0):
        return None
    return ReviewIssue(kind="period", severity="error", section="IV", paragraph=p.index, text=p.text[m.start():m.end()],
                       message=(f"Báo cáo {period_name(period, year)}: phương hướng, nhiệm vụ là của {want}, nhưng tiêu đề ghi "
                                f"“{p.text[m.start():m.end()]}”."), suggestion=want)
