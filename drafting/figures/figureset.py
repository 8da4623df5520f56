"""Parsing the official's figures with Vietnamese messages, the integrity rules applied to them, and the
figures derived from them in code (FigureSet)."""

from __future__ import annotations

import difflib
from decimal import Decimal
from typing import Literal

from pydantic import BaseModel

from drafting.figures.schema import (
    DERIVED,
    DERIVED_BY_KEY,
    FIELD_BY_KEY,
    LEVELS,
    OPTIONAL_PARTS,
    PART_RULES,
    PARTITIONS,
    SUM_RULES,
    FieldSpec,
    in_sentence,
)
from drafting.figures.vnformat import fmt_as_given, fmt_decimal, fmt_int, fmt_percent, parse_vn_number, rate

Number = int | Decimal


class FigureIssue(BaseModel):
    """A problem with the official's figures, with the field, the place it came from and a message."""

    field: str
    cell: str = ""
    severity: Literal["error", "warning"] = "error"
    message: str


class Figure(BaseModel):
    key: str
    label: str
    unit: str
    section: str
    value: Decimal
    text: str  # as printed in the report: "1.641", "96,84%", "07"
    source: Literal["input", "derived", "previous"]
    cell: str = ""
    formula: str = ""


def format_value(value: Number, unit: str, kind: str = "count", given: bool = False) -> str:
    if unit == "%" and given:  # the official's "98,6%" stays as typed (to two decimals), not "98,60%"
        return f"{fmt_as_given(value)}%"
    if unit == "%":
        return fmt_percent(value)
    if kind == "amount":
        return fmt_decimal(value)
    return fmt_int(int(value), pad=True)


def _label(key: str) -> str:
    spec = FIELD_BY_KEY.get(key) or DERIVED_BY_KEY.get(key)
    return in_sentence(spec.label) if spec else key


class FigureSet(BaseModel):
    """Validated input figures plus the figures code derives from them."""

    values: dict[str, Decimal] = {}
    cells: dict[str, str] = {}
    previous: dict[str, Decimal] = {}
    same_period: dict[str, Decimal] = {}  # the same period last year (drafting-practice §4: compare with both)
    derived: dict[str, Decimal] = {}
    formulas: dict[str, str] = {}  # how a derived count was made, when not as the sum of its parts
    nouns: dict[str, str] = {}  # what a count counts, as the official wrote it ("khu phố"), where the draft says it so
    approx: set[str] = set()  # counts the official gave as an estimate ("khoảng 900"): the draft says "khoảng" too
    issues: list[FigureIssue] = []

    @property
    def errors(self) -> list[FigureIssue]:
        return [i for i in self.issues if i.severity == "error"]

    def get(self, key: str) -> Decimal | None:
        return self.values.get(key, self.derived.get(key))

    def has(self, *keys: str) -> bool:
        return all(self.get(k) is not None for k in keys)

    def figure(self, key: str) -> Figure:
        if key in self.values:
            spec = FIELD_BY_KEY[key]
            return Figure(key=key, label=spec.label, unit=spec.unit, section=spec.section, value=self.values[key],
                          text=("khoảng " if key in self.approx else "") + format_value(self.values[key], spec.unit, spec.kind, True),
                          source="input",
                          cell=self.cells.get(key, ""))
        if key in self.derived:
            d = DERIVED_BY_KEY.get(key)
            if d is None:  # a total derived from its parts: described by its own field
                spec = FIELD_BY_KEY[key]
                return Figure(key=key, label=spec.label, unit=spec.unit, section=spec.section,
                              value=self.derived[key], text=format_value(self.derived[key], spec.unit, spec.kind),
                              source="derived", formula=self.formulas.get(key, "tổng các thành phần"))
            return Figure(key=key, label=d.label, unit=d.unit, section=d.section, value=self.derived[key],
                          text=format_value(self.derived[key], d.unit), source="derived", formula=d.formula)
        raise KeyError(key)

    def figures(self) -> list[Figure]:
        return [self.figure(k) for k in [*self.values, *self.derived]]

    def text(self, key: str) -> str:
        return self.figure(key).text


def where_text(cell: str) -> str:
    """' (ô 'II.2 Cải cách TTHC'!D17)' for a workbook cell, ' (mục figures.tthc.x)' for a YAML/JSON key."""
    if not cell:
        return ""
    return f" (ô {cell})" if "!" in cell else f" (mục {cell})"


