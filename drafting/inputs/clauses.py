"""The words around a number in folded text: the area a sentence is about, the noun right after a number, the
phrases of a clause that may name it. Helpers of the reader in figure_text.py."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.figures.schema import SUM_RULES
from drafting.inputs.count_units import UNIT_NOUNS
from drafting.inputs.phrases import PHRASES

AREA_WORDS = {
    "tthc": ["tthc", "thu tuc hanh chinh", "mot cua", "ho so", "quy dinh hanh chinh"],
    "chi_dao": ["chi dao", "dieu hanh", "cchc", "cai cach hanh chinh"],
    "the_che": ["the che", "van ban quy pham", "quy pham phap luat", "qppl", "pho bien phap luat", "giao duc phap luat"],
    "to_chuc": ["to chuc bo may", "bien che"],
    "cong_vu": ["cong vu", "cong chuc, vien chuc"],
    "tai_chinh": ["tai chinh", "ngan sach"],
    "cds": ["chinh quyen so", "chinh quyen dien tu", "chuyen doi so"],
}
# a clause ends at these (folded text); "và" only when it does not join "trước và đúng hạn", "nhận và xử lý", "ký số và
# gửi (trên môi trường mạng)"
# a comma with a digit right after it is a decimal comma ("215,4 tỷ đồng"), not a clause's end; a slash before a base
# ("412,6 tỷ đồng/kế hoạch 705 tỷ đồng") ends the clause of the number before it
SEP = re.compile(r"(?<!thu phi)(?<!truc tuyen phi)(?<!tiep nhan)(?<!ho tro)(?<!pho bien)(?<!nhac nho)(?<!niem yet)(?<!van thu)(?<!tra loi),(?!\d)(?!(?<=chuyen mon,)\s*nghiep vu\b)|[;:\n()]|/(?=\s*(?:ke hoach|du toan|chi tieu)\b)|\.(?!\d)|\s-\s|(?<!ky so )\bva\b(?! dung han| truoc han| som han| (?:dung|truoc) thoi han| xu ly| giai quyet| (?:da )?duoc phe duyet)|\btrong do\b|\bgom\b|\b(?:sau|truoc) khi\b")
# "tổ chức Hội nghị triển khai công tác CCHC năm 2026 vào ngày 20/01/2026 và" before a count of other meetings: one
# meeting named without a count (its dates and years are its own words; group 1), then "và"
NAMED_MEETING = re.compile(r"(\bto chuc (?:hoi nghi|hoi thao|toa dam)\b[^;,]*?)\s+va\s*$")
# "cấp 14 giấy chứng nhận đăng ký đầu tư", "18.420 phiếu lý lịch tư pháp": papers issued, counted by no figure
PAPERS = re.compile(r"\s+(?:giay chung nhan|giay phep|chung chi|chung thu|giay xac nhan|the bao hiem|the can cuoc"
                    r"|phieu ly lich|trich luc|ban sao)\b")
# the nouns of a meeting the table counts (folded): "hội nghị", "cuộc họp", "buổi họp", "hội thảo", "tọa đàm"
MEETING_WORDS = r"(?:hoi nghi|cuoc hop|buoi hop|hoi thao|toa dam)"
PARTS = re.compile(r"\b(?:trong do|bao gom|gom)\b")  # what follows names the parts of the number before it
FULL_STOP = re.compile(r"\n|\.(?!\d)(?=\s|$)")  # a sentence's end, not a semicolon's (folded text)
FRACTION = r"\s*(?:/|tren(?: tong(?: so)?)?)\s*"  # "11/12", "4 trên 5 kiến nghị", "214 trên tổng số 260 hồ sơ"
_PLACE = re.compile(r"\b(?:tai (?:cac |nhung )?|khi )$")  # where or when, not what is counted


def area_hint(folded: str) -> str | None:
    for area, patterns in _AREA_PATTERNS.items():
        if any(p.search(folded) for p in patterns):
            return area
    return None


def noun_after(folded: str, end: int) -> tuple[str | None, int]:
    # "11/12 nhiệm vụ": the noun after the fraction — whose number keeps its thousands' dots, not the sentence's full
    # stop ("trả lời 4/4. Ban thu về …" names no board)
    frac = re.match(FRACTION + r"\d+(?:\.\d{3})*", folded[end:end + 20])
    if frac:
        end += frac.end()
    rest = folded[end:end + 30]
    stripped = rest.lstrip()
    lead = len(rest) - len(stripped)
    if stripped.startswith("%"):
        return "%", end + lead + 1
    for pattern, noun, unit in _NOUN_PATTERNS:
        if pattern.match(stripped):
            after = end + lead + len(noun)
            # "phát hiện 4 thôn niêm yết chưa đầy đủ": places found at fault are what the inspection found
            if unit == "cơ quan" and (_FOUND_BEFORE.search(folded, 0, end) and _FAULT_AFTER.match(folded, after)
                                      or _FIXED_AFTER.match(folded, after) or _FIXED_BEFORE.search(folded, 0, end)):
                return "vấn đề", after  # "… cả 4 thôn đã khắc phục": the places at fault, now put right
            return unit, after
    return None, end


_FOUND_BEFORE = re.compile(r"\bphat hien\s+[\d.]+\s*$")
_FIXED_AFTER = re.compile(r"\s+(?:deu\s+|cung\s+)?(?:da\s+)?(?:khac phuc|chan chinh|hoan thien|bo sung day du)\b")
_FIXED_BEFORE = re.compile(r"\b(?:khac phuc|chan chinh)(?:\s+xong)?\s+[\d.]+\s*$")  # "…, đã khắc phục 4 thôn"
_FAULT_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,4}?(?:chua|sai|khong dung|vi pham|con thieu|thieu)\b")


# "01 (một) quyết định", "15 (mười lăm) buổi": a number said again in words, in brackets
_IN_WORDS = re.compile(r"(?<=\d)\s?\((?:\s*(?:mot|hai|ba|bon|tu|nam|lam|sau|bay|tam|chin|muoi|tram|nghin|ngan|trieu|linh"
                       r"|le|ty))+\s*\)")


def _blank_number_words(text: str) -> str:
    """The number in words blanked, the text's length kept (spans carry over)."""
    for m in reversed(list(_IN_WORDS.finditer(fold_lower(text)))):
        text = text[:m.start()] + " " * (m.end() - m.start()) + text[m.end():]
    return text


