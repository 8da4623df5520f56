"""The official's facts as report prose: documents issued, events, progress, initiatives, tasks and notes, in the
section they belong to. The words are the official's; the writer only adds the frame a report uses ("Ban hành …", a
list of events, "đã hoàn thành"), groups items and counts them in code.

Also the sentences nobody supplied: `Proposer` writes them as visibly marked proposals (or leaves them
out), so a draft never asserts what the official did not say."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.chain.grounding import SLOT_RE, day_in_window, slot
from drafting.figures.facts import INSPECTION_FINDING, MONTH_SAID, Fact, of_other_body, split_issuer
from drafting.figures.figureset import FigureSet
from drafting.figures.schema import DERIVED, FIELD_BY_KEY
from drafting.figures.vnformat import fmt_int
from drafting.inputs.blocked import other_field_meeting
from drafting.models import Paragraph, ReportMeta

_DOC_TYPES = ("kế hoạch", "quyết định", "công văn", "chỉ thị", "thông báo", "báo cáo", "hướng dẫn", "nghị quyết",
              "chương trình", "đề án", "quy chế", "tờ trình", "văn bản")
_VERBS = ("ban hành", "triển khai", "thực hiện", "xây dựng", "tổ chức", "phối hợp", "tham mưu", "ký", "trình")
_FOLDED_VERBS = tuple(fold_lower(v) + " " for v in _VERBS)
# "Hồ sơ quá hạn chủ yếu thuộc lĩnh vực …": a note said of the dossiers' counts, written just after them
_DOSSIER_NOTE = re.compile(r"^ho so\s")
# a model named and placed, nothing done with it said: "Mô hình “…” tại UBND xã Kim Đông"
_BARE_NAME = re.compile(r"^(?:mo hinh|sang kien|giai phap)\s*(?:[“\"'«][^”\"'»]+[”\"'»]\s*(?:(?:tai|o|cua|cho|trong)\b[^.;]*)?|(?!.*\b(?:"
                        r"duoc|da|dang|trien khai|ap dung|thuc hien|duy tri|nhan rong|van hanh|dua vao|giup|nham)\b)[^.;]*)\.?$")
_LATE_NOTE = re.compile(r"\b(?:qua han|tre han|tre hen|cham tra)\b")
# "phiên họp", not "chợ phiên" (a market day where outreach is done)
_MEETING = re.compile(r"\b(hoi nghi|hop|giao ban|so ket|tong ket|hoi thao|toa dam|phien (?:hop|lam viec|chat van|giai trinh))\b")
_CLAUSE_END = re.compile(r";|\.(?=\s|$)")
_COUNT_BEFORE_MEETING = re.compile(r"(?<![\d/.,])(\d+)\s+(?=(?:hoi nghi|cuoc hop|hoi thao|toa dam|lan)\b)")  # "giao ban 2 lần"
_DIALOGUE = re.compile(r"\bdoi thoai\b")
_MEETING_NOUN = re.compile(r"\b(?:hoi nghi|cuoc hop|phien hop|hoi thao|toa dam)\b")  # where a meeting's count goes
_DATE = re.compile(r"(?<!\d)0?(\d{1,2})/0?(\d{1,2})/((?:19|20)\d\d)(?!\d)")


def body_dates(text: str) -> str:
    """Dates in body text as practice writes them: 30/1/2023, not 30/01/2023 (drafting-practice §5)."""
    return _DATE.sub(lambda m: f"{int(m.group(1))}/{int(m.group(2))}/{m.group(3)}", text)


def clause(text: str) -> str:
    """The official's words as a clause: no final stop, first letter lower-cased unless it is a name."""
    t = body_dates(text.strip()).rstrip(" .;")
    first = t.split(" ", 1)[0]
    common = (*_VERBS, *_DOC_TYPES, "hội", "sơ kết", "tập huấn", "kiểm tra", "tuyên truyền", "đối thoại", "họp", "đã",
              "đang", "hoàn thành", "tiếp tục", "đẩy mạnh", "tăng cường", "rà soát", "nâng cao")
    if first and first[0].isupper() and not first.isupper() and t.lower().startswith(common):
        t = t[0].lower() + t[1:]
    return t


