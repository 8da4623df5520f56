"""The signature's capacity matches the body that issues the report (NĐ 30/2020, document-format.md): a department's
report is signed by its director ("GIÁM ĐỐC", or "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC"), a people's committee's "TM. ỦY BAN
NHÂN DÂN / CHỦ TỊCH" or "KT. CHỦ TỊCH / PHÓ CHỦ TỊCH". A department's draft copied from a committee's (or the
reverse) keeps the other's capacity; the issuer is read from the header's lines."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.models import ReviewIssue

_DEPARTMENT = re.compile(r"^(?:SỞ|BAN QUẢN LÝ)\s+\S")
_COMMITTEE = re.compile(r"^(?:ỦY|UỶ) BAN NHÂN DÂN\b")
_COMMITTEE_SIGN = re.compile(r"^(?:TM\.\s*(?:ỦY|UỶ) BAN NHÂN DÂN|KT\.\s*CHỦ TỊCH|CHỦ TỊCH|PHÓ CHỦ TỊCH)$")
_DIRECTOR_SIGN = re.compile(r"^(?:KT\.\s*GIÁM ĐỐC|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|KT\.\s*TRƯỞNG BAN|TRƯỞNG BAN)$")


_CAPACITY = re.compile(r"^(?:(?:KT|TM|TL|TUQ|Q)\.\s*.+\s)?(?:PHÓ\s+)?(?:CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG BAN|TRƯỞNG PHÒNG|"
                       r"CHÁNH VĂN PHÒNG|CHÁNH THANH TRA|BÍ THƯ)$")
# "Vũ Thị Hà": two to five capitalised words; "TS. Vũ Thị Hà": an academic title NĐ 30 leaves out
_NAME = re.compile(r"^(?:(?:TS|ThS|PGS\.\s*TS|GS\.\s*TS|KS|CN|BS)\.\s*)?(?:[A-ZÀ-Ỵ][a-zà-ỹ]*\s+){1,4}[A-ZÀ-Ỵ][a-zà-ỹ]*$")
_TITLE = re.compile(r"^(?:TS|ThS|PGS\.\s*TS|GS\.\s*TS|KS|CN|BS)\.")


def below_signer_title(prev: str, line: str, at: int) -> bool:
    """A dotted line at `at` of `line` is where the signer's name goes: right after a title ("CHỦ TỊCH ……"), or alone
    on its line under one in capitals ("TRƯỞNG BAN", "CHÁNH THANH TRA", "KT. GIÁM ĐỐC")."""
    before = (prev + " " + line[:at]).strip()
    if re.search(r"(CHỦ TỊCH|GIÁM ĐỐC|TRƯỞNG|THỦ TRƯỞNG|CHÁNH VĂN PHÒNG)\W*$", before):
        return True
    words = prev.strip().split()
    alone = not re.sub(r"[.…_\s]", "", line)
    return alone and (bool(_CAPACITY.match(prev.strip())) or (
        0 < len(words) <= 6 and prev.isupper() and all(w.strip(".").isalpha() for w in words)))


def check_signer_name(paragraphs) -> list[ReviewIssue]:
    """Under the signer's capacity, the signer's full name (item 7c of document-format.md), without academic titles;
    a placeholder in brackets is the draft's visible ask and passes. Only once the report has its number ("Số:
    45/BC-UBND"): a draft whose number is still blank is named at signing."""
    if not any(re.match(r"^\s*Số\s*:?\s*\d+", p.text) for p in paragraphs[:15]):
        return []
    caps = [i for i, p in enumerate(paragraphs) if _CAPACITY.match(re.sub(r"\s+", " ", p.text.strip().upper()))]
    if not caps:
        return []
    p = paragraphs[caps[-1]]
    after = [q.text.strip() for q in paragraphs[caps[-1] + 1:caps[-1] + 5] if q.text.strip()]
    if any("[" in t or "…" in t or "..." in t for t in after[:2]):
        return []
    name = next((t for t in after if _NAME.match(t)), None)
    if name is None:
        return [ReviewIssue(kind="layout", severity="warning", section=p.section, paragraph=p.index, text=p.text.strip(),
                            message="Khối chữ ký chưa có họ tên người ký dưới chức vụ (Nghị định 30/2020/NĐ-CP: họ tên "
                                    "người ký, chữ in thường đậm, không kèm học hàm, học vị).",
                            suggestion="thêm họ tên người ký")]
    if _TITLE.match(name):
        return [ReviewIssue(kind="layout", severity="warning", section=p.section, paragraph=p.index, text=name,
                            message=f"Họ tên người ký “{name}” có học hàm, học vị: Nghị định 30/2020/NĐ-CP không ghi "
                                    "học hàm, học vị trước họ tên người ký văn bản hành chính.",
                            suggestion=_TITLE.sub("", name).strip(" ."))]
    return []