# "Đặc khu tổ chức hai hội nghị và một buổi đối thoại": a small count said only in words, before a noun that is
# counted; with marks only ("sau" is also "after", "tam" "tạm", "hai" "hài"), never "năm" (a year) nor "thứ hai"
_WORD_VALUES = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "sáu": 6, "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
_COUNTED = (r"hội nghị|cuộc|buổi|đoàn|đợt|lớp|văn bản|kế hoạch|quyết định|công văn|báo cáo|nghị quyết|chỉ thị|tin|"
            r"bài|mô hình|sáng kiến|công chức|viên chức|người|đơn vị|cơ quan|thủ tục|hồ sơ|phản ánh|kiến nghị|nhiệm vụ|"
            r"chương trình|phòng|trường hợp")
_SAID_IN_WORDS = re.compile(rf"(?<![\w\d(])(?<!thứ )(?<!Thứ )(Một|một|Hai|hai|Ba|ba|bốn|Bốn|sáu|Sáu|bảy|Bảy|tám|Tám|chín|"
                            rf"Chín|mười|Mười)(?:\s+(một|mốt|hai|ba|bốn|lăm|sáu|bảy|tám|chín))?(?=\s+(?:{_COUNTED})\b)")


def number_words(text: str) -> list[tuple[int, int, int]]:
    """(start, end, value) of each count said in words before its noun ("hai hội nghị", "mười hai buổi")."""
    out = []
    for m in _SAID_IN_WORDS.finditer(_blank_number_words(text)):
        value = _WORD_VALUES[m.group(1).lower()]
        if m.group(2):  # "mười hai": 12 — only after "mười"
            if value != 10:
                continue
            value += {"một": 1, "mốt": 1, "lăm": 5}.get(m.group(2), _WORD_VALUES.get(m.group(2), 0))
        out.append((m.start(), m.end(), value))
    return out


def numbers_as_digits(text: str) -> tuple[str, list[tuple[int, int, str]]]:
    """Numbers as the reader reads them, the text's length kept: "01 (một) quyết định" with its words blanked, "hai hội
    nghị" as "  2 hội nghị" (the count right-aligned in the words' place, next to its noun); and where each count
    said in words stood, with its words ("hai"), to show it back as written."""
    said = number_words(text)
    words = [(a, b, text[a:b].strip()) for a, b, _ in said]
    text = _blank_number_words(text)
    for a, b, value in reversed(said):
        text = text[:a] + str(value).rjust(b - a) + text[b:]
    return text, words


