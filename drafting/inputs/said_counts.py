"""Figures the official gave by words rather than by their own number, counted in code from a count just read and
noted for the official to confirm: "tiếp nhận và giải quyết 640 hồ sơ" (both are 640), "đúng hạn 100%" and "100% đúng
hạn" (all of those resolved), "đã xử lý xong" (all of those found), "toàn bộ qua môi trường mạng" (all of those came in
online), "còn lại đang giải quyết" (the rest of the total), "đã giải quyết 1.019 hồ sơ đúng hạn" (resolved, all on
time), "văn bản xin lỗi đối với 7 hồ sơ" (one letter each) — and zeros said in words ("không phát sinh phản ánh")."""

from __future__ import annotations

import re
from decimal import Decimal

from corpus.text import fold_lower
from drafting.figures.figureset import derive
from drafting.figures.schema import DERIVED_BY_KEY, FIELD_BY_KEY, SUM_RULES
from drafting.figures.vnformat import fmt_decimal, parse_vn_number
from drafting.inputs.clauses import NAMED_MEETING
from drafting.inputs.figure_text import sentence_span
from drafting.inputs.text_reading import Ambiguous, ReadFigure, StatedRate, Unread

# no number of its own follows the words (a date does not count: "đã xử lý xong trong ngày 12/3/2027")
_NO_COUNT_AFTER = r"(?!(?:(?:ngay|thang) \d{1,2}(?:/\d{1,2})?(?:/\d{2,4})?(?![\d/])|(?!(?:ngay|thang) \d)[^.;\d]){0,15}\d)"
# the words between the count and "đã xử lý xong" may name a channel by its number: "qua Hệ thống 1022"
# ("…, đã được cơ quan ban hành xử lý": the agent between, the clause ending on the verb)
# ("…, các đơn vị đã khắc phục xong": the ones checked as the subject; "01 văn bản phải sửa đổi, đã sửa đổi xong": the
# documents to amend, amended)
# ("…, tất cả đã được xử lý", "…, đều đã được giải quyết", "…, tất cả đã được cơ quan ban hành xử lý": every one of
# them, the clause ending on the verb)
_ALL_HANDLED = re.compile(r"(?:(?:he thong|tong dai|duong day nong) \d+|[^.;\d]){0,80}?(?:,\s*|\s+(?=va\s))"
                          r"(?:(?:cac (?:don vi|co quan|dia phuong|xa, phuong|phong)|tat ca|toan bo)\s+)?((?:va\s+)?(?:da\s+)?(?:duoc\s+)?(?:xu ly|giai quyet|khac phuc|"
                          r"sua doi(?:,? bo sung)?|chan chinh)\s+"
                          r"(?:xong|dut diem|het|xong toan bo)|(?:va\s+)?(?:da\s+)?duoc\s+(?:[a-z]+\s+){1,4}?(?:xu ly|khac phuc|chan chinh)"
                          r"(?=\s*(?:[.;\n]|$))|(?:tat ca|toan bo|deu)\s+(?:deu\s+)?(?:da\s+)?(?:duoc\s+)?(?:xu ly|giai quyet|khac phuc)"
                          r"(?=\s*(?:[.;\n]|$))|(?:va\s+)?da\s+(?:duoc\s+)?tra loi(?:\s+bang van ban|\s+day du|\s+xong)?"
                          r"(?=\s*(?:[.;\n]|$)))\b" + _NO_COUNT_AFTER)  # "…, đã trả lời bằng văn bản": all answered


def _all_of(heads: str, rest: str) -> re.Pattern:
    """", tất cả (hồ sơ) (đều) (đã) (được) <rest>" after a count: another count equals it. Words that go on to a
    number of their own ("…, đúng hạn 1.190") are no "all"."""
    return re.compile(rf"[^.;\d]{{0,40}}?,?\s*((?:{heads})(?: (?:so )?ho so)?(?: nay)?(?: deu)?(?: da)?(?: duoc)?{rest})\b"
                      + _NO_COUNT_AFTER)


