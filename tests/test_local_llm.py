"""The real local model (Qwen2.5-Coder-1.5B GGUF via llama-cpp-python) drafts a section through the
same chain as the scripted model: it streams, and whatever it writes, no ungrounded number and no
other locality's name reaches the draft. `make test` installs the model first (make llm); outside CI
the test is skipped when the model is not set up."""

import os
import time
from pathlib import Path

import pytest

from drafting.chain.drafter import Drafter
from drafting.chain.grounding import GroundingContext, ground
from drafting.inputs.files import load_figures_file
from drafting.llm.local_model import is_ready
from drafting.service.assistant import known_places, make_llm
from retrieval.settings import load_settings

pytestmark = [pytest.mark.llm]

ROOT = Path(__file__).resolve().parent.parent


def _model_or_skip():
    settings = load_settings(env={})
    path = settings.local_model_dir / "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
    try:
        import llama_cpp  # noqa: F401
        ready = is_ready(path)
    except ImportError:
        ready = False
    if not ready:
        if os.environ.get("CI"):
            pytest.fail("CI must run the real local model: `make llm` did not set it up")
        pytest.skip("local model not set up (run `make llm`)")
    return make_llm(settings, "local")


def test_local_model_drafts_a_grounded_section(corpus_stack):
    model = _model_or_skip()
    model.max_tokens = 160  # bounded run time on 2 cores
    data = load_figures_file(ROOT / "evals" / "cases" / "drafting" / "tu-ky-6t-2023.yaml")
    drafter = Drafter(corpus_stack.searcher, corpus_stack.registry, model, known_places=known_places(corpus_stack))
    assert drafter.warm() > 0  # the system prefix is evaluated once, before the first section
    pieces: list[tuple[float, str]] = []
    t0 = time.perf_counter()
    # II.2: the assessment (III–V) is the official's and no longer goes to a model
    draft = drafter.draft(data.meta, data.figures, sections=["II.2"],
                          on_token=lambda key, piece: pieces.append((time.perf_counter() - t0, piece)))
    assert pieces, "the model streamed tokens"
    section = draft.section("II.2")
    assert section.paragraphs
    text = " ".join(p.text for p in section.paragraphs)
    # every number left in each paragraph is grounded in the figures, the period or a registry document
    ctx = GroundingContext(data.figures, data.meta, corpus_stack.registry)
    assert [f.text for p in section.paragraphs for f in ground(p.text, ctx)[1]] == []
    for other in ("Ba Trang", "Đồng Nai", "Phong Thổ", "Lấp Vò"):
        assert other not in text
    print(f"first token {pieces[0][0]:.1f} s, total {pieces[-1][0]:.1f} s, writer={section.writer}")


def test_local_model_answers_in_the_chat(assistant):
    """The chat's ask path with the real local model: tokens stream, the answer names the decree in
    force and keeps its sources."""
    import datetime as dt

    from drafting import service as h
    from drafting.service.assistant import Assistant

    model = _model_or_skip()
    model.max_tokens = 120
    asst = Assistant(settings=assistant.settings, llm_kind="local", retrieval=assistant.retrieval, _model=model)
    st = h.UserState(user="local-chat")
    replies = list(h.chat_turn(asst, st, "Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?",
                               today=dt.date(2026, 1, 1)))
    assert len(replies) > 3 and replies[-1].done
    assert "118/2025/NĐ-CP" in replies[-1].text and "**Nguồn:**" in replies[-1].text


def test_local_model_is_not_steered_by_hostile_past_reports(corpus_stack):
    """24 past reports carrying instructions, retrieved as precedent for the section the real model
    writes: its figures and citations are those of the clean run, and no payload reaches the text."""
    from drafting.service.assistant import build_assistant
    from evals.injection_eval import run_injection

    model = _model_or_skip()
    model.max_tokens = 120
    res = run_injection(lambda s: build_assistant(s, model=model), corpus_stack.settings, corpus_stack.registry,
                        sections=["II.2"])
    assert res["llm"] != "none" and res["hostile_reports_retrieved"] >= 5
    # the model may choose other computed rates than in the clean run; none may be ungrounded
    assert res["draft_same_figures"] and res["draft_same_citations"] and not res["draft_ungrounded"], res
    assert not [r for r in res["rows"] if r["leaks"]]


