"""The figure schema: every field the report knows (label, unit, outline section, kind), the areas,
the figures derived in code and the integrity rules between fields.

A figure's key is "<area>.<field>" ("tthc.ho_so_dung_han"); the same key is the slot the drafting
chain writes in prose ({tthc.ho_so_dung_han}) and the row the workbook carries. Every field is
optional: a commune fills what it has."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel

Kind = Literal["count", "percent", "amount", "flag"]


def in_sentence(label: str) -> str:
    """A label inside a sentence: "hồ sơ mới tiếp nhận", but "TTHC cấp tỉnh" keeps the capitals of its acronym."""
    return label if label.split(" ", 1)[0].isupper() else label[:1].lower() + label[1:]


class FieldSpec(BaseModel):
    key: str
    label: str
    unit: str
    section: str  # outline key: "I", "II.1" … "II.6"
    kind: Kind = "count"
    hint: str = ""

    @property
    def area(self) -> str:
        return self.key.split(".", 1)[0]


class Area(BaseModel):
    key: str
    section: str
    title: str  # also the workbook sheet name (≤ 31 characters)


AREAS: list[Area] = [
    Area(key="chi_dao", section="I", title="I. Chỉ đạo, điều hành"),
    Area(key="the_che", section="II.1", title="II.1 Cải cách thể chế"),
    Area(key="tthc", section="II.2", title="II.2 Cải cách TTHC"),
    Area(key="to_chuc", section="II.3", title="II.3 Tổ chức bộ máy"),
    Area(key="cong_vu", section="II.4", title="II.4 Chế độ công vụ"),
    Area(key="tai_chinh", section="II.5", title="II.5 Tài chính công"),
    Area(key="cds", section="II.6", title="II.6 Chính quyền số"),
]
AREA_BY_KEY = {a.key: a for a in AREAS}

_C = "count"
# the levels a province's figures break down into (the district level ends on 01/7/2025)
LEVEL_WORDS = (("tinh", "tỉnh"), ("huyen", "huyện"), ("xa", "xã"))
_LEVEL_HINTS = {"tinh": "Các sở, ban, ngành, Trung tâm Phục vụ hành chính công; báo cáo của tỉnh",
                "huyen": "Chỉ có trước 01/7/2025"}
# (key, label, unit, kind, hint) per area; the order is the workbook's and the appendix's.
_TABLE: dict[str, list[tuple[str, str, str, str, str]]] = {
    "chi_dao": [
        ("van_ban_chi_dao", "Văn bản chỉ đạo, điều hành về CCHC đã ban hành", "văn bản", _C, ""),
        ("hoi_nghi", "Hội nghị, cuộc họp về CCHC đã tổ chức", "cuộc", _C, ""),
        ("nhiem_vu_ke_hoach", "Nhiệm vụ trong kế hoạch CCHC năm", "nhiệm vụ", _C, ""),
        ("nhiem_vu_hoan_thanh", "Nhiệm vụ trong kế hoạch đã hoàn thành (lũy kế)", "nhiệm vụ", _C,
         "Không lớn hơn số nhiệm vụ trong kế hoạch"),
        ("cuoc_kiem_tra", "Cuộc kiểm tra CCHC đã tổ chức", "cuộc", _C, ""),
        ("co_quan_duoc_kiem_tra", "Cơ quan, đơn vị được kiểm tra CCHC", "cơ quan", _C, ""),
        ("van_de_phat_hien", "Vấn đề phát hiện qua kiểm tra", "vấn đề", _C, ""),
        ("van_de_da_xu_ly", "Vấn đề phát hiện đã xử lý xong", "vấn đề", _C, "Không lớn hơn số vấn đề phát hiện"),
        ("tin_bai", "Tin, bài tuyên truyền về CCHC", "tin, bài", _C, ""),
        ("buoi_tuyen_truyen", "Buổi tuyên truyền CCHC trực tiếp", "buổi", _C, ""),
        ("luot_nguoi_tuyen_truyen", "Lượt người tham gia tuyên truyền", "lượt người", _C, ""),
        ("chuong_trinh_phat_thanh", "Chương trình phát thanh, truyền hình về CCHC", "chương trình", _C, ""),
        ("doi_thoai", "Cuộc đối thoại của lãnh đạo với người dân, doanh nghiệp", "cuộc", _C, ""),
        ("nhiem_vu_cap_tren_giao", "Nhiệm vụ cấp trên giao", "nhiệm vụ", _C, ""),
        ("nhiem_vu_cap_tren_dung_han", "Nhiệm vụ cấp trên giao đã hoàn thành đúng hạn", "nhiệm vụ", _C, ""),
        ("nhiem_vu_cap_tren_qua_han", "Nhiệm vụ cấp trên giao hoàn thành quá hạn", "nhiệm vụ", _C, ""),
        ("nhiem_vu_cap_tren_chua_xong", "Nhiệm vụ cấp trên giao chưa hoàn thành", "nhiệm vụ", _C, ""),
        ("sang_kien", "Mô hình, sáng kiến mới về CCHC", "mô hình", _C, ""),
    ],
    "the_che": [
        ("vbqppl_ban_hanh", "Văn bản quy phạm pháp luật đã ban hành", "văn bản", _C, ""),
        ("vbqppl_kiem_tra", "Văn bản QPPL đã kiểm tra theo thẩm quyền", "văn bản", _C, ""),
        ("vbqppl_kiem_tra_phai_xu_ly", "Văn bản phải xử lý sau kiểm tra", "văn bản", _C, ""),
        ("vbqppl_kiem_tra_da_xu_ly", "Văn bản đã xử lý sau kiểm tra", "văn bản", _C, ""),
        ("vbqppl_ra_soat", "Văn bản QPPL đã rà soát", "văn bản", _C, ""),
        ("vbqppl_ra_soat_phai_xu_ly", "Văn bản phải xử lý sau rà soát", "văn bản", _C, ""),
        ("vbqppl_ra_soat_da_xu_ly", "Văn bản đã xử lý sau rà soát", "văn bản", _C, ""),
        ("pbgdpl_buoi", "Buổi tuyên truyền, phổ biến, giáo dục pháp luật", "buổi", _C, ""),
        ("pbgdpl_luot_nguoi", "Lượt người tham dự phổ biến, giáo dục pháp luật", "lượt người", _C, ""),
    ],
    "tthc": [
        ("tthc_ra_soat", "TTHC đã rà soát, đánh giá", "thủ tục", _C, ""),
        # proposed is not approved: "đề xuất đơn giản hóa 4 thủ tục" must not be written as "được phê duyệt"
        ("tthc_de_xuat_don_gian_hoa", "TTHC đề xuất phương án đơn giản hóa", "thủ tục", _C, ""),
        ("tthc_don_gian_hoa", "TTHC có phương án đơn giản hóa được phê duyệt", "thủ tục", _C, ""),
        ("tthc_cong_bo_moi", "TTHC công bố mới", "thủ tục", _C, ""),
        ("tthc_sua_doi", "TTHC sửa đổi, bổ sung", "thủ tục", _C, ""),
        ("tthc_bai_bo", "TTHC bãi bỏ, thay thế", "thủ tục", _C, ""),
        ("tthc_tong_so", "Tổng số TTHC thuộc thẩm quyền giải quyết", "thủ tục", _C,
         "Bằng tổng cấp tỉnh + cấp huyện + cấp xã nếu nhập đủ"),
        ("tthc_cap_tinh", "TTHC cấp tỉnh", "thủ tục", _C, ""),
        ("tthc_cap_huyen", "TTHC cấp huyện", "thủ tục", _C, "Chỉ có trước 01/7/2025"),
        ("tthc_cap_xa", "TTHC cấp xã", "thủ tục", _C, ""),
        ("tthc_lien_thong", "TTHC thực hiện liên thông", "thủ tục", _C, ""),
        ("tthc_phi_dia_gioi", "TTHC tiếp nhận không phụ thuộc địa giới hành chính", "thủ tục", _C, ""),
        ("ho_so_ky_truoc", "Hồ sơ kỳ trước chuyển sang", "hồ sơ", _C, ""),
        ("ho_so_truc_tuyen", "Hồ sơ mới tiếp nhận trực tuyến", "hồ sơ", _C, ""),
        ("ho_so_truc_tiep", "Hồ sơ mới tiếp nhận trực tiếp", "hồ sơ", _C, ""),
        ("ho_so_buu_chinh", "Hồ sơ mới tiếp nhận qua bưu chính công ích", "hồ sơ", _C, ""),
        ("ho_so_moi", "Hồ sơ mới tiếp nhận trong kỳ", "hồ sơ", _C, "= trực tuyến + trực tiếp + bưu chính"),
        ("ho_so_tiep_nhan", "Tổng số hồ sơ tiếp nhận (kể cả kỳ trước chuyển sang)", "hồ sơ", _C,
         "= đã giải quyết + đang giải quyết + tạm dừng + trả lại + rút"),
        ("ho_so_da_giai_quyet", "Hồ sơ đã giải quyết", "hồ sơ", _C, "= trước và đúng hạn + quá hạn"),
        ("ho_so_truoc_han", "Hồ sơ giải quyết trước hạn", "hồ sơ", _C, ""),
        ("ho_so_dung_han", "Hồ sơ giải quyết đúng hạn", "hồ sơ", _C, ""),
        ("ho_so_dung_han_tong", "Hồ sơ giải quyết trước và đúng hạn", "hồ sơ", _C,
         "= trước hạn + đúng hạn; nhập trực tiếp nếu không tách riêng"),
        ("ho_so_qua_han", "Hồ sơ giải quyết quá hạn", "hồ sơ", _C, ""),
        # per level, for a province's report (report-outline III.3.1–3.3: on-time rate per level)
        *(row for lv, word in LEVEL_WORDS for row in (
            (f"ho_so_da_giai_quyet_cap_{lv}", f"Hồ sơ đã giải quyết ở cấp {word}", "hồ sơ", _C, _LEVEL_HINTS.get(lv, "")),
            (f"ho_so_dung_han_cap_{lv}", f"Hồ sơ cấp {word} giải quyết trước và đúng hạn", "hồ sơ", _C,
             _LEVEL_HINTS.get(lv, "") if lv == "huyen" else ""))),
        ("ho_so_dang_giai_quyet", "Hồ sơ đang giải quyết", "hồ sơ", _C, ""),
        ("ho_so_tam_dung", "Hồ sơ tạm dừng giải quyết", "hồ sơ", _C, ""),
        ("ho_so_tra_lai", "Hồ sơ trả lại", "hồ sơ", _C, ""),
        ("ho_so_rut", "Hồ sơ công dân rút, hủy", "hồ sơ", _C, ""),
        ("van_ban_xin_loi", "Văn bản xin lỗi vì hồ sơ quá hạn", "văn bản", _C, ""),
        ("dvc_toan_trinh", "Dịch vụ công trực tuyến toàn trình", "thủ tục", _C, ""),
        ("dvc_mot_phan", "Dịch vụ công trực tuyến một phần", "thủ tục", _C, ""),
        # the portal computes it over dossiers of full-process services, which this table does not count
        ("ty_le_toan_trinh", "Tỷ lệ hồ sơ trực tuyến toàn trình", "%", "percent",
         "Từ 0 đến 100; theo số liệu Cổng Dịch vụ công (không tính lại được từ biểu này)"),
        ("ho_so_co_phi", "Hồ sơ phát sinh phí, lệ phí", "hồ sơ", _C, ""),
        ("thanh_toan_truc_tuyen", "Hồ sơ thanh toán trực tuyến", "hồ sơ", _C, "Không lớn hơn số hồ sơ phát sinh phí"),
        ("ho_so_so_hoa", "Hồ sơ được số hóa khi tiếp nhận", "hồ sơ", _C, ""),
        ("ket_qua_so_hoa", "Kết quả giải quyết được số hóa", "hồ sơ", _C, "Không lớn hơn số hồ sơ đã giải quyết"),
        ("pakn_tiep_nhan", "Phản ánh, kiến nghị về quy định hành chính tiếp nhận", "phản ánh", _C, ""),
        ("pakn_da_xu_ly", "Phản ánh, kiến nghị đã xử lý", "phản ánh", _C, ""),
        ("phieu_khao_sat", "Phiếu khảo sát mức độ hài lòng thu về", "phiếu", _C, ""),
        ("ty_le_hai_long", "Tỷ lệ hài lòng", "%", "percent", "Từ 0 đến 100"),
    ],
    "to_chuc": [
        ("don_vi_su_nghiep", "Đơn vị sự nghiệp công lập", "đơn vị", _C, ""),
        ("don_vi_su_nghiep_giam", "Đơn vị sự nghiệp giảm trong kỳ", "đơn vị", _C, ""),
        ("bien_che_giao", "Biên chế công chức được giao", "người", _C, ""),
        ("bien_che_co_mat", "Công chức có mặt", "người", _C, "Không lớn hơn biên chế được giao"),
        ("hop_dong_lao_dong", "Hợp đồng lao động trong cơ quan hành chính", "người", _C, ""),
        ("tinh_gian", "Người tinh giản biên chế trong kỳ", "người", _C, ""),
        ("vien_chuc_giao", "Số người làm việc được giao (sự nghiệp)", "người", _C, ""),
        ("vien_chuc_co_mat", "Viên chức có mặt", "người", _C, ""),
    ],
    "cong_vu": [
        ("tuyen_dung_cong_chuc", "Công chức được tuyển dụng", "người", _C, ""),
        ("tuyen_dung_vien_chuc", "Viên chức được tuyển dụng", "người", _C, ""),
        ("bo_nhiem", "Người được bổ nhiệm", "người", _C, ""),
        ("bo_nhiem_lai", "Người được bổ nhiệm lại", "người", _C, ""),
        ("chuyen_doi_vi_tri", "Người được chuyển đổi vị trí công tác", "người", _C, ""),
        ("ky_luat", "Cán bộ, công chức, viên chức bị kỷ luật", "người", _C, ""),
        ("dao_tao_ly_luan", "Người được đào tạo lý luận chính trị", "người", _C, ""),
        ("boi_duong", "Lượt người được bồi dưỡng chuyên môn, nghiệp vụ", "lượt người", _C, ""),
    ],
    "tai_chinh": [
        ("thu_ngan_sach_du_toan", "Dự toán thu ngân sách được giao", "triệu đồng", "amount", ""),
        ("thu_ngan_sach_thuc_hien", "Thu ngân sách thực hiện", "triệu đồng", "amount", ""),
        ("von_dau_tu_ke_hoach", "Kế hoạch vốn đầu tư công", "triệu đồng", "amount", ""),
        ("von_dau_tu_giai_ngan", "Vốn đầu tư công đã giải ngân", "triệu đồng", "amount",
         "Không lớn hơn kế hoạch vốn"),
        ("kien_nghi_thanh_tra", "Kiến nghị thanh tra, kiểm toán về tài chính", "kiến nghị", _C, ""),
        ("kien_nghi_da_thuc_hien", "Kiến nghị thanh tra, kiểm toán đã thực hiện", "kiến nghị", _C, ""),
    ],
    "cds": [
        ("van_ban_dien_tu", "Văn bản đi dưới dạng điện tử", "văn bản", _C, ""),
        ("van_ban_ky_so", "Văn bản điện tử có chữ ký số", "văn bản", _C, "Không lớn hơn số văn bản điện tử"),
        ("tai_khoan_dinh_danh", "Tài khoản định danh điện tử đã kích hoạt", "tài khoản", _C, ""),
        ("tai_khoan_dinh_danh_chi_tieu", "Chỉ tiêu tài khoản định danh điện tử", "tài khoản", _C, ""),
        ("iso_ap_dung", "Áp dụng hệ thống quản lý chất lượng TCVN ISO 9001:2015 (1 = có, 0 = không)",
         "có/không", "flag", "1 = có, 0 = không"),
    ],
}

FIELDS: list[FieldSpec] = [
    FieldSpec(key=f"{area}.{name}", label=label, unit=unit, section=AREA_BY_KEY[area].section, kind=kind,
              hint=hint)
    for area, rows in _TABLE.items() for name, label, unit, kind, hint in rows
]
FIELD_BY_KEY = {f.key: f for f in FIELDS}


class Derived(BaseModel):
    key: str
    label: str
    unit: str
    section: str
    formula: str  # in words, for the appendix and the official
    inputs: list[str]


def _d(key, label, unit, formula, inputs) -> Derived:
    return Derived(key=key, label=label, unit=unit, section=AREA_BY_KEY[key.split(".")[0]].section,
                   formula=formula, inputs=inputs)


DERIVED: list[Derived] = [
    _d("chi_dao.ty_le_hoan_thanh_ke_hoach", "Tỷ lệ hoàn thành kế hoạch CCHC", "%",
       "nhiệm vụ hoàn thành / nhiệm vụ trong kế hoạch", ["chi_dao.nhiem_vu_hoan_thanh", "chi_dao.nhiem_vu_ke_hoach"]),
    _d("chi_dao.ty_le_van_de_xu_ly", "Tỷ lệ vấn đề phát hiện qua kiểm tra đã xử lý", "%",
       "vấn đề đã xử lý / vấn đề phát hiện", ["chi_dao.van_de_da_xu_ly", "chi_dao.van_de_phat_hien"]),
    _d("chi_dao.ty_le_nhiem_vu_cap_tren_dung_han", "Tỷ lệ nhiệm vụ cấp trên giao hoàn thành đúng hạn", "%",
       "đúng hạn / nhiệm vụ được giao", ["chi_dao.nhiem_vu_cap_tren_dung_han", "chi_dao.nhiem_vu_cap_tren_giao"]),
    _d("the_che.ty_le_xu_ly_sau_kiem_tra", "Tỷ lệ văn bản đã xử lý sau kiểm tra", "%",
       "đã xử lý / phải xử lý", ["the_che.vbqppl_kiem_tra_da_xu_ly", "the_che.vbqppl_kiem_tra_phai_xu_ly"]),
    _d("the_che.ty_le_xu_ly_sau_ra_soat", "Tỷ lệ văn bản đã xử lý sau rà soát", "%",
       "đã xử lý / phải xử lý", ["the_che.vbqppl_ra_soat_da_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly"]),
    _d("tthc.ty_le_dung_han", "Tỷ lệ hồ sơ giải quyết trước và đúng hạn", "%",
       "(trước hạn + đúng hạn) / đã giải quyết", ["tthc.ho_so_dung_han_tong", "tthc.ho_so_da_giai_quyet"]),
    *(_d(f"tthc.ty_le_dung_han_cap_{lv}", f"Tỷ lệ hồ sơ cấp {word} giải quyết trước và đúng hạn", "%",
         f"trước và đúng hạn / đã giải quyết, cấp {word}", [f"tthc.ho_so_dung_han_cap_{lv}", f"tthc.ho_so_da_giai_quyet_cap_{lv}"])
      for lv, word in LEVEL_WORDS),
    _d("tthc.ty_le_qua_han", "Tỷ lệ hồ sơ giải quyết quá hạn", "%", "quá hạn / đã giải quyết",
       ["tthc.ho_so_qua_han", "tthc.ho_so_da_giai_quyet"]),
    _d("tthc.ty_le_truc_tuyen", "Tỷ lệ hồ sơ tiếp nhận trực tuyến", "%", "trực tuyến / hồ sơ mới tiếp nhận",
       ["tthc.ho_so_truc_tuyen", "tthc.ho_so_moi"]),
    # the other common base (official's choice, ReportMeta.online_base): dossiers carried over included
    _d("tthc.ty_le_truc_tuyen_tong", "Tỷ lệ hồ sơ trực tuyến trên tổng số hồ sơ tiếp nhận", "%",
       "trực tuyến / tổng số hồ sơ tiếp nhận (kể cả kỳ trước chuyển sang)", ["tthc.ho_so_truc_tuyen", "tthc.ho_so_tiep_nhan"]),
    _d("tthc.ty_le_so_hoa", "Tỷ lệ hồ sơ được số hóa khi tiếp nhận", "%", "hồ sơ số hóa / hồ sơ mới tiếp nhận",
       ["tthc.ho_so_so_hoa", "tthc.ho_so_moi"]),
    _d("tthc.ty_le_ket_qua_so_hoa", "Tỷ lệ kết quả giải quyết được số hóa", "%", "kết quả số hóa / đã giải quyết",
       ["tthc.ket_qua_so_hoa", "tthc.ho_so_da_giai_quyet"]),
    _d("tthc.ty_le_thanh_toan_truc_tuyen", "Tỷ lệ hồ sơ thanh toán trực tuyến", "%",
       "thanh toán trực tuyến / hồ sơ phát sinh phí", ["tthc.thanh_toan_truc_tuyen", "tthc.ho_so_co_phi"]),
    _d("tthc.ty_le_pakn_xu_ly", "Tỷ lệ phản ánh, kiến nghị đã xử lý", "%", "đã xử lý / tiếp nhận",
       ["tthc.pakn_da_xu_ly", "tthc.pakn_tiep_nhan"]),
    _d("tai_chinh.ty_le_thu_ngan_sach", "Tỷ lệ thu ngân sách so với dự toán", "%", "thực hiện / dự toán",
       ["tai_chinh.thu_ngan_sach_thuc_hien", "tai_chinh.thu_ngan_sach_du_toan"]),
    _d("tai_chinh.ty_le_giai_ngan", "Tỷ lệ giải ngân vốn đầu tư công", "%", "giải ngân / kế hoạch vốn",
       ["tai_chinh.von_dau_tu_giai_ngan", "tai_chinh.von_dau_tu_ke_hoach"]),
    _d("cds.ty_le_ky_so", "Tỷ lệ văn bản điện tử có chữ ký số", "%", "văn bản ký số / văn bản điện tử",
       ["cds.van_ban_ky_so", "cds.van_ban_dien_tu"]),
    _d("cds.ty_le_dinh_danh", "Tỷ lệ tài khoản định danh so với chỉ tiêu", "%", "đã kích hoạt / chỉ tiêu",
       ["cds.tai_khoan_dinh_danh", "cds.tai_khoan_dinh_danh_chi_tieu"]),
]
DERIVED_BY_KEY = {d.key: d for d in DERIVED}
# levels at the end of a period (or running totals the report states as such): comparable with a previous period of
# another length. Counts of what happened in the period are not — the periods are cumulative from 15/12 of the
# year before (Nghị định 09/2019, Điều 12: 6 tháng from 15/12 to 14/6), so 6 months always "grow" over quý I
LEVELS = {"tthc.tthc_tong_so", "tthc.tthc_cap_tinh", "tthc.tthc_cap_huyen", "tthc.tthc_cap_xa", "tthc.tthc_lien_thong",
          "tthc.tthc_phi_dia_gioi", "tthc.dvc_toan_trinh", "tthc.dvc_mot_phan", "tthc.ho_so_dang_giai_quyet",
          "to_chuc.don_vi_su_nghiep", "to_chuc.bien_che_giao", "to_chuc.bien_che_co_mat", "to_chuc.hop_dong_lao_dong",
          "to_chuc.vien_chuc_giao", "to_chuc.vien_chuc_co_mat", "cds.tai_khoan_dinh_danh",
          "cds.tai_khoan_dinh_danh_chi_tieu", "chi_dao.nhiem_vu_ke_hoach", "chi_dao.nhiem_vu_hoan_thanh"}
# parts that are often not reported separately: a total can be derived without them
OPTIONAL_PARTS = {"tthc.ho_so_tam_dung", "tthc.ho_so_rut", "tthc.ho_so_buu_chinh",
                  "tthc.tthc_cap_huyen", "tthc.ho_so_dang_giai_quyet", "tthc.ho_so_tra_lai",
                  "tthc.ho_so_da_giai_quyet_cap_huyen", "tthc.ho_so_dung_han_cap_huyen"}

# Totals that equal the sum of their parts. When every part is given the equality is checked; when some
# are missing the parts may only fall short of the total.
SUM_RULES: list[tuple[str, list[str]]] = [
    ("tthc.ho_so_dung_han_tong", ["tthc.ho_so_truoc_han", "tthc.ho_so_dung_han"]),
    ("tthc.ho_so_da_giai_quyet", ["tthc.ho_so_dung_han_tong", "tthc.ho_so_qua_han"]),
    ("tthc.ho_so_moi", ["tthc.ho_so_truc_tuyen", "tthc.ho_so_truc_tiep", "tthc.ho_so_buu_chinh"]),
    ("tthc.ho_so_tiep_nhan", ["tthc.ho_so_ky_truoc", "tthc.ho_so_moi"]),
    ("tthc.ho_so_tiep_nhan", ["tthc.ho_so_da_giai_quyet", "tthc.ho_so_dang_giai_quyet", "tthc.ho_so_tam_dung",
                              "tthc.ho_so_tra_lai", "tthc.ho_so_rut"]),
    ("tthc.tthc_tong_so", ["tthc.tthc_cap_tinh", "tthc.tthc_cap_huyen", "tthc.tthc_cap_xa"]),
    ("tthc.ho_so_da_giai_quyet", [f"tthc.ho_so_da_giai_quyet_cap_{lv}" for lv, _ in LEVEL_WORDS]),
    ("tthc.ho_so_dung_han_tong", [f"tthc.ho_so_dung_han_cap_{lv}" for lv, _ in LEVEL_WORDS]),
    ("chi_dao.nhiem_vu_cap_tren_giao", ["chi_dao.nhiem_vu_cap_tren_dung_han", "chi_dao.nhiem_vu_cap_tren_qua_han",
                                        "chi_dao.nhiem_vu_cap_tren_chua_xong"]),
]
# the totals whose parts are the same count level by level (cấp tỉnh, huyện, xã)
LEVEL_SUM_RULES = [(t, parts) for t, parts in SUM_RULES if all(p.rsplit("_cap_", 1)[-1] in ("tinh", "huyen", "xa")
                                                               and "_cap_" in p for p in parts)]
# Totals whose parts leave nothing out: a dossier resolved was resolved on time (or before) or late. Given the whole
# and one part, the other is their difference — arithmetic on the official's figures, done in code.
PARTITIONS: list[tuple[str, tuple[str, str]]] = [
    ("tthc.ho_so_da_giai_quyet", ("tthc.ho_so_dung_han_tong", "tthc.ho_so_qua_han")),
]
# part ≤ whole; severity "warning" where exceeding is possible but worth a second look.
PART_RULES: list[tuple[str, str, str]] = [
    ("chi_dao.nhiem_vu_hoan_thanh", "chi_dao.nhiem_vu_ke_hoach", "error"),
    ("chi_dao.van_de_da_xu_ly", "chi_dao.van_de_phat_hien", "error"),
    ("the_che.vbqppl_kiem_tra_phai_xu_ly", "the_che.vbqppl_kiem_tra", "error"),
    ("the_che.vbqppl_kiem_tra_da_xu_ly", "the_che.vbqppl_kiem_tra_phai_xu_ly", "error"),
    ("the_che.vbqppl_ra_soat_phai_xu_ly", "the_che.vbqppl_ra_soat", "error"),
    ("the_che.vbqppl_ra_soat_da_xu_ly", "the_che.vbqppl_ra_soat_phai_xu_ly", "error"),
    ("tthc.ho_so_da_giai_quyet", "tthc.ho_so_tiep_nhan", "error"),
    ("tthc.ho_so_dung_han", "tthc.ho_so_da_giai_quyet", "error"),
    ("tthc.ho_so_truoc_han", "tthc.ho_so_da_giai_quyet", "error"),
    ("tthc.ho_so_qua_han", "tthc.ho_so_da_giai_quyet", "error"),
    *((f"tthc.ho_so_dung_han_cap_{lv}", f"tthc.ho_so_da_giai_quyet_cap_{lv}", "error") for lv, _ in LEVEL_WORDS),
    ("tthc.ho_so_ky_truoc", "tthc.ho_so_tiep_nhan", "error"),
    ("tthc.thanh_toan_truc_tuyen", "tthc.ho_so_co_phi", "error"),
    ("tthc.ket_qua_so_hoa", "tthc.ho_so_da_giai_quyet", "error"),
    ("tthc.ho_so_so_hoa", "tthc.ho_so_tiep_nhan", "error"),
    ("tthc.pakn_da_xu_ly", "tthc.pakn_tiep_nhan", "error"),
    ("tthc.tthc_lien_thong", "tthc.tthc_tong_so", "error"),
    ("tthc.dvc_toan_trinh", "tthc.tthc_tong_so", "error"),
    ("to_chuc.bien_che_co_mat", "to_chuc.bien_che_giao", "warning"),
    ("to_chuc.vien_chuc_co_mat", "to_chuc.vien_chuc_giao", "warning"),
    ("to_chuc.don_vi_su_nghiep_giam", "to_chuc.don_vi_su_nghiep", "error"),
    ("tai_chinh.von_dau_tu_giai_ngan", "tai_chinh.von_dau_tu_ke_hoach", "error"),
    ("tai_chinh.kien_nghi_da_thuc_hien", "tai_chinh.kien_nghi_thanh_tra", "error"),
    ("cds.van_ban_ky_so", "cds.van_ban_dien_tu", "error"),
]


def _fold(text: str) -> str:
    from corpus.text import fold_lower

    return " ".join(fold_lower(text).split())


_BY_LABEL: dict[str, str] = {}


def key_for_label(text: str, area: str | None = None) -> str | None:
    """The figure a table row names: tables show labels, never keys, so a row is read back by its label
    (case, diacritics and spacing aside); a key typed by hand is accepted too. None when nothing matches."""
    if not _BY_LABEL:
        _BY_LABEL.update({_fold(x.label): x.key for x in [*FIELDS, *DERIVED]})
    text = " ".join(str(text or "").split())
    key = text if text in FIELD_BY_KEY or text in DERIVED_BY_KEY else _BY_LABEL.get(_fold(text))
    if key and area and not key.startswith(area + "."):
        return None
    return key


def label_of(key: str) -> str:
    spec = FIELD_BY_KEY.get(key) or DERIVED_BY_KEY.get(key)
    return spec.label if spec else key


# where two bases are common for the online rate, the official chooses (ReportMeta.online_base); "" = over new
ONLINE_BASES = {"hồ sơ mới tiếp nhận": "tthc.ty_le_truc_tuyen", "tổng số hồ sơ tiếp nhận": "tthc.ty_le_truc_tuyen_tong"}
ONLINE_PHRASE = {"tthc.ty_le_truc_tuyen": "trên tổng số hồ sơ mới tiếp nhận trong kỳ",
                 "tthc.ty_le_truc_tuyen_tong": "trên tổng số hồ sơ tiếp nhận, kể cả hồ sơ kỳ trước chuyển sang"}


def online_rate_keys(base: str, known: set[str] | dict | None = None) -> tuple[str, str]:
    """(the online rate the report states, the other one) for the official's chosen base. With no choice made,
    the rate over new dossiers, or the one over all received when only that one can be computed (`known`)."""
    chosen = ONLINE_BASES.get(base or "hồ sơ mới tiếp nhận", "tthc.ty_le_truc_tuyen")
    other = next(k for k in ONLINE_BASES.values() if k != chosen)
    if not base and known is not None and chosen not in known and other in known:
        chosen, other = other, chosen
    return chosen, other
