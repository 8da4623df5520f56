"""What the official supplied, checked against the report before a line is written: a report date before the end of
its data window, district figures after 01/7/2025, the online rate's two denominators, recipients not yet named, and
activities dated after the data cut-off (they belong to the next period unless the official says otherwise)."""

from __future__ import annotations

import datetime as dt
import re

from corpus.text import fold_lower
from drafting.figures.facts import MONTH_SAID, Fact
from drafting.figures.figureset import FigureSet
from drafting.figures.nd30 import usual_recipients
from drafting.figures.periods import TWO_LEVEL_FROM
from drafting.figures.schema import FIELD_BY_KEY, LEVELS, online_rate_keys
from drafting.figures.vnformat import fmt_percent
from drafting.models import DraftFinding, ReportMeta

# kinds that record what was done in the period; tasks and proposals look ahead and may carry later dates
_DONE_KINDS = ("document", "event", "progress", "initiative")
_DAY = r"(\d{1,2})[/.-](\d{1,2})[/.-]((?:19|20)\d\d)"
# "Ngày 20/6/2026, …" at the head of the words, or the document's own date right after its number
_HEAD_DAY = re.compile(rf"\s*(?:vào\s+)?ngày\s+{_DAY}", re.I)
_NUMBER_DAY = re.compile(rf"\s*,?\s*ngày\s+{_DAY}", re.I)


def _day(m: re.Match | None) -> dt.date | None:
    try:
        return dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1))) if m else None
    except ValueError:
        return None


def said_day(f: Fact) -> tuple[dt.date | None, str]:
    """The day the fact happened as the official said it (its date, a leading "Ngày …", the document's own date), with
    the words it was read from."""
    if f.date:
        return f.date, f"{f.date:%d/%m/%Y}"
    if m := _HEAD_DAY.match(f.text):
        return _day(m), m.group(0).strip()
    if f.number and f.number in f.text:
        at = f.text.index(f.number) + len(f.number)
        if m := _NUMBER_DAY.match(f.text, at):
            return _day(m), m.group(0).strip(" ,")
    return None, ""


def _month_start(f: Fact, meta: ReportMeta) -> tuple[dt.date | None, str]:
    """The first day of a month said at the head of the words ("Tháng 7, Sở ban hành …"); a month said without its year
    is the window's (December in a quý I report is last year's)."""
    m = MONTH_SAID.match(f.text)
    if not m:
        return None, ""
    said = re.search(r"(\d{1,2})(?:/(\d{4}))?", m.group(1))
    if fold_lower(m.group(1)).startswith(("cuoi", "giua")):
        return None, ""  # "cuối tháng 6": a part of the month, not its first day
    month = int(said.group(1))
    if not 1 <= month <= 12:
        return None, ""
    if said.group(2):
        return dt.date(int(said.group(2)), month, 1), m.group(1)
    first = meta.window.start.replace(day=1)
    years = [y for y in (meta.year, meta.year - 1) if dt.date(y, month, 1) >= first]
    return dt.date(min(years) if years else meta.year, month, 1), m.group(1)


def after_cutoff(meta: ReportMeta, facts: list[Fact]) -> list[DraftFinding]:
    """Activities said to have happened after the data window's end (or after the report's own date)."""
    out = []
    for f in facts:
        if f.kind not in _DONE_KINDS:
            continue
        day, words = said_day(f)
        if day is None:
            day, words = _month_start(f, meta)
        if day is None or day <= meta.window.end:
            continue
        late = day > meta.date
        # reports do name what happened between the cut-off and signing (seed 000: a notice of 17/7 in a 6-month
        # report of 25/7), so that is a note; a day after the report's own date is an error of the date
        out.append(DraftFinding(kind="figures", severity="warning" if late else "info", section=f.section, message=(
            f"«{f.text[:90]}» ghi thời điểm {words}, sau "
            + (f"ngày báo cáo {meta.date:%d/%m/%Y}" if late else f"ngày chốt số liệu {meta.window.end:%d/%m/%Y}")
            + f" của kỳ {meta.period_text}: "
            + ("xin kiểm tra lại ngày." if late else
               "việc này thường thuộc kỳ sau; nếu vẫn đưa vào, xin ghi rõ số liệu tính đến ngày nào."))))
    return out


