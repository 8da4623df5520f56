"""Counts of legal documents by kind and issuer said in one sentence — "HĐND tỉnh ban hành 9 nghị quyết, UBND tỉnh
ban hành 21 quyết định quy phạm pháp luật": one figure, the legal documents issued, their sum counted in code, with
its parts in the official's words for the draft ("30 văn bản quy phạm pháp luật (9 nghị quyết của HĐND tỉnh, 21
quyết định của UBND tỉnh)"). Read before the figure reader, which would give each count a figure of its own (the
second, for want of a better one, the documents directing the reform)."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.figures.schema import FIELD_BY_KEY
from drafting.figures.vnformat import fmt_decimal, parse_vn_number
from drafting.inputs.text_reading import ReadFigure

_KEY = "the_che.vbqppl_ban_hanh"
# "HĐND tỉnh thông qua 14 nghị quyết …; UBND tỉnh ban hành 37 quyết định …": a council passes, a committee issues
# ("ban hành 2 nghị quyết của HĐND phường và 1 quyết định QPPL của UBND phường": the second shares the verb)
_ISSUED = re.compile(r"(?:\b(?:ban hanh|thong qua)\s+(?:duoc\s+)?|(?<=[a-z,] )va\s+)(\d+)\s+(nghi quyet|quyet dinh|chi thi)\b"
                     r"(\s+(?:quy pham phap luat|quy pham|qppl)\b)?")
_SENTENCE = re.compile(r"[\n!?]|\.(?!\d)")  # (the issuers' counts may be joined by ";")
_ISSUER = re.compile(r"\b((?:hdnd|ubnd|hoi dong nhan dan|uy ban nhan dan)\s+[^,;:]{0,30}?)\s*$")


def legal_document_counts(text: str) -> list[ReadFigure]:
    """The sums, one per sentence that counts two kinds or more of documents issued and calls the last of them legal
    ("quy phạm pháp luật", "QPPL") — the words then qualify the whole list."""
    folded = fold_lower(text)
    if len(folded) != len(text):
        return []
    out = []
    starts = [0] + [m.end() for m in _SENTENCE.finditer(folded)]
    for a, b in zip(starts, starts[1:] + [len(folded)], strict=True):
        found = list(_ISSUED.finditer(folded, a, b))
        if found and not found[0].group(0).startswith(("ban hanh", "thong qua")):
            continue  # "có 3 nghị quyết và 2 quyết định": nothing said issued
        # "ban hành 3 quyết định, ban hành 2 quyết định QPPL": of one kind, the first may be no legal document
        if len(found) < 2 or not found[-1].group(3) or (
                any(m.group(3) is None for m in found[:-1]) and len({m.group(2) for m in found}) < 2):
            continue
        parts, prev = [], a
        for m in found:
            who = _ISSUER.search(folded, prev, m.start())
            said = text[m.start(1):m.end(2)]
            parts.append(f"{said} của {text[who.start(1):who.end(1)]}" if who else said)
            prev = m.end()
        total = sum(parse_vn_number(m.group(1)) for m in found)
        quote = text[found[0].start(1):found[-1].end()]
        out.append(ReadFigure(key=_KEY, label=FIELD_BY_KEY[_KEY].label, value=total, quote=quote, phrase="ban hành",
                              start=found[0].start(1), end=found[-1].end(), after=True, confidence=0.9,
                              note=f"tổng {' + '.join(m.group(1) for m in found)} = {fmt_decimal(total)}, cộng trong phần mềm",
                              noun=f"văn bản quy phạm pháp luật ({', '.join(parts)})"))
    return out


# "Đào tạo lý luận chính trị cao cấp 2, trung cấp 5", "… 2 cao cấp và 5 trung cấp": the people trained, by level,
# one figure — their sum counted in code
_THEORY = re.compile(r"\bly luan chinh tri\b")
_LEVEL_COUNT = re.compile(r"\b(cao cap|trung cap|so cap)\s*:?\s*(\d+)\b|\b(\d+)\s+(?:(?:nguoi|dong chi|cong chuc)\s+)?"
                          r"(?:hoc\s+)?(cao cap|trung cap|so cap)\b")
_BETWEEN = re.compile(r"\s*(?:,|;|\bva\b)\s*")


def theory_level_counts(text: str) -> list[ReadFigure]:
    folded = fold_lower(text)
    if len(folded) != len(text):
        return []
    out = []
    for lead in _THEORY.finditer(folded):  # the levels after the words, or before them ("… 5 trung cấp lý luận …")
        stop = _SENTENCE.search(folded, lead.end())
        begin = max([0] + [m.end() for m in _SENTENCE.finditer(folded, 0, lead.start())])
        found = [m for m in _LEVEL_COUNT.finditer(folded, begin, stop.start() if stop else len(folded))
                 if not any(f.start <= m.start() < f.end for f in out)]
        # the levels listed one after another, nothing else between them
        run = found[:1]
        for m in found[1:]:
            if not _BETWEEN.fullmatch(folded, run[-1].end(), m.start()):
                break
            run.append(m)
        if len(run) < 2 or not (0 <= run[0].start() - lead.end() <= 30 or 0 <= lead.start() - run[-1].end() <= 30):
            continue
        counts = [int(m.group(2) or m.group(3)) for m in run]
        key = "cong_vu.dao_tao_ly_luan"
        out.append(ReadFigure(key=key, label=FIELD_BY_KEY[key].label, value=sum(counts),
                              quote=text[run[0].start():run[-1].end()], phrase=text[lead.start():lead.end()],
                              start=run[0].start(), end=run[-1].end(), confidence=0.9, after=lead.start() > run[-1].end(),
                              note=f"tổng {' + '.join(map(str, counts))} = {sum(counts)}, cộng trong phần mềm"))
    return out
