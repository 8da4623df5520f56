"""Precedent from past reports, adapted and not pasted: another locality's names and figures must
never reach a draft. Passages quoted to a model lose their numbers and place names; sentences the
deterministic writer reuses must contain neither, nor any instruction."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.llm.safety import has_injection, neutralise

_ADMIN = r"(?:xã|huyện|tỉnh|thành phố|thị xã|thị trấn|phường|thôn|tổ|bản|ấp|quận|Xã|Huyện|Tỉnh|Thành phố|Thị xã|Thị trấn|Phường|Thôn)"
_NAME = r"(?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠÉÈẺẼẸÍÌỈĨỊÓÒỎÕỌÚÙỦŨỤÝỲỶỸỴ][\wÀ-ỹ]*)"
NAME_AFTER_ADMIN = re.compile(rf"\b{_ADMIN}\s+({_NAME}(?:\s+{_NAME}){{0,3}})")
# capitalised words that are not place names in administrative prose
_COMMON_CAPS = {
    "ủy", "uỷ", "ban", "nhân", "dân", "đảng", "nhà", "nước", "chính", "phủ", "quốc", "hội", "đồng",
    "thủ", "tướng", "bộ", "phận", "một", "cửa", "cổng", "dịch", "vụ", "công", "chủ", "tịch", "phó", "văn",
    "phòng", "mặt", "trận", "tổ", "việt", "nam", "sở", "nội", "tư", "pháp", "trung", "ương",
    "luật", "nghị", "định", "quyết", "thông", "chỉ", "thị", "kế", "hoạch", "đề", "án", "chương", "trình",
    "trang", "điện", "tử", "hệ", "thống", "quản", "lý", "chất", "lượng", "tiêu", "chuẩn", "bưu", "tỉnh", "huyện", "xã", "thôn", "ngành", "cán", "chức", "viên", "hành", "cải", "cách",
    "trên", "tại", "trong", "bên", "cạnh", "thời", "về", "đối", "với", "các", "những", "tiếp", "tục",
}


_CAPS_RUN = re.compile(rf"(?<![\w]){_NAME}(?:\s+{_NAME})*")
_PERIOD_CAPS = {"quý", "năm", "tháng", "kỳ", "đợt", "giai", "đoạn", "phần", "mục", "điều", "khoản", "phụ", "lục", "biểu",
                "mẫu", "số", "ngày", "lần"}
# institutions and systems named in capitals in any report; never a name someone must have supplied
_STANDARD_NAMES = ("cổng dịch vụ công quốc gia", "hệ thống thông tin giải quyết thủ tục hành chính", "bộ phận một cửa",
                   "trung tâm phục vụ hành chính công", "ủy ban nhân dân", "hội đồng nhân dân", "mặt trận tổ quốc",
                   "văn phòng ủy ban nhân dân", "ban chỉ đạo", "ban thường vụ")
_STANDARD_FOLDED = tuple(fold_lower(n) for n in _STANDARD_NAMES)
_NOT_NAMES = _COMMON_CAPS | _PERIOD_CAPS


def unsupplied_names(sentence: str, supplied: str) -> list[str]:
    """Proper names — capitalised words mid-sentence, alone or in a row: a person ("Nguyễn Văn Bình", "đồng chí
    Bình") or a place ("Tân Hòa", "thôn Hạ") — that a model wrote and no input contains. `supplied` is the folded
    text of everything the official gave (meta, facts, targets), the deterministic section and the law it cites. Acronyms and roman numerals (UBND, Quý I), the words
    of institutions and periods are not names."""
    out = []
    for m in _CAPS_RUN.finditer(sentence):
        words = m.group(0).split()
        before = sentence[:m.start()].rstrip(" -–•*\"“(")
        if not before or before[-1] in ".:;!?\n":  # a sentence's (or a list item's) first word is capitalised anyway
            words = words[1:]
        words = [w for w in words if not w.isupper() and w.lower() not in _NOT_NAMES]
        if not words:
            continue
        folded = fold_lower(" ".join(words))
        whole = re.compile(rf"(?<!\w){re.escape(folded)}(?!\w)")  # "lan" is not in "lanh dao"
        if whole.search(supplied) or any(whole.search(n) for n in _STANDARD_FOLDED):
            continue
        out.append(m.group(0))
    return out


def place_names(*texts: str) -> set[str]:
    """Place names after an administrative word ('xã Ba Trang' → 'Ba Trang'), in any text given."""
    names: set[str] = set()
    for t in texts:
        for m in NAME_AFTER_ADMIN.finditer(t or ""):
            words = m.group(1).split()
            while words and words[-1].lower() in _COMMON_CAPS:
                words.pop()
            if words:
                names.add(" ".join(words))
    return names


def foreign_names(text: str, names: set[str], own: set[str]) -> list[str]:
    """Names of other localities found in `text` (matched without diacritics, whole words)."""
    own_f = {fold_lower(o) for o in own}
    found = []
    ft = fold_lower(text)
    for n in sorted(names, key=len, reverse=True):
        fn = fold_lower(n)
        if fn in own_f or any(fn in o for o in own_f) or len(fn) < 3:
            continue
        if re.search(rf"(?<!\w){re.escape(fn)}(?!\w)", ft):
            found.append(n)
    return found


def mask_for_prompt(text: str, names: set[str], own: set[str]) -> str:
    """A passage quoted as style precedent: no instructions, no figures, no other locality's names."""
    text = neutralise(text)
    for n in sorted(names | place_names(text), key=len, reverse=True):
        if fold_lower(n) not in {fold_lower(o) for o in own}:
            text = re.sub(rf"(?<!\w){re.escape(n)}(?!\w)", "[địa phương]", text)
    text = re.sub(r"\d+(?:[.,/]\d+)*\s*%?", "…", text)
    return text


_SENT_SPLIT = re.compile(r"(?<=[.;!?])\s+|\n+")
_HAS_DIACRITIC = re.compile(r"[à-ỹđ]", re.IGNORECASE)


def style_sentences(text: str, names: set[str], own: set[str], max_len: int = 320) -> list[str]:
    """Sentences of a past report fit to reuse as they are: no digit, no document number, no place or
    person name (a capitalised word inside the sentence that is not common administrative vocabulary),
    no instruction, written with diacritics, of reasonable length."""
    out = []
    for raw in _SENT_SPLIT.split(text):
        s = raw.strip(" -+*•\t#").strip()
        if not (40 <= len(s) <= max_len) or re.search(r"\d|…|\.\.\.|\[|\]|\(|\)|:|\*|#|/", s):
            continue
        if not _HAS_DIACRITIC.search(s) or has_injection(s) or foreign_names(s, names, own):
            continue
        words = s.split()
        if any(w[0].isupper() and not w.isupper() and w.lower().strip(",;.") not in _COMMON_CAPS
               for w in words[1:]):
            continue
        # damaged extraction: words with letters lost show up as unusual fragments; require mostly real words
        if sum(1 for w in words if len(w) == 1 and w.lower() not in {"a", "ở", "ý", "y", "và"}) > 1:
            continue
        s = s[0].upper() + s[1:]
        out.append(s if s.endswith((".", ";")) else s + ".")
    return out
