"""The year's CCHC plan (Kế hoạch cải cách hành chính năm …) read into what the report needs: its tasks
(facts of kind `task`, offered for section IV with the plan's section noted) and the targets it sets ("tỷ lệ hồ
sơ trực tuyến đạt tối thiểu 50%" → tthc.ty_le_truc_tuyen = 50, source: the plan's number and date).

The plan's tasks are offered for the next period's tasks and as the count of tasks in the plan; which of
them are done is the official's to say, never guessed."""

from __future__ import annotations

import re
from decimal import Decimal

from pydantic import BaseModel, Field

from corpus.chunking import report_heading_level
from corpus.docnumbers import find_refs
from corpus.text import fold_lower, place_date
from drafting.figures.facts import Fact, Target
from drafting.figures.vnformat import parse_vn_number
from drafting.inputs.phrases import RATE_PHRASES
from drafting.inputs.report_text import section_lines
from drafting.inputs.target_text import PERCENT

LIST_ITEM = re.compile(  # "- …", "+ …", "a) …", "1. …", "2.1) …": one item of a list
    r"^\s*(?:[-+•*–]|[a-zđ]\)|\d{1,2}(?:\.\d{1,2})*[.)])\s+(\S.*)$")
_TARGET_WORDS = re.compile(r"\b(dat|phan dau|toi thieu|it nhat|tren|chi tieu|muc tieu|bao dam|dam bao)\b")
_SECTIONS = {"I", "II.1", "II.2", "II.3", "II.4", "II.5", "II.6"}


class PlanReading(BaseModel):
    source: str = Field(description="the plan as a citation: 'Kế hoạch số 14/KH-UBND ngày 30/01/2026'")
    year: int | None = None
    tasks: list[Fact] = Field(default_factory=list)
    targets: list[Target] = Field(default_factory=list)

    def as_input(self) -> dict:
        """The figures-file sections this plan gives: facts, targets and the count of tasks in the plan."""
        return {"facts": [t.model_dump(mode="json", exclude_defaults=True, exclude={"origin"}) for t in self.tasks],
                "targets": [{"key": t.key, "value": str(t.value), "source": t.source} for t in self.targets],
                "figures": {"chi_dao": {"nhiem_vu_ke_hoach": len(self.tasks)}} if self.tasks else {}}


def _source(head: str, year: int | None) -> str:
    for ref in find_refs(head):
        if ref.symbol and "KH" in ref.symbol.upper():
            day = place_date(head)
            return f"Kế hoạch số {head[ref.start:ref.end].split()[-1]}" + (f" ngày {day:%d/%m/%Y}" if day else "")
    return f"Kế hoạch cải cách hành chính năm {year}" if year else "Kế hoạch cải cách hành chính năm"


def read_plan(text: str) -> PlanReading:
    head = text[:1500]
    m = re.search(r"\bnam (20\d\d)\b", fold_lower(head))
    year = int(m.group(1)) if m else None
    plan = PlanReading(source=_source(head, year), year=year)
    seen: set[str] = set()
    for section, _, line in section_lines(text):
        body = re.sub(r"\*\*|^#+\s*", "", line).strip()
        item = LIST_ITEM.match(body)
        folded = fold_lower(body)
        for pm in PERCENT.finditer(body):
            # the words since the previous target or clause: "… 50%; tỷ lệ … đúng hạn đạt trên 98%"
            start = max([0, pm.start() - 120, *(m.end() for m in re.finditer(r"[;%]", folded[:pm.start()]))])
            before = folded[start:pm.start()]
            if not _TARGET_WORDS.search(before[-40:]):
                continue
            key = next((k for phrase, k in RATE_PHRASES if phrase in before), None)
            value = parse_vn_number(pm.group(1).replace(".", ","))
            if key and value is not None and key not in {t.key for t in plan.targets}:
                plan.targets.append(Target(key=key, value=Decimal(value), source=plan.source, origin=body[:80]))
        if not item or len(item.group(1)) < 25 or section not in _SECTIONS:
            continue
        if report_heading_level(body) in (1, 2, 3) and len(body) < 110 and not body.endswith((".", ";")):
            continue  # "2. Cải cách thủ tục hành chính" is a heading, not a task
        task = item.group(1).rstrip(" ;.")
        if fold_lower(task) in seen or task.isupper():
            continue  # a repeated line, or a heading in capitals
        seen.add(fold_lower(task))
        # offered as the next period's tasks: the official deletes those done (and reports them as progress)
        plan.tasks.append(Fact(section="IV", kind="task", text=task, origin=f"{plan.source}, mục {section}"))
    return plan