_ON_TIME = r"(?:dung han|truoc(?: va| hoac)? dung han|dung va truoc han|dung hen)"
_ALL_ON_TIME = _all_of("tat ca|toan bo", " giai quyet " + _ON_TIME)
# "giải quyết xong 1.498, tất cả đúng hạn", "đã giải quyết 470 hồ sơ, đều đúng hạn": after the resolved count the
# verb may go unsaid; "giải quyết xong 146, đều trước hạn": every one ahead of time
_RESOLVED_ON_TIME = _all_of("tat ca|toan bo|deu", "(?: giai quyet)? " + _ON_TIME)
_RESOLVED_AHEAD = _all_of("tat ca|toan bo|deu", r"(?: giai quyet)? (?:truoc han|som hon (?:hen|thoi han))")
# "tiếp nhận 1.287 hồ sơ, toàn bộ qua môi trường mạng": every dossier of that count came in online
_ALL_ONLINE = _all_of("tat ca|toan bo", r"(?: (?:nop|tiep nhan|gui))?\s*(?:truc tuyen|qua (?:moi truong )?mang|"
                                        r"qua (?:cong )?dich vu cong(?: truc tuyen)?)")
# (the words after a count, the figures that count then equals)
_ALL_OF = [(_ALL_HANDLED, {"the_che.vbqppl_kiem_tra_phai_xu_ly": ("the_che.vbqppl_kiem_tra_da_xu_ly",),
                           "the_che.vbqppl_ra_soat_phai_xu_ly": ("the_che.vbqppl_ra_soat_da_xu_ly",),
                           "chi_dao.van_de_phat_hien": ("chi_dao.van_de_da_xu_ly",),
                           "tthc.pakn_tiep_nhan": ("tthc.pakn_da_xu_ly",)}),
           (_ALL_ON_TIME, {"tthc.ho_so_tiep_nhan": ("tthc.ho_so_da_giai_quyet", "tthc.ho_so_dung_han_tong")}),
           (_RESOLVED_ON_TIME, {"tthc.ho_so_da_giai_quyet": ("tthc.ho_so_dung_han_tong",)}),
           (_RESOLVED_AHEAD, {"tthc.ho_so_da_giai_quyet": ("tthc.ho_so_truoc_han",)}),
           (_ALL_ONLINE, {"tthc.ho_so_moi": ("tthc.ho_so_truc_tuyen",), "tthc.ho_so_tiep_nhan": ("tthc.ho_so_truc_tuyen",)}),
           # "phát hành 3.960 văn bản đi dưới dạng điện tử, tất cả đều được ký số": every one signed
           (_all_of("tat ca|toan bo", r"(?: van ban)?\s*(?:co\s+)?(?:chu\s+)?ky so"), {"cds.van_ban_dien_tu": ("cds.van_ban_ky_so",)}),
           # "… 640 văn bản điện tử, ký số toàn bộ": the verb first, "all" after it
           (re.compile(r"[^.;\d]{0,40}?,?\s*((?:da\s+)?(?:duoc\s+)?ky so (?:toan bo|tat ca|100%))" + _NO_COUNT_AFTER),
            {"cds.van_ban_dien_tu": ("cds.van_ban_ky_so",)})]
# "tiếp nhận 3.412 hồ sơ, …, trễ hạn 12 hồ sơ, còn lại đang giải quyết": the dossiers not yet resolved, said without
# their number — the rest of the total once the other parts are taken away (computed here, noted to confirm)
_REST_PENDING = re.compile(r"[,;]?\s*(?:so |so ho so )?con lai\s+(?:la\s+|thi\s+|deu\s+)?(?:dang (?:trong han )?(?:giai quyet|xu ly)|"
                           r"chua den han|dang trong han|trong han|chuyen (?:sang |qua )?ky sau)\b(?![^.;]{0,15}\d)")
_RECEIVED_PARTS = next(parts for total, parts in SUM_RULES if total == "tthc.ho_so_tiep_nhan" and
                       "tthc.ho_so_dang_giai_quyet" in parts)
def _same_count(f: ReadFigure, key: str, words: str, note: str, **where) -> ReadFigure:
    """Another figure equal to a count just read ("đúng hạn 100%", "đã xử lý xong"), computed, noted to confirm."""
    return f.model_copy(update={"key": key, "label": FIELD_BY_KEY[key].label, "phrase": words, "note": note, **where})


