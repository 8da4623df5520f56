"""Drafting eval: draft every figures file in cases/drafting and measure, per draft,
- input figures present and exact (each non-zero count/amount stated with its Vietnamese text),
- ungrounded numbers left in the final text (re-checked from scratch on the whole text),
- outline sections present,
- names of other localities (from the corpus's past reports) in the text."""

from __future__ import annotations

import re
import time
from pathlib import Path

from drafting.chain.grounding import GroundingContext, ground
from drafting.chain.precedent import foreign_names, place_names
from drafting.figures.outline import DRAFTED
from drafting.figures.schema import FIELD_BY_KEY
from drafting.inputs.files import load_figures_file

CASES = Path(__file__).parent / "cases" / "drafting"


def ungrounded_numbers(text: str, data, registry) -> list[str]:
    """Numbers in the final text that neither the figures, a computation from them, nor a cited
    document account for (re-checked from scratch)."""
    ctx = GroundingContext(data.figures, data.meta, registry, extra_refs=data.meta.basis)
    return [f.text for line in text.splitlines() for f in ground(line, ctx)[1]]


def evaluate_draft(draft, data, registry, names: set[str]) -> dict:
    fs = data.figures
    stated = {k for s in draft.sections for k in s.figures}
    expected = [k for k, v in fs.values.items() if v != 0 and FIELD_BY_KEY[k].kind != "flag"]
    text = draft.full_text()
    exact = [k for k in expected if k in stated and re.search(rf"(?<![\d.,]){re.escape(fs.text(k))}(?![\d,])", text)]
    ungrounded = ungrounded_numbers(text, data, registry)
    own = place_names(data.meta.locality, data.meta.issuer, data.meta.parent, data.meta.place) | {data.meta.place}
    foreign = foreign_names(text, names, own)
    sections = {s.key for s in draft.sections if s.paragraphs}
    return {
        "figures_expected": len(expected), "figures_exact": len(exact),
        "missing_figures": [k for k in expected if k not in exact],
        "ungrounded": ungrounded, "sections_present": sum(k in sections for k in DRAFTED),
        "sections_total": len(DRAFTED), "foreign_names": foreign,
        "llm_sections": sum(s.writer == "llm" for s in draft.sections),
        "findings": len(draft.findings),
    }


def run_drafting(assistant, cases_dir: Path = CASES) -> list[dict]:
    from drafting.service.assistant import known_places

    names = known_places(assistant.retrieval)
    rows = []
    for path in sorted(cases_dir.glob("*.yaml")):
        data = load_figures_file(path)
        t0 = time.perf_counter()
        draft = assistant.draft_input(data)
        row = evaluate_draft(draft, data, assistant.drafter.registry, names)
        row.update(case=path.stem, seconds=round(time.perf_counter() - t0, 2), llm=draft.llm)
        rows.append(row)
    return rows


def print_rows(rows: list[dict]) -> None:
    print(f"{'bản thảo':26}{'số liệu đúng':>14}{'số không căn cứ':>17}{'mục':>8}{'tên nơi khác':>14}{'mục LLM':>9}{'giây':>8}")
    for r in rows:
        print(f"{r['case']:26}{r['figures_exact']:>7}/{r['figures_expected']:<6}{len(r['ungrounded']):>17}"
              f"{r['sections_present']:>5}/{r['sections_total']:<2}{len(r['foreign_names']):>14}{r['llm_sections']:>9}"
              f"{r['seconds']:>8.1f}")
    for r in rows:
        if r["missing_figures"] or r["ungrounded"] or r["foreign_names"]:
            print(f"- {r['case']}: thiếu {r['missing_figures']}; không căn cứ {r['ungrounded']}; tên {r['foreign_names']}")
