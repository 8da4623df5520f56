"""A question whose answer is a rule applied to a date, not a passage: "Báo cáo CCHC quý I năm 2024 lấy số liệu từ
ngày nào đến ngày nào?" is answered "từ ngày 15/12/2023 đến ngày 14/03/2024", computed from the data cut-off rule of
the reporting decree, which is cited with its status on the day asked."""

from __future__ import annotations

import datetime as dt
import re

from corpus.registry import CONFIDENCE_LABELS, LegalDocument, Registry, fmt_date
from corpus.text import fold_lower
from drafting.figures.periods import PERIODS, DataWindow, data_window, period_phrase, quarter_window

REPORTING_DECREE = "09/2019/NĐ-CP"

# asks for the dates the figures cover, not for what a report contains
_ASKS_WINDOW = re.compile(r"\b(chot so lieu|lay so lieu|so lieu\b.{0,40}\b(tinh|lay|chot)|tinh so lieu|"
                          r"so lieu tu ngay|tu ngay nao|den ngay nao|tinh tu ngay|khoang thoi gian (lay|tinh))\b")
# asks the day a report is due ("hạn gửi", "phải nộp trước ngày nào"): no registered document says it
_ASKS_DEADLINE = re.compile(r"\b(han (gui|nop)|thoi han (gui|nop)|(gui|nop) (bao cao )?(truoc|cham nhat)|"
                            r"(phai|can) (gui|nop)\b.{0,40}\bngay nao|(bao gio|khi nao) (thi )?(phai )?(gui|nop))\b")
_QUARTER = re.compile(r"\bquy (iv|iii|ii|i|[1-4])\b")
_YEAR = re.compile(r"\b(20\d\d)\b")
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}


def asked_windows(question: str, as_of: dt.date) -> list[tuple[str, DataWindow]]:
    """The periods the question asks the data window of, named as a report names them; [] when it asks no such thing.
    A year the question does not give is the year of the day asked."""
    t = fold_lower(question)
    # "số liệu tỷ lệ trực tuyến tính theo văn bản nào?" asks a rule, not dates: a word asking for a day is needed
    if not _ASKS_WINDOW.search(t) or not re.search(r"\b(so lieu|chot|ky bao cao)\b", t) or \
            not re.search(r"\b(ngay|thoi gian|moc|khi nao|bao gio|thoi diem)\b|\b\d{1,2}/\d{1,2}\b|"
                          r"\bthang \d{1,2}\b.{0,60}\b(bao cao|ky) nao\b", t):
        return []
    years = _YEAR.findall(t)
    year = int(years[-1]) if years else as_of.year
    if month := _asked_month(t, year):
        return [(name, w) for _, _, name, w in month_reports(*month)]
    out: list[tuple[str, DataWindow]] = []
    if "9 thang" in t:
        out.append((period_phrase("9 tháng", year), data_window("9 tháng", year)))
    if "6 thang" in t:
        out.append((period_phrase("6 tháng", year), data_window("6 tháng", year)))
    for q in dict.fromkeys(_ROMAN[m] for m in _QUARTER.findall(t)):
        roman = ["I", "II", "III", "IV"][q - 1]
        out.append((f"quý {roman} năm {year}", quarter_window(q, year)))
        # a CCHC report for quý II–IV is usually the cumulative one (quý III → 9 tháng): both windows are given
        cumulative = {2: "6 tháng", 3: "9 tháng", 4: "năm"}.get(q)
        if cumulative and all(name != period_phrase(cumulative, year) for name, _ in out):
            out.append((period_phrase(cumulative, year), data_window(cumulative, year)))
    if not out and re.search(r"\b(hang nam|ca nam|bao cao (cchc |cai cach hanh chinh )?nam)\b", t):
        out.append((period_phrase("năm", year), data_window("năm", year)))
    # no period named: the four reports of the year
    return out or [(period_phrase(p, year), data_window(p, year)) for p in PERIODS]


_MONTH = re.compile(r"\bthang (\d{1,2})(?:\s*/\s*|\s+nam\s+)?(20\d\d)?\b")


def _asked_month(folded: str, year: int) -> tuple[int, int] | None:
    """(month, year) of a month the question asks about; None when it names a period ("quý I", "6 tháng") instead."""
    if _QUARTER.search(folded) or re.search(r"\b[69] thang\b", folded):
        return None
    m = next((m for m in _MONTH.finditer(folded) if 1 <= int(m.group(1)) <= 12), None)
    return (int(m.group(1)), int(m.group(2) or year)) if m else None


