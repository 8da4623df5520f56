"""Numbers the reader of figures (figure_text.py) reads through a figure it has just read: the second count of the
same figure joined by "và" (summed, and noted), a count sharing the verb of the one before ("tuyển dụng 4 công chức và
11 viên chức"), the people at the events just counted, the base after a slash ("1.641/1.642 hồ sơ") and a count before
its base ("214 trên tổng số 260 hồ sơ có phí … thanh toán trực tuyến"), a level's part of a total ("trong đó cấp tỉnh
40.000"), and of two tied readings the one of the figure read before."""

from __future__ import annotations

import os
import re
from decimal import Decimal

from corpus.text import fold_lower
from drafting.figures.schema import DERIVED, FIELD_BY_KEY, PART_RULES, label_of
from drafting.figures.vnformat import NUMBER_RE, fmt_decimal, parse_vn_number
from drafting.inputs.clauses import FRACTION, FULL_STOP, MEETING_WORDS, PARTS, noun_after, phrases_in
from drafting.inputs.count_units import COMPANIONS, LEVEL_PART, LEVEL_TOTALS, levels_in, unit_fits
from drafting.inputs.level_totals import total_of_levels
from drafting.inputs.ocr_words import mend
from drafting.inputs.phrases import PHRASE_KEYS
from drafting.inputs.rest_links import RestReading
from drafting.inputs.text_reading import LEVEL_ONLY, MISMATCH, UNCLEAR, Unread

_RESOLVED = {"tthc.ho_so_da_giai_quyet", "tthc.ho_so_dung_han_tong", "tthc.ho_so_truoc_han", "tthc.ho_so_dung_han"}

# (a part, its whole): a rate's numerator and base, a part that may not exceed its whole
_PART_OF = {(d.inputs[0], d.inputs[1]) for d in DERIVED} | {(part, whole) for part, whole, _ in PART_RULES}


# "tổ chức 2 hội nghị và 3 cuộc họp": meetings of two names, one figure (hội nghị, cuộc họp về CCHC)
_MEETING = re.compile(rf"\s*{MEETING_WORDS}\b")


_WHOSE = re.compile(r"\s*(?:thuoc\s+)?(?:(?:co quan|linh vuc)\s+)?(cap (?:tinh|huyen|xa)|nganh doc|trung uong)\b")


