"""What each action of the app does, as plain functions over an Assistant and a per-user state; app.py
only lays out the page and calls these. Tested without a browser (tests/test_handlers.py).

Chat turns are generators yielding ChatReply objects: the text grows while the answer streams."""

from __future__ import annotations

import csv
import datetime as dt
import io
import queue
import re
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from pydantic import ValidationError

from corpus.errors import BackendError, InputError, TroLyError
from corpus.loaders import display_name
from corpus.text import fold_lower
from drafting.chat_figures import ChatReading, default_report_date, meta_dict, missing_meta, read_message
from drafting.docx_render import render_docx
from drafting.figures import AREAS, FIELD_BY_KEY, FIELDS, FigureSet, build_figure_set
from drafting.inputs import FiguresInput, figures_from_data, load_figures_bytes
from drafting.intents import Intent, classify
from drafting.models import ReportDraft, ReportMeta
from drafting.outline import DRAFTED, SECTION_BY_KEY
from drafting.periods import PERIODS, data_window
from drafting.preview import draft_findings_rows, draft_html, review_html, review_rows, sort_issues
from drafting.workbook import META_LABELS, meta_from_cells, write_template
from drafting.workspace import SavedDraft, atomic_write

FIGURE_FILES = (".xlsx", ".yaml", ".yml", ".json")
REVIEW_FILES = (".docx", ".txt", ".md")
META_FIELDS = list(META_LABELS)  # the workbook's header rows, in its order
FIGURE_HEADERS = ["Mã", "Chỉ tiêu", "Đơn vị", "Kỳ này", "Kỳ trước", "Kiểm tra"]
UNDERSTOOD_HEADERS = ["Mã", "Chỉ tiêu", "Giá trị", "Trích từ tin nhắn"]
META_HEADERS = ["Thông tin", "Giá trị"]


@dataclass
class UserState:
    """Everything one browser session holds; never shared between sessions."""

    user: str = ""
    chat_meta: dict = field(default_factory=dict)
    chat_values: dict[str, str] = field(default_factory=dict)
    chat_quotes: dict[str, str] = field(default_factory=dict)
    chat_sections: list[str] = field(default_factory=list)
    last_draft: ReportDraft | None = None
    last_draft_id: str | None = None
    builder_draft_id: str | None = None


@dataclass
class ChatReply:
    text: str
    done: bool = False
    understood: list[list] = field(default_factory=list)
    meta_rows: list[list] = field(default_factory=list)
    docx: Path | None = None


def _check_upload(path: Path, allowed: tuple[str, ...], max_bytes: int) -> bytes:
    path = Path(path)
    name = display_name(path.name)
    if path.suffix.lower() not in allowed:
        raise InputError(f"Tệp “{name}” không đúng loại; chỉ nhận: {', '.join(allowed)}.")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"Tệp “{name}” quá lớn ({size / 1048576:.1f} MB); giới hạn {max_bytes // 1048576} MB.")
    return path.read_bytes()


def stream_call(fn: Callable[[Callable[[str], None]], object], timeout: float = 900) -> Iterator[tuple[str, object]]:
    """Run fn(on_token) in a thread; yield ("token", text) while it streams, then ("result", value).
    An exception inside fn is re-raised here."""
    q: queue.Queue = queue.Queue()

    def run():
        try:
            q.put(("result", fn(lambda t: q.put(("token", t)))))
        except BaseException as exc:  # noqa: BLE001 — handed to the caller
            q.put(("error", exc))

    threading.Thread(target=run, daemon=True).start()
    while True:
        try:
            kind, value = q.get(timeout=timeout)
        except queue.Empty:
            raise BackendError(f"Không nhận được kết quả sau {timeout:g} giây; hãy thử lại (hoặc dùng cách soạn "
                               "không cần mô hình).") from None
        if kind == "error":
            raise value
        yield kind, value
        if kind == "result":
            return


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


def _understood_rows(state: UserState) -> list[list]:
    return [[k, FIELD_BY_KEY[k].label, v, state.chat_quotes.get(k, "(đã sửa tay)")] for k, v in state.chat_values.items()]


def _meta_rows(state: UserState) -> list[list]:
    rows = []
    for f in META_FIELDS:
        v = state.chat_meta.get(f, "")
        if isinstance(v, dt.date):
            v = v.strftime("%d/%m/%Y")
        if isinstance(v, list):
            v = "; ".join(v)
        rows.append([META_LABELS.get(f, f), "" if v is None else str(v)])
    return rows


