"""Review eval on units the reviewer's rules were not written on: drafts the product generates (deterministic
writer, no model) for a province, a department, a district and two communes of other periods and eras
(evals/cases/substance and the synthetic commune), each rendered to .docx, then one error injected per copy
by editing the .docx as an official would in Word:

- rate: the on-time (or first stated) rate raised by one point ("97,97%" → "98,97%");
- total: the resolved-dossiers count raised by 3, its rate left as it was;
- citation: the one-stop decree's date moved a year ("ngày 9/6/2025" → "ngày 9/6/2024");
- outline: section III removed;
- period: the title's year made the year before;
- layout: one body paragraph set in Arial.

The clean copy of each base counts false alarms. A finding matches when its kind agrees and the expected
snippet occurs in its text or message (without diacritics). Recall per kind and per base; precision per
base = matched findings / counted findings (severity "info" not counted)."""

from __future__ import annotations

import copy
import datetime as dt
import io
import re
from pathlib import Path

from corpus.registry import Registry
from corpus.text import fold_lower
from drafting.render.docx import render_docx
from drafting.review.checks import review_document
from drafting.review.document import load_review_document

CASES = Path(__file__).parent / "cases"
BASES = [*sorted((CASES / "substance").glob("*.yaml")), CASES / "drafting" / "xa-synthetic-nam-2025.yaml"]


def _render(path: Path):
    from drafting.chain.drafter import Drafter
    from drafting.inputs.files import load_figures_file

    data = load_figures_file(path)
    draft = Drafter(None, Registry.load(), None).draft(data.meta, data.figures, facts=data.facts, targets=data.targets)
    return draft, render_docx(draft)


def _edit(data: bytes, fn) -> tuple[bytes, tuple[str, str]] | None:
    """The document edited by fn, with what the reviewer should find; None when fn found nothing to edit."""
    import docx

    doc = docx.Document(io.BytesIO(data))
    expected = fn(doc)
    if not expected:
        return None
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue(), expected


def _replace(p, old: str, new: str) -> bool:
    """Replace text inside one paragraph's runs (the edit an official makes by typing over)."""
    full = p.text
    if old not in full:
        return False
    runs = p.runs
    runs[0].text = full.replace(old, new, 1)
    for r in runs[1:]:
        r.text = ""
    return True


def _bump_rate(doc) -> tuple[str, str] | bool:
    for p in doc.paragraphs:
        m = re.search(r"đạt (\d{1,2}),(\d{2})%", p.text)
        if m and "chỉ tiêu" not in p.text:
            new = f"{int(m.group(1)) + 1},{m.group(2)}"
            _replace(p, f"đạt {m.group(1)},{m.group(2)}%", f"đạt {new}%")
            return "arithmetic", new
    return False


def _bump_total(doc) -> tuple[str, str] | bool:
    for p in doc.paragraphs:
        m = re.match(r"Đã giải quyết ([\d.]+) hồ sơ", p.text)
        if m:
            n = int(m.group(1).replace(".", "")) + 3
            shown = f"{n:,}".replace(",", ".")
            _replace(p, m.group(0), f"Đã giải quyết {shown} hồ sơ")
            return "arithmetic", shown
    return False


def _citation_date(doc) -> tuple[str, str] | bool:
    for p in doc.paragraphs:
        m = re.search(r"(Nghị định số (\d+/\d{4})/NĐ-CP ngày \d{1,2}/\d{1,2}/)(\d{4})", p.text)
        if m:
            _replace(p, m.group(0), f"{m.group(1)}{int(m.group(3)) - 1}")
            return "citation", m.group(2)
    return False


def _title_year(doc) -> tuple[str, str] | bool:
    for p in doc.paragraphs:
        m = re.search(r"(Kết quả thực hiện công tác cải cách hành chính .*?năm )(\d{4})", p.text)
        if m:
            _replace(p, m.group(0), f"{m.group(1)}{int(m.group(2)) - 1}")
            return "period", str(int(m.group(2)) - 1)
    return False


