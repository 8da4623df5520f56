"""The chat: one turn at a time, as a generator of ChatReply objects (the text grows while an answer
streams); figures and metadata read from the message by rules; drafts, answers, reviews and refinements."""

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

from pydantic import ValidationError

from corpus.errors import TroLyError, shown
from corpus.loaders import display_name
from corpus.text import fold_lower, marked_share
from drafting.figures.facts import Fact
from drafting.figures.outline import DRAFTED, SECTION_BY_KEY, heading, section_label
from drafting.figures.periods import next_period_phrase, period_phrase
from drafting.figures.schema import AREAS
from drafting.inputs.chat_facts import attach_causes
from drafting.inputs.chat_reader import APART, ChatReading, default_report_date, meta_dict, missing_meta, read_message
from drafting.inputs.task_words import next_period_tasks
from drafting.inputs.unread_facts import plan_rest_said
from drafting.inputs.workbook import meta_from_cells
from drafting.models import ReportDraft, ReportMeta
from drafting.render.docx import render_docx
from drafting.render.preview import draft_findings_rows
from drafting.service.builder import REPORT_FILES, load_figures_input
from drafting.service.chat_carry import carry_into_chat, carry_official
from drafting.service.chat_notes import nothing_to_draft, outline_text, reading_notes, scope_note
from drafting.service.chat_sections import sections_said
from drafting.service.chat_tables import (
    fact_rows,
    facts_from_rows,
    figures_from_rows,
    meta_from_rows,
    meta_rows,
    understood_rows,
)
from drafting.service.intents import Intent, classify
from drafting.service.reviewing import review_file
from drafting.service.state import (
    FIGURE_FILES,
    REVIEW_FILES,
    ChatReply,
    HeldFigure,
    UserState,
    audit_sources,
    within,
)
from drafting.service.topic import Topic, date_in, resolve
from drafting.service.workspace import SavedDraft, atomic_write

# ------------------------------------------------------------------------------ chat
HELP_TEXT = (
    "Tôi giúp soạn báo cáo cải cách hành chính định kỳ. Anh/chị có thể:\n"
    "- **Soạn một phần** từ số liệu trong tin nhắn, ví dụ: *Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã "
    "Ba Trang: tiếp nhận 253 hồ sơ, trước và đúng hạn 245, quá hạn 7, đang giải quyết 1.*\n"
    "- **Hỏi văn bản nào áp dụng**, ví dụ: *Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?*\n"
    "- **Xem các báo cáo trước viết thế nào**, ví dụ: *Các báo cáo trước viết phần chính quyền số thế nào?*\n"
    "- **Rà soát dự thảo**: đính kèm tệp .docx/.txt/.md và gõ *rà soát tệp này*.\n"
    "- **Sửa dự thảo vừa soạn**: *ngắn gọn hơn*, *thêm phần nguyên nhân*, *bỏ phần kiến nghị*.\n"
    "Số liệu tôi hiểu được hiện ở bảng bên phải; sửa ở đó rồi bấm «Soạn lại theo số liệu đã sửa»."
)


# "đặt ngày báo cáo 15/3/2024", "lấy ngày đối chiếu …": the date every later answer and draft is read against
_SET_DATE = re.compile(r"^\s*(?:dat|lay|chon|dung|doi|tinh theo)\s+ngay\s+(?:bao cao|doi chieu|tham chieu)\b")

def _reply(state: UserState, text: str, done: bool = False, docx: Path | None = None) -> ChatReply:
    if not done:  # a streamed piece: the tables are shown once, with the final reply
        return ChatReply(text=text)
    return ChatReply(text=text, done=True, understood=understood_rows(state), meta_rows=meta_rows(state),
                     fact_rows=fact_rows(state.chat_facts), docx=docx)




def readable_location(location: str) -> str:
    """A source's place as an official can read it: an OCR heading path without diacritics ("I. CONG TAC CHI PHO… >
    2. Cai cach thii tuc…") is shown by its outline numbers only ("mục I > 2 > 2.2.2")."""
    if not location or marked_share(location) >= 0.2 or not re.search(r"[A-Za-z]{4,}", location):
        return location
    numbers = [m.group(1) for part in location.split(">") if (m := re.match(r"\s*([IVX]+|\d+(?:\.\d+)*)\.?\s", part))]
    return f"mục {' > '.join(numbers)} (bản quét)" if numbers else "bản quét, đề mục không đọc rõ"