def drop_number_words(text: str) -> str:
    """The number in words dropped: a chat message read as if typed without it."""
    for m in reversed(list(_IN_WORDS.finditer(fold_lower(text)))):
        text = text[:m.start()] + text[m.end():]
    return text


# "12 xã, thị trấn và 6 phòng chuyên môn": places or agencies counted in two groups joined by "và"; the figure is
# their sum (computed in code), and the second number is part of it, not another figure
PLACES = ("cơ quan", "phòng, ban")
# "… 8 sở, ngành và 20 xã, phường", or a comma alone: "8 sở, ngành, 20 xã, phường"
_SECOND_GROUP = re.compile(r"(?:\s*,?\s*[a-z ,]{0,30}?)(?:\s+va|\s*,)\s+(\d+)\s+(?=\S)")


def second_group(folded: str, noun_end: int, checked: bool = False) -> tuple[int, int, int] | None:
    """The second count of places/agencies after the first group's noun: (start, end, its noun's end), or None.
    checked: the places are those an inspection went to ("kiểm tra … tại 05 phòng chuyên môn và 02 đơn vị sự nghiệp
    trực thuộc"), where public service units are places checked too."""
    m = _SECOND_GROUP.match(folded, noun_end)
    if not m or "trong do" in m.group(0) or "gom" in m.group(0).split():
        return None
    noun, end = noun_after(folded, m.end(1))
    # "có 5 phòng chuyên môn và 3 đơn vị sự nghiệp công lập": the second is a figure of its own, not more places
    own = re.match(r"\s*don vi su nghiep\b", folded[m.end(1):])
    if own and checked:
        return m.start(1), m.end(1), own.end() + m.end(1)
    return (m.start(1), m.end(1), end) if noun in PLACES and not own else None


# compiled once: several hundred phrases outgrow the re module's cache, and compiling them again for every clause
# was most of a review's time
# a year may stand between a phrase's words: "biên chế công chức năm 2025 được giao 62"
_YEAR_BETWEEN = r"(?: nam 20\d\d)? "
# words that fold to a phrase's or a noun's letters but are other words: "giám đốc", "giám sát" are no "giảm";
# "11 bãi bỏ" counts no "bài" (articles)
_OTHER_WORD = {"giam": r"(?! (?:doc|sat|dinh|thi)\b)", "bai": r"(?! bo\b)", "tre": r"(?! em\b)",  # "142 trẻ em"
               # "9 tháng thu 2.640 triệu đồng", "cả năm thu …", never "6 tháng thu hồi", "tháng thụ lý"
               "thang thu": r"(?=\s*(?:\d|$))", "nam thu": r"(?=\s*(?:\d|$))",
               "hop": r"(?! (?:dong|tac|nhat|ly|le|phap)\b)"}
# and before them: "phối hợp mở 5 lớp", "tổng hợp 12 báo cáo" hold no "họp" (a meeting)
_OTHER_BEFORE = {"hop": r"(?<!phoi )(?<!tong )(?<!phu )(?<!thich )(?<!ket )(?<!lien )(?<!sap )(?<!to )"}
_PHRASE_PATTERNS = [(re.compile(_OTHER_BEFORE.get(phrase, "") + rf"(?<!\w){_YEAR_BETWEEN.join(map(re.escape, phrase.split(' ')))}(?!\w)"
                                + _OTHER_WORD.get(phrase, "")), phrase, keys) for phrase, keys in PHRASES]
_NOUN_PATTERNS = [(re.compile(rf"{re.escape(noun)}(?!\w){_OTHER_WORD.get(noun, '')}"), noun, unit) for noun, unit in UNIT_NOUNS]
_AREA_PATTERNS = {area: [re.compile(rf"\b{re.escape(w)}\b") for w in words] for area, words in AREA_WORDS.items()}


