"""Chat shorthand written out before a message is read: "tiếp nhận 3.415 hs, trong đó tt 2.980 hs; đã gq 3.302" reads
as "tiếp nhận 3.415 hồ sơ, trong đó trực tuyến 2.980 hồ sơ; đã giải quyết 3.302".

Only lower-case tokens standing alone are written out, as officials type them in a chat app: "TT 01/2023" is a
circular, "14/KH-UBND" a document's symbol, and a shorthand that could mean two things ("đh": đúng hạn or đại học) is
left as typed — the reader then leaves its number unread and asks, never guesses."""

from __future__ import annotations

import re

_WRITTEN_OUT = {"hs": "hồ sơ", "gq": "giải quyết", "qh": "quá hạn", "vb": "văn bản", "nv": "nhiệm vụ",
                "dn": "doanh nghiệp", "cbcc": "cán bộ, công chức", "cbccvc": "cán bộ, công chức, viên chức",
                "tt": "trực tuyến"}
_TOKEN = re.compile(r"(?<![\w/.-])(" + "|".join(sorted(_WRITTEN_OUT, key=len, reverse=True)) + r")(?![\w/-])")
# "tt 01/2023", "tt số 01": a circular's number follows, not a count of online dossiers
_CIRCULAR_AFTER = re.compile(r"\s*(?:số\s*)?\d+\s*/")
# "tn 2.312 hs": "tn" is "tiếp nhận" only before a count of dossiers ("đoàn tn" is the youth union)
_RECEIVED = re.compile(r"(?<![\w/.-])tn(?=\s+\d[\d.]*\s+(?:hs|hồ sơ)\b)")
# "tiếp nhận 2 310 hồ sơ", "trực tuyến: 1 904": one number, its thousands set apart by a space (a no-break one too) —
# not after a word that a small number belongs to ("tháng 3 150 hồ sơ", "quý 1", "lần 2", "số 5")
# (typed with or without diacritics: "thang 3 150 ho so")
_SMALL_NUMBER_WORDS = ("tháng", "thang", "quý", "quy", "ngày", "ngay", "lần", "lan", "đợt", "dot", "số", "so", "khóa", "khoa",
                       "mục", "muc", "điều", "dieu", "khoản", "khoan")
_SPACED = re.compile(r"(?<![\d.,])" + "".join(rf"(?<!\b{w} )" for w in _SMALL_NUMBER_WORDS)
                     + r"(\d{1,3})[ \u00a0\u202f](\d{3})(?!\d|[.,]\d)", re.IGNORECASE)
# words for a unit after a number: "98,1 phần trăm" is 98,1%, "312,5 tỷ và …" is of đồng (never "tỷ lệ", "tỷ trọng")
_UNIT_WORDS = [(re.compile(r"(?<=\d)\s*phần\s+trăm\b", re.IGNORECASE), "%"),
               (re.compile(r"(?<=\d)(\s*)(tỷ|triệu)(?!\s*(?:đồng|đ\b|lệ|trọng|usd|người|lượt))", re.IGNORECASE), r"\1\2 đồng")]


def written_out(text: str) -> str:
    """The message with its shorthand written out (the rest of it unchanged)."""
    def one(m: re.Match) -> str:
        if m.group(1) == "tt" and _CIRCULAR_AFTER.match(text, m.end()):
            return m.group(0)
        return _WRITTEN_OUT[m.group(1)]
    text = _RECEIVED.sub("tiếp nhận", text)
    text = _SPACED.sub(r"\1.\2", text)
    text = _TOKEN.sub(one, text)
    for pattern, unit in _UNIT_WORDS:
        text = pattern.sub(unit, text)
    return text