def _sources_md(refs: list[tuple[str, str, str]]) -> str:
    if not refs:
        return ""
    lines = ["", "", "**Nguồn:**"]  # a paragraph of its own, whatever the answer ends with
    seen = set()
    for title, location, snippet in refs:
        key = (title, location)
        if key in seen:
            continue
        seen.add(key)
        snip = re.sub(r"\s+", " ", snippet or "").strip().rstrip("…")
        location = readable_location(location)
        lines.append(f"- *{title}*" + (f" — {location}" if location else "") + (f": “{snip[:220]}…”" if snip else ""))
    return "\n".join(lines)


def _findings_md(draft: ReportDraft, shown: list[str] | None = None) -> str:
    """shown: messages already listed above the findings (the figures to add): not listed twice."""
    rows = [r for r in draft_findings_rows(draft) if r[4] not in (shown or [])]
    if not rows:
        return "\n\n**Kiểm tra:** không có số liệu thiếu nguồn, không có trích dẫn sai."
    lines = ["", "", "**Phát hiện khi kiểm tra dự thảo:**"]
    for sev, kind, section, _text, message in rows:
        lines.append(f"- {sev} · {kind}" + (f" ({section})" if section else "") + f": {message}")
    return "\n".join(lines)


def draft_markdown(draft: ReportDraft) -> str:
    out = []
    for s in draft.sections:
        out.append(f"**{s.heading}**")
        for p in s.paragraphs:
            out.append(f"**{p.text}**" if p.style in ("heading", "subheading") else p.text)
    return "\n\n".join(out)


def _section_sources(draft: ReportDraft) -> list[tuple[str, str, str]]:
    refs = []
    for s in draft.sections:
        # past reports read for a section that holds only sentences to confirm or fill in lent it nothing: not listed
        lent = any(not p.proposed and p.style not in ("heading", "subheading") for p in s.paragraphs)
        refs += [(r.title, r.location, "") for r in s.sources] if lent else []
        refs += [(f"{c.number} — {c.title}", c.article, c.status) for c in s.citations]
    return refs


def _chat_meta(state: UserState) -> tuple[ReportMeta | None, list[str]]:
    raw = {k: v for k, v in state.chat_meta.items() if v not in (None, "", [])}
    missing = missing_meta(raw)
    if missing:
        return None, missing
    try:
        return ReportMeta.model_validate(meta_from_cells(raw)), []
    except ValidationError as exc:
        return None, [str(e["msg"]).removeprefix("Value error, ") for e in exc.errors()]


_PLAN = ("chi_dao.nhiem_vu_ke_hoach", "chi_dao.nhiem_vu_hoan_thanh")


def _merge_reading(state: UserState, reading: ChatReading, today: dt.date) -> tuple[list[Fact], str]:
    """Merge a message into the chat's input; returns the message's facts as kept (a next period's activity a task)
    and what it noted about the report's year."""
    held_unit = state.chat_meta.get("locality")
    if held_unit and reading.meta.locality not in (None, held_unit) and not reading.meta.request:
        # "Năm 2026 Sở Nội vụ tham mưu …", "phối hợp với UBND xã Tân Lập …" in a data message: the unit is changed
        # only when asked for ("Soạn báo cáo … của xã …"), never by a name in a sentence of data
        reading.meta = reading.meta.model_copy(update={"locality": None, "level": None, "parent": "", "typed_locality": ""})
    new_meta, note = meta_dict(reading.meta, today), ""
    held_year = state.chat_meta.get("year")
    if held_year and reading.meta.year not in (None, held_year) and not reading.meta.request and (
            reading.figures or reading.facts):
        # "Năm 2024 Sở có 25 đơn vị …" in a conversation about 2025: a year said in data changes no report's year
        new_meta.pop("year", None)
        note = (f"Báo cáo vẫn là của năm {held_year} (tin nhắn có nhắc năm {reading.meta.year}); muốn đổi, xin gõ "
                f"«Soạn báo cáo … năm {reading.meta.year}».\n\n")
    if reading.meta.quarter and reading.meta.period:
        when = period_phrase(reading.meta.period, reading.meta.year) if reading.meta.year else reading.meta.period
        note += (f"Báo cáo {reading.meta.quarter} được lập là báo cáo {when}: số liệu tính lũy kế từ đầu năm (kỳ báo "
                 "cáo CCHC là quý I, 6 tháng, 9 tháng và năm).\n\n")
    if reading.meta.locality or reading.meta.period or reading.meta.year:
        if reading.meta.locality and state.chat_meta.get("locality") not in (None, reading.meta.locality):
            state.chat_values = {}  # another locality: its figures are not ours, nor its comparisons
            state.chat_facts, state.chat_targets = [], []
            state.chat_same_period, state.chat_previous = {}, {}
        state.chat_meta.update(new_meta)
        p, y = state.chat_meta.get("period"), state.chat_meta.get("year")
        if reading.meta.date is None and p and y:  # the period may come from an earlier message
            state.chat_meta["date"] = default_report_date(p, y, today)
    for f in reading.figures:
        if f.key in state.chat_values and reading.in_fact(f) and not reading.corrects:
            continue  # a detail of a limitation ("còn 3 hồ sơ đất đai quá hạn") does not replace the period's figure
        state.chat_values[f.key] = HeldFigure(value=f.value, kind="message", words=f.words, noun=f.noun, approx=f.approx)
    for held, other in ((state.chat_same_period, reading.same_period), (state.chat_previous, reading.previous)):
        held.update({f.key: HeldFigure(value=f.value, kind="message", words=f.words) for f in other})
    said = {t.key for t in reading.targets}  # a target said again replaces the one held
    state.chat_targets = [t for t in state.chat_targets if t.key not in said] + reading.targets
    p, y = state.chat_meta.get("period"), state.chat_meta.get("year")
    facts = next_period_tasks(reading.facts, next_period_phrase(p, y), state.chat_meta.get("locality") or "") \
        if p and y else reading.facts
    state.chat_facts = attach_causes(state.chat_facts, facts)
    return facts, note


