"""One scripted OpenAI-compatible server on loopback for the tests at the model boundary: it streams what a
test asks for, or fails the way real servers fail. The suite's one scripted server (tests of the real local model
run it for real, tests/test_local_llm.py).

Modes: "ok" streams `pieces`; "500" answers an HTTP 500; "garbage" streams a line that is not JSON; "noise"
streams nonsense full of numbers; "slow" waits `slow_seconds` before answering; "trickle" sends a token every
0.4 s and never finishes."""

from __future__ import annotations

import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class FakeOpenAI(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self):
        super().__init__(("127.0.0.1", 0), _Handler)
        self.mode = "ok"
        self.pieces: list[str] = ["Đã tiếp nhận ", "{tthc.ho_so_tiep_nhan}", " hồ sơ."]
        self.slow_seconds = 3.0
        self.calls = 0
        self.seen: list[dict] = []  # request bodies, in order

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}/v1"


class _Handler(BaseHTTPRequestHandler):
    server: FakeOpenAI

    def log_message(self, *args):  # keep test output clean
        pass

    def _sse(self, chunks, pause=0.0):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        for c in chunks:
            self.wfile.write(c.encode("utf-8"))
            self.wfile.flush()
            time.sleep(pause)

    @staticmethod
    def _delta(text: str) -> str:
        return f"data: {json.dumps({'choices': [{'delta': {'content': text}}]}, ensure_ascii=False)}\n\n"

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        srv = self.server
        srv.calls += 1
        try:
            srv.seen.append(json.loads(body))
        except ValueError:
            srv.seen.append({})
        try:
            if srv.mode == "500":
                self.send_response(500)
                self.end_headers()
                self.wfile.write(b"internal error")
            elif srv.mode == "garbage":
                self._sse(["data: {not json at all\n\n"])
            elif srv.mode == "noise":
                self._sse([self._delta("zxq 8123 !!@@ qwpo lkjh 77 ## $$ mnb vcx"), "data: [DONE]\n\n"])
            elif srv.mode == "slow":
                time.sleep(srv.slow_seconds)
                self._sse(["data: [DONE]\n\n"])
            elif srv.mode == "trickle":
                self._sse([self._delta("Trong kỳ, ")] * 200, pause=0.4)
            else:
                self._sse([self._delta(p) for p in srv.pieces] + ["data: [DONE]\n\n"])
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up, as it should


@contextmanager
def fake_openai():
    server = FakeOpenAI()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
