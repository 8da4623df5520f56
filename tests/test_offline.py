"""Offline and private: every capability works with the network cut, nothing connects outside loopback,
and the telemetry settings live in one place."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys

import pytest

from retrieval.offline import LOOPBACK, OFFLINE_ENV, NetworkGuard, configured_hosts, guard_network
from retrieval.settings import load_settings
from tests.conftest import ROOT, free_port

OFFICE_ADDRESS = "10.55.0.1"  # the office-network address the app binds to inside the namespace


def _netns_prefix() -> list[str]:
    """A network namespace with loopback only, where the machine allows unprivileged namespaces; the
    loopback device also carries an office-network address (not 127.x) for the app to bind to."""
    if not shutil.which("unshare") or not shutil.which("ip"):
        return []
    setup = f"ip link set lo up && ip addr add {OFFICE_ADDRESS}/32 dev lo"
    ok = subprocess.run(["unshare", "-rn", "sh", "-c", setup], capture_output=True)
    return ["unshare", "-rn", "sh", "-c", setup + ' && exec "$0" "$@"'] if ok.returncode == 0 else []


@pytest.mark.slow
def test_everything_works_with_the_network_cut(corpus_stack, tmp_path):
    data = tmp_path / "data"
    shutil.copytree(corpus_stack.settings.data_dir, data)
    prefix = _netns_prefix()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TROLY_", "HF_", "GRADIO_"))}
    # an office machine may well have a proxy set: the app must not send its own traffic there
    env.update({"PYTHONPATH": str(ROOT), "HTTP_PROXY": "http://203.0.113.9:3128", "https_proxy": "http://203.0.113.9:3128"})
    for name in ("no_proxy", "NO_PROXY"):
        env.pop(name, None)
    host = OFFICE_ADDRESS if prefix else "127.0.0.1"
    out = subprocess.run(prefix + [sys.executable, str(ROOT / "tests/helpers/offline_probe.py"), str(data),
                                   str(free_port()), host], capture_output=True, text=True, timeout=600, env=env, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-3000:]
    result = json.loads(out.stdout.strip().splitlines()[-1])
    steps = result["steps"]
    assert "Đã nhập 1 tệp" in steps["ingest"]
    assert steps["search"] and steps["draft"] == 10 and "118/2025" in steps["ask"]
    assert steps["review"] > 0 and "61/2018" in steps["app"]
    assert result["refused"] == [], result["refused"]  # no library even tried to call home
    print("network namespace:", bool(prefix), "app bound to", host)


def test_the_guard_refuses_the_outside_and_lets_configured_servers_through():
    guard = NetworkGuard()
    assert guard.permits("127.0.0.1") and guard.permits("::1") and guard.permits("localhost")
    assert guard.permits("/run/chroma.sock")  # a unix socket stays on the machine
    assert not guard.permits("203.0.113.5") and not guard.permits("huggingface.co")
    g = guard_network()  # the process-wide guard the test session runs under
    before = len(g.refused)
    with pytest.raises(ConnectionRefusedError, match="ngoại tuyến"):
        socket.create_connection(("203.0.113.5", 80), timeout=2)
    with pytest.raises(OSError):
        socket.getaddrinfo("huggingface.co", 443)
    assert g.refused[before:][0] == ("203.0.113.5", 80)
    # an office LLM server named in the settings is allowed, by name and by address
    s = load_settings(env={"TROLY_LLM": "openai", "TROLY_LLM_URL": "http://10.20.30.40:8000/v1",
                           "TROLY_CHROMA_MODE": "http", "TROLY_CHROMA_HOST": "10.20.30.41"})
    assert configured_hosts(s) == ["http://10.20.30.40:8000/v1", "10.20.30.41"]
    assert configured_hosts(load_settings(env={})) == []
    # an office server bound to its network address checks that address when it starts
    assert configured_hosts(load_settings(env={"TROLY_HOST": "192.168.1.20"})) == ["192.168.1.20"]
    assert configured_hosts(load_settings(env={"TROLY_HOST": "0.0.0.0"})) == []


def test_proxy_settings_are_dropped(monkeypatch):
    from retrieval.offline import PROXY_ENV, enforce_offline

    for name in PROXY_ENV:
        monkeypatch.setenv(name, "http://203.0.113.9:3128")
    enforce_offline()
    assert not any(name in os.environ for name in PROXY_ENV)


def test_defaults_point_only_at_this_machine():
    s = load_settings(env={})
    assert s.host in LOOPBACK and s.chroma_host in LOOPBACK and s.llm == "none" and not s.llm_url
    assert s.chroma_mode == "persistent"


def test_telemetry_is_set_in_one_place():
    """Only retrieval/offline.py names these variables; every entry point imports it first."""
    names = list(OFFLINE_ENV)
    hits = {}
    for path in list(ROOT.glob("*.py")) + [p for d in ("corpus", "retrieval", "drafting", "evals")
                                          for p in (ROOT / d).rglob("*.py")]:
        text = path.read_text(encoding="utf-8")
        for name in names:
            if name in text:
                hits.setdefault(name, set()).add(path.relative_to(ROOT).as_posix())
    assert all(files == {"retrieval/offline.py"} for files in hits.values()), hits
    for key, value in OFFLINE_ENV.items():
        assert os.environ.get(key) == value, key
    app_src = (ROOT / "app.py").read_text(encoding="utf-8")
    assert app_src.index("enforce_offline()") < app_src.index("import gradio")
