"""Trợ lý CCHC — the Gradio app (`make run`): Trò chuyện, Lập báo cáo, Rà soát, Thư viện.

The only module that imports gradio. It lays out the page and turns the product's errors into
Vietnamese messages; what each button does lives in drafting/service/ (plain functions, tested
without a browser)."""

from __future__ import annotations

import argparse
import datetime as dt
import functools
import sys
import threading
from pathlib import Path

from retrieval.offline import enforce_offline

enforce_offline()  # before gradio, chromadb or huggingface are imported

import gradio as gr  # noqa: E402

from corpus.errors import InputError, TroLyError, configure_logging, shown  # noqa: E402
from drafting import service as h  # noqa: E402
from drafting.figures.facts import SECTIONS as SECTION_KEYS  # noqa: E402
from drafting.figures.outline import heading  # noqa: E402
from drafting.figures.periods import PERIODS  # noqa: E402
from drafting.figures.schema import AREAS  # noqa: E402
from drafting.service import accounts, screens, session  # noqa: E402
from drafting.service.assistant import Assistant, start_assistant  # noqa: E402
from drafting.service.screens import EXAMPLES, LEVELS, Field  # noqa: E402
from retrieval.settings import Settings, load_settings  # noqa: E402


def ensure_user(st: h.UserState, request: gr.Request | None) -> h.UserState:
    return session.api_user(st, getattr(request, "username", None), getattr(request, "session_hash", None))


def _f(path) -> str | None:
    return str(path) if path else None


def _warn(exc: TroLyError) -> str:
    return f"⚠️ {shown(exc, 'troly.app')}"


def _said(call) -> str:
    """What an action said, or what went wrong with it (said in the same place)."""
    try:
        return call()
    except TroLyError as exc:
        return _warn(exc)


def _guarded(n: int, at: int = -1, state_at: int | None = None):
    """A handler whose product error leaves its n outputs as they were, says what went wrong in output `at` (next
    to where it was asked) and returns the session's state, the handler's last positional argument, in `state_at`."""
    def wrap(fn):
        @functools.wraps(fn)  # gradio reads the handler's own signature (request, progress) through __wrapped__
        def run(*args, **kwargs):
            try:
                return fn(*args, **kwargs)
            except TroLyError as exc:
                out = [gr.skip()] * n
                out[at] = _warn(exc)
                if state_at is not None:
                    out[state_at] = args[-1]
                return out
        return run
    return wrap


def _act(asst: Assistant, fn, n: int):
    """A service action that returns the page's n outputs (h.KEEP where nothing changes), guarded as above."""
    return _guarded(n)(lambda *values: [gr.skip() if v is h.KEEP else v for v in fn(asst, *values)])


def _table(name: str, interactive: bool = False, **kw) -> gr.Dataframe:
    t = screens.TABLES[name]
    spec = dict(headers=list(t.headers), type="array", interactive=interactive, wrap=True, elem_id=t.elem_id,
                label=t.label, column_count=(len(t.headers), "fixed"), column_widths=list(t.widths) or None)
    return gr.Dataframe(**{**spec, **kw})


def _field(f: Field) -> gr.components.Component:
    if f.kind == "choice":
        return gr.Dropdown(list(f.choices), label=f.label, value=f.value, allow_custom_value=f.custom)
    if f.kind == "number":
        return gr.Number(label=f.label, value=f.value, precision=0)
    return gr.Textbox(label=f.label, value=f.value, placeholder=f.placeholder, lines=f.lines)