MAX_FIGURE = Decimal(10) ** 13  # beyond any count, rate or budget (đồng) a commune to a province reports


def _parse_value(spec: FieldSpec, raw, cell: str) -> tuple[Decimal | None, FigureIssue | None]:
    where = where_text(cell)
    if raw is None or (isinstance(raw, str) and raw.strip() in ("", "-", "…", "...")):
        return None, None
    if isinstance(raw, bool):
        raw = int(raw)
    value = parse_vn_number(raw) if isinstance(raw, str) else (Decimal(str(raw)) if isinstance(raw, int | float | Decimal) else None)
    if value is None or not value.is_finite():
        return None, FigureIssue(field=spec.key, cell=cell, message=(
            f"«{spec.label}»{where}: giá trị “{raw}” không phải là một số. Hãy nhập số ({spec.unit})."))
    if abs(value) >= MAX_FIGURE:
        return None, FigureIssue(field=spec.key, cell=cell, message=(
            f"«{spec.label}»{where}: {raw} lớn bất thường; hãy kiểm tra lại số liệu."))
    if spec.kind in ("count", "flag"):
        if value != value.to_integral_value():
            return None, FigureIssue(field=spec.key, cell=cell, message=(
                f"«{spec.label}»{where}: {raw} không phải số nguyên; số {spec.unit} phải là số đếm nguyên."))
        value = Decimal(int(value))
    if value < 0:
        return None, FigureIssue(field=spec.key, cell=cell, message=(
            f"«{spec.label}»{where}: số âm ({raw}) không hợp lệ; số {spec.unit} không thể nhỏ hơn 0."))
    if spec.kind == "percent" and value > 100:
        return None, FigureIssue(field=spec.key, cell=cell, message=(
            f"«{spec.label}»{where}: tỷ lệ {raw}% vượt quá 100%."))
    if spec.kind == "flag" and value not in (0, 1):
        return None, FigureIssue(field=spec.key, cell=cell, message=(
            f"«{spec.label}»{where}: chỉ nhận 1 (có) hoặc 0 (không), không phải {raw}."))
    return value, None


def _suggest(key: str) -> str:
    close = difflib.get_close_matches(key, list(FIELD_BY_KEY), n=1, cutoff=0.6)
    return f" Có phải ý anh/chị là “{close[0]}” ({FIELD_BY_KEY[close[0]].label})?" if close else ""


def parse_values(raw: dict, cells: dict[str, str] | None = None, origin: str = "") -> tuple[dict[str, Decimal], list[FigureIssue]]:
    """Raw {"tthc.ho_so_tiep_nhan": 253} (or nested {"tthc": {"ho_so_tiep_nhan": 253}}) → typed values."""
    cells = cells or {}
    flat: dict[str, object] = {}
    issues: list[FigureIssue] = []
    for k, v in (raw or {}).items():
        if isinstance(v, dict):
            for kk, vv in v.items():
                flat[f"{k}.{kk}"] = vv
        else:
            flat[str(k)] = v
    values: dict[str, Decimal] = {}
    for key, v in flat.items():
        cell = cells.get(key, f"{origin}{key}" if origin else "")
        spec = FIELD_BY_KEY.get(key)
        if spec is None:
            issues.append(FigureIssue(field=key, cell=cell, message=(
                f"Chỉ tiêu “{key}” không có trong biểu số liệu.{_suggest(key)}")))
            continue
        value, issue = _parse_value(spec, v, cell)
        if issue:
            issues.append(issue)
        elif value is not None:
            values[key] = value
    return values, issues


def _fmt(v: Decimal) -> str:
    return fmt_decimal(v)


def check_across_periods(values: dict[str, Decimal], previous: dict[str, Decimal],
                         cells: dict[str, str]) -> list[FigureIssue]:
    """This period's carried-over dossiers are last period's unfinished ones (pending + suspended) — unless the report
    brought is an earlier period of the same year (quý I for the 6-month report): every period of a year runs from
    15/12 of the year before, so both carried over the same dossiers, and its pending ones are still inside this one."""
    carried = values.get("tthc.ho_so_ky_truoc")
    pending = [k for k in ("tthc.ho_so_dang_giai_quyet", "tthc.ho_so_tam_dung") if k in previous]
    if carried is None or "tthc.ho_so_dang_giai_quyet" not in previous or carried == previous.get("tthc.ho_so_ky_truoc"):
        return []
    left = sum(previous[k] for k in pending)
    if carried == left:
        return []
    listing = " + ".join(f"{_label(k)} {_fmt(previous[k])}" for k in pending)
    return [FigureIssue(field="tthc.ho_so_ky_truoc", cell=cells.get("tthc.ho_so_ky_truoc", ""), severity="warning",
                        message=(f"«{_label('tthc.ho_so_ky_truoc').capitalize()}» là {_fmt(carried)}"
                                 f"{where_text(cells.get('tthc.ho_so_ky_truoc', ''))} nhưng cuối kỳ trước còn "
                                 f"{_fmt(left)} hồ sơ ({listing} kỳ trước). Xin kiểm tra lại."))]