_STRAIGHT_QUOTES = re.compile(r"(?<![\w])['\"]([^'\"]{2,120})['\"](?![\w])")  # 'Tổ công nghệ số' → “Tổ công nghệ số”


def sentence(text: str) -> str:
    t = _STRAIGHT_QUOTES.sub(r"“\1”", body_dates(text.strip())).rstrip(" ;")
    t = t[:1].upper() + t[1:]
    return t if t.endswith((".", "!", "?")) else t + "."


def bullets(items: list[str], sources: list[list[str]], mark: str = "+") -> list[Paragraph]:
    out = []
    for i, (text, src) in enumerate(zip(items, sources)):
        end = "." if i == len(items) - 1 else ";"
        body = body_dates(text.strip()).rstrip(" .;")
        out.append(Paragraph(text=f"{mark} {body[:1].upper()}{body[1:]}{end}", style="bullet", sources=src))
    return out


def _passive(phrase: str) -> str:
    """"ban hành Quyết định số … của UBND tỉnh …" → "Quyết định số … của UBND tỉnh … đã được ban hành"."""
    return f"{phrase[len('ban hành '):]} đã được ban hành" if phrase.startswith("ban hành ") else phrase


def document_phrase(f: Fact) -> str:
    """'Kế hoạch số 14/KH-UBND …' → 'ban hành Kế hoạch số 14/KH-UBND …'; a text that already says what was done
    keeps its own verb."""
    t = body_dates(split_issuer(f.text.strip())[1]).rstrip(" .;")
    if f.date and f.number and f.number in t and not _DATE.search(t):
        # "Kế hoạch số 05/KH-UBND ngày 12/1/2026 về …": the date the official said before the verb, after the number
        at = t.index(f.number) + len(f.number)
        t = f"{t[:at]} ngày {f.date.day}/{f.date.month}/{f.date.year}{t[at:]}"
    # folded, so that a fact typed without diacritics ("Ban hanh Ke hoach so 05/KH-UBND …") keeps its own verb too
    if fold_lower(t).startswith(_FOLDED_VERBS):
        return t[0].lower() + t[1:]
    return f"ban hành {t}"


# "Quý III, kiểm tra việc niêm yết TTHC tại 3 tổ dân phố" (the workbook's time before an activity): an inspection, said
# in the sentence that counts them rather than alone among the section's activities
_TIME_HEAD = r"^\s*(?:(?:quy [ivx]+|thang [\d/]+|ngay [\d/]+)(?: nam \d{4})?,\s*)?"
_AN_INSPECTION = re.compile(_TIME_HEAD + r"(?:(?:doan|cuoc|dot) )?(?:da\s+)?kiem tra\b")  # "Đoàn kiểm tra nội bộ làm việc tại …"
# "Tuyên truyền lưu động bằng tiếng Mông …": an outreach activity, said in the sentence that counts the outreach
_AN_OUTREACH = re.compile(_TIME_HEAD + r"(?:da\s+)?(?:to chuc\s+)?tuyen truyen\b")


def dated(f: Fact) -> Fact:
    """An activity whose day the official gave apart (the workbook's «Thời gian» column "15/7/2026") says it, as the
    workbook's month or quarter is said: "Ngày 15/7/2026, hội nghị sơ kết 6 tháng đầu năm"."""
    if f.date is None or _DATE.search(f.text) or MONTH_SAID.match(f.text) or re.match(r"\s*(?:ngày|quý)\b", f.text, re.I):
        return f
    text = f.text if keeps_capital(f.text) else f.text[:1].lower() + f.text[1:]
    return f.model_copy(update={"text": f"Ngày {f.date.day}/{f.date.month}/{f.date.year}, {text}"})


