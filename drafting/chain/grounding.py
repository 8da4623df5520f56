"""Figure slots and number grounding.

Prose (from the LLM or the deterministic writer) carries figures as slots, "{tthc.ho_so_dung_han}",
that code fills from the FigureSet. Then every number left in the text must be an input figure, a
derived figure, a date or year of the report's period, or the number or date of a cited document
known to the registry. Anything else is replaced by "[…]" and reported: never kept silently."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from corpus.docnumbers import find_refs
from corpus.registry import Registry
from corpus.text import fold, fold_lower, unaccented_sentences
from drafting.figures.facts import Fact, Target
from drafting.figures.figureset import FigureSet, changes
from drafting.figures.schema import DERIVED_BY_KEY, FIELD_BY_KEY
from drafting.figures.vnformat import NUMBER_RE, parse_vn_number
from drafting.inputs.figure_text import APPROX_BEFORE
from drafting.law.citations import is_central
from drafting.models import DraftFinding, ReportMeta

SLOT_RE = re.compile(r"\{([a-z_]+\.[a-z0-9_]+)\}")


def slot(key: str) -> str:
    """The slot a writer puts where a figure goes: "{tthc.ho_so_dung_han}"."""
    return "{" + key + "}"
MARK = "[…]"
_DATE_RE = re.compile(r"(?<!\d)(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*((?:19|20)\d\d)(?!\d)")
_LONG_DATE_RE = re.compile(r"ngay\s+(\d{1,2})\s+thang\s+(\d{1,2})\s+nam\s+((?:19|20)\d\d)", re.IGNORECASE)
_PERIOD_RE = re.compile(r"(?<!\d)(6|9)\s+thang|quy\s+(?:I|II|III|IV)\b|giai doan\s+\d{4}\s*[-–]\s*\d{4}", re.IGNORECASE)
_OUTLINE_RE = re.compile(r"^\s*(?:[IVX]+|\d{1,2}(?:\.\d{1,2})*)[.)]\s")
_STANDARD_RE = re.compile(r"ISO\s*9001\s*:\s*20(?:08|15)|TCVN\s*\d{3,5}\s*:\s*\d{4}|Đề án\s+06|De an\s+06", re.IGNORECASE)


def fill_slots(text: str, fs: FigureSet, section: str = "") -> tuple[str, list[str], list[DraftFinding]]:
    """Replace {key} slots with the figure's Vietnamese text; unknown or empty slots become "[…]"."""
    used: list[str] = []
    findings: list[DraftFinding] = []

    def sub(m: re.Match) -> str:
        key = m.group(1)
        if fs.get(key) is None:
            known = key in FIELD_BY_KEY or key in DERIVED_BY_KEY
            findings.append(DraftFinding(kind="missing" if known else "ungrounded_number", section=section, text=m.group(0),
                                         message=(f"Chỗ trống {m.group(0)}: chưa có số liệu «{(FIELD_BY_KEY.get(key) or DERIVED_BY_KEY[key]).label}»."
                                                  if known else f"Chỗ trống {m.group(0)} không phải chỉ tiêu nào trong biểu số liệu.")))
            return MARK
        used.append(key)
        said = fs.text(key)
        # "cho hơn {cong_vu.boi_duong} cán bộ": the official's own word already says it is an estimate
        if said.startswith("khoảng ") and APPROX_BEFORE.search(fold_lower(text[:m.start()])):
            return said[len("khoảng "):]
        return said

    return in_billions(SLOT_RE.sub(sub, text)), used, findings


# "1.250.000 triệu đồng" is written as a province writes it: "1.250 tỷ đồng", and "4.125.600 triệu đồng" as "4.125,6
# tỷ đồng" (thousands of billions, to at most two decimals)
_MILLIONS = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+)\.(\d\d0) triệu đồng")


def in_billions(text: str) -> str:
    def sub(m: re.Match) -> str:
        decimals = m.group(2).rstrip("0")
        return f"{m.group(1)},{decimals} tỷ đồng" if decimals else f"{m.group(1)} tỷ đồng"
    return _MILLIONS.sub(sub, text)


