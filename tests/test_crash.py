"""SIGKILL in the middle of an ingest, a draft and an export; on restart the index has no duplicate or
half document, saved drafts load, exported files open, the audit log is sound (see evals/crash.py)."""

from __future__ import annotations

import pytest

from evals.crash import MODES, run

pytestmark = [pytest.mark.slow]


@pytest.mark.parametrize("mode", MODES)
def test_kill_and_restart(corpus_stack, mode):
    rows = run(corpus_stack.settings.data_dir, [mode], runs=2, seed={"ingest": 1, "draft": 2, "export": 3}[mode])
    for r in rows:
        assert r["killed"], r["stderr"]
        assert r["ok"], {k: v for k, v in r.items() if k != "stderr"}
        assert r["saved_before_kill"] or r["progress_before_kill"]  # killed mid-work, not before it began