# "Chủ tịch UBND đặc khu đối thoại …", "Ban Chỉ đạo …": a title or an organ keeps its capital after a date
_TITLES = ("chủ tịch", "phó chủ tịch", "bí thư", "phó bí thư", "giám đốc", "phó giám đốc", "chánh ", "trưởng ",
           "ban chỉ đạo", "thường trực", "ủy ban", "hội đồng", "đảng ủy", "sở ", "đoàn ")


def keeps_capital(text: str) -> bool:
    first = text.split(" ", 1)[0]
    return first.isupper() or text.lower().startswith(_TITLES)


_DAY_NO_YEAR = re.compile(r"^(\s*(?:vào\s+)?ngày\s+(\d{1,2})/(\d{1,2}))(?![/\d])", re.I)


def with_year(f: Fact, meta: ReportMeta) -> Fact:
    """"Ngày 8/1 phường tổ chức hội nghị …" in a quý I/2027 report: the day is in the data window, so its year is the
    window's ("Ngày 8/1/2027, …" as a report writes a day); left as said when the window holds no such day."""
    m = _DAY_NO_YEAR.match(f.text)
    day = day_in_window(int(m.group(2)), int(m.group(3)), meta.window) if m else None
    if day is None:
        return f
    rest = f.text[m.end():].lstrip(" ,")
    return f.model_copy(update={"text": f"{m.group(1).strip()}/{day.year}, {rest}"})


def _month_of(f: Fact) -> tuple[str, Fact]:
    """("Tháng 7", the document without those words) for one said with its month only; ("", f) otherwise."""
    m = MONTH_SAID.match(f.text)
    return (m.group(1), f.model_copy(update={"text": f.text[m.end():]})) if m and m.end() < len(f.text) else ("", f)


