"""What the page says and which fields it asks for, as data: app.py turns these into Gradio components and
wires them; the words and choices an official reads are kept here, one place, without gradio."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from drafting.figures.facts import SECTIONS
from drafting.figures.outline import section_label
from drafting.figures.periods import PERIODS, latest_period
from drafting.inputs.workbook import META_LABELS
from drafting.service.builder import TARGET_HEADERS
from drafting.service.library import LIBRARY_HEADERS
from drafting.service.reviewing import REVIEW_HEADERS
from drafting.service.state import FACT_HEADERS, FIGURE_HEADERS, META_HEADERS, UNDERSTOOD_HEADERS

TITLE = "Trợ lý CCHC — soạn, tra cứu và rà soát báo cáo cải cách hành chính"
LEVELS = ["xã", "tỉnh", "sở", "huyện"]
# tables in the page's font (not monospace) so the columns an official checks fit at 1366×768
CSS = (".tl-small{font-size:13px;color:#555} footer{display:none !important} .tl-msg p{margin:4px 0} "
       ".table-container{--font-mono:var(--font)} .table-container td, .table-container th{font-size:13px}")
EXAMPLES = ["Nghị định nào quy định cơ chế một cửa vào tháng 8/2025?",
            "Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, trước và đúng hạn 245, "
            "quá hạn 7, đang giải quyết 1", "Các báo cáo trước viết phần chính quyền số thế nào?"]
SECTION_CHOICES = [("Toàn bộ văn bản", "")] + [(section_label(k), k) for k in ["I", "II", *SECTIONS[1:]]]
MODES = {"none": "soạn tất định (không dùng mô hình)", "local": "mô hình cục bộ Qwen2.5-Coder-1.5B",
         "openai": "máy chủ mô hình tương thích OpenAI"}

CHAT_PLACEHOLDER = "Hỏi văn bản nào áp dụng, nhờ soạn một phần từ số liệu, hay đính kèm dự thảo để rà soát."
CHAT_FACTS_HINT = ("**Sự việc tôi đã hiểu** — văn bản, hoạt động, hạn chế và nguyên nhân, nhiệm vụ, kiến nghị "
                   "đọc từ tin nhắn; sửa, thêm dòng hoặc xóa rồi bấm «Soạn lại».")
BUILDER_FACTS_HINT = ("Văn bản đã ban hành (số, ngày, trích yếu), hội nghị và nội dung, kiểm tra, tuyên truyền, tiến độ "
                      "so với kế hoạch («Tiến độ: …»), mô hình («Mô hình, sáng kiến: …»)… Mục III: dòng «Hạn chế: … — Nguyên nhân: …»; mục IV: nhiệm vụ "
                      "kỳ tới (có thể ghi [đang thực hiện]); mục V: kiến nghị. Báo cáo chỉ viết những gì có ở đây và ở "
                      "số liệu; câu trợ lý đề xuất được đánh dấu để anh/chị xác nhận.")
LIBRARY_HINT = ("Tài liệu trong chỉ mục: báo cáo các kỳ trước và văn bản pháp luật (tóm lược, thẻ sổ đăng ký, tệp "
                "người dùng nhập). Chọn một dòng để xem, sửa loại, cấp, kỳ, năm hoặc xóa tài liệu đã nhập.")


@dataclass(frozen=True)
class Field:
    """One input of the report's general information: a text box, a choice (custom values allowed where
    practice varies) or a whole number."""

    key: str
    kind: str = "text"  # text | choice | number
    value: object = None
    choices: tuple = ()
    placeholder: str | None = None
    lines: int = 1
    custom: bool = False
    note: str = ""  # said after the label: the format expected

    @property
    def label(self) -> str:
        return META_LABELS[self.key] + (f" ({self.note})" if self.note else "")


def meta_fields(today: dt.date) -> list[list[Field]]:
    """The builder's general information, row by row. The period offered is the one whose data closed last,
    not a fixed "6 tháng" (01/12/2026 → 9 tháng 2026)."""
    period, year = latest_period(today)
    return [
        [Field("issuer", placeholder="Ủy ban nhân dân xã Ba Trang"), Field("parent", placeholder="UBND tỉnh Quảng Ngãi")],
        [Field("level", "choice", "xã", tuple(LEVELS)), Field("locality", placeholder="xã Ba Trang"),
         Field("place", placeholder="Ba Trang")],
        [Field("period", "choice", period, tuple(PERIODS)), Field("year", "number", year),
         Field("date", value=today.strftime("%d/%m/%Y"), note="ngày/tháng/năm")],
        [Field("number", placeholder="để trống khi là dự thảo"), Field("symbol", value="BC-UBND"),
         Field("online_base", "choice", "", ("", "hồ sơ mới tiếp nhận", "tổng số hồ sơ tiếp nhận"))],
        # the usual pairs: TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH, KT. CHỦ TỊCH / PHÓ CHỦ TỊCH; a sở's director signs directly
        # left empty, they follow the level (a sở: GIÁM ĐỐC signing directly; otherwise TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH)
        [Field("signer"), Field("signer_title", "choice", "", ("", "CHỦ TỊCH", "PHÓ CHỦ TỊCH", "GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"),
               custom=True, note="để trống: theo cấp"),
         Field("capacity", "choice", "", ("", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "KT. GIÁM ĐỐC"),
               custom=True, note="để trống: theo cấp")],
        [Field("recipients", lines=3, note="mỗi nơi một dòng"), Field("basis", lines=3, note="mỗi văn bản một dòng")],
    ]


@dataclass(frozen=True)
class Table:
    """A table on the page: its columns and their widths (so that the value and the quoted words an official must
    check stay on screen), the id the browser tests find it by, and its caption."""

    headers: tuple
    widths: tuple
    elem_id: str | None = None
    label: str | None = None


TABLES = {
    "understood": Table(tuple(UNDERSTOOD_HEADERS), ("40%", "16%", "44%"), "understood"),
    "facts": Table(tuple(FACT_HEADERS), ("11%", "22%", "42%", "25%"), "understood-facts"),
    "meta": Table(tuple(META_HEADERS), ("40%", "60%"), label="Thông tin chung"),
    "figures": Table(tuple(FIGURE_HEADERS), ("32%", "8%", "10%", "10%", "11%", "29%")),
    "targets": Table(tuple(TARGET_HEADERS), ("45%", "15%", "40%"), "targets",
                     "Chỉ tiêu cấp trên giao (để nêu đạt / chưa đạt)"),
    "findings": Table(("Mức độ", "Loại", "Mục", "Trích", "Vấn đề"), ("9%", "13%", "18%", "22%", "38%"),
                      "builder-findings", "Phát hiện khi kiểm tra dự thảo"),
    "review": Table(tuple(REVIEW_HEADERS), ("8%", "9%", "7%", "6%", "22%", "29%", "19%"), "review-table",
                    "Các vấn đề, xếp theo mức độ"),
    "library": Table(tuple(LIBRARY_HEADERS), ("11%", "43%", "6%", "8%", "6%", "15%", "11%"), "library-table"),
    "registry": Table(("Số hiệu", "Loại", "Trích yếu", "Tình trạng hôm nay", "Độ tin cậy"),
                      ("16%", "12%", "42%", "20%", "10%")),
    "audit": Table(("Thời điểm", "Người dùng", "Thao tác", "Đối tượng", "Nguồn"), ()),
}
