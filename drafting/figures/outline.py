"""The standard outline of a periodic CCHC report (reconstructed from the seeds and the six reform
areas of NQ 76/NQ-CP). Keys match the outline keys retrieval gives report chunks."""

from __future__ import annotations

from pydantic import BaseModel


class OutlineSection(BaseModel):
    key: str  # "I", "II.2", …
    heading: str  # as printed: "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH"
    level: int  # 1 = roman part, 2 = numbered area
    topic: str  # what precedent retrieval asks for
    has_figures: bool = False
    subheads: list[tuple[str, str]] = []  # (key, heading) of fixed sub-parts, e.g. III.1 / III.2


OUTLINE: list[OutlineSection] = [
    OutlineSection(key="I", heading="I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", level=1,
                   topic="công tác chỉ đạo, điều hành cải cách hành chính, kế hoạch, kiểm tra, tuyên truyền",
                   has_figures=True),
    OutlineSection(key="II", heading="II. KẾT QUẢ THỰC HIỆN CÁC NHIỆM VỤ CẢI CÁCH HÀNH CHÍNH", level=1,
                   topic="kết quả thực hiện nhiệm vụ cải cách hành chính"),
    OutlineSection(key="II.1", heading="1. Cải cách thể chế", level=2,
                   topic="cải cách thể chế, văn bản quy phạm pháp luật, kiểm tra, rà soát", has_figures=True),
    OutlineSection(key="II.2", heading="2. Cải cách thủ tục hành chính", level=2,
                   topic="cải cách thủ tục hành chính, một cửa, giải quyết hồ sơ, dịch vụ công trực tuyến",
                   has_figures=True),
    OutlineSection(key="II.3", heading="3. Cải cách tổ chức bộ máy hành chính nhà nước", level=2,
                   topic="cải cách tổ chức bộ máy, biên chế, tinh giản biên chế", has_figures=True),
    OutlineSection(key="II.4", heading="4. Cải cách chế độ công vụ", level=2,
                   topic="cải cách chế độ công vụ, tuyển dụng, kỷ luật, đào tạo bồi dưỡng", has_figures=True),
    OutlineSection(key="II.5", heading="5. Cải cách tài chính công", level=2,
                   topic="cải cách tài chính công, thu ngân sách, giải ngân vốn đầu tư công", has_figures=True),
    OutlineSection(key="II.6", heading="6. Xây dựng và phát triển Chính quyền điện tử, Chính quyền số", level=2,
                   topic="chính quyền điện tử, chính quyền số, chuyển đổi số, chữ ký số", has_figures=True),
    OutlineSection(key="III", heading="III. ĐÁNH GIÁ CHUNG", level=1,
                   topic="đánh giá chung, ưu điểm, tồn tại hạn chế và nguyên nhân",
                   subheads=[("III.1", "1. Ưu điểm"), ("III.2", "2. Tồn tại, hạn chế và nguyên nhân")]),
    OutlineSection(key="IV", heading="IV. PHƯƠNG HƯỚNG, NHIỆM VỤ TRỌNG TÂM {next_period}", level=1,
                   topic="phương hướng, nhiệm vụ trọng tâm kỳ tới"),
    OutlineSection(key="V", heading="V. KIẾN NGHỊ, ĐỀ XUẤT", level=1, topic="kiến nghị, đề xuất"),
]
SECTION_BY_KEY = {s.key: s for s in OUTLINE}
# the sections a draft is made of (II is a heading over its six areas)
DRAFTED = [s.key for s in OUTLINE if s.key != "II"]

# Names an official might type for --section
_ALIASES = {
    "chi-dao": "I", "chidao": "I", "the-che": "II.1", "tthc": "II.2", "thu-tuc": "II.2", "to-chuc": "II.3",
    "cong-vu": "II.4", "tai-chinh": "II.5", "cds": "II.6", "chinh-quyen-so": "II.6", "danh-gia": "III",
    "phuong-huong": "IV", "kien-nghi": "V", "mo-dau": "mo_dau",
}


def section_key(name: str) -> str | None:
    n = name.strip()
    if n in SECTION_BY_KEY:
        return n
    return _ALIASES.get(n.lower().replace("_", "-").replace(" ", "-"))


def heading(key: str, next_period: str = "kỳ tới") -> str:
    """A section's heading as printed, with the next period filled in (never a raw "{next_period}")."""
    return SECTION_BY_KEY[key].heading.replace("{next_period}", next_period.upper())


_AROUND_BODY = {"mo_dau": "Mở đầu", "ket_thuc": "Phần kết", "phu_luc": "Phụ lục số liệu"}


def short_label(key: str) -> str:
    """For a narrow column: an outline number as it is ("II.2"), the parts around the body by name ("Phần kết")."""
    return _AROUND_BODY.get(key, key)


def section_label(key: str) -> str:
    """An outline key as an official reads it in a table: "II.2" → "II.2. Cải cách thủ tục hành chính"."""
    if key in _AROUND_BODY:
        return _AROUND_BODY[key]
    sec = SECTION_BY_KEY.get(key)
    if sec is None:
        return key
    title = heading(key).split(". ", 1)[-1]
    return f"{key}. {title[:1].upper()}{title[1:].lower()}" if title.isupper() else f"{key}. {title}"


def passage_place(kind: str, outline_key: str, location: str) -> str:
    """Where a retrieved passage sits, readable: a past report's outline section by name ("II.2. Cải cách thủ tục
    hành chính"), not its heading path as OCR read it ("mục I > 2 > 2.2.2", "I. KET QUA … 6 THANG PAU")."""
    if kind == "report" and outline_key in SECTION_BY_KEY:
        return section_label(outline_key)
    return location
