"""Numbers in Vietnamese text that are not figures: a document's number, a date, a year, a period, an article,
a list mark, a difference from another period. The reader of figures (figure_text.py) skips them; the Word
round trip uses the same spans to tell new numbers from dates and citations."""

from __future__ import annotations

import re

from corpus.docnumbers import find_refs
from corpus.text import fold_lower
from drafting.inputs.clauses import FULL_STOP, MEETING_WORDS

# "1 ngày hội tuyên truyền": a festival day is an event, not a length of time
PERIOD_WORDS = re.compile(r"\b\d{1,2}\s*(thang|quy|ngay(?! hoi\b)|tuan|nam)\b")
_CHANGE = re.compile(r"\b(?:tang|giam)\s+\d(?:[^.;]|\.\d){0,60}?\bso voi (?:nam truoc|cung ky|ky truoc)"
                     r"|\bso voi (?:nam truoc|cung ky|ky truoc)(?:[^.;]|\.\d){0,40}?\b(?:tang|giam)\s+\d[\d.,]*\s*%?"
                     # a year report's comparison names the year, its rate in brackets: "tăng 1.075 hồ sơ (86,69%) so
                     # với năm 2025" — "giảm 2 đơn vị so với năm 2025" alone is a count of units cut
                     r"|\b(?:tang|giam)\s+\d[\d.]*\s+[^\d.;()]{1,30}\(\s*\d[\d,]*\s*%\s*\)\s*so voi nam (?:19|20)\d\d")