def _reply(state: UserState, text: str, done: bool = False, docx: Path | None = None) -> ChatReply:
    if not done:  # a streamed piece: the tables are shown once, with the final reply
        return ChatReply(text=text)
    return ChatReply(text=text, done=True, understood=_understood_rows(state), meta_rows=_meta_rows(state), docx=docx)


def _sources_md(refs: list[tuple[str, str, str]]) -> str:
    if not refs:
        return ""
    lines = ["", "**Nguồn:**"]
    seen = set()
    for title, location, snippet in refs:
        key = (title, location)
        if key in seen:
            continue
        seen.add(key)
        snip = re.sub(r"\s+", " ", snippet or "").strip().rstrip("…")
        lines.append(f"- *{title}*" + (f" — {location}" if location else "") + (f": “{snip[:220]}…”" if snip else ""))
    return "\n".join(lines)


def _findings_md(draft: ReportDraft) -> str:
    rows = draft_findings_rows(draft)
    if not rows:
        return "\n\n**Kiểm tra:** không có số liệu thiếu nguồn, không có trích dẫn sai."
    lines = ["", "", "**Phát hiện khi kiểm tra dự thảo:**"]
    for sev, kind, section, text, message in rows:
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
        refs += [(r.title, r.location, "") for r in s.sources]
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


def _merge_reading(state: UserState, reading: ChatReading, today: dt.date) -> None:
    new_meta = meta_dict(reading.meta, today)
    if reading.meta.locality or reading.meta.period or reading.meta.year:
        if reading.meta.locality and state.chat_meta.get("locality") not in (None, reading.meta.locality):
            state.chat_values, state.chat_quotes = {}, {}  # another locality: its figures are not ours
        state.chat_meta.update(new_meta)
        p, y = state.chat_meta.get("period"), state.chat_meta.get("year")
        if reading.meta.date is None and p and y:  # the period may come from an earlier message
            state.chat_meta["date"] = default_report_date(p, y, today)
    for f in reading.figures:
        state.chat_values[f.key] = f.quote
        state.chat_quotes[f.key] = f"{f.phrase} {f.quote}".strip() if f.phrase else f.quote


def _figure_set(state: UserState) -> FigureSet:
    return build_figure_set(dict(state.chat_values), origin="tin nhắn: ")


def _redraft_chat(asst, state: UserState, sections: list[str], preface: str = "") -> Iterator[ChatReply]:
    meta, missing = _chat_meta(state)
    fs = _figure_set(state)
    asks = []
    if fs.errors:
        asks.append("Số liệu chưa khớp nhau, tôi chưa soạn để tránh ghi sai. Xin kiểm tra và gửi lại (hoặc sửa ở bảng "
                    "«Số liệu đã hiểu»):\n" + "\n".join(f"- {i.message}" for i in fs.errors))
    if meta is None:
        asks.append("Để soạn, xin cho biết thêm: " + "; ".join(missing) + ".")
    if asks:
        yield _reply(state, preface + "\n\n".join(asks), done=True)
        return
    sections = [k for k in DRAFTED if k in sections] or ["II.2"]
    head = preface + f"Đang soạn {', '.join(SECTION_BY_KEY[k].heading for k in sections)} — {meta.period_text}, {meta.locality}…\n\n"
    yield _reply(state, head)
    draft = None
    shown = ""
    for kind, value in stream_call(lambda on_token: asst.draft(meta, fs, sections, on_token=lambda _key, piece: on_token(piece))):
        if kind == "token":
            shown += value
            yield _reply(state, head + "*(mô hình đang viết; số liệu sẽ do hệ thống điền)*\n\n" + shown)
        else:
            draft = value
    state.last_draft, state.chat_sections = draft, sections
    rec = asst.store.save(SavedDraft(id=state.last_draft_id or SavedDraft(user=state.user).id, user=state.user,
                                     origin="chat", title=f"{meta.locality} — {meta.period_text} (trò chuyện)",
                                     meta=meta.model_dump(mode="json"), values=dict(state.chat_values),
                                     sections=sections, draft=draft))
    state.last_draft_id = rec.id
    path = asst.store.export_dir(state.user) / f"du-thao-{rec.id}.docx"
    atomic_write(path, render_docx(draft))
    asst.audit.record(state.user, "draft", rec.id, _audit_sources(draft),
                      {"origin": "chat", "sections": sections, "llm": draft.llm})
    ask_more = [i.message for i in fs.issues if i.severity == "warning"]
    text = head + draft_markdown(draft)
    if ask_more:
        text += "\n\n**Xin bổ sung (nếu có):**\n" + "\n".join(f"- {m}" for m in ask_more)
    text += _findings_md(draft) + _sources_md(_section_sources(draft))
    text += "\n\n*Tải tệp .docx của phần vừa soạn ở ô «Tệp dự thảo».*"
    yield _reply(state, text, done=True, docx=path)