def _arial(doc) -> tuple[str, str] | bool:
    p = next((p for p in doc.paragraphs if p.text.startswith("Việc thực hiện cơ chế một cửa")), None)
    if p is None:
        return False
    for r in p.runs:
        r.font.name = "Arial"
    return "layout", "Arial"


EDITS = {"rate": _bump_rate, "total": _bump_total, "citation": _citation_date, "period": _title_year,
         "layout": _arial}


def _matches(finding, kind: str, snippet: str) -> bool:
    if finding.kind != kind:
        return False
    s = fold_lower(snippet)
    return s in fold_lower(finding.text) or s in fold_lower(finding.message)


def run_unseen() -> dict:
    registry = Registry.load()
    per_kind: dict[str, list[int]] = {}
    per_base: dict[str, dict] = {}
    misses, alarms = [], []
    for base in BASES:
        draft, clean = _render(base)
        as_of: dt.date = draft.meta.date
        docs: list[tuple[str, bytes, tuple[str, str] | None]] = [("sạch", clean, None)]
        for name, fn in EDITS.items():
            edited = _edit(clean, fn)
            if edited is not None:
                docs.append((name, *edited))
        cut = copy.deepcopy(draft)
        cut.sections = [s for s in cut.sections if s.key != "III"]
        docs.append(("outline", render_docx(cut), ("outline", "Đánh giá chung")))
        stats = per_base.setdefault(base.stem, {"expected": 0, "found": 0, "counted": 0, "matched": 0})
        for name, data, exp in docs:
            found = [f for f in review_document(load_review_document(data, f"{base.stem}-{name}.docx"), registry, as_of)
                     if f.severity != "info"]
            used = [f for f in found if exp and _matches(f, *exp)]
            stats["counted"] += len(found)
            stats["matched"] += len(used)
            alarms += [f"{base.stem}/{name}: {f.kind} “{f.text[:50]}” {f.message[:100]}" for f in found if f not in used]
            if exp:
                kind = name if name in ("rate", "total") else exp[0]
                per_kind.setdefault(kind, [0, 0])
                per_kind[kind][1] += 1
                stats["expected"] += 1
                if used:
                    per_kind[kind][0] += 1
                    stats["found"] += 1
                else:
                    misses.append(f"{base.stem}/{name}: {exp[0]} “{exp[1]}”")
    total_counted = sum(s["counted"] for s in per_base.values())
    return {
        "recall_by_kind": {k: round(v[0] / v[1], 3) for k, v in sorted(per_kind.items())},
        "counts_by_kind": {k: f"{v[0]}/{v[1]}" for k, v in sorted(per_kind.items())},
        "by_base": {b: {"recall": round(s["found"] / s["expected"], 3) if s["expected"] else None,
                        "precision": round(s["matched"] / s["counted"], 3) if s["counted"] else None,
                        "expected": s["expected"], "findings": s["counted"]} for b, s in per_base.items()},
        "recall": round(sum(v[0] for v in per_kind.values()) / max(1, sum(v[1] for v in per_kind.values())), 3),
        "precision": round(sum(s["matched"] for s in per_base.values()) / total_counted, 3) if total_counted else None,
        "misses": misses, "false_alarms": alarms,
    }


def print_unseen(res: dict) -> None:
    print("\nRà soát trên dự thảo của đơn vị chưa gặp (mỗi bản cài một lỗi như khi sửa trong Word):")
    for k, r in res["recall_by_kind"].items():
        print(f"  {k:10} {r:.3f}  ({res['counts_by_kind'][k]})")
    for b, s in res["by_base"].items():
        print(f"  {b:28} recall {s['recall']}  precision {s['precision']} ({s['findings']} phát hiện)")
    print(f"  chung: recall {res['recall']}, precision {res['precision']}")
    for m in res["misses"]:
        print(f"  bỏ sót: {m}")
    for a in res["false_alarms"][:15]:
        print(f"  báo nhầm: {a}")
