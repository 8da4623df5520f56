"""Findings as an official reads them: each once, the part of the report asked for, and the many local
documents the registry cannot know summarised in one note."""

from __future__ import annotations

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
        names = list(dict.fromkeys(f"{i.text} (đoạn {i.paragraph})" for i in local))
        first = local[0]
        out.append(ReviewIssue(kind="citation", severity="info", section=first.section, paragraph=first.paragraph,
                               group="unverified_local", message=(
                                   f"{len(names)} văn bản chưa có trong sổ đăng ký (thường là văn bản địa phương), chưa "
                                   "xác minh được số, ngày: " + "; ".join(names) + "."),
                               suggestion="Đối chiếu với sổ văn bản đi của đơn vị."))
    else:
        out += local
    return out