def _redraft_chat(asst, state: UserState, sections: list[str], preface: str = "",
                  noted: list[Fact] = ()) -> Iterator[ChatReply]:
    """noted: the message's own facts, said to be kept when nothing can be drafted yet (the official sees they
    were not lost while the figures wait for a correction)."""
    meta, missing = _chat_meta(state)
    fs = state.figure_set()
    asks = []
    if noted and (fs.errors or meta is None):
        asks.append("Đã ghi nhận (sẽ đưa vào dự thảo):\n" + "\n".join(f"- {section_label(f.section)}: {f.text}"
                                                                     for f in noted))
    if fs.errors:
        asks.append("Số liệu chưa khớp nhau, tôi chưa soạn để tránh ghi sai. Xin kiểm tra và gửi lại (hoặc sửa ở bảng "
                    "«Số liệu đã hiểu»):\n" + "\n".join(f"- {i.message}" for i in fs.errors))
    if meta is None:
        asks.append("Để soạn, xin cho biết thêm: " + "; ".join(missing) + ".")
    if asks:
        yield _reply(state, preface + "\n\n".join(asks), done=True)
        return
    sections = [k for k in DRAFTED if k in sections] or ["II.2"]
    head = preface + f"Đang soạn {', '.join(heading(k, meta.next_period_text) for k in sections)} — {meta.period_text}, {meta.locality}…\n\n"
    yield _reply(state, head)
    draft = None
    shown = ""
    events = asst.draft_events(meta, fs, sections, facts=state.chat_facts, targets=state.chat_targets)
    for ev in within(events, asst.settings.reply_timeout):
        if ev.kind == "token":
            shown += ev.text
            yield _reply(state, head + "*(mô hình đang viết; số liệu sẽ do hệ thống điền)*\n\n" + shown)
        elif ev.kind == "done":
            draft = ev.draft
    state.last_draft, state.chat_sections = draft, sections
    rec = asst.store.save(SavedDraft(id=state.last_draft_id or SavedDraft(user=state.user).id, user=state.user,
                                     origin="chat", title=f"{meta.locality} — {meta.period_text} (trò chuyện)",
                                     meta=meta.model_dump(mode="json"),
                                     values={k: str(h.value) for k, h in state.chat_values.items()},
                                     nouns={k: h.noun for k, h in state.chat_values.items() if h.noun},
                                     approx={k: str(h.value) for k, h in state.chat_values.items() if h.approx},
                                     sections=sections, draft=draft))
    state.last_draft_id = rec.id
    path = asst.store.export_dir(state.user) / f"du-thao-{rec.id}.docx"
    atomic_write(path, render_docx(draft))
    asst.audit.record(state.user, "draft", rec.id, audit_sources(draft),
                      {"origin": "chat", "sections": sections, "llm": draft.llm})
    # a gap in the figures is asked about where its section is drafted, not again under every other section
    area_section = {a.key: a.section for a in AREAS}
    warnings = [i for i in fs.issues if i.severity == "warning"]
    ask_more = [i.message for i in warnings if area_section.get(i.field.split(".")[0], sections[0]) in sections]
    elsewhere = [i.message for i in warnings if i.message not in ask_more]
    text = head + draft_markdown(draft)
    if ask_more:
        text += "\n\n**Xin bổ sung (nếu có):**\n" + "\n".join(f"- {m}" for m in ask_more)
    text += _findings_md(draft, ask_more + elsewhere) + _sources_md(_section_sources(draft))
    text += "\n\n*Tải tệp .docx của phần vừa soạn ở ô «Tệp dự thảo».*"
    yield _reply(state, text, done=True, docx=path)


