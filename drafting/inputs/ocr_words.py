"""Words garbled by OCR mended before a scanned report is read for its figures.

Tesseract on a scanned Vietnamese report drops or swaps marks and letters: "đúng hạn" comes out "ding han",
"trước" as "trude", "hồ sơ" as "hd so", "cấp" as "cdp". A folded token that cannot be a Vietnamese syllable
("ding": the rhyme -ing does not exist; "hd": no vowel) is read as the nearest word of the same length in the
vocabulary (the reader's phrase words and the syllables common in reports and decrees, ocr_vocabulary.txt):
letters OCR often confuses (o→d, u→i) cost half a substitution, at most one substitution for short words and two
for words of five letters or more; of two words as near, the one that makes a phrase with its neighbour wins,
else the token stays. Same length, so every span found in the mended text is valid in the original; valid
syllables are never touched ("dang" stays "dang", though "dung" is one letter away)."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from drafting.inputs.count_units import UNIT_NOUNS
from drafting.inputs.phrases import PHRASES, RATE_PHRASES

_ONSET = r"(?:ngh|ng|gh|gi|kh|nh|ph|qu|th|tr|ch|[bcdghklmnprstvx])?"
_RHYME = (r"(?:a(?:i|o|u|y|c|ch|m|n|ng|nh|p|t)?|e(?:o|u|c|ch|m|n|nh|p|t)?"
          r"|i(?:a|u|c|ch|m|n|nh|p|t|e(?:c|m|n|ng|p|t|u))?|o(?:a(?:i|y|c|ch|n|ng|nh|t)?|e(?:n|t)?|i|c|m|n|ng|p|t|o(?:c|ng))?"
          r"|u(?:a(?:n|ng|t|y)?|e(?:ch|n|nh)?|i|c|m|n|ng|p|t|u|y(?:a|e(?:n|t)|nh|t|u)?|o(?:c|i|m|n|ng|p|t|u)?)?"
          r"|y(?:e(?:n|t|u))?)")
_SYLLABLE = re.compile(rf"{_ONSET}{_RHYME}")
# (what OCR wrote, the letter folded): marks read as letters or letters as digits ("hd so", "ding han", "trude")
_LOOKALIKE = {("d", "o"), ("d", "a"), ("i", "u"), ("y", "u"), ("e", "c"), ("e", "o"), ("6", "o"), ("4", "a"),
              ("1", "l"), ("0", "o"), ("r", "u"), ("w", "u"), ("¢", "e"), ("€", "e"), ("&", "e"),
              ("g", "o"), ("c", "e")}
_TOKEN = re.compile(r"[a-z0-9@$&€¢]+")
_EXTRA = ("trong do ky truoc dung han giai quyet tiep nhan ho so cap tinh huyen xa tong thu tuc hanh chinh van ban "
          "bo phan mot cua dat ty le thuc hien ubnd hdnd cchc kstthc qppl vneid")


VOCABULARY_FILE = Path(__file__).with_name("ocr_vocabulary.txt")


@lru_cache(maxsize=1)
def _vocabulary() -> dict[int, list[str]]:
    """The phrases' words and the syllables common in reports and decrees (VOCABULARY_FILE): a wider list makes
    a wrong nearest word less likely ("chirc" is "chuc", not the phrase word "chinh")."""
    words = set(_EXTRA.split()) | {
        line.strip() for line in VOCABULARY_FILE.read_text(encoding="utf-8").splitlines() if not line.startswith("#")}
    for phrase, _ in [*PHRASES, *RATE_PHRASES, *UNIT_NOUNS]:
        words.update(w for w in re.findall(r"[a-z]+", phrase) if len(w) >= 3)
    by_length: dict[int, list[str]] = {}
    for w in sorted(words):
        by_length.setdefault(len(w), []).append(w)
    return by_length


def is_syllable(token: str) -> bool:
    return _SYLLABLE.fullmatch(token) is not None


def candidates(token: str) -> list[str]:
    """The vocabulary words nearest to a token that cannot be a syllable; [token] when it can, or none is near."""
    short = len(token) < 3 and token.isalpha()  # "nd", "qd", "hd": abbreviations, or handled as nouns; "s6" is "so"
    if short or len(token) < 2 or token.isdigit() or is_syllable(token):
        return [token]
    same_length = _vocabulary().get(len(token), [])
    if token in same_length:
        return [token]  # an abbreviation the reader knows ("tthc", "vbqppl")
    limit = 2 if len(token) >= 5 else 1 if len(token) > 2 else 0.5  # "s6" → "so", but "1a" stays
    scored = [(sum(0 if a == b else 0.5 if (a, b) in _LOOKALIKE else 1 for a, b in zip(token, word)), word)
              for word in same_length]
    near = [(d, w) for d, w in scored if d <= limit]
    if not near:
        return [token]
    best = min(d for d, _ in near)
    return [w for d, w in near if d == best]


def mend_word(token: str, before: str = "", after: str = "") -> str:
    """The token's nearest word; of two as near, the one that makes a phrase with its neighbour ("ding han" →
    "dung han", not "dong han"); else the token unchanged rather than a guess."""
    found = candidates(token)
    if found == [token] and len(token) == 2 and token.isalpha() and not is_syllable(token) and after:
        # "hd so": a short token read as the word one look-alike letter away that makes a phrase with the next word
        # ("ho so"); "hd lao dong" (hợp đồng) has none and stays
        near = {a for a in _short_before().get(after, ())
                if sum(x != y for x, y in zip(token, a)) == 1 and all((x, y) in _LOOKALIKE for x, y in zip(token, a) if x != y)}
        return near.pop() if len(near) == 1 else token
    if len(found) == 1:
        return found[0]
    paired = [w for w in found if f"{before} {w}" in _pairs() or f"{w} {after}" in _pairs()]
    return paired[0] if len(paired) == 1 else token


@lru_cache(maxsize=1)
def _pairs() -> set[str]:
    out = set()
    for phrase, _ in [*PHRASES, *RATE_PHRASES, *UNIT_NOUNS]:
        words = re.findall(r"[a-z]+", phrase)
        out.update(f"{a} {b}" for a, b in zip(words, words[1:]))
    return out


@lru_cache(maxsize=1)
def _short_before() -> dict[str, set[str]]:
    """The two-letter words of the phrases by the word that follows them ("so" → {"ho"}), built once."""
    out: dict[str, set[str]] = {}
    for a, b in (pair.split() for pair in _pairs()):
        if len(a) == 2:
            out.setdefault(b, set()).add(a)
    return out


def mend(folded: str) -> str:
    """The folded text with garbled words mended, same length."""
    tokens = list(_TOKEN.finditer(folded))
    out, last = [], 0
    for i, m in enumerate(tokens):
        before = tokens[i - 1].group(0) if i else ""
        after = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
        out += [folded[last:m.start()], mend_word(m.group(0), before, after)]
        last = m.end()
    return "".join(out) + folded[last:]


def build_vocabulary(paths: list[Path]) -> None:
    """Write VOCABULARY_FILE from accented texts: each folded syllable seen at least twice.
    python -m drafting.inputs.ocr_words corpus/regulations/digests/*.md corpus/reports/003_*.txt ../shared/domain/*.md"""
    from collections import Counter

    from corpus.text import fold_lower
    counts: Counter[str] = Counter()
    for path in paths:
        text = path.read_text(encoding="utf-8")
        if fold_lower(text) != text.lower():  # accented only: OCR text would teach its own errors
            counts.update(w for w in re.findall(r"[a-z]+", fold_lower(text)) if len(w) >= 3 and is_syllable(w))
    words = sorted(w for w, n in counts.items() if n >= 2)
    VOCABULARY_FILE.write_text("# folded syllables of accented reports and decrees (build_vocabulary)\n"
                               + "\n".join(words) + "\n", encoding="utf-8")


if __name__ == "__main__":
    import sys
    build_vocabulary([Path(p) for p in sys.argv[1:]])
