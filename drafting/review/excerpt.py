"""The words a finding shows the reader: whole clauses around what it is about. A check names the exact words it
read ("14 hồ sơ, tỷ lệ … 98,9%", "915 hồ sơ (kỳ trước chuyển sang 25 hồ sơ, tiếp nhận mới 880"); cut there, the
«Trích» column starts inside a phrase or leaves a bracket open. The excerpt widens them to the clause's marks (a
full stop, a semicolon, a colon, a line; a comma when the clause is long), closes a bracket they open and marks a
cut with "…". The finding's own text stays as the check read it."""

from __future__ import annotations

import re

from drafting.models import ReviewIssue

_STOP = re.compile(r"[;:\n]|\.(?!\d)")  # "1.234" is a number, not a full stop
_COMMA = re.compile(r",\s")
_BACK, _AHEAD, _LONGEST = 90, 60, 240


def excerpt(paragraph: str, text: str) -> str:
    """The clause(s) of `paragraph` around `text`; `text` itself when it is not found there verbatim."""
    at = paragraph.find(text.strip()) if text.strip() else -1
    if at < 0:
        return text
    s, e = at, at + len(text.strip())
    stops = [m.end() for m in _STOP.finditer(paragraph, 0, s)]
    a = stops[-1] if stops else 0
    if s - a > _BACK:  # a long clause: from a comma near enough, or the word boundary
        commas = [m.end() for m in _COMMA.finditer(paragraph, s - _BACK, s)]
        a = commas[0] if commas else paragraph.rfind(" ", 0, s - _BACK // 2) + 1
    if (opened := paragraph.count("(", a, e) - paragraph.count(")", a, e)) > 0:  # the bracket it opens, closed
        close = paragraph.find(")", e)
        e = close + 1 if 0 <= close < e + _AHEAD * 2 else e
    elif opened < 0 and 0 <= (opener := paragraph.rfind("(", 0, a)) and a - opener <= _BACK:
        a = opener  # the bracket it closes, opened near enough before
    ahead = _STOP.search(paragraph, e)
    b = ahead.start() if ahead else len(paragraph)
    if b - e > _AHEAD:
        comma = _COMMA.search(paragraph, e, e + _AHEAD)
        b = comma.start() if comma else max(paragraph.find(" ", e + _AHEAD // 2), e)
    out = paragraph[a:b].strip(" ,")
    if len(out) > _LONGEST:
        return text
    before = paragraph[:a].rstrip()
    lead = "…" if before and not _STOP.match(before[-1]) else ""
    tail = "…" if b < len(paragraph) and not _STOP.match(paragraph, b) else ""
    return f"{lead}{out}{tail}"


def with_excerpts(issues: list[ReviewIssue], paragraphs) -> list[ReviewIssue]:
    """Each finding placed in a paragraph, with its excerpt from that paragraph's text."""
    texts = {p.index: p.text for p in paragraphs}
    return [i.model_copy(update={"excerpt": excerpt(texts[i.paragraph], i.text)}) if i.paragraph in texts and i.text
            else i for i in issues]