def build_chat_tab(asst: Assistant, state: gr.State) -> dict:
    with gr.Row():
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(label="Trò chuyện", height=560, elem_id="chat", render_markdown=True,
                                 placeholder=screens.CHAT_PLACEHOLDER)
            box = gr.MultimodalTextbox(placeholder=f"Ví dụ: {EXAMPLES[1]}",
                                       file_types=[*h.REVIEW_FILES, *h.FIGURE_FILES], file_count="multiple",
                                       label="Tin nhắn", show_label=False, elem_id="chat-input", submit_btn="Gửi")
            with gr.Row():
                new_btn = gr.Button("Cuộc trò chuyện mới", size="sm", elem_id="chat-new")
                to_builder = gr.Button("Mở dự thảo này ở «Lập báo cáo»", size="sm", elem_id="chat-to-builder")
                ref_day = gr.Textbox("", label="Ngày đối chiếu (để trống: hôm nay)", placeholder="ngày/tháng/năm",
                                     elem_id="chat-date", scale=1)
            chat_msg = gr.Markdown(elem_id="chat-status", elem_classes="tl-msg")
            gr.Examples(examples=[{"text": t} for t in EXAMPLES], inputs=box, label="Gợi ý")
        with gr.Column(scale=2):
            gr.Markdown("**Số liệu tôi đã hiểu** — sửa trực tiếp rồi bấm «Soạn lại».", elem_classes="tl-small")
            understood = _table("understood", interactive=True)
            gr.Markdown(screens.CHAT_FACTS_HINT, elem_classes="tl-small")
            facts_df = _table("facts", interactive=True)
            meta_df = _table("meta", interactive=True)
            redo = gr.Button("Soạn lại theo số liệu đã sửa")
            chat_file = gr.File(label="Tệp dự thảo (.docx)", interactive=False, elem_id="chat-docx", height=90)

    def respond(message, history, day, st, request: gr.Request):
        st = ensure_user(st, request)
        text = (message or {}).get("text", "") or ""
        files = [f if isinstance(f, str) else f.get("path") for f in (message or {}).get("files", [])]
        try:
            st.reference_date = session.parse_day(day)
        except InputError as exc:  # said next to the date field; the message is kept in the box
            yield history, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), f"⚠️ {exc.message}", st
            return
        history = list(history or [])
        said = text + (f"\n\n📎 {', '.join(Path(f).name for f in files)}" if files else "")
        history.append({"role": "user", "content": said or "(tệp đính kèm)"})
        history.append({"role": "assistant", "content": "…"})
        yield history, None, gr.skip(), gr.skip(), gr.skip(), gr.skip(), gr.skip(), "", st
        for reply in h.chat_turn(asst, st, text, files):
            history[-1] = {"role": "assistant", "content": reply.text}
            tables = ([reply.understood, reply.meta_rows, reply.fact_rows, _f(reply.docx), session.day_text(st.reference_date)]
                      if reply.done else [gr.skip()] * 5)  # the tables are shown once, with the final reply
            yield history, None, *tables, "", st

    def corrected(meta_rows, fig_rows, fact_table, history, st, request: gr.Request):
        st = ensure_user(st, request)
        history = list(history or [])
        history.append({"role": "user", "content": "(Đã sửa số liệu ở bảng bên phải)"})
        history.append({"role": "assistant", "content": "…"})
        for reply in h.apply_corrections(asst, st, meta_rows, fig_rows, fact_table):
            history[-1] = {"role": "assistant", "content": reply.text}
            yield (history, reply.understood, reply.meta_rows, reply.fact_rows if reply.done else gr.skip(),
                   _f(reply.docx) if reply.done else gr.skip(), st)

    def new_conversation(st, request: gr.Request):
        st = ensure_user(st, request).new_conversation()
        return [], None, [], h.meta_rows(st), [], None, "", "Đã bắt đầu cuộc trò chuyện mới.", st

    outputs = [chatbot, box, understood, meta_df, facts_df, chat_file, ref_day, chat_msg, state]
    box.submit(respond, [box, chatbot, ref_day, state], outputs, api_name="chat", concurrency_limit=4)
    redo.click(corrected, [meta_df, understood, facts_df, chatbot, state],
               [chatbot, understood, meta_df, facts_df, chat_file, state], api_name="chat_corrected", concurrency_limit=4)
    new_btn.click(new_conversation, [state], outputs, api_name="chat_new")
    return {"to_builder": to_builder, "message": chat_msg}


