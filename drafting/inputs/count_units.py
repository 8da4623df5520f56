"""What a count counts: the noun right after a number → its unit, which units fit which figure, the people
who came to the events just counted, the levels a text names ("cấp tỉnh/huyện/xã") and who a count of people is.
Folded words (no diacritics, lower case), as in phrases.py. Data and small lookups only."""

from __future__ import annotations

import re

from drafting.figures.schema import FIELD_BY_KEY, SUM_RULES

# the noun right after a number → the unit it counts (folded, longest first)
UNIT_NOUNS: list[tuple[str, str]] = sorted([
    ("ho so", "hồ sơ"), ("hs", "hồ sơ"), ("bo ho so", "hồ sơ"), ("hd so", "hồ sơ"), ("ho s0", "hồ sơ"),
    ("phan anh", "phản ánh"), ("pakn", "phản ánh"), ("y kien phan anh", "phản ánh"),
    # "tiếp nhận 207 trường hợp phản ánh, kiến nghị": cases of complaints, no dossiers
    ("truong hop phan anh", "phản ánh"), ("luot phan anh", "phản ánh"), ("truong hop kien nghi", "phản ánh"),
    ("van ban", "văn bản"), ("ban ban", "văn bản"), ("vb", "văn bản"), ("bao cao", "văn bản"),
    ("ke hoach", "văn bản"), ("quyet dinh", "văn bản"), ("cong van", "văn bản"), ("nghi quyet", "văn bản"),
    ("chi thi", "văn bản"),
    ("thu tuc", "thủ tục"), ("tthc", "thủ tục"), ("dich vu cong", "thủ tục"), ("dvc", "thủ tục"),
    ("luot nguoi", "lượt người"), ("luot", "lượt người"), ("nguoi", "người"), ("nguoi lam viec", "người"), ("cong chuc", "người"),
    ("vien chuc", "người"), ("can bo", "người"), ("truong hop", "trường hợp"), ("giao vien", "người"), ("bac si", "người"),
    ("nhan su", "người"), ("dong chi", "người"), ("cong dan", "người"), ("hoc vien", "người"), ("luot hoc vien", "lượt người"),
    ("nhiem vu", "nhiệm vụ"), ("cuoc", "cuộc"), ("hoi nghi", "cuộc"), ("buoi", "buổi"), ("lop", "buổi"),
    ("tin bai", "tin, bài"), ("tin, bai", "tin, bài"), ("tin", "tin, bài"), ("bai", "tin, bài"), ("ban tin", "tin, bài"),
    ("phieu", "phiếu"), ("co quan", "cơ quan"), ("don vi", "cơ quan"), ("tai khoan", "tài khoản"),
    ("trieu dong", "triệu đồng"), ("trieu", "triệu đồng"), ("ty dong", "tỷ đồng"), ("dong", "đồng"),
    # "3 đợt kiểm tra", "4 dự thảo": units no figure counts; "58 biên chế"; "tại 5 xã, phường": the places checked
    # "03 Quyết định công bố danh mục TTHC": the decisions announce procedures; they are no legal documents counted
    ("quyet dinh cong bo", "quyết định công bố"),
    ("dot kiem tra", "cuộc"), ("doan kiem tra", "cuộc"), ("dot", "đợt"),
    # "3 đợt (ra quân) tuyên truyền": campaigns of outreach in person, counted as its sessions are
    ("dot tuyen truyen", "buổi"), ("dot ra quan tuyen truyen", "buổi"), ("doan", "đoàn"), ("du thao", "dự thảo"), ("bien che", "người"), ("xa, phuong", "cơ quan"), ("xa", "cơ quan"),
    # "giảm 3 phòng chuyên môn": a unit's own divisions, which may be inspected but are no public service units
    ("phong chuyen mon", "phòng, ban"), ("phong, ban", "phòng, ban"), ("co quan chuyen mon", "phòng, ban"),
    # "tại 12 sở, ngành và 20 xã, phường": a province's departments checked, as its communes are
    ("so, nganh", "cơ quan"), ("so, ban, nganh", "cơ quan"),
    ("phong", "phòng, ban"), ("phong ban", "phòng, ban"), ("ban chuyen mon", "phòng, ban"), ("thi tran", "cơ quan"),
    ("phuong", "cơ quan"), ("benh vien", "cơ quan"), ("truong hoc", "cơ quan"),
    # schools by kind ("tại 15 trường THPT"); never a bare "truong", which folds "trưởng" (heads of divisions) too
    ("truong thpt", "cơ quan"), ("truong thcs", "cơ quan"), ("truong tieu hoc", "cơ quan"), ("truong mam non", "cơ quan"),
    ("truong mau giao", "cơ quan"), ("truong trung hoc", "cơ quan"), ("truong pho thong", "cơ quan"),
    ("truong cao dang", "cơ quan"), ("truong trung cap", "cơ quan"), ("truong dai hoc", "cơ quan"), ("ubnd", "cơ quan"),
    ("uy ban nhan dan", "cơ quan"),
    # a department's inspections: notary offices, law firms, companies, centres — places checked, as agencies are
    ("phong cong chung", "cơ quan"), ("van phong cong chung", "cơ quan"), ("to chuc hanh nghe", "cơ quan"),
    ("doanh nghiep", "cơ quan"), ("hop tac xa", "cơ quan"), ("hop thu", "thiết bị"), ("hom thu", "thiết bị"), ("trung tam", "cơ quan"), ("tram y te", "cơ quan"), ("mo hinh", "mô hình"), ("sang kien", "mô hình"), ("chuong trinh", "chương trình"),
    ("phong su", "chương trình"), ("chuyen muc", "chương trình"),
    # "Đài truyền thanh xã phát 24 lượt tin về CCHC": broadcasts, not people
    ("luot tin", "chương trình"), ("luot phat", "chương trình"), ("luot phat song", "chương trình"),
    # "2,4 triệu lượt khám", "520 nghìn lượt khách": no amount of money, no figure of the report
    ("trieu luot", "triệu lượt"), ("nghin luot", "nghìn lượt"), ("luot ho so", "hồ sơ"),
    # "1 ngày hội tuyên truyền dịch vụ công tại chợ": an event the official tells, which no figure counts
    ("ngay hoi", "ngày hội"),
    # "bố trí thêm 1 máy tính tại Bộ phận Một cửa": equipment, which no figure counts
    *((w, "thiết bị") for w in ("may tinh", "may in", "may scan", "may quet", "thiet bi", "camera", "man hinh", "kiosk",
                                "may lay so", "may photocopy")),
    ("thu", "văn bản"),  # "ban hành 12 thư xin lỗi tổ chức, cá nhân": letters of apology
    ("van de", "vấn đề"), ("thieu sot", "vấn đề"), ("han che", "vấn đề"), ("ton tai", "vấn đề"),
    ("y kien", "phản ánh"),
    ("kien nghi", "kiến nghị"),
    # "kiến nghị xử lý tài chính 5 nội dung", "phát hiện 3 nội dung cần chấn chỉnh": findings, never dossiers or people
    ("noi dung", "nội dung"),
    # "ban hành 15 thông báo kết luận kiểm tra": the findings of inspections, no directing documents
    ("thong bao ket luan", "thông báo kết luận"), ("ket luan kiem tra", "thông báo kết luận"),
    ("phuong an", "phương án"),  # "phê duyệt 4 phương án (đơn giản hóa)": one per procedure
    ("ket qua", "hồ sơ"), ("ket qua giai quyet", "hồ sơ"),  # "số hóa 1.152 kết quả giải quyết": of dossiers
    # "có 45 hộ tham dự": households, which no figure counts
    ("ho", "hộ"), ("ho dan", "hộ"), ("ho kinh doanh", "hộ"), ("ho gia dinh", "hộ"),
    # "hướng dẫn cài đặt VNeID tại 6 ấp": hamlets and residential groups are places, as communes are — counted only
    # as the places inspected ("kiểm tra CCHC tại 4 thôn"), never as accounts or people
    ("ap", "cơ quan"), ("thon", "cơ quan"), ("xom", "cơ quan"), ("khu pho", "cơ quan"), ("to dan pho", "cơ quan"),
    ("khom", "cơ quan"), ("thon, ban", "cơ quan"), ("thon, to dan pho", "cơ quan"),
    # "tại 22 bản" (the villages of the northern mountains); "2.860 bản sao" are copies, no figure's count
    ("ban", "cơ quan"), ("ban sao", "bản sao"),
], key=lambda x: -len(x[0]))
# units that count the same things
# "6 trường hợp": cases of whatever the sentence counts — people ("tinh giản 2 trường hợp") or dossiers ("hồ sơ quá hạn 6
# trường hợp")
_SAME = {"người": {"người", "lượt người"}, "lượt người": {"người", "lượt người"},
         "trường hợp": {"người", "lượt người", "hồ sơ", "phản ánh"},
         "buổi": {"buổi", "cuộc"}, "cuộc": {"cuộc", "buổi"},
         "cơ quan": {"cơ quan", "đơn vị"}, "đơn vị": {"cơ quan", "đơn vị"}, "phòng, ban": {"phòng, ban", "cơ quan"},
         "kiến nghị": {"kiến nghị", "phản ánh"}, "vấn đề": {"vấn đề"}, "phương án": {"thủ tục"},
         "nội dung": {"kiến nghị", "vấn đề"}}