class LinkedReading(RestReading):
    """Mixed into the reader: uses its text, its reading so far and its add()."""

    def line_start(self, s: int) -> int:
        """Where the line or full sentence of the count at s starts (past semicolons, unlike sentence_start)."""
        return max((m.end() for m in FULL_STOP.finditer(self.folded, 0, s)), default=0)

    def level_at(self, s: int, e: int, right: str) -> str | None:
        """The level a count is of, when the text breaks its figures down by level: "cấp xã" after the number in
        its clause, else the last one before it in its sentence, else the paragraph's lead ("(1) Bộ phận Một cửa
        cấp huyện: Tiếp nhận …")."""
        if not self.by_level and not self.level:
            return None
        if re.match(r"\s*(?:thu tuc|tthc|ho so)?\s*\(\s*c[adeo4]p (?:tinh|huyen|xa)\s+\d", self.folded[e:]):
            return None  # "… của tỉnh là 1.906 thủ tục (cấp tỉnh 1.548, cấp xã 358)": the whole, its levels in brackets
        bracket = re.match(r"\s*(?:ho so|hs)?\s*\((\s*c[adeo4]p (?:tinh|huyen|xa)\s*)\)", self.folded[e:])  # "… (cấp huyện)"
        right = re.split(r"\btrong do\b", right, maxsplit=1)[0]  # "392 thủ tục, trong đó cấp huyện 271": the parts' level
        if after := levels_in(right) or (levels_in(bracket.group(1)) if bracket else []):
            return after[0]
        # (not a level named with its count inside brackets closed before it: "(cấp huyện 6.215, cấp xã 12.487), trong
        # đó đúng hạn …" — "1.642 hồ sơ (cấp huyện), …" names the clause's level)
        if before := levels_in(re.sub(r"\([^()]*\d[^()]*\)", " ", self.folded[self.sentence_start(s):s])):
            return before[-1]
        # the lead of the line or sentence ("Cấp xã: tiếp nhận …; đã giải quyết …"), else of the paragraph
        for at in dict.fromkeys((self.line_start(s), 0)):
            lead = _LEAD.match(self.folded, at)
            if lead and lead.end() <= s and (named := levels_in(lead.group(0))):
                return named[-1]
        return self.level

    def add_to_joined(self, keys: list[str], value: Decimal, quote: str, s: int, e: int, noun: str | None,
                      sent_from: int) -> bool:
        """"Cử 12 đồng chí học cao cấp … và 25 đồng chí học trung cấp lý luận chính trị": a second count of the same
        figure and noun, joined by "và" in one clause, adds to the first (the sum computed here, and noted); so do
        kinds of documents under one verb ("ban hành 5 quyết định … và 2 nghị quyết", "11 kế hoạch, 26 công văn")."""
        def noun_words(end: int) -> str:  # the noun itself: "công chức" and "viên chức" count the same unit
            return self.folded[end:noun_after(self.folded, end)[1]].strip()

        def legal(end: int) -> bool:  # the noun qualified as a legal document
            return re.match(r"\s*(?:quy pham|qppl)\b", self.folded[noun_after(self.folded, end)[1]:]) is not None

        def individual(end: int) -> bool:  # a document said to be no legal one
            return re.match(r"\s*ca biet\b", self.folded[noun_after(self.folded, end)[1]:]) is not None

        def qualifier(end: int) -> str:  # "TTHC cấp xã", "TTHC ngành dọc": whose the counted things are
            m = _WHOSE.match(self.folded, noun_after(self.folded, end)[1])
            return m.group(1) if m else ""

        own = noun_words(e)
        for i, f in enumerate(self.reading.figures):
            # "290 TTHC cấp xã và 147 TTHC ngành dọc": a level's count takes no part of another's
            if qualifier(f.end) != qualifier(e) and ("_cap_" in f.key or {qualifier(f.end), qualifier(e)} & {"nganh doc", "trung uong"}):
                continue
            between = self.folded[f.end:s]
            # "ban hành 11 kế hoạch, 26 công văn chỉ đạo": kinds of documents, one figure's parts; so are documents
            # under two verbs that name the same figure ("kiến nghị bãi bỏ 04 văn bản, sửa đổi 05 văn bản")
            papers = noun == "văn bản" and noun_after(self.folded, f.end)[0] == noun and (
                re.fullmatch(r"[a-z ]{1,40},\s*", between) or (
                    (verb := re.fullmatch(r"[a-z ]{1,40},([a-z ]{1,25})", between))
                    and verb.group(1).strip() not in fold_lower(f.phrase)  # "ban hành 3 quyết định, ban hành 2 …": no
                    and any(f.key in keys for *_, keys in phrases_in(verb.group(1), True))))
            # "2 kế hoạch … và 1 quyết định quy phạm pháp luật", "6 quyết định QPPL và 11 kế hoạch" (a plan is never a
            # legal document; "5 quyết định QPPL và 2 nghị quyết của HĐND" are both), "… và 2 nghị quyết cá biệt"
            if noun == "văn bản" and (legal(e) and not legal(f.end) or individual(e) or legal(f.end) and not legal(e)
                                      and re.match(r"(?:ke hoach|cong van|thong bao|bao cao|huong dan)\b", own)):
                continue
            meetings = all(_MEETING.match(self.folded, x) for x in (f.end, e)) and re.fullmatch(r"[a-z ]{1,40}(?:,|\bva)\s*", between)
            if (f.key in keys and f.start >= sent_from and (noun or meetings) and (noun_words(f.end) == own or noun == "văn bản" or meetings)
                    and (re.search(r"\bva\b", between) or papers or meetings) and not re.search(r"[;:(]|\d", between)):
                total = f.value + value
                words = self.text[f.start:noun_after(self.folded, e)[1]].strip()
                note = f"tổng của “{words}”, cộng trong phần mềm"
                # the figure now ends at its last part, so a third part is measured from the second
                # ("1 kế hoạch CCHC, 1 kế hoạch tuyên truyền và 6 văn bản đôn đốc")
                self.reading.figures[i] = f.model_copy(update={"value": total, "note": note, "end": e})
                return True
        return False

    def add_parallel(self, value: Decimal, s: int, e: int, noun: str | None) -> bool:
        """"HĐND phường ban hành 01 nghị quyết quy phạm pháp luật; UBND phường ban hành 03 quyết định quy phạm pháp
        luật": two clauses of one sentence, apart by a semicolon, the same verb before the number and the same words
        after its noun — two issuers' parts of one figure, summed here and noted for the official to confirm."""
        prev = self.reading.figures[-1] if self.reading.figures else None
        if prev is None or noun is None or prev.after or noun_after(self.folded, prev.end)[0] != noun:
            return False
        between = self.folded[prev.end:s]
        if ";" not in between or not re.fullmatch(r"[^\d:(.]{0,90}", between):
            return False

        def tail(end: int) -> str:  # the words after the noun, to the clause's end ("là văn bản QPPL" = "quy phạm pháp luật")
            rest = self.folded[noun_after(self.folded, end)[1]:]
            words = re.split(r"[,;.:()\n]|\d", rest, maxsplit=1)[0].strip().replace("quy pham phap luat", "qppl")
            return re.sub(r"^la (?:van ban |vb )?", "", words)

        def verb(start: int) -> str:  # the last words before the number
            return " ".join(re.split(r"[,;:]", self.folded[max(0, start - 40):start])[-1].split()[-2:])

        if not tail(prev.end) or tail(prev.end) != tail(e) or verb(prev.start) != verb(s):
            return False
        words = self.text[prev.start:noun_after(self.folded, e)[1]].strip()
        self.reading.figures[-1] = prev.model_copy(update={"value": prev.value + value,
                                                           "note": f"tổng của “{words}”, cộng trong phần mềm"})
        return True

    def read_coordinated(self, quote: str, value: Decimal, s: int, e: int, noun: str | None, noun_end: int) -> bool:
        """"Tuyển dụng 4 công chức và 11 viên chức": a count joined by "và" or a comma to the one before it shares
        its verb, and the verb with this count's noun ("tuyển dụng viên chức") names its figure. The verb alone does
        not: "ban hành 3 kế hoạch và 2 quyết định" are two parts of one figure (add_to_joined)."""
        prev = self.reading.figures[-1] if self.reading.figures else None
        if (noun is None or prev is None or prev.start < self.sentence_start(s)
                or not re.fullmatch(r"\s*[^\d,;.]{0,25}?\s*(?:,|\bva\b)\s*", self.folded[prev.end:s])):
            return False
        # the verb of the count before, or — when its phrase was its noun ("được giao 34 biên chế công chức và 12 người
        # làm việc …") — the nearest verb before that count; two of its phrase's words, for "tuyển dụng mới 3 công chức
        # và 41 viên chức" ("mới" alone is a phrase too)
        verbs = ([] if prev.after else phrases_in(mend(fold_lower(prev.phrase)), True)[:2]) + phrases_in(
            self.folded[self.sentence_start(prev.start):prev.start], True)[:1]
        words = self.folded[e:noun_end].strip()
        for verb in (v[2] for v in verbs):
            fit = [k for k in PHRASE_KEYS.get(f"{verb} {words}", []) if k not in self.taken and unit_fits(k, noun)
                   and FIELD_BY_KEY[k].unit != "%"]
            if len(fit) == 1:
                phrase = self.text[self.sentence_start(prev.start):prev.start].strip() if prev.after else prev.phrase
                self.add(fit[0], value, quote, s, e, phrase, prev.confidence - 0.1)
                return True
        return False

    def read_companion(self, quote: str, value: Decimal, s: int, e: int, noun: str | None) -> bool:
        """"Tổ chức 21 hội nghị phổ biến pháp luật cho 1.860 lượt cán bộ": the people at the events just counted."""
        prev = self.reading.figures[-1] if self.reading.figures else None
        key = COMPANIONS.get(prev.key) if prev else None
        if (key is None or noun is None or key in self.taken or not unit_fits(key, noun)
                or prev.start < self.sentence_start(s) or re.search(r"[;:]", self.folded[prev.end:s])):
            return False
        self.add(key, value, quote, s, e, self.text[prev.end:s].strip(), prev.confidence - 0.15)
        return True

    def read_denominator(self, quote: str, value: Decimal, s: int, e: int) -> bool:
        """"1.641/1.642 hồ sơ", "4 trên 5 kiến nghị": the number after the slash is the base of the figure before it."""
        prev = self.reading.figures[-1] if self.reading.figures else None
        # "40,2 tỷ đồng/65 tỷ đồng": the unit of money may be said on both sides of the slash
        if prev is None or not re.fullmatch(r"(?:\s*(?:trieu|ty|nghin) dong)?" + FRACTION, self.folded[prev.end:s]):
            return False
        # the base of a rate the schema knows, else the whole the part may not exceed ("4 trên 5 kiến nghị")
        bases = [b for b in [*(d.inputs[1] for d in DERIVED if d.inputs[0] == prev.key),
                             *(whole for part, whole, _ in PART_RULES if part == prev.key)] if b not in self.taken]
        if not bases:
            self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e,
                                              reason="không rõ là tổng số của chỉ tiêu nào"))
            return True
        self.add(bases[0], value, quote, s, e, f"{prev.phrase} {prev.quote}/".strip(), prev.confidence)
        return True

    def whole_after_slash(self, key: str, value: Decimal, quote: str, s: int) -> str | None:
        """"29/31 nhiệm vụ hoàn thành": the words after the base name the part, read after it; the number after the
        slash is the whole that part is out of. The whole said before with that number ("… với 31 nhiệm vụ. Kết quả:
        29/31 nhiệm vụ hoàn thành"), the number before the slash is the part, and this one is read no more (None)."""
        u = next((u for u in self.reading.unread if u.reason == UNCLEAR and re.fullmatch(FRACTION, self.folded[u.end:s])), None)
        if u is None:
            return key
        wholes = [d.inputs[1] for d in DERIVED if d.inputs[0] == key] + [w for p, w, _ in PART_RULES if p == key]
        said = {f.key: f.value for f in self.reading.figures}
        if free := next((w for w in wholes if w in FIELD_BY_KEY and w not in self.taken and w not in said), None):
            return free
        part = parse_vn_number(u.quote)
        if part is None or key in said or not any(w in said for w in wholes):
            return key
        if not any(said.get(w) == value for w in wholes):  # "Kế hoạch có 30 nhiệm vụ … 29/31": which is it? ask
            whole = next(w for w in wholes if w in said)
            label = label_of(whole)
            reason = (f"“{u.quote}/{quote}”: số sau dấu “/” {MISMATCH} với {label[:1].lower() + label[1:]} đã nêu "
                      f"({fmt_decimal(said[whole])})")
            self.reading.unread.remove(u)  # both numbers asked about, neither kept as an activity's words
            self.reading.unread += [u.model_copy(update={"reason": reason}),
                                    Unread(quote=quote, context=self.context(s, s + len(quote)), start=s,
                                           end=s + len(quote), reason=reason)]
            return None
        self.reading.unread.remove(u)
        named = re.split(r"[,;:(\n]|\.(?!\d)", self.text[s + len(quote):], maxsplit=1)[0].strip()  # "nhiệm vụ hoàn thành"
        self.add(key, part, u.quote, u.start, u.end, named, 0.85, after=True)
        return None

    def read_numerators(self) -> None:
        """"214 trên tổng số 260 hồ sơ có phí, lệ phí được thanh toán trực tuyến": a count left unread before the base
        it is out of is the part of that base which the words after the base name."""
        for u in [u for u in self.reading.unread if u.reason == UNCLEAR]:
            base = next((f for f in self.reading.figures if f.start > u.end
                         and re.fullmatch(FRACTION, self.folded[u.end:f.start])), None)
            value = parse_vn_number(u.quote)
            if base is None or value is None:
                continue
            parts = [d.inputs[0] for d in DERIVED if d.inputs[1] == base.key] + [p for p, w, _ in PART_RULES if w == base.key]
            stop = re.search(r"[;\n]|\.(?!\d)", self.folded[base.end:])
            said = {k for *_, keys in phrases_in(self.folded[base.end:base.end + (stop.start() if stop else 200)], False)
                    for k in keys}
            fit = [k for k in dict.fromkeys(parts) if k in said and k not in self.taken]
            if len(fit) == 1:
                self.reading.unread.remove(u)
                self.add(fit[0], value, u.quote, u.start, u.end, f"{u.quote}/{base.quote} {base.phrase}", base.confidence - 0.1)
        self.reading.figures.sort(key=lambda f: f.start)

    def read_after(self) -> None:
        """The readings that need the whole text read first, in this order."""
        self.read_numerators()
        self.read_joined_rate_count()
        self.read_apologies()
        self.read_merged_cut()
        total_of_levels(self.reading, self.text, self.folded)  # (the last reading: nothing is taken after it)

    def read_merged_cut(self) -> None:
        """"sáp nhập 4 trường mầm non, giảm 2 đơn vị": the units merged are not the units cut when the cut is said
        after them in the sentence — the count after "giảm" is the reduction, the merged ones are left with why."""
        for f in [f for f in self.reading.figures if f.key == "to_chuc.don_vi_su_nghiep_giam"
                  and re.search(r"\b(?:sap nhap|hop nhat)\b", fold_lower(f.phrase))]:
            stop = FULL_STOP.search(self.folded, f.end)
            cut = _CUT_AFTER.match(self.folded, f.end, stop.start() if stop else len(self.folded))
            if cut is None:
                continue
            a, b = cut.span(1)
            self.reading.figures = [g for g in self.reading.figures if g is not f and g.start != a]
            self.reading.unread = [u for u in self.reading.unread if u.start != a]
            self.reading.unread.append(Unread(quote=f.quote, context=self.context(f.start, f.end), start=f.start, end=f.end,
                                              reason="số đơn vị được sáp nhập; số giảm là số nói sau «giảm»"))
            self.add(f.key, parse_vn_number(self.text[a:b]), self.text[a:b], a, b, self.text[cut.start(1) - 5:a].strip(),
                     f.confidence)
            self.reading.figures.sort(key=lambda g: g.start)

    def read_apologies(self) -> None:
        """"5 hồ sơ quá hạn đều có văn bản xin lỗi": a letter for each late dossier, their count said by the late one."""
        late = next((f for f in self.reading.figures if f.key == "tthc.ho_so_qua_han"), None)
        if late and "tthc.van_ban_xin_loi" not in self.taken and all(f.key != "tthc.van_ban_xin_loi" for f in self.reading.figures):
            if m := _EACH_APOLOGISED.match(self.folded, late.end) or _ALL_LATE_APOLOGISED.match(self.folded, late.end):
                self.add("tthc.van_ban_xin_loi", late.value, late.quote, late.start, late.end,
                         self.text[m.start(1):m.end()], late.confidence - 0.1, after=True)
                self.reading.figures.sort(key=lambda f: f.start)

    def same_subject(self, tied: list[str]) -> list[str]:
        """"Rà soát 126 văn bản, kiến nghị sửa đổi 9 văn bản; đến nay đã xử lý 7 văn bản": of two readings, the one of
        the figure read just before (the review's documents dealt with, not the check's)."""
        if len(tied) < 2 or not self.reading.figures:
            return tied
        shared = {k: len(os.path.commonprefix([k, self.reading.figures[-1].key])) for k in tied}
        best = max(shared.values())
        return [k for k in tied if shared[k] == best]

    def read_level_part(self, quote: str, value: Decimal, s: int, e: int, left: str, noun: str | None) -> bool:
        """"giải quyết 79.139 hồ sơ, trong đó cấp tỉnh 40.000": the level's part of the total just read."""
        m = re.fullmatch(r"\s*(?:o|tai)?\s*c[adeo4]p (tinh|huyen|xa)\s*:?\s*", left)
        if not m:
            return False
        sent_from = self.sentence_start(s)
        if sent_from and self.folded[sent_from - 1] == ";" and re.match(r"\s*trong do\b", self.folded[sent_from:]):
            sent_from = self.sentence_start(sent_from - 1)  # "…, tỷ lệ đúng hạn 99,2%; trong đó cấp tỉnh …": the same total
        if self.part_of_other_count(s, e, sent_from, quote):
            return True
        # of the total just read, or of the total whose other level's part was just read ("… của huyện là 287, cấp xã 114")
        # not a count in brackets closed before this one ("cấp tỉnh 98.304 hồ sơ (đúng hạn 97.950), cấp huyện 121.877")
        closed = [(m.start(), self.folded.find(")", m.start(), s)) for m in re.finditer(r"\(", self.folded[:s])]
        for f in reversed([f for f in self.reading.figures if f.start >= sent_from and f.key in _TOTAL_OF
                           and not any(a < f.start < b for a, b in closed if b >= 0)]):
            key = LEVEL_PART.get((_TOTAL_OF[f.key], m.group(1)))
            if key is None:
                continue
            if key not in self.taken and (noun is None or unit_fits(key, noun)):
                self.add(key, value, quote, s, e, self.text[s - len(left):s].strip(), f.confidence)
                return True
        # "Toàn huyện tiếp nhận 21.640 hồ sơ, trong đó cấp huyện 5.210 hồ sơ, …": a level's share of a total the schema
        # keeps only whole — said as such, kept as the official's note on that total (unread_facts.level_notes)
        last = next((f for f in reversed(self.reading.figures) if f.start >= sent_from), None)
        if last is not None and last.key not in _TOTAL_OF and noun is not None and unit_fits(last.key, noun) and \
                re.search(rf"{PARTS.pattern}[^.;]*$", self.folded[last.end:s]):
            self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e, reason=LEVEL_ONLY))
            return True
        return False

    def part_of_other_count(self, s: int, e: int, sent_from: int, quote: str) -> bool:
        """"ban hành mới 11 TTHC (cấp tỉnh 11, cấp huyện 0)": the levels of the count before the brackets, which is
        not the unit's total of procedures — kept out of the level figures and said as not read."""
        opening = self.folded.rfind("(", sent_from, s)
        if opening < 0 or ")" in self.folded[opening:s]:
            return False
        counts = [m for m in NUMBER_RE.finditer(self.text, sent_from, opening) if not self.is_blocked(*m.span())]
        if not counts:
            return False
        read = next((f for f in self.reading.figures if f.start == counts[-1].start()), None)
        if read is not None and read.key in LEVEL_TOTALS:
            return False
        if read is None and re.search(r"\btong(?: so| cong)?\b", self.folded[sent_from:counts[-1].start()]):
            return False  # "Tổng số … 1.849 thủ tục (cấp tỉnh …)" not read for another reason: the usual rules decide
        self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e,
                                          reason=f"phần theo cấp của số {counts[-1].group(0)} đứng trước ngoặc"))
        return True

    def part_of_fraction(self, choices: list, e: int) -> list:
        """The number before a slash ("hoàn thành 10/14 nhiệm vụ UBND tỉnh giao") is named by the words before it when
        those name a part of the whole the words after the slash name; choices: the reader's (side, distance, …, keys)."""
        before = [c for c in choices if c[0] == 0]
        after = {k for c in choices if c[0] != 0 for k in c[4]}
        # (only words that name a part of the whole named after: "thực hiện 27/27 nhiệm vụ cấp trên giao" names none)
        if not re.match(FRACTION + r"\d", self.folded[e:e + 20]) or not any(
                (k, w) in _PART_OF for c in before for k in c[4] for w in after):
            return choices
        return before

    def from_above(self, sent_from: int) -> bool:
        """"UBND tỉnh giao 14 nhiệm vụ, đã hoàn thành 10": the sentence counts tasks set from above, so a count of tasks
        done is theirs — never the unit's own plan (done, unless said late, reads as done on time, as the phrases have it)."""
        return any(f.key == "chi_dao.nhiem_vu_cap_tren_giao" for f in self.reading.figures if f.start >= sent_from)

    def read_channel_of_resolved(self, quote: str, s: int, e: int) -> bool:
        """"giải quyết 7.904 hồ sơ, trong đó trực tuyến 6.110 hồ sơ …": the channels split the dossiers received, not
        those resolved — no figure counts the resolved by channel, so the number is shown back, not read."""
        start = self.sentence_start(s)
        head = self.folded[start:s]
        if not (PARTS.search(head) and re.search(r"\b(?:truc tuyen|truc tiep|buu chinh(?: cong ich)?)\s*(?::|la)?\s*$", head)):
            return False
        said = [f for f in self.reading.figures if start <= f.start < s]
        if not said or said[-1].key not in _RESOLVED:
            return False
        self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e, reason=(
            "phần theo kênh của số hồ sơ đã giải quyết: không có chỉ tiêu riêng (kênh nộp tính trên hồ sơ tiếp nhận)")))
        return True