_NUMBER = re.compile(r"\d[\d.,]*\s*%?")
_AMOUNT_ON = re.compile(r"[\d.,]*\s*(?:trieu|ty)\s+dong\b")
_YEAR = re.compile(r"\bnam (20\d\d|19\d\d)\b|/\s*(20\d\d)\b|\b(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d\b")


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans of numbers that are not figures: documents, dates, years, periods, articles, list marks."""
    folded = fold_lower(text)
    # "trên kế hoạch 3.100.000 triệu đồng" is an amount, not Kế hoạch số 3
    spans = [(r.start, r.end) for r in find_refs(text) if not _AMOUNT_ON.match(folded, r.end)]
    spans += [m.span() for m in re.finditer(r"\b\d{1,2}/\d{1,2}/\d{2,4}\b", text)]  # dates
    spans += [m.span() for m in re.finditer(r"\b\d{1,2}\s*/\s*(?:19|20)\d\d\b", text)]  # month/year
    spans += [m.span() for m in re.finditer(r"\d+/[A-Za-zĐđ][\wĐđ-]*", text)]  # document symbols
    # (in a text with its diacritics, "khắc phục ngay 15 tồn tại" is "at once", no day)
    accented = folded != text.lower()
    spans += [m.span() for m in re.finditer(r"\bngay \d{1,2}(?: thang \d{1,2})?(?: nam \d{4})?", folded)
              if not (accented and text[m.start():m.start() + 4].lower() == "ngay")]
    spans += [m.span() for m in re.finditer(r"\bngay\s+\d{1,2}\s*[/-]\s*\d{1,2}\b", folded)]
    # "tăng 15 hồ sơ so với cùng kỳ": a difference from another period, not a figure of this one
    # and its share: "tăng 2.220 hồ sơ (56,92%) so với kỳ trước", "tăng 4 phản ánh, kiến nghị, tương ứng tăng 50% so với
    # cùng kỳ" (the draft's own words inside brackets) are no rate of this period
    spans += [n.span() for m in _CHANGE.finditer(folded) for n in _NUMBER.finditer(folded, m.start(), m.end())]
    # "đến 30/9 đã hoàn thành": a day and month after a word of time; "11/12 nhiệm vụ" (a fraction) has none
    spans += [m.span(1) for m in re.finditer(
        r"\b(?:den|tu|toi|truoc|sau|het|vao|tinh den|ke tu|den het)\s+((?:[12]\d|3[01]|0?[1-9])\s*/\s*(?:1[0-2]|0?[1-9]))\b"
        r"(?!\s*/)", folded)]
    # "tổ dân phố 7", "khu phố 3", "thôn 2": a place's name, no count
    spans += [m.span(1) for m in re.finditer(r"\b(?:to dan pho|khu pho|thon|ap|khom|xom|to)\s+(\d{1,3})\b(?!\s*%)", folded)]
    # "Phòng Công chứng số 1", "Trường Tiểu học số 2": a body's name with its number (its type written with a capital)
    spans += [m.span(1) for m in re.finditer(r"\b(?:Phòng|Trường|Bệnh viện|Trung tâm|Chi nhánh|Văn phòng|Đội|Trạm)"
                                             r"(?: [A-ZĐÀ-Ỵa-zđà-ỹ]+){1,5} số (\d{1,2})\b(?![.,]\d)", text)]
    # "đường dây nóng 1022", "tổng đài 1900 1234": a number to call, no count
    spans += [m.span(1) if m.group(1) else m.span(2) for m in re.finditer(
        r"\b(?:duong day nong|hotline|tong dai|so dien thoai|dien thoai)\s+(?:so\s+)?(\d[\d .]*\d|\d)"
        r"|\bhe thong\s+(\d{4})\b(?![.,]\d)", folded)]  # "Hệ thống 1022"
    # "Phần II", "Điều 5", "đợt 2 kiểm tra", "lần 2" (the second round, not two); "một phần 31 thủ tục" is a count of partly
    # online services
    spans += [m.span() for m in re.finditer(
        # ("công bố danh mục 38 TTHC mới": a list of 38, not item 38 — but "định danh mức 2" is a level)
        # ("tài khoản 3.940" is a count of accounts, no clause 3: a clause is no "tài khoản", its number no thousands)
        r"\b(?<!mot )(?:muc do|dieu|(?<!tai )khoan|(?:(?<=dinh danh )|(?<!danh ))muc|phan|quy|chuong|khoa|lan(?: thu)?|dot|giai doan|cap do|phien)"
        r"\s+[\divx]+(?:\s*,\s*\d+)*\b(?![.,]\d{3})",
        folded)]
    spans += [m.span() for m in re.finditer(
        # "Đề án 06" (the national identity programme) names a programme, it counts nothing
        r"\b(?:quyet dinh|ke hoach|cong van|thong bao|bao cao|nghi dinh|thong tu|chi thi|nghi quyet|huong dan|de an)"
        r"\s+(?:so\s+)?\d+(?![\d.,]*\s*(?:(?:trieu|ty)\s+dong|nhiem vu)\b)", folded)]  # "kế hoạch 25 nhiệm vụ" counts
    spans += [m.span() for m in re.finditer(r"\bthang\s+\d{1,2}\b(?!\s*thang)", folded)]  # a month
    spans += [m.span() for m in re.finditer(r"\b(?:iso|tcvn)[\s\d:.-]*", folded)]
    spans += [m.span() for m in _YEAR.finditer(folded)]
    # OCR writes a letter as a symbol and a digit: "¢6" (có), "$6 VBQPPL" (Số) — a word, not a count
    spans += [m.span() for m in re.finditer(r"(?<=[¢$£€©®§¥])\d+", text)]
    spans += [m.span() for m in re.finditer(r"\bty\s+1\S?(?=\s|$)", folded)]  # "tỷ lệ" OCR'd as "ty 1é", "ty 18"
    spans += [m.span() for m in PERIOD_WORDS.finditer(folded)]
    # "cắt giảm 1.120 ngày", "rút ngắn 36 giờ": a time saved or taken, no count the schema keeps
    spans += [m.span() for m in re.finditer(r"\b\d[\d.,]*\s*(?:ngay(?! hoi\b)|gio|phut)\b", folded)]
    spans += [m.span() for m in re.finditer(r"(?m)^\s*(?:[\divx]+\.)*[\divx]+[.)]\s", folded)]  # "1. ", "2.1. "
    spans += [m.span() for m in re.finditer(r"(?m)^\s*\|\s*[\d.ivx]+\s*\|", folded)]  # a table row's index
    # "2.1 Số nhiệm vụ đề ra …": a row's code without its closing dot (groups of one or two digits: "1.849" is a count)
    spans += [m.span() for m in re.finditer(r"(?m)^\s*\d{1,2}(?:\.\d{1,2})+(?=\s)", folded)]
    return spans


_CHANNEL = r"(?:truc tiep|truc tuyen|qua mang|buu chinh(?: cong ich)?)"
# words before a number (from its sentence's start) that make it no figure of the table, and why, said to the official
_NOT_COUNTED = [(re.compile(r"\b(giam|tang) tu\s*$"), "số trước khi thay đổi (“giảm từ … xuống còn …”): không phải số của kỳ này"),
                # "Dự toán chi ngân sách … là 18.650 triệu đồng": spending, where the table keeps only the revenue estimate
                (re.compile(r"\bdu toan chi\b[^;]*$"), "dự toán chi ngân sách: biểu số liệu chỉ có dự toán thu, không có chỉ tiêu này"),
                # "Hồ sơ quá hạn chủ yếu thuộc lĩnh vực đất đai (5 hồ sơ)": one field's share of the figure the sentence names
                (re.compile(r"\b(?:chu yeu|phan lon|tap trung)\b[^\d;]*\blinh vuc\b[^\d;]*$|\blinh vuc\b[^\d;()]*\(\s*$"),
                 "số của một lĩnh vực, không phải tổng của chỉ tiêu"),
                # "4 buổi tuyên truyền, mỗi buổi khoảng 80 người", "bình quân mỗi tháng gần 200 hồ sơ": one part's
                # share or an average, not the period's total ("mỗi" folds as "mới": only before a unit of time or count)
                (re.compile(r"\b(?:moi\s+(?:buoi|thang|quy|tuan|ngay|lop|dot|cuoc|hoi nghi|xa|phuong|thon|don vi|co quan"
                            r"|nguoi|ho so|can bo|cong chuc|phien|ky)\s+(?:[a-z]+\s+)?|binh quan\s+)"
                            r"(?:(?:khoang|gan|hon|tren|chung|tu)\s+)?$"
                            # "Bình quân mỗi ngày Bộ phận Một cửa tiếp nhận 38 hồ sơ": the average said first
                            r"|\bbinh quan\b[^.;\d]{0,60}$|\bmoi (?:ngay|tuan|thang)\b[^.;\d]{0,50}$"),
                 "số tính bình quân hoặc cho mỗi đơn vị (“mỗi buổi …”), không phải tổng của kỳ"),
                # "trả kết quả trong ngày đối với 318 hồ sơ chứng thực": the same-day part of those resolved
                (re.compile(r"\b(?:tra ket qua|giai quyet(?: xong)?)\s+(?:ngay\s+)?trong (?:ngay|buoi)\b[^\d;.]{0,25}$"),
                 "số hồ sơ trả kết quả trong ngày (một phần của số đã giải quyết), không phải tổng của chỉ tiêu"),
                # "trực tiếp và qua bưu chính 225 hồ sơ": two channels, one count — no figure of either
                (re.compile(rf"\b{_CHANNEL}\s+va\s+(?:qua\s+)?{_CHANNEL}\s*(?:la\s*)?:?\s*$"),
                 "tổng của hai kênh tiếp nhận: cần số của từng kênh"),
                # "công bố chuẩn hóa 120 thủ tục": procedures restated, of every kind — no count of new ones
                (re.compile(r"\bcong bo (?:danh muc )?(?:tthc |thu tuc hanh chinh )?chuan hoa\s*$"),
                 "thủ tục công bố chuẩn hóa (gồm nhiều loại): cần số thủ tục mới, sửa đổi, bãi bỏ của từng loại"),
                # "chuyển trả 1.250 kết quả … qua bưu chính": results sent back, which no figure of the table counts
                # and "hồ sơ … được trả qua bưu chính công ích 3.120 hồ sơ": returned by post, not received by post
                (re.compile(r"\b(?:chuyen tra|tra ve|gui tra)\s*(?:cho\s+\S+\s+)?$|(?<!nhan va )\b(?:duoc\s+)?tra"
                            r"(?:\s+ket qua)?\s+qua\s+(?:dich vu\s+)?buu chinh\b[^\d;]*$"),
                 "kết quả trả cho người dân (chuyển trả): biểu số liệu không có chỉ tiêu này")]


_DOWN_TO = re.compile(r"^(.*?)\b(?:giam|tang) tu\s+\d[^;]*?\b(?:xuong|len)(?:\s+con)?(?:\s+la)?\s*$")


def changed_to_subject(before: str, left: str) -> str:
    """"Hồ sơ quá hạn giảm từ 36 hồ sơ (6 tháng năm 2025) xuống còn 9 hồ sơ": the number after "xuống còn" is the
    figure the words before "giảm từ" name (the number after "giảm từ" is the earlier one, left unread) — those words,
    then the nearer ones of its clause (left); any other number keeps its clause's words."""
    if m := _RAISED.match(before):  # "kích hoạt thêm 41.200 tài khoản định danh, nâng tổng số lên 872.600": the rise's
        return f"{m.group(1)} {m.group(2)} {left}"  # words and its noun name the total
    return f"{m.group(1)} {left}" if (m := _DOWN_TO.match(before)) else left