def _rest(text: str, folded: str, figures: list[ReadFigure], total_key: str, said_as: re.Pattern, rest_key: str,
          parts: tuple[str, ...], needed: str) -> list[ReadFigure]:
    """The part of a total said as "còn lại …" without its number: the total less the other parts held (and needed,
    the one without which there is no rest to speak of), computed, noted to confirm; a negative rest is the
    integrity check's to report."""
    held = {f.key: f for f in figures}
    total = held.get(total_key)
    m = said_as.search(folded, total.end) if total else None
    if not m or rest_key in held:
        return []
    values = {k: f.value for k, f in held.items()}
    values = {**derive(values), **values}
    others = [k for k in parts if k != rest_key and k in values]
    rest = total.value - sum(values[k] for k in others)
    if needed not in others or rest < 0:
        return []
    said = text[m.start():m.end()].strip(" ,;")
    taken = " − ".join(fmt_decimal(values[k]) for k in others)
    return [_same_count(total, rest_key, said, f"“{said}”: phần còn lại {fmt_decimal(total.value)} − {taken} = "
                        f"{fmt_decimal(rest)}", value=rest, quote=said, start=m.end() - len(said), end=m.end())]


# "tiếp nhận mới 1.318 hồ sơ, trong đó nộp trực tuyến 904 hồ sơ, còn lại nộp trực tiếp": the direct ones are the rest
_REST_DIRECT = re.compile(r"[,;]?\s*(?:so |so ho so )?con lai\s+(?:la\s+|thi\s+|deu\s+)?(?:(?:duoc\s+)?(?:nop|tiep nhan)\s+)?"
                          r"(?:truc tiep|tai (?:bo phan mot cua|quay))\b(?![^.;]{0,15}\d)")
_NEW_PARTS = next(parts for total, parts in SUM_RULES if total == "tthc.ho_so_moi")
# (total, how its rest is said, the rest, the parts, the part without which there is no rest)
_RESTS = [("tthc.ho_so_tiep_nhan", _REST_PENDING, "tthc.ho_so_dang_giai_quyet", _RECEIVED_PARTS, "tthc.ho_so_da_giai_quyet"),
          ("tthc.ho_so_moi", _REST_DIRECT, "tthc.ho_so_truc_tiep", _NEW_PARTS, "tthc.ho_so_truc_tuyen")]


_NONE_LATE = re.compile(r"\bkhong co (?:ho so (?:nao )?)?(?:giai quyet )?(?:qua han|tre han|tre hen|cham tra)\b")
# zeros said in words, of figures whose zero is news: "không phát sinh phản ánh, kiến nghị", "không có hồ sơ quá hạn",
# "không có công chức nào bị kỷ luật" — not in a target or a task ("phấn đấu không có hồ sơ quá hạn")
_NONE = [("tthc.pakn_tiep_nhan", re.compile(r"\b(?:khong|chua) (?:phat sinh|co|nhan duoc|tiep nhan)(?: bat ky| mot)?(?: truong hop| y kien)?"
                                            r"(?: nao)?(?: ve)? (?:phan anh|pakn)(?:, kien nghi| va kien nghi)?\b")),
         ("tthc.ho_so_qua_han", re.compile(r"\bkhong (?:co|phat sinh) (?:ho so (?:nao )?)?(?:giai quyet )?(?:qua han|tre han|tre hen)\b")),
         # "không để xảy ra trường hợp công chức vi phạm phải xử lý kỷ luật": what happened, unless aimed at (below)
         ("cong_vu.ky_luat", re.compile(r"\bkhong (?:co|de xay ra) (?:can bo|cong chuc|vien chuc|ai|truong hop)[^.;\d]{0,50}?\b(?:bi|phai) (?:xu ly )?"
                                       r"(?:ky luat|xu ly ky luat)\b")),
         # "Kỷ luật: không có trường hợp nào", "Phản ánh, kiến nghị: không phát sinh": a label with none said after it
         *[(k, re.compile(rf"\b(?:{w})\s*:\s*(?:khong|chua)(?: co| phat sinh)?(?: (?:truong hop|ho so|ai)(?: nao)?)?(?=\s*[.;\n]|\s*$)"))
           for k, w in (("cong_vu.ky_luat", r"(?:bi )?(?:xu ly )?ky luat"), ("tthc.pakn_tiep_nhan", r"phan anh,? kien nghi|pakn"),
                        ("tthc.ho_so_qua_han", r"(?:ho so )?(?:qua han|tre han|tre hen)"))],
         # "không có hồ sơ kỳ trước chuyển sang": none carried over (not "không có hồ sơ tồn đọng", the period's end)
         ("tthc.ho_so_ky_truoc", re.compile(r"\bkhong co ho so (?:ton (?:tu )?)?(?:cua )?(?:ky|quy|nam) truoc(?: chuyen (?:sang|qua))?\b")),
         # "không có hồ sơ bị trả lại": none returned to the applicant
         ("tthc.ho_so_tra_lai", re.compile(r"\bkhong co (?:ho so|truong hop)(?: nao)? (?:bi |phai )?tra lai\b")),
         # "không có kiến nghị của cơ quan thanh tra, kiểm toán về tài chính"
         ("tai_chinh.kien_nghi_thanh_tra", re.compile(r"\bkhong (?:co|phat sinh|nhan duoc) kien nghi (?:nao )?(?:cua|ve)\b"
                                                     r"[^.;\d]{0,40}?\b(?:thanh tra|kiem toan)\b")),
         ("the_che.vbqppl_ban_hanh", re.compile(r"\bkhong (?:co )?ban hanh (?:van ban|vb) (?:quy pham(?: phap luat)?|qppl)\b")),
         # "Tự kiểm tra 4 văn bản QPPL, không phát hiện văn bản trái pháp luật" (of a review: rà soát, below)
         ("the_che.vbqppl_kiem_tra_phai_xu_ly", re.compile(r"\b(?:khong|chua) phat hien (?:co )?(?:van ban|vb)(?: nao)?[^.;\d]{0,20}?"
                                                          r"\b(?:trai (?:phap luat|quy dinh)|sai (?:sot|pham)|chua phu hop|"
                                                          r"(?:phai|can) (?:xu ly|sua doi|bai bo))\b"))]
