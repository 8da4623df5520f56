"""What the .docx and the HTML preview both print after the body: the recipients and the signature block, and
the appendix table's rows — computed once here so the two renderings cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from drafting.figures.figureset import format_value
from drafting.figures.schema import AREAS, FIELD_BY_KEY
from drafting.models import ReportDraft, ReportMeta

HEADING_II = "II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH"


def recipient_lines(meta: ReportMeta) -> list[str]:
    """"- X;" per recipient, the archive line printed once and last whatever the list carries."""
    recipients = [r.strip().rstrip(";.") for r in meta.recipients if r.strip() and not r.strip(" -").startswith("Lưu")]
    return [f"- {r.removeprefix('- ')};" for r in recipients] + [f"- {meta.archive.rstrip('.')}."]


def signature_lines(meta: ReportMeta) -> list[str]:
    """Capacity, title, then the signer — a visible blank until the signer is named."""
    return [*([meta.capacity.upper()] if meta.capacity else []), meta.signer_title.upper(), meta.signer or "……………………"]


def first_area(draft: ReportDraft) -> str | None:
    """The section under which heading II is printed (II itself has no text of its own)."""
    return next((x.key for x in draft.sections if x.key.startswith("II.")), None)


@dataclass
class AppendixTable:
    headers: list[str]
    rows: list[tuple[str, list[str]]]  # ("area", [title]) or ("figure", [STT, label, unit, value, …])
    derived: list[str]  # "label = formula" notes printed once under the table
    target_sources: list[str]


def appendix_table(draft: ReportDraft) -> AppendixTable:
    by_key = {f.key: f for f in draft.figures}
    # the previous period and the same period last year, each as a column when given (drafting-practice §4)
    past = [(label, values) for label, values in ((draft.previous_label.capitalize(), draft.previous),
                                                  ("Cùng kỳ năm trước", draft.same_period)) if values]
    targets = {t.key: t for t in draft.targets}
    headers = (["STT", "Chỉ tiêu", "Đơn vị tính", "Kỳ này"] + [label for label, _ in past]
               + (["Chỉ tiêu giao"] if targets else []))
    rows: list[tuple[str, list[str]]] = []
    for area in AREAS:
        keys = [k for k in by_key if k.split(".")[0] == area.key]
        if not keys:
            continue
        rows.append(("area", [area.title]))
        for i, key in enumerate(keys, start=1):
            f = by_key[key]
            spec = FIELD_BY_KEY.get(key)
            vals = [str(i), f.label + (" (*)" if f.source == "derived" else ""), f.unit, f.text]
            for _, values in past:
                prev = values.get(key)
                vals.append(format_value(Decimal(prev), f.unit, spec.kind if spec else "count") if prev is not None else "")
            if targets:
                vals.append(format_value(targets[key].value, f.unit) if key in targets else "")
            rows.append(("figure", vals))
    derived = [f"{f.label} = {f.formula}." for f in draft.figures if f.source == "derived"]
    return AppendixTable(headers, rows, derived, sorted({t.source for t in targets.values()}))
