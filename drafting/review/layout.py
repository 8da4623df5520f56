"""Layout checks on any .docx against NĐ 30/2020/NĐ-CP (document-format.md §3): page and margins, font,
Quốc hiệu and Tiêu ngữ strings and styles, the Số pattern, the date line, Nơi nhận, the signature."""

from __future__ import annotations

import datetime as dt
import re
import unicodedata

from docx.shared import Mm

from corpus.text import fold_lower
from drafting.figures.nd30 import QUOC_HIEU, TIEU_NGU
from drafting.figures.vnformat import fmt_date_long
from drafting.models import ReviewIssue

SO_RE = re.compile(r"^Số: ?\d*\s*/BC-[A-ZĐ0-9-]+$")
DATE_RE = re.compile(r"^[^,]+, ngày (\d{1,2}|\.+|…+) tháng (\d{1,2}|\.+|…+) năm (\d{4})$")
# "An Giang, ngày 18/6/2026": the date in figures, where NĐ 30 writes it out ("ngày 18 tháng 6 năm 2026")
_NUMERIC_DATE = re.compile(r"^([^,\d]{2,40}), ngày (\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*((?:19|20)\d\d)\.?$")


def numeric_date_line(text: str) -> tuple[str, dt.date] | None:
    """(place, date) of a place-and-date line written in figures, else None."""
    m = _NUMERIC_DATE.match(text.strip())
    try:
        return (m.group(1), dt.date(int(m.group(4)), int(m.group(3)), int(m.group(2)))) if m else None
    except ValueError:  # "ngày 31/2/2026": no date
        return None


# "ngày 17 tháng 3 năm 2027" alone on its line: the place NĐ 30 writes before it is missing
_PLACELESS = re.compile(r"^ngày\s+(?:\d{1,2}|\.+|…+)\s+tháng\s+(?:\d{1,2}|\.+|…+)\s+năm\s+\d{4}\.?$", re.IGNORECASE)


def placeless_date_line(text: str) -> bool:
    return _PLACELESS.match(text.strip()) is not None


def check_date_line(paragraphs) -> list[ReviewIssue]:
    """The place-and-date line of a .docx, a typed text or a scan's text, written out in words with its place before
    the date (document-format.md, item 4); paragraphs: objects with .text, .index and .section."""
    for before, p in zip([None, *paragraphs[:14]], paragraphs[:15]):
        # an extract may break "Tứ Kỳ,\nngày 25 tháng 7 năm 2023" over two lines: the place is there
        if placeless_date_line(p.text) and not (before is not None and before.text.rstrip().endswith(",")):
            return [_issue(f"Dòng ngày tháng “{p.text.strip()}” thiếu địa danh; Nghị định 30/2020 viết “Địa danh, ngày "
                           "… tháng … năm …” (địa danh là tên đơn vị hành chính nơi cơ quan đóng trụ sở).", p, "error",
                           p.text.strip(), f"<địa danh>, {p.text.strip()}")]
        if said := numeric_date_line(p.text):
            right = f"{said[0]}, {fmt_date_long(said[1])}"  # leading zeros as item 4 wants them
            return [_issue(f"Dòng địa danh, ngày tháng ghi ngày bằng số và gạch chéo (“{p.text.strip()}”); Nghị định "
                           f"30/2020 viết “ngày … tháng … năm …”.", p, "error", p.text.strip(), right)]
    line = next((p for p in paragraphs[:15] if DATE_RE.match(p.text.strip())), None)
    return _date_zeros(line) if line is not None else []


def _date_zeros(p) -> list[ReviewIssue]:
    """Day below 10 and months 1 and 2 with a leading 0 ("ngày 05 tháng 02"), no other month ("tháng 9", not "tháng
    09"): document-format.md, item 4."""
    day, month, _ = DATE_RE.match(p.text.strip()).groups()
    out = []
    if day.isdigit() and int(day) < 10 and len(day) == 1:
        out.append(_issue(f"Ngày nhỏ hơn 10 phải có số 0 phía trước: “{p.text}”.", p, text=p.text))
    if month.isdigit() and int(month) < 3 and len(month) == 1:
        out.append(_issue(f"Tháng 1 và 2 phải có số 0 phía trước: “{p.text}”.", p, text=p.text))
    if month.isdigit() and int(month) >= 3 and len(month) == 2 and month.startswith("0"):
        out.append(_issue(f"Chỉ tháng 1 và 2 có số 0 phía trước; “tháng {month}” viết là “tháng {int(month)}”: “{p.text}”.",
                          p, text=p.text, suggestion=p.text.replace(f"tháng {month}", f"tháng {int(month)}", 1)))
    return out