def _audit_sources(draft: ReportDraft) -> list[str]:
    return sorted({r.doc_id for s in draft.sections for r in s.sources} | {c.number for s in draft.sections for c in s.citations})


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
        note = (f"Đã rút gọn: bỏ {removed} đoạn không mang số liệu hay trích dẫn; số liệu giữ nguyên." if removed
                else "Dự thảo đã gọn: mỗi đoạn còn lại đều mang số liệu hoặc trích dẫn.")
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


def _ask(asst, state: UserState, question: str, as_of: dt.date) -> Iterator[ChatReply]:
    streamed = ""
    answer = None
    for kind, value in stream_call(lambda on_token: asst.ask(question, as_of, on_token)):
        if kind == "token":
            streamed += value
            yield _reply(state, streamed)
        else:
            answer = value
    refs = [(p.title, p.location, p.snippet) for p in answer.passages[:4]]
    text = (f"⚠️ {answer.notice}\n\n" if answer.notice else "") + answer.text
    if not streamed:  # extractive answers arrive whole: show them line by line
        lines = text.split("\n")
        for i in range(1, len(lines)):
            yield _reply(state, "\n".join(lines[:i]))
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
    today = today or dt.date.today()
    files = [Path(f) for f in files or []]
    try:
        reading = read_message(message)
        figure_file = next((f for f in files if f.suffix.lower() in FIGURE_FILES), None)
        intent = classify(message, has_figures=bool(reading.figures), has_file=bool(files),
                          file_is_figures=figure_file is not None, has_draft=state.last_draft is not None)
        if figure_file is not None:
            data = load_figures_input(asst, figure_file)
            state.chat_meta = data.meta.model_dump(mode="python") if data.meta else dict(data.meta_raw)
            state.chat_values = {k: str(v) for k, v in data.figures.values.items()}
            state.chat_quotes = {k: f"{display_name(figure_file.name)}: {data.figures.cells.get(k, k)}" for k in state.chat_values}
            yield from _redraft_chat(asst, state, DRAFTED if intent.whole or not intent.sections else intent.sections)
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
            _merge_reading(state, reading, today)
            unread = "".join(f"- “{u.quote}” ({u.context}): {u.reason}.\n" for u in reading.unread)
            preface = f"Tôi chưa dùng các số sau:\n{unread}\n" if unread else ""
            sections = list(DRAFTED) if intent.whole else (intent.sections or [k for k in DRAFTED if any(
                FIELD_BY_KEY[f].section == k for f in state.chat_values)] or ["II.2"])
            yield from _redraft_chat(asst, state, sections, preface)
            return
        if intent.kind == "practice":
            yield from _practice(asst, state, message, intent)
            return
        if intent.kind == "help":
            yield _reply(state, HELP_TEXT, done=True)
            return
        as_of = reading.meta.date or _as_of_from(message) or today
        yield from _ask(asst, state, message, as_of)
    except TroLyError as exc:
        yield _reply(state, f"⚠️ {exc.message}", done=True)


def _as_of_from(message: str) -> dt.date | None:
    m = re.search(r"tháng\s+(\d{1,2})\s*/\s*(\d{4})|(\d{1,2})/(\d{4})", message)
    if not m:
        return None
    month, year = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(3)), int(m.group(4)))
    try:
        return dt.date(year, month, 15)
    except ValueError:
        return None


def apply_corrections(asst, state: UserState, meta_rows: list[list], figure_rows: list[list]) -> Iterator[ChatReply]:
    """The official corrected what the chat understood: use exactly those values and draft again."""
    by_label = {META_LABELS.get(f, f): f for f in META_FIELDS}
    meta = {}
    for row in meta_rows or []:
        if len(row) >= 2 and str(row[1] or "").strip() and row[0] in by_label:
            meta[by_label[row[0]]] = str(row[1]).strip()
    values, quotes = {}, {}
    for row in figure_rows or []:
        if len(row) >= 3 and str(row[0] or "").strip() and str(row[2] or "").strip():
            key = str(row[0]).strip()
            values[key] = str(row[2]).strip()
            quotes[key] = state.chat_quotes.get(key, "(đã sửa tay)") if state.chat_values.get(key) == values[key] else "(đã sửa tay)"
    for list_field in ("recipients", "basis"):
        if list_field in meta:
            meta[list_field] = [x.strip() for x in re.split(r"[;\n]", meta[list_field]) if x.strip()]
    state.chat_meta, state.chat_values, state.chat_quotes = meta, values, quotes
    yield from _redraft_chat(asst, state, state.chat_sections or ["II.2"], "Đã nhận số liệu đã sửa. ")