# "văn bản xin lỗi đối với 7 hồ sơ", "đối với 5 hồ sơ quá hạn, Sở đã có văn bản xin lỗi …"
APOLOGY_FOR = re.compile(r"\b(?:(?:van ban|thu) xin loi\s+(?:doi voi|cho|ve|voi)\s+|doi voi\s+(?=(?:(?:tat ca|toan bo|ca)\s+)?"
                         r"\d[\d.]*\s+(?:ho so|truong hop)[^.;\d]{0,40}?\b(?:van ban|thu) xin loi\b))(?:(?:tat ca|toan bo|ca)\s+)?"
                         r"(\d[\d.]*)\s+(?:ho so|truong hop)")
_CLAUSE_END = re.compile(r"[.;:\n]")
_AIMED = re.compile(r"\b(?:phan dau|dam bao|bao dam|muc tieu|chi tieu|se|yeu cau|khong de|nham|de|tiep tuc|can)\s*$")
# "tiếp nhận và giải quyết 640 hồ sơ": one count of two figures, the dossiers received and those resolved;
_RECEIVED_AND_RESOLVED = re.compile(r"\btiep nhan(?:,| va)\s+(?:da\s+)?(?:giai quyet|xu ly)\s*(?:xong\s*)?(?:duoc\s*)?$")
# "tiếp nhận và xử lý 64 phản ánh, kiến nghị": the complaints received, all handled
_BOTH_WAYS = {"tthc.ho_so_tiep_nhan": "tthc.ho_so_da_giai_quyet", "tthc.pakn_tiep_nhan": "tthc.pakn_da_xu_ly"}
# "640 hồ sơ TTHC, 100% đúng hạn": a percentage before the words of the on-time dossiers
_ON_TIME_AFTER = re.compile(r"%?\s*(?:so\s+)?(?:ho so\s+)?(?:duoc\s+)?(?:giai quyet\s+)?(?:dung han|truoc(?: va| hoac)? dung han|"
                            r"dung va truoc han|dung hen)\b(?!\s*\d)")
# "thực hiện 71 TTHC, 100% cung cấp dịch vụ công trực tuyến toàn trình": every procedure is offered fully online
_FULL_ONLINE_AFTER = re.compile(r"%?\s*(?:so\s+)?(?:thu tuc|tthc)?\s*(?:deu\s+)?(?:duoc\s+)?(?:cung cap\s+)?(?:(?:dich vu cong|dvc)\s+)?"
                                r"truc tuyen toan trinh\b(?!\s*\d)")
