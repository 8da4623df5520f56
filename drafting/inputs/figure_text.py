"""The one reader of figures in Vietnamese text: a chat message, a past report, a draft under review.

"tiếp nhận 5 phản ánh, kiến nghị, đã xử lý 5" → tthc.pakn_tiep_nhan = 5, tthc.pakn_da_xu_ly = 5, each
with the exact words and span it was read from, the outline section it sits in and a confidence.

How a number becomes a figure, in order: numbers that are not figures are skipped (blocked.py); the noun right after
the number (hồ sơ, phản ánh, văn bản, thủ tục, lượt người, nhiệm vụ…) fixes what it counts, or the noun carried from
earlier in the sentence; the nearest phrase before it (else after it) names the candidates; among them the section (a
number under "2. Cải cách thủ tục hành chính" is a TTHC figure), the other words of the sentence and "trong đó" (a part
of the total just read) choose. When two readings remain, the reader asks, never guesses. A percentage is a stated
rate: of the figure named next to it, or of the count just read in the sentence; rates are checked, never taken as
figures. Text without diacritics (OCR) reads the same, its garbled words mended first ("ding han" → "dung han",
ocr_words.py); "cấp tỉnh/huyện/xã" picks a total's per-level part."""

from __future__ import annotations

import re
from decimal import Decimal

from corpus.text import fold_lower
from drafting.figures.schema import AREAS, FIELD_BY_KEY, LEVEL_WORDS, PART_RULES
from drafting.figures.vnformat import NUMBER_RE, parse_vn_number
from drafting.inputs.blocked import blocked_spans, changed_to_subject, not_counted
from drafting.inputs.clauses import (
    FULL_STOP,
    PAPERS,
    PARTS,
    PLACES,
    SEP,
    area_hint,
    noun_after,
    numbers_as_digits,
    parts_of,
    phrases_in,
    second_group,
    sentence_bonus,
)
from drafting.inputs.count_units import (
    COMPANIONS,
    LEVEL_NAMED,
    LEVEL_PART,
    PUBLIC,
    STAFF,
    STAFF_TRAINING,
    UNIT_NOUNS,
    levels_in,
    unit_fits,
)
from drafting.inputs.figure_links import LinkedReading
from drafting.inputs.noun_rules import ON_AIR, SET_FOR, SET_IN, SIDE_COST, legal_kind, noun_choices
from drafting.inputs.ocr_words import mend
from drafting.inputs.phrases import NEGATED_KEYS, NOT_YET, NOT_YET_AFTER, PHRASE_KEYS, PRIMARY
from drafting.inputs.rate_text import RateReading
from drafting.inputs.respective import respective_phrases
from drafting.inputs.text_reading import APPROX, LEVEL_ONLY, UNCLEAR, Ambiguous, ReadFigure, TextReading, Unread

_AREA_OF_SECTION = {a.section: a.key for a in AREAS}
_SENTENCE = re.compile(r"[;\n]|\.(?!\d)(?=\s|$)")
# words before a count that make it an estimate (folded); "300 trên 400" is a share, not one
APPROX_BEFORE = re.compile(r"\b(khoang|gan|hon|tren|xap xi|uoc|uoc tinh|chung)\s*$")
_QUALIFIERS = {f"cap {lv}" for lv, _ in LEVEL_WORDS} | {"tai bo phan mot cua", "tai quay"}  # where, not what (“… trễ hạn tại Bộ phận Một cửa”)
_RATE_IN = re.compile(r"\d[\d.,]*\s*%")
_OVER_BASE = re.compile(r"\s*(?:ho so\s+)?tren (?:tong so\s+)?\d")
# a count said after a rate: "chiếm 71,3% với 2.287 hồ sơ", "đạt 99,5%, tương ứng 1.990 hồ sơ"
_WITH_RATE = re.compile(r"%\s*,?\s*(?:voi|tuong ung(?: voi)?|tuong duong(?: voi)?)(?: tong(?: so)?)?\s*$")
# the base a figure is stated against: "đạt 58.300 triệu đồng so với dự toán 102.000 triệu đồng"
_BASE_AFTER = re.compile(r"\b(?:tren|so voi) (?:tong|ke hoach|du toan|chi tieu)\b")
_PLAN_TASKS = ("chi_dao.nhiem_vu_hoan_thanh", "chi_dao.nhiem_vu_ke_hoach")
# people at events: outreach only where the sentence is about outreach; at a training course, the trained
_OUTREACH = re.compile(r"\b(?:tuyen truyen|pho bien|truyen thong|hoi nghi|toa dam|hoi thi|tap huan)\b")
_TRAINING = re.compile(r"\bboi duong\b")
_ATTENDEES = {"chi_dao.luot_nguoi_tuyen_truyen", "the_che.pbgdpl_luot_nguoi"}
_SOME_UNITS = re.compile(r"\d+\s+(?:co quan|don vi|phong|xa|phuong|so|nganh)\b[^.;\d]{0,30}$")  # "4 cơ quan chưa áp dụng ISO"
_ISO = re.compile(r"\b(chua |khong )?(?:ap dung|duy tri)\b[^.;\n]{0,80}?\biso(?: 9001(?::\s?20[012]\d)?)?")
# "công bố 146 TTHC mới, sửa đổi, bổ sung và bãi bỏ": a total of several kinds, none of them alone (no count follows)
# and "công bố 41 TTHC (mới ban hành 9, sửa đổi bổ sung 25, bãi bỏ 7)": the kinds' counts in brackets, each read
_KINDS = re.compile(r"\s*(?:hanh chinh\s*)?(?:moi\s*(?:,|va)\s*(?:sua doi|bai bo|thay the)[^\d;]*?(?:[.;\n]|$)|"
                    r"\((?=[^)]*\bmoi\b)(?=[^)]*\b(?:sua doi|bai bo|thay the)\b)|,?\s*(?:trong do|gom|bao gom):?\s*(?:co\s*)?\d[\d.]*\s*"
                    r"(?:tthc|thu tuc(?: hanh chinh)?)?\s*(?:moi|duoc cong bo moi)\b|\s*(?:duoc\s+)?chuan hoa\b)")  # "246 thủ tục được chuẩn hóa"