def shorten(draft: ReportDraft) -> ReportDraft:
    """'Ngắn gọn hơn' without a model: keep, per section, the paragraphs that carry figures or citations
    and the first of the others; nothing is rewritten, so no figure can change."""
    d = draft.model_copy(deep=True)
    for s in d.sections:
        figure_texts = [f.text for f in draft.figures if f.key in s.figures]
        kept, plain = [], 0
        for p in s.paragraphs:
            carries = any(t in p.text for t in figure_texts) or any(c.number in p.text for c in s.citations)
            if p.style != "body" or carries or plain == 0:
                kept.append(p)
                plain += 0 if carries or p.style != "body" else 1
        s.paragraphs = kept
    return d


def _refine(asst, state: UserState, intent: Intent) -> Iterator[ChatReply]:
    draft = state.last_draft
    if intent.add or intent.remove:
        sections = [k for k in state.chat_sections if k not in intent.remove] + [k for k in intent.add if k not in state.chat_sections]
        if not sections:
            yield _reply(state, "Dự thảo sẽ không còn phần nào; tôi giữ nguyên dự thảo trước.", done=True)
            return
        yield from _redraft_chat(asst, state, sections)
        return
    if intent.shorter:
        short = shorten(draft)
        state.last_draft = short
        removed = sum(len(s.paragraphs) for s in draft.sections) - sum(len(s.paragraphs) for s in short.sections)
        # says what was kept, truthfully: a section keeps one plain paragraph and its listed items (V's proposals)
        note = ((f"Đã rút gọn: bỏ {removed} đoạn không mang số liệu hay trích dẫn; số liệu giữ nguyên. " if removed
                 else "Không rút gọn thêm được. ")
                + "Mỗi mục giữ các đoạn có số liệu hoặc trích dẫn, một đoạn mở ý và các ý liệt kê (nhiệm vụ, kiến nghị).")
        path = asst.store.export_dir(state.user) / f"du-thao-{state.last_draft_id}-gon.docx"
        atomic_write(path, render_docx(short))
        yield _reply(state, note + "\n\n" + draft_markdown(short) + _findings_md(short), done=True, docx=path)
        return
    if intent.longer:
        if asst.llm_kind == "none":
            yield _reply(state, "Viết chi tiết hơn cần mô hình ngôn ngữ (chạy với --llm local hoặc openai). Không có mô "
                         "hình, tôi chỉ viết từ số liệu: hãy cho thêm số liệu hoặc sự việc để đưa vào.", done=True)
            return
    yield from _redraft_chat(asst, state, state.chat_sections or ["II.2"], "Soạn lại theo yêu cầu. ")


def _ask(asst, state: UserState, question: str, as_of: dt.date, understood: str = "") -> Iterator[ChatReply]:
    streamed = f"*{understood}*\n\n" if understood else ""
    answer, tokens = None, False
    for ev in within(asst.ask_events(question, as_of), asst.settings.reply_timeout):
        if ev.kind == "token":
            tokens = True
            streamed += ev.text
            yield _reply(state, streamed)
        else:
            answer = ev.answer
    refs = [(p.title, p.location, p.snippet) for p in answer.passages[:4]]
    text = (f"*{understood}*\n\n" if understood else "") + (f"⚠️ {answer.notice}\n\n" if answer.notice else "") + answer.text
    if not tokens:  # extractive answers arrive whole: show them line by line
        lines = text.split("\n")
        for i in range(1, len(lines)):
            yield _reply(state, "\n".join(lines[:i]))
    lead = asst.drafter.registry.get(answer.citations[0].number) if answer.citations else None
    if lead is not None and state.ask_topic is not None:  # "còn trước đó thì sao?" is read against its dates
        state.ask_topic.lead, state.ask_topic.lead_start, state.ask_topic.lead_end = f"{lead.type} {lead.number}", lead.start, lead.effective_to
    asst.audit.record(state.user, "ask", question[:200], [c.number for c in answer.citations] + [p.doc_id for p in answer.passages],
                      {"as_of": as_of.isoformat(), "llm": answer.llm, "removed": answer.removed, "notice": answer.notice})
    yield _reply(state, text + _sources_md(refs), done=True)


