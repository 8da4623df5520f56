"""What one browser session holds, the shape of a chat reply, and the checks every upload goes through."""

import datetime as dt
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Literal

from pydantic import BaseModel

from corpus.errors import BackendError, InputError
from corpus.loaders import display_name
from drafting.figures.facts import Fact, Target
from drafting.figures.figureset import FigureSet, build_figure_set
from drafting.inputs.workbook import META_LABELS
from drafting.models import ReportDraft
from drafting.service.topic import Topic

FIGURE_FILES = (".xlsx", ".xls", ".ods", ".yaml", ".yml", ".json")
# a draft to review: Word (also the old .doc and .odt, converted), text, or the signed scan read by OCR
REVIEW_FILES = (".docx", ".doc", ".odt", ".txt", ".md", ".pdf", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
# what the library and the previous-report upload read: the importer's formats, scans through OCR
LIBRARY_FILES = (".docx", ".doc", ".odt", ".pdf", ".txt", ".md", ".html", ".htm", ".png", ".jpg", ".jpeg", ".tif", ".tiff")
META_FIELDS = list(META_LABELS)  # the workbook's header rows, in its order
FIGURE_HEADERS = ["Chỉ tiêu", "Đơn vị", "Kỳ này", "Kỳ trước", "Cùng kỳ năm trước", "Kiểm tra"]
UNDERSTOOD_HEADERS = ["Chỉ tiêu", "Giá trị", "Trích từ tin nhắn"]
META_HEADERS = ["Thông tin", "Giá trị"]
FACT_HEADERS = ["Mục", "Loại", "Nội dung", "Nguyên nhân"]



HAND_TYPED = "(đã sửa tay)"


class HeldFigure(BaseModel):
    """A figure the chat holds: its value, parsed once, and where it came from — the words of a message, a file and
    its cell, a saved draft, or the official's typing in the table."""

    value: Decimal
    kind: Literal["message", "file", "saved", "typed"] = "typed"
    words: str = ""  # the message's words, the file and cell, or the saved draft's id
    noun: str = ""  # what was counted, as the message said it ("khu phố")
    approx: bool = False  # said as an estimate ("khoảng 900"): the draft keeps "khoảng" until a number is typed

    def shown(self) -> str:
        """The understood table's «Trích từ tin nhắn» column."""
        return self.words if self.kind in ("message", "file") else {"saved": "(dự thảo đã lưu)", "typed": HAND_TYPED}[self.kind]

    def cell(self) -> str:
        """The source named in the draft's Word comment."""
        return {"message": f"tin nhắn: “{self.words}”", "file": self.words, "saved": f"dự thảo đã lưu {self.words}".strip(),
                "typed": "bảng «Số liệu tôi đã hiểu» (cán bộ sửa tay)"}[self.kind]


@dataclass
class UserState:
    """Everything one browser session holds; never shared between sessions."""

    user: str = ""
    chat_meta: dict = field(default_factory=dict)
    chat_values: dict[str, HeldFigure] = field(default_factory=dict)  # parsed once, where they were read
    chat_sections: list[str] = field(default_factory=list)
    chat_facts: list[Fact] = field(default_factory=list)
    # for comparison only: last period's and the same period last year's, told in a message or brought in a report
    chat_previous: dict[str, HeldFigure] = field(default_factory=dict)
    chat_same_period: dict[str, HeldFigure] = field(default_factory=dict)
    chat_targets: list[Target] = field(default_factory=list)  # set by an upper level, told in a message
    last_draft: ReportDraft | None = None
    last_draft_id: str | None = None
    builder_draft_id: str | None = None
    builder_nouns: dict[str, str] = field(default_factory=dict)  # the opened draft's counted nouns
    builder_approx: dict[str, str] = field(default_factory=dict)  # the opened draft's estimates, with their values
    ask_topic: Topic | None = None  # the last question asked: a follow-up ("tháng 3/2024 thì sao?") is read against it
    reference_date: dt.date | None = None  # set by the official (a field or "đặt ngày báo cáo …"); None: today

    def figure_set(self) -> FigureSet:
        """The chat's figures as the drafter takes them; each figure's Word comment quotes the words of the message it
        was read from (or says it was typed in the table)."""
        held = self.chat_values
        return build_figure_set({k: h.value for k, h in held.items()}, {k: str(v.value) for k, v in self.chat_previous.items()},
                                cells={k: h.cell() for k, h in held.items()}, nouns={k: h.noun for k, h in held.items() if h.noun},
                                same_period={k: str(v.value) for k, v in self.chat_same_period.items()},
                                approx={k for k, h in held.items() if h.approx})

    def new_conversation(self) -> "UserState":
        """A clean chat for the same user: nothing of the last subject, figures or draft is carried over."""
        return UserState(user=self.user, builder_draft_id=self.builder_draft_id, builder_nouns=self.builder_nouns,
                         builder_approx=self.builder_approx)


@dataclass
class ChatReply:
    text: str
    done: bool = False
    understood: list[list] = field(default_factory=list)
    meta_rows: list[list] = field(default_factory=list)
    fact_rows: list[list] = field(default_factory=list)
    docx: Path | None = None


def check_upload(path: Path, allowed: tuple[str, ...], max_bytes: int) -> bytes:
    path = Path(path)
    name = display_name(path.name)
    if path.suffix.lower() not in allowed:
        raise InputError(f"Tệp “{name}” không đúng loại; chỉ nhận: {', '.join(allowed)}.")
    size = path.stat().st_size
    if size > max_bytes:
        raise InputError(f"Tệp “{name}” quá lớn ({size / 1048576:.1f} MB); giới hạn {max_bytes // 1048576} MB.")
    return path.read_bytes()


def within(events: Iterator, seconds: float) -> Iterator:
    """The events of a draft or an answer, stopped with a message once they run past `seconds` (checked between
    events, so a model that streams is stopped at its next token; the model backends bound a silent call)."""
    deadline = time.monotonic() + seconds
    for ev in events:
        yield ev
        if time.monotonic() > deadline:
            events.close()
            raise BackendError(f"Không nhận được kết quả sau {seconds:g} giây; hãy thử lại (hoặc dùng cách soạn "
                               "không cần mô hình).")


def audit_sources(draft: ReportDraft) -> list[str]:
    return sorted({r.doc_id for s in draft.sections for r in s.sources} | {c.number for s in draft.sections for c in s.citations})
