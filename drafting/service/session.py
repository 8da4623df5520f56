"""Who is using the app and how the server process is set up: everything the page needs that is not layout
(app.py only lays out the page; nothing here imports gradio)."""

from __future__ import annotations

import datetime as dt
import logging
import re
import uuid

from corpus.errors import InputError, TroLyError, shown
from drafting.service.state import UserState

log = logging.getLogger("troly.app")

# Gradio's own strings of the upload boxes, in Vietnamese whatever the browser's language (the UI is Vietnamese)
UPLOAD_STRINGS = {"upload_text.drop_file": "Kéo thả tệp vào đây", "upload_text.click_to_upload": "bấm để chọn tệp",
                  "common.or": "hoặc", "upload_text.drop_image": "Kéo thả ảnh vào đây",
                  "upload_text.drop_csv": "Kéo thả tệp CSV vào đây", "common.remove": "Bỏ", "common.clear": "Xóa"}


def parse_day(text: str | None) -> dt.date | None:
    text = (text or "").strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%Y-%m-%d", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            pass
    raise InputError(f"Ngày “{text}” không hợp lệ; ghi theo dạng ngày/tháng/năm, ví dụ 15/06/2025.")


def day_text(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def page_user(state: UserState, browser_id: str, login: str | None) -> tuple[UserState, str]:
    """Logged-in name on an office server; otherwise an id kept in this browser's storage, so drafts
    reopen later in the same browser and never show in another."""
    name = login
    if not name:
        if not re.fullmatch(r"[0-9a-f]{32}", browser_id or ""):
            browser_id = uuid.uuid4().hex
        name = f"trinh-duyet-{browser_id[:12]}"
    state.user = name
    return state, browser_id


def api_user(state: UserState, login: str | None, session: str | None) -> UserState:
    """API clients (gradio_client) never run the page's load event: name them by login or session."""
    if not state.user:
        state.user = login or f"phien-{session or uuid.uuid4().hex[:12]}"
    return state


def shown_user(user: str) -> str:
    """The footer's name: a login as it is; a browser's generated id is never shown."""
    return "khách trên trình duyệt này" if user.startswith(("trinh-duyet-", "phien-")) else user


def limit_malloc_arenas(arenas: int = 2) -> bool:
    """glibc gives each busy worker thread its own heap (up to 8 per core) and rarely returns memory from
    them: under 20 users for 10 minutes the app reached 775 MB, with 2 heaps 606 MB (python -m evals.bench
    load --seconds 600, without and with MALLOC_ARENA_MAX=16). Same as MALLOC_ARENA_MAX=2, which wins
    when set (glibc has applied it already)."""
    import ctypes
    import ctypes.util
    import os

    if os.environ.get("MALLOC_ARENA_MAX"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        return bool(libc.mallopt(-8, arenas))  # -8 is M_ARENA_MAX
    except (OSError, AttributeError):
        return False


def warm(asst) -> None:
    """Load the embedder and the model in the background, so the page is usable at once."""
    try:
        if asst.retrieval is not None:
            asst.retrieval.searcher.search("cải cách hành chính", k=1)
        asst.drafter.warm()
    except TroLyError as exc:
        log.warning("Khởi động mô hình: %s", shown(exc, "troly.app"))