# ------------------------------------------------------------------------------ report builder
def load_figures_input(asst, path: Path) -> FiguresInput:
    data = _check_upload(path, FIGURE_FILES, asst.settings.max_upload_bytes)
    return load_figures_bytes(data, display_name(Path(path).name))


def empty_tables() -> dict[str, list[list]]:
    return {a.key: [[f.key.split(".", 1)[1], f.label, f.unit, "", "", ""] for f in FIELDS if f.area == a.key] for a in AREAS}


def tables_from_input(data: FiguresInput) -> dict[str, list[list]]:
    tables = empty_tables()
    fs = data.figures
    for area, rows in tables.items():
        for row in rows:
            key = f"{area}.{row[0]}"
            if key in fs.values:
                row[3] = str(fs.values[key]).replace(".", ",") if FIELD_BY_KEY[key].kind != "count" else str(fs.values[key])
            if key in fs.previous:
                row[4] = str(fs.previous[key])
    return annotate_tables(tables, fs)


def annotate_tables(tables: dict[str, list[list]], fs: FigureSet) -> dict[str, list[list]]:
    """Validation messages next to the fields they concern (the «Kiểm tra» column)."""
    notes: dict[str, list[str]] = {}
    for i in fs.issues:
        notes.setdefault(i.field, []).append(("❌ " if i.severity == "error" else "⚠️ ") + i.message)
    for key, value in fs.derived.items():
        if key in FIELD_BY_KEY:
            notes.setdefault(key, []).append(f"= {value} (tính từ các thành phần)")
    out = {}
    for area, rows in tables.items():
        out[area] = [[*row[:5], " ".join(notes.get(f"{area}.{row[0]}", []))] for row in rows]
    return out


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def form_to_input(meta: dict, tables: dict[str, list[list]]) -> FiguresInput:
    """The builder's fields and tables → the same FiguresInput a workbook gives."""
    raw_meta = {k: v for k, v in meta.items() if _cell(v) != "" and v != []}  # lists split by meta_from_cells
    values, previous, cells = {}, {}, {}
    for area in AREAS:
        for row in tables.get(area.key) or []:
            if not row or not _cell(row[0]):
                continue
            key = f"{area.key}.{_cell(row[0])}"
            label = FIELD_BY_KEY[key].label if key in FIELD_BY_KEY else key
            if len(row) > 3 and _cell(row[3]):
                values[key] = _cell(row[3])
                cells[key] = f"bảng «{area.title}», dòng «{label}», cột Kỳ này"
            if len(row) > 4 and _cell(row[4]):
                previous[key] = _cell(row[4])
    meta_cells = {f"meta.{k}": f"ô «{META_LABELS.get(k, k)}»" for k in META_FIELDS}
    return figures_from_data({"meta": raw_meta, "figures": values, "previous": previous}, {**cells, **meta_cells},
                             source="biểu mẫu")


def window_text(period: str | None, year) -> str:
    try:
        y = int(year)
    except (TypeError, ValueError):
        return "Chọn kỳ và năm để xem thời gian lấy số liệu."
    if period not in PERIODS or not 2000 <= y <= 2100:
        return "Chọn kỳ và năm để xem thời gian lấy số liệu."
    return f"Số liệu {data_window(period, y).text()} (kỳ {period} năm {y})."


def validation_md(data: FiguresInput) -> str:
    if not data.issues:
        return "✅ Số liệu và thông tin chung hợp lệ."
    lines = [("❌ " if i.severity == "error" else "⚠️ ") + i.message for i in data.issues]
    return "\n".join(f"- {x}" for x in lines)


@dataclass
class BuildResult:
    html: str
    findings: list[list]
    docx: Path | None
    workbook: Path | None
    message: str
    draft_id: str | None = None


