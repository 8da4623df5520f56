"""The reviewer reads the figures a draft states with the one reader of figures in text and recomputes
what the schema knows, however the sentence is phrased.

"giải quyết 240 hồ sơ, trước và đúng hạn 228 hồ sơ, đạt tỷ lệ 98,5%" → the rate of on-time dossiers is
228/240 = 95,00%, not 98,5%. A stated rate is checked against the counts of its own paragraph (the
latest ones before it, so a report that gives the province, then the district, then the commune is
read level by level); a total is checked against its parts when the same sentence gives them all."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

from drafting.figures.schema import DERIVED_BY_KEY, FIELD_BY_KEY, OPTIONAL_PARTS, SUM_RULES
from drafting.figures.vnformat import fmt_int, rate
from drafting.inputs.figure_text import ReadFigure, read_figures
from drafting.models import ReviewIssue


def _close(stated: Decimal, computed: Decimal) -> bool:
    places = max(0, -stated.as_tuple().exponent)
    q = Decimal(1).scaleb(-places)
    return computed.quantize(q, ROUND_HALF_UP) == stated.quantize(q) or abs(computed - stated) < Decimal("0.01")


SURE = 0.8  # below this a number's reading is shown for confirmation, never used to accuse a draft


def _latest(figures: list[ReadFigure], key: str, before: int) -> ReadFigure | None:
    found = [f for f in figures if f.key == key and f.start < before]
    return found[-1] if found else None


def check_stated_figures(paragraphs) -> list[ReviewIssue]:
    """paragraphs: objects with .text, .index and .section (the reviewer's Para)."""
    issues: list[ReviewIssue] = []
    for p in paragraphs:
        if p.section in ("IV", "V") or not any(ch.isdigit() for ch in p.text):
            continue
        reading = read_figures(p.text, section=p.section if p.section != "mo_dau" else "")
        for r in reading.rates:
            d = DERIVED_BY_KEY[r.key]
            num, den = _latest(reading.figures, d.inputs[0], r.start), _latest(reading.figures, d.inputs[1], r.start)
            if num is None or den is None or not den.value or min(num.confidence, den.confidence) < SURE:
                continue
            calc = rate(num.value, den.value)
            if calc is None or _close(r.value, calc):
                continue
            shown = f"{calc:.2f}".replace(".", ",")
            issues.append(ReviewIssue(
                kind="arithmetic", severity="error", section=p.section, paragraph=p.index, text=r.context,
                message=(f"{d.label} ghi {r.quote} nhưng theo số liệu của chính đoạn này “{num.words}” / "
                         f"“{den.words}” = {shown}% ({d.formula})."),
                suggestion=f"{shown}%"))
        for a, b in _sentences(p.text):
            issues += _sum_issues(p, [f for f in reading.figures if a <= f.start < b and f.confidence >= SURE])
    return issues


def _sentences(text: str) -> list[tuple[int, int]]:
    cuts = [0] + [m.end() for m in re.finditer(r"[;\n]|\.(?!\d)(?=\s|$)", text)] + [len(text)]
    return list(zip(cuts, cuts[1:], strict=False))


def _sum_issues(p, figures: list[ReadFigure]) -> list[ReviewIssue]:
    out = []
    by_key: dict[str, ReadFigure] = {}
    for f in figures:
        by_key.setdefault(f.key, f)  # the first statement of each figure in the paragraph
    for total, parts in SUM_RULES:
        if total not in by_key:
            continue
        given = [by_key[k] for k in parts if k in by_key]
        missing = [k for k in parts if k not in by_key]
        if not given or any(k not in OPTIONAL_PARTS for k in missing):
            continue
        t = by_key[total]
        s = sum(f.value for f in given)
        if s == t.value or (missing and s < t.value):
            continue
        words = " + ".join(f"{fmt_int(int(f.value))} ({FIELD_BY_KEY[f.key].label.lower()})" for f in given)
        out.append(ReviewIssue(
            kind="arithmetic", severity="error", section=p.section, paragraph=p.index,
            text=p.text[t.start:max(f.end for f in given)][:160],
            message=(f"{FIELD_BY_KEY[total].label} ghi {fmt_int(int(t.value))} nhưng {words} = {fmt_int(int(s))}."),
            suggestion=fmt_int(int(s))))
    return out