def _practice(asst, state: UserState, message: str, intent: Intent) -> Iterator[ChatReply]:
    from retrieval.search import SearchFilter

    searcher = asst.retrieval.searcher if asst.retrieval else None
    if searcher is None:
        yield _reply(state, "Chưa có chỉ mục báo cáo để tra cứu.", done=True)
        return
    key = intent.sections[0] if intent.sections else None
    query = SECTION_BY_KEY[key].topic if key else message
    hits = searcher.search(query, k=4, flt=SearchFilter(kind="report", outline_key=key))
    if not hits:
        hits = searcher.search(message, k=4, flt=SearchFilter(kind="report"))
    if not hits:
        yield _reply(state, "Không tìm thấy đoạn nào trong các báo cáo trước.", done=True)
        return
    lines = ["Các báo cáo trước đã viết như sau (trích nguyên văn; số liệu là của địa phương đó, không dùng lại):"]
    for h in hits:
        quote = re.sub(r"\s+", " ", h.text)[:600]
        lines.append(f"\n> {quote}\n\n— *{h.title}*, {h.location}")
        yield _reply(state, "\n".join(lines))
    asst.audit.record(state.user, "practice", message[:200], [h.doc_id for h in hits])
    yield _reply(state, "\n".join(lines), done=True)


def _review_chat(asst, state: UserState, path: Path, as_of: dt.date | None) -> Iterator[ChatReply]:
    result = review_file(asst, state.user, path, as_of)
    lines = [f"Rà soát “{display_name(Path(path).name)}”: {result.summary}"]
    for row in result.rows[:15]:
        sev, kind, section, par, text, message, suggestion = row
        lines.append(f"- {sev} · {kind}" + (f" (đoạn {par})" if par else "") + f": {message}"
                     + (f" Gợi ý: {suggestion}" if suggestion else ""))
    if len(result.rows) > 15:
        lines.append(f"- … và {len(result.rows) - 15} vấn đề khác: xem thẻ «Rà soát».")
    yield _reply(state, "\n".join(lines), done=True)