_ONLINE_AFTER = re.compile(r"%\s*(?:(?:so\s+)?ho so\s+)?(?:deu\s+)?(?:duoc\s+)?(?:(?:nop|tiep nhan|gui)\s+)?"
                           r"(?:truc tuyen|qua (?:moi truong )?mang|qua (?:cong )?dich vu cong(?: truc tuyen)?)\b(?!\s*\d)")
# (the count a "100%" said before its words is of, the words, the figure it then equals)
_HUNDRED_BEFORE = [("tthc.ho_so_da_giai_quyet", _ON_TIME_AFTER, "tthc.ho_so_dung_han_tong"),
                   ("tthc.tthc_tong_so", _FULL_ONLINE_AFTER, "tthc.dvc_toan_trinh"),
                   # "văn bản đi phát hành điện tử: 5.624 văn bản, 100% có chữ ký số": every one signed
                   ("cds.van_ban_dien_tu", re.compile(r"%\s*(?:van ban(?: dien tu)?\s+)?(?:deu\s+)?(?:duoc\s+)?(?:co\s+)?"
                                                      r"(?:chu\s+)?ky so\b"), "cds.van_ban_ky_so"),
                   # "ghi nhận 46 phản ánh, kiến nghị; 100% đã được xử lý, trả lời": every one handled
                   ("tthc.pakn_tiep_nhan", re.compile(r"%\s*(?:phan anh, kien nghi\s+)?(?:deu\s+)?(?:da\s+)?(?:duoc\s+)?"
                                                      r"(?:xu ly|tra loi|giai quyet)\b(?!\s*\d)"), "tthc.pakn_da_xu_ly"),
                   # "tiếp nhận 264 hồ sơ, 100% nộp trực tuyến": every dossier of the count came in online
                   *((of, _ONLINE_AFTER, "tthc.ho_so_truc_tuyen") for of in ("tthc.ho_so_moi", "tthc.ho_so_tiep_nhan"))]


_AND_ONE_BODY = re.compile(r"[a-z ,]{1,30}?\s+va\s+(bo phan mot cua|trung tam phuc vu hanh chinh cong(?: [a-z]+){0,3}|"
                           r"van phong (?:hdnd va )?ubnd(?: [a-z]+){0,3}|ubnd (?:xa|phuong|thi tran|dac khu))\b(?![^.;,\d]{0,20}\d)")
# "phát hành 3.460 văn bản đi, 100% là văn bản điện tử": every outgoing document of that count went electronically
_OUTGOING_BEFORE = re.compile(r"\s*van ban( di| phat hanh)?\s*,?\s*(?:(?:trong do|deu|dat)\s+)?")
_SIGNED_TOO = re.compile(r"\s*(?:va|,)\s*(?:duoc\s+)?(?:co\s+)?(?:chu\s+)?ky so\b(?!\s*\d)")
_ELECTRONIC_AFTER = re.compile(r"%\s*(?:la\s+)?(?:van ban\s+)?(?:deu\s+)?(?:duoc\s+)?(?:(?:phat hanh|gui)\s+)?(?:duoi dang\s+)?"
                               r"(?:dien tu|tren moi truong mang|qua (?:moi truong )?mang)\b(?!\s*\d)")


def _all_sent_online(text: str, folded: str, hundred: Unread, unread: list[Unread],
                     held: dict[str, ReadFigure]) -> list[ReadFigure]:
    """The count of outgoing documents just before "100% … điện tử", left unread (no field counts all outgoing
    documents), read as the electronic ones ("… và ký số": the signed ones too) — computed from the words, noted to
    confirm."""
    if "cds.van_ban_dien_tu" in held or not (after := _ELECTRONIC_AFTER.match(folded, hundred.end)):
        return []
    count = next((c for c in unread if c.end <= hundred.start and not c.quote.endswith("%")
                  and (m := _OUTGOING_BEFORE.fullmatch(folded, c.end, hundred.start))
                  and (m.group(1) or "phat hanh" in folded[max(0, c.start - 25):c.start])), None)
    if count is None:
        return []
    signed = _SIGNED_TOO.match(folded, after.end())
    end = signed.end() if signed else after.end()
    said = text[hundred.start:end]
    keys = ["cds.van_ban_dien_tu", *(["cds.van_ban_ky_so"] if signed and "cds.van_ban_ky_so" not in held else [])]
    return [ReadFigure(key=key, label=FIELD_BY_KEY[key].label, value=parse_vn_number(count.quote), quote=count.quote,
                       phrase=text[count.end:end].strip(), start=count.start, end=count.end, after=True,
                       note=f"“{said}”: bằng số văn bản đi {count.quote}") for key in keys]