class GroundingContext:
    """What numbers a draft may contain, computed once per report."""

    def __init__(self, fs: FigureSet, meta: ReportMeta, registry: Registry, extra_refs: list[str] | None = None,
                 facts: list[Fact] | None = None, targets: list[Target] | None = None):
        self.registry = registry
        self.meta = meta
        values: set[Decimal] = (set(fs.values.values()) | set(fs.derived.values()) | set(fs.previous.values())
                                | set(fs.same_period.values()))
        # the comparison phrases the writer computes ("tăng 322 hồ sơ (6,47%) so với …") are text, not slots
        self.change_values = {v for ch in [*changes(fs).values(), *changes(fs, "same_period").values()]
                              for v in (abs(ch.delta), ch.percent) if v is not None}
        values |= self.change_values
        w = meta.window
        self.dates = {meta.date, w.start, w.end}
        self.years = {meta.year, meta.year - 1, meta.year + 1, meta.date.year}
        refs = list(extra_refs or [])
        # the official's own words may carry numbers, dates and document numbers: they are supplied, not invented
        facts = list(facts or [])
        supplied = ([t for f in facts for t in (f.text, f.cause, f.number)] + [t.source for t in (targets or [])]
                    + list(fs.nouns.values()))  # "10 cơ quan, đơn vị (6 phòng công chứng và 4 tổ chức …)"
        for text in supplied:
            values |= {v for m in NUMBER_RE.finditer(text) if (v := parse_vn_number(m.group(0))) is not None}
            self.dates |= {d for d in _dates_in(text)}
            # "Ngày 8/1 phường tổ chức …": the writer says the window's year (substance.with_year)
            self.dates |= {d for m in _DAY_MONTH.finditer(text or "") if (d := day_in_window(int(m.group(1)), int(m.group(2)), w))}
            refs += [text[r.start:r.end] for r in find_refs(text)]
        self.dates |= {f.date for f in facts if f.date}
        # the words the official gave, folded: names of people and places in a model's text must come from here
        self.supplied_text = fold_lower(" ".join([*(str(v) for v in meta.model_dump().values() if v),
                                                  *(t for t in supplied if t)]))
        values |= {t.value for t in (targets or [])}
        for kind in ("document", "event"):  # lists are counted in code
            for section in {f.section for f in facts}:
                values.add(Decimal(sum(1 for f in facts if f.kind == kind and f.section == section)))
        # an amount said in tỷ đồng (in_billions): its number is the figure's, in thousands
        values |= {v / 1000 for k, v in fs.values.items() if k in FIELD_BY_KEY and FIELD_BY_KEY[k].unit == "triệu đồng"
                   and v >= 1_000_000 and v % 10 == 0}
        self.values = {v.normalize() for v in values}
        self.own_refs = {fold(r).upper().replace(" ", "") for r in refs}

    def without_figures(self) -> GroundingContext:
        """The context for model-written text before its slots are filled: a model must write every
        figure as a slot, so a bare number there is ungrounded even if it equals some figure (it may be
        the right number in the wrong place)."""
        import copy

        other = copy.copy(self)
        other.values = set(self.change_values)  # copied from the writer's comparison phrase, not placed by the model
        return other

    def number_ok(self, value: Decimal) -> bool:
        return value.normalize() in self.values

    def date_ok(self, day: dt.date, ref_doc=None) -> bool:
        if day in self.dates:
            return True
        return bool(ref_doc is not None and ref_doc.signed == day)


def _ref_ok(ctx: GroundingContext, ref, text: str):
    doc = ctx.registry.resolve(ref)
    if doc is not None:
        return doc
    raw = fold(text[ref.start:ref.end]).upper().replace(" ", "")
    return "own" if any(raw in o or o in raw for o in ctx.own_refs) else None


