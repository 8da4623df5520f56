"""A question about the documents that guide another: "Thông tư nào hướng dẫn Nghị định 118/2025?" is answered with
the circulars whose registry title says they guide it ("Hướng dẫn thi hành … Nghị định số 118/2025/NĐ-CP"), each with
its status on the day asked — not with the decree itself."""

from __future__ import annotations

import datetime as dt
import re

from corpus.docnumbers import find_refs
from corpus.registry import CONFIDENCE_LABELS, LegalDocument, Registry, fmt_date
from corpus.text import fold_lower

_ASKS_GUIDE = re.compile(r"\bhuong dan\b")
_GUIDE_TITLE = re.compile(r"^\s*(?:huong dan|quy dinh chi tiet)\b")


def guides_of(doc: LegalDocument, registry: Registry) -> list[LegalDocument]:
    """Documents whose title says they guide `doc` (its number named in the title), oldest first."""
    out = []
    for d in registry:
        if d.number == doc.number or not _GUIDE_TITLE.match(fold_lower(d.title)):
            continue
        if any((g := registry.resolve(r)) is not None and g.number == doc.number for r in find_refs(d.title)):
            out.append(d)
    return sorted(out, key=lambda d: d.signed or dt.date.min)


def guidance_line(question: str, named: list[LegalDocument], as_of: dt.date,
                  registry: Registry) -> tuple[str, list[LegalDocument]]:
    """The one-line answer and the guiding documents, when the question asks what guides a document it names;
    ("", []) otherwise. A guide not yet or no longer in force on the day asked is said so."""
    if not named or not _ASKS_GUIDE.search(fold_lower(question)):
        return "", []
    doc = named[0]
    guides = guides_of(doc, registry)
    if not guides:
        return "", []
    parts = []
    for g in guides:
        status = registry.status_on(g, as_of)
        tag = "" if status.confidence == "V" or "[" in status.text else \
            f" [{status.confidence}: {CONFIDENCE_LABELS[status.confidence]}]"
        title = g.title.strip().rstrip(".")
        parts.append(f"{g.citation()} ({title[:1].lower() + title[1:]}) — ngày {fmt_date(as_of)}: {status.text}{tag}")
    return f"**Văn bản hướng dẫn {doc.citation()}: {'; '.join(parts)}.**", guides
