"""Findings as an official reads them: each once, the part of the report asked for, and the many local
documents the registry cannot know summarised in one note."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.models import ReviewIssue

_NUMBER_DATE = re.compile(r"\d+/[\w/-]+ ngay \d{1,2}/\d{1,2}/\d{4}")


def in_scope(section: str, scope: str) -> bool:
    """A finding's section within the part reviewed: "II" covers II.1 … II.6."""
    return not scope or section == scope or section.startswith(scope + ".")


def tidy(issues: list[ReviewIssue]) -> list[ReviewIssue]:
    """Each finding once; local documents the registry does not know (dozens in a real report) in one note,
    so they do not drown the errors."""
    seen, out, local = set(), [], []
    for i in issues:
        key = (i.kind, i.paragraph, i.text, i.message)
        if key in seen:
            continue
        seen.add(key)
        (local if i.group == "unverified_local" else out).append(i)
    # one document cited twice ("ngày 20/1/2026", later "20/01/2026 của UBND huyện") is one document, with both
    # paragraphs: its number and date name it, the issuer being often left out the second time
    docs: dict[str, tuple[str, list[int]]] = {}
    for i in local:
        key = re.sub(r"(?<!\d)0(\d)(?=/)", r"\1", fold_lower(i.text))
        key = m.group(0) if (m := _NUMBER_DATE.search(key)) else key
        docs.setdefault(key, (i.text, []))[1].append(i.paragraph)
    if len(local) > 2 or len(docs) < len(local):
        names = [f"{text} (đoạn {', '.join(str(p) for p in sorted(set(pars)))})" for text, pars in docs.values()]
        first = local[0]
        out.append(ReviewIssue(kind="citation", severity="info", section=first.section, paragraph=first.paragraph,
                               group="unverified_local", message=(
                                   f"{len(names)} văn bản chưa có trong sổ đăng ký (thường là văn bản địa phương), chưa "
                                   "xác minh được số, ngày: " + "; ".join(names) + "."),
                               suggestion="Đối chiếu với sổ văn bản đi của đơn vị."))
    else:
        out += local
    return out