def build_builder_tab(asst: Assistant, state: gr.State) -> dict:
    meta_inputs: dict[str, gr.components.Component] = {}
    with gr.Row():
        with gr.Column(scale=2):
            gr.Markdown("### Thông tin chung")
            window = None
            for row in screens.meta_fields(dt.date.today()):
                with gr.Row():
                    for f in row:
                        meta_inputs[f.key] = _field(f)
                if window is None and "period" in meta_inputs:  # the data window, under the period chosen
                    window = gr.Markdown(h.window_text(meta_inputs["period"].value, meta_inputs["year"].value),
                                         elem_id="window")
        with gr.Column(scale=1):
            gr.Markdown("### Số liệu từ tệp")
            upload = gr.File(label="Tải lên sổ số liệu .xlsx / .yaml", file_types=list(h.FIGURE_FILES), elem_id="figures-upload")
            upload_msg = gr.Markdown(elem_id="figures-status", elem_classes="tl-msg")
            template_btn = gr.Button("Tải mẫu Excel trống")
            # shown once there is a file: an empty file box is a blank area beside the uploads
            template_file = gr.File(label="Mẫu số liệu", interactive=False, height=90, visible=False, elem_id="template-file")
            gr.Markdown("### Dự thảo đã lưu")
            drafts = gr.Dropdown(label="Dự thảo của tôi", choices=[], elem_id="drafts", allow_custom_value=True)
            open_btn = gr.Button("Mở dự thảo")
    gr.Markdown("### Số liệu theo lĩnh vực — nhập ở cột «Kỳ này» (và «Kỳ trước», «Cùng kỳ năm trước» để so sánh)")
    tables = {}
    empty = h.empty_tables()
    with gr.Tabs():
        for area in AREAS:
            with gr.Tab(area.title):
                tables[area.key] = _table("figures", interactive=True, value=empty[area.key], static_columns=[0, 1, 5],
                                          elem_id=f"table-{area.key.replace('_', '-')}")
    gr.Markdown("### Nội dung của đơn vị — mỗi dòng một việc, theo lời của anh/chị")
    gr.Markdown(screens.BUILDER_FACTS_HINT, elem_classes="tl-small")
    texts = {}
    with gr.Tabs():
        for key in SECTION_KEYS:
            with gr.Tab(key):
                texts[key] = gr.Textbox(label=heading(key), lines=6,
                                        elem_id=f"facts-{key.replace('.', '-')}")
    with gr.Row():
        with gr.Column(scale=2):
            targets = _table("targets", interactive=True)
        with gr.Column(scale=1):
            register = gr.File(label="Danh sách văn bản đi (.xlsx/.csv từ phần mềm quản lý văn bản)",
                               file_types=[".xlsx", ".csv"], elem_id="register-upload")
            register_msg = gr.Markdown(elem_id="register-status", elem_classes="tl-msg")
            past = gr.File(label="Báo cáo kỳ trước hoặc cùng kỳ năm trước (.docx/.pdf/.txt) → cột tương ứng",
                           file_types=list(h.REPORT_FILES), elem_id="previous-upload")
            past_lib = gr.Button("Lấy số kỳ trước từ bản chính thức trong thư viện", elem_id="previous-library")
            past_msg = gr.Markdown(elem_id="previous-status", elem_classes="tl-msg")
            plan = gr.File(label="Kế hoạch CCHC năm → nhiệm vụ (mục IV) và chỉ tiêu", file_types=list(h.REPORT_FILES),
                           elem_id="plan-upload")
            plan_msg = gr.Markdown(elem_id="plan-status", elem_classes="tl-msg")
    with gr.Row():
        check_btn = gr.Button("Kiểm tra số liệu")
        gen_btn = gr.Button("Soạn báo cáo", variant="primary", elem_id="generate")
    status = gr.Markdown(elem_id="builder-status")
    with gr.Row():
        docx_out = gr.File(label="Báo cáo (.docx)", interactive=False, elem_id="builder-docx")
        wb_out = gr.File(label="Sổ số liệu đã điền (.xlsx)", interactive=False)
    findings = _table("findings")
    with gr.Accordion("Sửa nội dung một mục (mỗi dòng một đoạn; được kiểm tra lại số liệu và trích dẫn khi lưu)",
                      open=False, elem_id="edit-panel"):
        with gr.Row():
            edit_key = gr.Dropdown(label="Mục", choices=[], elem_id="edit-section", scale=1)
            edit_save = gr.Button("Kiểm tra và lưu mục này", variant="primary", elem_id="edit-save", scale=1)
        edit_text = gr.Textbox(label="Nội dung mục", lines=10, elem_id="edit-text")
        precedent = gr.Dropdown(label="Chèn câu từ báo cáo trước (tên và số đã che; được đánh dấu để xác nhận)",
                                choices=[], elem_id="edit-precedent")
        edit_msg = gr.Markdown(elem_id="edit-status", elem_classes="tl-msg")
    preview = gr.HTML(elem_id="builder-preview")

    meta_keys = list(meta_inputs)
    area_keys = [a.key for a in AREAS]
    form = h.FormLayout(meta_keys, area_keys, SECTION_KEYS)
    all_inputs = ([meta_inputs[k] for k in meta_keys] + [tables[k] for k in area_keys] + [texts[k] for k in SECTION_KEYS]
                  + [targets])

    def on_upload(file, st):
        if not file:
            return [gr.skip()] * (len(all_inputs) + 2)
        try:
            data = h.load_figures_input(asst, Path(file))
        except TroLyError as exc:  # the box is emptied for the next try; the message names the file
            return [gr.skip()] * len(all_inputs) + [_warn(exc), None]
        meta = data.meta.model_dump() if data.meta else dict(data.meta_raw)
        return form.values(meta, data) + [f"Đã đọc {Path(file).name}.\n\n" + h.validation_md(data), gr.skip()]

    def on_check(*values):
        data, tabs = form.to_input(values)
        tabs = h.annotate_tables(tabs, data.figures)
        return [tabs[k] for k in area_keys] + [h.validation_md(data)]

    @_guarded(8 + len(area_keys), at=0, state_at=7)
    def on_generate(*values, progress=gr.Progress()):
        st = ensure_user(values[-1], None)  # (variadic handlers get no request; the session's state keeps the id)
        data, tabs = form.to_input(values[:-1])
        progress(0, desc="Đang soạn…")

        def step(key, i, n):
            progress((i, n) if n else 1, desc=f"Đang soạn mục {key}" if key else "Hoàn tất", unit="mục")

        res = h.generate_report(asst, st, data, on_progress=step)
        tabs = h.annotate_tables(tabs, data.figures)
        choices = h.list_drafts(asst, st.user)
        return ([res.message, res.html, res.findings, _f(res.docx), _f(res.workbook),
                 gr.update(choices=choices, value=res.draft_id), edit_choices(st), st] + [tabs[k] for k in area_keys])

    def edit_choices(st):
        return gr.update(choices=h.section_choices(st.last_draft), value=None) if st.last_draft else gr.skip()

    def on_edit_pick(key, st):
        return (h.section_text(st.last_draft, key) if st.last_draft and key else "",
                gr.update(choices=h.proposal_choices(st.last_draft, key), value=None))

    @_guarded(5, at=0, state_at=4)
    def on_edit_save(key, text, st, request: gr.Request):
        st = ensure_user(st, request)
        res = h.edit_section(asst, st, st.builder_draft_id, key, text or "")
        return res.message, res.html, res.findings, _f(res.docx), st

    @_guarded(len(all_inputs) + 8, at=-4, state_at=-1)
    def on_open(draft_id, st, request: gr.Request):
        st = ensure_user(st, request)
        rec, data, res = h.open_draft(asst, st, draft_id)
        data = data.model_copy(update={"facts": rec.draft.facts, "targets": rec.draft.targets}) if rec.draft else data
        return (form.values(rec.meta, data) + [res.html, res.findings, _f(res.docx), _f(res.workbook), res.message, edit_choices(st),
                   gr.update(choices=h.list_drafts(asst, st.user), value=rec.id), st])

    upload.upload(on_upload, [upload, state], all_inputs + [upload_msg, upload], api_name="builder_upload")
    check_btn.click(on_check, all_inputs, [tables[k] for k in area_keys] + [status], api_name="builder_check")
    gen_btn.click(on_generate, all_inputs + [state],
                  [status, preview, findings, docx_out, wb_out, drafts, edit_key, state] + [tables[k] for k in area_keys],
                  api_name="builder_generate", concurrency_limit=2)
    open_outputs = all_inputs + [preview, findings, docx_out, wb_out, status, edit_key, drafts, state]
    open_btn.click(on_open, [drafts, state], open_outputs, api_name="builder_open")
    edit_key.change(on_edit_pick, [edit_key, state], [edit_text, precedent], show_progress="hidden")
    precedent.input(h.insert_proposal, [edit_text, precedent], [edit_text], show_progress="hidden")
    edit_save.click(on_edit_save, [edit_key, edit_text, state], [edit_msg, preview, findings, docx_out, state],
                    api_name="builder_edit")
    table_outs, text_outs = [tables[k] for k in area_keys], [texts[k] for k in SECTION_KEYS]
    past.upload(_act(asst, form.previous, len(area_keys) + len(SECTION_KEYS) + 1), [past] + all_inputs,
                table_outs + text_outs + [past_msg], api_name="builder_previous")
    plan.upload(_act(asst, form.plan, len(area_keys) + len(SECTION_KEYS) + 2), [plan] + all_inputs,
                table_outs + text_outs + [targets, plan_msg], api_name="builder_plan")
    past_lib.click(_act(asst, form.previous_library, len(area_keys) + 1), all_inputs, table_outs + [past_msg],
                   api_name="builder_previous_library")
    register.upload(_act(asst, form.register, len(SECTION_KEYS) + 1), [register] + text_outs, text_outs + [register_msg],
                    api_name="builder_register")

    def on_template(st, request: gr.Request):
        return gr.update(value=_f(h.template_file(asst, ensure_user(st, request).user)), visible=True)

    template_btn.click(on_template, [state], [template_file], api_name="template")
    for comp in (meta_inputs["period"], meta_inputs["year"]):
        comp.change(h.window_text, [meta_inputs["period"], meta_inputs["year"]], [window], show_progress="hidden")
    return {"drafts": drafts, "open": on_open, "open_outputs": open_outputs}


