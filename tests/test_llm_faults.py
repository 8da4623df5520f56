"""The chat model fails in every way we have seen: the OpenAI-compatible server is down, answers 500,
answers garbage or noise, answers too slowly or trickles for ever; the local model is missing or its file
is corrupt. Drafts and answers still come, from the deterministic path, with the reason in Vietnamese,
within a bounded time; after one failure the model is skipped for a while rather than waited on again.

The misbehaving server is a scripted stand-in at the LLM boundary (a real HTTP server on loopback);
tests/test_province.py drives the real llama-cpp-python server, tests/test_local_llm.py the real model."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from drafting import service as h
from drafting.inputs.files import load_figures_file
from drafting.service.assistant import Assistant
from tests.conftest import ROOT, free_port
from tests.helpers.fake_openai import fake_openai

CASE = ROOT / "evals/cases/drafting/ba-trang-6t-2023.yaml"
SECTIONS = ["II.2", "I", "II.1"]  # sections of several sentences: the ones a model rephrases
TIMEOUT = 2.0


@pytest.fixture(scope="module")
def fake_server():
    with fake_openai() as server:
        server.mode, server.slow_seconds = "500", TIMEOUT * 3
        yield server


@pytest.fixture(scope="module")
def baseline(assistant):
    data = load_figures_file(CASE)
    return data, assistant.draft_input(data, SECTIONS), assistant.ask("Nghị định nào quy định cơ chế một cửa năm 2024?")


def _assistant(corpus_stack, **settings) -> Assistant:
    s = corpus_stack.settings.model_copy(update={"llm_timeout": TIMEOUT, **settings})
    return Assistant(settings=s, llm_kind=s.llm, retrieval=corpus_stack)


@pytest.mark.parametrize("mode,message", [
    ("500", "trả lỗi 500"),
    ("garbage", "dữ liệu không hợp lệ"),
    ("noise", "không đọc được"),
    ("slow", f"không trả lời trong {TIMEOUT:g} giây"),
    ("trickle", f"không trả lời xong trong {TIMEOUT:g} giây"),
    ("down", "Không kết nối được"),
])
def test_openai_server_faults_fall_back_to_the_deterministic_path(corpus_stack, fake_server, baseline, mode, message):
    data, clean, clean_answer = baseline
    port = fake_server.server_address[1] if mode != "down" else free_port()
    fake_server.mode = mode
    asst = _assistant(corpus_stack, llm="openai", llm_url=f"http://127.0.0.1:{port}/v1")
    start = time.perf_counter()
    draft = asst.draft_input(data, SECTIONS)
    draft_s = time.perf_counter() - start
    notes = [f.message for f in draft.findings if f.kind == "llm"]
    assert notes and message in notes[0], notes
    # one wait for the first section; the others do not wait again (the model is skipped for a while)
    assert draft_s < TIMEOUT * 2 + 8, draft_s
    assert any("tạm dùng bản soạn tự động" in n for n in notes[1:]) or len(SECTIONS) == 1
    assert draft.full_text() == clean.full_text()  # exactly the deterministic text, every figure kept
    assert all(s.writer == "deterministic" for s in draft.sections)
    # answers: the extractive answer, with the reason above it
    answer = asst.ask("Nghị định nào quy định cơ chế một cửa năm 2024?")
    assert answer.notice and "không qua mô hình" in answer.notice
    assert answer.text == clean_answer.text and answer.citations == clean_answer.citations


def test_the_chat_says_why_and_recovers_when_the_server_is_back(corpus_stack, fake_server):
    fake_server.mode = "500"
    asst = _assistant(corpus_stack, llm="openai", llm_url=f"http://127.0.0.1:{fake_server.server_address[1]}/v1")
    st = h.UserState(user="faults")
    *_, final = h.chat_turn(asst, st, "Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?", today=dt.date(2025, 9, 1))
    assert final.text.startswith("⚠️ Máy chủ mô hình ngôn ngữ trả lỗi 500") and "118/2025/NĐ-CP" in final.text
    calls = fake_server.calls
    *_, final = h.chat_turn(asst, st, "Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 "
                                      "hồ sơ, trước và đúng hạn 245, quá hạn 7, đang giải quyết 1", today=dt.date(2025, 6, 20))
    assert fake_server.calls == calls  # skipped during the cool-down: no second wait
    assert "253" in final.text and "tạm dùng bản soạn tự động" in final.text
    asst.health.cooldown = 0  # the cool-down is over
    asst.health.failed(asst.health.error)
    fake_server.mode = "noise"
    asst.ask("Nghị định nào quy định cơ chế một cửa năm 2024?")
    assert fake_server.calls == calls + 1  # tried again after the cool-down


@pytest.mark.parametrize("content,message", [(None, "Không tìm thấy tệp mô hình"),
                                             (b"GGUF" + b"\0" * 4096, "Không nạp được mô hình")])
def test_local_model_missing_or_corrupt(corpus_stack, baseline, tmp_path, content, message):
    pytest.importorskip("llama_cpp")
    from drafting.llm.local_model import MODEL_FILE

    if content is not None:
        (tmp_path / MODEL_FILE).write_bytes(content)
    data, clean, _ = baseline
    asst = _assistant(corpus_stack, llm="local", model_dir=tmp_path)
    draft = asst.draft_input(data, SECTIONS)
    notes = [f.message for f in draft.findings if f.kind == "llm"]
    assert message in notes[0] and draft.full_text() == clean.full_text()