_SYMBOL = re.compile(r"^\s*Số\s*:?\s*\d*\s*/\s*BC-([A-ZĐ0-9&-]+)\s*$")
_DEPARTMENT = re.compile(r"^\s*SỞ\s+([A-ZĐÀ-Ỹ ,&]+?)\s*$")


def check_symbol(paragraphs) -> list[ReviewIssue]:
    """A department's report numbered with the people's committee's symbol ("Số: 88/BC-UBND" under "SỞ NÔNG NGHIỆP
    VÀ MÔI TRƯỜNG"): the symbol after "BC-" abbreviates the issuer's own name (NĐ 30/2020, Phụ lục I; a report the
    product drafts for a department gets its own symbol, as "BC-SNNMT")."""
    head = paragraphs[:15]
    dept = next((m for p in head if (m := _DEPARTMENT.match(p.text))), None)
    line, symbol = next(((p, m) for p in head if (m := _SYMBOL.match(p.text))), (None, None))
    if dept is None or symbol is None or symbol.group(1) != "UBND":
        return []
    initials = "S" + "".join(w[0] for w in re.split(r"[\s,&]+", dept.group(1)) if w and w not in ("VÀ", "VA"))
    return [_issue(f"Số, ký hiệu “{line.text.strip()}” dùng ký hiệu “UBND” của Ủy ban nhân dân cho báo cáo của sở: ký hiệu "
                   "sau “BC-” là chữ viết tắt tên cơ quan ban hành văn bản (Nghị định 30/2020/NĐ-CP, Phụ lục I).", line,
                   "error", line.text.strip(), f"BC-{initials} (hoặc ký hiệu viết tắt sở vẫn dùng)")]


def check_text_number(paragraphs) -> list[ReviewIssue]:
    """A typed report's number below 10 without its leading zero ("Số: 5/BC-SCT"): document-format.md, item 3 (a
    .docx has check_layout's)."""
    line = next((p for p in paragraphs[:15] if _SYMBOL.match(p.text)), None)
    num = re.match(r"\s*Số\s*:?\s*(\d+)", line.text) if line else None
    if not num or len(num.group(1)) != 1:
        return []
    said = line.text.strip()
    return [_issue(f"Số văn bản nhỏ hơn 10 phải có số 0 phía trước: “{said}”.", line, text=said,
                   suggestion=said.replace(num.group(1), "0" + num.group(1), 1))]


def check_text_head(paragraphs) -> list[ReviewIssue]:
    """A typed report or a scan's text (a .docx has check_layout) that has its title "BÁO CÁO" but not the national
    title and motto, or not the number line, of NĐ 30/2020 at its head. OCR garbles the words and an extract may
    lose a line (seed 004 kept the motto, not the title beside it), so any trace of either passes, and a miss is a
    warning to check, not an error."""
    head = paragraphs[:25]
    if not any(re.fullmatch(r"[#*\s]*BÁO CÁO[*\s]*", p.text.strip()) for p in head):
        return []  # a section pasted alone, not a whole report
    folded = "\n".join(fold_lower(p.text) for p in head)
    missing = ([f"Quốc hiệu, Tiêu ngữ (“{QUOC_HIEU}”, “{TIEU_NGU}”)"]
               if not re.search(r"chu nghia|cong hoa xa hoi|doc lap|hanh phuc", folded) else [])
    missing += [] if re.search(r"(?m)^\W*s\S?\s*:|/bc-", folded) else ["số, ký hiệu (“Số: …/BC-…”)"]
    if not missing:
        return []
    return [_issue(f"Không thấy {' và '.join(missing)} ở đầu văn bản (Nghị định 30/2020/NĐ-CP, Phụ lục I); nếu văn bản "
                   "được trích từ tệp khác, phần đầu có thể đã mất khi trích — xin kiểm tra.", head[0], "warning",
                   suggestion=f"{QUOC_HIEU} / {TIEU_NGU}" if missing[0].startswith("Quốc") else "Số: …/BC-…")]