def generate_report(asst, state: UserState, data: FiguresInput, sections: list[str] | None = None,
                    on_progress: Callable[[str, int, int], None] | None = None) -> BuildResult:
    if data.errors:
        return BuildResult(html="", findings=[], docx=None, workbook=None,
                           message="Chưa soạn: còn lỗi ở số liệu hoặc thông tin chung.\n" + validation_md(data))
    draft = asst.draft_input(data, sections, on_progress=on_progress)
    meta = data.meta
    rec = SavedDraft(id=state.builder_draft_id or SavedDraft(user=state.user).id, user=state.user, origin="builder",
                     title=f"{meta.issuer} — {meta.period_text}", meta=meta.model_dump(mode="json"),
                     values={k: str(v) for k, v in data.figures.values.items()},
                     previous={k: str(v) for k, v in data.figures.previous.items()}, sections=sections, draft=draft)
    rec = asst.store.save(rec)
    state.builder_draft_id = rec.id
    state.last_draft = draft
    docx, workbook = export_files(asst, state.user, rec)
    asst.audit.record(state.user, "draft", rec.id, _audit_sources(draft), {"origin": "builder", "llm": draft.llm})
    asst.audit.record(state.user, "export", docx.name, [rec.id], {"files": [docx.name, workbook.name]})
    n_err = sum(1 for f in draft.findings if f.severity == "error")
    return BuildResult(html=draft_html(draft), findings=draft_findings_rows(draft), docx=docx, workbook=workbook,
                       message=f"Đã soạn {len(draft.sections)} mục; {len(draft.findings)} phát hiện ({n_err} lỗi). "
                               f"Dự thảo đã lưu (mã {rec.id}).", draft_id=rec.id)


def export_files(asst, user: str, rec: SavedDraft) -> tuple[Path, Path]:
    out = asst.store.export_dir(user)
    slug = re.sub(r"[^a-z0-9]+", "-", fold_lower(rec.meta.get("locality", "bao-cao")))[:40].strip("-") or "bao-cao"
    docx = out / f"bao-cao-cchc-{slug}-{rec.id}.docx"
    atomic_write(docx, render_docx(rec.draft))
    meta = dict(rec.meta)
    workbook = out / f"so-lieu-{slug}-{rec.id}.xlsx"
    atomic_write(workbook, write_template(meta=meta, values={k: _num(v) for k, v in rec.values.items()},
                                          previous={k: _num(v) for k, v in rec.previous.items()}))
    return docx, workbook


def _num(v: str):
    d = Decimal(v)
    return int(d) if d == d.to_integral_value() else float(d)


def list_drafts(asst, user: str) -> list[tuple[str, str]]:
    return [(r.label(), r.id) for r in asst.store.list(user)]


def open_draft(asst, state: UserState, draft_id: str) -> tuple[SavedDraft, FiguresInput, BuildResult]:
    rec = asst.store.load(state.user, draft_id)
    data = figures_from_data({"meta": rec.meta, "figures": rec.values, "previous": rec.previous}, source="dự thảo đã lưu")
    if rec.origin == "builder":
        state.builder_draft_id = rec.id
    else:
        state.last_draft_id = rec.id
        state.chat_meta, state.chat_values, state.chat_sections = dict(rec.meta), dict(rec.values), rec.sections or []
    state.last_draft = rec.draft
    docx, workbook = export_files(asst, state.user, rec) if rec.draft else (None, None)
    result = BuildResult(html=draft_html(rec.draft) if rec.draft else "", findings=draft_findings_rows(rec.draft) if rec.draft else [],
                         docx=docx, workbook=workbook, message=f"Đã mở dự thảo {rec.label()}.", draft_id=rec.id)
    return rec, data, result


def template_file(asst, user: str) -> Path:
    path = asst.store.export_dir(user) / "mau-so-lieu-cchc.xlsx"
    atomic_write(path, write_template())
    return path


# ------------------------------------------------------------------------------ review
@dataclass
class ReviewResult:
    rows: list[list]
    html: str
    csv: Path | None
    summary: str


REVIEW_HEADERS = ["Mức độ", "Loại", "Mục", "Đoạn", "Trích", "Vấn đề", "Gợi ý"]


