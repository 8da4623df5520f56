""""trực tuyến và trực tiếp lần lượt là 401 và 241 hồ sơ": two figures named first and counted after, in order. The
reader asks here which words name each number; everything else about the numbers (nouns, units, sums) is as usual."""

from __future__ import annotations

import re

from drafting.figures.vnformat import NUMBER_RE

# the names, "lần lượt"/"tương ứng" (with "là", "đạt", "có" or a colon), then "N … và M"
_RESPECTIVELY = re.compile(r"\s+(?:lan luot|tuong ung)(?:\s+(?:la|dat|co))?\s*:?\s*")
_NAMES_FROM = re.compile(r"[;:\n(]|\.(?!\d)|\btrong do\b|\bgom\b")

_THEN = re.compile(r"[^\d.;\n]{0,20}?(?:,\s*|\s+va\s+)")  # "401 hồ sơ và 241": the noun, then the next number


def respective_phrases(folded: str) -> dict[int, tuple[str, int]]:
    """The start of each number so counted → the words that name it and where they start (folded text)."""
    out: dict[int, tuple[str, int]] = {}
    for m in _RESPECTIVELY.finditer(folded):
        start = max((s.end() for s in _NAMES_FROM.finditer(folded, 0, m.start())), default=0)
        parts = re.split(r",\s*|\s+va\s+", folded[start:m.start()])
        while parts and re.search(r"\d", parts[0]):  # "tiếp nhận 642 hồ sơ, trực tuyến và trực tiếp lần lượt …"
            parts.pop(0)
        numbers = [n] if (n := NUMBER_RE.match(folded, m.end())) else []
        while numbers and len(numbers) < len(parts) and (nxt := _THEN.match(folded, numbers[-1].end())):
            if not (number := NUMBER_RE.match(folded, nxt.end())):
                break
            numbers.append(number)
        # the names are the last parts before "lần lượt" ("Trong quý, số hồ sơ nộp trực tuyến, …"); one number for two
        # names says nothing in order
        names = parts[-len(numbers):] if numbers else []
        if len(numbers) < 2 or any(not p.strip() or re.search(r"\d", p) for p in names):
            continue
        end = m.start()
        for part, number in reversed(list(zip(names, numbers))):  # from the right: never inside an earlier part
            at = folded.rindex(part.strip(), start, end)
            out[number.start()] = (part.strip(), at)
            end = at
    return out