def input_findings(meta: ReportMeta, fs: FigureSet, facts: list[Fact], sections: list[str] | None,
                   keys: list[str]) -> list[DraftFinding]:
    out = []
    if meta.date < meta.window.end:  # drafting-practice §5: a report cannot precede the end of its data window
        out.append(DraftFinding(kind="figures", severity="warning", section="mo_dau", message=(
            f"Ngày báo cáo {meta.date:%d/%m/%Y} sớm hơn ngày chốt số liệu {meta.window.end:%d/%m/%Y} của kỳ "
            f"{meta.period_text}: dự thảo ghi số liệu sau ngày ký là số ước thực hiện; nếu không phải, xin kiểm tra lại "
            "ngày báo cáo, hoặc ghi rõ số liệu tính đến ngày nào.")))
    out += after_cutoff(meta, [f for f in facts if sections is None or f.section in sections])
    district = [k for k in fs.values if "_cap_huyen" in k]
    if district and meta.window.start >= TWO_LEVEL_FROM and "II.2" in keys:  # two-level government from 01/7/2025
        out.append(DraftFinding(kind="figures", severity="warning", section="II.2", message=(
            f"Kỳ {meta.period_text} bắt đầu sau ngày 01/7/2025, khi không còn cấp huyện, nhưng có số liệu cấp huyện: "
            + "; ".join(f"«{FIELD_BY_KEY[k].label}»" for k in district) + ". Xin kiểm tra lại.")))
    online, other = online_rate_keys(meta.online_base, fs.derived)
    a, b = fs.get(online), fs.get(other)
    if not meta.online_base and a is not None and b is not None and a != b and (sections is None or "II.2" in sections):
        out.append(DraftFinding(kind="figures", severity="info", section="II.2", message=(
            f"Tỷ lệ hồ sơ trực tuyến đang tính trên hồ sơ mới tiếp nhận ({fmt_percent(a)}); nếu cấp trên tính trên "
            f"tổng số hồ sơ tiếp nhận, kể cả kỳ trước chuyển sang, thì là {fmt_percent(b)}. Chọn ở ô «Tỷ lệ trực "
            "tuyến tính trên».")))
    # a count of what happened in last period's report (a quý I before a 6-month one) covers a period of another
    # length: it is not compared, and the official is told so rather than left to wonder where the figure went
    skipped = [k for k in fs.previous if k in fs.values and k not in LEVELS and FIELD_BY_KEY[k].kind == "count"
               and meta.period != "năm" and (sections is None or FIELD_BY_KEY[k].section in sections)]
    if skipped:
        out.append(DraftFinding(kind="figures", severity="info", section=FIELD_BY_KEY[skipped[0]].section, message=(
            "Số kỳ trước của " + ", ".join(f"«{FIELD_BY_KEY[k].label}»" for k in skipped) + " không được so sánh: kỳ "
            f"trước không cùng độ dài với kỳ {meta.period_text}. Muốn so sánh, xin nhập số cùng kỳ năm trước.")))
    if not meta.recipients and sections is None:  # offered, never printed by itself
        out.append(DraftFinding(kind="missing", severity="info", section="mo_dau", message=(
            f"Chưa ghi «Nơi nhận». Báo cáo cấp {meta.level} thường gửi: "
            + "; ".join(usual_recipients(meta.level, meta.parent, meta.date, meta.locality or ""))
            + " — ghi ở ô «Nơi nhận» (mỗi nơi một dòng) những nơi phù hợp.")))
    return out
