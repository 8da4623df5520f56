"""Figures and report metadata said in a chat message, read by rules.

"Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, trước và đúng
hạn 245, quá hạn 7" → tthc.ho_so_tiep_nhan = 253, tthc.ho_so_dung_han_tong = 245, tthc.ho_so_qua_han = 7,
period "6 tháng", year 2025, locality "xã Ba Trang".

Every figure keeps the exact span of the message it was read from, so the official can see where it
came from and nothing is taken from anywhere else. Numbers that name a period, a year, a date or a
document are not figures; numbers next to no known label are listed as not understood, never guessed;
rates are computed in code, so a rate typed by the official is noted and not used."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from pydantic import BaseModel, Field

from corpus.docnumbers import find_refs
from corpus.text import fold_lower
from drafting.figures.facts import LATE_DOSSIERS, PENDING_TASKS, WITHIN_TIME_TASKS, Fact, Target
from drafting.figures.nd30 import head_of
from drafting.figures.periods import Period, data_window, report_of_quarter
from drafting.figures.schema import FIELD_BY_KEY
from drafting.figures.vnformat import NUMBER_RE, fmt_decimal, parse_vn_number
from drafting.inputs.blocked import PERIOD_WORDS
from drafting.inputs.chat_facts import COMMAND as _COMMAND
from drafting.inputs.chat_facts import (
    REPORT_TITLE,
    cause_of,
    read_facts,
    task_list_spans,
    worded_spans,
)
from drafting.inputs.clauses import OWN_NOUNS, WHOLE_CLAUSE, drop_number_words, own_noun
from drafting.inputs.document_counts import legal_document_counts, theory_level_counts
from drafting.inputs.figure_text import read_figures, sentence_span
from drafting.inputs.other_periods import other_period_clauses
from drafting.inputs.said_counts import carried_onward, onward_unsure, said_counts
from drafting.inputs.shorthand import written_out
from drafting.inputs.target_text import read_targets
from drafting.inputs.task_words import next_period_clauses, planned_spans
from drafting.inputs.text_reading import MISMATCH, Ambiguous, ReadFigure, Unread
from drafting.inputs.unit_names import read_parent, read_place
from drafting.inputs.unread_facts import (
    area_notes,
    basis_notes,
    level_notes,
    rate_notes,
    rest_of_plan_notes,
    scope_notes,
    unread_activities,
    when_notes,
)

ChatFigure = ReadFigure  # a figure read from a message is a figure read from any text


class ChatMeta(BaseModel):
    period: Period | None = None
    year: int | None = None
    level: str | None = None
    locality: str | None = None
    date: dt.date | None = None
    request: bool = False  # said in a request or a title ("Soạn báo cáo … năm 2025"), not in a sentence of data
    typed_locality: str = ""  # the unit's name as typed without diacritics, when the gazetteer gave it its marks
    parent: str = ""  # the People's Committee above, when named after the unit ("…, Thành phố Hồ Chí Minh")
    quarter: str = ""  # "quý III" asked for: made the cumulative report it is part of (9 tháng), and said so


# what a chat must have said before anything is drafted (the rest has defaults the official can correct)
REQUIRED_META = {"period": "kỳ báo cáo (quý I, 6 tháng, 9 tháng hay năm)", "year": "năm báo cáo",
                 "locality": "tên cơ quan, địa phương (ví dụ: xã Ba Trang)"}


def missing_meta(values: dict) -> list[str]:
    return [label for f, label in REQUIRED_META.items() if values.get(f) in (None, "", [])]


class ChatReading(BaseModel):
    figures: list[ChatFigure] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list, description="activities, limitations, tasks the message reports")
    unread: list[Unread] = Field(default_factory=list)
    ambiguous: list[Ambiguous] = Field(default_factory=list, description="numbers with two readings: asked")
    meta: ChatMeta = Field(default_factory=ChatMeta)
    fact_spans: list[tuple[int, int]] = Field(default_factory=list, description="clauses read as facts")
    # "Cùng kỳ năm 2025 xã nhận 342 hồ sơ", "Quý trước tiếp nhận 320": another period's figures, for comparison
    same_period: list[ChatFigure] = Field(default_factory=list)
    previous: list[ChatFigure] = Field(default_factory=list)
    # "chỉ tiêu tỉnh giao: tỷ lệ hồ sơ trực tuyến đạt 70% theo Kế hoạch số 25/KH-UBND": what a verdict is judged against
    targets: list[Target] = Field(default_factory=list)
    unsure_targets: list[str] = Field(default_factory=list, description="percentages set as targets by no one named")
    corrects: bool = Field(default=False, description="said as a correction (“Sửa lại: …”, “Nhầm, …”)")

    def in_fact(self, f: ReadFigure) -> bool:
        """"Hạn chế: còn 3 hồ sơ đất đai quá hạn do …": a number inside a limitation is its detail."""
        return any(a <= f.start < b for a, b in self.fact_spans)

    def values(self) -> dict[str, Decimal]:
        return {f.key: f.value for f in self.figures}


_CORRECTS = re.compile(r"^\s*(?:xin\s+)?(?:sua lai|nham|dinh chinh|chinh lai|dieu chinh lai)\b\s*[:,.-]?\s*")  # not "Sửa đổi 7 TTHC"
# a document's number ("29/2023/nd-cp") or its date right after its number ("14/kh-ubnd ngay 30/01/2023")
_DOCUMENT_YEAR = re.compile(r"\d\s*/\s*20\d\d\s*/\s*[a-z]|/[a-z][a-z0-9-]*\s+ngay\s+\d{1,2}\s*/\s*\d{1,2}\s*/\s*20\d\d\b")


# a period that names an event ("hội nghị sơ kết 6 tháng"), not the report's — unless it is the only one said
_EVENT_NAMED = re.compile(r"\b(?:so ket|tong ket|hoi nghi|cuoc hop|giao ban)\s+(?:cong tac\s+)?(?:cchc\s+)?$")


def read_period(text: str) -> tuple[Period | None, int | None, list[tuple[int, int]]]:
    """Period, year and the spans of the words that say them (not figures)."""
    t = fold_lower(text)
    spans: list[tuple[int, int]] = []
    period: Period | None = None
    # "Kế hoạch CCHC năm đặt ra 32 nhiệm vụ": the year's plan, in any report — not the year's report
    said: list[tuple[int, bool, Period]] = []
    for pattern, value in ((r"\bquy (i|1)\b(?! ?i)", "quý I"), (r"\b6 thang( dau nam)?\b(?! cuoi)", "6 tháng"),
                           (r"\bsau thang\b", "6 tháng"), (r"\b9 thang( dau nam)?\b", "9 tháng"),
                           (r"\bchin thang\b", "9 tháng"), (r"\b(?<!ke hoach )(?<!nhiem vu )(bao cao|ket qua|cchc|ky)\s+nam\b", "năm"),
                           (r"\b(ca|trong) nam 20\d\d\b", "năm"), (r"^\s*nam 20\d\d\b", "năm")):
        m = re.search(pattern, t)
        if m:
            said.append((m.start(), bool(_EVENT_NAMED.search(t, 0, m.start())), value))
            spans.append(m.span())
    # "9 tháng năm 2026, phường … tổ chức 01 hội nghị sơ kết 6 tháng": the period said first, not an event's name
    if said:
        period = min((x for x in said if not x[1]), default=min(said))[2]
    year = None
    # a year is said as "năm 2025" or "…/2025"; a bare 2025 may be a count ("tiếp nhận 2025 hồ sơ")
    # "9 tháng 2026", "quý III 2026": the period's words right before the year say it too
    for m in re.finditer(r"\bnam (20\d\d)\b|/\s*(20\d\d)\b|\b(?:\d thang|quy [iv]+)\s+(20\d\d)\b", t):
        if m.group(2) and _DOCUMENT_YEAR.search(t, max(0, m.start() - 40), m.end() + 2):
            continue  # "theo Nghị định 29/2023/NĐ-CP", "Kế hoạch 14/KH-UBND ngày 30/01/2023": a document's year
        if re.search(r"\b(?:so voi (?:cung ky )?|chuyen (?:tiep )?(?:sang|qua) )$", t[max(0, m.start() - 20):m.start()]):
            continue  # "giảm 4 đơn vị so với năm 2024", "… chuyển sang năm 2027 là 52": not the message's year
        y = int(m.group(1) or m.group(2) or m.group(3))
        if 2000 <= y <= 2100:
            year = year or y
            spans.append(m.span())
    spans += [m.span() for m in PERIOD_WORDS.finditer(t)]
    return period, year, spans


_PAST_YEAR_SAID = "số của năm trước, không phải của kỳ báo cáo"
_PART_SAID = "số của một quý trong kỳ, không phải của cả kỳ báo cáo: xin ghi số của cả kỳ"
APART = (_PAST_YEAR_SAID, _PART_SAID)  # figures said of another time than the period's: a message of figures still
_PLAN_NAME = re.compile(r"\b(?:ke hoach|chuong trinh|de an)\b[^.;:,\d]{0,40}?\bnam 20\d\d\b")
_TYPED_RATE = "tỷ lệ do hệ thống tự tính từ số liệu, không lấy số đã tính sẵn"


# a shortfall counted with its cause in the same clause ("2 nhiệm vụ đang triển khai do chờ hướng dẫn của Bộ Y tế",
# "trễ hạn 8 hồ sơ vì phải xác minh"): the limitation section III writes from the count, with the official's cause
_SHORTFALLS = {"tthc.ho_so_qua_han": LATE_DOSSIERS, "chi_dao.nhiem_vu_cap_tren_chua_xong": PENDING_TASKS}
# "trễ hạn 9 hồ sơ (chủ yếu lĩnh vực lý lịch tư pháp do chờ xác minh …)": where the count lies may come between
_CAUSE_AFTER = re.compile(r"^[^.;,()]{0,60}?(?:\s*[(,]\s*(?:ch[ủu] y[ếe]u|ph[ầa]n l[ớo]n|t[ậa]p trung)\b[^.;,()]{0,80}?|\s*\()?"
                          r"\s*\b(?:do|vì|bởi vì|là do)\s+(?P<cause>[^.;()]{6,160})", re.IGNORECASE)


# directing documents said with what they were for, beyond the usual words: kept as said, to the sentence's end
_DOCS_ABOUT = re.compile(r"\s+(van ban\s+(?!chi dao(?:,? dieu hanh)?(?: ve (?:cong tac )?(?:cchc|cai cach hanh chinh))?\s*(?:[.;\n]|$))"
                         r"(?:don doc|huong dan|trien khai|chi dao|chan chinh|yeu cau|day manh|tang cuong)\b[^.;\n\d]{3,120})")


def _with_caused_shortfalls(text: str, reading: ChatReading) -> list[Fact]:
    """The reading's facts with each shortfall's limitation and its cause; the fact reader's limitation made of the same
    words ("Đã giải quyết 120 hồ sơ, trễ hạn 8 hồ sơ" with that cause) gives way to it: section III writes it from the
    count."""
    facts, out = list(reading.facts), []
    for f in reading.figures:
        m = _CAUSE_AFTER.match(text[f.end:])
        if f.key not in _SHORTFALLS or not m:
            continue
        cause = cause_of(m.group("cause"))
        cause = cause[:1].lower() + cause[1:]
        same = [x for x in facts if x.kind == "shortcoming" and fold_lower(x.cause).strip(" )") == fold_lower(cause)]
        if same or not any(x.kind == "shortcoming" for x in facts):
            facts = [x for x in facts if x not in same]
            out.append(Fact(section="III", kind="shortcoming", text=_SHORTFALLS[f.key], cause=cause,
                            origin=f"tin nhắn: «{f.words[:80]}»"))
    return facts + out


# "tiếp nhận 4.215 hồ sơ, trong đó trực tuyến 3.120, chủ yếu thuộc lĩnh vực hộ tịch và chứng thực": where the count lies,
# the official's detail, kept as a note of the nearest count it can be said of (the online part gives way to its total)
_MAINLY = re.compile(r"[^.;\n\d]{0,30}?[,(]\s*(?:chu yeu|phan lon|tap trung)\s+(?:(?:thuoc|o|la|vao|trong|tai)\s+)?(?:cac\s+)?"
                     r"(?=linh vuc\s)([^.;\n()]+)")
_MAINLY_CAUSE = re.compile(r"\s(?:do|vì|bởi vì|là do)\s", re.IGNORECASE)  # the fields end where a cause begins
_MAINLY_OF = {"tthc.ho_so_tiep_nhan": "Hồ sơ tiếp nhận", "tthc.ho_so_moi": "Hồ sơ tiếp nhận", "tthc.ho_so_qua_han": "Hồ sơ quá hạn",
              "tthc.ho_so_da_giai_quyet": "Hồ sơ đã giải quyết", "tthc.pakn_tiep_nhan": "Phản ánh, kiến nghị",
              "tthc.ho_so_dang_giai_quyet": "Hồ sơ đang giải quyết"}


def _mainly_in(text: str, folded: str, figures: list[ReadFigure]) -> list[Fact]:
    out = []
    for i, f in enumerate(figures):
        m = _MAINLY.match(folded, f.end)
        if not m:
            continue
        pieces = []  # the fields listed, up to the next clause of figures ("…, đã giải quyết 4.150 hồ sơ")
        for piece in _MAINLY_CAUSE.split(text[m.start(1):m.end(1)])[0].split(","):
            if pieces and (re.search(r"\d", piece) or re.match(r"\s*(?:da|dang|trong do|con|qua|dung)\b", fold_lower(piece))):
                break
            pieces.append(piece)
        if re.search(r"\d", pieces[0]) or any(f.end < g.start < m.start(1) + len(",".join(pieces)) for g in figures):
            continue  # "chủ yếu thuộc lĩnh vực đất đai 120 hồ sơ": a count of its own, the figure reader's
        owner = next((g for g in reversed(figures[:i + 1]) if g.key in _MAINLY_OF), None)  # "trong đó trực tuyến": its total
        if owner and not re.search(r"[;\n]|\.(?!\d)", text[owner.end:f.end]):
            words = ",".join(pieces).strip()
            mainly = " ".join(re.split(r"[,(]", fold_lower(text[m.start():m.start(1)]))[-1].split()[:2])
            lead = {"chu yeu": "chủ yếu", "phan lon": "phần lớn"}.get(mainly, "tập trung")
            out.append(Fact(section="II.2", kind="note", text=f"{_MAINLY_OF[owner.key]} {lead} thuộc {words}",
                            origin=f"tin nhắn: «{text[f.start:m.end()][:80]}»"))
    return out


def _add_listed_documents(reading: ChatReading, folded: str) -> None:
    """"Sở ban hành Kế hoạch số 08/KH-SCT …. Sở ban hành thêm 6 công văn …", "ban hành Kế hoạch số 45/KH-UBND … và 14
    văn bản chỉ đạo khác": the documents the message lists are not among the 6 or the 14 — the count of documents
    issued is their sum, made in code and noted for the official to confirm."""
    listed = [d.number for d in reading.facts if d.kind == "document" and d.section == "I" and d.number]
    for f in reading.figures:
        more = re.search(r"\bthem\s*$", folded[max(0, f.start - 12):f.start])  # "ban hành thêm 6 công văn", whatever named it
        word = "thêm" if more else "khác" if re.match(
            r"[^.;,\d]{0,40}?\b(?:van ban|cong van)\b[^.;,\d]{0,25}?\bkhac\b", folded[f.end:]) else ""
        if f.key == "chi_dao.van_ban_chi_dao" and listed and word:
            total = f.value + len(listed)
            f.note = (f"{f.quote} văn bản “{word}” + {len(listed)} văn bản đã nêu ({', '.join(listed)}) = "
                      f"{fmt_decimal(total)}, cộng trong phần mềm")
            f.value = total


# the budget and the public investment of a whole area, said so ("Giải ngân vốn đầu tư công của tỉnh …", "Thu ngân sách
# trên địa bàn xã …"): the draft keeps whose they are — a department reports the province's, not its own
_SCOPED = ("tai_chinh.von_dau_tu_giai_ngan", "tai_chinh.von_dau_tu_ke_hoach", "tai_chinh.thu_ngan_sach_thuc_hien",
           "tai_chinh.thu_ngan_sach_du_toan")
_SCOPE = re.compile(r"\b(?:cua (?:toan )?|toan |tren dia ban (?:toan )?)(?:tinh|thanh pho|huyen|xa|phuong|dac khu)\b")

# tasks still running within their deadline ("02 nhiệm vụ đang thực hiện trong hạn", "1 nhiệm vụ chưa đến hạn")
_WITHIN_TIME = re.compile(r"\s*(?:nhiem vu\s+)?(?:(?:dang|con dang)\s+(?:thuc hien|trien khai)\s+)?(?:trong (?:thoi )?han|chua den han)\b")


# a commune speaking of itself: "Xã đang thực hiện 107 TTHC cấp xã", "UBND phường Hồng Hà có 105 TTHC cấp xã"
_COMMUNE_SUBJECT = re.compile(r"\s*(?:[^,.;]{0,30},\s*)?(?:ubnd |uy ban nhan dan )?(?:xa|phuong|thi tran|dac khu)\b")
_LEVELS = {"tthc.tthc_tong_so", "tthc.tthc_cap_tinh", "tthc.tthc_cap_huyen"}


def _commune_total(folded: str, figures: list[ReadFigure]) -> list[ReadFigure]:
    """A commune has no level below it: its commune-level procedures, said of itself with no other level, are all it
    handles — its total (as a commune's report is read, report_text._own_level_totals)."""
    if any(f.key in _LEVELS for f in figures):
        return figures
    return [f.model_copy(update={"key": "tthc.tthc_tong_so", "label": FIELD_BY_KEY["tthc.tthc_tong_so"].label,
                                 "note": "xã nói về mình: số TTHC cấp xã là tổng của đơn vị"})
            if f.key == "tthc.tthc_cap_xa" and _COMMUNE_SUBJECT.match(folded, sentence_span(folded, f.start, f.end)[0])
            else f for f in figures]


def read_message(text: str, next_period: str = "", last_year: int | None = None, period: str = "") -> ChatReading:
    """next_period: the period after the report's ("quý IV năm 2026"), when the chat knows it — a clause about it is
    a task, its numbers the task's words. last_year: the year before a year report's, when the chat knows it — a
    clause about it ("năm trước", "năm 2025") is the same period of last year. period: the report's ("9 tháng"), when
    the chat knows it — a clause led by one of its quarters gives a part of its figures, asked about."""
    text = drop_number_words(text)  # "tổ chức 01 (một) hội nghị sơ kết": the number once, as the facts say it
    text = written_out(text)  # "đã gq 3.302 hs": chat shorthand read as the words it stands for
    # "Sửa lại: trễ hạn 5 hồ sơ, do …": what follows replaces what was said, and the lead is no words of a fact
    corrects = _CORRECTS.match(fold_lower(text))
    text = " " * corrects.end() + text[corrects.end():] if corrects else text
    _, _, period_spans = read_period(text)
    others = other_period_clauses(fold_lower(text), last_year, period)
    planned = (next_period_clauses(text, next_period) if next_period else []) + task_list_spans(text) + worded_spans(text) + \
        planned_spans(text)
    # "HĐND tỉnh ban hành 9 nghị quyết, UBND tỉnh … 21 quyết định QPPL", "lý luận chính trị cao cấp 2, trung cấp 5": one sum
    summed = legal_document_counts(text) + theory_level_counts(text)
    read = read_figures(text, unique=True, blocked=period_spans + [(a, b) for a, b, _ in others] + planned +
                        [(f.start, f.end) for f in summed])
    read.figures = sorted(summed + read.figures, key=lambda f: f.start)
    unread = [u.model_copy(update={"reason": _TYPED_RATE}) if u.quote.endswith("%") else u for u in read.unread]
    reading = ChatReading(figures=read.figures, unread=unread, ambiguous=read.ambiguous, corrects=bool(corrects))
    for a, b, kind in others:  # read alone, so its figures take the same keys as this period's
        alone = read_figures("".join(c if a <= i < b else " " for i, c in enumerate(text)), unique=True, blocked=period_spans)
        # "386 hồ sơ (cùng kỳ năm 2025: 342 hồ sơ)", "tiếp nhận 386 hồ sơ; cùng kỳ năm trước là 342 hồ sơ": a number
        # nothing names is the same figure's as the one just before it in the sentence
        before = next((f for f in reversed(read.figures) if f.end <= a and not re.search(r"[.\n]", text[f.end:a])
                       and a - f.end <= 40), None)
        if before and not alone.figures and alone.unread:
            u = alone.unread[0]
            alone.figures.append(before.model_copy(update={"value": parse_vn_number(u.quote), "quote": u.quote,
                                                           "start": u.start, "end": u.end}))
            alone.unread = alone.unread[1:]
        if kind in ("past_year", "part"):  # "Năm 2025 … 980 hồ sơ, năm nay …", "Quý III … 410 hồ sơ" (9 tháng): shown
            # back as not this period's, never kept
            alone.unread += [Unread(quote=f.quote, context=f.words, start=f.start, end=f.end,
                                    reason=_PAST_YEAR_SAID if kind == "past_year" else _PART_SAID) for f in alone.figures]
        else:
            getattr(reading, kind).extend(alone.figures)
        reading.unread += alone.unread
    # a rate the official typed is noted, not used: the system computes rates from the counts — except all of them
    # ("đúng hạn 100%"), and figures said by words ("tiếp nhận và giải quyết 640 hồ sơ", "đã xử lý xong"): said_counts
    folded = fold_lower(text)
    same, typed, used = said_counts(text, folded, reading.figures, read.rates, reading.unread)
    reading.figures = carried_onward(folded, _commune_total(folded, reading.figures + same), next_period)
    unsure = [] if next_period else onward_unsure(text, folded, reading.figures)  # in or out, no report year: asked
    reading.figures, reading.ambiguous = [f for f in reading.figures if f.start not in {u.start for u in unsure}], \
        reading.ambiguous + unsure
    reading.unread = [u for u in reading.unread if u not in used] + [
        Unread(quote=r.quote, context=r.context, start=r.start, end=r.end, reason=_TYPED_RATE) for r in typed]
    for f in reading.figures:  # "kiểm tra 5 khu phố": the draft says what was counted as the official did
        if f.key in OWN_NOUNS and parse_vn_number(f.quote) == f.value:
            f.noun = own_noun(text, f.end, whole=f.key in WHOLE_CLAUSE)
        elif f.key == "chi_dao.van_ban_chi_dao" and (m := _DOCS_ABOUT.match(folded, f.end)) and len(folded) == len(text):
            f.noun = text[m.start(1):m.end(1)].strip(" ,")  # "9 văn bản đôn đốc các sở, ngành về …": what they were for
        elif f.key in _SCOPED and (m := _SCOPE.search(folded, *sentence_span(folded, f.start, f.end))):
            f.noun = text[m.start():m.end()]  # "vốn đầu tư công của tỉnh" in a department's report: whose money
        elif f.key == "chi_dao.nhiem_vu_cap_tren_chua_xong" and _WITHIN_TIME.match(folded, f.end):
            f.noun = WITHIN_TIME_TASKS  # "2 nhiệm vụ đang thực hiện trong hạn": not late, no shortcoming
        elif f.key == "cds.iso_ap_dung" and (m := re.match(r"\s+((?:tại|ở|trong)\s[^.;\n]{3,120})", text[f.end:])):
            f.noun = m.group(1).strip(" ,")  # "… ISO 9001:2015 tại tất cả các phòng, đơn vị": where, as written
            reading.unread = [u for u in reading.unread if not f.end <= u.start < f.end + m.end()]  # its own words
        elif f.key == "chi_dao.co_quan_duoc_kiem_tra" and f.note.startswith("tổng của") and NUMBER_RE.match(f.quote):
            # a sum of places: its parts, in the official's words ("6 phòng công chứng và 4 tổ chức hành nghề luật sư")
            last = list(NUMBER_RE.finditer(text, f.start, f.start + len(f.quote)))[-1]
            f.noun = f"cơ quan, đơn vị ({text[f.start:last.end()]} {own_noun(text, last.end())})".replace(" )", ")")
    # a rate aimed at in the next period ("Năm 2025 huyện phấn đấu … đạt 70%") is that period's task, no target now
    reading.targets, reading.unsure_targets = read_targets(
        "".join(" " if any(a <= i < b for a, b in planned) else c for i, c in enumerate(text)))
    set_as, values = set(reading.unsure_targets), {t.value for t in reading.targets}  # "0,5%" is the target 0,50
    reading.unread = [u for u in reading.unread if re.sub(r"\s+", "", u.quote) not in set_as and not (
        u.quote.endswith("%") and parse_vn_number(u.quote.rstrip("% ")) in values)]
    fact_spans: list[tuple[int, int]] = []
    # (another period's figures are figures too: "Cùng kỳ năm ngoái phường trễ hẹn 15 hồ sơ" is no limitation of now)
    told = [(f.start, f.end) for f in [*reading.figures, *reading.same_period, *reading.previous]] + [
        (u.start, u.end) for u in reading.unread if u.reason in APART]  # asked, not facts
    reading.facts = read_facts(text, told, fact_spans, next_period)
    reading.facts = _with_caused_shortfalls(text, reading) + _mainly_in(text, folded, reading.figures)
    for f in [f for f in reading.figures if f.key in _SHORTFALLS and _CAUSE_AFTER.match(text[f.end:])]:
        # "Tiếp nhận 1.126 hồ sơ, …, trong đó 6 hồ sơ quá hạn do …": the limitation is the late count's clause; the
        # counts before it are told as figures, not inside the fact
        head = max((m.end() for m in re.finditer(r"[,;:.\n]|\btrong do\b", folded[:f.start])), default=0)
        fact_spans[:] = [(max(a, head), b) if a <= f.start < b else (a, b) for a, b in fact_spans]
    # "Hạn chế: còn 15 hồ sơ quá hạn, …. Nguyên nhân do …": a cause naming nothing, after a shortfall counted in the same
    # message and no limitation in words, is that shortfall's
    counted = [_SHORTFALLS[f.key] for f in reading.figures if f.key in _SHORTFALLS]
    if len(counted) == 1 and not any(f.kind == "shortcoming" and f.text for f in reading.facts):
        reading.facts = [f.model_copy(update={"text": counted[0]}) if f.kind == "shortcoming" and not f.text and f.cause
                         else f for f in reading.facts]
    loose = [u for u in reading.unread if not any(a <= u.start < b for a, b in fact_spans)]  # not told in a fact yet
    for fact, span in level_notes(text, loose, reading.figures):  # "…, trong đó cấp huyện 5.210 hồ sơ, …"
        reading.facts.append(fact)
        fact_spans.append(span)
    trained = tuple((f.start, f.end) for f in reading.figures if f.key in ("cong_vu.boi_duong", "cong_vu.dao_tao_ly_luan"))
    for fact, span in unread_activities(text, reading.unread, [(f.start, f.end) for f in reading.figures], fact_spans,
                                        next_period, trained):
        reading.facts.append(fact)
        fact_spans.append(span)
    # "…, đạt 41,2% kế hoạch" with no plan given; "Hồ sơ lý lịch tư pháp: …", the dossiers of one field; "… 46 người
    # theo Nghị định 178/2024/NĐ-CP", the document a figure was done under; "…, 1 nhiệm vụ chuyển sang năm 2027 do …"
    for fact, span in (rate_notes(text, typed, reading.figures) + scope_notes(text, reading.figures)
                       + basis_notes(text, reading.figures) + rest_of_plan_notes(text, reading.figures)
                       + when_notes(text, reading.figures, fact_spans)
                       + area_notes(text, reading.unread, [(f.start, f.end) for f in reading.figures], fact_spans)):
        reading.facts.append(fact)
        fact_spans.append(span)
    reading.fact_spans = fact_spans
    _add_listed_documents(reading, folded)
    # a number inside an activity or a task ("có 45 hộ tham dự", "nâng … lên 80%") is the fact's own words, kept there
    # — unless it clashes with the other counts ("Kế hoạch có 30 nhiệm vụ … 29/31"), which is asked about all the same
    reading.unread = [u for u in reading.unread if MISMATCH in u.reason or not any(a <= u.start < b for a, b in fact_spans)]
    # the report's own period, date and unit: not the words of an activity ("Ngày 12/01/2026 UBND xã ban hành …",
    # "hội nghị sơ kết quý I", "làm việc với xã Tân Lập"), which are that activity's
    masked = fact_spans + [(a, b) for a, b, _ in others]  # nor another period's year ("cùng kỳ năm 2025")
    # nor a plan's name: "Kế hoạch CCHC năm 2026 của xã có 24 nhiệm vụ" in a 9-month report keeps its period
    masked += [m.span() for m in _PLAN_NAME.finditer(fold_lower(text))]
    head = "".join(" " * len(c) if any(a <= i < b for a, b in masked) else c for i, c in enumerate(text))
    period, year, _ = read_period(head)
    command = fold_lower(head.split(":", 1)[0])
    asked = bool(_COMMAND.match(command) or REPORT_TITLE.match(command))
    # CCHC is reported for quý I, 6 and 9 months and the year, each from the start of the year: "báo cáo quý III" is
    # the 9-month report (quý II the 6-month, quý IV the year's) — unless the period is said ("… 9 tháng và nhiệm vụ quý IV")
    quarter = report_of_quarter(command) if asked and period is None else None
    if quarter:
        period = quarter[1]
    elif period is None and asked and re.search(r"\bnam 20\d\d\b", command):
        period = "năm"  # "Soạn phần cải cách TTHC năm 2026 của tỉnh Gia Lai: …", "Báo cáo công tác CCHC năm 2025 …"
    locality, level = read_place(head, request=asked)
    reading.meta = ChatMeta(period=period, year=year, locality=locality, level=level, request=asked,
                            quarter=quarter[0] if quarter else "",
                            parent=read_parent(head, locality, level) if locality else "")
    if locality and (at := fold_lower(head).find(fold_lower(locality))) >= 0:
        if head[at:at + len(locality)].split()[1:] != locality.split()[1:]:  # the name, not "xa" for "xã", got marks
            reading.meta.typed_locality = head[at:at + len(locality)]  # "xa My Hoa Hung" written "xã Mỹ Hòa Hưng"
        # "phường Hà Giang 1": the name's number is no figure
        reading.unread = [u for u in reading.unread if not at <= u.start < at + len(locality)]
    # the report's date: said as such ("ngày báo cáo 15/9/2025"), or a bare date in a command's head; never the date
    # of a document ("Kế hoạch số 35/KH-SYT ngày 20/01/2025") nor of a data sentence
    m = re.search(r"ngày\s+báo\s+cáo\s+(?:là\s+)?(\d{1,2})[/\-](\d{1,2})[/\-](\d{4})", head, re.I)
    if m is None and _COMMAND.match(command):
        ref_ends = [r.end for r in find_refs(head)]
        m = next((d for d in re.finditer(r"ngày\s+(\d{1,2})[/\-](\d{1,2})[/\-](\d{4})", head.split(":", 1)[0], re.I)
                  if not any(end <= d.start() and not head[end:d.start()].strip() for end in ref_ends)), None)
    if m:
        try:
            reading.meta.date = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            pass
    return reading


def default_report_date(period: Period, year: int, today: dt.date | None = None) -> dt.date:
    """The first day after the data window, unless today falls within two months after it."""
    end = data_window(period, year).end
    today = today or dt.date.today()
    if end < today <= end + dt.timedelta(days=60):
        return today
    return end + dt.timedelta(days=1)


def meta_dict(meta: ChatMeta, today: dt.date | None = None) -> dict:
    """ReportMeta fields implied by the chat; the official sees and corrects them."""
    out: dict = {}
    if meta.period:
        out["period"] = meta.period
    if meta.year:
        out["year"] = meta.year
    if meta.locality:
        out["locality"] = meta.locality
        out["level"] = meta.level
        name = meta.locality.split(" ", 1)[1] if " " in meta.locality else meta.locality
        out["place"] = name
        out["issuer"] = meta.locality if meta.level == "sở" else f"Ủy ban nhân dân {meta.locality}"
        out["symbol"] = "BC-UBND"
        if meta.level == "sở":  # "Sở Tài chính tỉnh Hà Tĩnh": symbol BC-STC, place Hà Tĩnh, under UBND tỉnh Hà Tĩnh
            m = re.match(r"(.+?)\s+((?:tỉnh|thành phố)\s+.+)$", meta.locality)
            dept, province = (m.group(1), m.group(2)) if m else (meta.locality, "")
            words = [w for w in re.split(r"[\s,-]+", dept) if w and w.lower() != "và"]
            out["symbol"] = "BC-" + "".join(w if w.isupper() and len(w) > 1 else w[0].upper() for w in words)  # VPUBND
            out["place"] = "……"  # the province's name, to fill in the table, unless said
            if province:
                out["place"] = re.sub(r"^(?:tỉnh|thành phố)\s+", "", province)
                out["parent"] = f"UBND {province}"
        head = head_of(meta.locality).upper()
        if meta.parent:  # "Đề nghị UBND Thành phố Hồ Chí Minh …", and the recipients: the body above, as named
            out["parent"] = meta.parent
        out["capacity"] = f"KT. {head}" if meta.level == "sở" else "TM. ỦY BAN NHÂN DÂN"
        out["signer_title"] = f"PHÓ {head}" if meta.level == "sở" else "CHỦ TỊCH"
    if meta.date:
        out["date"] = meta.date
    elif meta.period and meta.year:
        out["date"] = default_report_date(meta.period, meta.year, today)
    return out