def month_reports(month: int, year: int) -> list[tuple[dt.date, dt.date, str, DataWindow]]:
    """The parts of a calendar month and the quarter's report each part's figures go into: with the cut-off on the
    14th, days 1–14 of a quarter's last month close that quarter and the rest open the next (15/12 opens quý I)."""
    first = dt.date(year, month, 1)
    last = (dt.date(year + month // 12, month % 12 + 1, 1) - dt.timedelta(days=1))
    quarter = (month + 2) // 3
    name = f"quý {['I', 'II', 'III', 'IV'][quarter - 1]} năm {year}"
    if month % 3:  # the whole month inside one quarter's window
        return [(first, last, name, quarter_window(quarter, year))]
    nq, ny = (quarter % 4 + 1, year + (quarter == 4))
    return [(first, dt.date(year, month, 14), name, quarter_window(quarter, year)),
            (dt.date(year, month, 15), last, f"quý {['I', 'II', 'III', 'IV'][nq - 1]} năm {ny}", quarter_window(nq, ny))]


def _month_preface(question: str, as_of: dt.date) -> str:
    """'Số liệu tháng 3/2024: từ ngày 01/03/2024 đến ngày 14/03/2024 tính vào báo cáo quý I năm 2024; …'"""
    t = fold_lower(question)
    years = _YEAR.findall(t)
    month = _asked_month(t, int(years[-1]) if years else as_of.year)
    if not month:
        return ""
    parts = "; ".join(f"từ ngày {a:%d/%m/%Y} đến ngày {b:%d/%m/%Y} tính vào báo cáo {name}"
                      for a, b, name, _ in month_reports(*month))
    return f"Số liệu tháng {month[0]}/{month[1]}: {parts}. "


def window_line(question: str, as_of: dt.date, registry: Registry) -> tuple[str, LegalDocument | None]:
    """The one-line answer ("**Báo cáo quý I năm 2024: số liệu từ ngày 15/12/2023 đến ngày 14/03/2024.** …") and the
    decree it rests on; ("", None) when the question asks no data window."""
    deadline = bool(_ASKS_DEADLINE.search(fold_lower(question)))
    windows = asked_windows(question, as_of)
    if deadline and not windows:  # the period it names, if any: its data window is what the registry can give
        said = asked_windows(f"{question} lấy số liệu từ ngày nào", as_of)
        windows = said if len(said) < len(PERIODS) else []  # all four: no period was named
    if deadline:  # no registered document sets the day a report is due: said plainly, never guessed
        line = ("**Sổ đăng ký chưa có quy định về thời hạn gửi báo cáo cải cách hành chính: hạn gửi do văn bản yêu cầu "
                "báo cáo của cơ quan cấp trên quy định (kế hoạch CCHC năm, công văn đôn đốc, quy định chế độ báo cáo của "
                "tỉnh hoặc bộ) — cần đối chiếu văn bản đó.**")
        if not windows:
            return line, None
    if not windows:
        return "", None
    doc = registry.get(REPORTING_DECREE)
    spans = "; ".join(f"báo cáo {name}: số liệu tính {w.text()}" for name, w in windows)
    line = (line + " Thời gian chốt số liệu: " + spans + ".") if deadline else \
        f"**{_month_preface(question, as_of)}{spans[:1].upper()}{spans[1:]}.**"
    if doc is None:  # the rule still holds in practice; without the decree in the registry it is not cited
        return line + " (Thời gian chốt số liệu theo thực tiễn báo cáo; văn bản quy định chưa có trong sổ đăng ký.)", None
    status = registry.status_on(doc, as_of)
    if not status.in_force:
        return (line + f" Lưu ý: vào ngày {fmt_date(as_of)} {doc.citation()} {status.text}; cần kiểm tra quy định "
                "chốt số liệu đang áp dụng."), doc
    # the decree's number is verified; the article holding the rule is not (Điều 12 in the digest, tagged K)
    return (line + f" Căn cứ: thời gian chốt số liệu báo cáo định kỳ theo {doc.citation()} (Điều 12 "
            f"[K: {CONFIDENCE_LABELS['K']}, cần kiểm tra số điều])."), doc


# a period named in a question, with or without diacritics: what a follow-up ("còn 6 tháng thì sao?") replaces
_PERIOD_WORDS = re.compile(r"(?i)\b(?:quý|quy)\s+(?:IV|III|II|I|[1-4])\b(?:\s*(?:/|năm|nam)\s*\d{4})?|"
                           r"\b[69]\s+(?:tháng|thang)(?:\s+(?:đầu|dau)\s+(?:năm|nam))?(?:\s+\d{4})?|"
                           r"\b(?:tháng|thang)\s+\d{1,2}\b(?:\s*/\s*\d{4}|\s+(?:năm|nam)\s+\d{4})?|"
                           r"\b(?:năm|nam)\s+\d{4}\b|\b(?:cả|ca|hằng|hang)\s+(?:năm|nam)\b")


def follow_window(topic_question: str, message: str, as_of: dt.date) -> str:
    """The data-window question a follow-up asks ("còn quý II năm 2024?" after "… quý I năm 2024 lấy số liệu từ ngày
    nào?"): the topic's question with the message's periods in place of its own; "" when either is not of that kind."""
    named = [m.group(0) for m in _PERIOD_WORDS.finditer(message)]
    if not named or not asked_windows(topic_question, as_of):
        return ""
    if re.search(r"\bbao cao (cchc |cai cach hanh chinh )?nam\b", fold_lower(message)):
        # "thế còn báo cáo năm 2025?" is the year's report, not the four of that year
        named = [f"cả {n}" if re.match(r"(?i)n[aă]m \d{4}", n) else n for n in named]
        named = named if any(n.startswith("cả") for n in named) else ["cả năm", *named]
    if not _YEAR.search(" ".join(named)):  # "còn 6 tháng?": the year the topic was about
        years = _YEAR.findall(topic_question)
        named[-1] += f" năm {years[-1] if years else as_of.year}"
    # a topic that was itself a follow-up ends in "(quý II năm 2024)": that bracket goes with its periods
    subject = re.sub(r"\s*\([\s,]*\)", "", _PERIOD_WORDS.sub(" ", topic_question))
    subject = re.sub(r"\s{2,}", " ", subject).strip()
    named = [n[:1].lower() + n[1:] for n in named]
    return f"{subject.rstrip('?').rstrip()} ({', '.join(named)})?"
