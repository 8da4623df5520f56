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

# Gradio's own strings (upload boxes, tables, chat, common words), in Vietnamese whatever the browser's language: the
# UI is Vietnamese, and a table's hidden drop zone or menu is read by a screen reader too (tests/test_screens.py checks
# every key of these groups that the installed Gradio ships)
_UI = {
    "upload_text": {"click_to_upload": "bấm để chọn tệp", "drop_audio": "Kéo thả tệp âm thanh vào đây",
                    "drop_csv": "Kéo thả tệp CSV vào đây", "drop_file": "Kéo thả tệp vào đây",
                    "drop_image": "Kéo thả ảnh vào đây", "drop_video": "Kéo thả video vào đây",
                    "drop_gallery": "Kéo thả tệp vào đây", "paste_clipboard": "Dán từ bộ nhớ tạm"},
    "file": {"uploading": "Đang tải lên…"},
    "dataframe": {"incorrect_format": "Sai định dạng: chỉ nhận tệp CSV hoặc TSV", "new_column": "Thêm cột",
                  "new_row": "Thêm dòng", "add_row_above": "Thêm dòng phía trên", "add_row_below": "Thêm dòng phía dưới",
                  "delete_row": "Xóa dòng", "delete_column": "Xóa cột", "add_column_left": "Thêm cột bên trái",
                  "add_column_right": "Thêm cột bên phải", "sort_column": "Sắp xếp cột", "sort_ascending": "Sắp xếp tăng dần",
                  "sort_descending": "Sắp xếp giảm dần", "drop_to_upload": "Kéo thả tệp CSV hoặc TSV vào đây để nhập vào bảng",
                  "import_empty_file": "Tệp kéo vào không có nội dung.",
                  "import_no_column_names": "Tệp kéo vào không có dòng tên cột.",
                  "import_ragged_row": "Dòng {line} của tệp có {fields} ô, dòng tên cột có {columns}.",
                  "import_static_columns": "Không nhập được vào bảng có cột chỉ đọc.",
                  "import_fixed_columns": "Bảng này có đúng {expected} cột, tệp có {actual}.",
                  "import_fixed_rows": "Bảng này có đúng {expected} dòng, tệp có {actual}.",
                  "clear_sort": "Bỏ sắp xếp", "filter": "Lọc", "clear_filter": "Bỏ lọc"},
    "chatbot": {"edit": "Sửa", "retry": "Thử lại", "undo": "Hoàn tác", "submit": "Gửi", "cancel": "Hủy", "like": "Thích",
                "dislike": "Không thích", "clear": "Xóa", "complete": "Xong", "copy_message": "Chép tin nhắn",
                "copied_message": "Đã chép tin nhắn"},
    "common": {"clear": "Xóa", "download": "Tải về", "download_all": "Tải tất cả", "edit": "Sửa", "empty": "Trống",
               "error": "Lỗi", "loading": "Đang xử lý", "or": "hoặc", "remove": "Bỏ", "submit": "Gửi", "undo": "Hoàn tác",
               "progress": "Tiến độ", "settings": "Cài đặt", "language": "Ngôn ngữ", "share": "Chia sẻ", "run": "Chạy"},
}
UI_STRINGS = {f"{group}.{key}": text for group, words in _UI.items() for key, text in words.items()}


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