def ground(text: str, ctx: GroundingContext, section: str = "") -> tuple[str, list[DraftFinding]]:
    """Check every number in `text`; replace the ungrounded ones with "[…]" and report each."""
    findings: list[DraftFinding] = []
    protected: list[tuple[int, int]] = []
    folded = fold_lower(text)
    m0 = _OUTLINE_RE.match(text)
    if m0:
        protected.append((m0.start(), m0.end()))
    for m in _STANDARD_RE.finditer(text):
        protected.append((m.start(), m.end()))
    for m in _PERIOD_RE.finditer(folded):
        years_ok = all(int(y) in ctx.years or 2021 <= int(y) <= 2030 for y in re.findall(r"\d{4}", m.group(0)))
        if years_ok:
            protected.append((m.start(), m.end()))
    refs = find_refs(text)
    last_doc = None
    bad: list[tuple[int, int, str]] = []
    for ref in refs:
        doc = _ref_ok(ctx, ref, text)
        if doc is None:
            bad.append((ref.start, ref.end, "citation"))
        else:
            protected.append((ref.start, ref.end))
        if doc == "own" and ref.year and is_central(ref.symbol):
            # the official's own words keep it, but a decree the registry lacks cannot be checked for force
            findings.append(DraftFinding(kind="citation", severity="info", section=section, text=text[ref.start:ref.end],
                                         message=f"“{text[ref.start:ref.end]}” do cán bộ nêu, chưa có trong sổ đăng ký "
                                                 "văn bản: chưa kiểm tra được số hiệu và hiệu lực."))
    for pattern in (_DATE_RE, _LONG_DATE_RE):
        for m in pattern.finditer(folded):
            try:
                day = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                bad.append((m.start(), m.end(), "date"))
                continue
            prior = [r for r in refs if r.end <= m.start() and m.start() - r.end < 40]
            last_doc = ctx.registry.resolve(prior[-1]) if prior else None
            own = prior and _ref_ok(ctx, prior[-1], text) == "own"
            if ctx.date_ok(day, last_doc) or own:
                protected.append((m.start(), m.end()))
            else:
                bad.append((m.start(), m.end(), "date"))

    def inside(a: int, b: int) -> bool:
        return any(s <= a and b <= e for s, e in protected)

    for m in NUMBER_RE.finditer(text):
        a, b = m.start(), m.end()
        if inside(a, b) or any(s <= a and b <= e for s, e, _ in bad):
            continue
        value = parse_vn_number(m.group(0))
        if value is None:
            continue
        if ctx.number_ok(value) or (value == value.to_integral_value() and int(value) in ctx.years):
            continue
        bad.append((a, b, "number"))
    if not bad:
        return text, findings
    out, pos = [], 0
    for a, b, why in sorted(set(bad)):
        if a < pos:
            continue
        out.append(text[pos:a])
        out.append(MARK)
        what = {"citation": "văn bản không có trong danh mục và không do người dùng cung cấp",
                "date": "ngày tháng không phải của kỳ báo cáo hay của văn bản được trích dẫn",
                "number": "con số không có trong số liệu đầu vào hay số liệu tính toán"}[why]
        findings.append(DraftFinding(kind="citation" if why == "citation" else "ungrounded_number",
                                     severity="warning", section=section, text=text[a:b],
                                     message=f"Đã bỏ “{text[a:b]}”: {what}."))
        pos = b
    out.append(text[pos:])
    return "".join(out), findings


_DAY_MONTH = re.compile(r"\bngày\s+(\d{1,2})/(\d{1,2})(?![/\d])", re.I)


def day_in_window(day: int, month: int, window) -> dt.date | None:
    """The one date of the data window with this day and month ("8/1" in a quý I/2027 window is 8/1/2027), or None."""
    found = set()
    for y in {window.start.year, window.end.year}:
        try:
            d = dt.date(y, month, day)
        except ValueError:
            return None
        if window.start <= d <= window.end:
            found.add(d)
    return found.pop() if len(found) == 1 else None


def _dates_in(text: str) -> set[dt.date]:
    out = set()
    for m in _DATE_RE.finditer(text):
        try:
            out.add(dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))))
        except ValueError:
            continue
    return out


def unaccented_findings(section: str, text: str) -> list[DraftFinding]:
    """The official's words are kept as typed; each run typed without diacritics is listed to be retyped (guessing the
    marks could change the meaning)."""
    return [DraftFinding(kind="wording", severity="warning", section=section, text=run,
                         message=f"Câu gõ không dấu («{run[:60]}»), giữ nguyên lời cán bộ: cần gõ lại có dấu trước khi "
                                 "ban hành.") for run in unaccented_sentences(text)]

