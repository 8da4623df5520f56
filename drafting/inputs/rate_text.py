"""Percentages in text, for the reader of figures (figure_text.py): a rate the schema keeps as a figure (the
satisfaction rate, the portal's full-process rate) is read as said; any other stated rate is kept apart, to be checked
against the rate computed from its counts, never taken as a figure; a threshold or target ("phấn đấu đạt trên 95%") is
neither. And a count said beside a rate of two things ("100% được gửi dưới dạng điện tử và ký số (842 văn bản)") is the
count of both."""

from __future__ import annotations

import re
from decimal import Decimal

from drafting.figures.schema import DERIVED, FIELD_BY_KEY
from drafting.inputs.clauses import SEP, phrases_in
from drafting.inputs.count_units import unit_fits
from drafting.inputs.phrases import BASE_NAMED, PRIMARY, RATE_PHRASES, RESULT_LEAD
from drafting.inputs.text_reading import StatedRate, Unread

_JOINED_RATE = re.compile(r"%[^%()\d]*?\s(\S[^()\d]*?)\s+va\s+([^()\d]*?)\s*\(\s*$")
# a percentage of places, agencies, procedures or staff ("100% trường", "100% xã, phường", "100% TTHC"): no rate the
# table computes from dossiers (people stay: "98,9% người dân hài lòng" is the satisfaction rate)
_OF_PLACES = re.compile(r"\s*%\s*(?:(?:cac|so)\s+)?(?:truong|xa|phuong|thon|ban|to dan pho|khu pho|co quan|don vi|phong|so,? nganh|"
                        r"thu tuc|tthc|can bo|cong chuc|vien chuc|diem)\b")
# "Văn bản đi được ký số và gửi trên môi trường mạng đạt 100% (1.126 văn bản)": all of them, both ways
_JOINED_BEFORE_ALL = re.compile(r"(\S[^()\d%]*?)\s+va\s+([^()\d%]*?)\s+(?:dat|la|chiem)?\s*100\s*%\s*\(\s*$")
_ABOVE = re.compile(r"\b(?:vuot|cao hon)\s*(?:muc\s*)?$")
_THRESHOLD = re.compile(r"\b(tu|tren|duoi|toi thieu|it nhat|phan dau|chi tieu|muc tieu|dat tu|dat tren|bang)\s*$")


