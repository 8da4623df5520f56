"""Every capability once, in a process whose network is cut: run by tests/test_offline.py inside a
network namespace with only loopback (or, where namespaces are not allowed, with sockets outside
loopback refused by the guard alone). The app runs as on an office server: bound to the address given,
login required, a proxy set in the environment. Prints one JSON line: the steps done and every refused
connection."""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import app  # noqa: E402  (sets the offline environment before gradio/chromadb are imported)
from drafting import service as handlers  # noqa: E402
from drafting.inputs.files import load_figures_file  # noqa: E402
from drafting.service.assistant import build_assistant  # noqa: E402
from retrieval.offline import guard_network  # noqa: E402
from retrieval.settings import load_settings  # noqa: E402


def main(data_dir: str, port: int, host: str) -> None:
    from drafting.service.accounts import add_user

    steps: dict[str, object] = {}
    users = Path(data_dir) / "users.txt"
    add_user(users, "canbo1", "mat-khau-dai")
    settings = load_settings(env={}, data_dir=Path(data_dir), port=port, host=host, users_file=users)
    asst = build_assistant(settings, llm="none")
    note = Path(data_dir) / "ghi-chu-mot-cua.txt"
    note.write_text("Ghi chú nội bộ: bộ phận một cửa xã Thử Nghiệm tiếp nhận hồ sơ trực tuyến từ tháng 3.",
                    encoding="utf-8")
    steps["ingest"] = handlers.library_upload(asst, "probe", [note], "report")
    hits = asst.retrieval.searcher.search("cơ chế một cửa một cửa liên thông", k=3)
    steps["search"] = [h.number or h.doc_id for h in hits]
    data = load_figures_file(ROOT / "evals/cases/drafting/ba-trang-6t-2023.yaml")
    steps["draft"] = len(asst.draft_input(data).sections)
    steps["ask"] = asst.ask("Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?").text[:80]
    seed = ROOT / "corpus/reports/003_8ca837b1dccb8473.txt"
    steps["review"] = len(asst.review(seed.read_bytes(), seed.name))

    from gradio_client import Client

    demo = app.build_app(asst)
    app.launch(demo, settings, prevent_thread_lock=True)
    try:
        c = Client(f"http://{host}:{port}/", auth=("canbo1", "mat-khau-dai"), verbose=False)
        history, *_ = c.predict({"text": "Nghị định nào quy định cơ chế một cửa năm 2024?", "files": []}, [],
                                api_name="/chat")
        content = history[-1]["content"]
        steps["app"] = content if isinstance(content, str) else json.dumps(content, ensure_ascii=False)
    finally:
        demo.close()
    print(json.dumps({"steps": steps, "refused": guard_network().refused}, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3])