# the people who attended the events just counted ("21 hội nghị phổ biến pháp luật cho 1.860 lượt cán bộ")
COMPANIONS = {"the_che.pbgdpl_buoi": "the_che.pbgdpl_luot_nguoi",
              "chi_dao.buoi_tuyen_truyen": "chi_dao.luot_nguoi_tuyen_truyen"}
# figures also counted by what they cover: one apology letter per late dossier ("xin lỗi cho cả 17 hồ sơ", "12
# trường hợp"); one identity account per person ("18.240 người dân kích hoạt tài khoản")
# one answer per person asked ("2.031 lượt khảo sát")
_ALSO_COUNTED_AS = {"tthc.van_ban_xin_loi": {"hồ sơ", "người"}, "cds.tai_khoan_dinh_danh": {"người"},
                    "cds.tai_khoan_dinh_danh_chi_tieu": {"người"}, "tthc.phieu_khao_sat": {"lượt người"}}


def unit_fits(key: str, unit: str) -> bool:
    same = _SAME.get(unit, {unit})
    return FIELD_BY_KEY[key].unit in same or bool(same & _ALSO_COUNTED_AS.get(key, set()))


# "cấp tỉnh/huyện/xã" ("cấp thị xã", "cấp quận" are the district level); OCR reads "cdp huyen"
LEVEL_NAMED = r"c[adeo4]p (tinh|huyen|xa|thi xa|quan)\b"
# "TTHC thuộc thẩm quyền giải quyết của huyện là 287, cấp xã 114": the district's own procedures
_LEVEL_WORD = re.compile(rf"\b{LEVEL_NAMED}|\b(trung tam phuc vu hanh chinh cong)\b|"
                         r"\btham quyen (?:giai quyet )?(?:cua )?(?:ubnd )?(huyen|tinh|xa)\b(?!\s*(?:va|,)\s*(?:cap |cac )?(?:huyen|tinh|xa)\b)")


