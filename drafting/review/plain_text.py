"""A draft typed or saved as plain text (.txt, .md) into paragraphs. Hard-wrapped lines (OCR text) are joined, so a
reference split over two lines stays whole; but a line that can only stand alone — an outline heading ("I. CÔNG TÁC
CHỈ ĐẠO…"), a line in capitals (the issuer, "BÁO CÁO"), the place-and-date line, a line ending a sentence before one
that starts with a capital — ends its paragraph, so the heading is not read as the text under it."""

from __future__ import annotations

import re

from corpus.chunking import outline_key_of
from corpus.chunking import paragraphs as split_paragraphs
from corpus.text import fold_lower

_HEADING = re.compile(r"^\s*(?:[IVX]+|\d+(?:\.\d+)*)\.\s+\S.{0,120}$")
_DATE_LINE = re.compile(r",\s*ngay\s+(?:\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+|\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*)\d{4}\s*$")
# "Số: 415/BC-STC": the number line of NĐ 30, a line of its own beside the place-and-date line (its "ố" is lower case)
_NUMBER_LINE = re.compile(r"^Số\s*:?\s*\d*\s*/\s*[A-ZĐ]")


def _stands_alone(line: str, following: str) -> bool:
    s = line.strip()
    if not s or not following.strip():
        return False
    letters = [c for c in s if c.isalpha()]
    starts_capital = following.strip()[0].isupper()
    # "5. Cải cách tài chính công" over "12 đơn vị sự nghiệp …": an outline heading, no figure of its own, before a count
    heading_over_count = following.strip()[0].isdigit() and bool(outline_key_of(s)) and not re.search(r"\d", s.split(" ", 1)[-1])
    return bool((letters and all(c.isupper() for c in letters) and len(letters) > 3)
                or "|" in s or "|" in following  # a table's row is a paragraph of its own
                or _DATE_LINE.search(fold_lower(s)) or _NUMBER_LINE.match(s)
                or (_HEADING.match(s) and not re.search(r"[,;:]$", s) and (starts_capital or heading_over_count))
                or (re.search(r"[.!?]$", s) and starts_capital))


def text_paragraphs(text: str) -> list[str]:
    lines = text.split("\n")
    out = []
    for i, line in enumerate(lines):
        out.append(line)
        if i + 1 < len(lines) and _stands_alone(line, lines[i + 1]):
            out.append("")
    return [re.sub(r"^#+\s*|\*\*", "", b).strip() for b in split_paragraphs("\n".join(out))]
