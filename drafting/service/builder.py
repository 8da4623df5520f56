"""The report builder: the form's tables and a figures file become the same FiguresInput; a draft is
made, saved per user and exported (.docx and the filled workbook)."""

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from corpus.docnumbers import find_refs
from corpus.errors import InputError
from corpus.loaders import display_name
from corpus.text import fold_lower
from drafting.figures.facts import split_issuer
from drafting.figures.figureset import FigureIssue, FigureSet
from drafting.figures.periods import PERIODS, data_window, period_name
from drafting.figures.schema import AREAS, FIELD_BY_KEY, FIELDS, key_for_label, label_of
from drafting.inputs.doc_register import read_register
from drafting.inputs.files import FiguresInput, figures_from_data, load_figures_bytes
from drafting.inputs.section_texts import facts_from_texts, texts_from_facts
from drafting.inputs.workbook import META_LABELS, write_template
from drafting.render.docx import render_docx
from drafting.render.preview import draft_findings_rows, draft_html
from drafting.service.state import FIGURE_FILES, META_FIELDS, HeldFigure, UserState, audit_sources, check_upload
from drafting.service.workspace import SavedDraft, atomic_write


def load_figures_input(asst, path: Path) -> FiguresInput:
    data = check_upload(path, FIGURE_FILES, asst.settings.max_upload_bytes)
    return load_figures_bytes(data, display_name(Path(path).name), asst.settings.max_upload_bytes,
                              asst.settings.convert_timeout)


# a figure table's row: [label, unit, this period, previous period, same period last year, check notes];
# read back by its label
CUR, PREV, SAME, NOTE = 2, 3, 4, 5


def empty_tables() -> dict[str, list[list]]:
    return {a.key: [[f.label, f.unit, "", "", "", ""] for f in FIELDS if f.area == a.key] for a in AREAS}


def row_key(area: str, row: list) -> str | None:
    return key_for_label(row[0], area) if row else None


def tables_from_input(data: FiguresInput) -> dict[str, list[list]]:
    tables = empty_tables()
    fs = data.figures
    for area, rows in tables.items():
        for row in rows:
            key = row_key(area, row)
            if key in fs.values:
                row[CUR] = str(fs.values[key]).replace(".", ",") if FIELD_BY_KEY[key].kind != "count" else str(fs.values[key])
            if key in fs.previous:
                row[PREV] = str(fs.previous[key])
            if key in fs.same_period:
                row[SAME] = str(fs.same_period[key])
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
        out[area] = [[*(list(row[:NOTE]) + [""] * (NOTE - len(row[:NOTE]))), " ".join(notes.get(row_key(area, row), []))]
                     for row in rows]
    return out


def _cell(v) -> str:
    if v is None:
        return ""
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return str(v).strip()


def form_to_input(meta: dict, tables: dict[str, list[list]], texts: dict[str, str] | None = None,
                  target_rows: list[list] | None = None) -> FiguresInput:
    """The builder's fields, tables, section texts and targets → the same FiguresInput a workbook gives."""
    raw_meta = {k: v for k, v in meta.items() if _cell(v) != "" and v != []}  # lists split by meta_from_cells
    values, previous, same_period, cells, unknown = {}, {}, {}, {}, []
    for area in AREAS:
        for row in tables.get(area.key) or []:
            if not row or not _cell(row[0]):
                continue
            key = row_key(area.key, row)
            if key is None:
                unknown.append(f"bảng «{area.title}», dòng «{_cell(row[0])}»")
                continue
            if len(row) > CUR and _cell(row[CUR]):
                values[key] = _cell(row[CUR])
                cells[key] = f"bảng «{area.title}», dòng «{label_of(key)}», cột Kỳ này"
            if len(row) > PREV and _cell(row[PREV]):
                previous[key] = _cell(row[PREV])
            if len(row) > NOTE and _cell(row[SAME]):  # a six-column row (older saved tables have five)
                same_period[key] = _cell(row[SAME])
    meta_cells = {f"meta.{k}": f"ô «{META_LABELS.get(k, k)}»" for k in META_FIELDS}
    facts, fact_issues = facts_from_texts(texts or {})
    targets = [{"key": key_for_label(r[0]) or _cell(r[0]), "value": _cell(r[1]), "source": _cell(r[2])}
               for r in target_rows or [] if len(r) >= 3 and any(_cell(c) for c in r[:3])]
    fact_issues = [*fact_issues, *(FigureIssue(field=u, cell=u, message=f"{u}: không phải chỉ tiêu của biểu (sửa lại "
                                               "tên dòng như trong mẫu).") for u in unknown)]
    return figures_from_data({"meta": raw_meta, "figures": values, "previous": previous,
                              "same_period_last_year": same_period, "facts": facts, "targets": targets}, {**cells, **meta_cells}, source="biểu mẫu", extra_issues=fact_issues)


