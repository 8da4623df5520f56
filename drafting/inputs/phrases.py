"""The words officials use around a figure, folded (no diacritics, lower case), so that text typed
without diacritics and OCR text read the same as clean text.

PHRASES: a phrase → the figures it may name (one or several; the reader chooses by the noun after
the number, the section and the sentence). UNIT_NOUNS: a noun after a number → the unit it counts.
Data only: the reader in figure_text.py holds the rules."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.figures.schema import DERIVED, FIELD_BY_KEY, SUM_RULES

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
                                   "chuyen sang nam sau", "chuyen sang ky sau", "chuyen ky sau", "chuyen nam sau",
                                   "chuyen sang quy sau", "chuyen tiep sang ky sau", "chuyen tiep sang nam sau"],
    "tthc.ho_so_tam_dung": ["tam dung", "tam dung giai quyet", "tam dung de bo sung"],  # not amended procedures
    "tthc.ho_so_tra_lai": ["tra lai", "hoan tra"],
    "tthc.ho_so_rut": ["rut", "rut ho so", "huy"],
    "tthc.van_ban_xin_loi": ["xin loi", "thu xin loi", "van ban xin loi"],
    "tthc.dvc_toan_trinh": ["toan trinh", "dich vu cong toan trinh", "truc tuyen toan trinh"],
    "tthc.dvc_mot_phan": ["mot phan", "dich vu cong mot phan"],
    "tthc.ho_so_co_phi": ["le phi", "co thu phi", "co thu phi, le phi", "thu phi, le phi", "phat sinh phi", "co phi", "phi, le phi", "thu phi"],
    "tthc.thanh_toan_truc_tuyen": ["thanh toan online", "thanh toan truc tuyen", "thanh toan qua mang", "thanh toan khong dung tien mat",
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
                            "pho bien giao duc phap luat", "giao duc phap luat"],
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