def test_local_model_too_slow_falls_back_within_its_time_budget(corpus_stack):
    """The real model given a 2-second budget (it needs ~10 s for the prompt on 2 cores): the section
    comes from the deterministic writer, the finding says why, and the wait is bounded."""
    from drafting.service.assistant import Assistant

    _model_or_skip()
    s = corpus_stack.settings.model_copy(update={"llm_timeout": 2.0, "model_dir": load_settings(env={}).local_model_dir})
    asst = Assistant(settings=s, llm_kind="local", retrieval=corpus_stack)
    asst.model._load()  # loading is not generation: the budget is for answering
    data = load_figures_file(ROOT / "evals" / "cases" / "drafting" / "tu-ky-6t-2023.yaml")
    start = time.perf_counter()
    draft = asst.draft_input(data, ["II.2", "II.3"])
    took = time.perf_counter() - start
    notes = [f.message for f in draft.findings if f.kind == "llm"]
    assert "quá chậm" in notes[0] and all(sec.writer == "deterministic" for sec in draft.sections)
    assert took < 60, took  # prompt processing cannot be interrupted; the second section does not wait


def test_the_fastest_cpu_kernels_this_cpu_supports_are_loaded():
    """The wheel carries llama.cpp's CPU kernels as variants (.ci/build-llama-wheel); the one loaded matches the CPU."""
    from drafting.llm.cpu_backends import load_cpu_backend

    variant = load_cpu_backend()
    assert variant in {"x64", "sandybridge", "haswell", "skylakex", "icelake", "alderlake"}, variant
    flags = set(open("/proc/cpuinfo", encoding="utf-8").read().split())
    if {"avx512f", "avx512bw", "avx512vl"} <= flags:
        assert variant in {"skylakex", "icelake"}
    elif "avx2" in flags:
        assert variant in {"haswell", "alderlake"}


def test_local_model_proposes_only_listed_figures_for_unread_numbers():
    """The reading eval's model path with the real model and its JSON-schema grammar: whatever it picks is one of the
    figures the rules offered, with the number's own value, marked for confirmation (or nothing at all)."""
    from drafting.chain.reading_assist import NOTE, propose_fields, unread_candidates
    from drafting.inputs.chat_reader import read_message
    from drafting.inputs.text_reading import TextReading

    model = _model_or_skip()
    # a phrasing the rules still cannot place: "có thêm 2 buổi", of no kind and no verb said, is left unread ("Tổ chức 3
    # hội nghị, 2 buổi tập huấn …" keeps the second part in the official's words since the eleventh session)
    text = "Tổ chức 3 hội nghị về CCHC, có thêm 2 buổi về cải cách hành chính."
    r = read_message(text)
    reading = TextReading(figures=r.figures, unread=r.unread)
    u = next(u for u in reading.unread if u.quote == "2")
    offered = unread_candidates(text, u.start, u.end, {f.key for f in reading.figures})
    assert offered  # the grammar has figures to choose from
    proposed = propose_fields(model, text, reading)
    assert all(f.key in offered and f.value == 2 and f.note == NOTE for f in proposed)


def test_guessing_from_the_prompt_leaves_a_greedy_answer_unchanged():
    """Prompt-lookup decoding checks its guesses with the model's own sampler: at temperature 0 the rewrite is the
    same with guessing on and off (compared on its opening, where batch and single-token arithmetic cannot drift
    apart)."""
    from langchain_core.messages import HumanMessage, SystemMessage

    model = _model_or_skip().model_copy(update={"temperature": 0.0, "max_tokens": 60})
    msgs = [SystemMessage(content="Bạn là chuyên viên văn phòng, viết văn phong hành chính."),
            HumanMessage(content="Viết lại thành một đoạn văn liền mạch:\n- Trong 6 tháng đầu năm 2023, Ủy ban nhân dân "
                                 "xã Ba Trang đã ban hành 60 văn bản chỉ đạo, điều hành về cải cách hành chính.\n"
                                 "- Tổ chức 5 hội nghị, cuộc họp về cải cách hành chính.")]
    answers = []
    for lookahead in (8, 0):
        model.lookahead = lookahead
        answers.append("".join(c.content for c in model.stream(msgs)))
    assert answers[0] and answers[0][:80] == answers[1][:80]