TARGET_HEADERS = ["Chỉ tiêu", "Giá trị", "Nguồn (văn bản giao)"]


def target_rows(data: FiguresInput) -> list[list]:
    return [[label_of(t.key), str(t.value).replace(".", ","), t.source] for t in data.targets]


def section_texts(data: FiguresInput) -> dict[str, str]:
    return texts_from_facts(data.facts)


def register_lines(asst, path: Path, texts: dict[str, str]) -> tuple[dict[str, str], str]:
    """A document register export → its reform rows appended to the section texts (the official deletes the lines
    not wanted); the message lists what was added and what was left out."""
    data = check_upload(path, (".xlsx", ".csv"), asst.settings.max_upload_bytes)
    rows = read_register(data, display_name(Path(path).name), asst.settings.max_upload_bytes)
    out = dict(texts)
    # a document the sections already name by its number ("Kế hoạch số 15/KH-UBND …" typed or from the figures file)
    # is not added twice
    # (numbers compared as the citation parser reads them, whatever their spelling)
    held = {ref.key for v in texts.values() for ref in find_refs(v or "")}
    reform = [r for r in rows if r.reform]
    told = [r for r in reform if any(ref.key in held for ref in find_refs(r.number))]
    kept = [r for r in reform if r not in told]
    for r in kept:
        out[r.section] = ((out.get(r.section) or "").rstrip("\n") + "\n" + f"Ban hành {r.text}").lstrip("\n")
    notes = [f"dòng {r.row}: {r.note}" for r in rows if r.note]
    msg = (f"Đọc {len(rows)} văn bản; thêm {len(kept)} văn bản về CCHC vào các mục (xóa dòng nào không cần)"
           + (f"; {len(told)} văn bản đã có trong các mục ({', '.join(r.number for r in told)}), không thêm lại" if told else "")
           + f". Không thêm {len(rows) - len(reform)} văn bản khác.") + ("\n" + "\n".join(f"- {n}" for n in notes) if notes else "")
    return out, msg


REPORT_FILES = (".docx", ".doc", ".odt", ".pdf", ".txt", ".md", ".png", ".jpg", ".jpeg", ".tif", ".tiff")


def previous_from_report(asst, path: Path, meta: dict, tables: dict[str, list[list]],
                         texts: dict[str, str] | None = None) -> tuple[dict, dict[str, str], str]:
    """Last period's report → its figures in the «Kỳ trước» column, each noted with the words it came from, and the
    year's CCHC plan it says was issued (same year) into section I's text; a report of another unit or of a period
    not before this one is refused with a message."""
    from drafting.service.reading import carry_forward, carry_notes, read_report_bytes

    data = check_upload(path, REPORT_FILES, asst.settings.max_upload_bytes)
    past = read_report_bytes(data, display_name(Path(path).name), asst.settings.max_upload_bytes,
                             asst.settings.read_limits())
    try:
        year = int(meta.get("year"))
    except (TypeError, ValueError):
        year = None
    if not meta.get("period") or year is None:
        raise InputError("Hãy chọn kỳ báo cáo và năm trước khi tải báo cáo kỳ trước.")
    carry = carry_forward(past, meta["period"], year, meta.get("locality") or None)
    out = fill_previous(tables, carry.values, lambda key: ("⚠️ cần xác nhận: " if key in carry.to_confirm else "")
                        + f"{carry.label} theo «{carry.quotes.get(key, '')}»", PREV if carry.kind == "previous" else SAME)
    msg = (f"Đã điền {len(carry.values)} số liệu {carry.label} từ {carry.source} vào cột «{carry.label.capitalize()}» (ô đã có số "
           "giữ nguyên). Mỗi số ghi kèm câu trong báo cáo để anh/chị đối chiếu.")
    msg += carry_notes(carry, "Nhiệm vụ kỳ trước đã đề ra — ghi kết quả từng việc vào mục tương ứng, việc chưa "
                              "xong chuyển vào mục IV")
    texts = dict(texts or {})
    section_i = texts.get("I") or ""
    # the year's plan, issued in an earlier period of the same year, is a document of every later report of the year
    plans = [f.text for f in past.plans if past.header.year == year and f.number not in section_i]
    if plans:
        plans = [split_issuer(t)[1].strip() for t in plans]  # "UBND xã ban hành …": the unit's own, said once
        lines = [t[:1].upper() + t[1:] if fold_lower(t).startswith("ban hanh") else f"Ban hành {t}" for t in plans]
        texts["I"] = "\n".join([*section_i.splitlines(), *lines]).strip()
        msg += ("\n\nKế hoạch CCHC năm nêu trong báo cáo đó đã thêm vào ô mục I (sửa hoặc xóa nếu không đúng):\n"
                + "\n".join(f"- {t}" for t in plans))
    return out, texts, msg


