"""Recognise Vietnamese document numbers in every spelling officials and OCR produce.

"61/2018/NĐ-CP", "61/2018/ND-CP", "Nghị định số 61/2018", "NĐ 61", "Nghi dinh so 61/2018/ND-CP"
all name the same decree. Matching is done on folded text (no diacritics, original length) so the
character spans found are valid in the original text, and OCR text without diacritics matches.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.text import fold

# Document types by their folded name and the symbol prefix they use.
TYPE_NAMES: dict[str, str] = {
    "nghi dinh": "ND", "nghi quyet": "NQ", "quyet dinh": "QD", "thong tu": "TT",
    "chi thi": "CT", "ke hoach": "KH", "cong van": "CV", "thong bao": "TB", "bao cao": "BC",
    "huong dan": "HD", "luat": "QH", "thong tu lien tich": "TTLT",
}
TYPE_LABELS: dict[str, str] = {
    "ND": "Nghị định", "NQ": "Nghị quyết", "QD": "Quyết định", "TT": "Thông tư",
    "CT": "Chỉ thị", "KH": "Kế hoạch", "CV": "Công văn", "TB": "Thông báo", "BC": "Báo cáo",
    "HD": "Hướng dẫn", "QH": "Luật", "TTLT": "Thông tư liên tịch",
}
_ABBREV = {"nd": "ND", "nq": "NQ", "qd": "QD", "tt": "TT", "ct": "CT", "kh": "KH", "tb": "TB"}

# OCR renders "số" as "s6", "sé", "sb", "so", "s&"...: accept a short "s?" token after the type.
_SO = r"(?:\s*(?:s[o0-9&ôốóéèbe8§]{0,2}|so)\b\.?)?"
_TYPE_WORDS = "|".join(sorted((re.escape(k).replace(r"\ ", r"\s+") for k in TYPE_NAMES), key=len,
                              reverse=True))
_SYMBOL = r"[A-Z][A-Za-z0-9&]{0,9}(?:\s?-\s?[A-Z][A-Za-z0-9&]{0,9}){1,3}"

# 61/2018/ND-CP ; 33/2024/QH15 ; 01/2018/TT-VPCP
_FULL = re.compile(
    rf"(?<![\w/])(?P<num>\d{{1,5}})\s?/\s?(?P<year>(?:19|20)\d\d)\s?/\s?(?P<sym>{_SYMBOL}|QH\d\d)(?![\w])"
)
# 76/NQ-CP ; 468/QD-TTg ; 2887/VPCP-KSTT ; 142/UBND-VP
_NOYEAR = re.compile(rf"(?<![\w/])(?P<num>\d{{1,6}})\s?/\s?(?P<sym>{_SYMBOL})(?![\w])")
# Nghi dinh so 61/2018 ; ND 61 ; Nghi quyet 76
# "kỷ luật 1 viên chức", "phổ biến pháp luật 3 buổi", "quy luật": the word, not a Law's number
_SHORT = re.compile(
    rf"(?<![\w])(?<!ky )(?<!phap )(?<!quy )(?P<type>{_TYPE_WORDS}|ND|NQ|QD|TT|CT|KH|TB)\b{_SO}\s*(?P<num>\d{{1,5}})"
    rf"(?:\s?/\s?(?P<year>(?:19|20)\d\d)(?![\d/]))?(?![\d/])(?!\s+nhiem vu\b)",  # "kế hoạch 25 nhiệm vụ" counts
    re.IGNORECASE,
)
_PREFIX = re.compile(rf"(?<![\w])(?P<type>{_TYPE_WORDS}|ND|NQ|QD|TT|CT|KH|TB)\b{_SO}\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class DocRef:
    """A document number found in text. `symbol` is folded upper-case ('ND-CP'), '' if absent."""

    number: str
    year: int | None
    symbol: str
    doc_type: str  # 'ND', 'NQ', ... '' when unknown
    start: int
    end: int

    @property
    def key(self) -> str:
        """The canonical lookup key, e.g. '61/2018/ND-CP', '76/NQ-CP', 'ND 61' if partial."""
        if self.symbol and self.year:
            return f"{self.number}/{self.year}/{self.symbol}"
        if self.symbol:
            return f"{self.number}/{self.symbol}"
        if self.year:
            return f"{self.doc_type} {self.number}/{self.year}"
        return f"{self.doc_type} {self.number}"


def _norm_number(num: str) -> str:
    return str(int(num)).zfill(2) if len(num) <= 2 else str(int(num))


# OCR misreads of "NĐ" in the symbol of a Government decree ("NB-CP", "NP-CP", "NDP-CP").
_OCR_SYMBOL = re.compile(r"^N(?:B|P|DP|DD|Đ)-CP$")


def normalize_symbol(symbol: str) -> str:
    sym = re.sub(r"\s", "", fold(symbol)).upper()
    return "ND-CP" if _OCR_SYMBOL.match(sym) else sym


def _type_of_symbol(symbol: str) -> str:
    head = symbol.split("-")[0]
    if head.startswith("QH"):
        return "QH"
    return head if head in TYPE_LABELS else ""


def find_refs(text: str) -> list[DocRef]:
    """All document numbers in `text`, longest forms first, without overlaps, in text order."""
    folded = fold(text)
    found: list[DocRef] = []
    taken: list[tuple[int, int]] = []

    def free(a: int, b: int) -> bool:
        return all(b <= s or a >= e for s, e in taken)

    for m in _FULL.finditer(folded):
        sym = normalize_symbol(m["sym"])
        found.append(DocRef(_norm_number(m["num"]), int(m["year"]), sym, _type_of_symbol(sym),
                            m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _NOYEAR.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        sym = normalize_symbol(m["sym"])
        found.append(DocRef(_norm_number(m["num"]), None, sym, _type_of_symbol(sym),
                            m.start(), m.end()))
        taken.append((m.start(), m.end()))
    # a type word just before a number widens the span and gives the type ("Nghị định số 61/...")
    for i, r in enumerate(found):
        m = _PREFIX.search(folded, max(0, r.start - 40), r.start)
        if m:
            t = " ".join(m["type"].lower().split())
            doc_type = r.doc_type or TYPE_NAMES.get(t) or _ABBREV.get(t, "")
            found[i] = DocRef(r.number, r.year, r.symbol, doc_type, m.start(), r.end)
            taken[i] = (m.start(), r.end)
    for m in _SHORT.finditer(folded):
        if not free(m.start(), m.end()):
            continue
        t = " ".join(m["type"].lower().split())
        doc_type = TYPE_NAMES.get(t) or _ABBREV.get(t, "")
        year = int(m["year"]) if m["year"] else None
        found.append(DocRef(_norm_number(m["num"]), year, "", doc_type, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    found.sort(key=lambda r: r.start)
    return found


def ref_tokens(ref: DocRef) -> list[str]:
    """Lexical tokens that let every spelling of a reference match every other one."""
    toks: list[str] = []
    if ref.doc_type:
        toks.append(f"doc_{ref.doc_type.lower()}_{ref.number}")
    if ref.year:
        toks.append(f"doc_{ref.number}_{ref.year}")
    if ref.symbol:
        toks.append(f"doc_{ref.number}_{ref.symbol.lower().replace('-', '')}")
    return toks


def number_tokens(text: str) -> list[str]:
    out: list[str] = []
    for ref in find_refs(text):
        out.extend(ref_tokens(ref))
    return out


def parse_number(number: str) -> DocRef:
    """Parse a registry number such as '61/2018/NĐ-CP' or '76/NQ-CP'."""
    refs = find_refs(number)
    if not refs:
        raise ValueError(f"not a document number: {number!r}")
    return refs[0]
