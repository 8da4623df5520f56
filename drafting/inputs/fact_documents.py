"""A document the official says was issued: its words from the verb on, with the date said before the verb
("Ngày 12/01/2026 UBND xã ban hành Kế hoạch số 05/KH-UBND …"), and documents issued together split one from
another. Used by the chat's reader of facts."""

from __future__ import annotations

import datetime as dt
import re

from corpus.docnumbers import find_refs
from drafting.figures.facts import MONTH_SAID, issuer_before

# "Ngày 12/01/2026 UBND xã ban hành Kế hoạch số 05/KH-UBND …": the date and the issuer before the verb
_ISSUED = re.compile(r"\bban hanh\b")
_DAY = re.compile(r"(?<!\d)(\d{1,2})/(\d{1,2})/((?:19|20)\d\d)(?!\d)")


def document_said(clause: str, folded: str) -> tuple[str, dt.date | None]:
    """The document's words from its verb on, and the date said before the verb (kept as the fact's date)."""
    m = _ISSUED.search(folded)
    if not m or m.start() > 80:
        return clause, None
    day = None
    if d := _DAY.search(clause, 0, m.start()):
        try:
            day = dt.date(int(d.group(3)), int(d.group(2)), int(d.group(1)))
        except ValueError:
            return clause, None
    # the body the official named as issuing it stays: "UBND tỉnh ban hành Kế hoạch số …"
    at = issuer_before(clause, m.start())
    words = clause[m.start() if at is None else at:]
    month = None if day else next((w for w in MONTH_SAID.finditer(clause, 0, m.start())
                                   if w.end() == (m.start() if at is None else at)), None)
    return (f"{month.group(1)[:1].upper()}{month.group(1)[1:]}, {words}" if month else words), day


_NEXT_DOCUMENT = re.compile(r"\s*(?:,|;|\bv[àa])\s+(?=(?:Kế hoạch|Quyết định|Công văn|Chỉ thị|Thông báo|Nghị quyết|"
                            r"Hướng dẫn|Quy chế|Quy định)\s)")


def documents_joined(clause: str) -> list[str]:
    """"UBND tỉnh ban hành Quyết định số 112/QĐ-UBND … về Kế hoạch CCHC năm 2026 và Công văn số 455/UBND-NC … về …":
    documents issued together, each with the words before the first (the issuer and the verb); [] for one document or
    one that names another ("Kế hoạch 14/KH-UBND triển khai Quyết định 1291/QĐ-UBND")."""
    refs = find_refs(clause)
    cuts = [(j.start() + prev.end, r.start) for prev, r in zip(refs, refs[1:])
            if (j := re.search(r"\s*(?:,|;|\bv[àa])\s*$", clause[prev.end:r.start]))]
    # "… Kế hoạch số 15/KH-SVHTTDL … về CCHC năm 2027 và Kế hoạch tuyên truyền CCHC năm 2027": one without its number
    cuts += [m.span() for m in _NEXT_DOCUMENT.finditer(clause, refs[0].end if refs else len(clause))
             if not any(a <= m.start() < b for a, b in cuts) and not any(r.start < m.start() < r.end for r in refs)]
    cuts.sort()
    if not cuts:
        return []
    head, bounds = clause[:refs[0].start], [refs[0].start, *[b for c in cuts for b in c], len(clause)]
    return [head + clause[a:b] for a, b in zip(bounds[::2], bounds[1::2])]