def build_review_tab(asst: Assistant, state: gr.State) -> None:
    with gr.Row():
        doc = gr.File(label="Dự thảo cần rà soát (.docx, .doc, .txt, .md, hoặc bản ký đã quét .pdf/ảnh)", file_types=list(h.REVIEW_FILES), elem_id="review-upload")
        with gr.Column():
            # empty by default: a report is checked against the day printed on it, not the day it is reviewed
            as_of = gr.Textbox(label="Ngày đối chiếu hiệu lực văn bản và kỳ số liệu (ngày/tháng/năm)",
                               placeholder="để trống: ngày ghi trên văn bản", value="", elem_id="review-date")
            against = gr.Dropdown(label="Đối chiếu với dự thảo đã lưu (để trống: tự tìm dự thảo cùng đơn vị, kỳ, năm)",
                                  choices=[("", "")], value="", allow_custom_value=True, elem_id="review-against")
            scope = gr.Dropdown(screens.SECTION_CHOICES, value="", label="Phạm vi rà soát", elem_id="review-scope")
            run = gr.Button("Rà soát", variant="primary", elem_id="review-run")
            official = gr.Button("Lưu làm bản chính thức", elem_id="review-official")
    summary = gr.Markdown(elem_id="review-summary")
    table = _table("review")
    csv_out = gr.File(label="Tải danh sách vấn đề (.csv)", interactive=False)
    marked = gr.HTML(elem_id="review-preview")

    def on_review(file, day, draft_id, part, st, request: gr.Request):
        st = ensure_user(st, request)
        if not file:
            return "Xin chọn tệp dự thảo.", gr.skip(), gr.skip(), gr.skip()
        try:
            res = h.review_file(asst, st.user, Path(file), session.parse_day(day), draft_id or None, section=part or "")
        except TroLyError as exc:
            return _warn(exc), [], None, ""
        return res.summary, res.rows, _f(res.csv), res.html

    def on_official(file, draft_id, st, request: gr.Request):
        st = ensure_user(st, request)
        if not file:
            return "Xin chọn tệp bản cuối (đã sửa trong Word hoặc bản ký đã quét)."
        return _said(lambda: h.save_official(asst, st.user, Path(file), draft_id or None))

    def on_drafts(st, request: gr.Request):
        return gr.update(choices=[("", "")] + h.list_drafts(asst, ensure_user(st, request).user))

    doc.upload(on_drafts, [state], [against])
    run.click(on_review, [doc, as_of, against, scope, state], [summary, table, csv_out, marked], api_name="review",
              concurrency_limit=4)
    official.click(on_official, [doc, against, state], [summary], api_name="review_official")