# "Kế hoạch CCHC năm …", "Kế hoạch số 12/KH-UBND ngày 15/01/2024 về CCHC năm 2024 với 45 nhiệm vụ": the unit's own plan
_OWN_PLAN = re.compile(r"\bke hoach (?:so \S+ )?(?:ngay [\d/]+ )?(?:ve |thuc hien )?(?:cong tac )?(?:cchc|cai cach)")
_BROADCAST = re.compile(r"\b(?:dai|loa|he thong|tram) (?:truyen thanh|phat thanh)\b[^,;.\d]{0,40}?\bphat\s*$")
_DONE_LATER = re.compile(r"[^.;\n]*?\b(?:da thuc hien xong|thuc hien xong|da thuc hien duoc)\b")
_PRESENT_OF = {"to_chuc.bien_che_co_mat": "to_chuc.bien_che_giao", "to_chuc.vien_chuc_co_mat": "to_chuc.vien_chuc_giao"}
_WHOLE_OF = {part: whole for part, whole, _ in PART_RULES}  # "… đã thực hiện … trên tổng số 11": the whole they are of
_BARE_YEAR = re.compile(r"19[5-9]\d|20[0-4]\d")
# a sentence that opens with a level ("Cấp tỉnh tiếp nhận …"), not a paragraph's lead ("(1) Bộ phận Một cửa cấp huyện:")
_LEVEL_FIRST = re.compile(r"\s*(?:o |tai )?" + LEVEL_NAMED)


