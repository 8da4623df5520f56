"""Findings as an official reads them: each once, the part of the report asked for, and the many local
documents the registry cannot know summarised in one note."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.models import ReviewIssue


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
    if len(local) > 2:
        # one document cited twice ("ngày 20/1/2026", later "20/01/2026") is one document, with both paragraphs
        docs: dict[str, tuple[str, list[int]]] = {}
        for i in local:
            key = re.sub(r"(?<!\d)0(\d)(?=/)", r"\1", fold_lower(i.text))
            docs.setdefault(key, (i.text, []))[1].append(i.paragraph)
        names = [f"{text} (đoạn {', '.join(str(p) for p in dict.fromkeys(pars))})" for text, pars in docs.values()]
        first = local[0]
        out.append(ReviewIssue(kind="citation", severity="info", section=first.section, paragraph=first.paragraph,
                               group="unverified_local", message=(
                                   f"{len(names)} văn bản chưa có trong sổ đăng ký (thường là văn bản địa phương), chưa "
                                   "xác minh được số, ngày: " + "; ".join(names) + "."),
                               suggestion="Đối chiếu với sổ văn bản đi của đơn vị."))
    else:
        out += local
    return out
