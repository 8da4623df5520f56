"""The chat's memory of what is being asked: a follow-up ("Tháng 3/2024 thì sao?", "còn quý II năm 2025?",
"thế với cấp tỉnh?") is read against the last question, not as a question of its own, and the reply says
how it was understood ("Hiểu là: …, ngày 15/03/2024") so the official can correct it.

The reference date comes from the message when it names one: a day ("ngày 15/3/2024"), a month ("tháng
3/2024", "3/2024"), a quarter ("quý II/2024", "quý 2 năm 2024") or a year ("năm 2024": its last day, or
today in the current year)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from corpus.docnumbers import find_refs
from corpus.text import fold_lower
from drafting.law.windows import follow_window

_FOLLOW = re.compile(r"\b(thi sao|the nao|nhu the nao|con\b.*\bthi|the con|vay con|con (?:vao|voi|o|trong|truoc|sau|ky|quy|nam|thang|ngay|cap)|neu (?:la|vao|o))")
_QUARTER_MONTH = {"i": 2, "1": 2, "ii": 5, "2": 5, "iii": 8, "3": 8, "iv": 11, "4": 11}
_LEVELS = {"cap xa": "cấp xã", "cap huyen": "cấp huyện", "cap tinh": "cấp tỉnh", "phuong": "cấp xã",
           "so": "sở", "xa": "cấp xã", "huyen": "cấp huyện", "tinh": "cấp tỉnh"}


@dataclass
class Topic:
    question: str
    as_of: dt.date
    lead: str = ""  # the document the answer named first, and the day it took effect / its last day in force:
    lead_start: dt.date | None = None  # what "trước đó" / "sau đó" are read against
    lead_end: dt.date | None = None


_BEFORE = re.compile(r"\btruoc (?:do|thoi diem (?:do|nay)|khi (?:co|ap dung|ban hanh)|(?:nghi dinh|van ban|quy dinh) (?:nay|do))\b")
_AFTER = re.compile(r"\bsau (?:do|thoi diem (?:do|nay)|khi (?:het hieu luc|bi thay the))\b")


def relative_day(message: str, topic: Topic) -> tuple[dt.date, str] | None:
    """"Còn trước đó thì sao?": the last day before the answer's document took effect (or the first after it
    ended), with the words that say so — the official sees which boundary was meant."""
    f = fold_lower(message)
    if _BEFORE.search(f) and topic.lead_start:
        return topic.lead_start - dt.timedelta(days=1), f"trước ngày {topic.lead_start:%d/%m/%Y}, khi {topic.lead} có hiệu lực"
    if _AFTER.search(f) and topic.lead_end:
        return topic.lead_end + dt.timedelta(days=1), f"sau ngày {topic.lead_end:%d/%m/%Y}, khi {topic.lead} hết hiệu lực"
    return None


def date_in(message: str, today: dt.date) -> dt.date | None:
    """The reference date a message names, if any. A document's number is no date: "Nghị định 61/2018" is not
    month 61 of 2018, and the year said beside it still counts ("Năm 2024 văn bản nào hướng dẫn Nghị định 61/2018?")."""
    f = fold_lower(message)
    for r in find_refs(f):
        f = f[:r.start] + " " * (r.end - r.start) + f[r.end:]
    for m in re.finditer(r"\bngay\s+(\d{1,2})\s*[/-]\s*(\d{1,2})\s*[/-]\s*(\d{4})|\b(\d{1,2})/(\d{1,2})/(\d{4})\b", f):
        d, mo, y = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
        try:
            return dt.date(int(y), int(mo), int(d))
        except ValueError:
            continue
    for m in re.finditer(r"\bthang\s+(\d{1,2})\s*(?:/|nam)\s*(\d{4})|\b(\d{1,2})/(\d{4})\b", f):
        month, year = (m.group(1), m.group(2)) if m.group(1) else (m.group(3), m.group(4))
        if 1 <= int(month) <= 12:
            return dt.date(int(year), int(month), 15)
    m = re.search(r"\bquy\s+(iv|iii|ii|i|[1-4])\b\s*(?:/|nam)?\s*(\d{4})?", f)
    if m and (m.group(2) or re.search(r"\b(20\d\d)\b", f)):
        year = int(m.group(2) or re.search(r"\b(20\d\d)\b", f).group(1))
        return dt.date(year, _QUARTER_MONTH[m.group(1)], 15)
    m = re.search(r"\bnam\s+(20\d\d|19\d\d)\b", f)
    if m:
        year = int(m.group(1))
        return today if year == today.year else dt.date(year, 12, 31)
    return None


_TIME = re.compile(r"(?i)\s*(?:vào\s+|tại\s+|trong\s+)?(?:ngày\s+\d{1,2}\s*[/-]\s*\d{1,2}\s*[/-]\s*\d{4}|"
                   r"\d{1,2}/\d{1,2}/\d{4}|tháng\s+\d{1,2}\s*(?:/|năm)\s*\d{4}|\b\d{1,2}/\d{4}\b|"
                   r"quý\s+(?:IV|III|II|I|[1-4])\s*(?:/|năm)?\s*\d{4}|năm\s+\d{4}|"
                   r"hi[eệ]n\s+nay|hi[eệ]n\s+t[aạ]i|b[aâ]y\s+gi[oờ])(?!\w)")  # "now" is a time too


def without_time(question: str) -> str:
    """The subject of a question without the date it named: the date travels separately as the reference date."""
    out = _TIME.sub("", question).strip(" ,")
    return out[:1].upper() + out[1:] if out else question


def is_follow_up(message: str) -> bool:
    f = fold_lower(message).strip()
    return len(f) <= 80 and bool(_FOLLOW.search(f)) and "?" in message or (len(f) <= 40 and f.startswith("con "))


# "Nó thay thế những văn bản nào?", "Nghị định này có hiệu lực từ khi nào?": the document the last answer named
_ANAPHOR = re.compile(r"\b(?:no|(?:van ban|nghi dinh|thong tu|quyet dinh|nghi quyet) (?:nay|do|tren|ay))\b")


def resolve(message: str, topic: Topic | None, today: dt.date) -> tuple[str, dt.date, str]:
    """(the question to answer, its reference date, a line saying how a follow-up was understood — '' if none)."""
    when = date_in(message, today)
    folded = fold_lower(message)
    # (not "Trước khi có văn bản đó thì sao?": a follow-up on the answer's dates, read below)
    it = _ANAPHOR.search(folded) if topic is not None and topic.lead and not find_refs(message) and not \
        is_follow_up(message) and relative_day(message, topic) is None else None
    if it and (it.group(0) != "no" or message[it.start():it.end()].lower() == "nó" or folded == message.lower()):
        question = f"{message[:it.start()]}{topic.lead}{message[it.end():]}"  # folding keeps the offsets
        question = question[:1].upper() + question[1:]
        as_of = when or topic.as_of
        return question, as_of, f"Hiểu là: {question.rstrip('?')}, tính ở ngày {as_of:%d/%m/%Y}."
    if topic is None or not is_follow_up(message):
        return message, when or today, ""
    if window := follow_window(topic.question, message, topic.as_of):  # the dates of another period's figures
        as_of = when or topic.as_of
        return window, as_of, f"Hiểu là: {window.rstrip('?')}."
    question = without_time(topic.question)
    level = next((label for word, label in _LEVELS.items() if re.search(rf"\b{word}\b", fold_lower(message))), None)
    if level:
        question = re.sub(r"cấp (xã|huyện|tỉnh)", level, question) if re.search(r"cấp (xã|huyện|tỉnh)", question) \
            else f"{question} ({level})"
    relative = None if when else relative_day(message, topic)
    as_of = when or (relative[0] if relative else topic.as_of)
    why = f" ({relative[1]})" if relative else ""
    return question, as_of, f"Hiểu là: {question.rstrip('?')}, tính ở ngày {as_of:%d/%m/%Y}{why}."