def chat_turn(asst, state: UserState, message: str, files: list[Path] | None = None,
              today: dt.date | None = None) -> Iterator[ChatReply]:
    """One chat turn; never raises a TroLyError (it becomes a Vietnamese message)."""
    today = today or state.reference_date or dt.date.today()
    files = [Path(f) for f in files or []]
    if _SET_DATE.match(fold_lower(message)) and not files:
        day = date_in(message, today)
        if day is None:
            yield _reply(state, "Xin ghi ngày theo dạng ngày/tháng/năm, ví dụ: *đặt ngày báo cáo 15/3/2024*.", done=True)
        else:
            state.reference_date = day
            yield _reply(state, f"Đã đặt ngày đối chiếu **{day:%d/%m/%Y}**: văn bản áp dụng và kỳ báo cáo tính theo ngày "
                                "này cho đến khi đổi (ô «Ngày đối chiếu») hoặc bắt đầu cuộc trò chuyện mới.", done=True)
        return
    try:
        p, y = state.chat_meta.get("period"), state.chat_meta.get("year")
        reading = read_message(message, next_period_phrase(p, y) if p and y else "",
                               last_year=int(y) - 1 if p == "năm" and y else None, period=p or "")
        held = {k: state.chat_values[k].value for k in _PLAN if k in state.chat_values}
        if len(held) == 2 and "chi_dao.nhiem_vu_cap_tren_giao" not in state.chat_values:  # the plan's rest, told alone
            plan_rest_said(message, reading, held[_PLAN[0]] - held[_PLAN[1]])
        figure_file = next((f for f in files if f.suffix.lower() in FIGURE_FILES), None)
        # an activity reported in a message is input too, like a figure
        heard = reading.figures or reading.facts or reading.same_period or reading.previous or reading.targets or any(
            u.reason in APART for u in reading.unread)  # "Quý III xã tiếp nhận 410 hồ sơ": asked about, still figures
        intent = classify(message, has_figures=bool(heard), has_file=bool(files),
                          unit=reading.meta.locality, names_report=bool(reading.meta.period and (
                              reading.meta.year or reading.meta.locality)),
                          file_is_figures=figure_file is not None, has_draft=state.last_draft is not None,
                          other_period=bool(p and reading.meta.period and (reading.meta.period, reading.meta.year or y) != (p, y)))
        if figure_file is not None:
            data = load_figures_input(asst, figure_file)
            state.chat_meta = data.meta.model_dump(mode="python") if data.meta else dict(data.meta_raw)
            state.chat_values = {k: HeldFigure(value=v, kind="file", words=f"{display_name(figure_file.name)}: "
                                                                             f"{data.figures.cells.get(k, k)}")
                                 for k, v in data.figures.values.items()}
            yield from _redraft_chat(asst, state, DRAFTED if intent.whole or not intent.sections else intent.sections)
            return
        if intent.kind == "carry":
            doc = next((f for f in files if f.suffix.lower() in REPORT_FILES), None)
            if doc is None:
                yield _reply(state, "Xin đính kèm báo cáo kỳ trước (.docx, .pdf, .txt, .md hoặc ảnh quét).", done=True)
                return
            yield _reply(state, carry_into_chat(asst, state, doc, reading, message, today), done=True)
            return
        if intent.kind == "review":
            doc = next((f for f in files if f.suffix.lower() in REVIEW_FILES), None)
            if doc is None:
                yield _reply(state, "Xin đính kèm tệp dự thảo (.docx, .txt hoặc .md) cần rà soát.", done=True)
                return
            yield from _review_chat(asst, state, doc, reading.meta.date)
            return
        if intent.kind == "refine":
            yield from _refine(asst, state, intent)
            return
        if intent.kind == "draft":
            held = {k: v.value for k, v in state.chat_values.items()}  # before this message
            facts, year_note = _merge_reading(state, reading, today)
            preface = year_note + reading_notes(reading) + scope_note(message, reading, state.chat_meta.get("level"))
            if not (state.chat_values or state.chat_facts or state.chat_previous or state.chat_same_period
                    or state.chat_targets):  # nothing told yet: the unit's last official, or what to send
                preface += (official + "\n\n" if (official := carry_official(asst, state, reading, message, today))
                            else nothing_to_draft(state.chat_meta))
            sections = list(DRAFTED) if intent.whole else (intent.sections or sections_said(
                reading, facts, held, state.chat_values, state.chat_targets))
            yield from _redraft_chat(asst, state, sections, preface, noted=facts)
            return
        if intent.kind == "practice":
            yield from _practice(asst, state, message, intent)
            return
        if intent.kind == "help":
            yield _reply(state, HELP_TEXT, done=True)
            return
        if intent.kind == "outline":
            yield _reply(state, outline_text(), done=True)
            return
        question, as_of, understood = resolve(message, state.ask_topic, today)
        state.ask_topic = Topic(question=question, as_of=as_of)
        yield from _ask(asst, state, question, as_of, understood)
    except TroLyError as exc:
        yield _reply(state, f"⚠️ {shown(exc, 'troly.chat')}", done=True)


def apply_corrections(asst, state: UserState, meta_table: list[list], figure_rows: list[list],
                      fact_table: list[list] | None = None) -> Iterator[ChatReply]:
    """The official corrected what the chat understood: use exactly those values (and facts) and draft again."""
    state.chat_meta = meta_from_rows(meta_table)
    bad, unknown = figures_from_rows(state, figure_rows)
    if bad:  # nothing drafted from a value nobody can read; the message quotes what was typed
        yield _reply(state, "Chưa soạn lại: một số ô ở bảng «Số liệu tôi đã hiểu» không đọc được, các số khác đã nhận:\n"
                     + "\n".join(f"- {m}" for m in bad), done=True)
        return
    preface = "Đã nhận số liệu đã sửa. "
    if unknown:  # a row renamed by hand is reported, never guessed into a field
        preface += ("Chưa dùng các dòng có tên chỉ tiêu không có trong biểu: " + "; ".join(f"«{u}»" for u in unknown)
                    + " (ghi đúng tên chỉ tiêu như trong mẫu Excel).\n\n")
    if fact_table is not None:
        state.chat_facts, problems = facts_from_rows(fact_table)
        if problems:
            preface += "Một số dòng ở bảng sự việc chưa dùng được:\n" + "\n".join(f"- {p}" for p in problems) + "\n\n"
    yield from _redraft_chat(asst, state, state.chat_sections or ["II.2"], preface)
