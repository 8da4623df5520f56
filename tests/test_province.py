"""Province mode on existing engines, started for real on loopback:
- a Chroma server (`chroma run`) serving the index, the client switched by settings (chroma_mode=http):
  the retrieval eval gives the same ranks as the embedded store, and an import writes through it;
- llama-cpp-python's own OpenAI-compatible server on the local model: with `--llm openai` the assistant
  drafts a section and answers a question through it (vLLM speaks the same API in production)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from drafting.inputs.files import load_figures_file
from drafting.service.assistant import Assistant
from evals.drafting_eval import ungrounded_numbers
from evals.run import CASES_DIR, load_cases, run_retrieval
from retrieval.offline import OFFLINE_ENV
from retrieval.wiring import build_retrieval
from tests.conftest import ROOT, free_port

pytestmark = [pytest.mark.slow]


def _wait_http(url: str, proc: subprocess.Popen, log: Path, seconds: float) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited: {log.read_text(errors='replace')[-2000:]}")
        try:
            if httpx.get(url, timeout=2, trust_env=False).status_code < 500:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.5)
    raise AssertionError(f"{url} not up after {seconds} s")


def _start(cmd: list[str], url: str, seconds: float, log: Path) -> subprocess.Popen:
    env = {**os.environ, **OFFLINE_ENV}
    # a log file, not a pipe: llama.cpp writes enough at load to fill a pipe and block the server
    with open(log, "w") as fh:
        proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=fh, stderr=subprocess.STDOUT)
    try:
        _wait_http(url, proc, log, seconds)
    except BaseException:
        proc.kill()
        raise
    return proc


@pytest.fixture(scope="module")
def chroma_server(corpus_stack, tmp_path_factory):
    served = tmp_path_factory.mktemp("chroma-server") / "chroma"
    shutil.copytree(corpus_stack.settings.chroma_dir, served)
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    proc = _start([str(chroma), "run", "--path", str(served), "--host", "127.0.0.1", "--port", str(port)],
                  f"http://127.0.0.1:{port}/api/v2/heartbeat", 60, served.parent / "chroma.log")
    yield port
    proc.kill()
    proc.wait()


def test_chroma_server_gives_the_same_results_as_the_embedded_store(corpus_stack, chroma_server, tmp_path):
    data = tmp_path / "data"  # the lexical index and the library stay with the app
    shutil.copytree(corpus_stack.settings.data_dir, data, ignore=shutil.ignore_patterns("chroma", "users"))
    settings = corpus_stack.settings.model_copy(update={"data_dir": data, "chroma_mode": "http",
                                                        "chroma_port": chroma_server})
    remote = build_retrieval(settings)
    assert remote.store.count() == corpus_stack.store.count()
    cases = load_cases(CASES_DIR / "retrieval.jsonl")
    embedded = run_retrieval(corpus_stack.searcher, cases)
    served = run_retrieval(remote.searcher, cases)
    assert served["modes"] == embedded["modes"] and served["misses"] == embedded["misses"]
    # an import writes through the server
    note = tmp_path / "ghi-chu.txt"
    note.write_text("BÁO CÁO kết quả cải cách hành chính năm 2024 của xã Liên Tỉnh. " * 20, encoding="utf-8")
    doc = remote.library.add(note, remote.registry, kind="report")
    remote.indexer.sync(remote.documents())
    assert doc.doc_id in remote.store.doc_states() and remote.store.doc_states()[doc.doc_id].complete
    assert remote.store.count() > corpus_stack.store.count()


@pytest.fixture(scope="module")
def llama_server(tmp_path_factory):
    from tests.test_local_llm import _model_or_skip

    model = _model_or_skip()
    port = free_port()
    proc = _start([sys.executable, "-m", "drafting.llm.serve", "--model", model.model_path, "--host", "127.0.0.1",
                   "--port", str(port), "--n_ctx", "4096", "--n_threads", "2", "--model_alias", "qwen-local"],
                  f"http://127.0.0.1:{port}/v1/models", 180, tmp_path_factory.mktemp("llama") / "server.log")
    yield f"http://127.0.0.1:{port}/v1"
    proc.kill()
    proc.wait()


@pytest.mark.llm
def test_llm_behind_an_openai_compatible_server_drafts_and_answers(corpus_stack, llama_server):
    s = corpus_stack.settings.model_copy(update={"llm": "openai", "llm_url": llama_server, "llm_model": "qwen-local",
                                                 "llm_timeout": 300})
    asst = Assistant(settings=s, llm_kind="openai", retrieval=corpus_stack)
    asst.model.max_tokens = 160  # bounded run time on 2 cores
    data = load_figures_file(ROOT / "evals/cases/drafting/ba-trang-6t-2023.yaml")
    draft = asst.draft_input(data, ["II.2"])
    assert draft.sections[0].writer == "llm", draft.findings
    assert not [f for f in draft.findings if f.kind == "llm"]
    assert not ungrounded_numbers(draft.full_text(), data, corpus_stack.registry)
    assert "253" in draft.full_text()  # the figure, placed by code through its slot
    answer = asst.ask("Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?")
    assert answer.llm == "openai-compatible" and not answer.notice
    assert "118/2025/NĐ-CP" in [c.number for c in answer.citations]
