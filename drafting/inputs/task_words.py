"""A next task in the official's words: "Quý IV Sở tập trung rà soát …" is listed as its verb phrase ("Tập trung rà
soát …"), as reports list them; a list joined by commas is one task per item. And where a text speaks of what is
planned ("sẽ", "dự kiến", "thời gian tới", the next period named first): those spans carry the plan's numbers, not the
period's figures."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.figures.facts import Fact
from drafting.figures.periods import later_period_said

# a task is written as the verb phrase ("Tập trung …"), as reports list them; an upper level's action ("Quý IV UBND
# tỉnh sẽ tổ chức …") keeps its subject, and so does a board's ("Ban Chỉ đạo tiếp tục …": "chỉ đạo" is also a verb)
_SUBJECTS = r"xa|phuong|dac khu|thi tran|so|trung tam|don vi|co quan|phong|ban(?!\s+chi dao)"  # "đặc khu": a commune's level
_TASK_VERBS = (r"\s*(?:(?:se|du kien)\s+)?(?=(?:tap trung|tiep tuc|phan dau|trien khai|thuc hien|hoan thanh|to chuc|day manh|ra soat|"
               r"ban hanh|kien toan|nang cao|duy tri|chi dao|kiem tra|phoi hop|xay dung|nang cap|so hoa|cai thien|"
               r"rut ngan|tang cuong|van hanh|cap nhat|mo rong|bo tri|trang bi|lap dat|nang ty le|nang chat luong|"
               r"tap huan|boi duong|tuyen truyen)\b)")
# the unit's own level word, when the report is a district's, a province's …: "Năm 2025 huyện tập trung …"
_OWN_LEVEL = re.compile(r"^(thanh pho|thi xa|dac khu|huyen|quan|tinh)\b")


NO_HEAD = re.compile("")  # no period named before the task

# words that put a clause in the future: what it says is planned, not done ("theo dự kiến": as planned, done)
_NEXT_SAID = re.compile(r"\b(ky toi|quy toi|thoi gian toi|6 thang cuoi nam|nam toi|sap toi|(?<!chia )se|"
                       r"(?<!theo )(?<!nhu )(?<!so voi )du kien)\b")
# and an aim ("Quý IV phường phấn đấu số hóa 100% hồ sơ, tổ chức 2 hội nghị đối thoại"): what it counts is planned
_PLANNED = re.compile(rf"{_NEXT_SAID.pattern}|\bphan dau\b")
_PAST_CLAUSE = re.compile(r"[,;:]\s*(?:va\s+)?(?:da|den nay|hien nay|trong ky)\b")


def future_words(text: str, pattern: re.Pattern = _NEXT_SAID, start: int = 0, end: int | None = None):
    """The words of text[start:end] that put it in the future, as matches on its folded form: "se" only where it is
    "sẽ" as typed, or in a text typed without diacritics — never the name "Chư Sê" ("Chu Se")."""
    folded = fold_lower(text)
    accented = folded != text.lower()
    return (m for m in pattern.finditer(folded, start, len(folded) if end is None else end)
            if m.group(0) != "se" or text[m.start():m.end()] in (("sẽ", "Sẽ") if accented else ("se",)))


def planned_spans(text: str) -> list[tuple[int, int]]:
    """Spans of what a sentence says will be done ("Thời gian tới, xã sẽ kiểm tra CCHC tại 4 thôn"; "Xã đã tổ chức 2
    hội nghị, sẽ tổ chức thêm 1 hội nghị"): from the start of the clause of the future's word to the sentence's end or a
    clause of what is done ("…, đến nay đã kiểm tra 3"). Its numbers are the plan's, not figures of the period."""
    out, folded, pos = [], fold_lower(text), 0
    for sentence in re.split(r"(?<=[.!?\n;])", folded):
        # (a meeting "triển khai nhiệm vụ 6 tháng cuối năm" was held: that name alone puts nothing in the future)
        if m := next((m for m in future_words(text, _PLANNED, pos, pos + len(sentence))
                      if not m.group(0).startswith("6")), None):
            start = max((c.end() for c in re.finditer(r"[,:]", folded[pos:m.start()])), default=0)
            past = _PAST_CLAUSE.search(folded, m.end(), pos + len(sentence))
            out.append((pos + start, past.start() if past else pos + len(sentence)))
        pos += len(sentence)
    return out


def task_text(text: str, said: re.Pattern, unit: str = "") -> str:
    """"Quý IV Sở tập trung rà soát 15 TTHC …" → "Tập trung rà soát 15 TTHC …"; anything else unchanged. unit: the
    report's unit ("huyện Yên Thế"), whose level word is a subject too."""
    folded = fold_lower(text)
    head = said.match(folded)
    if head is None or len(folded) != len(text):
        return text
    own = _OWN_LEVEL.match(fold_lower(unit))
    subjects = _SUBJECTS + (f"|{own.group(1)}" if own else "")
    subject = re.compile(rf"(?:\s+nam(?: \d{{4}})?)?[\s,:]*(?:(?:ubnd|uy ban nhan dan) )?(?:{subjects})?{_TASK_VERBS}").match(
        folded, head.end())
    # "Quý II: phối hợp …": the name as a label — whatever follows its colon is the task, whatever the verb
    subject = subject or re.compile(r"(?:\s+nam(?: \d{4})?)?\s*:\s*(?=\w)").match(folded, head.end())
    if subject is None:
        return text
    rest = text[subject.end():]
    return rest[:1].upper() + rest[1:]


# "đẩy mạnh thanh toán trực tuyến, tổ chức đối thoại với doanh nghiệp": a comma before a plan's verb starts a new task
# ("đôn đốc giải ngân, phấn đấu đạt trên 95%": the aim of the task before it, not another)
_NEXT_ITEM = re.compile(r",(?!\s*phan dau)(?=" + _TASK_VERBS + ")")


# "hoàn thành chỉnh lý, số hóa hồ sơ hộ tịch": an item ending in its verb shares the next item's object — one task
# (not "100% hồ sơ được số hóa", a passive with its subject)
_BARE_VERB = re.compile(r"(?<!duoc )\b(?:chinh ly|ra soat|cap nhat|so hoa|kiem tra|bo sung|sua doi|hoan thien|xay dung|nang cap|"
                        r"tong hop|danh gia|luu tru|cong khai|niem yet|sap xep|kien toan|ban hanh|trien khai)$")


def task_items(text: str) -> list[str]:
    """"Đẩy mạnh thanh toán trực tuyến, tổ chức đối thoại với doanh nghiệp" → two tasks; "rà soát, cập nhật quy trình"
    (an item of two words) stays one."""
    folded = fold_lower(text)
    if len(folded) != len(text):
        return [text]
    cuts = [0, *(m.start() for m in _NEXT_ITEM.finditer(folded)), len(text)]
    items = [text[x:y].strip(" ,") for x, y in zip(cuts, cuts[1:])]
    if len(items) == 1 or any(len(i.split()) < 3 for i in items) or any(_BARE_VERB.search(fold_lower(i)) for i in items[:-1]):
        return [text]
    return [i[:1].upper() + i[1:] for i in items]


_FUTURE_LEAD = re.compile(r"^\s*(?:(?:trong )?(?:thoi gian|ky|quy|nam) toi|sap toi)?")


def planned_task(clause: str) -> str:
    """"Thời gian tới, xã sẽ kiểm tra CCHC tại 4 thôn" → "Kiểm tra CCHC tại 4 thôn"; "Xã đã tổ chức 2 hội nghị, sẽ tổ
    chức thêm 1 hội nghị" → "Tổ chức thêm 1 hội nghị": the planned part as a task, its lead and subject dropped."""
    spans = planned_spans(clause)
    words = clause[spans[0][0]:spans[0][1]].strip(" ,;:.") if spans else clause
    words = task_text(words, _FUTURE_LEAD)
    return words[:1].upper() + words[1:]


def next_period_clauses(text: str, next_period: str) -> list[tuple[int, int]]:
    """Spans of the clauses that start with the next period's name, and of the clauses after them in their sentence
    (read_facts takes those as tasks too): "Quý IV: đẩy mạnh …; kiểm tra CCHC tại 4 phòng chuyên môn" — its 4 is the
    plan's, not a figure of this period."""
    said, out, pos, lead = later_period_said(next_period), [], 0, False
    for part in re.split(r"(?<=[.;!?\n])", text):
        lead = bool(said.match(fold_lower(part))) or lead and not re.search(r"[.!?\n]\s*$", text[:pos])
        if lead:
            out.append((pos, pos + len(part)))
        pos += len(part)
    return out


# after the period's name, the unit as subject ("Quý IV Sở sẽ tập trung …"): under the heading "… QUÝ IV NĂM 2026"
def next_period_tasks(facts: list[Fact], next_period: str, unit: str = "") -> list[Fact]:
    """"Quý IV xã tiếp tục rà soát …" in a 9-month report: an activity said for the next period is a task of
    section IV, not something done. next_period: "quý IV năm 2026", "6 tháng cuối năm 2026", "năm 2027"."""
    said = later_period_said(next_period)
    return [f.model_copy(update={"kind": "task", "section": "IV", "number": "", "text": task_text(f.text, said, unit)})
            if f.kind in ("event", "document", "task") and said.match(fold_lower(f.text)) else f for f in facts]