# "nâng tổng số lên (khoảng) …", after "thêm (khoảng) N …": a rise and the total it comes to
_ABOUT = r"(?:(?:khoang|gan|hon|tren)\s+)?"
_LIFTED = rf"(?:nang|dua)\s+(?:tong\s+)?(?:so\s+)?[^.;\d]{{0,40}}?\blen\s*{_ABOUT}"
_RAISED = re.compile(rf"^(.*?)\bthem\s+{_ABOUT}\d[\d.,]*\s+([^;]*?)\s*,?\s*\b{_LIFTED}$")


# "Phát ra 300 phiếu khảo sát, thu về 287 phiếu": the table keeps the forms returned, not those handed out
_HANDED_OUT = re.compile(r"\b(?:phat ra|phat hanh|phat|gui|in)\s+(?:tong so\s+)?(?:(?:khoang|gan|hon|tren)\s+)?$")
_FORMS_OUT = re.compile(r"\bso phieu (?:khao sat\s+)?phat ra\b[^\d;,]*$")


# "1 hội nghị xúc tiến đầu tư", "2 cuộc họp về phòng chống thiên tai": a meeting on another field than the reform
_OTHER_FIELD = (r"(?:xuc tien (?:dau tu|thuong mai|du lich)|quoc phong|an ninh|phong chong thien tai|phong chay"
                r"|nong thon moi|giam ngheo)")