class RateReading:
    """Mixed into the reader: uses its text, its reading so far, add(), context() and sentence_start()."""

    def read_percent(self, quote: str, value: Decimal, s: int, e: int, left: str, before: str) -> None:
        """A percentage; "vượt 12% so với dự toán" is how far above its base: the rate it means is 112%."""
        above = bool(_ABOVE.search(left)) and BASE_NAMED.match(self.folded, e) is not None
        had = len(self.reading.rates)
        self.read_percent_as_said(quote, value + 100 if above else value, s, e, left, before)
        if above and len(self.reading.rates) > had:
            self.reading.rates[-1] = self.reading.rates[-1].model_copy(update={"above": True, "quote": quote + "%"})

    def read_percent_as_said(self, quote: str, value: Decimal, s: int, e: int, left: str, before: str) -> None:
        shown = quote + "%"  # "…, bằng 78% dự toán": a result against its base, not a threshold
        result = RESULT_LEAD.search(left) and BASE_NAMED.match(self.folded, e)
        if not result and (_THRESHOLD.search(left) or re.search(r"\b(phan dau|chi tieu|muc tieu)\b", before)):
            self.reading.unread.append(Unread(quote=shown, context=self.context(s, e), start=s, end=e,
                                              reason="mức chỉ tiêu hoặc mục tiêu, không phải kết quả"))
            return
        if _OF_PLACES.match(self.folded, e):  # "trực tuyến tại 100% trường trung học phổ thông": a share of places
            self.reading.unread.append(Unread(quote=shown, context=self.context(s, e), start=s, end=e,
                                              reason="tỷ lệ tính trên số nơi, cơ quan hoặc thủ tục, không phải trên hồ sơ"))
            return
        window = before[-90:]
        # the rate's own words nearest before it, the longest of those ending there ("Tỷ lệ giải quyết đúng hạn đạt 99%,
        # mức độ hài lòng đạt 97%": the 97% is the satisfaction rate)
        named = [(window.rfind(p) + len(p), len(p), p, k) for p, k in RATE_PHRASES if p in window]
        if named:
            _, _, phrase, key = max(named)
            at = self.folded.rfind(phrase, 0, s)
            # a rate the table cannot compute is a figure of its own, as typed
            return self.add(key, value, quote, s, e, self.text[at:at + len(phrase)], 0.95) if key in FIELD_BY_KEY else \
                self.add_rate(key, value, shown, s, e)
        ends = set()
        for d, _, _, keys in phrases_in(left if left.strip() else self.before_bracket(s), True):
            if d in ends:  # "gửi trên môi trường mạng": not its tail "trên môi trường mạng" (online dossiers) again
                continue
            ends.add(d)
            pct = [k for k in keys if FIELD_BY_KEY[k].unit == "%" and k not in self.taken]
            if pct:
                self.add(pct[0], value, quote, s, e, self.text[s - len(left):s].strip(), 0.9)
                return
            # "đã trả kết quả 1.790 hồ sơ, đúng hạn 100%": of the rates the words may name, the one whose base the
            # sentence has just counted (dossiers, not tasks)
            counted = {f.key for f in self.reading.figures if f.start >= self.sentence_start(s)}
            rated = sorted((d for d in DERIVED if d.inputs[0] in keys), key=lambda d: d.inputs[1] not in counted)
            if rated:
                return self.add_rate(rated[0].key, value, shown, s, e)
        for _, _, p, keys in phrases_in(before[-90:], True):  # "Tỷ lệ hài lòng của người dân, doanh nghiệp đạt 97,82%"
            pct = [k for k in keys if FIELD_BY_KEY[k].unit == "%" and k not in self.taken]
            if pct:  # the words from the phrase to the number, as typed: the official checks them in the table
                at = self.folded.rfind(p, max(0, s - 90), s)
                at = at if at >= 0 else max(0, s - 90)  # (not found as folded: the whole window, as before)
                return self.add(pct[0], value, quote, s, e, self.text[at:s].strip(), 0.85)
        for _, _, p, keys in phrases_in(self.folded[e + 1:e + 40], False)[:1]:  # "99,1% hài lòng": named after
            pct = [k for k in keys if FIELD_BY_KEY[k].unit == "%" and k not in self.taken]
            # "…, 100% được cung cấp trực tuyến toàn trình": procedures offered online, no rate of dossiers
            if pct and re.match(r"\s*%\s*\w", self.folded[e:e + 4]) and not re.match(r"\s*%\s*(?:duoc\s+)?cung cap\b",
                                                                                   self.folded[e:e + 20]):
                end = max(self.folded.find(p, e + 1) + len(p), e + 1)  # the words after the number to the phrase's end
                return self.add(pct[0], value, quote, s, e, self.text[e + 1:end].lstrip(" %"), 0.85, after=True)
        sent_from = self.sentence_start(s)
        recent = [f for f in self.reading.figures if f.start >= sent_from]
        if recent:  # the count just read, not an older one: "đang giải quyết 01 (0,4%)" is no rate the schema knows
            rated = [d.key for d in DERIVED if d.inputs[0] == recent[-1].key]
            # "giải ngân 320 tỷ đồng trên kế hoạch 400 tỷ đồng, đạt 85%": the base just read, its part before it
            rated += [d.key for d in DERIVED if d.inputs[1] == recent[-1].key
                      and any(f.key == d.inputs[0] for f in recent[:-1])]
            if rated:
                return self.add_rate(rated[0], value, shown, s, e)
        self.reading.unread.append(Unread(quote=shown, context=self.context(s, e), start=s, end=e,
                                          reason="không rõ là tỷ lệ của chỉ tiêu nào"))

    def before_bracket(self, s: int) -> str:
        """"508 phiếu hài lòng (99,2%)": the clause before the bracket names the rate in it."""
        m = re.search(r"\(\s*$", self.folded[:s])
        if not m:
            return ""
        return self.folded[max((x.end() for x in SEP.finditer(self.folded, 0, m.start())), default=0):m.start()]

    def add_rate(self, key: str, value: Decimal, shown: str, s: int, e: int) -> None:
        self.reading.rates.append(StatedRate(key=key, value=value, quote=shown, start=s, end=e + 1,
                                             section=self.section, context=self.context(s, e)))

    def read_joined_rate_count(self) -> None:
        """"100% được gửi dưới dạng điện tử và ký số (842 văn bản)": the count in brackets is also that of the figure the
        words on the other side of "và" name, when they name one of the same unit not read yet."""
        for f in list(self.reading.figures):
            m = (_JOINED_RATE.search(self.folded, self.sentence_start(f.start), f.start)
                 or _JOINED_BEFORE_ALL.search(self.folded, self.sentence_start(f.start), f.start))
            if m is None:
                continue
            for side in (1, 2):
                found = [(p, k) for d, _, p, k in phrases_in(m.group(side), True) if d == 0]
                fit = [k for p, keys in found[:1] for k in keys if (p, k) in PRIMARY and k != f.key and k not in self.taken
                       and unit_fits(k, FIELD_BY_KEY[f.key].unit) and all(g.key != k for g in self.reading.figures)]
                if len(fit) == 1:
                    self.add(fit[0], f.value, f.quote, f.start, f.end, self.text[m.start(side):m.end(side)], f.confidence - 0.05)
                    break
        self.reading.figures.sort(key=lambda f: f.start)
