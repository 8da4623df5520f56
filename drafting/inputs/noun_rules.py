"""The figure a count is of, told by its noun and the few words around it — rules the phrase tables cannot hold:
"28 nhiệm vụ do UBND tỉnh giao" (tasks set from above), "có 58 thủ tục hành chính, trong đó …" (the procedures in
all), "Hiện xã có 38 công chức" (the staff in post). Each rule gives a choice the reader weighs with the phrases
around the number: (side, distance, length, phrase, keys)."""

from __future__ import annotations

import re

from drafting.inputs.clauses import PARTS
from drafting.inputs.count_units import STAFF, STAFF_TRAINING

# "Tỉnh giao 3.500 tài khoản VNeID", "chỉ tiêu 4.200 tài khoản": the words before a count set it as a target
SET_FOR = re.compile(r"^\s*chi tieu\b|\b(?:giao|chi tieu)(?: (?:cho )?(?:xa|phuong|huyen|so|don vi))?\s*$")
# "6 buổi phát thanh trên loa truyền thanh xã": sessions on air are broadcasts, not outreach in person
ON_AIR = re.compile(r"\s*(?:phat thanh|truyen thanh|phat song|truyen hinh)\b")
_QUOTA_LABEL = re.compile(r"^\s*(?:so\s+)?(?:(?:can bo,?\s+)?cong chuc|bien che|(vien chuc|nguoi lam viec)|(nhiem vu))\b[^:;\d]{0,30}:")
_RESOLVED_BEFORE = re.compile(r"\b(?:da\s+)?giai quyet(?:\s+xong)?(?:\s+duoc)?\s+\d")
_OF_AUDIT = re.compile(r"\s*(?:ve tai chinh\s+)?(?:cua|tu)\s+(?:doan\s+)?(?:kiem toan|thanh tra)\b")
SIDE_COST = {0: 0, 1: 6, 2: 25, 3: 60}  # before the number, after it, later in the sentence, the noun alone
# (side, distance, length of the phrase, the phrase, the figures it may name): ranked by side cost plus distance
Choice = tuple[int, float, int, str, list[str]]
# "thực hiện 29 nhiệm vụ do UBND tỉnh giao", "18 nhiệm vụ Sở giao": tasks set from above, whatever the verb before them
_GIVER = r"(?:ubnd|uy ban nhan dan|hdnd|so|bo|cap tren|tinh|huyen|thanh pho|quan|chinh phu|thu tuong)\b"
_SET_BY = re.compile(rf"\s*(?:(?:do|duoc|cua)\s[^,;.\d]{{0,40}}?|{_GIVER}[^,;.\d]{{0,30}}?)\bgiao\b(?!\s+(?:da |duoc )?(?:chua |dang )?(?:hoan thanh|thuc hien|trien khai|qua han|tre han|dung han))")
SET_IN = re.compile(rf"\bnhiem vu (?:(?:do|duoc)\b[^.;\d]{{0,40}}?|{_GIVER}[^.;\d]{{0,30}}?)\bgiao\b|\bcap tren giao\b")
# "UBND tỉnh và các sở giao xã 9 nhiệm vụ": the giver, "giao", the unit given them, then the count
_GIVEN_TO = re.compile(rf"\b{_GIVER}[^.;\d]{{0,40}}?\bgiao(?: cho)? (?:xa|phuong|dac khu|so|ban|huyen|don vi|ubnd [a-z ]{{1,25}}?)\s*$")
_OTHER_ISSUED = re.compile(r"\s*(?:(?:chi dao(?:, dieu hanh)?|don doc|huong dan|trien khai|dieu hanh)\s+)?khac\b")  # "8 văn bản đôn đốc khác"
_CHECKED_AT = re.compile(r"\bkiem tra\b[^.;\d]*\d[^.;\d]*\btai\s*$")
# "kiểm tra CCHC tại 3 đơn vị sự nghiệp": a place of the inspection's, by the word after the count
_CHECKED_PLACE = re.compile(r"\bkiem tra\b[^.;]*\btai\s*$")
_PLACE_WORD = re.compile(r"\s*(?:don vi|truong|trung tam|benh vien|tram)\b")
# "Số TTHC (cấp xã) (hiện hành) là", "Tổng số thủ tục hành chính:": a sentence that opens on the count of procedures
_PROCEDURES_ARE = re.compile(r"^\s*(?:tong )?so (?:thu tuc(?: hanh chinh)?|tthc)\b[^.;:\d]{0,60}?(?:\bla|:)\s*$")
# "(kỳ trước chuyển sang 54, mới 1.332)": "mới" alone, right after the carried-over count
_NEW_AFTER_CARRIED = re.compile(r"\b(?:ky truoc|nam truoc) chuyen (?:sang|qua)\s+[\d.]+(?:\s+ho so)?\s*[,;]\s*moi\s*$")
# a sentence that opens on public investment capital, no spending said before the amount
_PLANNED_CAPITAL = re.compile(r"^\s*(?:tong\s+)?(?:so\s+)?von dau tu cong\b(?:(?!giai ngan)[^.;:\d]|\d{4}){0,60}?(?:\bla|:)\s*$")
# kinds of documents that are never legal documents, after the count ("ban hành 02 kế hoạch")
_DIRECTION_KINDS = re.compile(r"\s*(?:ke hoach|cong van|thong bao|bao cao|huong dan|chuong trinh)\b")
# "Hiện (nay) xã có 38 công chức, 12 viên chức": counts listed after "có" in a sentence that opens on "hiện"
_STAFF_NOW = re.compile(r"^\s*hien(?: nay| tai)?\b[^;:]{0,40}?\bco\s+(?:[\d.]+\s+[a-z ]{2,25}?(?:,|\bva\b)\s*)*$")


