"""The official's own edit of one section, taken in and checked at once.

The edited words are the official's: nothing is removed from them. But every number that is neither a
figure nor computed from one, every citation with a wrong number, date or status on the report date, and
every rate that does not follow from the counts beside it is listed as a finding, as for a drafted section.
A paragraph still carrying "[đề nghị xác nhận: …]" stays a marked proposal; removing the brackets is the
official's confirmation."""

from __future__ import annotations

import re

from corpus.registry import Registry
from drafting.chain.grounding import GroundingContext, ground, unaccented_findings
from drafting.figures.figureset import FigureSet
from drafting.law.citations import check_text
from drafting.models import ASK_OPEN, PROPOSAL_OPEN, DraftFinding, Paragraph, ReportDraft

EDITED = "sửa tay trong ứng dụng"
# findings the writer made about a section's text; the edit replaces them ("missing"/"figures" are about inputs)
_TEXT_KINDS = {"ungrounded_number", "foreign_name", "citation", "injection", "llm", "proposal", "wording"}


def section_text(draft: ReportDraft, key: str) -> str:
    """A section as the official edits it: one paragraph per line, bullets kept as "- "."""
    sec = draft.section(key)
    if sec is None:
        return ""
    return "\n".join(("- " + p.text.lstrip("-– ").strip()) if p.style == "bullet" and not p.text.startswith("-")
                     else p.text for p in sec.paragraphs)


def _paragraphs(text: str) -> list[Paragraph]:
    out = []
    for line in (text or "").splitlines():
        line = line.strip()
        if not line:
            continue
        proposed = PROPOSAL_OPEN in line or ASK_OPEN in line
        style = "bullet" if re.match(r"^[-–+•]\s", line) else "body"
        out.append(Paragraph(text=line, style=style, proposed=proposed, sources=[EDITED]))
    return out


def check_edit(key: str, paragraphs: list[Paragraph], ctx: GroundingContext, registry: Registry) -> list[DraftFinding]:
    from drafting.review.document import Para
    from drafting.review.stated import check_stated_figures

    found: list[DraftFinding] = []
    for p in paragraphs:
        _, marks = ground(p.text, ctx, key)
        for f in marks:  # the official's words stay; what the writer would have dropped is listed for a second look
            found.append(f.model_copy(update={"message": f.message.replace("Đã bỏ", "Cần xem lại", 1)
                                              + " (Lời đã sửa được giữ nguyên.)"}))
        for prob in check_text(p.text, registry, ctx.meta.date):
            if prob.severity != "info":
                found.append(DraftFinding(kind="citation", severity=prob.severity, section=key, text=prob.ref.text,
                                          message=prob.message))
        if p.proposed:
            found.append(DraftFinding(kind="proposal", severity="info", section=key, text=p.text,
                                      message="Câu đề xuất chưa được xác nhận (bỏ dấu ngoặc vuông khi đã xác nhận)."))
        else:  # retyped with its marks, the finding goes
            found += unaccented_findings(key, p.text)
    paras = [Para(text=p.text, index=i, section=key) for i, p in enumerate(paragraphs, start=1)]
    for issue in check_stated_figures(paras):
        found.append(DraftFinding(kind="figures", severity=issue.severity, section=key, text=issue.text,
                                  message=issue.message + (f" Gợi ý: {issue.suggestion}." if issue.suggestion else "")))
    return found


def apply_edit(draft: ReportDraft, key: str, text: str, fs: FigureSet, registry: Registry) -> ReportDraft:
    """The draft with section `key` replaced by the official's text and its findings recomputed."""
    sec = draft.section(key)
    if sec is None:
        raise KeyError(key)
    paragraphs = _paragraphs(text)
    ctx = GroundingContext(fs, draft.meta, registry, facts=draft.facts, targets=draft.targets)
    findings = [f for f in draft.findings if not (f.section == key and f.kind in _TEXT_KINDS)]
    findings += check_edit(key, paragraphs, ctx, registry)
    new_sec = sec.model_copy(update={"paragraphs": paragraphs})  # the precedent proposals stay on offer
    sections = [new_sec if s.key == key else s for s in draft.sections]
    return draft.model_copy(update={"sections": sections, "findings": findings})


def edit_section(asst, state, draft_id: str | None, key: str, text: str):
    """The builder's «Lưu mục đã sửa»: the saved draft with the section replaced, re-checked, exported again."""
    from corpus.errors import InputError
    from drafting.inputs.files import figures_from_data
    from drafting.render.preview import draft_findings_rows, draft_html
    from drafting.service.builder import BuildResult, export_files

    if not draft_id:
        raise InputError("Chưa có dự thảo để sửa: hãy bấm «Soạn báo cáo» hoặc mở một dự thảo đã lưu.")
    rec = asst.store.load(state.user, draft_id)
    if rec.draft is None or rec.draft.section(key) is None:
        raise InputError(f"Dự thảo không có mục {key}; chọn một mục trong danh sách.")
    data = figures_from_data(rec.inputs(), source="dự thảo đã lưu")
    before = {(f.kind, f.text, f.message) for f in rec.draft.findings}
    draft = apply_edit(rec.draft, key, text, data.figures, asst.drafter.registry)
    rec = asst.store.save(rec.model_copy(update={"draft": draft}))
    state.last_draft = draft
    docx, workbook = export_files(asst, state.user, rec)
    asst.audit.record(state.user, "edit", rec.id, [key], {"paragraphs": len(draft.section(key).paragraphs)})
    new = [f for f in draft.findings if f.section == key and (f.kind, f.text, f.message) not in before]
    msg = (f"Đã lưu mục {key} đã sửa và xuất lại tệp .docx. "
           + (f"{len(new)} điểm cần xem lại trong mục này (ở bảng phát hiện)." if new else "Không có điểm nào cần xem lại."))
    return BuildResult(html=draft_html(draft), findings=draft_findings_rows(draft), docx=docx, workbook=workbook,
                       message=msg, draft_id=rec.id)


def section_choices(draft: ReportDraft | None) -> list[tuple[str, str]]:
    """The sections of a draft, named in words, for the «Sửa mục» list."""
    from drafting.figures.outline import section_label

    return [(section_label(s.key), s.key) for s in (draft.sections if draft else [])]


def proposal_choices(draft: ReportDraft | None, key: str) -> list[tuple[str, str]]:
    """Past reports' sentences for this section (names and numbers masked), offered for one-click insertion."""
    sec = draft.section(key) if draft and key else None
    return [(f"{p.text[:110]}{'…' if len(p.text) > 110 else ''} ({p.source})", p.text) for p in (sec.proposals if sec else [])]


def insert_proposal(text: str, proposal: str) -> str:
    """The section's text with a past report's sentence appended, visibly marked until the official confirms it
    (removing the brackets); it is checked like any other sentence when the section is saved."""
    if not proposal:
        return text
    line = f"{PROPOSAL_OPEN}{proposal.strip().rstrip('.;')}.]"
    return f"{(text or '').rstrip()}\n{line}".lstrip("\n")
