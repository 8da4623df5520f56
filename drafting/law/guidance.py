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


# "Nghị định 118/2025 thay thế những văn bản nào?", "Văn bản nào thay thế Nghị định 61/2018?", "… được sửa đổi bởi …"
_ASKS_LINEAGE = re.compile(r"\b(?:(duoc|bi) )?(thay the|thay cho|sua doi)\b")


def _named(numbers: list[str], registry: Registry) -> str:
    docs = [registry.get(n) for n in numbers]
    return " và ".join(f"{d.type} số {d.number}" if d else n for d, n in zip(docs, numbers))


def lineage_line(question: str, named: list[LegalDocument], registry: Registry) -> str:
    """The one-line answer when the question asks what a document it names replaced or was replaced by, amended or
    was amended by: the documents and the day, with the registry's confidence in that link; "" otherwise. The
    document asked about is the subject when it is named before the verb ("118/2025 thay thế …"), the object after it
    ("văn bản nào thay thế 61/2018?") or before a passive ("61/2018 được thay thế bởi …")."""
    folded = fold_lower(question)
    ask = _ASKS_LINEAGE.search(folded)
    refs = find_refs(question)
    if not named or not ask or not refs:
        return ""
    doc = named[0]
    subject = refs[0].start < ask.start() and not ask.group(1)
    replacing = ask.group(2) != "sua doi"
    field = ("replaces" if subject else "replaced_by") if replacing else ("amends" if subject else "amended_by")
    others = getattr(doc, field)
    tag = doc.tag(field)
    mark = "" if tag == "V" else f" [{tag}: {CONFIDENCE_LABELS[tag]}]"
    verb = {"replaces": "thay thế", "replaced_by": "được thay thế bởi", "amends": "sửa đổi, bổ sung",
            "amended_by": "được sửa đổi, bổ sung bởi"}[field]
    if not others:  # what the registry records, said as such ("chưa ghi văn bản nào thay thế Nghị định số 43/2011 …")
        it = f"{doc.type} số {doc.number}"
        return "**Sổ đăng ký chưa ghi văn bản nào " + {
            "replaces": f"được {it} thay thế", "replaced_by": f"thay thế {it}", "amends": f"được {it} sửa đổi, bổ sung",
            "amended_by": f"sửa đổi, bổ sung {it}"}[field] + ".**"
    later = doc if field in ("replaces", "amends") else registry.get(others[0])
    since = f" từ ngày {fmt_date(later.start)}" if later is not None and later.start and replacing else ""
    return f"**{doc.type} số {doc.number} {verb} {_named(others, registry)}{since}.**{mark}"