def check_deputy(paragraphs) -> list[ReviewIssue]:
    """"KT. CHỦ TỊCH" (signed for the head) is followed by the deputy's title, "PHÓ CHỦ TỊCH" (NĐ 30/2020, Phụ lục I):
    a head's title under it says the head signed for himself."""
    lines = [p for p in paragraphs if p.text.strip()]
    for p, q in zip(lines, lines[1:], strict=False):
        line, below = (re.sub(r"\s+", " ", x.text.strip().upper()) for x in (p, q))
        m = re.fullmatch(r"KT\.\s*(.+)", line)
        if m and _CAPACITY.match(below) and below != f"PHÓ {m.group(1)}":
            return [ReviewIssue(kind="layout", severity="error", section=p.section, paragraph=p.index,
                                text=f"{p.text.strip()} / {q.text.strip()}", message=(
                                    f"Ký thay (“{p.text.strip()}”) thì dòng dưới là chức vụ của cấp phó, “PHÓ "
                                    f"{m.group(1)}”, không phải “{q.text.strip()}”."), suggestion=f"PHÓ {m.group(1)}")]
        # "TM. ỦY BAN NHÂN DÂN / PHÓ CHỦ TỊCH": "thay mặt" the body is the head's; a deputy signs "KT. CHỦ TỊCH"
        if line.startswith("TM.") and (d := re.fullmatch(r"PHÓ (.+)", below)):
            return [ReviewIssue(kind="layout", severity="error", section=p.section, paragraph=p.index,
                                text=f"{p.text.strip()} / {q.text.strip()}", message=(
                                    f"“{p.text.strip()}” thì người ký là người đứng đầu (“{d.group(1)}”); cấp phó ký "
                                    f"thay thì ghi “KT. {d.group(1)}” rồi “{below}” (Nghị định 30/2020/NĐ-CP)."),
                                suggestion=f"KT. {d.group(1)}")]
    return []


_SHORT_BODY = {"UBND": "ỦY BAN NHÂN DÂN", "HĐND": "HỘI ĐỒNG NHÂN DÂN"}


def check_capacity_words(paragraphs) -> list[ReviewIssue]:
    """"TM. UBND PHƯỜNG": the body signed for is written in full, "TM. ỦY BAN NHÂN DÂN" (NĐ 30/2020, Phụ lục I) —
    an abbreviation of it, or the unit's name after it, is a layout fault."""
    for p in paragraphs:
        line = re.sub(r"\s+", " ", p.text.strip())
        if m := re.fullmatch(r"(TM|KT|TL|TUQ)\. ?(UBND|HĐND)\b.*", line):
            right = f"TM. {_SHORT_BODY[m.group(2)]}" if m.group(1) == "TM" else None
            return [ReviewIssue(kind="layout", severity="error", section=p.section, paragraph=p.index, text=line,
                                message=(f"Khối chữ ký ghi tắt “{line}”: quyền hạn ký ghi đủ tên cơ quan, không viết tắt "
                                         f"(Nghị định 30/2020/NĐ-CP, Phụ lục I)" + (f", là “{right}”." if right else ".")),
                                suggestion=right or "")]
    return []