class _Reader(LinkedReading, RateReading):
    def __init__(self, text: str, section: str, unique: bool, area: str | None, blocked: list[tuple[int, int]],
                 by_level: bool | None = None, level: str | None = None):
        text, self.said_in_words = numbers_as_digits(text)  # "01 (một) quyết định", "hai hội nghị": the count by its noun
        self.text = text
        self.folded = fold_lower(text)  # same length as text: spans carry over
        self.accented = self.folded != text.lower()
        self.folded = mend(self.folded)  # OCR: "ding han" → "dung han", same length; clean text stays as it is
        self.section = section
        self.unique = unique
        self.area = _AREA_OF_SECTION.get(section) or area or area_hint(self.folded)
        self.blocked = blocked_spans(text) + blocked
        self.respective = respective_phrases(self.folded)  # "trực tuyến và trực tiếp lần lượt là 401 và 241"
        self.reading = TextReading()
        self.taken: set[str] = set()
        # figures broken down by level only where the text names two levels ("cấp huyện … cấp xã …"); a commune's
        # "Bộ phận Một cửa cấp xã: giải quyết 120 hồ sơ" is its total
        self.level = level  # the level of the whole text: a table row under "3.2. … UBND cấp huyện"
        self.by_level = by_level if by_level is not None else len(set(levels_in(self.folded))) > 1
        # "trước hạn 100, đúng hạn 128": early dossiers counted apart, so "đúng hạn" alone is the on-time part
        # and "652 hồ sơ đúng hạn, 31 hồ sơ trước hạn" too; "trước hạn và đúng hạn" is the total, unless named apart
        # and counted in order ("trước hạn và đúng hạn tương ứng là 402 và 881")
        self.separate_early = bool(re.search(r"(?<!va )\b(truoc|som) han\s*(?::|la|dat)?\s*\d|\d\s*(?:ho so\s*)?(?:(?:duoc )?giai quyet\s*)?"
                                             r"(?:truoc|som) han\b(?!\s*va\s+(?:dung|som)\b)", self.folded))
        self.separate_early |= any(re.search(r"\b(?:truoc|som) han\b", name) for name, _ in self.respective.values())

    def context(self, s: int, e: int) -> str:
        a, b = max(0, s - 40), min(len(self.text), e + 30)
        while 0 < a < s and not self.text[a - 1].isspace():  # whole words: "nhiệm vụ", not "iệm vụ"
            a += 1
        while e < b < len(self.text) and not self.text[b].isspace():
            b -= 1
        return self.text[a:b].strip()

    def sentence_start(self, s: int) -> int:
        return max((m.end() for m in _SENTENCE.finditer(self.folded, 0, s)), default=0)

    def read(self) -> TextReading:
        for num in NUMBER_RE.finditer(self.text):
            s, e = num.span()
            if self.is_blocked(s, e):
                continue
            self.read_number(num.group(0), s, e)
        # "đang áp dụng và duy trì hệ thống … ISO 9001:2015": a yes/no figure, said once (not in "Nhiệm vụ năm 2027: …")
        if (m := _ISO.search(self.folded)) and "cds.iso_ap_dung" not in self.taken and not self.is_blocked(m.start(), m.start() + 1) \
                and not _SOME_UNITS.search(self.folded, self.sentence_start(m.start()), m.start() + 1):
            quote = self.text[m.start():m.end()]
            self.add("cds.iso_ap_dung", Decimal(0 if m.group(1) else 1), quote, m.start(), m.end(), quote, 0.8)
        self.read_after()
        self.drop_breakdowns()
        return self.reading

    def drop_breakdowns(self) -> None:
        """"04 văn bản … (01 kế hoạch, 03 công văn)": numbers in brackets that add up to the figure before them are its
        breakdown, which no field holds — not numbers left unread."""
        for f in self.reading.figures:
            m = re.match(r"[^()\d.;]{0,60}\(([^()]*)\)", self.text[f.end:])
            if not m:
                continue
            a, b = f.end + m.start(1), f.end + m.end(1)
            inside = [u for u in self.reading.unread if a <= u.start < b]
            numbers = list(NUMBER_RE.finditer(self.text, a, b))
            if len(inside) >= 2 and len(inside) == len(numbers) and sum(
                    parse_vn_number(u.quote) or 0 for u in inside) == f.value:
                self.reading.unread = [u for u in self.reading.unread if u not in inside]

    def is_blocked(self, s: int, e: int) -> bool:
        return any(a <= s < b or a < e <= b for a, b in self.blocked)

    def clause(self, s: int, e: int) -> tuple[str, str, int]:
        f = self.folded
        if s in self.respective:
            return self.respective[s][0], "", self.respective[s][1]
        left_start = max((m.end() for m in SEP.finditer(f, 0, s)), default=0)
        if not f[left_start:s].strip() and left_start and f[left_start - 1] == ":":
            # "Tổng số hồ sơ đã tiếp nhận: 1.024", "Hợp đồng lao động làm công việc hỗ trợ, phục vụ: 6 người": the
            # label runs from the sentence's start to the colon
            left_start = self.sentence_start(left_start - 1)
        bracket = left_start and f[left_start - 1] == "(" and not f[left_start:s].strip()
        # "100% văn bản đi được ký số, tổng 1.245 văn bản": the count behind the rate, as in brackets below
        after_rate = left_start and f[left_start - 1] == "," and re.fullmatch(r"\s*tong(?: so| cong)?\s*", f[left_start:s])
        # "Hồ sơ nộp qua Cổng dịch vụ công chiếm 71,3% với 2.287 hồ sơ": the same, said with "với"
        joined = None if bracket or after_rate else _WITH_RATE.search(f, self.sentence_start(s), s)
        if joined and len(f[e:(m.start() if (m := SEP.search(f, e)) else len(f))].split()) > 2 and not _OVER_BASE.match(f, e):
            joined = None  # "…, với 4.610 văn bản đi điện tử": the words after name it ("… trên tổng số N": its base)
        left_start = joined.start() + 2 if joined else left_start
        if bracket or after_rate or joined:
            # "100% có chữ ký số (5.210 văn bản)": the count behind the rate, named by the words around the rate;
            # "…, phường đã có văn bản xin lỗi công dân (18 văn bản)": the count of what its clause names
            opening, sent_from = left_start - 1, self.sentence_start(left_start - 1)
            counts = [m for m in NUMBER_RE.finditer(self.text, sent_from, opening) if not self.is_blocked(*m.span())
                      and not f[m.end():m.end() + 2].lstrip().startswith("%")]
            if _RATE_IN.search(f, sent_from, opening) and not counts:
                return re.sub(r"\s+", " ", _RATE_IN.sub(" ", f[sent_from:opening])), "", left_start
            tail_from = max((m.end() for m in SEP.finditer(f, 0, opening)), default=0)
            if (bracket or joined) and not any(m.start() >= tail_from for m in counts):
                return _RATE_IN.sub(" ", f[tail_from:opening]), "", left_start
        if left_start and f[left_start - 1] == ")" and "(" in f[:left_start]:
            # "số định biên (bao gồm …) là 21 người": the words before the brackets name it
            opening = f.rfind("(", 0, left_start)
            left_start = max((m.end() for m in SEP.finditer(f, 0, opening)), default=0)
        prev_num = [m.end() for m in NUMBER_RE.finditer(self.text, left_start, s) if not self.is_blocked(*m.span())]
        left_from = max([left_start, *prev_num])
        nxt = SEP.search(f, e)  # (a row pasted from a sheet: the cell after a value is the next value's label)
        right_end = min(nxt.start() if nxt else len(f), f.find("\t", e) if "\t" in f[e:] else len(f))
        next_num = [m.start() for m in NUMBER_RE.finditer(self.text, e, right_end) if not self.is_blocked(*m.span())]
        right_to = next_num[0] if next_num else right_end
        return f[left_from:s].replace("|", " "), f[e:right_to].replace("|", " "), left_from

    def read_number(self, quote: str, s: int, e: int) -> None:
        value = parse_vn_number(quote)
        if value is None:
            return
        left, right, left_from = self.clause(s, e)
        right = right[:m.start()] if (m := _BASE_AFTER.search(right)) else right  # "đạt 1.204.500 trên kế hoạch …"
        noun, noun_end = noun_after(self.folded, e)
        sent_from = self.sentence_start(s)
        stop = FULL_STOP.search(self.folded, e)  # not into the next sentence ("… Thực hiện 12 nhiệm vụ cấp trên giao")
        sentence = self.folded[sent_from:min(stop.start() if stop else len(self.folded), e + 120)]
        before = self.folded[sent_from:s]
        if noun == "%":
            return self.read_percent(quote, value, s, e, left, before)
        if reason := not_counted(before, self.folded[e:e + 140]):  # "giảm từ 9 phòng xuống còn 6", "dự toán chi …": no figure the table holds
            self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e, reason=reason))
            return
        left, converted = changed_to_subject(before, left), ""
        if noun == "tỷ đồng":  # the schema keeps money in triệu đồng: "2.850 tỷ đồng" is 2.850.000, converted in code
            value, noun, converted = value * 1000, "triệu đồng", f"đổi {quote} tỷ đồng thành triệu đồng"
        if noun == "đồng":
            self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e,
                                              reason="số tiền cần ghi theo triệu đồng"))
            return
        if PAPERS.match(self.folded, e):  # "cấp 14 giấy chứng nhận đăng ký đầu tư …": papers issued, no figure's count
            self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e, reason=UNCLEAR))
            return
        if noun == "thủ tục" and _KINDS.match(self.folded, noun_end):
            self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e,
                                              reason="tổng của nhiều loại thủ tục: cần số của từng loại"))
            return
        if noun in PLACES and (group := second_group(self.folded, noun_end, "kiem tra" in before)):
            a, b, noun_end = group
            other = parse_vn_number(self.text[a:b])
            self.blocked.append((a, b))
            converted = f"tổng của “{self.text[s:noun_end].strip()}”, cộng trong phần mềm"
            value, quote = value + other, self.text[s:noun_end].strip()
        broadcast = noun in ("buổi", "lượt người") and (_BROADCAST.search(before) or ON_AIR.match(self.folded, noun_end))  # "Đài truyền thanh xã phát 36 buổi
        noun = "chương trình" if broadcast else noun  # tuyên truyền": broadcasts, whatever the official calls them
        carried = noun or self.carried_noun(sent_from, s)
        # "giải quyết 815 hồ sơ đúng hạn 809, trễ hạn 6": the words between the noun and the next number (bare, or
        # counting the same thing) name that number
        ahead = NUMBER_RE.match(self.text, e + len(right)) if noun and noun_end < e + len(right) else None
        tail = self.folded[noun_end:ahead.start()].strip() if ahead else ""
        # "690 hồ sơ đã giải quyết có 652 hồ sơ đúng hạn": a tail ending in "có"/"gồm" qualifies this number's noun
        if tail and re.fullmatch(r"[a-z0-9 ]+", tail) and not re.search(r"(?:\b(?:co|gom|la|bao gom|trong do|thi|trong)|:)$", tail) and \
                noun_after(self.folded, ahead.end())[0] in (None, noun) and not self.is_blocked(*ahead.span()):
            right = right[:noun_end - e]
        if (self.read_denominator(quote, value, s, e) or self.read_level_part(quote, value, s, e, left, noun)
                or self.add_parallel(value, s, e, noun) or self.read_plan_remainder(quote, value, s, e, noun, noun_end)
                or self.read_complaints_left(quote, value, s, e, noun) or self.read_left(quote, value, s, e, noun, noun_end) or self.read_channel_of_resolved(quote, s, e)):
            return
        totals = [f.key for f in self.reading.figures if f.start >= sent_from]
        after_trong_do = bool(PARTS.search(before))
        choices = [(0, d, ln, p, k) for d, ln, p, k in phrases_in(left, True)]
        choices += [(0, -9, 0, "phat", ["chi_dao.chuong_trinh_phat_thanh"])] if broadcast else []
        # "Loa truyền thanh của xã phát 36 tin": news items, counted as the portal's are (as in set 2's "24 tin bài")
        choices += [(0, -9, 0, "phat", ["chi_dao.tin_bai"])] if noun == "tin, bài" and _BROADCAST.search(before) else []
        if _BARE_YEAR.fullmatch(quote) and not noun and not any(c[1] == 0 for c in choices):
            return  # "kế hoạch … nim 2023" (OCR'd "năm"): a year, unless a figure's words name it ("giải quyết 2020")
        # after the number the words read as one phrase: "22 hồ sơ được giải quyết quá hạn" is late, so
        # the farthest phrase of the clause names it
        right_found = phrases_in(right, False)
        # the noun itself ("11 nhiệm vụ") says what is counted, not which figure: weakest evidence
        noun_span = noun_end - e - (len(right) - len(right.lstrip()))
        named = [x for x in right_found if not (noun and x[0] + (-x[1]) <= noun_span)]
        if any(x[2] not in _QUALIFIERS for x in named):  # "… không phụ thuộc địa giới cấp tỉnh": the level qualifies
            named = [x for x in named if x[2] not in _QUALIFIERS]
        noun_words = self.folded[e:noun_end].strip()
        # "tuyển dụng 2 viên chức": the verb with the noun is a figure's own phrase, before the verb alone (unless
        # the noun starts a longer phrase: "ban hành 1 văn bản quy phạm")
        # — the longest phrase before the number only: "kết quả giải quyết được số hóa 5.190 hồ sơ" is no "số hóa hồ sơ"
        longest = max((len(p) for _, d, _, p, _ in choices if d == 0), default=0)
        if noun and not any(d == 0 and -ln > len(noun_words) for d, ln, _, _ in right_found):
            choices += [(0, -0.5, -len(p) - len(noun_words), f"{p} {noun_words}", PHRASE_KEYS[f"{p} {noun_words}"])
                        for _, d, _, p, _ in choices if d == 0 and len(p) == longest and f"{p} {noun_words}" in PHRASE_KEYS]
        for d, ln, p, k in right_found:
            if (d, ln, p, k) not in named:  # "58 biên chế": a noun that is one figure's own word names it, before
                # the words past a comma, after the words before the number
                choices.append((2, -1, ln, p, k) if len(k) == 1 and p == noun_words else (3, 0, ln, p, k))
        near = min((d for d, *_ in named), default=0)
        far = max((d for d, *_ in named), default=0)
        # among the words after the number the farthest phrase names it, ranked at the distance of the nearest
        choices += [(1, near + (far - d) / 1000, ln, p, k) for d, ln, p, k in named]
        # "giải quyết 4 hồ sơ quá hạn", "ban hành 4 văn bản xin lỗi": words right after the noun name which part
        # the count is, before the verb that named the whole
        if noun and noun_end < e + len(right) and not re.match(r"\s*thuoc\b", self.folded[noun_end:]):
            # "14 TTHC thuộc thẩm quyền giải quyết": "thuộc" qualifies what the verb before counts
            choices += [(1, -SIDE_COST[1] - 1, ln, p, k)
                        for d, ln, p, k in phrases_in(self.folded[noun_end:e + len(right)].replace("|", " "), False, chained=True)]
        if noun and not ahead:  # a noun fixes the unit: the phrase may sit farther, past a comma ("5 buổi phổ biến…")
            sentence_end = _SENTENCE.search(self.folded, e)
            rest = self.folded[e:min(sentence_end.start() if sentence_end else len(self.folded), e + 80)]
            # "58 thủ tục, trong đó 20 thủ tục liên thông": the words after "trong đó" and the next number name the parts
            rest = PARTS.split(rest)[0]
            rest = rest[:m.start()] if (m := _BASE_AFTER.search(rest)) else rest  # "… so với dự toán": the base's words
            after = [m.start() - e for m in NUMBER_RE.finditer(self.text, e, e + len(rest)) if not self.is_blocked(*m.span())]
            rest = rest[:after[0]] if after else rest
            # "đánh giá 38 thủ tục, đề xuất đơn giản hóa 6 thủ tục": a phrase past the last comma before the next
            # number names that number
            cut = max([m.end() for m in SEP.finditer(rest)], default=len(rest)) if after else len(rest)
            lead = len(rest) - len(rest.lstrip())
            choices += [(2, d, ln, p, k) for d, ln, p, k in phrases_in(rest, False) if d - ln > noun_span
                        and d + lead < cut]
        choices += noun_choices(self.folded, noun, noun_end, e, before, left, sentence, carried)
        choices = self.part_of_fraction(choices, e)  # "hoàn thành 10/14 nhiệm vụ UBND tỉnh giao": the words after name 14
        level, level_only = self.level_at(s, e, right), False
        # the nearest naming words win; words after the number count a little farther than words before it
        # at the same distance ("đã xử lý xong 4" after "4 kiến nghị"), the words naming what the sentence counts win
        # "Biên chế công chức của Sở được giao năm 2026 là 58": a bare number about a staff quota counts people
        staff_quota = carried == "người" and re.search(r"\bbien che\b", sentence) is not None

        def counts_it(keys: list[str]) -> bool:
            return carried is not None and any(unit_fits(k, carried) for k in keys)

        for side, dist, _, phrase, keys in sorted(
                choices, key=lambda c: (c[1] + SIDE_COST[c[0]], c[0], not counts_it(c[4]), c[2])):
            # a bare count in a sentence about complaints counts complaints: "9 phản ánh …, đang xử lý 1" is no dossier
            fit = [k for k in keys if FIELD_BY_KEY[k].unit != "%"
                   and (unit_fits(k, noun) if noun else not (carried in ("phản ánh", "phiếu") or staff_quota) or unit_fits(k, carried))
                   and ((phrase, k) in PRIMARY or (carried is not None and unit_fits(k, carried)))]
            if _OWN_PLAN.search(sentence) and not re.search(r"\b(?:cap tren|giao)\b", sentence):  # "nhiệm vụ của Kế hoạch CCHC" are
                fit = [k for k in fit if not k.startswith("chi_dao.nhiem_vu_cap_tren")]  # not tasks set from above
            elif SET_IN.search(sentence) and any(k.startswith("chi_dao.nhiem_vu_cap_tren") for k in fit) or self.from_above(sent_from):
                fit = [k for k in fit if k not in _PLAN_TASKS]  # "15 nhiệm vụ do Sở giao, đã hoàn thành 12": those
            fit = legal_kind(self.folded, noun, noun_end, fit)  # "6 quyết định quy phạm pháp luật": legal ones
            if side == 0 and phrase == "thuc hien" and _DONE_LATER.match(self.folded, noun_end):  # "Thực hiện 3 kiến
                fit = [k for k in fit if k != "tai_chinh.kien_nghi_da_thuc_hien"]  # nghị …, đã thực hiện xong 2": all
            events = [f.key for f in self.reading.figures if f.start >= sent_from and f.key in COMPANIONS]
            if events and (set(fit) & _ATTENDEES or fit == ["cong_vu.boi_duong"] and "pho bien" in sentence):  # "6 buổi
                fit = [COMPANIONS[events[-1]]]  # tuyên truyền pháp luật … với 480 lượt người", "9 lớp tập huấn phổ biến …"
            if "cong_vu.boi_duong" in fit and PUBLIC.match(self.folded, e):  # "tập huấn … cho 120 người dân": reached
                fit = [k for k in fit if k != "cong_vu.boi_duong"] or ["chi_dao.luot_nguoi_tuyen_truyen"]
            elif set(fit) & _ATTENDEES and STAFF.match(self.folded, e) and STAFF_TRAINING.search(sentence) \
                    and not re.search(r"\b(?:tuyen truyen|pho bien)\b", sentence):
                fit = ["cong_vu.boi_duong"]  # "cử 20 công chức tham gia tập huấn nghiệp vụ": staff trained, no outreach
            elif set(fit) & _ATTENDEES and not _OUTREACH.search(sentence):
                # "02 cuộc đối thoại …, khoảng 150 người dân tham dự": no outreach; "lớp bồi dưỡng … 1.380 lượt": trained
                fit = [k for k in fit if k not in _ATTENDEES]
                fit += ["cong_vu.boi_duong"] if _TRAINING.search(sentence) and noun and unit_fits("cong_vu.boi_duong", noun) else []
            # "(1) Bộ phận Một cửa cấp huyện: … đã giải quyết 1.642 hồ sơ": the total's part for that level
            fit = list(dict.fromkeys(LEVEL_PART.get((k, level), k) for k in fit))
            if "tthc.ho_so_so_hoa" in fit and noun_words.startswith("ket qua"):  # "7.011 kết quả giải quyết được số
                fit = ["tthc.ket_qua_so_hoa"]  # hóa": the results digitised, not the dossiers taken in
            if fit == ["tthc.pakn_da_xu_ly"] and phrase.endswith("duoc tra loi") and "tthc.pakn_tiep_nhan" not in self.taken:
                fit = ["tthc.pakn_tiep_nhan"]  # "4 kiến nghị của công dân đã được trả lời": those received, all answered
            if level and any(_LEVEL_FIRST.match(self.folded, at) for at in (sent_from, self.line_start(s))):  # "Cấp tỉnh …": a
                kept = [k for k in fit if not (k.startswith("tthc.ho_so") and not k.endswith(f"_cap_{level}"))]
                level_only, fit = level_only or kept != fit, kept  # level's count of a figure kept only as a total
            # "kiến nghị bãi bỏ 04 văn bản, sửa đổi 05 văn bản": the figure just read, named again, takes the count too
            joined = fit if all(k in self.taken for k in fit) else [totals[-1]] if totals and totals[-1] in fit else []
            if joined and self.add_to_joined(joined, value, quote, s, e, noun, sent_from):
                return
            fit = [k for k in fit if k not in self.taken]
            if not fit:
                continue
            ranks = {k: self.rank(k, phrase, carried, sentence, totals, after_trong_do, noun_words) for k in fit}
            best = min(ranks.values())
            tied = self.same_subject([k for k in fit if ranks[k] == best])
            if len(tied) > 1:
                self.reading.ambiguous.append(Ambiguous(
                    quote=quote, context=self.context(s, e), start=s, end=e, section=self.section,
                    options=tied))
                return
            key = self.whole_after_slash(tied[0], value, quote, s)
            if key is None:
                return
            if key in _WHOLE_OF and side == 0 and re.search(r"\btren tong so\s*$", left):  # "… đã xong trên tổng số 11"
                key = _WHOLE_OF[key]
            # "còn 3 văn bản chưa xử lý", "6 phản ánh, kiến nghị chưa trả lời": not the ones dealt with
            if key not in NEGATED_KEYS and (NOT_YET_AFTER.search(right) or NOT_YET_AFTER.match(self.folded, noun_end)):
                self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e, reason=NOT_YET))
                return
            if key == "tthc.ho_so_dung_han_tong" and phrase.endswith(" dung han") | (phrase == "dung han") and self.separate_early:
                key = "tthc.ho_so_dung_han"  # "trước hạn 100, đúng hạn 128": the two parts, not the total
            if SET_FOR.search(left) and f"{key}_chi_tieu" in FIELD_BY_KEY:
                key = f"{key}_chi_tieu"  # "Chỉ tiêu kích hoạt tài khoản … được giao là 15.000": the target
            # "32 biên chế công chức": a noun that is the figure's own word names it as surely as a verb before it
            own_noun = side == 2 and dist == -1 and noun_words and fold_lower(phrase).startswith(noun_words)
            confidence = 0.9 + (0.05 if noun and unit_fits(key, noun) else 0) - 0.1 * (0 if own_noun else side)
            confidence -= 0.1 if dist > 20 else 0
            confidence -= 0.1 if (noun is None and carried is None) else 0
            confidence -= 0.05 if not self.accented else 0
            note = converted
            # "đạt 98,6% trên 640 phiếu", "420 trên 515 hồ sơ": "trên" after a number is "out of", not "over"
            if APPROX_BEFORE.search(self.folded[left_from:s]) and not re.search(r"[\d%]\s*tren\s*$", self.folded[:s]):
                confidence -= 0.3
                note = APPROX
            phrase_text = (self.text[left_from:min(s, left_from + len(left))] if side == 0 else self.text[e:e + len(right)]).strip(" |")
            self.add(key, value, quote, s, e, phrase_text, confidence, note=note, after=side > 0)
            return
        # "tuyển dụng 3 công chức qua thi tuyển và 2 công chức qua xét tuyển": nothing names the second but its noun
        if self.add_to_joined([f.key for f in self.reading.figures], value, quote, s, e, noun, sent_from):
            return
        if not (self.read_coordinated(quote, value, s, e, noun, noun_end) or self.read_companion(quote, value, s, e, noun)):
            self.reading.unread.append(Unread(quote=quote, context=self.context(s, e), start=s, end=e,
                                              reason=LEVEL_ONLY if level_only else UNCLEAR))

    def add(self, key: str, value: Decimal, quote: str, s: int, e: int, phrase: str, confidence: float,
            note: str = "", after: bool = False) -> None:
        if self.unique:
            self.taken.add(key)
        if not note and APPROX_BEFORE.search(self.folded[max(0, s - 14):s]) and not re.search(r"[\d%]\s*tren\s*$", self.folded[:s]):
            note, confidence = APPROX, confidence - 0.3  # "… cho khoảng 900 lượt người": a companion count estimated too
        self.reading.figures.append(ReadFigure(
            key=key, label=FIELD_BY_KEY[key].label, value=value, quote=quote, phrase=phrase, start=s, end=e,
            section=self.section, confidence=round(max(0.1, min(confidence, 0.99)), 2), note=note, after=after,
            said=next((w for a, b, w in self.said_in_words if a <= s and e <= b), "")))  # "hai", shown as written

    def rank(self, key: str, phrase: str, carried: str | None, sentence: str, totals: list[str],
             after_trong_do: bool, named: str = "") -> tuple:
        """Lower is better; the key's own words in the noun after the number ("có mặt 58 viên chức") before those
        elsewhere in the sentence; at the end, the phrase's own figure before one it names only with a fitting noun."""
        in_area = bool(self.area and key.startswith(self.area + "."))
        # "người làm việc … được giao 12.806 người, có mặt 12.119 người": present against the staffing just read
        given = next((k for k in reversed(totals) if k in _PRESENT_OF.values()), None)
        return (not (carried and unit_fits(key, carried)), not (after_trong_do and key in parts_of(totals)), not in_area,
                bool(given) and key in _PRESENT_OF and _PRESENT_OF[key] != given,
                -sentence_bonus(key, named), -sentence_bonus(key, sentence), (phrase, key) not in PRIMARY)

    def carried_noun(self, sent_from: int, s: int) -> str | None:
        nouns = [noun_after(self.folded, m.end())[0] for m in NUMBER_RE.finditer(self.text, sent_from, s)]
        nouns = [n for n in nouns if n and n != "%"]
        if nouns:
            return nouns[-1]
        # "Nhiệm vụ cấp trên giao 10, hoàn thành 9": the sentence's subject names what it counts, also across the
        # semicolons of a list ("Nhiệm vụ được giao: 14; hoàn thành đúng hạn 12; quá hạn 1")
        outer = self.line_start(sent_from)
        for start in dict.fromkeys((sent_from, outer)):
            # "Số thủ tục hành chính cấp xã hiện hành là 104": "số" (the number of) before the subject's noun
            subject = re.sub(r"^(?:tong )?so\s+", "", self.folded[start:s].lstrip(" -+*•"))
            for noun, unit in UNIT_NOUNS:
                if re.match(rf"{re.escape(noun)}(?!\w)", subject):
                    # "UBND tỉnh giao 15 nhiệm vụ; hoàn thành đúng hạn 12": an agency at the head acts, it is not counted
                    if unit in PLACES and subject == self.folded[start:s].lstrip(" -+*•"):  # ("Số đơn vị sự nghiệp: …" counts)
                        break
                    return unit
        # "rà soát 215 văn bản QPPL; phải sửa đổi, thay thế 17; đã xử lý 11": a list's items count what its first
        # count did, across the semicolons of the sentence
        nouns = [noun_after(self.folded, m.end())[0] for m in NUMBER_RE.finditer(self.text, outer, sent_from)]
        return next((n for n in reversed(nouns) if n and n != "%"), None)


def read_figures(text: str, *, section: str = "", unique: bool = False, area: str | None = None,
                 blocked: list[tuple[int, int]] | None = None, by_level: bool | None = None, level: str | None = None) -> TextReading:
    """Figures in one piece of text. unique: each figure once (a chat message); section: the outline key
    the text sits under (a report's paragraph); area: the preferred area when the section says none;
    by_level: read "cấp tỉnh/huyện/xã" as a breakdown by level (default: when the text names two levels); level:
    the level of counts the text itself does not qualify (tinh, huyen, xa)."""
    return _Reader(text, section, unique, area, list(blocked or []), by_level, level).read()


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end] (folded or not: the same punctuation ends it)."""
    a = max((m.end() for m in _SENTENCE.finditer(text, 0, start)), default=0)
    b = next((m.start() for m in _SENTENCE.finditer(text, end)), len(text))
    return a, b
