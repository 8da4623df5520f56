"""The strict prompt loader, and the OpenAI-compatible backend against a scripted HTTP server on loopback
(streaming, server errors, garbage, a server that is down, a slow server)."""

import time

import pytest
from langchain_core.messages import HumanMessage, SystemMessage

from corpus.errors import BackendError, ConfigError
from drafting.llm.backends import OpenAICompatibleChat, make_chat_model
from drafting.llm.prompting import PROMPTS_DIR, load_prompt
from tests.helpers.fake_openai import fake_openai


def test_every_shipped_prompt_loads():
    names = [p.stem for p in PROMPTS_DIR.glob("*.md") if p.name != "README.md"]
    assert {"system", "section", "ask", "ask_system"} <= set(names)
    for name in names:
        load_prompt(name)


def test_loader_refuses_undeclared_or_unused_variables(tmp_path):
    (tmp_path / "bad.md").write_text("---\nvariables: [a]\n---\nXin chào {a} và {b}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="khác biến sử dụng"):
        load_prompt("bad", tmp_path)
    (tmp_path / "ok.md").write_text("---\nvariables: [a]\n---\n{a} {{tthc.ho_so}}\n", encoding="utf-8")
    assert load_prompt("ok", tmp_path).format(a="x") == "x {tthc.ho_so}"


@pytest.fixture(scope="module")
def fake():
    with fake_openai() as srv:
        yield srv


@pytest.fixture
def server(fake):
    fake.mode = "ok"
    return fake.url


def _model(url, **kw):
    return make_chat_model("openai", base_url=url, model="qwen", **kw)


def test_openai_backend_streams(server, fake):
    chunks = [c.content for c in _model(server).stream([SystemMessage("s"), HumanMessage("h")]) if c.content]
    assert "".join(chunks) == "Đã tiếp nhận {tthc.ho_so_tiep_nhan} hồ sơ." and len(chunks) == 3
    sent = fake.seen[-1]
    assert sent["model"] == "qwen" and sent["stream"] and sent["messages"][0]["role"] == "system"


@pytest.mark.parametrize("mode,needle", [("500", "500"), ("garbage", "không hợp lệ")])
def test_openai_backend_faults_are_backend_errors(server, fake, mode, needle):
    fake.mode = mode
    with pytest.raises(BackendError, match=needle):
        _model(server).invoke([HumanMessage("h")])


def test_openai_backend_down_and_slow(server, fake):
    with pytest.raises(BackendError, match="Không kết nối"):
        _model("http://127.0.0.1:9/v1").invoke([HumanMessage("h")])
    fake.mode = "slow"
    t0 = time.perf_counter()
    with pytest.raises(BackendError, match="không trả lời"):
        _model(server, timeout=1).invoke([HumanMessage("h")])
    assert time.perf_counter() - t0 < 3


def test_unknown_backend_and_missing_url():
    with pytest.raises(ConfigError):
        make_chat_model("gpt")
    with pytest.raises(ConfigError, match="TROLY_LLM_URL"):
        make_chat_model("openai")
    assert make_chat_model("none") is None
    assert isinstance(_model("http://x/v1"), OpenAICompatibleChat)