def levels_in(folded: str) -> list[str]:
    """The levels a folded text names, in order: "cấp tỉnh/huyện/xã" ("cấp thị xã", "cấp quận" are the district
    level); the Trung tâm Phục vụ hành chính công is the province's desk."""
    return [{"thi xa": "huyen", "quan": "huyen"}.get(m.group(1), m.group(1)) or m.group(3) or "tinh"
            for m in _LEVEL_WORD.finditer(folded)]


# a total and its part for one level: ("tthc.ho_so_da_giai_quyet", "huyen") → "tthc.ho_so_da_giai_quyet_cap_huyen"
LEVEL_PART = {(total, m.group(1)): part for total, parts in SUM_RULES for part in parts
               if (m := re.search(r"cap_(tinh|huyen|xa)$", part))}
LEVEL_TOTALS = {total for total, _ in LEVEL_PART}


# who a count of people is: the unit's staff (trained) or the public (reached by outreach); folded words after the number
STAFF = re.compile(r"\s*(?:luot\s+)?(?:can bo|cong chuc|vien chuc)\b")
PUBLIC = re.compile(r"\s*(?:luot\s+)?(?:nguoi dan|ho dan|ho gia dinh|cong dan|doanh nghiep|ho kinh doanh)\b")
STAFF_TRAINING = re.compile(r"\b(?:boi duong|tap huan|dao tao)\b")