def review_file(asst, user: str, path: Path, as_of: dt.date | None) -> ReviewResult:
    from drafting.review import load_review_document, review_document

    path = Path(path)
    data = _check_upload(path, REVIEW_FILES, asst.settings.max_upload_bytes)
    doc = load_review_document(data, display_name(path.name))
    issues = sort_issues(review_document(doc, asst.drafter.registry, as_of))
    rows = review_rows(issues)
    html = review_html([(p.index, p.text) for p in doc.paragraphs], issues)
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(REVIEW_HEADERS)
    w.writerows(rows)
    out = asst.store.export_dir(user) / f"ra-soat-{re.sub(r'[^a-z0-9]+', '-', fold_lower(path.stem))[:40]}.csv"
    atomic_write(out, buf.getvalue().encode("utf-8-sig"))  # BOM: Excel opens Vietnamese correctly
    counts = {s: sum(1 for i in issues if i.severity == s) for s in ("error", "warning", "info")}
    summary = (f"{len(issues)} vấn đề — {counts['error']} lỗi, {counts['warning']} cảnh báo, {counts['info']} lưu ý"
               + (f" (đối chiếu ngày {as_of:%d/%m/%Y})." if as_of else "."))
    asst.audit.record(user, "review", display_name(path.name), sorted({i.kind for i in issues}),
                      {"as_of": as_of.isoformat() if as_of else None, "issues": len(issues)})
    return ReviewResult(rows=rows, html=html, csv=out, summary=summary)


# ------------------------------------------------------------------------------ library
LIBRARY_HEADERS = ["Mã", "Loại", "Tên", "Cấp", "Kỳ", "Năm", "Hiệu lực hôm nay", "Nguồn"]


def library_rows(asst, today: dt.date | None = None) -> list[list]:
    today = today or dt.date.today()
    stack = asst.retrieval
    registry = stack.registry
    rows = []
    for d in stack.documents():
        status = ""
        if d.kind == "regulation" and d.number and (reg := registry.get(d.number)):
            status = registry.status_on(reg, today).text
        kind = "Văn bản pháp luật" if d.kind == "regulation" else "Báo cáo"
        origin = "Người dùng nhập" if d.doc_id.startswith("user-") else ("Sổ đăng ký" if d.doc_id.startswith("registry-") else "Kho có sẵn")
        rows.append([d.doc_id, kind, d.title, d.level or "", d.period or "", d.year or "", status, origin])
    return rows


def registry_rows(asst, today: dt.date | None = None) -> list[list]:
    today = today or dt.date.today()
    reg = asst.retrieval.registry
    return [[d.number, d.type, d.title, reg.status_on(d, today).text, d.tag("signed")] for d in reg]


def library_upload(asst, user: str, paths: list[Path], kind: str | None,
                   progress: Callable[[int, int], None] | None = None) -> str:
    stack = asst.retrieval
    added, refused = [], []
    for p in paths:
        p = Path(p)
        try:
            doc = stack.library.add(p, stack.registry, max_bytes=asst.settings.max_upload_bytes, kind=kind or None,
                                    max_pages=asst.settings.max_pages)
            added.append(doc.doc_id)
        except TroLyError as exc:
            refused.append(exc.message if exc.message.startswith(display_name(p.name)) else f"{display_name(p.name)}: {exc.message}")
    report = stack.indexer.sync(stack.documents(), progress=progress)
    asst.refresh_places()
    asst.audit.record(user, "ingest", ", ".join(display_name(Path(p).name) for p in paths)[:300], added, {"refused": refused})
    msg = f"Đã nhập {len(added)} tệp. Chỉ mục: {report.summary()}."
    if refused:
        msg += "\nKhông nhập được:\n" + "\n".join(f"- {r}" for r in refused)
    return msg


def library_remove(asst, user: str, doc_id: str) -> str:
    stack = asst.retrieval
    if not doc_id or not doc_id.startswith("user-"):
        raise InputError("Chỉ xóa được tài liệu do người dùng nhập (mã bắt đầu bằng “user-”).")
    if not stack.library.remove(doc_id):
        raise InputError(f"Không có tài liệu {doc_id} trong thư viện.")
    report = stack.indexer.sync(stack.documents())
    asst.refresh_places()
    asst.audit.record(user, "remove", doc_id)
    return f"Đã xóa {doc_id}. Chỉ mục: {report.summary()}."


def reindex(asst, user: str, progress: Callable[[int, int], None] | None = None) -> str:
    stack = asst.retrieval
    report = stack.indexer.sync(stack.documents(), progress=progress)
    asst.audit.record(user, "reindex", "", [], {"summary": report.summary()})
    return f"Chỉ mục: {report.summary()} ({report.seconds:.1f} giây); tổng {stack.store.count()} đoạn."


def audit_rows(asst, user: str | None) -> list[list]:
    return [[e.at, e.user, e.action, e.subject, ", ".join(e.sources)[:200]] for e in asst.audit.entries(user)]