def check_integrity(given: dict[str, Decimal], cells: dict[str, str],
                    derived: dict[str, Decimal] | None = None) -> list[FigureIssue]:
    """The integrity rules; a wrong total is reported with the numbers involved, never corrected.
    Parts may be totals derived from their own parts (trước và đúng hạn = trước hạn + đúng hạn)."""
    issues: list[FigureIssue] = []
    values = {**(derived or {}), **given}

    def where(key: str) -> str:
        return where_text(cells.get(key, ""))

    for total, parts in SUM_RULES:
        if total not in given:
            continue
        present = [p for p in parts if p in values]
        if not present:
            continue
        s = sum(values[p] for p in present)
        listing = " + ".join(f"{_label(p)} {_fmt(values[p])}" for p in present)
        if s > values[total]:
            issues.append(FigureIssue(field=total, cell=cells.get(total, ""), message=(
                f"«{_label(total).capitalize()}» là {_fmt(values[total])}{where(total)} nhưng các thành phần cộng lại "
                f"{_fmt(s)} ({listing}), lớn hơn tổng. Xin kiểm tra lại số liệu.")))
        elif s < values[total]:
            missing = [p for p in parts if p not in values]
            sev = "warning" if missing else "error"
            unit = (FIELD_BY_KEY.get(total) or DERIVED_BY_KEY[total]).unit
            tail = (f" Còn {_fmt(values[total] - s)} {unit} chưa phân loại; nếu có, hãy nhập: "
                    + ", ".join(_label(p) for p in missing) + "." if missing else " Xin kiểm tra lại số liệu.")
            issues.append(FigureIssue(field=total, cell=cells.get(total, ""), severity=sev, message=(
                f"«{_label(total).capitalize()}» là {_fmt(values[total])}{where(total)} nhưng các thành phần cộng lại "
                f"{_fmt(s)} ({listing}).{tail}")))
    for part, whole, sev in PART_RULES:
        if part in values and whole in values and values[part] > values[whole]:
            issues.append(FigureIssue(field=part, cell=cells.get(part, ""), severity=sev, message=(
                f"«{_label(part).capitalize()}» ({_fmt(values[part])}{where(part)}) lớn hơn «{_label(whole)}» "
                f"({_fmt(values[whole])}{where(whole)}).")))
    return issues


def derive(values: dict[str, Decimal], formulas: dict[str, str] | None = None) -> dict[str, Decimal]:
    """Totals not given but fully determined by their parts (optional parts may be absent), the one part missing
    from a partition, then rates (two decimals, half-up). Rules are applied in order, so a derived total can feed the
    next rule. formulas, when given, receives how each part computed from a partition was made."""
    derived: dict[str, Decimal] = {}
    formulas = {} if formulas is None else formulas

    def get(k):
        return values.get(k, derived.get(k))

    # "đã giải quyết 146 hồ sơ, trong đó trước hạn 146 hồ sơ": every one resolved early, so all on time and none late
    resolved, early = get("tthc.ho_so_da_giai_quyet"), get("tthc.ho_so_truoc_han")
    if resolved is not None and early == resolved and get("tthc.ho_so_dung_han_tong") is None:
        derived["tthc.ho_so_dung_han_tong"] = resolved
        formulas["tthc.ho_so_dung_han_tong"] = f"{_label('tthc.ho_so_truoc_han')} (bằng {_label('tthc.ho_so_da_giai_quyet')})"
    for total, parts in SUM_RULES:
        if get(total) is not None:
            continue
        required = [p for p in parts if p not in OPTIONAL_PARTS]
        present = [get(p) for p in parts if get(p) is not None]
        if all(get(p) is not None for p in required) and len(present) >= 2:
            derived[total] = sum(present)
    for whole, pair in PARTITIONS:
        missing = [p for p in pair if get(p) is None]
        if get(whole) is not None and len(missing) == 1:
            rest = get(whole) - sum(get(p) for p in pair if p not in missing)
            if rest >= 0:  # a negative rest is a wrong figure, which the integrity check reports
                derived[missing[0]] = rest
                formulas[missing[0]] = " − ".join(_label(k) for k in (whole, *(p for p in pair if p not in missing)))
    for d in DERIVED:
        num, den = (get(k) for k in d.inputs)
        if num is not None and den:
            derived[d.key] = rate(num, den)
    return derived