def check_text_motto(paragraphs) -> list[ReviewIssue]:
    """A typed report's motto written with other dashes ("Độc lập – Tự do – Hạnh phúc"): NĐ 30/2020 writes it with
    hyphens between spaces. Only a line typed with its diacritics: OCR garbles dashes, and a .docx has check_layout."""
    for p in paragraphs[:25]:
        line = p.text.strip()
        if re.fullmatch(r"Độc lập\s*[-–—]\s*Tự do\s*[-–—]\s*Hạnh phúc", line) and line != TIEU_NGU:
            return [_issue(f"Tiêu ngữ viết “{line}”; Nghị định 30/2020/NĐ-CP viết “{TIEU_NGU}” (gạch nối, có khoảng trắng "
                           "hai bên).", p, "warning", line, TIEU_NGU)]
    return []


def _size(run, para) -> float | None:
    style = getattr(para.docx_para, "style", None)
    s = run.font.size or (style.font.size if style is not None else None)
    return s.pt if s else None


def _issue(kind_msg: str, p=None, severity="warning", text="", suggestion="") -> ReviewIssue:
    return ReviewIssue(kind="layout", severity=severity, section=getattr(p, "section", "") or "",
                       paragraph=getattr(p, "index", 0), text=text, message=kind_msg, suggestion=suggestion)