_LEGAL = re.compile(r"\s*(?:quy pham|qppl)\b")
# "ban hành 3 quyết định và 2 quyết định QPPL": documents said apart from the legal ones that follow them
_LEGAL_NEXT = re.compile(r"[^.;\d]{0,25}?(?:,|\bva\b)\s*\d+\s+(?:quyet dinh|nghi quyet|van ban)\s+(?:quy pham|qppl)\b")


def legal_kind(folded: str, noun: str | None, noun_end: int, fit: list[str]) -> list[str]:
    """The keys fit for a count of documents: "6 quyết định quy phạm pháp luật và 11 kế hoạch về CCHC" names legal
    ones; "3 quyết định và 2 quyết định QPPL" says the first are not."""
    if noun != "văn bản":
        return fit
    if _LEGAL.match(folded, noun_end):
        return [k for k in fit if k.startswith("the_che.")]
    return [k for k in fit if k != "the_che.vbqppl_ban_hanh"] if _LEGAL_NEXT.match(folded, noun_end) else fit


_STOP = re.compile(r"\n|\.(?!\d)(?=\s|$)")


def noun_choices(folded: str, noun: str | None, noun_end: int, e: int, before: str, left: str, sentence: str,
                 carried: str | None) -> list[Choice]:
    """The choices these rules give for the count ending at e; before: the sentence up to the count, left: its clause."""
    out: list[Choice] = []
    # "… nhiệm vụ do Sở giao", and "Đối với nhiệm vụ được UBND tỉnh giao: tổng số 28 nhiệm vụ"
    if noun == "nhiệm vụ" and (_SET_BY.match(folded, noun_end) or _GIVEN_TO.search(before)
                              or (SET_IN.search(before) and re.search(r"\btong(?: so| cong)?\s*$", left))):
        out.append((1, -SIDE_COST[1] - 2, 0, "giao", ["chi_dao.nhiem_vu_cap_tren_giao"]))
    if noun == "kiến nghị" and _OF_AUDIT.match(folded, noun_end) and re.search(r"\b(?:tiep nhan|nhan(?: duoc)?|co)\s*$", left):
        # "tiếp nhận 3 kiến nghị của Kiểm toán nhà nước": the audit's recommendations received, no complaint
        out.append((1, -SIDE_COST[1] - 2, 0, "kien nghi", ["tai_chinh.kien_nghi_thanh_tra"]))
    if noun == "phản ánh" or (noun is None and carried == "phản ánh"):
        out.append((3, 0, 0, "phan anh", ["tthc.pakn_tiep_nhan"]))
    # "có 58 thủ tục hành chính, trong đó 20 …", "bộ thủ tục gồm 105 TTHC": a total stated with its parts
    # "Ban thực hiện 71 TTHC": the procedures it carries out
    # "cung cấp 127 dịch vụ công trực tuyến, trong đó 96 toàn trình": services offered, not the procedures handled
    if noun == "thủ tục" and not re.match(r"\s*(?:dich vu cong|dvc)\b", folded[e:noun_end]) and (re.search(r"\b(co|gom|la|bao gom|(?:dang )?thuc hien)\s*$", before)
                              or re.match(rf"[^.;]{{0,40}}?,?\s*{PARTS.pattern}", folded[noun_end:])):
        out.append((3, 0, 0, "thu tuc", ["tthc.tthc_tong_so"]))
    if _PROCEDURES_ARE.search(before):  # "Số thủ tục hành chính cấp xã hiện hành là 104" (seed 001): the
        out.append((3, 0, 0, "so thu tuc", ["tthc.tthc_tong_so"]))  # count of procedures, if nothing nearer names it
    if noun == "văn bản" and _OTHER_ISSUED.match(folded, noun_end) and re.search(r"\bban hanh\b", before):
        # "ban hành Quyết định số 12/QĐ-UBND … và 6 văn bản khác": the other documents issued
        out.append((0, 0, 0, "ban hanh", ["chi_dao.van_ban_chi_dao"]))
    if noun == "văn bản" and _LEGAL.match(folded, noun_end) and re.search(r"\bban hanh\b", before):
        # "ban hành 5 quyết định về CCHC, 1 quyết định QPPL": the legal ones under the same verb
        out.append((1, -SIDE_COST[1] - 2, 0, "ban hanh", ["the_che.vbqppl_ban_hanh"]))
    if noun == "văn bản" and _DIRECTION_KINDS.match(folded, e) and re.search(r"\bban hanh\b", before):
        # "ban hành 02 kế hoạch và 01 quyết định": plans, letters and notices are never legal documents
        out.append((1, -SIDE_COST[1] - 2, 0, "ban hanh", ["chi_dao.van_ban_chi_dao"]))
    if noun in ("tỷ đồng", "triệu đồng") and (m := _PLANNED_CAPITAL.search(before)) and (
            re.search(r"\bgiai ngan\b", folded[e:]) or re.search(r"\bduoc giao\b", m.group(0))):
        # "Vốn đầu tư công năm 2026 của tỉnh là 6.240 tỷ đồng, 6 tháng giải ngân 2.108", "Tổng vốn đầu tư công được giao
        # năm 2026 là 6.240 tỷ đồng": the plan (its spending after, or said given)
        out.append((0, -SIDE_COST[0] - 2, 0, "von dau tu cong", ["tai_chinh.von_dau_tu_ke_hoach"]))
    if noun in (None, "tài khoản") and re.search(r"\bchi tieu\b[^.;\d]{0,40}\b(?:tai khoan|dinh danh)\b[^.;\d]*$", left):
        # "Chỉ tiêu tài khoản định danh tỉnh giao 16.000": a target of accounts, not tasks set from above
        out.append((0, -SIDE_COST[0] - 2, 0, "chi tieu dinh danh", ["cds.tai_khoan_dinh_danh_chi_tieu"]))
    if _NEW_AFTER_CARRIED.search(before):  # "(kỳ trước chuyển sang 54, mới 1.332, …)": "mới" beside the carried-over
        out.append((0, -SIDE_COST[0] - 2, 0, "moi", ["tthc.ho_so_moi"]))
    if noun == "cơ quan" and _CHECKED_AT.search(before):  # "kiểm tra CCHC 4 cuộc tại 9 cơ quan": the places checked
        out.append((0, 0, 0, "kiem tra tai", ["chi_dao.co_quan_duoc_kiem_tra"]))
    elif _CHECKED_PLACE.search(before) and _PLACE_WORD.match(folded, e):
        # "kiểm tra CCHC tại 3 đơn vị sự nghiệp trực thuộc": the places an inspection went to, not how many there are
        out.append((0, -SIDE_COST[0] - 2, 0, "kiem tra tai", ["chi_dao.co_quan_duoc_kiem_tra"]))
    if noun in (None, "người", "nhiệm vụ") and re.search(r"\b(?:duoc\s+)?giao\s*$", left) and (line := _QUOTA_LABEL.match(sentence)):
        # "Công chức xã: giao 22, có mặt 20", "Viên chức: được giao 310", "Nhiệm vụ cấp trên: giao 8": what the line counts
        out.append((0, -SIDE_COST[0] - 2, 0, "giao", ["chi_dao.nhiem_vu_cap_tren_giao" if line.group(2) else
                                                      "to_chuc.vien_chuc_giao" if line.group(1) else "to_chuc.bien_che_giao"]))
    if re.fullmatch(r"\s*trong (?:thoi )?han\s*", left) and _RESOLVED_BEFORE.search(before):
        # "Giải quyết xong 5.540, trong hạn 5.531, quá hạn 9": of those resolved, the ones within the time limit
        out.append((0, -SIDE_COST[0] - 2, 0, "dung han", ["tthc.ho_so_dung_han_tong"]))
    if noun == "người" and STAFF.match(folded, e) and "bien che" in sentence and before.endswith("co "):
        out.append((1, 0, 0, "co", ["to_chuc.bien_che_co_mat"]))  # "có 38 công chức trên tổng số 40 biên chế"
    if noun == "người" and (staff := STAFF.match(folded, e)) and _STAFF_NOW.search(before):
        # "Hiện đặc khu có 38 công chức, 12 viên chức": the staff in post, by the noun each count carries
        key = "to_chuc.vien_chuc_co_mat" if "vien chuc" in staff.group(0) else "to_chuc.bien_che_co_mat"
        out.append((1, -SIDE_COST[1] - 2, 0, "hien co", [key]))
    if noun in ("người", "lượt người") and STAFF.match(folded, e) and STAFF_TRAINING.search(before) \
            and not re.search(r"\b(?:pho bien|tuyen truyen)\b", before):  # "tập huấn, phổ biến pháp luật cho …": reached
        out.append((3, 0, 0, "boi duong", ["cong_vu.boi_duong"]))  # "Bồi dưỡng chuyên môn, nghiệp vụ cho 45 cán bộ"
    said_from = max((m.end() for m in _STOP.finditer(folded, 0, e)), default=0)  # its sentence
    if noun == "vấn đề" and re.search(r"\bkiem tra\b", folded[said_from:e]) and not left.strip() and re.match(r"\s*(?:[;,.\n]|$)", folded[noun_end:]):
        # "Kết quả kiểm tra: 9 đơn vị được kiểm tra; 11 tồn tại; …": a clause of the count and its noun alone, in a
        # sentence about an inspection, counts what it found (not "còn 3 tồn tại chưa khắc phục": words of its own)
        out.append((0, -SIDE_COST[0] - 2, 0, "phat hien", ["chi_dao.van_de_phat_hien"]))
    return out