def phrases_in(body: str, left: bool, chained: bool = False) -> list[tuple[int, int, str, list[str]]]:
    """(distance to the number, -length, phrase, keys) for every phrase in a clause; a phrase inside a
    longer one after the number is not a phrase of its own ("xu ly" in "phai xu ly"). chained: only the last of the
    phrases that follow one another from the clause's start (_chain_end)."""
    lead = len(body) - len(body.lstrip())
    trimmed = body.rstrip()
    matches = [(m.start(), m.end(), phrase, keys) for pattern, phrase, keys in _PHRASE_PATTERNS
               for m in pattern.finditer(body)]
    # "số người làm việc tại các đơn vị sự nghiệp là 1.352", "số hóa hồ sơ khi tiếp nhận: 3.301": where or when, with
    # the shorter phrases inside it ("nhan" in "tiep nhan")
    qualifiers = [(a, b) for a, b, *_ in matches if _PLACE.search(body, 0, a)]
    found = []
    for a, b, phrase, keys in matches:
        if any(a2 <= a and b <= b2 for a2, b2 in qualifiers):
            continue
        if not left and any(a2 <= a and b <= b2 and (a2, b2) != (a, b) for a2, b2, *_ in matches):
            continue  # before the number the longer phrase is tried first anyway; the shorter stays a fallback
        distance = len(trimmed) - b if left else a - lead
        found.append((max(distance, 0), -len(phrase), phrase, keys))
    found = sorted(found, key=lambda x: (x[0], x[1]))
    return _chain_end(found) if chained else found


def _chain_end(found: list[tuple[int, int, str, list[str]]]) -> list[tuple[int, int, str, list[str]]]:
    """Of the phrases right after a noun, one after another ("… nhiệm vụ | cấp trên giao | chưa hoàn thành", "… hồ sơ
    | giải quyết | trễ hạn"), the last: the state of what the first named. found: phrases_in(…, left=False)."""
    at = [x for x in found if x[0] == 0]
    while at:
        end = max(x[0] - x[1] for x in at)  # start + length
        following = [x for x in found if end < x[0] <= end + 1]
        if not following:
            return at
        at = [x for x in following if x[0] == min(y[0] for y in following)]
    return at


def sentence_bonus(key: str, sentence: str) -> int:
    """Words of the key's own name in the sentence ("ra soat" for the_che.vbqppl_ra_soat_phai_xu_ly)."""
    parts = key.split(".", 1)[1].split("_")
    pairs = {" ".join(parts[i:i + 2]) for i in range(len(parts) - 1)}
    return sum(1 for p in pairs if re.search(rf"\b{re.escape(p)}\b", sentence))


def parts_of(totals: list[str]) -> set[str]:
    return {p for total, parts in SUM_RULES if total in totals for p in parts}


# the counts whose noun the official's own words give better than the schema's: "kiểm tra 5 khu phố", "phát hiện 3 tồn
# tại về niêm yết công khai TTHC", "phát 36 lượt tin trên loa truyền thanh"
OWN_NOUNS = ("chi_dao.co_quan_duoc_kiem_tra", "chi_dao.cuoc_kiem_tra", "chi_dao.van_de_phat_hien", "chi_dao.chuong_trinh_phat_thanh", "cong_vu.ky_luat",
             "cong_vu.bo_nhiem", "cong_vu.bo_nhiem_lai",  # "bổ nhiệm 12 lãnh đạo cấp phòng"
             "cong_vu.tuyen_dung_cong_chuc", "cong_vu.tuyen_dung_vien_chuc",  # "tuyển dụng 35 viên chức giáo dục"
             "cong_vu.chuyen_doi_vi_tri")
# "1 công chức bị khiển trách do vi phạm giờ giấc làm việc": who was disciplined, how and why, to the clause's end
WHOLE_CLAUSE = ("cong_vu.ky_luat",)
_REST = re.compile(r"\s+([^\W\d][^.;\n]*?)\s*(?:[.;\n]|,\s|$)")
# the noun runs to a comma, a bracket or the next verb; "cơ quan, đơn vị" and "xã, phường" are one noun
_NOUN = re.compile(r"\s+((?:[^\W\d][\w/]*)(?:(?:,\s*|\s+)(?!(?:phat hien|qua|va|da|trong do|gom|dat|chiem|voi|thong qua|theo|nham)\b)"
                   r"[^\W\d][\w/]*){0,10})")
