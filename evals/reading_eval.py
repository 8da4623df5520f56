"""Reading eval: does the one reader of figures in text take the right number into the right field?

Sources: chat messages in varied phrasing (cases/reading/messages.yaml, every figure in gold) and whole
past reports (cases/reading/reports.yaml: a seed and the figures its drafting or substance case took from
it, minus those the text does not state as a number, with the keys the text states them under). Per source: exact (gold figure read with its value),
misread (read into a field with another value, or into a field the gold does not have — for messages
only, whose gold is complete), missed (not read), and asked (the reader offered two readings).

python -m evals.run reading [--json]"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import yaml

from drafting.chain.reading_assist import propose_fields
from drafting.inputs.chat_reader import read_message
from drafting.inputs.report_text import read_report
from drafting.inputs.text_reading import TextReading
from drafting.service.reading import read_header

CASES = Path(__file__).parent / "cases" / "reading"
REPORTS_DIR = Path(__file__).resolve().parent.parent / "corpus" / "reports"


def _flat(figures: dict) -> dict[str, Decimal]:
    out = {}
    for area, values in figures.items():
        if isinstance(values, dict):
            out.update({f"{area}.{k}": Decimal(str(v)) for k, v in values.items()})
        else:
            out[area] = Decimal(str(values))
    return out


def score(gold: dict[str, Decimal], reading: TextReading, complete: bool) -> dict:
    read: dict[str, list[Decimal]] = {}
    for f in reading.figures:
        read.setdefault(f.key, []).append(f.value)
    first = reading.values()
    exact = [k for k, v in gold.items() if first.get(k) == v]
    wrong = [k for k, v in gold.items() if k in first and first[k] != v]
    extra = [k for k in read if k not in gold] if complete else []
    missed = [k for k in gold if k not in first]
    asked = [a.quote for a in reading.ambiguous]
    return {"gold": len(gold), "exact": len(exact), "misread": len(wrong) + len(extra), "missed": len(missed),
            "asked": len(asked), "misread_keys": wrong + extra, "missed_keys": missed,
            "read": {k: str(v) for k, v in first.items()}}


def load_messages(path: Path | None = None) -> list[dict]:
    return yaml.safe_load((path or CASES / "messages.yaml").read_text(encoding="utf-8"))


def run_messages(cases: list[dict], assist=None) -> dict:
    """assist: a chat model that proposes fields for the numbers the rules left unread (reading_assist.py)."""
    rows = []
    for case in cases:
        gold = {k: Decimal(str(v)) for k, v in (case.get("gold") or {}).items()}
        reading = _as_reading(read_message(case["text"]))
        proposed = propose_fields(assist, case["text"], reading) if assist is not None else []
        reading.figures += proposed
        s = score(gold, reading, complete=True)
        s["proposed"] = [f"{f.quote} → {f.key}" for f in proposed]
        rows.append({"text": case["text"], **s})
    return _total("Tin nhắn", rows)


def _as_reading(chat) -> TextReading:
    return TextReading(figures=chat.figures, ambiguous=chat.ambiguous, unread=chat.unread)


def run_reports(path: Path | None = None) -> list[dict]:
    out = []
    for case in yaml.safe_load((path or CASES / "reports.yaml").read_text(encoding="utf-8")):
        if "gold" in case:  # a report written for the eval (not a past report: it stays out of corpus/)
            text = (CASES.parent / case["report"]).read_text(encoding="utf-8")
            gold = {k: Decimal(str(v)) for k, v in case["gold"].items()}
            s = score(gold, read_report(text, own_level=read_header(text).level), complete=True)
            out.append(_total(f"{Path(case['report']).name} ({case['quality']})", [{"text": case["report"], **s}]))
            continue
        text = (REPORTS_DIR / case["report"]).read_text(encoding="utf-8")
        figures = yaml.safe_load((CASES.parent / case["case"]).read_text(encoding="utf-8"))["figures"]
        gold = {k: v for k, v in _flat(figures).items() if k not in set(case.get("not_stated") or [])}
        gold = {case.get("read_as", {}).get(k, k): v for k, v in gold.items()}
        gold.update({k: Decimal(str(v)) for k, v in (case.get("extra") or {}).items()})
        s = score(gold, read_report(text, own_level=read_header(text).level), complete=False)
        out.append(_total(f"{case['report']} ({case['quality']})", [{"text": case["report"], **s}]))
    return out


def _total(source: str, rows: list[dict]) -> dict:
    keys = ("gold", "exact", "misread", "missed", "asked")
    total = {k: sum(r[k] for r in rows) for k in keys}
    total["exact_share"] = round(total["exact"] / total["gold"], 3) if total["gold"] else 1.0
    return {"source": source, **total, "rows": rows}


HELDOUT = [("heldout.yaml", "Tin nhắn để riêng 1 (đã chỉnh theo một phần)"),
           ("heldout2.yaml", "Tin nhắn để riêng 2 (đã chỉnh theo)"),
           ("heldout3.yaml", "Tin nhắn để riêng 3 (đã chỉnh theo)"),
           ("heldout4.yaml", "Tin nhắn để riêng 4 (đã chỉnh theo)"),
           ("heldout5.yaml", "Tin nhắn để riêng 5 (đã chỉnh theo)"),
           ("heldout6.yaml", "Tin nhắn để riêng 6 (đã chỉnh theo)"),
           ("heldout7.yaml", "Tin nhắn để riêng 7 (đã chỉnh theo)"),
           ("heldout8.yaml", "Tin nhắn để riêng 8 (đã chỉnh theo)"),
           ("heldout9.yaml", "Tin nhắn để riêng 9 (đã chỉnh theo)"),
           ("heldout10.yaml", "Tin nhắn để riêng 10 (đã chỉnh theo)"),
           ("heldout11.yaml", "Tin nhắn để riêng 11 (đã chỉnh theo)"),
           ("heldout12.yaml", "Tin nhắn để riêng 12 (đã chỉnh theo)"),
           ("heldout13.yaml", "Tin nhắn để riêng 13 (đã chỉnh theo)"),
           ("heldout14.yaml", "Tin nhắn để riêng 14 (đã chỉnh theo)"),
           ("heldout15.yaml", "Tin nhắn để riêng 15 (đã chỉnh theo)"),
           ("heldout16.yaml", "Tin nhắn để riêng 16 (đã chỉnh theo)"),
           ("heldout17.yaml", "Tin nhắn để riêng 17 (đã chỉnh theo)"),
           ("heldout18.yaml", "Tin nhắn để riêng 18 (đã chỉnh theo)"),
           ("heldout19.yaml", "Tin nhắn để riêng 19 (đã chỉnh theo)"),
           ("heldout20.yaml", "Tin nhắn để riêng 20 (đã chỉnh theo)"),
           ("heldout21.yaml", "Tin nhắn để riêng 21 (đã chỉnh theo)"),
           ("heldout22.yaml", "Tin nhắn để riêng 22 (đã chỉnh theo)"),
           ("heldout23.yaml", "Tin nhắn để riêng 23 (đã chỉnh theo)"),
           ("heldout24.yaml", "Tin nhắn để riêng 24 (đã chỉnh theo)"),
           ("heldout25.yaml", "Tin nhắn để riêng 25 (đã chỉnh theo)"),
           ("heldout26.yaml", "Tin nhắn để riêng 26 (đã chỉnh theo)"),
           ("heldout27.yaml", "Tin nhắn để riêng 27 (đã chỉnh theo)"),
           ("heldout28.yaml", "Tin nhắn để riêng 28 (đã chỉnh theo)"),
           ("heldout29.yaml", "Tin nhắn để riêng 29 (đã chỉnh theo)"),
           ("heldout30.yaml", "Tin nhắn để riêng 30 (đã chỉnh theo)"),
           ("heldout31.yaml", "Tin nhắn để riêng 31 (đã chỉnh theo)"),
           ("heldout32.yaml", "Tin nhắn để riêng 32 (đã chỉnh theo)"),
           ("heldout33.yaml", "Tin nhắn để riêng 33 (đã chỉnh theo)"),
           ("heldout34.yaml", "Tin nhắn để riêng 34 (đã chỉnh theo)"),
           ("heldout35.yaml", "Tin nhắn để riêng 35 (đã chỉnh theo)"),
           ("heldout36.yaml", "Tin nhắn để riêng 36 (đã chỉnh theo)"),
           ("heldout37.yaml", "Tin nhắn để riêng 37 (đã chỉnh theo)"),
           ("heldout38.yaml", "Tin nhắn để riêng 38 (đã chỉnh theo)"),
           ("heldout39.yaml", "Tin nhắn để riêng 39 (đã chỉnh theo)"),
           ("heldout40.yaml", "Tin nhắn để riêng 40 (đã chỉnh theo)"),
           ("heldout41.yaml", "Tin nhắn để riêng 41 (đã chỉnh theo)"),
           ("heldout42.yaml", "Tin nhắn để riêng 42 (đã chỉnh theo)"),
           ("heldout43.yaml", "Tin nhắn để riêng 43 (đã chỉnh theo)"),
           ("heldout44.yaml", "Tin nhắn để riêng 44 (đã chỉnh theo)"),
           ("heldout45.yaml", "Tin nhắn để riêng 45 (đã chỉnh theo)"),
           ("heldout46.yaml", "Tin nhắn để riêng 46 (đã chỉnh theo)"),
           ("heldout47.yaml", "Tin nhắn để riêng 47 (đã chỉnh theo)"),
           ("heldout48.yaml", "Tin nhắn để riêng 48 (đã chỉnh theo)"),
           ("heldout49.yaml", "Tin nhắn để riêng 49 (đã chỉnh theo)"),
           ("heldout50.yaml", "Tin nhắn để riêng 50 (đã chỉnh theo)"),
           ("heldout51.yaml", "Tin nhắn để riêng 51 (đã chỉnh theo)"),
           ("heldout52.yaml", "Tin nhắn để riêng 52 (đã chỉnh theo)"),
           ("heldout53.yaml", "Tin nhắn để riêng 53 (đã chỉnh theo)"),
           ("heldout54.yaml", "Tin nhắn để riêng 54 (đã chỉnh theo)")]


def run_reading(assist=None) -> dict:
    """Every source by the rules; with `assist`, the message sets again with the model's proposals."""
    sets = [(None, "Tin nhắn")] + [(CASES / f, label) for f, label in HELDOUT]
    sources = []
    for path, label in sets:
        sources.append({**run_messages(load_messages(path)), "source": label})
    sources += run_reports()
    if assist is not None:
        for path, label in sets:
            sources.append({**run_messages(load_messages(path), assist), "source": f"{label} + mô hình đề xuất"})
    return {"sources": sources}


def print_reading(result: dict) -> None:
    print(f"{'Nguồn':44} {'chuẩn':>6} {'đúng':>6} {'sai ô':>6} {'bỏ sót':>7} {'hỏi lại':>7} {'tỷ lệ đúng':>10}")
    for s in result["sources"]:
        print(f"{s['source'][:44]:44} {s['gold']:>6} {s['exact']:>6} {s['misread']:>6} {s['missed']:>7} "
              f"{s['asked']:>7} {s['exact_share'] * 100:>9.1f}%")
    for s in result["sources"]:
        for r in s["rows"]:
            if r["misread_keys"] or r["missed_keys"] or r.get("proposed"):
                print(f"- {r['text'][:90]}\n    sai ô: {r['misread_keys']}  bỏ sót: {r['missed_keys']}"
                      + (f"  mô hình đề xuất: {r['proposed']}" if r.get("proposed") else ""))
