"""What the chat says about a message before its draft: numbers it did not use (unread, or with two readings —
asked, never guessed), numbers made in code (an estimate, a sum, a conversion) for the official to confirm, and
another period's figures kept for comparison rather than as this period's."""

from __future__ import annotations

import re

from corpus.text import fold_lower, marked_share
from drafting.figures.outline import OUTLINE
from drafting.figures.periods import period_phrase
from drafting.figures.schema import FIELD_BY_KEY, in_sentence
from drafting.figures.vnformat import fmt_decimal
from drafting.inputs.chat_reader import ChatReading


def reading_notes(reading: ChatReading) -> str:
    """The preface of the chat's reply to a message of data ("" when there is nothing to say)."""
    unread = "".join(f"- “{u.quote}” ({u.context}): {u.reason}.\n" for u in reading.unread)
    # the official answers a question of two readings by writing the figure's name
    unread += "".join(
        f"- “{a.quote}” ({a.context}): là {' hay '.join(in_sentence(FIELD_BY_KEY[k].label) for k in a.options)}? "
        "Xin ghi rõ tên chỉ tiêu.\n" for a in reading.ambiguous)
    text = f"Tôi chưa dùng các số sau:\n{unread}\n" if unread else ""
    noted = "".join(f"- {FIELD_BY_KEY[f.key].label}: {fmt_decimal(f.value)} — {f.note}.\n" for f in reading.figures if f.note)
    text += f"Xin kiểm tra các số sau:\n{noted}\n" if noted else ""
    for figures, label in ((reading.same_period, "cùng kỳ năm trước"), (reading.previous, "kỳ trước")):
        if figures:
            text += f"Đã ghi làm số {label} (để so sánh): " + "; ".join(
                f"{in_sentence(FIELD_BY_KEY[f.key].label)} {fmt_decimal(f.value)}" for f in figures) + ".\n\n"
    if reading.targets:  # judged against in section III, with the source named
        text += "Đã ghi chỉ tiêu (để đánh giá đạt/chưa đạt ở phần đánh giá chung): " + "; ".join(
            f"{in_sentence(t.label)} {fmt_decimal(t.value)}{'%' if t.unit == '%' else ''} theo {t.source}"
            for t in reading.targets) + ".\n\n"
    place = reading.meta.locality or ""
    name = re.sub(r"^(?:xã|phường|thị trấn|huyện|quận|thị xã|thành phố|tỉnh|sở)\s+", "", place, flags=re.I)
    if reading.meta.typed_locality:
        text += (f"Tên đơn vị gõ không dấu «{reading.meta.typed_locality}» đã ghi là «{place}» theo danh mục đơn vị hành "
                 "chính; nếu không đúng, xin sửa ở bảng thông tin báo cáo.\n\n")
    elif len(name.split()) >= 2 and marked_share(name) == 0 and not _NOT_KINH.search(name):
        # a name typed without marks is printed as typed in the header and the signature: the official retypes it
        text += (f"Tên đơn vị «{place}» không có dấu: nếu là do gõ không dấu, xin sửa ở bảng thông tin báo cáo để tên "
                 "in trên văn bản đúng chính tả (tên này không có trong danh mục đơn vị hành chính nên trợ lý không tự "
                 "thêm dấu).\n\n")
    if reading.unsure_targets:
        text += (f"Chưa ghi chỉ tiêu {', '.join(reading.unsure_targets)}: chưa rõ chỉ tiêu của tỷ lệ nào hoặc do ai giao. "
                 "Xin ghi rõ, ví dụ: *chỉ tiêu tỷ lệ hồ sơ trực tuyến 50% theo Kế hoạch số 25/KH-UBND của UBND tỉnh*.\n\n")
    return text


_DESK = re.compile(r"\btrung tam phuc vu hanh chinh cong\b|\bbo phan mot cua (?:cap )?(?:tinh|so)\b")


