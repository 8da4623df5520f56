"""The report builder's text area per outline section, one item per line, to and from facts.

In sections I and II.1–II.6 a line with a document number that says "ban hành" (or starts with a document
type) is a document, a line with an activity verb an event, anything else a note (an activity's or a note's day opens
its line: "Ngày 22/01/2027: Hội nghị …"; a line opened by its kind's name — "Mô hình, sáng kiến:", "Tiến độ:", "Ghi
chú:", "Hoạt động:", "Văn bản:" … — is of that kind: the kinds the words do not tell are written so, and read back as
they were); in III a line starting
"Hạn chế:" / "Tồn tại:" is a shortcoming whose cause follows "Nguyên nhân:", other lines are strengths;
IV lines are tasks (a status may close the line in brackets), V lines recommendations."""

from __future__ import annotations

import re

from corpus.docnumbers import find_refs
from corpus.text import fold_lower
from drafting.figures.facts import SECTIONS, Fact, kind_of, parse_fact
from drafting.figures.figureset import FigureIssue
from drafting.inputs.chat_facts import _ACTIVITY
from drafting.inputs.fact_sheets import DOC_TYPES

_SHORT = re.compile(r"^\s*(hạn chế|tồn tại|khó khăn)\s*:\s*", re.IGNORECASE)
_CAUSE = re.compile(r"\s*[—–-]?\s*nguyên nhân\s*:\s*", re.IGNORECASE)
_STATUS = re.compile(r"\s*\[(hoàn thành|đang thực hiện|chưa thực hiện)\]\s*$", re.IGNORECASE)
_DATED = re.compile(r"^ngày\s+(\d{1,2})/(\d{1,2})/(\d{4})\s*:\s*", re.IGNORECASE)
_DOC_START = tuple(t.lower() for t in DOC_TYPES.values())
# a line's kind said by its first words, with a colon: "Mô hình, sáng kiến: “Đặt lịch khám trực tuyến” …", "Ghi chú: …"
# (the label dropped on reading); "Mô hình “Một cửa thân thiện” …" names itself so, and is kept whole
_LABELS = {"document": "Văn bản", "event": "Hoạt động", "note": "Ghi chú", "initiative": "Mô hình, sáng kiến",
           "progress": "Tiến độ", "task": "Nhiệm vụ", "proposal": "Kiến nghị"}
_LABEL = re.compile(r"^\s*(văn bản|hoạt động|ghi chú|mô hình, sáng kiến|mô hình|sáng kiến|giải pháp|tiến độ|nhiệm vụ|"
                    r"kiến nghị|đề xuất)\s*:\s*", re.IGNORECASE)
_INITIATIVE_NAMED = re.compile(r"^\s*(?:mô hình|sáng kiến|giải pháp)\b", re.IGNORECASE)


def texts_from_facts(facts: list[Fact]) -> dict[str, str]:
    out: dict[str, list[str]] = {k: [] for k in SECTIONS}
    for f in facts:
        if f.kind == "shortcoming":
            line = f"Hạn chế: {f.text}" + (f" — Nguyên nhân: {f.cause}" if f.cause else "")
        elif f.kind == "task" and f.status:
            line = f"{f.text} [{f.status}]"
        else:
            line = f.text
        if f.date and f.kind in ("event", "note") and not _DATED.match(line):
            line = f"Ngày {f.date:%d/%m/%Y}: {line}"  # the day of an activity kept through the text area
        if f.kind != "shortcoming" and _kind(f.section, line) != f.kind:  # its words alone would read as another
            line = f"{_LABELS[f.kind]}: {line}"
        out[f.section].append(line)
    return {k: "\n".join(v) for k, v in out.items()}


def _kind(section: str, line: str) -> str:
    if m := _LABEL.match(line):
        return kind_of(m.group(1)) or "initiative"  # ("giải pháp": an initiative)
    if section == "IV":
        return "task"
    if section == "V":
        return "proposal"
    if section == "III":
        return "shortcoming" if _SHORT.match(line) else "note"
    if _INITIATIVE_NAMED.match(line):
        return "initiative"
    folded = fold_lower(line)
    if find_refs(line) and ("ban hanh" in folded or line.lower().startswith(_DOC_START)):
        return "document"
    if _SHORT.match(line):
        return "shortcoming"
    return "event" if _ACTIVITY.search(folded) else "note"


def facts_from_texts(texts: dict[str, str]) -> tuple[list[Fact], list[FigureIssue]]:
    facts: list[Fact] = []
    issues: list[FigureIssue] = []
    for section in SECTIONS:
        for n, raw in enumerate((texts.get(section) or "").splitlines(), start=1):
            line = re.sub(r"^\s*[-+•*]\s*", "", raw).strip()
            if not line:
                continue
            kind = _kind(section, line)
            line = _LABEL.sub("", line, count=1)
            item: dict = {"section": section, "kind": kind}
            if kind == "shortcoming":
                parts = _CAUSE.split(_SHORT.sub("", line, count=1), maxsplit=1)
                item.update(text=parts[0].strip(), cause=parts[1].strip() if len(parts) > 1 else "")
            elif kind == "task" and (m := _STATUS.search(line)):
                item.update(text=line[:m.start()].strip(), status=m.group(1).lower())
            elif kind in ("event", "note") and (m := _DATED.match(line)):  # "Ngày 22/01/2027: Hội nghị …"
                item.update(text=line[m.end():].strip(), date=f"{m.group(3)}-{int(m.group(2)):02d}-{int(m.group(1)):02d}")
            else:
                item["text"] = line
            fact = parse_fact(item, f"ô «{section}», dòng {n}", issues)
            if fact is not None:
                facts.append(fact)
    return facts, issues
