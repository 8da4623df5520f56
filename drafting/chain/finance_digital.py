"""Sections II.5 and II.6 — public finance, and digital government — from the official's counts: revenue and capital
against what was given, audit recommendations, documents sent and signed electronically, identity accounts against
their target, ISO 9001. Mixed into the deterministic writer (writer.py)."""

from __future__ import annotations

from drafting.chain.grounding import slot
from drafting.models import Paragraph


class FinanceDigitalSentences:
    """Uses the writer's has, val, noun and _with_facts."""

    def section_II_5(self) -> list[Paragraph]:
        p = []
        if self.has("tai_chinh.thu_ngan_sach_thuc_hien"):
            scope = self.noun("tai_chinh.thu_ngan_sach_thuc_hien", "")  # "trên địa bàn tỉnh", as the official said
            t = f"Thu ngân sách nhà nước {scope} đạt {slot('tai_chinh.thu_ngan_sach_thuc_hien')} triệu đồng".replace("  ", " ")
            if self.has("tai_chinh.thu_ngan_sach_du_toan"):  # the base said once, beside the result
                t += f" trên dự toán được giao {slot('tai_chinh.thu_ngan_sach_du_toan')} triệu đồng"
            if self.has("tai_chinh.ty_le_thu_ngan_sach"):
                t += f", bằng {slot('tai_chinh.ty_le_thu_ngan_sach')} dự toán"
            p.append(Paragraph(text=t + "."))
        if self.has("tai_chinh.von_dau_tu_giai_ngan"):
            scope = self.noun("tai_chinh.von_dau_tu_giai_ngan", "")  # "của tỉnh": whose money, as the official said
            t = f"Giải ngân vốn đầu tư công {scope} đạt {slot('tai_chinh.von_dau_tu_giai_ngan')} triệu đồng".replace("  ", " ")
            if self.has("tai_chinh.von_dau_tu_ke_hoach"):
                t += f" trên kế hoạch vốn được giao {slot('tai_chinh.von_dau_tu_ke_hoach')} triệu đồng"
            if self.has("tai_chinh.ty_le_giai_ngan"):
                t += f", bằng {slot('tai_chinh.ty_le_giai_ngan')} kế hoạch"
            p.append(Paragraph(text=t + "."))
        if self.has("tai_chinh.kien_nghi_thanh_tra"):
            if self.val("tai_chinh.kien_nghi_thanh_tra") == 0:
                p.append(Paragraph(text="Trong kỳ không có kiến nghị của thanh tra, kiểm tra, kiểm toán nhà nước về tài chính, ngân sách."))
            else:
                t = f"Có {slot('tai_chinh.kien_nghi_thanh_tra')} kiến nghị sau thanh tra, kiểm tra, kiểm toán về tài chính"
                if self.has("tai_chinh.kien_nghi_da_thuc_hien"):
                    t += f", đã thực hiện {slot('tai_chinh.kien_nghi_da_thuc_hien')} kiến nghị"
                p.append(Paragraph(text=t + "."))
        return self._with_facts("II.5", p)

    def section_II_6(self) -> list[Paragraph]:
        p = []
        if self.has("cds.van_ban_dien_tu"):
            t = f"Đã gửi {slot('cds.van_ban_dien_tu')} văn bản đi dưới dạng điện tử"
            if self.has("cds.van_ban_ky_so"):
                t += f", trong đó {slot('cds.van_ban_ky_so')} văn bản có chữ ký số"
                if self.has("cds.ty_le_ky_so"):
                    t += f" (đạt {slot('cds.ty_le_ky_so')})"
            p.append(Paragraph(text=t + "."))
        if self.has("cds.tai_khoan_dinh_danh"):
            t = f"Đã kích hoạt {slot('cds.tai_khoan_dinh_danh')} tài khoản định danh điện tử"
            if self.has("cds.tai_khoan_dinh_danh_chi_tieu"):
                t += f" trên chỉ tiêu {slot('cds.tai_khoan_dinh_danh_chi_tieu')} tài khoản được giao"
            if self.has("cds.ty_le_dinh_danh"):
                t += f", đạt {slot('cds.ty_le_dinh_danh')}"
            p.append(Paragraph(text=t + "."))
        if self.has("cds.iso_ap_dung"):
            where = self.noun("cds.iso_ap_dung", "trong hoạt động của cơ quan")  # "tại tất cả các phòng, đơn vị"
            p.append(Paragraph(text=(f"Duy trì áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015 {where}."
                                     if self.val("cds.iso_ap_dung") else
                                     "Chưa áp dụng hệ thống quản lý chất lượng theo tiêu chuẩn TCVN ISO 9001:2015.")))
        return self._with_facts("II.6", p)
