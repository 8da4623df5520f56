"""The chat's tables, both ways: what it understood (figures of this period and, on their own rows, the same period's
and last period's figures it was told for comparison; the unit's meta; its facts) shown in Vietnamese, and the rows the
official corrected read back. Rows carry labels, never keys; a label it cannot place is reported, never guessed."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from drafting.figures.facts import FACT_KINDS, Fact, Target, parse_facts
from drafting.figures.figureset import parse_values
from drafting.figures.schema import FIELD_BY_KEY, key_for_label
from drafting.figures.vnformat import fmt_as_given, parse_vn_number
from drafting.inputs.workbook import META_LABELS
from drafting.service.state import META_FIELDS, HeldFigure, UserState

# a comparison figure sits on its own row, its label followed by the period it belongs to
OTHER_PERIODS = {"same_period": "cùng kỳ năm trước", "previous": "kỳ trước"}
_OTHER_ROW = re.compile(r"^(.*?)\s*\((cùng kỳ năm trước|kỳ trước)\)\s*$", re.IGNORECASE)
# a target set by an upper level: its own row, its source in the words column ("Kế hoạch số 25/KH-UBND …")
_TARGET_ROW = re.compile(r"^(.*?)\s*\(chỉ tiêu giao\)\s*$", re.IGNORECASE)
KIND_LABELS = dict(FACT_KINDS)


def _held(state: UserState, which: str) -> dict[str, HeldFigure]:
    return state.chat_same_period if which == "same_period" else state.chat_previous


def understood_rows(state: UserState) -> list[list]:
    rows = [[FIELD_BY_KEY[k].label, fmt_as_given(h.value), h.shown()] for k, h in state.chat_values.items()]
    for which, said in OTHER_PERIODS.items():
        rows += [[f"{FIELD_BY_KEY[k].label} ({said})", fmt_as_given(h.value), h.shown()]
                 for k, h in _held(state, which).items()]
    return rows + [[f"{t.label} (chỉ tiêu giao)", fmt_as_given(t.value), t.source] for t in state.chat_targets]


def meta_rows(state: UserState) -> list[list]:
    rows = []
    for f in META_FIELDS:
        v = state.chat_meta.get(f, "")
        if isinstance(v, dt.date):
            v = v.strftime("%d/%m/%Y")
        if isinstance(v, list):
            v = "; ".join(v)
        rows.append([META_LABELS.get(f, f), "" if v is None else str(v)])
    return rows


def meta_from_rows(rows: list[list]) -> dict:
    by_label = {META_LABELS.get(f, f): f for f in META_FIELDS}
    meta = {by_label[r[0]]: str(r[1]).strip() for r in rows or []
            if len(r) >= 2 and str(r[1] or "").strip() and r[0] in by_label}
    for list_field in ("recipients", "basis"):
        if list_field in meta:
            meta[list_field] = [x.strip() for x in re.split(r"[;\n]", meta[list_field]) if x.strip()]
    return meta


def fact_rows(facts: list[Fact]) -> list[list]:
    """What the chat understood as the unit's own facts, in Vietnamese, for the official to correct."""
    return [[f.section, KIND_LABELS[f.kind], f.text, f.cause] for f in facts]


def facts_from_rows(rows: list[list]) -> tuple[list[Fact], list[str]]:
    """The corrected table back to facts; a row that no longer reads is reported, not dropped silently."""
    by_label = {v: k for k, v in KIND_LABELS.items()}
    items = [{"section": r[0], "kind": by_label.get(str(r[1]).strip(), r[1]), "text": r[2],
              **({"cause": r[3]} if len(r) > 3 and str(r[3] or "").strip() else {})}
             for r in rows or [] if len(r) >= 3 and str(r[2] or "").strip()]
    facts, issues = parse_facts(items, origin="bảng sự việc")
    return facts, [i.message for i in issues]


def figures_from_rows(state: UserState, rows: list[list]) -> tuple[list[str], list[str]]:
    """Puts the corrected figure rows into the state — this period's and the comparison rows alike; a value that is
    not a number keeps its earlier value. Returns (messages for the cells that did not read, labels not placed)."""
    typed: dict[str, dict[str, str]] = {"this": {}, "same_period": {}, "previous": {}}
    cells: dict[str, dict[str, str]] = {w: {} for w in typed}
    unknown = []
    targets: list[Target] = []
    messages = []
    for row in rows or []:
        if not (len(row) >= 2 and str(row[0] or "").strip() and str(row[1] or "").strip()):
            continue
        label, which = str(row[0]).strip(), "this"
        if aim := _TARGET_ROW.match(label):  # a row deleted is a target dropped; its source stays required
            key, value = key_for_label(aim.group(1)), parse_vn_number(str(row[1]).strip().rstrip("% "))
            source = str(row[2] if len(row) > 2 else "").strip()
            if key is None or value is None or not source:
                messages.append(f"Dòng «{label}»: cần tên chỉ tiêu, giá trị là số và văn bản giao (cột lời gốc); "
                                "dòng này chưa được dùng.")
                continue
            held = next((t for t in state.chat_targets if t.key == key), None)
            targets.append(Target(key=key, value=Decimal(value), source=source,
                                  origin=held.origin if held and held.source == source else "bảng «Số liệu tôi đã hiểu»"))
            continue
        other = None if key_for_label(label) else _OTHER_ROW.match(label)
        if other:
            label = other.group(1)
            which = next(w for w, said in OTHER_PERIODS.items() if said == other.group(2).lower())
        key = key_for_label(label)
        if key is None or key not in FIELD_BY_KEY:
            unknown.append(str(row[0]).strip())
            continue
        typed[which][key] = str(row[1]).strip()
        cells[which][key] = f"bảng «Số liệu tôi đã hiểu», dòng «{str(row[0]).strip()}»"
    state.chat_targets = targets
    for which in typed:
        before = state.chat_values if which == "this" else _held(state, which)
        parsed, bad = parse_values(typed[which], cells[which])
        kept = {k: before[k] if k in before and before[k].value == v else HeldFigure(value=v) for k, v in parsed.items()}
        kept.update({i.field: before[i.field] for i in bad if i.field in before})
        before.clear()
        before.update(kept)
        messages += [i.message for i in bad]
    return messages, unknown
