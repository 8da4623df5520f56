"""Nothing leaves the machine: telemetry of Chroma, Hugging Face, LangChain and Gradio is off and
model hubs are never contacted. Set here, in one place, before any of those libraries is imported."""

from __future__ import annotations

import os
import socket
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

OFFLINE_ENV = {
    "ANONYMIZED_TELEMETRY": "False",  # Chroma
    "CHROMA_TELEMETRY": "False",
    "HF_HUB_OFFLINE": "1",  # Hugging Face: never download
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "True",  # the value Gradio itself writes when analytics are off
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "LANGCHAIN_TRACING_V2": "false",  # LangChain / LangSmith
    "LANGSMITH_TRACING": "false",
    "LANGCHAIN_TRACING": "false",
    "GRADIO_ANALYTICS_ENABLED": "False",  # Gradio
    "DO_NOT_TRACK": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


# A proxy is itself a host outside the machine: with one set, Gradio's start-up check of its own
# address and every call to an office server would be sent to it (and refused by the guard below).
PROXY_ENV = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "http_proxy", "https_proxy", "all_proxy")


def enforce_offline() -> None:
    """Force the offline settings; a user's environment cannot turn telemetry back on, and the servers
    this process may reach (itself, an office LLM or Chroma server) are reached directly, never via a proxy."""
    os.environ.update(OFFLINE_ENV)
    for name in PROXY_ENV:
        os.environ.pop(name, None)


# ---------------------------------------------------------------------------- network guard
# Telemetry settings are a promise of each library; the guard checks it. An audit hook sees every
# socket connection and name lookup Python makes (asyncio, httpx, requests, urllib alike) and refuses
# any that leaves the machine, except to the servers the settings name (an office LLM or Chroma server).

LOOPBACK = {"127.0.0.1", "::1", "localhost", "0.0.0.0", "::", ""}


@dataclass
class NetworkGuard:
    allowed: set[str] = field(default_factory=set)
    refused: list[tuple[str, object]] = field(default_factory=list)  # (host, port) of every refusal

    def permits(self, host: object) -> bool:
        if not isinstance(host, str) or host.startswith("/"):
            return True  # AF_UNIX paths and other non-IP families stay on the machine
        h = host.strip("[]").lower()
        if h in LOOPBACK or h in self.allowed or h.startswith("127.") or h.startswith("::ffff:127."):
            return True
        return False

    def _hook(self, event: str, args: tuple) -> None:
        if event == "socket.connect":
            address = args[1]
            if not isinstance(address, tuple):
                return  # AF_UNIX path: stays on the machine
            host, port = address[0], address[1]
        elif event == "socket.getaddrinfo":
            host, port = args[0], args[1]
            if isinstance(host, bytes):
                host = host.decode("ascii", "replace")
            if host is None:
                return
        else:
            return
        if not self.permits(host):
            self.refused.append((str(host), port))
            raise ConnectionRefusedError(f"Trợ lý CCHC chạy ngoại tuyến: không kết nối ra ngoài máy ({host}).")


_GUARD: NetworkGuard | None = None


def _host_of(url_or_host: str) -> str:
    if "://" in url_or_host:
        return (urlsplit(url_or_host).hostname or "").lower()
    return url_or_host.strip().lower()


def guard_network(extra_hosts: Iterable[str] = ()) -> NetworkGuard:
    """Install the guard once per process (audit hooks cannot be removed); later calls add hosts.
    Names given are resolved now, so a connection to their address passes too."""
    global _GUARD
    if _GUARD is None:
        _GUARD = NetworkGuard()
        sys.addaudithook(_GUARD._hook)
    for item in extra_hosts:
        host = _host_of(item)
        if not host or _GUARD.permits(host):
            continue
        _GUARD.allowed.add(host)
        try:
            for info in socket.getaddrinfo(host, None):
                _GUARD.allowed.add(str(info[4][0]).lower())
        except OSError:
            pass  # unreachable now; the client reports it when it is used
    return _GUARD


def configured_hosts(settings) -> list[str]:
    """The hosts outside loopback that the settings name: nothing else may be contacted. The app's own
    address on the office network is one (Gradio checks it answers when it starts)."""
    hosts = [settings.host] if settings.host not in LOOPBACK else []
    if settings.llm == "openai" and settings.llm_url:
        hosts.append(settings.llm_url)
    if settings.chroma_mode == "http":
        hosts.append(settings.chroma_host)
    return hosts