class SubstanceWriter:
    """Facts of sections I and II.1–II.6 as paragraphs, after the figure sentences of the same section."""

    def __init__(self, meta: ReportMeta, facts: list[Fact]):
        self.m = meta
        self.facts = facts
        self.inspected = False  # the inspections are counted: what they found is said in that sentence, not apart
        self.spreading = False  # the outreach is counted: activities of outreach are said in that sentence

    def findings(self) -> list[Fact]:
        """"Qua kiểm tra chưa phát hiện sai phạm": what the inspections of section I found, in the official's words."""
        return [f for f in self.facts if f.section == "I" and f.kind in ("event", "note") and (
            INSPECTION_FINDING.match(fold_lower(f.text)) or _AN_INSPECTION.match(fold_lower(f.text)))]

    def spread(self) -> list[Fact]:
        """Outreach activities of section I told without a count the figures hold."""
        return [f for f in self.facts if f.section == "I" and f.kind == "event" and "{" not in f.text
                and _AN_OUTREACH.match(fold_lower(f.text))]

    def of(self, section: str, *kinds: str) -> list[Fact]:
        found = (self.findings() if self.inspected else []) + (self.spread() if self.spreading else [])
        return [f for f in self.facts if f.section == section and (not kinds or f.kind in kinds) and f not in found]

    def documents(self, section: str, who: str, figure_sentence: str | None = None) -> list[Paragraph]:
        docs = self.of(section, "document")
        if not docs:
            return []
        months, docs = zip(*map(_month_of, docs))
        # the body the official named as issuing a document is kept ("UBND tỉnh ban hành …" in a department's report)
        issuers = [split_issuer(f.text.strip())[0] for f in docs]
        # "Quyết định số … của UBND tỉnh …" in a department's report: another body's document, said in the official's
        # words as issued, never as the unit's own
        others = [not i and of_other_body(f.text.strip(), self.m.level) for i, f in zip(issuers, docs)]
        if figure_sentence and any(others):  # not among the documents the unit's count says it issued: after them
            apart = [Paragraph(text=sentence(f"{m or 'Trong kỳ'}, {_passive(document_phrase(f))}"), sources=[f.origin])
                     for m, f, o in zip(months, docs, others) if o]
            own = [(m, f, i) for m, f, i, o in zip(months, docs, issuers, others) if not o]
            if not own:
                return [Paragraph(text=figure_sentence, sources=["chi_dao.van_ban_chi_dao"]), *apart]
            months, docs, issuers = map(list, zip(*own))
            others = [False] * len(docs)
            return self._listed(months, docs, issuers, others, who, figure_sentence) + apart
        if len(docs) == 1 and not figure_sentence:
            f = docs[0]
            if others[0]:
                return [Paragraph(text=sentence(f"{months[0] or 'Trong kỳ'}, {_passive(document_phrase(f))}"),
                                  sources=[f.origin])]
            return [Paragraph(text=sentence(f"{months[0] or 'Trong kỳ'}, {issuers[0] or who} đã {document_phrase(f)}"),
                              sources=[f.origin])]
        return self._listed(months, docs, issuers, others, who, figure_sentence)

    def _listed(self, months, docs, issuers, others, who: str, figure_sentence: str | None) -> list[Paragraph]:
        if len(set(issuers)) == 1:  # one issuer for all ("Sở đã ban hành … và …"): said once, in the lead
            who, issuers = issuers[0] or who, [""] * len(docs)
        # documents of several bodies, each named on its line: the lead says no body issued them all
        lead = (figure_sentence.rstrip(".") + ", trong đó:") if figure_sentence else (
            f"Trong kỳ, {who} đã ban hành {fmt_int(len(docs), pad=True)} văn bản:" if not any(issuers) and not any(others)
            else f"Trong kỳ, {fmt_int(len(docs), pad=True)} văn bản sau được ban hành:")
        # under "đã ban hành 03 văn bản:" an item is the document itself, not "Ban hành Kế hoạch …" again
        phrases = [f"{i} {document_phrase(f)}" if i else re.sub(r"^ban hành\s+", "", document_phrase(f))
                   for i, f in zip(issuers, docs)]
        # a month said without its day, beside the number as a day would be: "Kế hoạch số 85/KH-SCT (tháng 7) về …"
        phrases = [p if not w else p.replace(f.number, f"{f.number} ({w[:1].lower()}{w[1:]})", 1) if f.number and f.number in p
                   else f"{p} ({w[:1].lower()}{w[1:]})" for p, w, f in zip(phrases, months, docs)]
        return [Paragraph(text=lead),  # each item below carries its own source
                *bullets([p[0].upper() + p[1:] for p in phrases], [[f.origin] for f in docs])]

    def events(self, section: str, meetings: str | None = None, count: int | None = None) -> list[Paragraph]:
        """meetings: the sentence counting the meetings held ("Đã tổ chức 02 hội nghị, cuộc họp về CCHC"); only the
        events that are meetings are listed as its content — an inspection is not one of the two meetings. One
        meeting counted and one told is one sentence: what it was about says it was one."""
        events = [dated(with_year(e, self.m)) for e in self.of(section, "event")]
        if meetings:
            # "hội nghị đối thoại với doanh nghiệp" is a dialogue, counted as one, not among the meetings, and "hội nghị
            # về xây dựng nông thôn mới" a meeting of another field, told apart after the reform's
            held = [e for e in events if _MEETING.search(f := fold_lower(e.text)) and not _DIALOGUE.search(f)
                    and not other_field_meeting(f)]
            # "Sở tổ chức 2 hội nghị tập huấn tuyển sinh …": the meetings counted, told with their count — alone, the
            # sentence itself with the figure's slot; among others, an item without the count the lead has said
            told = {id(e): m for e in held if (m := _COUNT_BEFORE_MEETING.search(fold_lower(e.text)))
                    and len(e.text) == len(fold_lower(e.text)) and count is not None and int(m.group(1)) == count}
            if len(held) == 1 and id(held[0]) in told:
                m = told[id(held[0])]
                one = held[0].model_copy(update={"text": held[0].text[:m.start(1)] + slot("chi_dao.hoi_nghi")
                                                 + held[0].text[m.end(1):]})
                return self._events([one if e is held[0] else e for e in events])
            if count == 1 and len(held) == 1:  # "đã tổ chức 01 cuộc họp Ban Chỉ đạo …": the count in its sentence
                one = held[0]  # (not beside a count of its own: "02 hội nghị …" is no meeting the figure counts)
                if (m := _MEETING_NOUN.search(fold_lower(one.text))) and not _COUNT_BEFORE_MEETING.search(fold_lower(one.text)):
                    one = one.model_copy(update={"text": f"{one.text[:m.start()]}{slot('chi_dao.hoi_nghi')} "
                                                         f"{one.text[m.start():]}"})
                return self._events([one if e is held[0] else e for e in events])
            items = [clause(f.text[:told[id(f)].start(1)] + f.text[told[id(f)].end(1):].lstrip()) if id(f) in told
                     else clause(f.text) for f in held]
            rest = [e for e in events if e not in held]
            # fewer told than counted: those told are some of them ("…, trong đó:"), not the content of all
            lead = "; nội dung cụ thể:" if count is None or len(held) >= count else ", trong đó:"
            head = [Paragraph(text=meetings.rstrip(".") + lead),
                    *bullets(items, [[f.origin] for f in held])] if held else []
            return (head or ([Paragraph(text=sentence(meetings), sources=["chi_dao.hoi_nghi"])] if events else [])
                    ) + self._events(rest)
        return self._events(events)

    def dialogues(self, lead: str, count: int | None) -> list[Paragraph]:
        """"Ngày 17/4/2026, Chủ tịch UBND đặc khu đối thoại với hộ kinh doanh …" under the sentence that counts the
        dialogues (lead: "Đã tổ chức 01 cuộc đối thoại …"), not a count said apart from what each was about."""
        told = [f for f in self.of("I", "event") if _DIALOGUE.search(fold_lower(f.text)) and "{" not in f.text]
        if not told or count is None or count < len(told):
            return []
        self.facts = [f for f in self.facts if f not in told]
        items = [clause(dated(with_year(f, self.m)).text) for f in told]
        if len(items) == 1:
            return [Paragraph(text=sentence(f"{lead}: {items[0][:1].lower()}{items[0][1:]}"), sources=[told[0].origin])]
        return [Paragraph(text=lead + (", gồm:" if count == len(told) else ", trong đó:")),
                *bullets(items, [[f.origin] for f in told])]

    def _events(self, events: list[Fact]) -> list[Paragraph]:
        if not events:
            return []
        if len(events) == 1:  # one event, one sentence: "Trong quý I, đã kiểm tra …", "… đã tổ chức hội nghị …"
            c, src = clause(events[0].text), [events[0].origin]
            day = re.match(r"Ngày \d{1,2}/\d{1,2}/\d{4},\s*", c)  # "Ngày 8/4/2026, hội nghị …" (dated by _dated)
            bare = re.sub(r"^\{[^}]+\}\s*", "", c[day.end():] if day else c)  # "{chi_dao.hoi_nghi} cuộc họp …": counted
            if fold_lower(bare).startswith(("hoi nghi", "hoi thao", "toa dam", "buoi", "cuoc", "lop", "phien")):
                if day:  # a name with its day is no sentence: "Ngày 8/4/2026, tổ chức 01 hội nghị …"
                    return [Paragraph(text=sentence(f"{day.group(0)}tổ chức {c[day.end():]}"), sources=src)]
                return [Paragraph(text=sentence(f"Trong {self.m.period_text}, đã tổ chức {c}"), sources=src)]
            c = re.sub(r"^đã\s+", "", c)  # "Đã tổ chức 01 hội nghị đối thoại …" has its own "đã"
            return [Paragraph(text=sentence(f"Trong {self.m.period_text}, đã {c}" if c[:1].islower() else c), sources=src)]
        lead = f"Trong {self.m.period_text}, đã tổ chức, thực hiện {fmt_int(len(events), pad=True)} hoạt động:"
        return [Paragraph(text=lead),
                *bullets([clause(f.text) for f in events], [[f.origin] for f in events])]

    def plain(self, section: str, kinds: tuple[str, ...], lead: str = "") -> list[Paragraph]:
        out = []
        for f in self.of(section, *kinds):
            text = sentence(f.text)
            if f.kind == "task" and f.status:
                text = sentence(f"{clause(f.text)}: {f.status}")
            # "Mô hình, sáng kiến: mô hình …" says it twice: a fact naming its kind stands alone — unless it is a name
            # with no verb ("Mô hình “Một cửa thân thiện” tại UBND xã Kim Đông", "Mô hình tra cứu … bằng mã QR")
            named = fold_lower(text).startswith(("mo hinh", "sang kien", "giai phap"))
            if f.kind == "initiative" and _BARE_NAME.match(fold_lower(text)):
                lead, named = "Về mô hình, sáng kiến: ", False
            out.append(Paragraph(text=(lead + text[0].lower() + text[1:]) if lead and not named else text,
                                 sources=[f.origin]))
        return out

    def section(self, key: str) -> list[Paragraph]:
        """Facts of one section not already placed by the figure sentences (documents and events are placed by
        the writer so that they can join the figure that counts them)."""
        out = self.plain(key, ("progress",))
        out += self.plain(key, ("initiative",), lead="Mô hình, sáng kiến: " if key != "I" else "")
        out += self.plain(key, ("task",))
        out += [p for p in self.plain(key, ("note",)) if key != "II.2" or not _DOSSIER_NOTE.match(fold_lower(p.text))]
        return out

    def dossier_notes(self, late: bool | None = None) -> list[Paragraph]:
        """The official's notes on dossiers; late: only those about late ones (True), only the others (False), all."""
        return [p for p in self.plain("II.2", ("note",)) if _DOSSIER_NOTE.match(f := fold_lower(p.text))
                and (late is None or bool(_LATE_NOTE.search(f)) == late)]