def build_library_tab(asst: Assistant, state: gr.State):
    gr.Markdown(screens.LIBRARY_HINT)
    with gr.Row():
        query = gr.Textbox(label="Tìm trong thư viện", placeholder="ví dụ: một cửa 2025, xã Ba Trang", scale=3,
                           elem_id="library-search")
        only = gr.Dropdown([("Tất cả", ""), ("Báo cáo", "report"), ("Văn bản pháp luật", "regulation")], value="",
                           label="Loại", scale=1, elem_id="library-kind")
    ids = gr.State([])
    docs = _table("library", max_height=420)
    picked = gr.State("")
    with gr.Group(visible=False, elem_id="library-selected") as panel:
        picked_md = gr.Markdown(elem_classes="tl-msg")
        with gr.Row():
            p_kind = gr.Dropdown([("Báo cáo", "report"), ("Văn bản pháp luật", "regulation")], label="Loại")
            p_level = gr.Dropdown(["", *LEVELS], label="Cấp")
            p_period = gr.Dropdown(["", *PERIODS], label="Kỳ")
            p_year = gr.Number(label="Năm", precision=0)
        with gr.Row():
            save_btn = gr.Button("Lưu thông tin", elem_id="library-save")
            remove_btn = gr.Button("Xóa tài liệu này", variant="stop", elem_id="library-remove")
            confirm_btn = gr.Button("Xác nhận xóa", variant="stop", visible=False, elem_id="library-confirm")
    with gr.Row():
        files = gr.File(label="Nhập báo cáo hoặc văn bản (.docx, .doc, .odt, .pdf kể cả bản quét, ảnh quét, .txt, .md, .html)",
                        file_count="multiple", file_types=list(h.LIBRARY_FILES), elem_id="library-upload")
        with gr.Column():
            kind = gr.Radio([("Tự nhận biết", ""), ("Báo cáo", "report"), ("Văn bản pháp luật", "regulation")],
                            value="", label="Loại tài liệu")
            add_btn = gr.Button("Nhập và lập chỉ mục", variant="primary")
            message = gr.Markdown(elem_id="library-message", elem_classes="tl-msg")
            reindex_btn = gr.Button("Lập lại chỉ mục")
    with gr.Accordion("Hiệu lực văn bản trong sổ đăng ký (tính đến hôm nay)", open=False):
        reg = _table("registry")
    with gr.Accordion("Nhật ký thao tác của tôi", open=False):
        audit = _table("audit")

    def found(q="", k=""):
        table = h.library_rows(asst, query=q or "", kind=k or "")
        return table.ids, table.rows

    def refresh(st, q="", k=""):
        return *found(q, k), h.registry_rows(asst), h.audit_rows(asst, st.user)

    def on_pick(row_ids, evt: gr.SelectData):  # a new pick always hides the pending «Xác nhận xóa»
        try:
            pick = h.library_pick(asst, row_ids, evt.index)
        except TroLyError as exc:
            return ("", gr.update(visible=True), _warn(exc), *[gr.skip()] * 6, gr.update(visible=False))
        if pick is None:  # a click beside the rows
            return ("", gr.update(visible=False), "", *[gr.skip()] * 6, gr.update(visible=False))
        f = pick.fields
        return (pick.doc_id, gr.update(visible=True), pick.said, f["kind"], f["level"], f["period"], f["year"],
                gr.update(interactive=pick.own), gr.update(interactive=pick.own, visible=True), gr.update(visible=False))

    def on_save(doc_id, k, lv, pr, yr, q, only_kind, st, request: gr.Request):
        st = ensure_user(st, request)
        fields = {"kind": k, "level": lv or "", "period": pr or "", "year": yr}
        return (_said(lambda: h.library_update(asst, st.user, doc_id, fields)), *refresh(st, q, only_kind))

    def on_remove(doc_id, q, only_kind, st, request: gr.Request):
        st = ensure_user(st, request)
        msg = _said(lambda: h.library_remove(asst, st.user, doc_id))
        return (msg, gr.update(visible=False), gr.update(visible=False), *refresh(st, q, only_kind))

    def on_add(paths, k, st, request: gr.Request, progress=gr.Progress()):
        st = ensure_user(st, request)
        if not paths:
            return "Xin chọn tệp.", gr.skip(), gr.skip(), gr.skip(), gr.skip()

        def step(done, total, what="Lập chỉ mục", unit="đoạn"):  # a scan first shows its pages being read
            progress((done, total) if total else 1, desc=what, unit=unit)

        msg = _said(lambda: h.library_upload(asst, st.user, [Path(p) for p in paths], k or None, step,
                                             on_page=lambda name, d, t: step(d, t, f"Nhận dạng chữ (OCR) {name}", "trang")))
        return (msg, *refresh(st))

    def on_reindex(st, request: gr.Request, progress=gr.Progress()):
        st = ensure_user(st, request)
        return (h.reindex(asst, st.user, lambda d, t: progress((d, t) if t else 1, desc="Lập chỉ mục", unit="đoạn")),
                *refresh(st))

    listing = [ids, docs, reg, audit]
    gr.on([query.submit, only.change], lambda q, k: (*found(q, k), gr.update(visible=False)), [query, only], [ids, docs, panel])
    fields = [p_kind, p_level, p_period, p_year]
    docs.select(on_pick, [ids], [picked, panel, picked_md, *fields, save_btn, remove_btn, confirm_btn])
    save_btn.click(on_save, [picked, *fields, query, only, state], [picked_md, *listing],
                   api_name="library_update", concurrency_limit=1)
    # deleting asks once more, next to the button, before anything is removed
    remove_btn.click(lambda: (gr.update(visible=True), "Bấm «Xác nhận xóa» để xóa hẳn tài liệu này khỏi thư viện."),
                     None, [confirm_btn, picked_md])
    confirm_btn.click(on_remove, [picked, query, only, state], [message, panel, confirm_btn, *listing],
                      api_name="library_remove", concurrency_limit=1)
    add_btn.click(on_add, [files, kind, state], [message, *listing], api_name="library_add", concurrency_limit=1)
    reindex_btn.click(on_reindex, [state], [message, *listing], api_name="library_reindex", concurrency_limit=1)
    return refresh, listing


