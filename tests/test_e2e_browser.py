"""End to end in a real browser: Debian's chromium driven by Playwright. Opens the app, asks a
question and sees an answer with a source, builds a report from an uploaded workbook and downloads a
.docx that opens, reviews a seed report and sees the arithmetic finding. Screenshots are saved in
test-output/e2e/ (and in the test's tmp_path)."""

from __future__ import annotations

import os
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
        context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000}, locale="vi-VN")
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


def test_ask_a_question_and_see_a_source(page, tmp_path):
    page.fill("#chat-input textarea", "Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?")
    page.keyboard.press("Enter")
    page.wait_for_function("() => document.querySelector('#chat').innerText.includes('Nguồn:')")
    text = page.inner_text("#chat")
    assert "118/2025/NĐ-CP" in text
    shot(page, tmp_path, "1-chat")


def test_build_a_report_from_a_workbook_and_download_it(page, tmp_path):
    case = yaml.safe_load((ROOT / "evals/cases/drafting/ba-trang-6t-2023.yaml").read_text(encoding="utf-8"))
    flat = {f"{a}.{k}": v for a, rows in case["figures"].items() for k, v in rows.items()}
    wb = tmp_path / "so-lieu-ba-trang.xlsx"
    write_template(wb, meta=case["meta"], values=flat)
    page.get_by_role("tab", name="Lập báo cáo").click()
    page.locator("#figures-upload input[type=file]").set_input_files(str(wb))
    page.wait_for_function("() => document.querySelector('#builder-status').innerText.includes('Đã đọc')")
    page.click("#generate")
    page.wait_for_function("() => document.querySelector('#builder-status').innerText.includes('Đã soạn')")
    assert "BÁO CÁO" in page.inner_text("#builder-preview")
    with page.expect_download() as info:
        page.locator("#builder-docx a").first.click()
    path = tmp_path / "bao-cao.docx"
    info.value.save_as(str(path))
    text = "\n".join(p.text for p in docx.Document(str(path)).paragraphs)
    assert "ĐÁNH GIÁ CHUNG" in text and "253" in text
    shot(page, tmp_path, "2-builder")


def test_review_a_seed_and_see_the_arithmetic_finding(page, tmp_path):
    page.get_by_role("tab", name="Rà soát").click()
    # the upload boxes speak Vietnamese too, whatever the browser's language
    assert "Kéo thả tệp vào đây" in page.inner_text("#review-upload") and "Drop File" not in page.inner_text("body")
    page.locator("#review-upload input[type=file]").set_input_files(str(SEED_003))
    page.fill("#review-date textarea, #review-date input", "05/06/2023")
    page.click("#review-run")
    page.wait_for_function("() => document.querySelector('#review-summary').innerText.includes('vấn đề')")
    table = page.inner_text("#review-table")
    assert "Số học" in table and "96,83" in table
    assert page.locator("#review-preview .tl-mark").count() > 0
    shot(page, tmp_path, "3-review")