def check_closing(paragraphs) -> list[ReviewIssue]:
    """The block after the text: the signer's name and capacity, and a «Nơi nhận» without its "- Lưu: VT" line (the
    office's file copy, NĐ 30/2020 Phụ lục I) — in a .docx, a typed text or a scan's text alike."""
    out = check_signer_name(paragraphs) + check_deputy(paragraphs) + check_capacity_words(paragraphs)
    at = next((i for i, p in enumerate(paragraphs) if re.fullmatch(r"\s*Nơi nhận\s*:?\s*", p.text)), None)
    if at is not None:
        lines = [p.text.strip() for p in paragraphs[at + 1:at + 20] if p.text.strip().startswith(("-", "–", "+"))]
        # OCR drops accents and letters ("- L VP + V(Hoa)" in seed 004): any trace of the filing line passes
        if lines and not any(re.match(r"^[-–+]\s*(?:luu\b|l[\s:.]|.*\bvt\b)", fold_lower(t)) for t in lines):
            p = paragraphs[at]
            out.append(ReviewIssue(kind="layout", severity="error", section=p.section, paragraph=p.index,
                                   text=p.text.strip(), message="Nơi nhận thiếu dòng “- Lưu: VT, …” (bản lưu của cơ quan).",
                                   suggestion="- Lưu: VT."))
    return out


def check_signature(paragraphs) -> list[ReviewIssue]:
    """paragraphs: objects with .text, .index and .section (the reviewer's Para)."""
    head = [p.text.strip().upper() for p in paragraphs[:4] if p.section == "mo_dau"]
    # the issuer is the second line when a parent body heads it ("UBND TỈNH THANH HÓA" / "SỞ GIÁO DỤC VÀ ĐÀO TẠO")
    department = any(_DEPARTMENT.match(line) for line in head[:2])
    committee = not department and bool(head) and bool(_COMMITTEE.match(head[0]))
    if not (department or committee):
        return []
    wrong = _COMMITTEE_SIGN if department else _DIRECTOR_SIGN
    for p in paragraphs:
        line = re.sub(r"\s+", " ", p.text.strip().upper())
        if wrong.match(line):
            right = "GIÁM ĐỐC (hoặc KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)" if department else \
                "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH (hoặc KT. CHỦ TỊCH / PHÓ CHỦ TỊCH)"
            return [ReviewIssue(kind="layout", severity="error", section=p.section, paragraph=p.index, text=p.text.strip(),
                                message=(f"Báo cáo của {'sở' if department else 'Ủy ban nhân dân'} nhưng khối chữ ký ghi "
                                         f"“{p.text.strip()}”: thẩm quyền ký phải là {right}."),
                                suggestion=right.split(" (")[0])]
        if department and line.startswith("TM."):
            # "TM. SỞ GIÁO DỤC VÀ ĐÀO TẠO": "thay mặt" is for a collective body; a department has a head, who signs
            return [ReviewIssue(kind="layout", severity="error", section=p.section, paragraph=p.index, text=p.text.strip(),
                                message=(f"Khối chữ ký ghi “{p.text.strip()}”: “TM.” (thay mặt) chỉ dùng cho tập thể lãnh đạo "
                                         "(như TM. ỦY BAN NHÂN DÂN); báo cáo của sở, ban do người đứng đầu ký (GIÁM ĐỐC, "
                                         "TRƯỞNG BAN) hoặc cấp phó ký thay (KT. …) (Nghị định 30/2020/NĐ-CP)."),
                                suggestion="GIÁM ĐỐC (hoặc KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC)" if line.startswith("TM. SỞ") else
                                "TRƯỞNG BAN (hoặc KT. TRƯỞNG BAN / PHÓ TRƯỞNG BAN)")]
    return []


def check_recipients(paragraphs) -> list[ReviewIssue]:
    """A typed or scanned report that closes with its signature but has no «Nơi nhận» (NĐ 30/2020, Phụ lục I); a
    .docx is checked by the layout. OCR garbles the words ("Noi nhin"), so any line opening like them passes."""
    signs = [p for p in paragraphs if p.section != "mo_dau" and (
        _COMMITTEE_SIGN.match(line := re.sub(r"\s+", " ", p.text.strip().upper())) or _DIRECTOR_SIGN.match(line))]
    if not signs or any(re.match(r"\s*noi\s*nh", fold_lower(p.text)) for p in paragraphs):
        return []
    p = signs[0]
    return [ReviewIssue(kind="layout", severity="error", section=p.section, paragraph=p.index, text=p.text.strip(),
                        message="Thiếu khối “Nơi nhận:” (Nghị định 30/2020/NĐ-CP, Phụ lục I): ghi nơi nhận và “- Lưu: VT, …” "
                                "bên trái, ngang khối chữ ký.",
                        suggestion="Nơi nhận:")]