def build_app(asst: Assistant) -> gr.Blocks:
    with gr.Blocks(title="Trợ lý CCHC", analytics_enabled=False) as demo:
        state = gr.State(h.UserState())
        browser_id = gr.BrowserState("", storage_key="troly-cchc-user")
        gr.Markdown(f"## {screens.TITLE}\n<span class='tl-small'>Chạy trên máy này, không gửi dữ liệu ra ngoài · "
                    f"Chế độ: {screens.MODES[asst.llm_kind]}</span>")
        with gr.Tabs() as tabs:
            with gr.Tab("Trò chuyện", id="chat"):
                chat = build_chat_tab(asst, state)
            with gr.Tab("Lập báo cáo", id="builder"):
                builder = build_builder_tab(asst, state)
            with gr.Tab("Rà soát", id="review"):
                build_review_tab(asst, state)
            with gr.Tab("Thư viện", id="library"):
                refresh, library_outputs = build_library_tab(asst, state)
        user_md = gr.Markdown(elem_classes="tl-small", elem_id="user-name")

        def on_load(st, bid, request: gr.Request):
            st, bid = session.page_user(st, bid, getattr(request, "username", None) if request is not None else None)
            return (st, bid, gr.update(choices=h.list_drafts(asst, st.user)), f"Người dùng: {session.shown_user(st.user)}",
                    *refresh(st))

        def to_builder(st, request: gr.Request):
            st = ensure_user(st, request)
            try:
                draft_id = h.chat_to_builder(asst, st)
            except TroLyError as exc:  # said under the chat's buttons, where it was asked
                return [_warn(exc), gr.skip()] + [gr.skip()] * (len(builder["open_outputs"]) - 1) + [st]
            return ["", gr.Tabs(selected="builder"), *builder["open"](draft_id, st, request)]

        chat["to_builder"].click(to_builder, [state], [chat["message"], tabs, *builder["open_outputs"]],
                                 api_name="chat_to_builder")
        demo.load(on_load, [state, browser_id], [state, browser_id, builder["drafts"], user_md, *library_outputs])
    return demo


