"""The app driven through its API with gradio_client, as a script or another program would: chat,
report builder (upload → generate → download), review; two clients never see each other's drafts."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
import yaml
from gradio_client import Client, handle_file

from drafting.figures.facts import SECTIONS
from drafting.figures.schema import key_for_label
from drafting.inputs.workbook import write_template

ROOT = Path(__file__).resolve().parent.parent
SEED_003 = ROOT / "corpus" / "reports" / "003_8ca837b1dccb8473.txt"


def _chat_text(history) -> str:
    content = history[-1]["content"]
    if isinstance(content, list):
        return "".join(c.get("text", "") for c in content if isinstance(c, dict))
    return str(content)


@pytest.fixture(scope="module")
def workbook(tmp_path_factory) -> Path:
    case = yaml.safe_load((ROOT / "evals/cases/drafting/ba-trang-6t-2023.yaml").read_text(encoding="utf-8"))
    flat = {f"{a}.{k}": v for a, rows in case["figures"].items() for k, v in rows.items()}
    path = tmp_path_factory.mktemp("wb") / "so-lieu-ba-trang.xlsx"
    write_template(path, meta=case["meta"], values=flat)
    return path


def test_chat_through_the_api(app_url):
    c = Client(app_url, verbose=False)
    history, _, understood, meta, _facts, docx_file, _day, _msg = c.predict(
        {"text": "Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, "
                 "trước và đúng hạn 245, quá hạn 7, đang giải quyết 1", "files": []}, [], api_name="/chat")
    text = _chat_text(history)
    assert "97,22%" in text and "**Nguồn:**" in text
    assert [key_for_label(r[0]) for r in understood["data"]][:3] == ["tthc.ho_so_tiep_nhan", "tthc.ho_so_dung_han_tong",
                                                                     "tthc.ho_so_qua_han"]
    assert "253" in "\n".join(p.text for p in docx.Document(docx_file).paragraphs)
    history, *_ = c.predict({"text": "Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?", "files": []}, history,
                            api_name="/chat")
    assert "118/2025/NĐ-CP" in _chat_text(history)


def test_builder_and_review_through_the_api(app_url, workbook):
    a, b = Client(app_url, verbose=False), Client(app_url, verbose=False)
    filled = a.predict(handle_file(str(workbook)), api_name="/builder_upload")
    assert "Đã đọc" in filled[-2]  # the message under the upload box (then the box itself)
    out = a.predict(*filled[:-2], api_name="/builder_generate")
    status, html, findings, docx_path, wb_path, drafts = out[:6]
    assert "Đã soạn 10 mục" in status and "tl-doc" in html
    text = "\n".join(p.text for p in docx.Document(docx_path).paragraphs)
    assert "xã Ba Trang" in text and "253" in text and "ĐÁNH GIÁ CHUNG" in text
    draft_id = drafts if isinstance(drafts, str) else drafts.get("value")
    # another client (another browser) cannot open it
    other = b.predict(draft_id, api_name="/builder_open")
    assert other[-3].startswith("⚠️")  # status, then the section list and the drafts list
    mine = a.predict(draft_id, api_name="/builder_open")
    assert mine[-3].startswith("Đã mở dự thảo")
    summary, rows, csv_path, marked = a.predict(handle_file(str(SEED_003)), "05/06/2023", api_name="/review")
    assert any(r[1] == "Số học" and "96,83" in str(r[4]) for r in rows["data"])
    assert Path(csv_path).read_bytes().startswith(b"\xef\xbb\xbf")
    bad_day = a.predict(handle_file(str(SEED_003)), "31/02/2023", api_name="/review")
    assert bad_day[0].startswith("⚠️") and "không hợp lệ" in bad_day[0]


def test_the_uploads_beside_the_form_through_the_api(app_url, workbook, tmp_path):
    """The service's form actions, wired through the page's error guard: an error leaves the form as it was and is said
    under the upload; a register export fills the section texts."""
    a = Client(app_url, verbose=False)
    filled = a.predict(handle_file(str(workbook)), api_name="/builder_upload")[:-2]
    # seed 003 is the same unit's report of the same period: refused as last period's, every table kept
    out = a.predict(handle_file(str(SEED_003)), *filled, api_name="/builder_previous")
    assert out[-1].startswith("⚠️") and "kỳ" in out[-1]
    register = tmp_path / "van-ban-di.csv"
    register.write_text("Số/Ký hiệu,Ngày ban hành,Trích yếu\n14/KH-UBND,30/01/2023,Kế hoạch cải cách hành chính năm 2023\n",
                        encoding="utf-8")
    sections = filled[-1 - len(SECTIONS):-1]
    texts = a.predict(handle_file(str(register)), *sections, api_name="/builder_register")
    assert "14/KH-UBND" in "\n".join(texts[:-1]) and not texts[-1].startswith("⚠️")


def test_login_required_when_accounts_are_configured(assistant, tmp_path):
    import app
    from drafting.service.accounts import add_user
    from tests.conftest import free_port

    users = tmp_path / "users.txt"
    add_user(users, "canbo1", "mat-khau-dai")
    settings = assistant.settings.model_copy(update={"port": free_port(), "users_file": users, "max_sessions": 2})
    demo = app.build_app(assistant)
    assert demo.analytics_enabled is False and assistant.settings.host == "127.0.0.1"
    app.launch(demo, settings, prevent_thread_lock=True)
    url = f"http://127.0.0.1:{settings.port}/"
    try:
        with pytest.raises(Exception):  # noqa: B017 — gradio_client raises a plain Exception when refused
            Client(url, verbose=False).predict({"text": "Nghị định nào quy định cơ chế một cửa?", "files": []}, [],
                                               api_name="/chat")
        with pytest.raises(Exception):  # noqa: B017 — gradio_client raises a plain Exception when refused
            Client(url, auth=("canbo1", "sai-mat-khau"), verbose=False)
        c = Client(url, auth=("canbo1", "mat-khau-dai"), verbose=False)
        history, *_ = c.predict({"text": "Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?", "files": []}, [],
                                api_name="/chat")
        assert "118/2025/NĐ-CP" in _chat_text(history)
        event = assistant.audit.entries("canbo1")[0]
        assert event.action == "ask" and "118/2025/NĐ-CP" in event.sources
        # sessions held in memory are bounded: a third session pushes out the least recently used
        for _ in range(2):
            Client(url, auth=("canbo1", "mat-khau-dai"), verbose=False).predict(
                {"text": "Nghị định nào quy định cơ chế một cửa?", "files": []}, [], api_name="/chat")
        assert len(demo.state_holder.session_data) == 2
    finally:
        demo.close()


def test_malloc_arenas_are_limited_on_glibc(monkeypatch):
    import platform

    from drafting.service.session import limit_malloc_arenas

    if platform.libc_ver()[0] != "glibc":
        pytest.skip("not glibc")
    monkeypatch.delenv("MALLOC_ARENA_MAX", raising=False)
    assert limit_malloc_arenas() is True
    monkeypatch.setenv("MALLOC_ARENA_MAX", "16")  # the administrator's own setting wins
    assert limit_malloc_arenas() is False