def plan_into_form(asst, path: Path, texts: dict[str, str], targets: list[list],
                   tables: dict[str, list[list]]) -> tuple[dict[str, str], list[list], dict, str]:
    """The year's CCHC plan → its targets into the targets table, its tasks into section IV (the official deletes
    those done and reports them), the number of tasks in the plan into «Nhiệm vụ trong kế hoạch CCHC năm»."""
    from corpus.loaders import load_bytes
    from drafting.inputs.plan_reader import read_plan

    data = check_upload(path, REPORT_FILES, asst.settings.max_upload_bytes)
    plan = read_plan(load_bytes(data, display_name(Path(path).name), limits=asst.settings.read_limits()).text)
    if not plan.tasks and not plan.targets:
        raise InputError(f"{display_name(Path(path).name)}: không thấy nhiệm vụ hay chỉ tiêu nào (các dòng gạch đầu "
                         "dòng dưới các mục của kế hoạch); hãy kiểm tra đây có phải kế hoạch CCHC năm không.")
    out = dict(texts)
    known = fold_lower(out.get("IV") or "")
    new = [t.text for t in plan.tasks if fold_lower(t.text) not in known]
    out["IV"] = "\n".join([*(out.get("IV") or "").splitlines(), *new]).strip()
    rows = [list(r) for r in targets or [] if any(str(c or "").strip() for c in r)]
    have = {key_for_label(r[0]) or str(r[0]).strip() for r in rows}
    rows += [[label_of(t.key), str(t.value).replace(".", ","), t.source] for t in plan.targets if t.key not in have]
    tables = {a: [list(r) for r in rs] for a, rs in tables.items()}
    for row in tables.get("chi_dao", []):
        if row_key("chi_dao", row) == "chi_dao.nhiem_vu_ke_hoach" and not str(row[CUR] or "").strip() and plan.tasks:
            row[CUR] = str(len(plan.tasks))
    msg = (f"Đọc {plan.source}: {len(plan.tasks)} nhiệm vụ (thêm {len(new)} dòng vào mục IV — xóa việc đã xong và "
           f"ghi kết quả ở mục tương ứng), {len(plan.targets)} chỉ tiêu vào bảng chỉ tiêu.")
    return out, rows, tables, msg


def fill_previous(tables: dict[str, list[list]], values: dict, note: Callable[[str], str],
                  column: int = PREV) -> dict[str, list[list]]:
    """Past figures into the «Kỳ trước» (or «Cùng kỳ năm trước») column; cells the official typed are kept."""
    out = {}
    for area, rows in tables.items():
        out[area] = []
        for row in rows:
            row = list(row) + [""] * (NOTE + 1 - len(row))
            key = row_key(area, row)
            if key in values and not str(row[column] or "").strip():
                row[column] = str(values[key])
                row[NOTE] = (f"{row[NOTE]} " if row[NOTE] else "") + note(key)
            out[area].append(row)
    return out


def previous_from_library(asst, meta: dict, tables: dict[str, list[list]]) -> tuple[dict, str]:
    """The «Kỳ trước» column from this unit's latest official report of an earlier period in the library."""
    from drafting.service.roundtrip import official_previous

    found = official_previous(asst, meta)
    if found is None:
        raise InputError("Thư viện chưa có bản chính thức kỳ trước của đơn vị này (lưu bằng nút «Lưu làm bản chính "
                         "thức» ở thẻ Rà soát), hoặc chưa chọn kỳ, năm và đơn vị.")
    values, source = found
    out = fill_previous(tables, values, lambda key: f"kỳ trước theo {source}")
    return out, f"Đã điền {len(values)} số liệu kỳ trước từ {source} trong thư viện (ô đã có số giữ nguyên)."