def main(argv: list[str] | None = None) -> int:
    session.limit_malloc_arenas()  # before the server's worker threads exist
    ap = argparse.ArgumentParser(description="Trợ lý CCHC — ứng dụng web trên máy này")
    ap.add_argument("--llm", choices=["none", "local", "openai"], default=None)
    ap.add_argument("--host", default=None)
    ap.add_argument("--port", type=int, default=None)
    args = ap.parse_args(argv)
    try:
        settings = load_settings(llm=args.llm, host=args.host, port=args.port)
        configure_logging(settings.log_level)
        asst = start_assistant(settings, notice=lambda said: print(said, file=sys.stderr))
    except TroLyError as exc:
        print(exc.message, file=sys.stderr)
        return 2
    demo = build_app(asst)
    launch(demo, settings, prevent_thread_lock=True)
    # the embedder (torch) and the model load once the page is served, not while the server starts
    threading.Thread(target=session.warm, args=(asst,), daemon=True).start()
    demo.block_thread()
    return 0


def launch(demo: gr.Blocks, settings: Settings, **kw):
    print(f"Trợ lý CCHC: http://{settings.host}:{settings.port}", flush=True)
    return demo.queue(default_concurrency_limit=4).launch(
        server_name=settings.host, server_port=settings.port, auth=accounts.checker(settings.users_file),
        auth_message="Đăng nhập bằng tài khoản do quản trị viên cấp.", max_file_size=f"{settings.max_upload_mb}mb",
        allowed_paths=[str(settings.data_dir / "users")], show_error=False, ssr_mode=False, quiet=True,
        # Gradio keeps a session's state until its tab closes (and an hour after); API clients never close
        state_session_capacity=settings.max_sessions,
        footer_links=[], theme=gr.themes.Soft(), css=screens.CSS, i18n=gr.I18n(en=session.UI_STRINGS, vi=session.UI_STRINGS), **kw)


if __name__ == "__main__":
    sys.exit(main())
