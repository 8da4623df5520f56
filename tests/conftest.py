"""Shared fixtures: a real index of the shipped corpus, built once per session on disk in a
temporary folder with the real embedding model and a real Chroma store."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from retrieval.settings import load_settings  # noqa: E402
from retrieval.wiring import build_retrieval  # noqa: E402


@pytest.fixture(scope="session")
def corpus_stack(tmp_path_factory):
    data = tmp_path_factory.mktemp("index")
    kept = os.environ.get("TROLY_TEST_INDEX")  # the fast lane's index kept between runs (tests/helpers/test_index.py)
    if kept:
        from tests.helpers.test_index import seed_from

        seed_from(Path(kept), data)
    stack = build_retrieval(load_settings(env={}, data_dir=data))
    stack.indexer.sync(stack.documents())  # from scratch, or only what changed since the kept index
    return stack


@pytest.fixture(scope="session")
def searcher(corpus_stack):
    return corpus_stack.searcher


@pytest.fixture(scope="session")
def assistant(corpus_stack):
    """The app's facade over the session index, without a model (the chat model boundary is tested
    with the scripted and the real local model elsewhere)."""
    from drafting.service.assistant import Assistant

    return Assistant(settings=corpus_stack.settings, llm_kind="none", retrieval=corpus_stack)


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def app_url(assistant):
    """The real Gradio app on loopback, in this process, over the session index."""
    import app

    demo = app.build_app(assistant)
    settings = assistant.settings.model_copy(update={"port": free_port(), "host": "127.0.0.1"})
    app.launch(demo, settings, prevent_thread_lock=True)
    yield f"http://127.0.0.1:{settings.port}/"
    demo.close()