PREVIOUS_LABELS = ("kỳ trước", "cùng kỳ năm trước")


def build_figure_set(raw: dict | None, previous: dict | None = None, cells: dict[str, str] | None = None,
                     origin: str = "", previous_label: str = "kỳ trước", same_period: dict | None = None,
                     nouns: dict[str, str] | None = None, approx: set[str] | None = None) -> FigureSet:
    cells = dict(cells or {})
    values, issues = parse_values(raw or {}, cells, origin)
    for k in values:
        cells.setdefault(k, f"{origin}{k}" if origin else "")
    # an older file's one comparison column, labelled "cùng kỳ năm trước", is the same period's
    if previous_label == "cùng kỳ năm trước" and not same_period:
        previous, same_period, previous_label = {}, previous, "kỳ trước"
    prev_values, prev_issues = parse_values(previous or {}, None, "ky_truoc.")
    issues += [i.model_copy(update={"message": "Kỳ trước: " + i.message}) for i in prev_issues]
    same_values, same_issues = parse_values(same_period or {}, None, "cung_ky.")
    issues += [i.model_copy(update={"message": "Cùng kỳ năm trước: " + i.message}) for i in same_issues]
    formulas: dict[str, str] = {}
    derived = derive(values, formulas)
    issues += check_integrity(values, cells, derived)
    issues += check_across_periods(values, prev_values, cells)
    if previous_label not in PREVIOUS_LABELS:
        issues.append(FigureIssue(field="previous_label", cell="previous_label", message=(
            f"“{previous_label}”: kỳ so sánh chỉ nhận {' hoặc '.join(PREVIOUS_LABELS)}.")))
    return FigureSet(values=values, cells=cells, previous=prev_values, derived=derived, formulas=formulas, issues=issues,
                     same_period=same_values, nouns={k: n for k, n in (nouns or {}).items() if k in values},
                     approx={k for k in approx or () if k in values})


class Change(BaseModel):
    key: str
    current: Decimal
    previous: Decimal
    delta: Decimal
    percent: Decimal | None
    label: str = "kỳ trước"

    def phrase(self, unit: str, bracketed: bool = False) -> str:
        """"tăng 115 hồ sơ (17,56%) so với cùng kỳ năm trước"; said inside brackets, no brackets in brackets: "tăng 115
        hồ sơ, tương ứng tăng 17,56% so với cùng kỳ năm trước"."""
        if self.delta == 0:
            return f"bằng {self.label}"
        word = "tăng" if self.delta > 0 else "giảm"
        pct = ""
        if self.percent is not None:
            shown = fmt_percent(abs(self.percent))
            pct = f", tương ứng {word} {shown}" if bracketed else f" ({shown})"
        return f"{word} {fmt_int(int(abs(self.delta)), pad=True)} {unit}{pct} so với {self.label}"


def changes(fs: FigureSet, against: str = "previous", period: str | None = None, year: int | None = None) -> dict[str, Change]:
    """Changes against the previous period (or, `against="same_period"`, the same period last year), for counts
    given in both. period: this report's; against the previous period of a quý I, 6- or 9-month report only levels
    (LEVELS) compare — its counts of what happened cover a period of another length (a year report's previous
    period is the year before, and both are named as officials name it: "so với năm 2025", with `year`)."""
    out = {}
    base, label = (fs.same_period, "cùng kỳ năm trước") if against == "same_period" else (fs.previous, "kỳ trước")
    if period == "năm" and year:
        label = f"năm {year - 1}"
    for key, prev in base.items():
        cur = fs.values.get(key)
        spec = FIELD_BY_KEY[key]
        if cur is None or spec.kind != "count":
            continue
        if against == "previous" and period not in (None, "năm") and key not in LEVELS:
            continue
        delta = cur - prev
        out[key] = Change(key=key, current=cur, previous=prev, delta=delta,
                          percent=rate(abs(delta), prev) if prev else None, label=label)
    return out