def said_counts(text: str, folded: str, figures: list[ReadFigure], rates: list[StatedRate],
                unread: list[Unread]) -> tuple[list[ReadFigure], list[StatedRate], list[Unread]]:
    """(figures counted from the words, rates left as typed — noted, never used —, unread numbers now read)."""
    added: list[ReadFigure] = []

    def held() -> dict[str, ReadFigure]:
        return {f.key: f for f in figures + added}

    for f in figures:
        if f.key == "chi_dao.hoi_nghi" and NAMED_MEETING.search(folded, sentence_span(folded, f.start, f.end)[0], f.start):
            # "tổ chức Hội nghị triển khai … ngày 20/01/2026 và 2 cuộc họp giao ban": the named one is not among the 2
            f.note = f"1 hội nghị đã nêu + {f.quote} = {fmt_decimal(f.value + 1)}, cộng trong phần mềm"
            f.value += 1
        if f.key == "chi_dao.co_quan_duoc_kiem_tra" and (one := _AND_ONE_BODY.match(folded, f.end)):
            # "kiểm tra … tại 11 thôn và Bộ phận Một cửa": one body more, named without a count
            f.note = f"{f.quote} + 1 ({text[one.start(1):one.end(1)]}) = {fmt_decimal(f.value + 1)}, cộng trong phần mềm"
            f.value += 1
            f.noun = f"cơ quan, đơn vị ({text[f.start:one.end()]})"  # as the official named them
        m = _RECEIVED_AND_RESOLVED.search(fold_lower(f.phrase).rstrip())
        resolved = _BOTH_WAYS.get(f.key)
        if resolved and m and resolved not in held():
            said = f"{f.phrase[m.start():].strip()} {f.quote}"
            added.append(_same_count(f, resolved, said, f"“{said}”: một số cho cả hai"))
    typed, used = [], []
    for r in rates:  # "đã trả kết quả 1.790 hồ sơ, đúng hạn 100%": the count is the base's own, counted in code
        d = DERIVED_BY_KEY[r.key]
        given = held()
        if r.value == 100 and d.inputs[1] in given and d.inputs[0] not in given and d.inputs[0] in FIELD_BY_KEY:
            base = given[d.inputs[1]]
            added.append(_same_count(base, d.inputs[0], r.context, f"100% của {fmt_decimal(base.value)}: bằng số đó",
                                     quote=r.quote, start=r.start, end=r.end))
        else:
            typed.append(r)
    for u in unread:  # "giải quyết 640 hồ sơ, 100% đúng hạn": the same, the percentage said first
        if re.fullmatch(r"100\s*%", u.quote) and (sent := _all_sent_online(text, folded, u, unread, held())):
            added += sent
            used += [u, *(c for c in unread if c.start == sent[0].start)]
            continue
        for of, words, key in _HUNDRED_BEFORE if re.fullmatch(r"100\s*%", u.quote) else []:
            base = held().get(of)
            if base and key not in held() and (after := words.match(folded, u.end)):
                said = text[u.start:after.end()]
                added.append(_same_count(base, key, said, f"“{said}”: 100% của {fmt_decimal(base.value)}",
                                         quote=u.quote, start=u.start, end=u.end))
                used.append(u)
                break
    # "phát hiện 2 văn bản có sai sót, đã xử lý xong", "tiếp nhận 412 hồ sơ, tất cả đều được giải quyết đúng hạn": all
    # of those counted — the count is theirs too
    for pattern, of in _ALL_OF:
        for f in figures + added:
            if f.key in of and (m := pattern.match(folded, f.end)):
                said = text[m.start(1):m.end()].strip()
                added += [_same_count(f, k, said, f"“{said}”: bằng {fmt_decimal(f.value)}")
                          for k in of[f.key] if k not in held()]
    # "đã giải quyết 2.801 hồ sơ đúng hạn và trước hạn, không có hồ sơ quá hạn": with none late, those on time are all
    # those resolved
    on_time, given = held().get("tthc.ho_so_dung_han_tong"), held()
    if on_time and "tthc.ho_so_da_giai_quyet" not in given and "tthc.ho_so_qua_han" not in given and (
            m := _NONE_LATE.search(folded)):
        said = text[m.start():m.end()]
        added.append(_same_count(on_time, "tthc.ho_so_da_giai_quyet", said,
                                 f"“{said}”: hồ sơ đã giải quyết bằng số giải quyết trước và đúng hạn"))
    for rest in _RESTS:  # "…, còn lại đang giải quyết", "…, còn lại nộp trực tiếp"
        added += _rest(text, folded, figures + added, *rest)
    added += _resolved_on_time(folded, held())
    added += [f for f in _zeros(text, folded) if f.key not in held()]
    if "tthc.van_ban_xin_loi" not in held() and (m := APOLOGY_FOR.search(folded)):
        # "Đã gửi văn bản xin lỗi đối với 7 hồ sơ quá hạn": one letter for each dossier named
        added.append(ReadFigure(key="tthc.van_ban_xin_loi", label=FIELD_BY_KEY["tthc.van_ban_xin_loi"].label,
                                value=parse_vn_number(m.group(1)), quote=text[m.start(1):m.end(1)],
                                phrase=text[m.start():m.start(1)].strip(), start=m.start(1), end=m.end(1),
                                note="một văn bản xin lỗi cho mỗi hồ sơ"))
    return added, typed, used


