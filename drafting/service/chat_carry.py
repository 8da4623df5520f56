"""Last period's report brought into the chat ("đây là báo cáo quý I, soạn báo cáo 6 tháng"): its figures become
the «Kỳ trước» (or «Cùng kỳ năm trước») of the report being written, each shown with the words it came from; its
header fills the unit when the chat has none; its section IV becomes this period's checklist. A report of another
unit or of a period not before this one is refused with a message (carry_forward)."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

from corpus.errors import InputError
from corpus.loaders import display_name
from corpus.text import fold_lower
from drafting.figures.periods import period_after
from drafting.figures.schema import FIELD_BY_KEY
from drafting.figures.vnformat import fmt_decimal
from drafting.inputs.chat_reader import ChatMeta, ChatReading, default_report_date, meta_dict, read_period
from drafting.service.builder import REPORT_FILES
from drafting.service.reading import carry_forward, carry_notes, read_report_bytes
from drafting.service.state import HeldFigure, UserState, check_upload

_DRAFT_VERB = re.compile(r"\b(soan|lap|viet|lam)\b")


def carry_into_chat(asst, state: UserState, path: Path | bytes, reading: ChatReading, reading_text: str,
                    today: dt.date, name: str = "", known: dict | None = None) -> str:
    """Reads the report (a file, or its content already read, named by name), keeps its figures as the chat's previous
    (or same-period) column; returns the reply. known: the figures an official report was saved with (checked then),
    which win over what its text gives."""
    if isinstance(path, bytes):
        data = path
    else:
        name = name or display_name(path.name)
        data = check_upload(path, REPORT_FILES, asst.settings.max_upload_bytes)
    past = read_report_bytes(data, name, asst.settings.max_upload_bytes, asst.settings.read_limits())
    h = past.header
    # "Đây là báo cáo năm 2026 …, soạn báo cáo quý I năm 2027": the new report is the one after the verb
    folded = fold_lower(reading_text)
    verb = list(_DRAFT_VERB.finditer(folded))
    said_period, said_year, _ = read_period(reading_text[verb[-1].start():]) if verb else (None, None, [])
    period = said_period or state.chat_meta.get("period")
    year = said_year or state.chat_meta.get("year")
    if not (period and year):
        if not (h.period and h.year):
            raise InputError(f"{name}: không xác định được kỳ của báo cáo này; hãy nói kỳ cần soạn (ví dụ: «soạn báo "
                             "cáo 6 tháng năm 2026») rồi gửi lại tệp.")
        period, year = period_after(h.period, h.year)
    locality = reading.meta.locality or state.chat_meta.get("locality")
    carry = carry_forward(past, period, int(year), locality)
    fixed = {k: Decimal(str(known[k])) for k in carry.values if k in (known or {}) and Decimal(str(known[k])) != carry.values[k]}
    carry.values.update(fixed)  # "248" changed by hand in the body while the appendix kept 253: the saved 248
    carry.quotes.update({k: "số đã đối chiếu khi lưu bản chính thức" for k in fixed})
    if not locality and h.locality:  # the unit of the report brought: the new report's unit, to correct if need be
        state.chat_meta.update(meta_dict(ChatMeta(locality=h.locality, level=h.level), today))
    state.chat_meta.update({"period": period, "year": int(year)})
    if not reading.meta.date:
        state.chat_meta["date"] = default_report_date(period, int(year), today)
    held = state.chat_same_period if carry.kind == "same_period_last_year" else state.chat_previous
    held.clear()
    held.update({k: HeldFigure(value=v, kind="file", words=f"{name}: «{carry.quotes.get(k, '')}»")
                 for k, v in carry.values.items()})
    lines = [f"- {FIELD_BY_KEY[k].label}: **{fmt_decimal(v)}** — «{carry.quotes.get(k, '')}»"
             + (" ⚠️ cần xác nhận" if k in carry.to_confirm else "") for k, v in carry.values.items()]
    text = (f"Đã lấy {len(carry.values)} số liệu của {carry.source} làm cột «{carry.label.capitalize()}» cho báo cáo "
            f"{'' if period == 'năm' else period + ' '}năm {year}" + (f" của {state.chat_meta.get('locality')}" if state.chat_meta.get("locality") else "")
            + ". Xin đối chiếu với câu trong báo cáo:\n" + "\n".join(lines))
    text += carry_notes(carry, "Nhiệm vụ kỳ trước đã đề ra — cho biết kết quả từng việc; việc chưa xong sẽ vào mục IV")
    # the year's CCHC plan issued in an earlier period of the same year: every later report of the year starts from it
    plans = [f.model_copy(update={"origin": f"{name}: «{f.text[:80]}»"}) for f in past.plans
             if h.year == int(year) and f.number not in {x.number for x in state.chat_facts}]
    state.chat_facts += plans
    if plans:
        text += ("\n\nKế hoạch CCHC năm nêu trong báo cáo đó, đưa vào mục I (sửa hoặc xóa ở bảng sự việc nếu không "
                 "đúng):\n" + "\n".join(f"- {f.text}" for f in plans))
    # the counts of a quý I, 6- or 9-month report are not compared with another period's (figureset.changes)
    return text + ("\n\nGửi số liệu kỳ này để soạn; câu so sánh do hệ thống tính, chỉ với số so được (cùng kỳ năm "
                   "trước, năm trước, hoặc mức tại cuối kỳ như tổng số TTHC, biên chế).")


def carry_official(asst, state: UserState, reading: ChatReading, message: str, today: dt.date) -> str:
    """A new report in the chat whose unit has an official report of an earlier period in the library (saved with
    «Lưu làm bản chính thức»): carried in as if the official had sent it — its figures the «Kỳ trước» column, its
    section IV the checklist. "" when there is none. A signed scan is not OCR'd again: the text the library read from
    it when it was saved is read, and the figures checked then win over it."""
    from drafting.service.roundtrip import official_before

    found = official_before(asst, state.chat_meta)
    if found is None or (path := asst.retrieval.library.path_of(found["doc_id"])) is None:
        return ""
    name = found.get("original_name", "")
    if found.get("ocr"):  # its stored text, read as the text it is
        if not found.get("extracted_text"):
            return ""
        path, name = found["extracted_text"].encode("utf-8"), f"{Path(name or path.name).stem}.txt"
    try:
        text = carry_into_chat(asst, state, path, reading, message, today, name, found.get("figures") or {})
    except InputError:
        return ""  # an official that does not fit (another unit, a later period): the chat goes on without it
    scan = " (bản quét: đọc từ chữ đã nhận dạng khi lưu)" if found.get("ocr") else ""
    return f"Thư viện có {found.get('title') or 'bản chính thức kỳ trước'} của đơn vị{scan}. " + text
