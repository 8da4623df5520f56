"""`python -m evals.bench app`: the app as an official meets it, measured from outside the process.

- time from `make run` to a usable page (set-up already done: venv, index, model), i.e. until the page
  answers and its API responds;
- chat answer latency (first streamed update, whole answer) with --llm none and with the local model;
- N concurrent sessions through gradio_client on loopback: each asks, drafts a section from figures in
  the message and reviews a seed report; errors counted, p50/p95 per action.

The app runs in its own process group (python app.py or make run) and is stopped at the end."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

from drafting.figures.vnformat import fmt_int

ROOT = Path(__file__).resolve().parent.parent
PY = str(ROOT / ".venv" / "bin" / "python") if (ROOT / ".venv" / "bin" / "python").exists() else "python"
QUESTION = "Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?"
DRAFT = ("Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, trước và đúng hạn 245, "
         "quá hạn 7, đang giải quyết 1")
SEED = ROOT / "corpus" / "reports" / "003_8ca837b1dccb8473.txt"


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_usable(url: str, proc: subprocess.Popen, timeout: float = 600) -> float:
    from gradio_client import Client

    t0 = time.perf_counter()
    while time.perf_counter() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"the app exited with {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2) as r:
                if r.status == 200:
                    Client(url, verbose=False).predict("6 tháng", 2025, api_name="/window_text")
                    return time.perf_counter() - t0
        except Exception:  # noqa: BLE001 — not up yet
            time.sleep(0.2)
    raise TimeoutError("the app did not come up")


@contextmanager
def running(cmd: list[str], port: int, env_extra: dict | None = None):
    env = {**os.environ, "TROLY_PORT": str(port), **(env_extra or {})}
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_usable(url, proc)
        yield url, time.perf_counter() - t0
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)


def _text(out) -> str:
    history = out[0] if out else []
    if not history:
        return ""
    c = history[-1]["content"]
    return "".join(x.get("text", "") for x in c if isinstance(x, dict)) if isinstance(c, list) else str(c)


def chat_latency(url: str, message: str) -> dict:
    """First streamed update carrying text, and the whole answer."""
    from gradio_client import Client

    c = Client(url, verbose=False)
    t0 = time.perf_counter()
    job = c.submit({"text": message, "files": []}, [], api_name="/chat")
    first, later, seen = None, None, ""
    for out in job:
        text = _text(out).strip("… \n")
        if first is None and text:
            first, seen = time.perf_counter() - t0, text
        elif first is not None and later is None and text != seen:
            later = time.perf_counter() - t0  # with a model: its first token, under the registry's one-line answer
    total = time.perf_counter() - t0
    final = _text(job.outputs()[-1]) if job.outputs() else ""
    return {"first_s": round(first or total, 2), "next_s": round(later or total, 2), "total_s": round(total, 2),
            "chars": len(final),
            "has_source": "Nguồn:" in final}


def _pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return round(xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))], 2) if xs else 0.0


def own_total(i: int) -> int:
    """User i's total received (2.008, 2.018, …): equal to no figure another user's draft derives."""
    return 2008 + 10 * i


def own_draft(i: int) -> str:
    return DRAFT.replace("253", str(own_total(i))).replace("245", str(own_total(i) - 8))


@contextmanager
def scratch_data():
    """A copy of the data folder without models, drafts or the audit log: a bench writes there, not in the real one."""
    import shutil
    import tempfile

    from retrieval.settings import load_settings

    settings = load_settings()
    with tempfile.TemporaryDirectory(prefix="troly-bench-") as tmp:
        data = Path(tmp) / "data"
        shutil.copytree(settings.data_dir, data, ignore=shutil.ignore_patterns("models", "users", "audit.sqlite*"))
        yield data, settings.local_model_dir


def concurrent_sessions(url: str, sessions: int, rounds: int = 1, seconds: float = 0.0) -> dict:
    """Each session asks, drafts from its own figures and reviews; `rounds` times, or until `seconds`
    have passed when given. A leak is a session seeing another session's figure, or not its own."""
    from gradio_client import Client, handle_file

    times: dict[str, list[float]] = {"ask": [], "draft": [], "review": []}
    errors: list[str] = []
    leaks: list[str] = []
    lock = threading.Lock()

    def one(i: int):
        try:
            c = Client(url, verbose=False)
            end = time.perf_counter() + seconds
            done = 0
            while (done < rounds) if not seconds else (time.perf_counter() < end):
                done += 1
                t = time.perf_counter()
                out = c.predict({"text": QUESTION, "files": []}, [], api_name="/chat")
                ok = "118/2025" in _text(out)
                dt_ask = time.perf_counter() - t
                t = time.perf_counter()
                out = c.predict({"text": own_draft(i), "files": []}, [], api_name="/chat")
                txt = _text(out)
                dt_draft = time.perf_counter() - t
                if fmt_int(own_total(i)) not in txt:
                    leaks.append(f"session {i}: its own figure is missing")
                others = [fmt_int(own_total(j)) for j in range(sessions) if j != i]
                if any(f" {o} hồ sơ" in txt for o in others):
                    leaks.append(f"session {i}: another session's figure appears")
                t = time.perf_counter()
                c.predict(handle_file(str(SEED)), "05/06/2023", api_name="/review")
                dt_review = time.perf_counter() - t
                with lock:
                    times["ask"].append(dt_ask)
                    times["draft"].append(dt_draft)
                    times["review"].append(dt_review)
                    if not ok:
                        errors.append(f"session {i}: wrong answer")
        except Exception as exc:  # noqa: BLE001 — counted, reported
            with lock:
                errors.append(f"session {i}: {type(exc).__name__}: {exc}")

    t0 = time.perf_counter()
    threads = [threading.Thread(target=one, args=(i,)) for i in range(sessions)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    wall = time.perf_counter() - t0
    return {"sessions": sessions, "wall_s": round(wall, 1), "errors": errors, "leaks": leaks,
            "actions": sum(len(v) for v in times.values()),
            **{f"{k}_p50_s": _pct(v, 0.5) for k, v in times.items()},
            **{f"{k}_p95_s": _pct(v, 0.95) for k, v in times.items()}}


def bench_app(sessions: int = 10, with_llm: bool = True) -> dict:
    res: dict = {}
    port = _port()
    with running(["make", "--no-print-directory", "run"], port) as (url, startup):
        res["make_run_to_usable_s"] = round(startup, 1)
    with running([PY, "app.py", "--llm", "none"], _port()) as (url, startup):
        res["app_start_none_s"] = round(startup, 1)
        chat_latency(url, QUESTION)  # the first query loads the embedder: not what an official waits for twice
        res["chat_none"] = chat_latency(url, QUESTION)
        res["concurrent"] = concurrent_sessions(url, sessions)
    if with_llm:
        from drafting.llm.local_model import MODEL_FILE, is_ready
        from retrieval.settings import load_settings

        if is_ready(load_settings().local_model_dir / MODEL_FILE):
            with running([PY, "app.py", "--llm", "local"], _port()) as (url, startup):
                res["app_start_local_s"] = round(startup, 1)
                time.sleep(8)  # let the background warm-up (embedder, model, system prefix) finish
                res["chat_local"] = chat_latency(url, QUESTION)
        else:
            res["chat_local"] = "mô hình cục bộ chưa cài (make llm)"
    return res


def _rss_mb(pid: int) -> float:
    """Resident memory of a process and its children (the app runs in one process)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return round(int(line.split()[1]) / 1024, 1)
    return 0.0


def bench_load(users: int = 20, seconds: float = 180) -> dict:
    """`users` concurrent gradio_client sessions for `seconds` against the app on loopback, on a scratch
    copy of the data folder (drafts and the audit log of the load stay out of the real one)."""
    with scratch_data() as (data, model_dir):
        env = {"TROLY_DATA_DIR": str(data), "TROLY_MODEL_DIR": str(model_dir)}
        port = _port()
        with running([PY, "app.py", "--llm", "none"], port, env) as (url, _):
            chat_latency(url, QUESTION)  # load the embedder first
            pid = _listener_pid(port)
            rss0 = _rss_mb(pid) if pid else 0.0
            warm = concurrent_sessions(url, users, rounds=1)  # fill caches: growth after this is a leak
            rss1 = _rss_mb(pid) if pid else 0.0
            samples: list[tuple[int, float]] = []
            stop = threading.Event()

            def sample() -> None:  # the curve tells a plateau (allocator, caches) from steady growth
                t0 = time.perf_counter()
                while pid and not stop.wait(30):
                    samples.append((round(time.perf_counter() - t0), _rss_mb(pid)))

            sampler = threading.Thread(target=sample, daemon=True)
            sampler.start()
            res = concurrent_sessions(url, users, seconds=seconds)
            stop.set()
            sampler.join()
            rss2 = _rss_mb(pid) if pid else 0.0
        drafts = len(list((data / "users").rglob("*.json")))
    res.update({"seconds": seconds, "rss_start_mb": rss0, "rss_after_warmup_mb": rss1, "rss_end_mb": rss2,
                "rss_samples": samples, "drafts_saved": drafts, "warmup_errors": warm["errors"] + warm["leaks"]})
    return res


def _listener_pid(port: int) -> int | None:
    """The pid listening on the port (the app.py process)."""
    inode = None
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        for line in Path(table).read_text().splitlines()[1:]:
            parts = line.split()
            if int(parts[1].rsplit(":", 1)[1], 16) == port and parts[3] == "0A":
                inode = parts[9]
    if inode is None:
        return None
    for proc in Path("/proc").iterdir():
        if proc.name.isdigit():
            try:
                if any(os.readlink(fd) == f"socket:[{inode}]" for fd in (proc / "fd").iterdir()):
                    return int(proc.name)
            except OSError:
                continue
    return None


def print_load(res: dict) -> None:
    print(f"{res['sessions']} người dùng đồng thời trong {res['seconds']:g} s qua gradio_client: {res['actions']} thao tác, "
          f"lỗi {len(res['errors'])}, lẫn dữ liệu giữa người dùng {len(res['leaks'])}, dự thảo đã lưu {res['drafts_saved']}")
    for action in ("ask", "draft", "review"):
        print(f"  {action}: p50 {res[f'{action}_p50_s']} s, p95 {res[f'{action}_p95_s']} s")
    print(f"  bộ nhớ tiến trình ứng dụng: {res['rss_start_mb']} MB lúc đầu, {res['rss_after_warmup_mb']} MB sau vòng làm nóng, "
          f"{res['rss_end_mb']} MB lúc cuối")
    if res["rss_samples"]:
        print("  theo thời gian: " + ", ".join(f"{t} s {mb:g} MB" for t, mb in res["rss_samples"]))
    for e in res["errors"] + res["leaks"] + res["warmup_errors"]:
        print(f"  ! {e}")


def print_result(res: dict) -> None:
    print(f"make run → trang dùng được: {res['make_run_to_usable_s']} s (máy đã cài đặt, đã có chỉ mục)")
    print(f"python app.py --llm none → dùng được: {res['app_start_none_s']} s")
    c = res["chat_none"]
    print(f"Hỏi đáp, không mô hình: chữ đầu {c['first_s']} s, trọn câu trả lời {c['total_s']} s, có nguồn: {c['has_source']}")
    if isinstance(res.get("chat_local"), dict):
        c = res["chat_local"]
        print(f"Hỏi đáp, mô hình cục bộ: khởi động {res['app_start_local_s']} s; dòng trả lời (sổ đăng ký) sau "
              f"{c['first_s']} s (mục tiêu < 5 s), chữ đầu của mô hình sau {c['next_s']} s, trọn câu trả lời "
              f"{c['total_s']} s (gấp {round(c['total_s'] / max(res['chat_none']['total_s'], 0.01))} lần không mô "
              f"hình), có nguồn: {c['has_source']}")
    elif res.get("chat_local"):
        print(f"Hỏi đáp, mô hình cục bộ: {res['chat_local']}")
    k = res["concurrent"]
    print(f"{k['sessions']} phiên đồng thời qua gradio_client ({k['wall_s']} s): lỗi {len(k['errors'])}, "
          f"lẫn dữ liệu giữa phiên {len(k['leaks'])}")
    for action in ("ask", "draft", "review"):
        print(f"  {action}: p50 {k[f'{action}_p50_s']} s, p95 {k[f'{action}_p95_s']} s")
    for e in k["errors"] + k["leaks"]:
        print(f"  ! {e}")


def bench_memory(threads: int = 1, rounds: int = 10, steps: int = 5) -> dict:
    """The domain handlers without the web layer: `threads` users each ask, draft from their own figures
    and review, `rounds` times per step, on a scratch data copy; resident memory after each step.
    Flat in one thread means no leak in our code; what grows only with threads is the allocator."""
    import gc

    from drafting import service as handlers
    from drafting.service.assistant import build_assistant
    from retrieval.settings import load_settings

    with scratch_data() as (data, model_dir):
        asst = build_assistant(load_settings(data_dir=data, model_dir=model_dir), llm="none")

        def user(i: int, n: int) -> None:
            state = handlers.UserState(user=f"u{i}")
            for _ in range(n):
                for message in (QUESTION, own_draft(i)):
                    for _ in handlers.chat_turn(asst, state, message):
                        pass
                handlers.review_file(asst, state.user, SEED, None)

        def step(n: int) -> None:  # fresh threads each step, as a server's pool replaces its workers
            pool = [threading.Thread(target=user, args=(i, n)) for i in range(threads)]
            for t in pool:
                t.start()
            for t in pool:
                t.join()

        step(2)
        gc.collect()
        curve = [(0, _rss_mb(os.getpid()))]
        for k in range(1, steps + 1):
            step(rounds)
            gc.collect()
            curve.append((k * rounds * threads * 3, _rss_mb(os.getpid())))
    return {"threads": threads, "curve": curve}


def print_memory(res: dict) -> None:
    print(f"Hàm xử lý không qua giao diện web, {res['threads']} luồng: bộ nhớ sau làm nóng và sau mỗi đợt")
    print("  " + ", ".join(f"{n} thao tác {mb:g} MB" for n, mb in res["curve"]))
