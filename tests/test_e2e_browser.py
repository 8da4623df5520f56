"""End to end in a real browser: Debian's chromium driven by Playwright, at 1366×768 (an office laptop).
Each screen: the chat (a question, a follow-up, figures understood with their words visible, a new
conversation, the chat's draft opened in the builder), the builder (an upload's message next to the upload,
a report built and downloaded, a section edited and exported), the review (the columns to check visible, one
section only) and the library (search, a row picked). No English and no internal codes on any screen.
Screenshots are saved in test-output/e2e/ for a person to look at (and in the test's tmp_path)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path

import docx
import pytest
import yaml

from drafting.inputs.workbook import write_template

pytestmark = [pytest.mark.browser]

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
SEED_003 = ROOT / "corpus" / "reports" / "003_8ca837b1dccb8473.txt"
SHOTS = ROOT / "test-output" / "e2e"

if not Path(CHROMIUM).exists():
    if os.environ.get("CI"):
        raise RuntimeError("chromium is missing: .ci/run installs it with apt")
    pytest.skip("Debian chromium not installed (apt install chromium)", allow_module_level=True)


@pytest.fixture(scope="module")
def page(app_url, tmp_path_factory):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                    args=["--no-sandbox", "--disable-dev-shm-usage", "--disable-background-networking",
                                          "--disable-component-update", "--no-first-run"])
        context = browser.new_context(accept_downloads=True, viewport={"width": 1366, "height": 768}, locale="vi-VN")
        pg = context.new_page()
        pg.set_default_timeout(120_000)
        pg.goto(app_url)
        pg.wait_for_selector("#chat-input textarea")
        yield pg
        browser.close()


def shot(page, tmp_path, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)
    shutil.copy(tmp_path / f"{name}.png", SHOTS / f"{name}.png")


ENGLISH = ["Drop File Here", "Click to Upload", "Submit", "Upload file", "Loading", "Error", "Clear", "Examples",
           "Use via API", "Built with Gradio", "Settings", "Drop CSV", "MultimodalTextbox", "Textbox", "Chatbot"]
INTERNAL = re.compile(r"\b(?:tthc|chi_dao|the_che|to_chuc|cong_vu|tai_chinh|cds)\.[a-z_]+|\b(?:mo_dau|ket_thuc|phu_luc)\b|trinh-duyet-|"
                      r"\breport-\d{3}\b|\bdigest-nd|\bregistry-\d")


def no_english_nor_codes(page) -> None:
    for _ in range(20):  # Gradio's transient "Loading" while a reply settles is not a string the official reads
        text = page.inner_text("body")
        if "Loading" not in text:
            break
        page.wait_for_timeout(500)
    assert not [w for w in ENGLISH if re.search(rf"\b{w}\b", text)], [w for w in ENGLISH if re.search(rf"\b{w}\b", text)]
    assert not INTERNAL.search(text), INTERNAL.search(text).group(0)


def wait_text(page, selector: str, text: str) -> None:
    page.wait_for_function("([s, t]) => { const e = document.querySelector(s); return !!e && e.innerText.includes(t); }",
                           arg=[selector, text])


def fully_visible(page, selector: str) -> None:
    """Inside the 1366-wide window, without scrolling sideways."""
    box = page.locator(selector).first.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 1366, (selector, box)


def test_ask_a_question_and_a_follow_up(page, tmp_path):
    page.fill("#chat-input textarea", "Năm 2026 bộ phận một cửa cấp xã thực hiện theo nghị định nào?")
    page.keyboard.press("Enter")
    wait_text(page, "#chat", "Nguồn:")
    assert "118/2025/NĐ-CP" in page.inner_text("#chat")
    page.fill("#chat-input textarea", "Tháng 3/2024 thì sao?")
    page.keyboard.press("Enter")
    page.wait_for_function("() => { const t = document.querySelector('#chat').innerText; const i = t.lastIndexOf('Hiểu là:');"
                           " return i >= 0 && t.slice(i).includes('Nguồn:'); }")
    follow = page.inner_text("#chat").rsplit("Hiểu là:", 1)[1]
    assert "61/2018/NĐ-CP" in follow.split("Nguồn:")[0]  # the answer itself, not only its sources
    shot(page, tmp_path, "1-chat-follow-up")
    no_english_nor_codes(page)


def test_chat_figures_are_readable_and_a_new_conversation_starts_clean(page, tmp_path):
    page.fill("#chat-input textarea", "Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, "
                                      "trước và đúng hạn 245, quá hạn 7, đang giải quyết 1")
    page.keyboard.press("Enter")
    wait_text(page, "#understood", "245")
    table = page.inner_text("#understood")
    assert "Hồ sơ giải quyết trước và đúng hạn" in table and "trước và đúng hạn 245" in table
    for header in ("Chỉ tiêu", "Giá trị", "Trích từ tin nhắn"):
        fully_visible(page, f"#understood th[title='{header}']")
    shot(page, tmp_path, "2-chat-figures")
    no_english_nor_codes(page)
    # the chat's draft goes to the builder, filled in
    page.click("#chat-to-builder")
    wait_text(page, "#builder-status", "Đã mở")
    assert page.get_by_role("tab", name="Lập báo cáo").get_attribute("aria-selected") == "true"
    assert "253" in page.inner_text("#builder-preview")
    page.get_by_role("tab", name="Trò chuyện").click()
    page.click("#chat-new")
    wait_text(page, "#chat-status", "cuộc trò chuyện mới")
    assert "245" not in page.inner_text("#understood") and "253" not in page.inner_text("#chat")


def test_an_upload_error_is_said_next_to_the_upload(page, tmp_path):
    bad = tmp_path / "so-lieu-hong.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really a workbook")
    page.get_by_role("tab", name="Lập báo cáo").click()
    page.locator("#figures-upload input[type=file]").set_input_files(str(bad))
    wait_text(page, "#figures-status", "⚠️")
    up = page.locator("#figures-upload").bounding_box()
    msg = page.locator("#figures-status").bounding_box()
    assert 0 <= msg["y"] - (up["y"] + up["height"]) < 120, (up, msg)  # right under the upload box, not 1.000 px below
    shot(page, tmp_path, "3-builder-upload-error")
    # the blank template's file box shows once asked for, not as an empty area beside the uploads
    assert not page.locator("#template-file").is_visible()
    page.get_by_role("button", name="Tải mẫu Excel trống").click()
    page.wait_for_selector("#template-file a", state="visible")
    assert ".xlsx" in page.inner_text("#template-file")


def test_build_a_report_edit_a_section_and_download_it(page, tmp_path):
    case = yaml.safe_load((ROOT / "evals/cases/drafting/ba-trang-6t-2023.yaml").read_text(encoding="utf-8"))
    flat = {f"{a}.{k}": v for a, rows in case["figures"].items() for k, v in rows.items()}
    wb = tmp_path / "so-lieu-ba-trang.xlsx"
    write_template(wb, meta=case["meta"], values=flat)
    page.get_by_role("tab", name="Lập báo cáo").click()
    page.locator("#figures-upload input[type=file]").set_input_files(str(wb))
    wait_text(page, "#figures-status", "Đã đọc")
    page.get_by_role("tab", name="II.2 Cải cách TTHC").click()
    for header in ("Chỉ tiêu", "Kỳ này", "Kỳ trước", "Cùng kỳ năm trước", "Kiểm tra"):
        fully_visible(page, f"#table-tthc th[title='{header}']")
    for header in ("Kỳ trước", "Cùng kỳ năm trước"):
        head = page.locator(f"#table-tthc th[title='{header}']").bounding_box()
        assert head["height"] < 80, header  # one or two lines, not a letter per line
    page.locator("#table-tthc").scroll_into_view_if_needed()
    shot(page, tmp_path, "3b-builder-table")
    page.click("#generate")
    wait_text(page, "#builder-status", "Đã soạn")
    assert "BÁO CÁO" in page.inner_text("#builder-preview")
    no_english_nor_codes(page)
    # edit II.2 in place: re-checked at once, exported with the edit
    page.locator("#edit-panel").first.click()
    page.locator("#edit-section input").click()
    page.get_by_role("option", name="II.2. Cải cách thủ tục hành chính").click()
    page.wait_for_function("() => document.querySelector('#edit-text textarea').value.includes('253')")
    page.fill("#edit-text textarea", page.input_value("#edit-text textarea") + "\nTrong kỳ, xã tiếp nhận thêm 999 hồ sơ.")
    # a past report's sentence, inserted with one pick, marked for confirmation
    page.locator("#edit-precedent input").click()
    page.get_by_role("option").first.click()
    page.wait_for_function("() => document.querySelector('#edit-text textarea').value.includes('[đề nghị xác nhận:')")
    page.click("#edit-save")
    wait_text(page, "#edit-status", "Đã lưu mục II.2")
    assert "điểm cần xem lại" in page.inner_text("#edit-status")
    assert "999" in page.inner_text("#builder-findings")
    shot(page, tmp_path, "4-builder-edited")
    with page.expect_download() as info:
        page.locator("#builder-docx a").first.click()
    path = tmp_path / "bao-cao.docx"
    info.value.save_as(str(path))
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "ĐÁNH GIÁ CHUNG" in text and "253" in text and "thêm 999 hồ sơ" in text


def test_review_a_seed_whole_and_one_section(page, tmp_path):
    page.get_by_role("tab", name="Rà soát").click()
    # the upload boxes speak Vietnamese too, whatever the browser's language
    assert "Kéo thả tệp vào đây" in page.inner_text("#review-upload") and "Drop File" not in page.inner_text("body")
    page.locator("#review-upload input[type=file]").set_input_files(str(SEED_003))
    page.fill("#review-date textarea, #review-date input", "05/06/2023")
    page.click("#review-run")
    wait_text(page, "#review-summary", "vấn đề")
    table = page.inner_text("#review-table")
    assert "Số học" in table and "96,83" in table
    assert page.locator("#review-preview .tl-mark").count() > 0
    for header in ("Đoạn", "Trích", "Vấn đề", "Gợi ý"):
        fully_visible(page, f"#review-table th[title='{header}']")
        assert page.locator(f"#review-table th[title='{header}']").bounding_box()["width"] > 50
    shot(page, tmp_path, "5-review")
    no_english_nor_codes(page)
    page.locator("#review-scope input").click()
    page.get_by_role("option", name="II.2. Cải cách thủ tục hành chính").click()
    page.click("#review-run")
    wait_text(page, "#review-summary", "chỉ rà soát mục II.2")
    assert "bản bản" not in page.inner_text("#review-table")


def test_library_search_and_pick_a_row(page, tmp_path):
    page.get_by_role("tab", name="Thư viện").click()
    page.fill("#library-search textarea, #library-search input", "118/2025")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !document.querySelector('#library-table').innerText.includes('Ba Trang')")
    page.locator("#library-table").get_by_text("Nghị định 118/2025", exact=False).first.click()
    page.wait_for_function("() => document.body.innerText.includes('Đã chọn «Nghị định 118/2025')")
    assert not page.locator("#library-confirm").first.is_visible()  # deleting always asks again, per pick
    shot(page, tmp_path, "6-library")
    no_english_nor_codes(page)
    assert "Người dùng: khách trên trình duyệt này" in page.inner_text("body")
