"""The deterministic writer: a complete report from the official's figures, facts and targets and the law in force,
without any language model. It writes the same slots the LLM writes, so both paths go through the same filling and
grounding. It asserts nothing the official did not supply: sentences about figures that were not given are not
written, and a sentence no input supports is a marked proposal (Proposer)."""

from __future__ import annotations

import re
from decimal import Decimal

from corpus.text import fold_lower
from drafting.chain.assessment import Assessment
from drafting.chain.direction import COUNTED_DIALOGUE, COUNTED_OUTREACH, OUTREACH_KEYS, DirectionSentences
from drafting.chain.finance_digital import FinanceDigitalSentences
from drafting.chain.grounding import slot
from drafting.chain.proposer import Proposer
from drafting.chain.substance import SubstanceWriter, clause, placed_beside
from drafting.figures.facts import WITHIN_TIME_TASKS, Fact, Target
from drafting.figures.figureset import FigureSet, changes
from drafting.figures.schema import FIELD_BY_KEY, LEVEL_WORDS, ONLINE_PHRASE, online_rate_keys
from drafting.law.catalog import LawCatalog
from drafting.models import Citation, Paragraph, ReportMeta


class DeterministicWriter(DirectionSentences, FinanceDigitalSentences):
    def __init__(self, meta: ReportMeta, fs: FigureSet, law: LawCatalog, facts: list[Fact] | None = None,
                 targets: list[Target] | None = None, propose: Proposer | None = None):
        self.m = meta
        self.fs = fs
        self.law = law
        self.changes = changes(fs, period=meta.period, year=meta.year)
        self.changes_same = changes(fs, "same_period", meta.period, meta.year)
        self.citations: dict[str, list[Citation]] = {}
        self.facts = list(facts or [])
        self.propose = propose or Proposer()
        self.substance = SubstanceWriter(meta, self.facts)
        self.assessment = Assessment(meta, fs, self.facts, list(targets or []), self.propose)

    # helpers -----------------------------------------------------------------------------------
    def val(self, key: str) -> Decimal:
        return self.fs.get(key) or Decimal(0)

    def ch(self, key: str) -> str:
        # (a year report's last period and its same period of last year are one year: said once)
        found = list(dict.fromkeys(c.phrase(FIELD_BY_KEY[key].unit, bracketed=True)
                                   for c in (self.changes.get(key), self.changes_same.get(key)) if c))
        return f" ({'; '.join(found)})" if found else ""

    def channels(self) -> list[str]:
        """How the new dossiers came in: "trực tuyến {…} hồ sơ", …"""
        return [f"{w} {slot(k)} hồ sơ" for k, w in (("tthc.ho_so_truc_tuyen", "trực tuyến"), ("tthc.ho_so_truc_tiep", "trực tiếp"),
                                                      ("tthc.ho_so_buu_chinh", "qua bưu chính công ích")) if self.has(k)]

    def new_dossiers(self) -> str:
        return f"tiếp nhận mới trong kỳ {slot('tthc.ho_so_moi')} hồ sơ{self.ch('tthc.ho_so_moi')}"

    def cite(self, section: str, found) -> str:
        if not found:
            return ""
        text, cits = found
        # a section lists a document once, however often its writer runs (a model section falling back runs it twice)
        have = self.citations.setdefault(section, [])
        have += [c for c in cits if not any((c.number, c.article) == (h.number, h.article) for h in have)]
        return text

    @property
    def who(self) -> str:
        return f"Ủy ban nhân dân {self.m.locality}" if self.m.level in ("xã", "huyện", "tỉnh") else self.m.issuer

    @property
    def period(self) -> str:
        return self.m.period_text

    # sections ----------------------------------------------------------------------------------
    def opening(self) -> list[Paragraph]:
        basis = "; ".join(self.m.basis)
        lead = f"Thực hiện {basis}, " if basis else "Thực hiện chế độ báo cáo định kỳ về công tác cải cách hành chính, "
        return [Paragraph(text=f"{lead}{self.m.issuer} báo cáo kết quả thực hiện công tác cải cách hành chính (CCHC) "
                               f"{self.period} và phương hướng, nhiệm vụ {self.m.next_period_text} như sau:"),
                Paragraph(text=f"Số liệu trong báo cáo được tổng hợp {self.m.window.text(body=True)}"
                               f"{self.m.window.estimated_after(self.m.date)}.")]

    def section_I(self) -> list[Paragraph]:
        p: list[Paragraph] = []
        sub = self.substance
        sub.inspected = self.has("chi_dao.co_quan_duoc_kiem_tra") or self.has("chi_dao.cuoc_kiem_tra")
        sub.facts = self.with_count_slots(sub.facts, "I", ("chi_dao.doi_thoai",), COUNTED_DIALOGUE)[0]
        sub.facts, told = self.with_count_slots(sub.facts, "I", OUTREACH_KEYS, COUNTED_OUTREACH)
        # outreach activities are said in the sentence that counts the outreach, when there is one
        outreach = self.outreach(told, sub.spread())
        sub.spreading = bool(outreach)
        docs_sentence = None
        if self.has("chi_dao.van_ban_chi_dao"):
            what = self.fs.nouns.get("chi_dao.van_ban_chi_dao") or "văn bản chỉ đạo, điều hành về CCHC"  # as said
            docs_sentence = (f"Trong {self.period}, {self.who} đã ban hành {slot('chi_dao.van_ban_chi_dao')} {what}"
                             f"{self.ch('chi_dao.van_ban_chi_dao')}.")
        p += sub.documents("I", self.who, docs_sentence) or (
            [Paragraph(text=docs_sentence, sources=["chi_dao.van_ban_chi_dao"])] if docs_sentence else [])
        meetings = (f"Đã tổ chức {slot('chi_dao.hoi_nghi')} hội nghị, cuộc họp về CCHC."
                    if self.has("chi_dao.hoi_nghi") else None)
        talks = sub.dialogues(f"Đã tổ chức {slot('chi_dao.doi_thoai')} cuộc đối thoại của lãnh đạo với người dân, doanh "
                              "nghiệp", self.fs.get("chi_dao.doi_thoai")) if self.has("chi_dao.doi_thoai") else []
        p += (sub.events("I", meetings, self.fs.get("chi_dao.hoi_nghi")) or (
            [Paragraph(text=meetings, sources=["chi_dao.hoi_nghi"])] if meetings else [])) + talks
        if not p and (prog := self.cite("I", self.law.program())):
            p.append(Paragraph(text=f"Công tác cải cách hành chính trong {self.period} được triển khai theo {prog}.",
                               sources=["76/NQ-CP"]))
        if self.m.period == "quý I" and not any(f.kind == "document" and "ke hoach" in fold_lower(f.text)
                                               for f in self.facts) and not any("ke hoach" in fold_lower(b) for b in self.m.basis):
            p.append(Proposer.ask(f"Kế hoạch cải cách hành chính năm {self.m.year} của đơn vị (số, ngày ban hành)"))
        if self.m.period == "năm" and not any(k in fold_lower(f.text) for f in self.facts
                                             for k in ("chi so cai cach hanh chinh", "chi so cchc", "par index")):
            p.append(Proposer.ask(f"kết quả tự đánh giá, chấm điểm Chỉ số cải cách hành chính năm {self.m.year}"))
        if self.has("chi_dao.nhiem_vu_ke_hoach", "chi_dao.nhiem_vu_hoan_thanh"):
            t = (f"Về tiến độ thực hiện kế hoạch CCHC năm: kế hoạch đề ra {slot('chi_dao.nhiem_vu_ke_hoach')} nhiệm vụ, "
                 f"đến nay đã hoàn thành {slot('chi_dao.nhiem_vu_hoan_thanh')} nhiệm vụ")
            if self.has("chi_dao.ty_le_hoan_thanh_ke_hoach"):
                t += f", đạt {slot('chi_dao.ty_le_hoan_thanh_ke_hoach')} kế hoạch năm"
            left = sub.of("I", "progress")  # "2 nhiệm vụ đang triển khai": the rest of the plan, in the same sentence
            sub.facts = [f for f in sub.facts if f not in left]
            p.append(Paragraph(text=t + "".join(f"; {(c := clause(f.text))[:1].lower()}{c[1:]}" for f in left) + ".", sources=[f.origin for f in left]))
        p += self.inspection(sub.findings()) + outreach
        if self.has("chi_dao.nhiem_vu_cap_tren_giao"):
            t = f"Về thực hiện nhiệm vụ cấp trên giao: tổng số {slot('chi_dao.nhiem_vu_cap_tren_giao')} nhiệm vụ"
            parts, none = [], []  # a zero said in words, after the counts (drafting-practice §5)
            for k, word in (("dung_han", "hoàn thành đúng hạn"), ("qua_han", "hoàn thành quá hạn"),
                            ("chua_xong", "chưa hoàn thành")):
                key = f"chi_dao.nhiem_vu_cap_tren_{k}"
                if self.has(key) and self.val(key) == 0:
                    none.append(f"không có nhiệm vụ {word}")
                elif self.noun(key, "") == WITHIN_TIME_TASKS:  # "02 nhiệm vụ đang thực hiện trong thời hạn"
                    parts.append(f"{slot(key)} {WITHIN_TIME_TASKS}")
                elif self.has(key):
                    rate = " ({})".format(slot("chi_dao.ty_le_nhiem_vu_cap_tren_dung_han")) if (
                        k == "dung_han" and self.has("chi_dao.ty_le_nhiem_vu_cap_tren_dung_han")) else ""
                    parts.append(f"{word} {slot(key)} nhiệm vụ{rate}")
            t += (", trong đó " + ", ".join(parts) if parts else "") + ("; " + ", ".join(none) if none else "")
            p.append(Paragraph(text=t + "."))
        if self.has("chi_dao.sang_kien"):
            p.append(Paragraph(text=f"Về mô hình, sáng kiến: có {slot('chi_dao.sang_kien')} mô hình, sáng kiến, giải pháp "
                                    "mới trong CCHC được triển khai." if self.val("chi_dao.sang_kien") > 0 else
                                    "Về mô hình, sáng kiến: trong kỳ chưa có mô hình, sáng kiến mới về CCHC được áp dụng."))
        return p + sub.section("I")

    def section_II_1(self) -> list[Paragraph]:
        p = []
        if self.has("the_che.vbqppl_ban_hanh"):
            n = self.val("the_che.vbqppl_ban_hanh")
            # a department issues no legal normative document itself: it drafts them for the province to issue
            verb = f"tham mưu {self.m.parent or 'cấp có thẩm quyền'} ban hành" if self.m.level == "sở" else "ban hành"
            p.append(Paragraph(text=(f"Về xây dựng, ban hành văn bản quy phạm pháp luật: trong kỳ đã {verb} "
                                     f"{slot('the_che.vbqppl_ban_hanh')} {self.noun('the_che.vbqppl_ban_hanh', 'văn bản quy phạm pháp luật')}." if n else
                                     f"Về xây dựng, ban hành văn bản quy phạm pháp luật: trong kỳ không {verb} văn bản "
                                     "quy phạm pháp luật.")))
        for k, lead, none in (("kiem_tra", "Về kiểm tra văn bản: đã tự kiểm tra {} văn bản theo thẩm quyền",
                               ", không phát hiện văn bản trái pháp luật"),
                              ("ra_soat", "Về rà soát, hệ thống hóa văn bản: đã rà soát {} văn bản",
                               ", chưa phát hiện văn bản phải sửa đổi, bổ sung, thay thế hoặc bãi bỏ")):
            key = f"the_che.vbqppl_{k}"
            if not self.has(key):
                continue
            t = lead.format(slot(key))
            if self.has(f"{key}_phai_xu_ly"):
                if self.val(f"{key}_phai_xu_ly") == 0:
                    t += none
                else:
                    t += f"; {'phát hiện' if k == 'kiem_tra' else 'có'} {slot(key + '_phai_xu_ly')} văn bản phải xử lý"
                    if self.has(f"{key}_da_xu_ly"):  # a zero said in words (drafting-practice §5)
                        t += (f", đã xử lý {slot(key + '_da_xu_ly')} văn bản" if self.val(f"{key}_da_xu_ly")
                              else ", chưa xử lý xong văn bản nào")
            p.append(Paragraph(text=t + "."))
        if self.has("the_che.pbgdpl_buoi"):
            t = f"Về tuyên truyền, phổ biến, giáo dục pháp luật: đã tổ chức {slot('the_che.pbgdpl_buoi')} buổi"
            if self.has("the_che.pbgdpl_luot_nguoi"):
                t += f" với {slot('the_che.pbgdpl_luot_nguoi')} lượt người tham dự"
            p.append(Paragraph(text=t + "."))
        return self._with_facts("II.1", p)

    def _by_level(self) -> list[Paragraph]:
        """A province's dossiers per level (report-outline III.3.1–3.3), only the levels the official gave."""
        out = []
        for lv, word in LEVEL_WORDS:
            done, ontime = f"tthc.ho_so_da_giai_quyet_cap_{lv}", f"tthc.ho_so_dung_han_cap_{lv}"
            if self.has(done) and self.val(done) == 0:  # a zero said in words (drafting-practice §5)
                out.append(f"cấp {word} không có hồ sơ đã giải quyết")
            elif self.has(done):
                t = f"cấp {word} giải quyết {slot(done)} hồ sơ"
                if self.has(ontime) and self.val(ontime) == 0:
                    t += ", không có hồ sơ giải quyết trước và đúng hạn"
                elif self.has(ontime):
                    t += f", trước và đúng hạn {slot(ontime)} hồ sơ"
                    if self.has(f"tthc.ty_le_dung_han_cap_{lv}"):
                        t += f" (đạt {slot(f'tthc.ty_le_dung_han_cap_{lv}')})"
                out.append(t)
            elif self.has(ontime) and self.val(ontime) > 0:
                out.append(f"cấp {word} giải quyết trước và đúng hạn {slot(ontime)} hồ sơ")
        return [Paragraph(text="Kết quả giải quyết theo cấp: " + "; ".join(out) + ".")] if out else []

    def section_II_2(self) -> list[Paragraph]:
        p = []
        pub = []
        # said without an agent: the province's chairman announces; a department only advises, a commune publishes
        for key, word in (("tthc.tthc_cong_bo_moi", "được công bố mới"), ("tthc.tthc_sua_doi", "được sửa đổi, bổ sung"),
                          ("tthc.tthc_bai_bo", "bị bãi bỏ, thay thế")):
            if self.has(key):
                pub.append(f"{slot(key)} thủ tục {word}")
        simpler = [f"{w[0]}{slot(k)}{w[1]}" for k, w in (
            ("tthc.tthc_ra_soat", ("đã rà soát, đánh giá ", " thủ tục hành chính")),
            ("tthc.tthc_de_xuat_don_gian_hoa", ("đề xuất phương án đơn giản hóa ", " thủ tục")),
            ("tthc.tthc_don_gian_hoa", ("", " thủ tục hành chính có phương án đơn giản hóa được phê duyệt"))) if self.has(k)]
        if simpler:
            p.append(Paragraph(text="Về rà soát, đơn giản hóa TTHC: " + "; ".join(simpler) + "."))
        if pub:
            p.append(Paragraph(text="Về công bố, công khai TTHC: trong kỳ có " + "; ".join(pub) + "."))
        lv = [f"cấp {w} {slot(k)} thủ tục" for k, w in (("tthc.tthc_cap_tinh", "tỉnh"), ("tthc.tthc_cap_huyen", "huyện"),
                                                         ("tthc.tthc_cap_xa", "xã")) if self.has(k)]
        if self.has("tthc.tthc_tong_so") or lv:  # the levels without their total: said together, not summed
            t = (f"Tổng số TTHC thuộc thẩm quyền giải quyết là {slot('tthc.tthc_tong_so')} thủ tục"
                 + (" (" + ", ".join(lv) + ")" if lv else "")) if self.has("tthc.tthc_tong_so") else \
                "Số TTHC thuộc thẩm quyền giải quyết: " + ", ".join(lv)
            if self.has("tthc.tthc_lien_thong"):
                t += f"; {slot('tthc.tthc_lien_thong')} thủ tục thực hiện liên thông"
            p.append(Paragraph(text=t + "."))
        law = self.cite("II.2", self.law.one_stop())
        if law:
            p.append(Paragraph(text=f"Việc thực hiện cơ chế một cửa, một cửa liên thông trong giải quyết TTHC được triển khai "
                                    f"theo {law}."))
        # a total "kể cả kỳ trước chuyển sang" derived from the new dossiers alone would assume none came over
        if self.has("tthc.ho_so_tiep_nhan") and ("tthc.ho_so_tiep_nhan" in self.fs.values or self.has("tthc.ho_so_ky_truoc")):
            t = f"Kết quả giải quyết hồ sơ TTHC: tổng số hồ sơ tiếp nhận là {slot('tthc.ho_so_tiep_nhan')} hồ sơ{self.ch('tthc.ho_so_tiep_nhan')}"
            src = []
            if self.has("tthc.ho_so_ky_truoc"):
                src.append(f"kỳ trước chuyển sang {slot('tthc.ho_so_ky_truoc')} hồ sơ")
            channels = self.channels()
            if self.has("tthc.ho_so_moi"):  # the channels are the parts of the new dossiers, not of the total
                src.append(self.new_dossiers() + (" (" + ", ".join(channels) + ")" if channels else ""))
            else:
                src += [f"tiếp nhận {c}" for c in channels]
            if src and (self.has("tthc.ho_so_moi") or self.ch("tthc.ho_so_tiep_nhan")):
                t += ", trong đó " + "; ".join(src)  # no second bracket after the comparison's
            elif src:
                t += " (" + ", ".join(src) + ")"
            p.append(Paragraph(text=t + "."))
        elif self.has("tthc.ho_so_moi"):  # no total given: the new dossiers, with their channels
            channels = self.channels()
            p.append(Paragraph(text=f"Kết quả giải quyết hồ sơ TTHC: {self.new_dossiers()}"
                                    + (", trong đó " + ", ".join(channels) if channels else "") + "."))
        if self.has("tthc.ho_so_da_giai_quyet"):
            t = f"Đã giải quyết {slot('tthc.ho_so_da_giai_quyet')} hồ sơ{self.ch('tthc.ho_so_da_giai_quyet')}"
            parts = []
            early, ontime = self.fs.get("tthc.ho_so_truoc_han"), self.fs.get("tthc.ho_so_dung_han")
            if early and ontime:
                parts.append(f"trước hạn {slot('tthc.ho_so_truoc_han')} hồ sơ, đúng hạn {slot('tthc.ho_so_dung_han')} hồ sơ")
            elif early and ontime == 0:
                parts.append(f"trước hạn {slot('tthc.ho_so_truoc_han')} hồ sơ")
            elif ontime and early == 0:
                parts.append(f"đúng hạn {slot('tthc.ho_so_dung_han')} hồ sơ")
            elif early and early == self.fs.get("tthc.ho_so_dung_han_tong"):  # all ahead of time, said as given
                parts.append(f"trước hạn {slot('tthc.ho_so_truoc_han')} hồ sơ")
            elif self.has("tthc.ho_so_dung_han_tong"):
                parts.append(f"trước và đúng hạn {slot('tthc.ho_so_dung_han_tong')} hồ sơ")
            elif self.has("tthc.ho_so_truoc_han"):
                parts.append(f"trước hạn {slot('tthc.ho_so_truoc_han')} hồ sơ")
            elif self.has("tthc.ho_so_dung_han"):
                parts.append(f"đúng hạn {slot('tthc.ho_so_dung_han')} hồ sơ")
            if self.has("tthc.ty_le_dung_han"):
                parts.append(f"tỷ lệ giải quyết trước và đúng hạn đạt {slot('tthc.ty_le_dung_han')}")
            if self.has("tthc.ho_so_qua_han") and self.val("tthc.ho_so_qua_han") == 0:
                parts.append("không có hồ sơ quá hạn")  # a zero said in words, not "0 hồ sơ (chiếm 0%)"
            elif self.has("tthc.ho_so_qua_han"):
                q = f"quá hạn {slot('tthc.ho_so_qua_han')} hồ sơ"
                if self.has("tthc.ty_le_qua_han"):
                    q += f" (chiếm {slot('tthc.ty_le_qua_han')})"
                parts.append(q)
            if parts:
                t += ", trong đó " + "; ".join(parts)
            p.append(Paragraph(text=t + "."))
            p += self.substance.dossier_notes(late=True)  # "Hồ sơ quá hạn chủ yếu …": beside the late count
        p += self._by_level()
        rest = []
        for k, w in (("tthc.ho_so_dang_giai_quyet", "đang giải quyết"), ("tthc.ho_so_tam_dung", "tạm dừng giải quyết"),
                     ("tthc.ho_so_tra_lai", "trả lại"), ("tthc.ho_so_rut", "công dân rút, hủy")):
            if self.has(k):
                rest.append(f"{w} {slot(k)} hồ sơ")
        if rest:
            p.append(Paragraph(text="Số hồ sơ còn lại: " + "; ".join(rest) + "."))
        if self.has("tthc.ho_so_qua_han") and self.val("tthc.ho_so_qua_han") > 0 and self.has("tthc.van_ban_xin_loi"):
            p.append(Paragraph(text=f"Đối với hồ sơ quá hạn, đã ban hành {slot('tthc.van_ban_xin_loi')} văn bản xin lỗi "
                                    "người dân, tổ chức theo quy định."))
        p += self.substance.dossier_notes(late=False if self.has("tthc.ho_so_da_giai_quyet") else None)
        dvc = [f"{slot(k)} dịch vụ công trực tuyến {w}" for k, w in (("tthc.dvc_toan_trinh", "toàn trình"),
                                                                     ("tthc.dvc_mot_phan", "một phần")) if self.has(k)]
        online = ["đang cung cấp " + " và ".join(dvc)] if dvc else []
        if self.has("tthc.ty_le_toan_trinh"):  # the portal's rate, as the official gave it
            online.append(f"tỷ lệ hồ sơ trực tuyến toàn trình đạt {slot('tthc.ty_le_toan_trinh')}")
        rate_key = online_rate_keys(self.m.online_base, self.fs.derived)[0]
        if self.has(rate_key):  # the denominator is always stated: two bases are common
            online.append(f"tỷ lệ hồ sơ tiếp nhận trực tuyến đạt {slot(rate_key)} ({ONLINE_PHRASE[rate_key]})")
        online += dict.fromkeys(f"số hồ sơ tiếp nhận trực tuyến {c.phrase('hồ sơ')}" for c in (
            self.changes.get("tthc.ho_so_truc_tuyen"), self.changes_same.get("tthc.ho_so_truc_tuyen")) if c)
        if self.has("tthc.thanh_toan_truc_tuyen"):
            t = f"có {slot('tthc.thanh_toan_truc_tuyen')} hồ sơ thanh toán phí, lệ phí trực tuyến"
            if self.has("tthc.ho_so_co_phi"):
                t += f" trong tổng số {slot('tthc.ho_so_co_phi')} hồ sơ phát sinh phí, lệ phí"
            if self.has("tthc.ty_le_thanh_toan_truc_tuyen"):
                t += f" (đạt {slot('tthc.ty_le_thanh_toan_truc_tuyen')})"
            online.append(t)
        if online:
            p.append(Paragraph(text="Về dịch vụ công trực tuyến: " + "; ".join(online) + "."))
        dig = []
        if self.has("tthc.ho_so_so_hoa"):
            t = f"số hóa {slot('tthc.ho_so_so_hoa')} hồ sơ khi tiếp nhận"
            if self.has("tthc.ty_le_so_hoa"):
                t += f" (đạt {slot('tthc.ty_le_so_hoa')})"
            dig.append(t)
        if self.has("tthc.ket_qua_so_hoa"):
            t = f"số hóa {slot('tthc.ket_qua_so_hoa')} kết quả giải quyết"
            if self.has("tthc.ty_le_ket_qua_so_hoa"):
                t += f" (đạt {slot('tthc.ty_le_ket_qua_so_hoa')})"
            dig.append(t)
        if dig:
            p.append(Paragraph(text="Về số hóa hồ sơ, kết quả giải quyết TTHC: đã " + ", ".join(dig) + "."))
        if self.has("tthc.pakn_tiep_nhan"):
            if self.val("tthc.pakn_tiep_nhan") == 0:
                p.append(Paragraph(text="Về tiếp nhận, xử lý phản ánh, kiến nghị: trong kỳ không phát sinh phản ánh, "
                                        "kiến nghị về quy định hành chính."))
            else:
                t = f"Về tiếp nhận, xử lý phản ánh, kiến nghị: đã tiếp nhận {slot('tthc.pakn_tiep_nhan')} phản ánh, kiến nghị"
                if self.has("tthc.pakn_da_xu_ly"):
                    t += f", đã xử lý {slot('tthc.pakn_da_xu_ly')}"
                    if self.has("tthc.ty_le_pakn_xu_ly"):
                        t += f" (đạt {slot('tthc.ty_le_pakn_xu_ly')})"
                p.append(Paragraph(text=t + "."))
        if self.has("tthc.ty_le_hai_long"):
            t = f"Mức độ hài lòng của người dân, tổ chức đối với việc giải quyết TTHC đạt {slot('tthc.ty_le_hai_long')}"
            if self.has("tthc.phieu_khao_sat"):
                t += f" (qua {slot('tthc.phieu_khao_sat')} phiếu khảo sát)"
            p.append(Paragraph(text=t + "."))
        return self._with_facts("II.2", p)

    def section_II_3(self) -> list[Paragraph]:
        p = []
        if self.has("to_chuc.bien_che_giao"):
            t = f"Về quản lý, sử dụng biên chế: biên chế công chức được giao là {slot('to_chuc.bien_che_giao')} người"
            if self.has("to_chuc.bien_che_co_mat"):
                t += f", hiện có mặt {slot('to_chuc.bien_che_co_mat')} người"
            if self.has("to_chuc.hop_dong_lao_dong"):
                t += f"; hợp đồng lao động {slot('to_chuc.hop_dong_lao_dong')} người"
            p.append(Paragraph(text=t + "."))
        if self.has("to_chuc.vien_chuc_giao"):
            t = f"Số người làm việc trong đơn vị sự nghiệp công lập được giao là {slot('to_chuc.vien_chuc_giao')} người"
            if self.has("to_chuc.vien_chuc_co_mat"):
                t += f", có mặt {slot('to_chuc.vien_chuc_co_mat')} người"
            p.append(Paragraph(text=t + "."))
        if self.has("to_chuc.tinh_gian"):
            p.append(Paragraph(text=(f"Thực hiện tinh giản biên chế: trong kỳ đã giải quyết tinh giản {slot('to_chuc.tinh_gian')} người."
                                     if self.val("to_chuc.tinh_gian") else "Trong kỳ không phát sinh trường hợp tinh giản biên chế.")))
        if self.has("to_chuc.don_vi_su_nghiep"):
            t = f"Hiện có {slot('to_chuc.don_vi_su_nghiep')} đơn vị sự nghiệp công lập"
            if self.has("to_chuc.don_vi_su_nghiep_giam") and self.val("to_chuc.don_vi_su_nghiep_giam"):
                t += f"; trong kỳ giảm {slot('to_chuc.don_vi_su_nghiep_giam')} đơn vị"  # how, only if the official says
            p.append(Paragraph(text=t + "."))
        return self._with_facts("II.3", p)

    def section_II_4(self) -> list[Paragraph]:
        p = []
        # "35 viên chức giáo dục" as the official said it, when it still names the kind recruited
        rec = [f"{slot(k)} {n if (n := self.noun(k, w)).startswith(w) else w}"
               for k, w in (("cong_vu.tuyen_dung_cong_chuc", "công chức"), ("cong_vu.tuyen_dung_vien_chuc", "viên chức"))
               if self.has(k)]
        if rec:  # "đã tuyển dụng 03 công chức và 41 viên chức": the verb once
            p.append(Paragraph(text="Về tuyển dụng: trong kỳ đã tuyển dụng " + " và ".join(rec) + "."))
        app = [f"{w} {slot(k)} {self.noun(k, 'người')}" for k, w in (("cong_vu.bo_nhiem", "bổ nhiệm"), ("cong_vu.bo_nhiem_lai", "bổ nhiệm lại"),
                                                     ("cong_vu.chuyen_doi_vi_tri", "chuyển đổi vị trí công tác")) if self.has(k)]
        if app:
            p.append(Paragraph(text="Về công tác cán bộ: đã " + ", ".join(app) + "."))
        if self.has("cong_vu.ky_luat"):
            told = self.noun("cong_vu.ky_luat", "cán bộ, công chức, viên chức")  # as the official said
            told += "" if re.search(r"\bbị\b", told) else " bị xử lý kỷ luật"  # "kỷ luật 1 công chức": what befell them
            p.append(Paragraph(text=(f"Về kỷ luật, kỷ cương hành chính: có {slot('cong_vu.ky_luat')} {told}."
                                     if self.val("cong_vu.ky_luat") else
                                     # who was not disciplined, named as the figure names them
                                     f"Về kỷ luật, kỷ cương hành chính: trong kỳ không có {told}.")))
        trained = ("cong_vu.dao_tao_ly_luan", "cong_vu.boi_duong")  # told in the official's event, said once there
        self.substance.facts, told = self.with_count_slots(self.substance.facts, "II.4", trained)
        tr = [f"{slot(k)} {w}" for k, w in zip(trained, ("người được đào tạo lý luận chính trị",
                                                         "lượt người được bồi dưỡng chuyên môn, nghiệp vụ"), strict=True)
              if self.has(k) and k not in told]
        if tr:
            p.append(Paragraph(text="Về đào tạo, bồi dưỡng: có " + ", ".join(tr) + "."))
        return self._with_facts("II.4", p)

    def facts_for(self, key: str) -> list[Paragraph]:
        """The official's documents, events and other facts for one section."""
        return self.substance.documents(key, self.who) + self.substance.events(key) + self.substance.section(key)

    def _with_facts(self, key: str, p: list[Paragraph]) -> list[Paragraph]:
        return placed_beside(p, self.facts_for(key), self.substance.plain(key, ("progress",)), self.fs.values)

    def section_III(self) -> list[Paragraph]:
        return self.assessment.section_III()

    def section_IV(self) -> list[Paragraph]:
        found = self.law.program()
        program = self.cite("IV", found) if found else None
        return self.assessment.section_IV(program)

    def section_V(self) -> list[Paragraph]:
        return self.assessment.section_V()

