"""Kill-and-restart runs: a worker process ingests, drafts or exports in a loop and is killed with
SIGKILL at a random moment; the state on disk is then opened as the app would open it on restart and
checked: the index has no duplicate or half document, every saved draft loads, every exported .docx
opens, the audit log is a sound SQLite database whose entries point at drafts that exist.

`python -m evals.crash --runs N [--mode ingest|draft|export]` prints the runs and their checks;
tests/test_crash.py runs a few of each in CI.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASE = ROOT / "evals/cases/drafting/ba-trang-6t-2023.yaml"
MODES = ("ingest", "draft", "export")

REPORT = """ỦY BAN NHÂN DÂN XÃ THỬ NGHIỆM {n}
BÁO CÁO Kết quả cải cách hành chính năm 2024
I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH
{body}
II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH
1. Cải cách thể chế
{body}
2. Cải cách thủ tục hành chính
{body}
"""
BODY = ("Ủy ban nhân dân xã tiếp tục quán triệt, triển khai các nhiệm vụ cải cách hành chính, gắn với chuyển đổi "
        "số và nâng cao chất lượng phục vụ người dân, doanh nghiệp tại Bộ phận Một cửa. ") * 6


# ----------------------------------------------------------------------------- the worker (child)

def _worker(mode: str, data_dir: Path) -> None:
    from drafting import service as h
    from drafting.inputs.files import load_figures_file
    from drafting.service.assistant import build_assistant
    from retrieval.settings import load_settings

    asst = build_assistant(load_settings(env={}, data_dir=data_dir), llm="none")
    if mode == "ingest":
        files = data_dir.parent / "incoming"
        files.mkdir(exist_ok=True)
        paths = []
        for n in range(8):
            p = files / f"bao-cao-{n}.txt"
            p.write_text(REPORT.format(n=n, body=BODY + f"Đoạn riêng số {n}. "), encoding="utf-8")
            paths.append(p)
        print("READY", flush=True)
        h.library_upload(asst, "crash", paths, "report",
                         progress=lambda done, total: print(f"PROGRESS {done}/{total}", flush=True))
        print("DONE", flush=True)
        return
    data = load_figures_file(CASE)
    state = h.UserState(user="crash")
    print("READY", flush=True)
    if mode == "draft":
        while True:  # a new draft each time: save, export, audit
            state.builder_draft_id = None
            res = h.generate_report(asst, state, data)
            print(f"SAVED {res.draft_id}", flush=True)
    rec = asst.store.load("crash", h.generate_report(asst, state, data).draft_id)
    while True:  # export the same draft again and again (overwrites the same .docx and .xlsx)
        h.export_files(asst, "crash", rec)
        print("SAVED export", flush=True)


# ---------------------------------------------------------------------------- the runner (parent)

def kill_run(mode: str, data_dir: Path, rng: random.Random, timeout: float = 600) -> dict:
    """Start a worker, let it reach its loop, SIGKILL it at a random moment, return what it had printed."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "evals.crash", "worker", mode, str(data_dir)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    saved, progress = [], 0
    wanted = rng.randint(1, 3)
    start = time.monotonic()
    try:
        for line in proc.stdout:
            if line.startswith("SAVED"):
                saved.append(line.split()[1])
            if line.startswith("PROGRESS"):
                progress += 1
            if (mode == "ingest" and progress >= wanted) or (mode != "ingest" and len(saved) >= wanted):
                time.sleep(rng.uniform(0, 0.6))  # somewhere inside the next write
                break
            if line.startswith("DONE") or time.monotonic() - start > timeout:
                break
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    return {"mode": mode, "killed": proc.returncode == -signal.SIGKILL, "saved_before_kill": saved,
            "progress_before_kill": progress, "stderr": proc.stderr.read()[-2000:]}