_WHEN_SAID = re.compile(r"(?:(?:trong|vào|đầu|cuối|giữa) )?(?:tháng|ngày) \d[\d/]*", re.I)


# words too plain to tie a sentence to a figure or a fact ("hồ sơ", "so với", "trong kỳ")
PLAIN_WORDS = {"so", "da", "trong", "ky", "cua", "va", "cac", "duoc", "voi", "ve", "theo", "nam", "tang", "giam", "ho",
               "la", "tren", "dat", "ty", "le", "nhung", "con", "mot", "co", "cho", "nguoi", "tong", "the", "moi"}


def _pairs(text: str) -> list[tuple[str, str]]:
    """Word pairs of a sentence, slots and numbers cut, without pairs of plain words only ("hồ sơ", "so với")."""
    out = []
    for part in re.split(r"[,;:.()]\s", fold_lower(text)):  # not across a comma: "hồ sơ, trực tiếp" is no pair
        words = re.findall(r"\{[^}]*\}|\d[\d.,]*|[a-z]+", part)
        out += [(a, b) for a, b in zip(words, words[1:]) if a.isalpha() and b.isalpha() and not (a in PLAIN_WORDS and b in PLAIN_WORDS)]
    return out


def told_in_words(fs: FigureSet, paras: list[Paragraph], keys: list[str]) -> tuple[list[Paragraph], list[str]]:
    """"Mô hình, sáng kiến: tiếp nhận hồ sơ không phụ thuộc địa giới hành chính đối với 46 thủ tục …": a figure the
    official's own sentence tells (its value before its unit, among most of its label's words) gets its slot there
    and no sentence of its own saying it twice. The keys still to be said are returned."""
    left = []
    for k in keys:
        spec, value = FIELD_BY_KEY[k], fs.values.get(k)
        words = set(fold_lower(spec.label).replace(",", " ").split()) - PLAIN_WORDS - set(fold_lower(spec.unit).split())
        unit = fold_lower(spec.unit)  # people are counted by who they are: "tuyển dụng 3 công chức địa chính"
        unit = r"(?:nguoi|cong chuc|vien chuc|can bo)" if unit == "nguoi" else re.escape(unit)
        count = re.compile(r"(?<![\d/.,{])(\d{1,3}(?:\.\d{3})+|\d+)\s+" + unit + r"\b")
        for i, p in enumerate(paras):
            folded = fold_lower(p.text)
            if len(folded) != len(p.text) or len(words & set(folded.replace(",", " ").split())) < max(3, (len(words) + 1) // 2):
                continue
            if m := next((m for m in count.finditer(folded) if int(m.group(1).replace(".", "")) == value), None):
                paras[i] = p.model_copy(update={"text": p.text[:m.start(1)] + "{" + k + "}" + p.text[m.end(1):],
                                                "sources": [*p.sources, k]})
                break
        else:
            left.append(k)
    return paras, left


def placed_beside(figures: list[Paragraph], facts: list[Paragraph], progress: list[Paragraph],
                  values: dict | None = None) -> list[Paragraph]:
    """The section's figure sentences, then its facts — except a progress the official said of one figure ("Số hồ sơ
    trực tuyến tăng gần gấp đôi so với năm 2025"), written right after the sentence that states that figure (the
    one sharing the most of its word pairs, two at least: "Về dịch vụ công trực tuyến: … tiếp nhận trực tuyến …").
    And a note that tells again, in the official's fuller words, the counts of one figure sentence ("Rà soát 14 văn bản
    quy phạm pháp luật liên quan đến …; đề xuất sửa đổi 02 văn bản" after "đã rà soát 14 văn bản; có 02 văn bản phải
    xử lý …") follows that sentence as its detail, "Cụ thể: …", rather than standing apart as if a second result."""
    out, rest, said_of = list(figures), list(facts), {x.text for x in progress}
    for q in [q for q in rest if q.text in said_of]:
        # distinct pairs ("hồ sơ" said five times is one pair); a rate's progress goes with a rate's sentence
        said, rate = set(_pairs(q.text)), fold_lower(q.text).startswith("ty le")
        shared = [(len(said & set(_pairs(p.text))) + (2 if rate and re.search(r"\{[a-z_]+\.ty_le_", p.text) else 0), -i)
                  for i, p in enumerate(out) if "{" in p.text]
        best = max(shared, default=(0, 0))
        if best[0] >= 2:
            out.insert(-best[1] + 1, q)
            rest.remove(q)
    for q in [q for q in rest if q.style == "body" and q.text not in said_of and values]:
        at = next((i for i, p in enumerate(out) if _tells_again(q, p, values)), None)
        if at is not None:
            out.insert(at + 1, q.model_copy(update={"text": f"Cụ thể: {clause(q.text)}."}))
            rest.remove(q)
        elif (told := next(((i, t) for i, p in enumerate(out) if (t := _tells_its_one(q, p, values))), None)):
            i, text = told  # "Tuyển dụng 3 công chức địa chính … qua thi tuyển" for "đã tuyển dụng 03 công chức"
            out[i] = q.model_copy(update={"text": text, "sources": [*out[i].sources, *q.sources]})
            rest.remove(q)
        elif (at := _of_its_unit(q, out)) is not None:  # "Một phản ánh … đang được xác minh": after the complaints
            out.insert(at + 1, q)
            rest.remove(q)
    return out + rest


_COUNTED_LEAD = re.compile(r"^(?:\d+|một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(\w+(?:\s\w+)?)", re.I)


def _of_its_unit(note: Paragraph, figures: list[Paragraph]) -> int | None:
    """A note that opens on a count of what one figure sentence alone counts ("Một phản ánh …", "02 thủ tục …"): the
    index of that sentence, which it follows as its detail; None when no sentence, or more than one, counts that."""
    m = _COUNTED_LEAD.match(note.text)
    if not m:
        return None
    noun = fold_lower(m.group(1))
    hits = [i for i, p in enumerate(figures) if any(
        k in FIELD_BY_KEY and noun.startswith(fold_lower(FIELD_BY_KEY[k].unit)) for k in SLOT_RE.findall(p.text))]
    return hits[0] if len(hits) == 1 else None


def _tells_its_one(note: Paragraph, figures: Paragraph, values: dict) -> str:
    """A figure sentence of one figure whose one count the official's note says, in fuller words: the note, with
    the figure's slot for the count, stands in its place ("" when not)."""
    slots = SLOT_RE.findall(figures.text)
    counts = list(_COUNT_IN_WORDS.finditer(note.text))
    if len(slots) != 1 or len(counts) != 1 or values.get(slots[0]) != int(counts[0].group(1).replace(".", "")):
        return ""
    if not set(_pairs(figures.text)) & set(_pairs(note.text)):
        return ""
    m = counts[0]
    return note.text[:m.start(1)] + "{" + slots[0] + "}" + note.text[m.end(1):]


def _tells_again(note: Paragraph, figures: Paragraph, values: dict) -> bool:
    """Two counts or more of the note, all stated by the figure sentence, which shares a word pair with it."""
    counts = {int(m.group(1).replace(".", "")) for m in _COUNT_IN_WORDS.finditer(note.text)}
    stated = {int(v) for k in SLOT_RE.findall(figures.text) if (v := values.get(k)) is not None}
    return len(counts) >= 2 and counts <= stated and bool(set(_pairs(figures.text)) & set(_pairs(note.text)))


# a count in the official's words: "14 văn bản", "02 văn bản" — not a document's number ("158/QĐ"), a date or a rate
_COUNT_IN_WORDS = re.compile(r"(?<![\d/.,])(\d{1,3}(?:\.\d{3})+|\d+)(?![\d/.,%])\s+[^\W\d]")


def with_figure_notes(paras: list[Paragraph], notes: list[Fact]) -> list[Paragraph]:
    """A note the official wrote beside a figure (the workbook's «Ghi chú» column) is said in brackets in the sentence
    that states that figure ("… 40 lượt người được bồi dưỡng chuyên môn, nghiệp vụ (02 lớp tập huấn phần mềm một
    cửa)."); without such a sentence it stands alone, as the note the section's facts already hold."""
    out = list(paras)
    for f in notes:
        alone = sentence(f.text)
        at = next((i for i, p in enumerate(out) if "{" + f.figure + "}" in p.text), None)
        label = FIELD_BY_KEY[f.figure].label if f.figure in FIELD_BY_KEY else ""
        rates = ["{" + d.key + "}" for d in DERIVED if f.figure in d.inputs]
        if "%" in f.text and at is not None and any(r in out[at].text for r in rates):
            out = [q for q in out if q.text != alone]  # a rate typed beside it, now computed from its base
            continue
        if at is None or not f.text.startswith(f"{label}: "):
            continue
        words = f.text[len(label) + 2:].rstrip(" .")
        p = out[at]
        lead = p.text.find(": ")
        if _WHEN_SAID.fullmatch(words) and 0 < lead < p.text.index("{" + f.figure + "}") and lead < 60:
            # "Về công tác kiểm tra CCHC: trong tháng 3, đã kiểm tra …": when, at the head of the sentence it dates
            when = f"trong {words}" if words.lower().startswith("tháng") else words
            out[at] = p.model_copy(update={"text": f"{p.text[:lead + 2]}{when}, {p.text[lead + 2:]}",
                                           "sources": [*p.sources, f.origin]})
            out = [q for q in out if q.text != alone]
            continue
        # at the end of the figure's own clause; beside a bracket that is already there, inside it ("(chiếm 0,24%;
        # lĩnh vực đất đai …)")
        m = _CLAUSE_END.search(p.text, p.text.index("{" + f.figure + "}"))
        end = m.start() if m else len(p.text.rstrip())
        head, tail = p.text[:end].rstrip(), p.text[end:]
        text = f"{head[:-1]}; {words})" if head.endswith(")") else f"{head} ({words})"
        out[at] = p.model_copy(update={"text": text + tail, "sources": [*p.sources, f.origin]})
        out = [q for q in out if q.text != alone]
    return out
