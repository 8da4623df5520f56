"""`python -m evals.bench drafting [--sections I II.2 III] [--runs N]`

Whole report without an LLM: seconds per report (each case drafted N times after a warm-up; retrieval
of precedent included; .docx rendering measured apart). With the local model: per section, seconds to
the first streamed token and in total, the first section paying for the system prompt and later ones
reusing its KV cache."""

from __future__ import annotations

import statistics
import time

from drafting.inputs.files import load_figures_file
from drafting.render.docx import render_docx
from evals.drafting_eval import CASES


def bench_drafting(settings, sections: list[str], runs: int = 3, with_llm: bool = True) -> dict:
    from drafting.service.assistant import build_assistant

    assistant = build_assistant(settings, llm="none")
    assistant.retrieval.ensure_index()
    cases = [load_figures_file(p) for p in sorted(CASES.glob("*.yaml"))]
    assistant.draft_input(cases[0])  # warm-up: embedder and BM25 loaded
    draft_s, render_s = [], []
    for _ in range(runs):
        for data in cases:
            t0 = time.perf_counter()
            draft = assistant.draft_input(data)
            t1 = time.perf_counter()
            render_docx(draft)
            draft_s.append(t1 - t0)
            render_s.append(time.perf_counter() - t1)
    res = {"report_no_llm_s_median": round(statistics.median(draft_s), 2), "report_no_llm_s_max": round(max(draft_s), 2),
           "docx_render_s_median": round(statistics.median(render_s), 3), "reports": len(draft_s)}
    if not with_llm:
        return res
    local = build_assistant(settings, llm="local")
    local.retrieval = assistant.retrieval
    data = load_figures_file(CASES / "tu-ky-6t-2023.yaml")
    rows = []
    # cold: the first section pays for loading the model and the system prompt
    t0 = time.perf_counter()
    marks0: list[float] = []
    local.draft_input(data, sections=[sections[0]], on_token=lambda k, piece: marks0.append(time.perf_counter()))
    res["local_cold_first_token_s"] = round(marks0[0] - t0, 1) if marks0 else None
    # warm: a fresh model warmed at start (what the app does), then the sections
    local = build_assistant(settings, llm="local")
    local.retrieval = assistant.retrieval
    res["local_warm_up_s"] = round(local.drafter.warm(), 1)
    for key in sections:
        marks: list[float] = []
        t0 = time.perf_counter()
        d = local.draft_input(data, sections=[key], on_token=lambda k, piece, marks=marks: marks.append(time.perf_counter()))
        total = time.perf_counter() - t0
        rows.append({"section": key, "first_token_s": round(marks[0] - t0, 1) if marks else None,
                     "total_s": round(total, 1), "tokens": len(marks), "writer": d.sections[0].writer})
    res["local_sections"] = rows
    # a whole report with the model: sections without figures and III–V are the deterministic writer's
    from drafting.llm.cpu_backends import load_cpu_backend

    res["cpu_kernels"] = load_cpu_backend() or "liên kết sẵn (bản dựng cũ)"
    # whole reports with the model, one per drafting case (units, levels and periods apart): sections without figures
    # and III–V are the deterministic writer's; a model section that falls back is counted with its reason
    # each report drafted twice in a row, with the prompt-lookup setting and with the other choice
    # (drafting/llm/lookup.py), so that the machine's drift between runs falls on both alike
    whole_s, plain_s, fallbacks, model_sections = [], [], [], 0
    guessing = getattr(local.drafter.model, "lookahead", 0)
    other = 0 if guessing else 8  # the setting against the other choice: off, or 8 tokens guessed
    for case in cases:
        for lookahead in (guessing, other):
            local.drafter.model.lookahead = lookahead
            t0 = time.perf_counter()
            whole = local.draft_input(case)
            (whole_s if lookahead == guessing else plain_s).append(time.perf_counter() - t0)
            if lookahead != guessing:
                continue
            sent = {f.section: f.message for f in whole.findings if f.kind == "llm" and f.fallback}
            model_sections += sum(1 for s in whole.sections if s.writer == "llm") + len(sent)
            fallbacks += [f"{case.meta.locality} {k}: {m[:90]}" for k, m in sent.items()]
    local.drafter.model.lookahead = guessing
    res["local_lookahead"], res["local_lookahead_other"] = guessing, other
    res["local_whole_report_other_s"] = round(statistics.median(plain_s), 1)
    res["local_other_vs_setting"] = round(statistics.median(plain_s) / statistics.median(whole_s), 2)
    res["local_whole_report_s"] = round(statistics.median(whole_s), 1)
    res["local_whole_reports"] = len(whole_s)
    res["local_model_sections"] = model_sections
    res["local_fallbacks"] = len(fallbacks)
    res["local_fallback_share"] = round(len(fallbacks) / max(model_sections, 1), 3)
    res["local_fallback_reasons"] = fallbacks
    res["local_whole_vs_no_llm"] = round(res["local_whole_report_s"] / max(res["report_no_llm_s_median"], 0.01))
    return res


def print_result(res: dict) -> None:
    print(f"Báo cáo đầy đủ không dùng LLM: trung vị {res['report_no_llm_s_median']} s, lâu nhất "
          f"{res['report_no_llm_s_max']} s trên {res['reports']} lần soạn (mục tiêu < 5 s); "
          f"xuất .docx trung vị {res['docx_render_s_median']} s")
    if "local_warm_up_s" in res:
        print(f"  mô hình cục bộ, mục đầu tiên khi chưa khởi động: chữ đầu sau {res['local_cold_first_token_s']} s; "
              f"khởi động trước (nạp mô hình + lời nhắc hệ thống): {res['local_warm_up_s']} s")
    for r in res.get("local_sections", []):
        print(f"  mô hình cục bộ, mục {r['section']:5}: chữ đầu tiên sau {r['first_token_s']} s, xong sau "
              f"{r['total_s']} s ({r['tokens']} mẩu; bản dùng: {r['writer']}) — mục tiêu chữ đầu < 10 s")
    if "local_whole_report_s" in res:
        print(f"  mô hình cục bộ (nhân CPU: {res['cpu_kernels']}), cả báo cáo: trung vị {res['local_whole_report_s']} s "
              f"trên {res['local_whole_reports']} báo cáo (gấp {res['local_whole_vs_no_llm']} lần không mô hình; mục tiêu "
              f"< 90 s); mô hình được giao {res['local_model_sections']} mục, {res['local_fallbacks']} mục phải dùng bản "
              f"soạn tự động ({res['local_fallback_share'] * 100:.0f}%, mục tiêu < 10%)")
        print(f"  cùng các báo cáo, soạn xen kẽ với TROLY_LLM_LOOKAHEAD={res['local_lookahead_other']} (thay vì "
              f"{res['local_lookahead']}): trung vị {res['local_whole_report_other_s']} s, thời gian bằng "
              f"{res['local_other_vs_setting']} lần")
        for reason in res["local_fallback_reasons"]:
            print(f"    - {reason}")