def window_text(period: str | None, year) -> str:
    try:
        y = int(year)
    except (TypeError, ValueError):
        return "Chọn kỳ và năm để xem thời gian lấy số liệu."
    if period not in PERIODS or not 2000 <= y <= 2100:
        return "Chọn kỳ và năm để xem thời gian lấy số liệu."
    return f"Số liệu {data_window(period, y).text()} (kỳ {period_name(period, y)})."


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
    if state.builder_nouns:  # an opened draft's counted nouns, for the counts it still has (the form has no column)
        nouns = {k: n for k, n in state.builder_nouns.items() if k in data.figures.values} | data.figures.nouns
        data = data.model_copy(update={"figures": data.figures.model_copy(update={"nouns": nouns})})
    if state.builder_approx:  # an opened draft's estimates, while the form still holds the value estimated
        approx = {k for k, v in state.builder_approx.items() if data.figures.values.get(k) == Decimal(v)}
        data = data.model_copy(update={"figures": data.figures.model_copy(update={"approx": data.figures.approx | approx})})
    draft = asst.draft_input(data, sections, on_progress=on_progress)
    meta = data.meta
    rec = SavedDraft(id=state.builder_draft_id or SavedDraft(user=state.user).id, user=state.user, origin="builder",
                     title=f"{meta.issuer} — {meta.period_text}", meta=meta.model_dump(mode="json"),
                     values={k: str(v) for k, v in data.figures.values.items()},
                     previous={k: str(v) for k, v in data.figures.previous.items()},
                     same_period={k: str(v) for k, v in data.figures.same_period.items()},
                     nouns=data.figures.nouns, sections=sections, draft=draft,
                     approx={k: str(data.figures.values[k]) for k in data.figures.approx if k in data.figures.values})
    rec = asst.store.save(rec)
    state.builder_draft_id = rec.id
    state.last_draft = draft
    docx, workbook = export_files(asst, state.user, rec)
    asst.audit.record(state.user, "draft", rec.id, audit_sources(draft), {"origin": "builder", "llm": draft.llm})
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
                                          previous={k: _num(v) for k, v in rec.previous.items()},
                                          same_period={k: _num(v) for k, v in rec.same_period.items()},
                                          facts=rec.draft.facts if rec.draft else None,
                                          targets=rec.draft.targets if rec.draft else None))
    return docx, workbook


def _num(v: str):
    d = Decimal(v)
    return int(d) if d == d.to_integral_value() else float(d)


def list_drafts(asst, user: str) -> list[tuple[str, str]]:
    return [(r.label(), r.id) for r in asst.store.list(user)]


def open_draft(asst, state: UserState, draft_id: str) -> tuple[SavedDraft, FiguresInput, BuildResult]:
    rec = asst.store.load(state.user, draft_id)
    data = figures_from_data(rec.inputs(), source="dự thảo đã lưu")
    if rec.origin == "builder":
        state.builder_draft_id, state.builder_nouns, state.builder_approx = rec.id, dict(rec.nouns), dict(rec.approx)
    else:
        state.last_draft_id = rec.id
        state.chat_meta, state.chat_sections = dict(rec.meta), rec.sections or []
        state.chat_values = {k: HeldFigure(value=v, kind="saved", words=rec.id, noun=rec.nouns.get(k, ""),
                                           approx=k in rec.approx and Decimal(rec.approx[k]) == v)
                             for k, v in data.figures.values.items()}
        state.chat_facts = list(rec.draft.facts) if rec.draft else []
        state.chat_targets = list(rec.draft.targets) if rec.draft else []
    state.last_draft = rec.draft
    docx, workbook = export_files(asst, state.user, rec) if rec.draft else (None, None)
    result = BuildResult(html=draft_html(rec.draft) if rec.draft else "", findings=draft_findings_rows(rec.draft) if rec.draft else [],
                         docx=docx, workbook=workbook, message=f"Đã mở dự thảo {rec.label()}.", draft_id=rec.id)
    return rec, data, result


def template_file(asst, user: str) -> Path:
    path = asst.store.export_dir(user) / "mau-so-lieu-cchc.xlsx"
    atomic_write(path, write_template())
    return path


def chat_to_builder(asst, state: UserState) -> str:
    """The chat's draft as a builder draft of its own (the builder's edits never change the chat's copy): its id."""
    if not state.last_draft_id:
        raise InputError("Chưa có dự thảo trong cuộc trò chuyện này để mở ở «Lập báo cáo».")
    rec = asst.store.load(state.user, state.last_draft_id)
    copy = rec.model_copy(update={"id": SavedDraft(user=state.user).id, "origin": "builder",
                                  "title": rec.title.replace(" (trò chuyện)", "")})
    copy = asst.store.save(copy)
    asst.audit.record(state.user, "open", copy.id, [rec.id], {"from": "chat"})
    return copy.id


def meta_form_values(meta: dict, keys: list[str]) -> list:
    """A report's meta as the builder's fields show it: dates as ngày/tháng/năm, lists one item per line."""
    import datetime as dt

    out = []
    for k in keys:
        v = meta.get(k, "")
        if isinstance(v, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", v):
            v = dt.date.fromisoformat(v)
        if isinstance(v, dt.date):
            v = v.strftime("%d/%m/%Y")
        elif isinstance(v, list):
            v = "\n".join(v)
        out.append(v if v is not None else "")
    return out