def check_layout(doc) -> list[ReviewIssue]:
    d = doc.docx
    issues: list[ReviewIssue] = []
    if not d.sections:
        issues.append(_issue("Văn bản không có thiết lập trang (khổ giấy, lề); hãy đặt khổ A4 và lề theo Nghị định 30/2020.",
                             severity="error", suggestion="A4"))
    sec = d.sections[0] if d.sections else None
    w, h = (sec.page_width, sec.page_height) if sec is not None else (None, None)
    if w and h and (abs(w - Mm(210)) > Mm(1) or abs(h - Mm(297)) > Mm(1)):
        issues.append(_issue(f"Khổ giấy {w.mm:.0f} × {h.mm:.0f} mm; văn bản hành chính dùng A4 (210 × 297 mm).",
                             severity="error", suggestion="A4"))
    margins = () if sec is None else (("trên", sec.top_margin, 20, 25), ("dưới", sec.bottom_margin, 20, 25),
                                      ("trái", sec.left_margin, 30, 35), ("phải", sec.right_margin, 15, 20))
    for name, value, lo, hi in margins:
        if value is not None and not (lo - 0.5 <= value.mm <= hi + 0.5):
            issues.append(_issue(f"Lề {name} {value.mm:.0f} mm, ngoài khoảng {lo}–{hi} mm.", suggestion=f"{lo} mm"))
    try:
        normal = d.styles["Normal"].font.name
    except KeyError:  # a package without the Normal style
        normal = None
    fonts = set()
    for p in doc.paragraphs:
        for r in p.runs:
            if r.text.strip():
                fonts.add(r.font.name or normal)
    bad = {f for f in fonts if f and f != "Times New Roman"}
    if bad:
        issues.append(_issue(f"Phông chữ {', '.join(sorted(bad))}; văn bản hành chính dùng Times New Roman.",
                             severity="error", suggestion="Times New Roman"))
    texts = [p.text for p in doc.paragraphs]
    by_text = {p.text: p for p in doc.paragraphs}
    qh = next((p for p in doc.paragraphs if unicodedata.normalize("NFC", p.text).upper().replace("HOÀ", "HÒA") == QUOC_HIEU), None)
    if qh is None:
        near = next((t for t in texts if "CHỦ NGHĨA VIỆT NAM" in t.upper()), "")
        issues.append(_issue(f"Quốc hiệu không đúng: “{near or 'không có'}”.", severity="error", text=near, suggestion=QUOC_HIEU))
    else:
        if qh.text != QUOC_HIEU:
            issues.append(_issue(f"Quốc hiệu viết “{qh.text}”; mẫu chính thức viết “{QUOC_HIEU}”.", qh, "info",
                                 qh.text, QUOC_HIEU))
        r = next((r for r in qh.runs if r.text.strip()), None)
        if r is not None and not (r.font.bold or (qh.docx_para.style is not None and qh.docx_para.style.font.bold)):
            issues.append(_issue("Quốc hiệu phải in đậm.", qh, text=qh.text))
        if r is not None and (s := _size(r, qh)) and not 12 <= s <= 13:
            issues.append(_issue(f"Quốc hiệu cỡ {s:g}; quy định 12–13.", qh, text=qh.text, suggestion="12–13"))
    tn = by_text.get(TIEU_NGU)
    if tn is None:
        near = next((t for t in texts if "Độc lập" in t or "Doc lap" in t), "")
        issues.append(_issue(f"Tiêu ngữ không đúng: “{near or 'không có'}” (đúng: “{TIEU_NGU}”, gạch nối có khoảng trắng hai bên).",
                             severity="error", text=near, suggestion=TIEU_NGU))
    so = next((p for p in doc.paragraphs if re.match(r"^(Số|SỐ|số)\s*[:\d]", p.text)), None)
    if so is None:
        issues.append(_issue("Thiếu số, ký hiệu văn bản (“Số: …/BC-…”).", severity="error"))
    elif not SO_RE.match(re.sub(r"\s{2,}", " ", so.text.strip())):
        issues.append(_issue(f"Số, ký hiệu “{so.text}” không đúng mẫu “Số: …/BC-<cơ quan>”.", so, "error", so.text))
    else:
        num = re.search(r"Số: ?(\d+)", so.text)
        if num and len(num.group(1)) == 1:
            issues.append(_issue(f"Số văn bản nhỏ hơn 10 phải có số 0 phía trước: “{so.text}”.", so, text=so.text,
                                 suggestion=so.text.replace(num.group(1), "0" + num.group(1), 1)))
    date = next((p for p in doc.paragraphs if re.search(r", ngày .{1,6} tháng .{1,6} năm \d{4}$", p.text)), None)
    if date is None:
        if not any(numeric_date_line(p.text) or placeless_date_line(p.text) for p in doc.paragraphs[:15]):  # check_date_line's
            issues.append(_issue("Thiếu dòng địa danh, ngày tháng năm ban hành.", severity="error"))
    else:
        r = next((r for r in date.runs if r.text.strip()), None)
        if r is not None and not r.font.italic:
            issues.append(_issue("Dòng địa danh, ngày tháng phải in nghiêng.", date, text=date.text))
    nn = next((p for p in doc.paragraphs if p.text.strip().rstrip(":") in ("Nơi nhận", "Nơi nhận :")), None)
    if nn is None:
        issues.append(_issue("Thiếu khối “Nơi nhận:”.", severity="error", suggestion="Nơi nhận:"))
    else:
        r = next((r for r in nn.runs if r.text.strip()), None)
        if r is not None and not (r.font.bold and r.font.italic):
            issues.append(_issue("“Nơi nhận:” phải in nghiêng, đậm (cỡ 12).", nn, text=nn.text))
    caps = [p for p in doc.paragraphs if re.match(r"^(TM|KT|TL|TUQ|Q)\.\s", p.text)]
    titles = [p for p in doc.paragraphs if re.match(r"^(CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG|PHÓ)", p.text)]
    if not titles:
        issues.append(_issue("Thiếu chức vụ người ký (khối chữ ký).", severity="warning"))
    for c in caps:
        nxt = next((p for p in doc.paragraphs if p.index > c.index), None)
        if c.text.startswith("KT.") and nxt is not None and not nxt.text.startswith("PHÓ"):
            issues.append(_issue(f"Ký thay (“{c.text}”) thì người ký là cấp phó: dòng dưới phải là chức vụ phó.", nxt, text=nxt.text))
        if c.text.startswith("TM.") and nxt is not None and nxt.text.startswith("PHÓ"):
            issues.append(_issue("Ký thay mặt tập thể (TM.) thì người ký là người đứng đầu; cấp phó ký dùng “KT.”.", c, text=c.text))
    return issues
