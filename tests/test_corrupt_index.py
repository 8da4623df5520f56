"""A damaged Chroma folder is detected when the index is opened, moved aside (kept for inspection) and
rebuilt from the corpus and the library, with a message; search then gives the same results."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from retrieval.settings import load_settings
from retrieval.wiring import build_retrieval
from tests.conftest import ROOT

QUERY = "cơ chế một cửa, một cửa liên thông"


@pytest.mark.slow  # a whole rebuild, compared with the session's index (about 2 minutes on 2 cores)
def test_corrupt_chroma_is_rebuilt_with_a_message(corpus_stack, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(corpus_stack.settings.data_dir, data)
    db = data / "chroma" / "chroma.sqlite3"
    db.write_bytes(os.urandom(db.stat().st_size))  # a disk error, a bad copy, an antivirus "repair"
    env = {**os.environ, "TROLY_DATA_DIR": str(data), "PYTHONPATH": str(ROOT)}
    out = subprocess.run([sys.executable, "-m", "retrieval", "search", QUERY, "--k", "1", "--json"],
                         capture_output=True, text=True, env=env, cwd=ROOT, timeout=900)
    assert out.returncode == 0, out.stderr[-2000:]
    assert "Kho chỉ mục bị hỏng" in out.stderr and "dựng lại chỉ mục" in out.stderr
    assert [p.name for p in data.iterdir() if p.name.startswith("chroma.hong-")]  # kept, not deleted

    stack = build_retrieval(load_settings(env={}, data_dir=data))
    assert stack.ensure_index() is None and not stack.notices  # healthy now: nothing more to do
    assert stack.store.count() == corpus_stack.store.count()
    assert stack.store.doc_states() == corpus_stack.store.doc_states()
    want = [h.chunk_id for h in corpus_stack.searcher.search(QUERY, k=5)]
    assert [h.chunk_id for h in stack.searcher.search(QUERY, k=5)] == want


def test_a_store_that_opens_but_cannot_be_read_is_also_rebuilt(corpus_stack, tmp_path, monkeypatch):
    """Damage that only shows on the first read: detected by the probe read, not at first use by a user."""
    from retrieval import wiring
    from retrieval.store import ChunkStore

    data = tmp_path / "data"
    (data / "chroma").mkdir(parents=True)
    calls = {"n": 0}
    real_count = ChunkStore.count

    def flaky_count(self):
        calls["n"] += 1
        if calls["n"] == 1:
            raise RuntimeError("Error executing plan: Internal error: database disk image is malformed")
        return real_count(self)

    monkeypatch.setattr(ChunkStore, "count", flaky_count)
    stack = wiring.build_retrieval(load_settings(env={}, data_dir=data))
    assert stack.store is not None and stack.needs_rebuild and "bị hỏng" in stack.notices[0]
