"""Vietnamese text normalisation: Unicode NFC, diacritic folding and tokens for lexical search."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

# Characters that decompose to a base Latin letter plus marks fold to that letter; đ/Đ do not
# decompose, so they are mapped by hand.
_SPECIAL = {"đ": "d", "Đ": "D", "ð": "d", "Ð": "D"}
_FOLD_CACHE: dict[str, str] = {}


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _fold_char(ch: str) -> str:
    out = _FOLD_CACHE.get(ch)
    if out is None:
        if ch in _SPECIAL:
            out = _SPECIAL[ch]
        else:
            base = unicodedata.normalize("NFD", ch)[0]
            out = base if len(base) == 1 and ord(base) < 0x250 else ch
        _FOLD_CACHE[ch] = out
    return out


def fold(text: str) -> str:
    """Remove Vietnamese diacritics, keep case. Length-preserving on NFC text, so character
    offsets found in the folded text are valid in the original."""
    return "".join(_fold_char(c) if ord(c) > 127 else c for c in text)


def fold_lower(text: str) -> str:
    return fold(nfc(text)).lower()


_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Folded lower-case word tokens: 'Cải cách' and 'cai cach' give the same tokens."""
    return _WORD.findall(fold_lower(text))


_SPACES = re.compile(r"[ \t\u00a0]+")
_INVISIBLE = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def clean(text: str) -> str:
    """NFC, no invisible characters, no trailing spaces, at most one blank line in a row."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    lines = [_SPACES.sub(" ", line).rstrip() for line in text.split("\n")]
    out: list[str] = []
    for line in lines:
        if not line.strip() and out and not out[-1].strip():
            continue
        out.append(line)
    return "\n".join(out).strip()


def snippet(text: str, length: int = 220) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= length else flat[: length - 1].rsplit(" ", 1)[0] + "…"


_MARKED = re.compile(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵằắẳẵặầấẩẫậềếểễệồốổỗộờớởỡợừứửữự]", re.I)


def marked_share(text: str) -> float:
    """The share of words that carry a Vietnamese mark: near 0 for text typed or OCR'd without diacritics
    (also OCR's half-marked "tiép nhan"), about 0.7 for clean text."""
    words = text.split()
    return sum(1 for w in words if _MARKED.search(w)) / len(words) if words else 0.0


_FRAME = {"đã", "ngày", "kỳ"}


def unaccented_sentences(text: str, min_words: int = 6) -> list[str]:
    """Runs of at least `min_words` words with no Vietnamese mark, as typed without diacritics ("ban hanh Ke hoach so
    05/KH-UBND ngay 10/1/2025 ve CCHC", "xa to chuc hoi nghi so ket"); numbers, codes and acronyms neither count nor
    break a run, a marked word ends it. Clean Vietnamese hardly ever has six unmarked words in a row (none in seed 003)."""
    out, run, words = [], 0, []
    for raw in [*text.split(), "ế"]:  # a marked sentinel closes the last run
        w = raw.strip(",.;:()«»\"'")
        if w.lower() in _FRAME and words:  # the draft's own words around a fact ("đã", "ngày") do not end its run
            words.append(raw)
        elif _MARKED.search(w):
            if run >= min_words:
                out.append(" ".join(words))
            run, words = 0, []
        elif re.fullmatch(r"[A-Za-z][a-z]+", w):  # a plain word; "CCHC", "05/KH-UBND", "2025" are neutral
            run += 1
            words.append(raw)
        elif words:
            words.append(raw)
    return out


# OCR writes "tháng" and "năm" as "thing", "thdang", "ndm", "nim"
_PLACE_DATE = re.compile(r"ng[a-z]y\s+(\d{1,2})\s*(?:th[a-z]{1,3}g|/)\s*(\d{1,2})\s*(?:n[a-z]{1,2}m|/)\s*(\d{4})")


def place_date(text: str) -> dt.date | None:
    """The date of a document's place-and-date line ("Ba Trang, ngày 05 tháng 6 năm 2023", "ngày 30/01/2026")."""
    m = _PLACE_DATE.search(fold(text).lower())
    if not m:
        return None
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    except ValueError:
        return None
