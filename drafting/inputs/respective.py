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
        names = folded[start:m.start()]
        parts, offset = re.split(r",\s*|\s+va\s+", names), start
        while parts and re.search(r"\d", parts[0]):  # "tiếp nhận 642 hồ sơ, trực tuyến và trực tiếp lần lượt …"
            dropped = parts.pop(0)
            offset = folded.index(dropped, offset) + len(dropped)
        first = NUMBER_RE.match(folded, m.end())
        if len(parts) < 2 or not first or any(not p.strip() or re.search(r"\d", p) for p in parts):
            continue
        numbers, at = [first], first.end()
        while len(numbers) < len(parts) and (nxt := _THEN.match(folded, at)):
            number = NUMBER_RE.match(folded, nxt.end())
            if not number:
                break
            numbers.append(number)
            at = number.end()
        if len(numbers) < 2:  # "lần lượt là 401 hồ sơ": one number for two names says nothing in order
            continue
        for dropped in parts[:-len(numbers)]:  # "Trong quý, số hồ sơ nộp trực tuyến, …": the names are the last ones
            offset = folded.index(dropped, offset) + len(dropped)
        parts = parts[-len(numbers):]
        for part, number in zip(parts, numbers):
            at = folded.index(part.strip(), offset)
            out[number.start()] = (part.strip(), at)
            offset = at + len(part.strip())
    return out