def scope_note(message: str, reading: ChatReading, level: str | None) -> str:
    """A province's report given the figures of its own service centre: they are written as the province's, which
    they are not when the communes' dossiers are counted apart — asked, not assumed."""
    dossiers = [f for f in reading.figures if f.key.startswith("tthc.ho_so") and "_cap_" not in f.key]
    if level != "tỉnh" or not dossiers or not _DESK.search(fold_lower(message)):
        return ""
    return ("Số hồ sơ trong tin nhắn này nêu cho Trung tâm Phục vụ hành chính công (Bộ phận Một cửa cấp tỉnh) và đang "
            "được ghi là số của toàn tỉnh. Nếu toàn tỉnh (gồm cấp xã) có số khác, xin gửi số toàn tỉnh, hoặc ghi theo "
            "cấp: *cấp tỉnh giải quyết …, đúng hạn …; cấp xã …*.\n\n")


def outline_text() -> str:
    """The outline every draft follows, said as what it is: rebuilt from the seed reports and the Home Affairs sector's
    practice — the guiding letter's number is not known, so no document is cited for it."""
    lines = ["Báo cáo CCHC định kỳ (quý I, 6 tháng, 9 tháng, năm) mà trợ lý soạn theo đề cương sau — dựng lại từ các báo "
             "cáo mẫu và thực tiễn hướng dẫn của ngành Nội vụ; số văn bản hướng dẫn của Bộ Nội vụ chưa xác định được, "
             "nên đối chiếu văn bản yêu cầu báo cáo của cấp trên:", "",
             "- Mở đầu: căn cứ (kế hoạch CCHC năm, văn bản yêu cầu báo cáo) và thời gian chốt số liệu"]
    for s in OUTLINE:
        head = s.heading.replace("{next_period}", "KỲ TỚI")
        subs = "; ".join(h for _, h in s.subheads)
        lines.append(("  " if s.level == 2 else "") + f"- {head}" + (f" ({subs})" if subs else ""))
    lines += ["- Phụ lục: biểu số liệu kết quả thực hiện", "",
              "Muốn xem các báo cáo trước viết một mục thế nào, hỏi ví dụ: *Các báo cáo trước viết phần cải cách tài chính "
              "công thế nào?*"]
    return "\n".join(lines)


# a name in a language of the Central Highlands or the north-west has no marks to restore: "Ea Trang", "Ia Grai",
# "H'Leo", "Krông Búk" typed plain — a syllable no Vietnamese word has (Ea, Ia, Ya; an apostrophe; Kr-, Dr-, Pl-, J-…)
_NOT_KINH = re.compile(r"(?i)\b(?:ea|ia|ya)\b|'|\b(?:kr|dr|pl|bl|br|gr|kl|jr|hr|dl|pr|j|f|w|z)")


def nothing_to_draft(meta: dict) -> str:
    """A whole report asked for before anything was told: what was understood, and what the draft is written from —
    said above the outline of blanks (the draft writes only what the official supplies)."""
    period, year, unit = meta.get("period"), meta.get("year"), meta.get("locality")
    when_said = period_phrase(period, int(year)) if period and year else period or (f"năm {year}" if year else "")
    said = " ".join(x for x in ("báo cáo CCHC", when_said, f"của {unit}" if unit else "") if x)
    when = f" (ngày báo cáo {meta['date']:%d/%m/%Y})" if hasattr(meta.get("date"), "strftime") else ""
    return (f"Đã ghi: {said}{when}. Dự thảo chỉ viết điều anh/chị cung cấp, nên xin gửi trước (gõ từng tin nhắn, "
            "mỗi tin một việc cũng được):\n"
            "- **Số liệu của kỳ**, ví dụ: *Tiếp nhận 1.980 hồ sơ, đã giải quyết 1.964 hồ sơ, 100% đúng hạn* — hoặc "
            "đính kèm sổ Excel theo mẫu;\n"
            "- **Việc đã làm**: văn bản đã ban hành (số, ngày, trích yếu), hội nghị, kiểm tra, tuyên truyền, đối thoại;\n"
            "- **Báo cáo kỳ trước** hoặc **kế hoạch CCHC năm** (đính kèm) — để lấy số kỳ trước và nhiệm vụ đã đề ra;\n"
            "- **Hạn chế và nguyên nhân**, **nhiệm vụ kỳ tới**, **kiến nghị**.\n"
            "Mỗi tin nhắn soạn lại mục của nó; gõ *Soạn cả báo cáo* để có bản đầy đủ. Dưới đây là khung đề cương, "
            "các mục chưa có nội dung để ô «đề nghị bổ sung».\n\n")