_ONWARD = re.compile(r"[^.;\d]{0,40}?\bchuyen (?:tiep )?(?:sang|qua)\s+nam\s+(\d{4})\b")


def onward_unsure(text: str, folded: str, figures: list[ReadFigure]) -> list[Ambiguous]:
    """"Số hồ sơ còn tồn chưa giải quyết chuyển sang năm 2027 là 27" with no year to read it against (no report year,
    none said before the count): carried in from 2026 or carried out to 2027 — two readings, so asked, never guessed."""
    return [Ambiguous(quote=f.quote, context=text[slice(*sentence_span(text, f.start, f.end))].strip(), start=f.start,
                      end=f.end, options=["tthc.ho_so_ky_truoc", "tthc.ho_so_dang_giai_quyet"])
            for f in figures if f.key == "tthc.ho_so_ky_truoc" and (
                _ONWARD.match(folded, f.end) or _ONWARD.search(folded[max(0, f.start - 60):f.start]))
            and not re.findall(r"\bnam (\d{4})\b", folded[:f.start].rsplit("chuyen", 1)[0])]


# "… chuyển sang quý II là 107 hồ sơ": a part of the year the dossiers go on to (a year is _ONWARD's)
_ONWARD_PART = re.compile(r"\bchuyen (?:tiep )?(?:sang|qua)\s+(quy (?:iv|i{1,3})|6 thang cuoi nam|nam (\d{4}))\b")
_FROM_BEFORE = re.compile(r"\b(?:ky truoc|nam truoc|quy truoc|tu (?:quy|nam|ky|thang))\b")
_PART_NAMES = {"quy i": "quý I", "quy ii": "quý II", "quy iii": "quý III", "quy iv": "quý IV",
               "6 thang cuoi nam": "6 tháng cuối năm"}
_STILL_OPEN = re.compile(r"\b(?:dang|chua) (?:giai quyet|xu ly)\b")