_REFORM = r"\b(?:cchc|cai cach hanh chinh|thu tuc hanh chinh|tthc)\b"
_OTHER_FIELD_MEETING = re.compile(
    rf"\s*{MEETING_WORDS}\s+(?:[a-z]+\s+){{0,5}}?{_OTHER_FIELD}\b"
    # (unless the same meeting is said to serve the reform — not the next one: "… và 3 cuộc họp về CCHC")
    rf"(?!(?:(?!\bva\s+\d|,\s*\d)[^.;]){{0,60}}?{_REFORM})")
_OTHER_FIELD_EVENT = re.compile(rf"\b{MEETING_WORDS}\b(?:[^.;\d]{{0,50}}?)\b{_OTHER_FIELD}\b")


def other_field_meeting(folded: str) -> bool:
    """"Hội nghị về xây dựng nông thôn mới": an event that is a meeting on another field, no reform meeting."""
    return _OTHER_FIELD_EVENT.search(folded) is not None and re.search(_REFORM, folded) is None


def not_counted(before: str, after: str = "") -> str:
    """Why the number between before and after (folded) is no figure of the table, or ""."""
    if _OTHER_FIELD_MEETING.match(after):
        return "hội nghị, cuộc họp về lĩnh vực khác: biểu số liệu chỉ đếm hội nghị, cuộc họp về CCHC"
    # (said alone, "phát hành 1.036 phiếu lấy ý kiến" counts the survey: only a count returned beside it is the figure)
    returned = re.search(r"\b(?:thu|nhan)(?:\s+duoc)?\s+(?:ve|lai)(?:\s+duoc)?\b[^.;\d]{0,20}\d", FULL_STOP.split(after)[0])
    if (_HANDED_OUT.search(before) and re.match(r"\s*phieu\b", after) or _FORMS_OUT.search(before)) and returned:
        return "số phiếu phát ra: biểu số liệu ghi số phiếu khảo sát thu về"
    # "kích hoạt thêm 41.200 tài khoản, nâng tổng số lên 872.600 tài khoản": the total is the figure, the rise is not
    if re.search(rf"\bthem\s+{_ABOUT}$", before) and _RAISED_TO.search(FULL_STOP.split(after)[0]):
        return "số tăng thêm trong kỳ: câu đã nêu tổng số (“nâng tổng số lên …”), biểu số liệu ghi tổng số"
    return next((reason for pattern, reason in _NOT_COUNTED if pattern.search(before)), "")


_RAISED_TO = re.compile(rf"{_LIFTED}\d|\b(?:tong so|luy ke)\b[^.;\d]{{0,30}}?\b(?:la|dat|len)\s+\d")