_AND_NAMED = re.compile(r"\s+và\s+(?:Trung tâm|Văn phòng|Ban|Chi cục|Phòng|Thanh tra|Ủy ban|Đội)\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][^,.;:()\d\n]{0,60}")
# "tồn tại về niêm yết, công khai TTHC": the pair officials write as one
_NOUN_JOINED = re.compile(r",\s*(?=(?:don vi|phuong|xa|thi tran|ban|nganh|dia phuong|cong chuc|vien chuc|nguoi lao dong|"
                          r"cong khai)\b)")


# the places counted and what was found there, typed without diacritics ("kiểm tra tại 6 thon"): a closed list, written back with them — any
# other noun typed so stays as written, and the review asks for it to be retyped
_ACCENTED = {"thon": "thôn", "xom": "xóm", "ap": "ấp", "khom": "khóm", "to dan pho": "tổ dân phố", "khu pho": "khu phố",
             "thon, ban": "thôn, bản", "thon, to dan pho": "thôn, tổ dân phố", "xa": "xã", "phuong": "phường",
             "xa, phuong": "xã, phường", "xa, phuong, thi tran": "xã, phường, thị trấn", "co quan": "cơ quan",
             "don vi": "đơn vị", "co quan, don vi": "cơ quan, đơn vị", "phong chuyen mon": "phòng chuyên môn",
             "phong, ban": "phòng, ban", "truong hoc": "trường học", "doanh nghiep": "doanh nghiệp",
             # what an inspection found ("phat hien 9 thieu sot")
             "thieu sot": "thiếu sót", "sai sot": "sai sót", "ton tai": "tồn tại", "han che": "hạn chế",
             "van de": "vấn đề", "loi": "lỗi", "vi pham": "vi phạm"}


def own_noun(text: str, end: int, whole: bool = False) -> str:
    """The noun after a count, as written: "5 khu phố, phát hiện …" → "khu phố"; "" when none is written. whole: the
    words to the clause's end, when they say what befell the counted ("bị khiển trách do …"); else the noun alone."""
    folded = fold_lower(text)
    if len(folded) != len(text):
        return ""
    if whole and (m := _REST.match(folded, end)) and re.search(r"\bbi\b", m.group(1)):
        return text[m.start(1):m.end(1)].strip()
    m = _NOUN.match(folded, end)
    if not m:
        return ""
    words = folded[m.start(1):m.end(1)]
    # a comma ends the noun unless a noun of the same list follows it ("cơ quan, đơn vị")
    cut = next((c.start() for c in re.finditer(r",", words) if not _NOUN_JOINED.match(words, c.start())), len(words))
    noun = text[m.start(1):m.start(1) + cut].strip()
    # "3 phòng chuyên môn và Trung tâm Khuyến công": one more place named, not counted — kept in the noun as written
    if cut == len(words) and (named := _AND_NAMED.match(text, m.start(1) + cut)):
        noun = f"{noun}{named.group(0).rstrip()}"
    return _ACCENTED.get(noun.lower(), noun)


# "… 1 hội nghị triển khai nhiệm vụ CCHC năm 2027 và 1 hội nghị về công tác giảm nghèo": a second counted meeting
_NEXT_MEETING = re.compile(rf"\s+va\s+(?=\d+\s+{MEETING_WORDS}\b)")


def meeting_parts(text: str, parts: list[str | None], figure_spans: list[tuple[int, int]]) -> list[str | None]:
    """The clauses of text (parts, in order), each cut again before "và N hội nghị …" when that count is no figure
    (a meeting on another field, left unread) and a figure stands before it in the clause: two meetings, two facts —
    the reform's, told with its subject, and the other, in the official's words. Two counts summed into one figure
    ("2 hội nghị và 3 cuộc họp về CCHC") lie inside that figure's span and are not cut."""
    folded = fold_lower(text)
    if len(folded) != len(text):
        return parts
    seams = [m for m in _NEXT_MEETING.finditer(folded) if not any(a <= m.end() < b for a, b in figure_spans)]
    out: list[str | None] = []
    pos = 0
    for part in parts:
        if not part:
            out.append(part)
            continue
        start = text.find(part, pos)
        pos = start + len(part)
        at = 0
        for m in seams:
            if start + at < m.start() and m.end() < pos and any(start + at <= a < m.start() for a, _ in figure_spans):
                out.append(part[at:m.start() - start])
                at = m.end() - start
        out.append(part[at:])
    return out