def _onward_part(folded: str, f: ReadFigure, before: int, next_period: str, report: int | None) -> str | None:
    """The period "chuyển sang …" names between the count before (or the sentence's start) and just after this count,
    as the draft says it, when that is where the dossiers go on to: the report's next period (a later year than the
    report's), or — with no report period known — dossiers said to be still open ("còn đang xử lý chuyển sang năm
    2027 là 52"). Dossiers "từ kỳ trước" came in."""
    a, b = sentence_span(folded, f.start, f.end)
    a = max(a, before)
    m = _ONWARD_PART.search(folded, a, min(b, f.end + 40))
    if not m or _FROM_BEFORE.search(folded, a, m.start()):
        return None
    name = f"năm {m.group(2)}" if m.group(2) else _PART_NAMES[m.group(1)]
    if m.group(2):  # a year: with no report's year to measure it by, in or out are both readings (onward_unsure)
        return name if report is not None and int(m.group(2)) > report else None
    if next_period:
        return name if re.match(re.escape(m.group(1)) + r"\b", fold_lower(next_period)) else None
    return name if _STILL_OPEN.search(folded, a, m.start()) else None


def carried_onward(folded: str, figures: list[ReadFigure], next_period: str = "") -> list[ReadFigure]:
    """"38 hồ sơ tồn đọng chuyển sang năm 2027" in a report of 2026, "… chuyển sang quý II là 107" in a quarter's:
    dossiers carried out to a later period, still being resolved — not those carried in. The report's year is the one
    before the next period's when that is a year, else the next period's; without it, a year the message names before
    the count."""
    year = re.search(r"\d{4}", next_period or "")
    report = (int(year.group()) - (1 if fold_lower(next_period).startswith("nam") else 0)) if year else None
    out, pending = [], any(g.key == "tthc.ho_so_dang_giai_quyet" for g in figures)
    for f in figures:
        m = _ONWARD.match(folded, f.end) if f.key == "tthc.ho_so_ky_truoc" else None
        said = [int(y) for y in re.findall(r"\bnam (\d{4})\b", folded[:f.start])]
        base = report if report is not None else (said[-1] if said else None)
        onward = f"năm {m.group(1)}" if m and base is not None and int(m.group(1)) > base else None
        if f.key == "tthc.ho_so_ky_truoc" and not m:
            before = max((g.end for g in figures if g.end <= f.start), default=0)
            onward = _onward_part(folded, f, before, next_period, report)
        if onward and not pending:
            f = f.model_copy(update={"key": "tthc.ho_so_dang_giai_quyet",
                                     "label": FIELD_BY_KEY["tthc.ho_so_dang_giai_quyet"].label,
                                     "note": f"chuyển sang {onward}: hồ sơ còn đang giải quyết của kỳ này"})
        out.append(f)
    return out


def _zeros(text: str, folded: str) -> list[ReadFigure]:
    out = []
    for key, pattern in _NONE:
        for m in pattern.finditer(folded):
            s0 = max((x.end() for x in _CLAUSE_END.finditer(folded, 0, m.start())), default=0)
            if key == "the_che.vbqppl_kiem_tra_phai_xu_ly" and "ra soat" in folded[s0:m.start()] and \
                    "kiem tra" not in folded[s0:m.start()]:
                key = "the_che.vbqppl_ra_soat_phai_xu_ly"  # found nothing to deal with in a review
            if _AIMED.search(folded[s0:m.start()]) or any(f.key == key for f in out):
                continue
            said = text[m.start():m.end()]
            out.append(ReadFigure(key=key, label=FIELD_BY_KEY[key].label, value=Decimal(0), quote=said, phrase=said,
                                  start=m.start(), end=m.end(), note=f"“{said}”: số 0, nói bằng lời"))
    return out


# "đã giải quyết 1.019 hồ sơ đúng hạn", "100% hồ sơ (216 hồ sơ) giải quyết đúng hạn": the count resolved, every one
# on time (with no late count said)
_VERB_RESOLVED = re.compile(r"\b(?:da\s+)?giai quyet(?:\s+xong)?(?:\s+duoc)?\s*$|\b100\s*%\s*(?:so\s+)?ho so\s*\(\s*$")


def _resolved_on_time(folded: str, held: dict[str, ReadFigure]) -> list[ReadFigure]:
    on_time = held.get("tthc.ho_so_dung_han_tong")
    if on_time is None or on_time.after is False or "tthc.ho_so_da_giai_quyet" in held or "tthc.ho_so_qua_han" in held \
            or not _VERB_RESOLVED.search(folded[max(0, on_time.start - 30):on_time.start]):
        return []
    return [_same_count(on_time, "tthc.ho_so_da_giai_quyet", on_time.words,
                        f"“{on_time.words}”: hồ sơ đã giải quyết, đều đúng hạn")]