def check_after_restart(data_dir: Path, saved: list[str]) -> dict:
    """Open the data folder as the app does on restart (with the start-up index sync) and check it."""
    import docx

    from drafting.service.assistant import build_assistant
    from retrieval.settings import load_settings

    asst = build_assistant(load_settings(env={}, data_dir=data_dir), llm="none")
    stack = asst.retrieval
    half_before = [d for d, st in stack.store.doc_states().items() if not st.complete]
    stack.indexer.sync(stack.documents())  # what `make run` / the library's "Cập nhật chỉ mục" does
    states = stack.store.doc_states()
    ids = stack.store.all_chunks()["ids"]
    expected_docs = {d.doc_id for d in stack.documents()}
    index_ok = (all(st.complete for st in states.values()) and len(ids) == len(set(ids))
                and set(states) == expected_docs and sum(st.expected for st in states.values()) == len(ids))
    drafts = {r.id for r in asst.store.list("crash")}
    drafts_ok = set(s for s in saved if s != "export") <= drafts
    exports = sorted(asst.store.export_dir("crash").glob("*.docx"))
    unreadable = []
    for p in exports:
        try:
            docx.Document(p)
        except Exception:  # noqa: BLE001 — any failure to open is what we look for
            unreadable.append(p.name)
    con = sqlite3.connect(data_dir / "audit.sqlite")
    integrity = con.execute("PRAGMA integrity_check").fetchone()[0]
    con.close()
    dangling = [e.subject for e in asst.audit.entries("crash", limit=10000) if e.action == "draft" and e.subject not in drafts]
    leftovers = [p.name for p in (data_dir / "users").rglob("*.tmp")] if (data_dir / "users").is_dir() else []
    return {"half_documents_found": len(half_before), "index_ok": index_ok, "drafts": len(drafts), "drafts_ok": drafts_ok,
            "exports": len(exports), "unreadable_exports": unreadable, "audit_integrity": integrity,
            "audit_dangling": dangling, "tmp_leftovers": len(leftovers),
            "ok": index_ok and drafts_ok and not unreadable and integrity == "ok" and not dangling}


def run(source_data: Path, modes: list[str], runs: int, seed: int = 7) -> list[dict]:
    """`runs` kill-and-restart runs per mode, each on a fresh copy of the index in `source_data`."""
    rng = random.Random(seed)
    rows = []
    for mode in modes:
        for i in range(runs):
            with tempfile.TemporaryDirectory(prefix="troly-crash-") as tmp:
                data = Path(tmp) / "data"
                shutil.copytree(source_data, data, ignore=shutil.ignore_patterns("models", "users", "audit.sqlite*"))
                killed = kill_run(mode, data, rng)
                checked = check_after_restart(data, killed["saved_before_kill"])
                rows.append({"run": i + 1, **killed, **checked})
    return rows


def main(argv: list[str] | None = None) -> int:
    if argv is None and len(sys.argv) > 1 and sys.argv[1] == "worker":
        _worker(sys.argv[2], Path(sys.argv[3]))
        return 0
    ap = argparse.ArgumentParser(prog="python -m evals.crash", description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per mode")
    ap.add_argument("--mode", choices=MODES, action="append")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    from retrieval.settings import load_settings
    from retrieval.wiring import build_retrieval

    settings = load_settings()
    build_retrieval(settings).ensure_index()
    rows = run(settings.data_dir, args.mode or list(MODES), args.runs)
    if args.json:
        print(json.dumps([{k: v for k, v in r.items() if k != "stderr"} for r in rows], ensure_ascii=False, indent=1))
    else:
        print(f"{'chế độ':8}{'lần':>4}{'bị giết':>8}{'trước khi giết':>16}{'nửa chừng':>10}{'chỉ mục':>8}"
              f"{'dự thảo':>8}{'docx hỏng':>10}{'nhật ký':>8}")
        for r in rows:
            before = len(r["saved_before_kill"]) if r["mode"] != "ingest" else r["progress_before_kill"]
            print(f"{r['mode']:8}{r['run']:>4}{str(r['killed']):>8}{before:>16}{r['half_documents_found']:>10}"
                  f"{str(r['index_ok']):>8}{r['drafts']:>8}{len(r['unreadable_exports']):>10}{r['audit_integrity']:>8}")
        print(f"đạt {sum(r['ok'] for r in rows)}/{len(rows)} lần chạy")
    return 0 if all(r["ok"] and r["killed"] for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
