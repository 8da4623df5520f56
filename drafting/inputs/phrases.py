"""The words officials use around a figure, folded (no diacritics, lower case), so that text typed
without diacritics and OCR text read the same as clean text.

PHRASES: a phrase → the figures it may name (one or several; the reader chooses by the noun after
the number, the section and the sentence); what a number counts is in count_units.py.
Data only: the reader in figure_text.py holds the rules."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.figures.schema import DERIVED, FIELD_BY_KEY

# "đạt 96% chỉ tiêu", "bằng 78% dự toán": a percentage measured against the base named after it is a result — neither a
# target (target_text) nor a threshold (figure_text): the words before the number and the words after it
RESULT_LEAD = re.compile(r"\b(?:dat|bang)\s*$")
BASE_NAMED = re.compile(r"\s*%?\s*(?:so voi\s+)?(?:chi tieu|ke hoach|du toan)\b")

# a rate only the portal computes: "tỷ lệ hồ sơ trực tuyến toàn trình đạt 56,3%" is the official's figure, taken as said
_FULL_PROCESS = ("truc tuyen toan trinh", "ho so truc tuyen toan trinh", "ty le truc tuyen toan trinh",
                 "ty le ho so truc tuyen toan trinh", "ty le ho so nop truc tuyen toan trinh")
_PHRASES: dict[str, list[str]] = {
    "tthc.ho_so_tiep_nhan": ["tiep nhan", "nhan va xu ly", "tiep nhan va xu ly", "tong so ho so tiep nhan trong ky",
                             "tong so ho so tiep nhan", "tong ho so", "tong so ho so", "nhan", "phai giai quyet",
                             "tong so ho so da tiep nhan", "so ho so tiep nhan", "da tiep nhan", "nhan duoc",
                             "tong cong", "tiep nhan giai quyet", "tiep nhan va giai quyet",
                             "tiep nhan, giai quyet", "thu ly", "da thu ly", "cong don"],  # "nhận mới 8.214, cộng dồn 8.271"
    "tthc.ho_so_ky_truoc": ["chuyen qua", "ky truoc chuyen sang", "chuyen sang", "ton ky truoc", "ky truoc chuyen qua", "ton dong",
                            "ton tu ky truoc", "tu ky truoc chuyen sang",
                            "chuyen sang giai quyet", "ky truoc chuyen sang giai quyet", "ton tu nam truoc",
                            "nam truoc chuyen sang", "tu nam truoc chuyen sang", "ton nam truoc",
                            "ton chuyen tu ky truoc", "ton chuyen", "chuyen tu ky truoc", "ton chuyen sang",
                            "ton tu nam"],  # "hồ sơ tồn từ năm 2025 là 12": last year by its number
    "tthc.ho_so_moi": ["moi nhan", "nhan moi", "moi nhan trong ky", "tiep nhan moi", "moi tiep nhan", "ho so moi", "phat sinh moi", "moi phat sinh",
                       "phat sinh trong ky", "tiep nhan trong ky", "phat sinh"],  # "Sở phát sinh 2.318 hồ sơ": new ones
    "tthc.ho_so_truc_tuyen": ["online", "nop online", "truc tuyen", "tiep nhan truc tuyen", "nop truc tuyen", "qua mang", "nop qua mang",
                              "dich vu cong truc tuyen", "qua cong dich vu cong", "qua moi truong mang", "tren moi truong mang"],
    "tthc.ho_so_truc_tiep": ["tai quay", "truc tiep tai quay", "nop tai quay", "truc tiep", "tiep nhan truc tiep", "nop truc tiep", "tai bo phan mot cua"],
    "tthc.ho_so_buu_chinh": ["buu chinh", "qua buu chinh", "buu chinh cong ich"],
    "tthc.ho_so_da_giai_quyet": ["da giai quyet", "giai quyet", "giai quyet xong", "da tra ket qua", "tra ket qua",
                                 # "Số hồ sơ đã có kết quả (giải quyết) là 352"
                                 "da co ket qua", "ho so da co ket qua", "da co ket qua giai quyet",
                                 "da xu ly xong", "giai quyet duoc"],
    "tthc.ho_so_dung_han_tong": ["dung va som han", "dung, som han", "som, dung han", "truoc va dung han", "dung va truoc han", "dung han va truoc han",
                                 "truoc, dung han", "dung han", "som va dung han", "truoc han va dung han",
                                 "dung hoac truoc han", "dung, truoc han",
                                 "dung hen", "tra dung hen", "tra ket qua dung hen", "dung va truoc hen",
                                 # "1.414 hồ sơ giải quyết trước và đúng hạn": the verb after the noun with its timing
                                 "giai quyet dung han", "giai quyet truoc va dung han", "giai quyet dung va truoc han",
                                 "giai quyet dung han va truoc han", "giai quyet truoc han va dung han",
                                 # "đúng và trước thời hạn 630 hồ sơ" (never "đúng thời hạn" alone: "bổ sung không đúng …")
                                 "dung va truoc thoi han", "truoc va dung thoi han", "giai quyet dung thoi han",
                                 "giai quyet dung va truoc thoi han", "giai quyet truoc va dung thoi han"],
    "tthc.ho_so_truoc_han": ["truoc han", "som han", "som hon hen", "giai quyet truoc han", "giai quyet som han"],
    "tthc.ho_so_qua_han": ["qua han", "tre han", "cham", "tre hen", "cham tra", "tre", "giai quyet qua han",
                           "giai quyet tre han"],  # "7 hồ sơ giải quyết quá hạn" are the late ones, not all solved
    "tthc.ho_so_dang_giai_quyet": ["dang giai quyet", "dang xu ly", "chua den han", "chua den han giai quyet", "trong han", "chua giai quyet",
                                   "dang trong thoi han", "dang trong thoi han giai quyet", "dang trong han", "dang tham dinh", "chua den han tra ket qua", "ton cuoi ky",
                                   "dang trong thoi gian xu ly", "dang trong thoi gian giai quyet", "dang trong han giai quyet",
                                   "trong han giai quyet", "trong thoi han giai quyet",  # carried over: still being resolved
                                   # "còn 96 hồ sơ chuyển sang kỳ sau giải quyết": passed on to the next period, unresolved
                                   "chuyen sang ky sau", "chuyen ky sau", "chuyen sang ky toi", "chuyen sang quy sau",
                                   "chuyen sang ky sau giai quyet", "chuyen ky sau giai quyet", "tiep tuc giai quyet",
                                   "chuyen sang nam sau", "chuyen sang ky sau", "chuyen ky sau", "chuyen nam sau",
                                   "chuyen sang quy sau", "chuyen tiep sang ky sau", "chuyen tiep sang nam sau"],
    "tthc.ho_so_tam_dung": ["tam dung", "tam dung giai quyet", "tam dung de bo sung"],  # not amended procedures
    "tthc.ho_so_tra_lai": ["tra lai", "hoan tra"],
    "tthc.ho_so_rut": ["rut", "rut ho so", "huy"],
    "tthc.van_ban_xin_loi": ["xin loi", "thu xin loi", "van ban xin loi"],
    "tthc.dvc_toan_trinh": ["toan trinh", "dich vu cong toan trinh", "truc tuyen toan trinh"],
    "tthc.dvc_mot_phan": ["mot phan", "dich vu cong mot phan"],
    "tthc.ho_so_co_phi": ["le phi", "co thu phi", "co thu phi, le phi", "thu phi, le phi", "phat sinh phi", "co phi", "phi, le phi", "thu phi"],
    # "thu phí trực tuyến 1.034 giao dịch": fees collected online are fees paid online
    "tthc.thanh_toan_truc_tuyen": ["thu phi truc tuyen", "thu phi, le phi truc tuyen", "nop phi truc tuyen", "thanh toan online", "thanh toan truc tuyen", "thanh toan qua mang", "thanh toan khong dung tien mat",
                                   "thanh toan phi, le phi truc tuyen", "thanh toan phi, le phi",
                                   "thanh toan phi le phi truc tuyen", "thanh toan qua cong dich vu cong",
                                   "thanh toan qua cong", "thanh toan truc tuyen qua cong dich vu cong", "thanh toan qua dvc", "thanh toan qua dich vu cong",
                                   "thanh toan truc tuyen qua cong", "nop phi, le phi truc tuyen",
                                   "phi, le phi truc tuyen", "nop phi truc tuyen", "nop le phi truc tuyen",
                                   "le phi truc tuyen", "thanh toan truc tuyen phi, le phi"],
    "tthc.ho_so_so_hoa": ["so hoa", "so hoa ho so", "ho so so hoa", "duoc so hoa", "so hoa ho so khi tiep nhan",
                           "so hoa khi tiep nhan", "so hoa ho so tiep nhan", "so hoa ho so tiep nhan duoc"],
    "tthc.ket_qua_so_hoa": ["ket qua so hoa", "so hoa ket qua", "so hoa ket qua giai quyet",
                            "ket qua giai quyet duoc so hoa"],
    "tthc.pakn_tiep_nhan": ["phan anh", "phan anh, kien nghi", "pakn", "phan anh kien nghi"],
    "tthc.pakn_da_xu_ly": ["da xu ly phan anh", "pakn da xu ly", "giai dap", "da tra loi, giai dap", "tra loi"],
    "tthc.phieu_khao_sat": ["phieu khao sat", "phieu", "khao sat", "luot khao sat"],
    "tthc.ty_le_hai_long": ["hai long", "muc do hai long", "ty le hai long"],
    "tthc.ty_le_toan_trinh": [*_FULL_PROCESS],
    "tthc.tthc_cong_bo_moi": ["cong bo moi", "ban hanh moi", "tthc moi", "thu tuc moi"],  # "trong đó 58 TTHC mới"
    "tthc.tthc_sua_doi": ["sua doi, bo sung", "sua doi", "thu tuc sua doi", "bo sung"],
    "tthc.tthc_bai_bo": ["bai bo", "thay the"],
    "tthc.tthc_tong_so": ["tong so thu tuc", "tong so tthc", "thu tuc hanh chinh thuoc tham quyen", "dang ap dung",
                          "thuoc tham quyen giai quyet", "tong cong thu tuc", "dang thuc hien", "tthc thuoc tham quyen"],
    "tthc.tthc_lien_thong": ["lien thong"],
    "tthc.tthc_phi_dia_gioi": ["khong phu thuoc vao dia gioi hanh chinh", "khong phu thuoc dia gioi",
                               "khong phu thuoc vao dia gioi", "phi dia gioi"],
    "tthc.tthc_don_gian_hoa": ["don gian hoa", "phe duyet phuong an don gian hoa", "phuong an don gian hoa duoc phe duyet"],
    "tthc.tthc_de_xuat_don_gian_hoa": ["de xuat don gian hoa", "de nghi don gian hoa", "kien nghi don gian hoa",
                                       "de xuat phuong an don gian hoa", "de nghi phuong an don gian hoa",
                                       "kien nghi phuong an don gian hoa", "xay dung phuong an don gian hoa"],
    "tthc.tthc_ra_soat": ["ra soat, danh gia", "ra soat thu tuc", "ra soat tthc", "ra soat, danh gia thu tuc"],
    "chi_dao.van_ban_chi_dao": ["van ban chi dao", "van ban chi dao, dieu hanh", "ban hanh van ban", "ban hanh",
                                "van ban cac loai", "ban ban cac loai"],
    "chi_dao.hoi_nghi": ["hoi nghi", "cuoc hop", "to chuc hop", "hop", "giao ban"],
    "chi_dao.nhiem_vu_ke_hoach": ["nhiem vu ke hoach", "nhiem vu trong ke hoach", "nhiem vu", "ke hoach de ra",
                                  "tong so nhiem vu"],
    "chi_dao.nhiem_vu_hoan_thanh": ["hoan thanh", "nhiem vu hoan thanh", "da hoan thanh", "da xong", "xong"],
    "chi_dao.cuoc_kiem_tra": ["cuoc kiem tra", "dot kiem tra", "cuoc kiem tra cchc", "dot kiem tra cchc",
                              "cuoc kiem tra cai cach hanh chinh", "dot kiem tra cai cach hanh chinh", "doan kiem tra",
                              "doan kiem tra cchc"],
    "chi_dao.co_quan_duoc_kiem_tra": ["kiem tra", "co quan duoc kiem tra", "don vi duoc kiem tra", "kiem tra tai"],
    # "qua kiểm tra đã nhắc nhở, chấn chỉnh 03 tồn tại, đến nay đã khắc phục cả 03": those pointed out are found
    # "qua kiểm tra chấn chỉnh 9 tồn tại, đến nay đã khắc phục 7", "kiến nghị khắc phục 27 nội dung": found, the fix asked
    "chi_dao.van_de_phat_hien": ["phat hien", "van de phat hien", "chi ra", "nhac nho, chan chinh", "nhac nho",
                                 "qua kiem tra chan chinh", "kien nghi khac phuc", "de nghi khac phuc", "yeu cau khac phuc"],
    "chi_dao.van_de_da_xu_ly": ["khac phuc", "da khac phuc", "khac phuc xong", "da khac phuc xong", "chan chinh",
                                "da khac phuc ca", "khac phuc ca",
                                "da chan chinh", "chan chinh xong", "da chan chinh xong"],
    "chi_dao.tin_bai": ["tin bai", "tin, bai", "dang tai", "bai viet"],
    "chi_dao.buoi_tuyen_truyen": ["buoi tuyen truyen", "tuyen truyen", "buoi truyen thong", "truyen thong truc tiep"],
    "chi_dao.luot_nguoi_tuyen_truyen": ["tham gia", "tham du", "nguoi nghe"],
    "chi_dao.doi_thoai": ["doi thoai"],
    "chi_dao.chuong_trinh_phat_thanh": ["phat thanh", "chuong trinh phat thanh", "chuong trinh", "truyen hinh",
                                        "phong su", "chuyen muc", "truyen thanh", "dai truyen thanh", "buoi phat thanh"],
    "chi_dao.sang_kien": ["sang kien", "mo hinh"],
    # "1 nhiệm vụ hoàn thành nhưng quá hạn": late, though done
    "chi_dao.nhiem_vu_cap_tren_qua_han": ["hoan thanh nhung qua han", "hoan thanh nhung tre han", "hoan thanh qua han",
                                          "hoan thanh tre han", "hoan thanh cham", "hoan thanh nhung cham"],
    # "UBND thành phố giao phường 8 nhiệm vụ": a centrally-run city is a ward's upper level, as a province is a commune's
    "chi_dao.nhiem_vu_cap_tren_giao": ["cap tren giao", "duoc giao", "nhiem vu duoc giao", "huyen giao", "tinh giao",
                                       "cap tren giao cho", "thanh pho giao", "trung uong giao", "chinh phu giao"],
    "the_che.vbqppl_ban_hanh": ["van ban quy pham", "vbqppl", "van ban qppl"],
    # "Kiểm tra theo thẩm quyền 68 văn bản quy phạm pháp luật": the check of documents by the unit's own authority
    "the_che.vbqppl_kiem_tra": ["kiem tra van ban", "kiem tra theo tham quyen", "tu kiem tra theo tham quyen"],
    "the_che.vbqppl_kiem_tra_phai_xu_ly": ["phai xu ly", "phai sua doi", "can xu ly", "phai sua"],
    "the_che.vbqppl_ra_soat": ["ra soat", "ra soat van ban"],
    # "06 hội nghị phổ biến, giáo dục pháp luật": the meetings were law dissemination sessions
    "the_che.pbgdpl_buoi": ["pho bien, giao duc phap luat", "pho bien phap luat", "tuyen truyen phap luat",
                            "hoi nghi pho bien", "hoi nghi tuyen truyen phap luat", "hoi nghi tuyen truyen, pho bien",
                            "pho bien giao duc phap luat", "giao duc phap luat",
                            # "9 lớp tập huấn, phổ biến pháp luật": a class whose subject is the law, not staff training
                            "tap huan, pho bien phap luat", "tap huan pho bien phap luat",
                            "tap huan, pho bien, giao duc phap luat", "tap huan, tuyen truyen phap luat"],
    "to_chuc.don_vi_su_nghiep": ["don vi su nghiep", "don vi su nghiep cong lap"],
    "to_chuc.bien_che_giao": ["bien che giao", "bien che duoc giao", "bien che", "cong chuc duoc giao", "chi tieu bien che", "dinh bien",
                              "so dinh bien"],
    "to_chuc.bien_che_co_mat": ["co mat", "cong chuc co mat", "hien co"],
    # "số lượng người làm việc" is the staffing of public service units (viên chức)
    "to_chuc.vien_chuc_giao": ["so nguoi lam viec", "so luong nguoi lam viec", "nguoi lam viec duoc giao",
                               "so nguoi lam viec duoc giao", "so luong nguoi lam viec duoc giao",
                               "don vi su nghiep duoc giao",  # "người làm việc trong các đơn vị sự nghiệp được giao 1.214"
                               "duoc giao nguoi lam viec", "giao nguoi lam viec"],  # "được giao 9.860 người làm việc"
    "to_chuc.vien_chuc_co_mat": ["vien chuc co mat", "vien chuc hien co", "hien co nguoi lam viec", "co mat nguoi lam viec"],
    "to_chuc.hop_dong_lao_dong": ["hop dong", "hop dong lao dong"],
    # "1 người nghỉ hưu theo Nghị định 178/2024/NĐ-CP": leaving under the streamlining policy of the 2025 restructuring
    "to_chuc.tinh_gian": ["tinh gian", "tinh gian bien che", "nghi huu theo nghi dinh 178", "nghi viec theo nghi dinh 178",
                          "nghi huu truoc tuoi", "nghi theo nghi dinh 178", "thoi viec theo nghi dinh 178"],
    "cong_vu.tuyen_dung_cong_chuc": ["tuyen dung", "tuyen dung cong chuc", "tuyen duoc", "thi tuyen duoc",
                                    "tuyen duoc cong chuc"],
    "cong_vu.tuyen_dung_vien_chuc": ["tuyen dung vien chuc", "tuyen duoc vien chuc", "tuyen dung giao vien", "tuyen dung bac si"],
    "cong_vu.bo_nhiem": ["bo nhiem"],
    "cong_vu.bo_nhiem_lai": ["bo nhiem lai"],
    "cong_vu.chuyen_doi_vi_tri": ["chuyen doi vi tri"],
    # the forms of discipline said instead of the word ("1 công chức bị khiển trách")
    "cong_vu.ky_luat": ["ky luat", "bi ky luat", "xu ly ky luat", "bi khien trach", "khien trach", "bi canh cao",
                        "canh cao", "bi ha bac luong", "bi cach chuc", "buoc thoi viec"],
    "cong_vu.boi_duong": ["tham gia cac lop boi duong", "tham gia boi duong", "boi duong", "dao tao, boi duong",
                          "tap huan", "dao tao boi duong"],
    "cong_vu.dao_tao_ly_luan": ["ly luan chinh tri"],
    "tai_chinh.thu_ngan_sach_du_toan": ["du toan thu", "du toan", "du toan thu ngan sach"],
    "tai_chinh.thu_ngan_sach_thuc_hien": ["thu dat", "thu ngan sach dat", "thu ngan sach", "thu ngan sach thuc hien",
                                          "thuc hien thu", "thu duoc", "thang thu", "nam thu"],  # "9 tháng thu 2.640 triệu"
    "tai_chinh.von_dau_tu_ke_hoach": ["ke hoach von", "von dau tu cong ke hoach", "giao von dau tu cong"],
    "tai_chinh.von_dau_tu_giai_ngan": ["giai ngan", "da giai ngan"],
    "tai_chinh.kien_nghi_da_thuc_hien": ["da thuc hien", "thuc hien xong"],
    # "Thanh tra tỉnh kiến nghị xử lý tài chính 5 nội dung": the findings to act on, whatever the official calls them
    "tai_chinh.kien_nghi_thanh_tra": ["kien nghi xu ly tai chinh", "kien nghi thu hoi", "kien nghi xu ly"],
    "cds.van_ban_dien_tu": ["van ban dien tu", "van ban di dien tu", "gui nhan dien tu", "van ban di dang dien tu",
                            "phat hanh dien tu", "van ban di phat hanh dien tu", "gui dien tu", "duoc gui dien tu",
                            "dang dien tu", "gui tren moi truong mang", "gui qua moi truong mang",
                            "gui nhan tren moi truong mang", "gui nhan qua moi truong mang",
                            "gui nhan van ban tren moi truong mang", "gui nhan van ban qua moi truong mang",
                            "gui tren moi truong dien tu", "gui nhan tren moi truong dien tu", "gui qua moi truong dien tu",
                            "gui nhan qua moi truong dien tu",
                            # "Văn bản đi trên môi trường điện tử của các cơ quan … là 312.450 văn bản"
                            "van ban di tren moi truong dien tu", "van ban di tren moi truong mang",
                            # "Văn bản đi trên hệ thống quản lý văn bản …: 1.640", "… văn bản đi … trên phần mềm quản lý văn bản"
                            "van ban di tren he thong", "van ban di tren he thong quan ly van ban", "tren phan mem quan ly van ban",
                            "van ban di tren he thong quan ly van ban va dieu hanh", "tren he thong quan ly van ban"],
    # "văn bản đi được ký số và gửi trên môi trường mạng là 3.417": documents both signed and sent are signed ones
    "cds.van_ban_ky_so": ["ky so", "chu ky so", "ky so va gui tren moi truong mang", "ky so va gui qua moi truong mang",
                         "ky so va gui nhan tren moi truong mang", "ky so va gui tren moi truong dien tu",
                         "ky so va gui nhan tren moi truong dien tu"],
    "cds.tai_khoan_dinh_danh": ["dinh danh", "tai khoan dinh danh", "vneid", "kich hoat"],
    "cds.tai_khoan_dinh_danh_chi_tieu": ["chi tieu dinh danh"],
}
# Phrases that name several figures: the noun after the number, the section and the other words of the
# sentence choose; when they cannot, the reader asks.
_SHARED: dict[str, list[str]] = {
    "tiep nhan": ["tthc.pakn_tiep_nhan"],
    "nhan": ["tthc.pakn_tiep_nhan"],
    "gui": ["tthc.pakn_tiep_nhan"],  # "người dân gửi 6 kiến nghị"
    "da tra loi": ["tthc.pakn_da_xu_ly"],  # "đã trả lời 25 phản ánh"; "cả 3 đã được trả lời"
    "da duoc tra loi": ["tthc.pakn_da_xu_ly"], "duoc tra loi": ["tthc.pakn_da_xu_ly"],
    "giam": ["to_chuc.don_vi_su_nghiep_giam"],  # "giảm 1 đơn vị (sự nghiệp)"
    "het hieu luc": ["the_che.vbqppl_ra_soat_phai_xu_ly"],  # "rà soát …, 3 văn bản hết hiệu lực": to deal with
    # "2 đơn vị sự nghiệp được sáp nhập trong năm": the units that ceased
    "duoc sap nhap": ["to_chuc.don_vi_su_nghiep_giam"], "sap nhap": ["to_chuc.don_vi_su_nghiep_giam"],
    "giai the": ["to_chuc.don_vi_su_nghiep_giam"], "duoc hop nhat": ["to_chuc.don_vi_su_nghiep_giam"],
    "hien con": ["to_chuc.don_vi_su_nghiep"],
    "con": ["to_chuc.don_vi_su_nghiep"],  # "giảm 9 đơn vị sự nghiệp, còn 398 đơn vị"
    "chi tieu": ["cds.tai_khoan_dinh_danh_chi_tieu"], "tong chi tieu": ["cds.tai_khoan_dinh_danh_chi_tieu"],  # "kích hoạt 25.640 tài khoản, đạt 91% chỉ tiêu 28.000"
    "gui den": ["tthc.pakn_tiep_nhan"],
    "hien co": ["to_chuc.vien_chuc_co_mat"],  # "hiện có 298 viên chức": the noun says which staff
    "co mat": ["to_chuc.vien_chuc_co_mat"],
    # "thực hiện 4 trên 5 kiến nghị"; "9 tháng thực hiện 142.760 triệu đồng" (of the budget's estimate)
    "phai thuc hien": ["tai_chinh.kien_nghi_thanh_tra"],  # "3 kiến nghị về tài chính phải thực hiện": the whole to do
    "thuc hien": ["tai_chinh.kien_nghi_da_thuc_hien", "tai_chinh.thu_ngan_sach_thuc_hien", "chi_dao.nhiem_vu_hoan_thanh"],
    # "tiếp nhận, xử lý 14 phản ánh": what came in, all of it handled; the count is of those received
    "tiep nhan, xu ly": ["tthc.pakn_tiep_nhan"], "tiep nhan va xu ly": ["tthc.pakn_tiep_nhan"],
    "cong bo": ["tthc.tthc_cong_bo_moi"],  # "công bố 9 thủ tục mới"
    # "công bố 41 TTHC (mới ban hành 9, …)": new, not a document issued; "(mới 64, sửa đổi 171, …)": the noun decides
    "moi ban hanh": ["tthc.tthc_cong_bo_moi"], "moi": ["tthc.tthc_cong_bo_moi", "tthc.ho_so_moi"],
    "dang": ["chi_dao.tin_bai"], "chia se": ["chi_dao.tin_bai"],  # "đăng 73 tin, bài", "chia sẻ 45 tin, bài trên Zalo"
    "giai quyet xong": ["tthc.pakn_da_xu_ly"],  # "22 phản ánh …, đã giải quyết xong 20"
    "da giai quyet xong": ["tthc.pakn_da_xu_ly"],
    # "kích hoạt 5.600 tài khoản, chỉ tiêu huyện giao 6.000": the target of what the sentence counts
    "chi tieu giao": ["cds.tai_khoan_dinh_danh_chi_tieu"],
    "chi tieu huyen giao": ["cds.tai_khoan_dinh_danh_chi_tieu"],
    "chi tieu tinh giao": ["cds.tai_khoan_dinh_danh_chi_tieu"],
    "chi tieu cap tren giao": ["cds.tai_khoan_dinh_danh_chi_tieu"],
    "da tiep nhan": ["tthc.pakn_tiep_nhan"],
    "da xu ly": ["tthc.pakn_da_xu_ly", "chi_dao.van_de_da_xu_ly", "the_che.vbqppl_kiem_tra_da_xu_ly",
                 "the_che.vbqppl_ra_soat_da_xu_ly", "tai_chinh.kien_nghi_da_thuc_hien"],
    "xu ly": ["tthc.pakn_da_xu_ly", "chi_dao.van_de_da_xu_ly", "the_che.vbqppl_kiem_tra_da_xu_ly",
              "the_che.vbqppl_ra_soat_da_xu_ly"],
    "giai quyet": ["tthc.pakn_da_xu_ly"],
    "dang giai quyet": ["tthc.tthc_tong_so"],  # "Sở đang giải quyết 112 thủ tục hành chính": the procedures it handles
    "da giai quyet": ["tthc.pakn_da_xu_ly"],
    "phai xu ly": ["the_che.vbqppl_ra_soat_phai_xu_ly"],
    "phai sua doi": ["the_che.vbqppl_ra_soat_phai_xu_ly"],
    # "có 4 văn bản cần sửa đổi", "05 văn bản cần bãi bỏ": found to be dealt with
    "can sua doi": ["the_che.vbqppl_kiem_tra_phai_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly"],
    "can bai bo": ["the_che.vbqppl_kiem_tra_phai_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly"],
    "can thay the": ["the_che.vbqppl_kiem_tra_phai_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly"],
    "can xu ly": ["the_che.vbqppl_ra_soat_phai_xu_ly"],
    "phai sua": ["the_che.vbqppl_ra_soat_phai_xu_ly"],
    "kiem tra": ["the_che.vbqppl_kiem_tra", "chi_dao.cuoc_kiem_tra"],  # "kiểm tra CCHC 4 cuộc": the noun says which
    "ban hanh": ["the_che.vbqppl_ban_hanh"],
    "hoan thanh": ["chi_dao.nhiem_vu_cap_tren_dung_han"],
    "da hoan thanh": ["chi_dao.nhiem_vu_cap_tren_dung_han"],
    "tuyen truyen": ["the_che.pbgdpl_buoi"],
    "tham gia": ["the_che.pbgdpl_luot_nguoi"],
    "tham du": ["the_che.pbgdpl_luot_nguoi"],
    "sua doi": ["the_che.vbqppl_kiem_tra_phai_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly"],
    # "phát hiện 2 văn bản trái pháp luật, đã sửa đổi 2": documents found and amended after a check or a review
    "phat hien": ["the_che.vbqppl_kiem_tra_phai_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly"],
    "da sua doi": ["the_che.vbqppl_kiem_tra_da_xu_ly", "the_che.vbqppl_ra_soat_da_xu_ly"],
    # "… cần sửa đổi, đã sửa đổi xong 1": documents amended, not a task finished
    "sua doi xong": ["the_che.vbqppl_kiem_tra_da_xu_ly", "the_che.vbqppl_ra_soat_da_xu_ly"],
    "sua doi, bo sung xong": ["the_che.vbqppl_kiem_tra_da_xu_ly", "the_che.vbqppl_ra_soat_da_xu_ly"],
    "bo sung xong": ["the_che.vbqppl_kiem_tra_da_xu_ly", "the_che.vbqppl_ra_soat_da_xu_ly"],  # (the clause after the comma)
    # "kiến nghị bãi bỏ 04 văn bản, đến nay UBND tỉnh đã bãi bỏ 03": proposed, then done
    "da bai bo": ["the_che.vbqppl_kiem_tra_da_xu_ly", "the_che.vbqppl_ra_soat_da_xu_ly"],
    # "qua rà soát đề nghị sửa đổi, bãi bỏ 11 văn bản": documents, not procedures, to be dealt with
    "sua doi, bai bo": ["the_che.vbqppl_kiem_tra_phai_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly"],
    "bai bo": ["the_che.vbqppl_kiem_tra_phai_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly"],
    # "kiến nghị sửa đổi, bổ sung, thay thế 9 văn bản": the last verb of the list, before the count
    "thay the": ["the_che.vbqppl_kiem_tra_phai_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly"],
    "he thong hoa": ["the_che.vbqppl_ra_soat"],  # "rà soát, hệ thống hóa 212 văn bản"
    "ra soat": ["tthc.tthc_ra_soat"],  # "đã rà soát 15 thủ tục": the noun says procedures, not documents
    "danh gia": ["tthc.tthc_ra_soat"],  # "rà soát, đánh giá 38 thủ tục"
    # "đề xuất phương án đơn giản hóa 6 thủ tục và được phê duyệt": approved after all
    "duoc phe duyet": ["tthc.tthc_don_gian_hoa"], "phe duyet": ["tthc.tthc_don_gian_hoa"], "da duoc phe duyet": ["tthc.tthc_don_gian_hoa"],
    "va duoc phe duyet": ["tthc.tthc_don_gian_hoa"], "va da duoc phe duyet": ["tthc.tthc_don_gian_hoa"],
    "bo sung": ["the_che.vbqppl_kiem_tra_phai_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly"],
    "giao duc phap luat": ["the_che.pbgdpl_luot_nguoi"],
    "kien nghi": ["tai_chinh.kien_nghi_thanh_tra", "tthc.pakn_tiep_nhan"],
    "ke hoach": ["tai_chinh.von_dau_tu_ke_hoach", "chi_dao.nhiem_vu_ke_hoach"],
    "cap xa": ["tthc.tthc_cap_xa"],
    "cap tinh": ["tthc.tthc_cap_tinh"],
    "cap huyen": ["tthc.tthc_cap_huyen"],
    "cap thi xa": ["tthc.tthc_cap_huyen"], "cap quan": ["tthc.tthc_cap_huyen"],  # a town's, a district's of a city
    "tre han": ["chi_dao.nhiem_vu_cap_tren_qua_han"],
    "qua han": ["chi_dao.nhiem_vu_cap_tren_qua_han"],
    "dung han": ["chi_dao.nhiem_vu_cap_tren_dung_han"],
    "chua hoan thanh": ["chi_dao.nhiem_vu_cap_tren_chua_xong"],
    "dang thuc hien": ["chi_dao.nhiem_vu_cap_tren_chua_xong"],
    "dang trien khai": ["chi_dao.nhiem_vu_cap_tren_chua_xong"], "dang lam": ["chi_dao.nhiem_vu_cap_tren_chua_xong"],
    # "1 nhiệm vụ chưa đến hạn", "2 nhiệm vụ đang thực hiện trong thời hạn": set from above, not done yet, not late
    "chua den han": ["chi_dao.nhiem_vu_cap_tren_chua_xong"], "trong han": ["chi_dao.nhiem_vu_cap_tren_chua_xong"],
    "trong thoi han": ["chi_dao.nhiem_vu_cap_tren_chua_xong"],
    "nguoi nghe": ["the_che.pbgdpl_luot_nguoi"],
    "ket qua giai quyet": ["tthc.ket_qua_so_hoa"],
    "xu ly xong": ["tthc.pakn_da_xu_ly", "chi_dao.van_de_da_xu_ly", "the_che.vbqppl_kiem_tra_da_xu_ly",
                   "the_che.vbqppl_ra_soat_da_xu_ly"],
}


def _primary() -> set[tuple[str, str]]:
    pairs = {(p, k) for k, ps in _PHRASES.items() for p in ps}
    return pairs | {(fold_lower(spec.label), k) for k, spec in FIELD_BY_KEY.items()}


# (phrase, key) pairs where the phrase is the figure's own; the other keys a phrase may name (_SHARED)
# need a noun that fits them ("tiếp nhận 5 phản ánh"), never the phrase alone
PRIMARY: set[tuple[str, str]] = _primary()


def _build() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for key, phrases in _PHRASES.items():
        for p in phrases:
            out.setdefault(p, []).append(key)
    for key, spec in FIELD_BY_KEY.items():
        label = fold_lower(spec.label)
        if key not in out.setdefault(label, []):
            out[label].append(key)
    for phrase, keys in _SHARED.items():
        for key in keys:
            if key not in out.setdefault(phrase, []):
                out[phrase].append(key)
    return out


PHRASE_KEYS: dict[str, list[str]] = _build()
# figures whose own words say "not yet" ("chưa giải quyết", "chưa hoàn thành"): a "chưa …" after them is theirs
NEGATED_KEYS = {k for phrase, keys in PHRASE_KEYS.items() if re.search(r"\bchua\b", phrase) for k in keys} | {
    "chi_dao.van_de_phat_hien"}  # "phát hiện 2 tổ dân phố chưa cập nhật bảng niêm yết": the fault found, in its words
# a count of what is not done yet, said after it: no figure of those done, nor of all of them
NOT_YET_AFTER = re.compile(r"(?:[\s,]*[a-z]+){0,3}?[\s,]*\bchua (?:duoc )?(?:xu ly|thuc hien|khac phuc|so hoa|giai quyet|hoan thanh|tra loi|chan chinh|ky so|"
                           r"cap nhat|cong khai|niem yet|kich hoat|thanh toan|tuyen dung|boi duong|ap dung)\b"
                           r"(?!(?:\s+(?!iso\b|tcvn\b)[a-z]+){0,2}\s+\d)")  # "…, chưa xử lý xong 4": the next count's words
NOT_YET = "số chưa làm xong (phần còn lại): biểu số liệu ghi số đã làm và tổng số, phần còn lại tính từ hai số đó"
# longest first: "truoc va dung han" before "dung han"
PHRASES: list[tuple[str, list[str]]] = sorted(PHRASE_KEYS.items(), key=lambda x: -len(x[0]))
# a stated rate named by its own words ("tỷ lệ giải quyết đúng hạn đạt 96,04%")
RATE_PHRASES: list[tuple[str, str]] = sorted(
    [(fold_lower(d.label), d.key) for d in DERIVED] + [
        ("ty le dung han", "tthc.ty_le_dung_han"), ("ty le giai quyet dung han", "tthc.ty_le_dung_han"),
        ("ty le ho so giai quyet dung han", "tthc.ty_le_dung_han"), ("giai quyet dung han", "tthc.ty_le_dung_han"),
        ("giai quyet truoc va dung han", "tthc.ty_le_dung_han"),
        ("dung han dat", "tthc.ty_le_dung_han"), ("ty le qua han", "tthc.ty_le_qua_han"),
        ("ty le ho so qua han", "tthc.ty_le_qua_han"), ("ty le ho so giai quyet qua han", "tthc.ty_le_qua_han"),
        ("ty le truc tuyen", "tthc.ty_le_truc_tuyen"), ("ty le ho so truc tuyen", "tthc.ty_le_truc_tuyen"),
        ("ty le so hoa", "tthc.ty_le_so_hoa"), ("ty le hoan thanh", "chi_dao.ty_le_hoan_thanh_ke_hoach"),
        ("ty le giai ngan", "tai_chinh.ty_le_giai_ngan"), ("ty le ky so", "cds.ty_le_ky_so"),
        ("ty le thanh toan truc tuyen", "tthc.ty_le_thanh_toan_truc_tuyen"),
        # "Mức độ hài lòng … đối với việc giải quyết TTHC đạt 97,60%": satisfaction, whatever the words between
        ("muc do hai long", "tthc.ty_le_hai_long"), ("ty le hai long", "tthc.ty_le_hai_long"),
        *((p, "tthc.ty_le_toan_trinh") for p in _FULL_PROCESS)],
    key=lambda x: -len(x[0]))