_LEAD = re.compile(r"\s*[^:.;]{0,90}:")  # a line's or a paragraph's lead: "Cấp xã:", "(1) Bộ phận Một cửa cấp huyện:"
_CUT_AFTER = re.compile(r"[^;]*?\bgiam\s+(\d[\d.]*)")  # "…, giảm 2 đơn vị": the cut said after the units merged
# a level's part or a total → the total: the figure a level's part after it is of
_TOTAL_OF = {part: total for (total, _), part in LEVEL_PART.items()} | {t: t for t in LEVEL_TOTALS}
# "… quá hạn đều có văn bản xin lỗi": every one of them, no count of its own; "đã gửi thư xin lỗi" may be for some only
_EACH_APOLOGISED = re.compile(r"[^\d.;\n]{0,40}?\b(deu(?: da)?\s+(?:co|duoc gui|ban hanh|gui|phat hanh)\s+(?:van ban|thu)\s+xin loi)"
                              r"(?![^.;\n]*\d)")
# "quá hạn 17 hồ sơ; xã đã có văn bản xin lỗi đối với toàn bộ hồ sơ quá hạn": the late ones named again, across the ";"
# or into the next sentence ("… quá hạn 19 hồ sơ (…). Sở đã có văn bản xin lỗi đối với toàn bộ hồ sơ quá hạn")
_ALL_LATE_APOLOGISED = re.compile(r"(?:[^\d.\n]|\.(?=\s)){0,60}?\b((?:van ban|thu) xin loi (?:doi voi|cho|voi) (?:toan bo|tat ca)"
                                  r"(?: cac)?(?: so)? ho so (?:qua|tre|cham) han)(?![^.;\n]*\d)")
