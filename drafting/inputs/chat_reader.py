"""Figures and report metadata said in a chat message, read by rules.

"Soạn phần cải cách TTHC 6 tháng đầu năm 2025 của xã Ba Trang: tiếp nhận 253 hồ sơ, trước và đúng
hạn 245, quá hạn 7" → tthc.ho_so_tiep_nhan = 253, tthc.ho_so_dung_han_tong = 245, tthc.ho_so_qua_han = 7,
period "6 tháng", year 2025, locality "xã Ba Trang".

Every figure keeps the exact span of the message it was read from, so the official can see where it
came from and nothing is taken from anywhere else. Numbers that name a period, a year, a date or a
document are not figures; numbers next to no known label are listed as not understood, never guessed;
rates are computed in code, so a rate typed by the official is noted and not used."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

from pydantic import BaseModel, Field

from corpus.docnumbers import find_refs
from corpus.text import fold_lower
from drafting.figures.facts import Fact
from drafting.figures.periods import Period, data_window
from drafting.figures.schema import FIELD_BY_KEY
from drafting.figures.vnformat import NUMBER_RE, parse_vn_number
from drafting.inputs.chat_facts import read_facts

# Phrases officials use for a figure (folded, lower case) → field. Longest match wins; the field's own
# label is always a phrase too. Ambiguous short phrases sit with the area where they are most common.
_PHRASES: dict[str, list[str]] = {
    "tthc.ho_so_tiep_nhan": ["tiep nhan", "tong so ho so tiep nhan", "tong ho so", "tong so ho so", "nhan"],
    "tthc.ho_so_ky_truoc": ["ky truoc chuyen sang", "chuyen sang", "ton ky truoc", "ky truoc chuyen qua"],
    "tthc.ho_so_moi": ["tiep nhan moi", "moi tiep nhan", "ho so moi", "phat sinh moi"],
    "tthc.ho_so_truc_tuyen": ["truc tuyen", "tiep nhan truc tuyen", "nop truc tuyen", "qua mang"],
    "tthc.ho_so_truc_tiep": ["truc tiep", "tiep nhan truc tiep"],
    "tthc.ho_so_buu_chinh": ["buu chinh", "qua buu chinh"],
    "tthc.ho_so_da_giai_quyet": ["da giai quyet", "giai quyet", "giai quyet xong", "da tra ket qua"],
    "tthc.ho_so_dung_han_tong": ["truoc va dung han", "dung va truoc han", "dung han va truoc han",
                                 "truoc, dung han", "dung han"],
    "tthc.ho_so_truoc_han": ["truoc han", "som han"],
    "tthc.ho_so_qua_han": ["qua han", "tre han", "cham"],
    "tthc.ho_so_dang_giai_quyet": ["dang giai quyet", "dang xu ly", "chua den han", "trong han"],
    "tthc.ho_so_tam_dung": ["tam dung"],
    "tthc.ho_so_tra_lai": ["tra lai"],
    "tthc.ho_so_rut": ["rut", "rut ho so", "huy"],
    "tthc.van_ban_xin_loi": ["xin loi", "thu xin loi", "van ban xin loi"],
    "tthc.dvc_toan_trinh": ["toan trinh", "dich vu cong toan trinh"],
    "tthc.dvc_mot_phan": ["mot phan", "dich vu cong mot phan"],
    "tthc.ho_so_co_phi": ["phat sinh phi", "co phi", "phi, le phi"],
    "tthc.thanh_toan_truc_tuyen": ["thanh toan truc tuyen", "thanh toan qua mang"],
    "tthc.ho_so_so_hoa": ["so hoa", "so hoa ho so", "ho so so hoa"],
    "tthc.ket_qua_so_hoa": ["ket qua so hoa", "so hoa ket qua"],
    "tthc.pakn_tiep_nhan": ["phan anh", "phan anh, kien nghi", "pakn"],
    "tthc.pakn_da_xu_ly": ["da xu ly phan anh", "pakn da xu ly"],
    "tthc.phieu_khao_sat": ["phieu khao sat", "phieu"],
    "tthc.ty_le_hai_long": ["hai long", "muc do hai long", "ty le hai long"],
    "tthc.tthc_cong_bo_moi": ["cong bo moi"],
    "tthc.tthc_sua_doi": ["sua doi, bo sung", "sua doi"],
    "tthc.tthc_bai_bo": ["bai bo"],
    "tthc.tthc_tong_so": ["tong so thu tuc", "tong so tthc", "thu tuc hanh chinh thuoc tham quyen"],
    "tthc.tthc_lien_thong": ["lien thong"],
    "tthc.tthc_don_gian_hoa": ["don gian hoa"],
    "chi_dao.van_ban_chi_dao": ["van ban chi dao", "van ban chi dao, dieu hanh", "ban hanh van ban"],
    "chi_dao.hoi_nghi": ["hoi nghi", "cuoc hop"],
    "chi_dao.nhiem_vu_ke_hoach": ["nhiem vu ke hoach", "nhiem vu trong ke hoach", "nhiem vu"],
    "chi_dao.nhiem_vu_hoan_thanh": ["hoan thanh", "nhiem vu hoan thanh", "da hoan thanh"],
    "chi_dao.co_quan_duoc_kiem_tra": ["kiem tra", "co quan duoc kiem tra", "don vi duoc kiem tra"],
    "chi_dao.tin_bai": ["tin bai", "tin, bai"],
    "chi_dao.buoi_tuyen_truyen": ["buoi tuyen truyen", "tuyen truyen"],
    "chi_dao.doi_thoai": ["doi thoai"],
    "chi_dao.sang_kien": ["sang kien", "mo hinh"],
    "the_che.vbqppl_ban_hanh": ["van ban quy pham", "vbqppl", "van ban qppl"],
    "the_che.vbqppl_kiem_tra": ["kiem tra van ban"],
    "the_che.vbqppl_ra_soat": ["ra soat", "ra soat van ban"],
    "the_che.pbgdpl_buoi": ["pho bien, giao duc phap luat", "pho bien phap luat", "tuyen truyen phap luat"],
    "to_chuc.bien_che_giao": ["bien che giao", "bien che duoc giao", "bien che"],
    "to_chuc.bien_che_co_mat": ["co mat", "cong chuc co mat"],
    "to_chuc.hop_dong_lao_dong": ["hop dong", "hop dong lao dong"],
    "to_chuc.tinh_gian": ["tinh gian", "tinh gian bien che"],
    "cong_vu.tuyen_dung_cong_chuc": ["tuyen dung", "tuyen dung cong chuc"],
    "cong_vu.tuyen_dung_vien_chuc": ["tuyen dung vien chuc"],
    "cong_vu.bo_nhiem": ["bo nhiem"],
    "cong_vu.bo_nhiem_lai": ["bo nhiem lai"],
    "cong_vu.chuyen_doi_vi_tri": ["chuyen doi vi tri"],
    "cong_vu.ky_luat": ["ky luat", "bi ky luat"],
    "cong_vu.boi_duong": ["boi duong", "dao tao, boi duong"],
    "cong_vu.dao_tao_ly_luan": ["ly luan chinh tri"],
    "tai_chinh.thu_ngan_sach_du_toan": ["du toan thu", "du toan"],
    "tai_chinh.thu_ngan_sach_thuc_hien": ["thu ngan sach", "thu ngan sach thuc hien", "thuc hien thu"],
    "tai_chinh.von_dau_tu_ke_hoach": ["ke hoach von", "von dau tu cong ke hoach"],
    "tai_chinh.von_dau_tu_giai_ngan": ["giai ngan", "da giai ngan"],
    "cds.van_ban_dien_tu": ["van ban dien tu", "van ban di dien tu"],
    "cds.van_ban_ky_so": ["ky so", "chu ky so"],
    "cds.tai_khoan_dinh_danh": ["dinh danh", "tai khoan dinh danh", "vneid"],
    "cds.tai_khoan_dinh_danh_chi_tieu": ["chi tieu dinh danh"],
}
for _key, _spec in FIELD_BY_KEY.items():
    _PHRASES.setdefault(_key, []).append(fold_lower(_spec.label))
PHRASES: list[tuple[str, str]] = sorted(((p, k) for k, ps in _PHRASES.items() for p in ps), key=lambda x: -len(x[0]))

_AREA_WORDS = {
    "tthc": ["tthc", "thu tuc hanh chinh", "mot cua", "ho so"],
    "chi_dao": ["chi dao", "dieu hanh"],
    "the_che": ["the che", "van ban quy pham"],
    "to_chuc": ["to chuc bo may", "bien che"],
    "cong_vu": ["cong vu", "cong chuc, vien chuc"],
    "tai_chinh": ["tai chinh", "ngan sach"],
    "cds": ["chinh quyen so", "chinh quyen dien tu", "chuyen doi so"],
}
_SEP = re.compile(r"[,;:\n()]|\.(?!\d)|\s-\s|\bva\b(?! dung han| truoc han)")
# folded place word → (as written in a report, level)
_LEVEL_WORDS = {"phuong": ("phường", "xã"), "thi tran": ("thị trấn", "xã"), "xa": ("xã", "xã"),
                "thi xa": ("thị xã", "huyện"), "quan": ("quận", "huyện"), "huyen": ("huyện", "huyện"),
                "thanh pho": ("thành phố", "tỉnh"), "tinh": ("tỉnh", "tỉnh"), "so": ("Sở", "sở")}
_PLACE = re.compile(r"\b(Phường|Phuong|Thị trấn|Thi tran|Xã|Xa|Thị xã|Thi xa|Quận|Quan|Huyện|Huyen|Thành phố|Thanh pho|"
                    r"Tỉnh|Tinh|Sở|So)\s+((?:[A-ZĐÀ-Ỹ][\wÀ-ỹ]*)(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*){0,4})",
                    re.I)
_CAPITAL_WORD = re.compile(r"[A-ZĐÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ]")


class ChatFigure(BaseModel):
    key: str
    label: str
    value: Decimal
    quote: str = Field(description="the number exactly as the official typed it")
    phrase: str = Field(description="the words of the message that named it")
    start: int
    end: int


class Unread(BaseModel):
    quote: str
    context: str
    reason: str


class ChatMeta(BaseModel):
    period: Period | None = None
    year: int | None = None
    level: str | None = None
    locality: str | None = None
    date: dt.date | None = None


# what a chat must have said before anything is drafted (the rest has defaults the official can correct)
REQUIRED_META = {"period": "kỳ báo cáo (quý I, 6 tháng, 9 tháng hay năm)", "year": "năm báo cáo",
                 "locality": "tên cơ quan, địa phương (ví dụ: xã Ba Trang)"}


def missing_meta(values: dict) -> list[str]:
    return [label for f, label in REQUIRED_META.items() if values.get(f) in (None, "", [])]


class ChatReading(BaseModel):
    figures: list[ChatFigure] = Field(default_factory=list)
    facts: list[Fact] = Field(default_factory=list, description="activities, limitations, tasks the message reports")
    unread: list[Unread] = Field(default_factory=list)
    meta: ChatMeta = Field(default_factory=ChatMeta)

    def values(self) -> dict[str, Decimal]:
        return {f.key: f.value for f in self.figures}


def read_period(text: str) -> tuple[Period | None, int | None, list[tuple[int, int]]]:
    """Period, year and the spans of the words that say them (not figures)."""
    t = fold_lower(text)
    spans: list[tuple[int, int]] = []
    period: Period | None = None
    for pattern, value in ((r"\bquy (i|1)\b(?! ?i)", "quý I"), (r"\b6 thang( dau nam)?\b", "6 tháng"),
                           (r"\bsau thang\b", "6 tháng"), (r"\b9 thang( dau nam)?\b", "9 tháng"),
                           (r"\bchin thang\b", "9 tháng"), (r"\b(bao cao|ket qua|cchc|ky)\s+nam\b", "năm"),
                           (r"\b(ca|trong) nam 20\d\d\b", "năm"), (r"^\s*nam 20\d\d\b", "năm")):
        m = re.search(pattern, t)
        if m:
            period = period or value
            spans.append(m.span())
    year = None
    # a year is said as "năm 2025" or "…/2025"; a bare 2025 may be a count ("tiếp nhận 2025 hồ sơ")
    for m in re.finditer(r"\bnam (20\d\d)\b|/\s*(20\d\d)\b", t):
        y = int(m.group(1) or m.group(2))
        if 2000 <= y <= 2100:
            year = year or y
            spans.append(m.span())
    for m in re.finditer(r"\b\d{1,2}\s*(thang|quy|ngay|tuan|nam)\b", t):
        spans.append(m.span())
    return period, year, spans


def read_place(text: str) -> tuple[str | None, str | None]:
    """('xã Ba Trang', 'xã') from '… của xã Ba Trang: …'; names must start with capitals."""
    for m in _PLACE.finditer(text):
        words = m.group(2).split()
        kept = []
        for w in words:
            if not _CAPITAL_WORD.match(w):
                break
            kept.append(w)
        if not kept:
            continue
        word, level = _LEVEL_WORDS[fold_lower(m.group(1))]
        return f"{word} {' '.join(kept)}", level
    return None, None


def _blocked_spans(text: str) -> list[tuple[int, int]]:
    spans = [(r.start, r.end) for r in find_refs(text)]
    spans += [m.span() for m in re.finditer(r"\b\d{1,2}/\d{1,2}(?:/\d{2,4})?\b", text)]  # dates
    spans += [m.span() for m in re.finditer(r"\d+/[\wĐđ-]+", text)]  # document symbols
    spans += [m.span() for m in re.finditer(r"(?i)\b(?:mức độ|điều|khoản|mục|phần|quý)\s+[\dIVX]+(?:\s*,\s*\d+)*", text)]
    spans += [m.span() for m in re.finditer(r"(?i)\b(?:tháng|thang)\s+\d{1,2}\b(?!\s*(?:tháng|thang))", text)]  # a month
    return spans


def _area_hint(text_folded: str) -> str | None:
    for area, words in _AREA_WORDS.items():
        if any(re.search(rf"\b{re.escape(w)}\b", text_folded) for w in words):
            return area
    return None


def _match(context: str, prefer_area: str | None, taken: set[str], left: bool) -> tuple[str, str] | None:
    """The phrase nearest the number (then the longest; then the message's area) names the figure."""
    body = context.rstrip() if left else context
    lead = len(body) - len(body.lstrip())
    best, best_score = None, None
    for phrase, key in PHRASES:
        if key in taken:
            continue
        for m in re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", body):
            distance = len(body) - m.end() if left else m.start() - lead
            in_area = bool(prefer_area and key.startswith(prefer_area + "."))
            score = (distance, -len(phrase), not in_area)
            if best_score is None or score < best_score:
                best, best_score = (phrase, key), score
    return best


def read_message(text: str) -> ChatReading:
    folded = fold_lower(text)  # same length as text: spans carry over
    period, year, period_spans = read_period(text)
    locality, level = read_place(text)
    meta = ChatMeta(period=period, year=year, locality=locality, level=level)
    m = re.search(r"ngày\s+(\d{1,2})[/\-](\d{1,2})[/\-](\d{4})", text, re.I)
    if m:
        try:
            meta.date = dt.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
        except ValueError:
            pass
    blocked = _blocked_spans(text) + period_spans
    area = _area_hint(folded)
    reading = ChatReading(meta=meta)
    taken: set[str] = set()
    # "đúng hạn" alone is the on-time total unless the message also gives "trước hạn" on its own
    separate_early = bool(re.search(r"(?<!va )\btruoc han\b", folded)) and "truoc va dung han" not in folded
    for num in NUMBER_RE.finditer(text):
        s, e = num.span()
        if any(a <= s < b or a < e <= b for a, b in blocked):
            continue
        seps_before = [mm.end() for mm in _SEP.finditer(folded, 0, s)]
        left_start = max(seps_before, default=0)
        prev_num = [mm.end() for mm in NUMBER_RE.finditer(text, left_start, s)]
        left = folded[max([left_start, *prev_num]):s]
        nxt = _SEP.search(folded, e)
        right_end = nxt.start() if nxt else len(text)
        next_num = NUMBER_RE.search(text, e, right_end)
        right = folded[e:next_num.start() if next_num else right_end]
        is_percent = right.lstrip().startswith("%")
        found = _match(left, area, taken, True)
        phrase_text = text[s - len(left):s].strip()
        if found is None:
            found = _match(right, area, taken, False)
            phrase_text = text[e:e + len(right)].strip()
        context = text[max(0, s - 40):min(len(text), e + 30)].strip()
        if is_percent and (found is None or FIELD_BY_KEY[found[1]].unit != "%"):
            reading.unread.append(Unread(quote=num.group(0) + "%", context=context,
                                         reason="tỷ lệ do hệ thống tự tính từ số liệu, không lấy số đã tính sẵn"))
            continue
        if found is None:
            reading.unread.append(Unread(quote=num.group(0), context=context,
                                         reason="không rõ là chỉ tiêu nào"))
            continue
        phrase, key = found
        if key == "tthc.ho_so_dung_han_tong" and separate_early and phrase == "dung han":
            key = "tthc.ho_so_dung_han"
        spec = FIELD_BY_KEY[key]
        if spec.unit == "%" and not is_percent and "ty le" not in left and "hai long" not in left:
            reading.unread.append(Unread(quote=num.group(0), context=context, reason="thiếu dấu % cho tỷ lệ"))
            continue
        value = parse_vn_number(num.group(0))
        if value is None:
            continue
        taken.add(key)
        reading.figures.append(ChatFigure(key=key, label=spec.label, value=value, quote=num.group(0),
                                          phrase=phrase_text,
                                          start=s, end=e))
    reading.facts = read_facts(text, [(f.start, f.end) for f in reading.figures])
    return reading


def default_report_date(period: Period, year: int, today: dt.date | None = None) -> dt.date:
    """The first day after the data window, unless today falls within two months after it."""
    end = data_window(period, year).end
    today = today or dt.date.today()
    if end < today <= end + dt.timedelta(days=60):
        return today
    return end + dt.timedelta(days=1)


def meta_dict(meta: ChatMeta, today: dt.date | None = None) -> dict:
    """ReportMeta fields implied by the chat; the official sees and corrects them."""
    out: dict = {}
    if meta.period:
        out["period"] = meta.period
    if meta.year:
        out["year"] = meta.year
    if meta.locality:
        out["locality"] = meta.locality
        out["level"] = meta.level
        name = meta.locality.split(" ", 1)[1] if " " in meta.locality else meta.locality
        out["place"] = name
        out["issuer"] = meta.locality if meta.level == "sở" else f"Ủy ban nhân dân {meta.locality}"
        out["symbol"] = "BC-SNV" if meta.level == "sở" else "BC-UBND"
        out["capacity"] = "KT. GIÁM ĐỐC" if meta.level == "sở" else "TM. ỦY BAN NHÂN DÂN"
        out["signer_title"] = "PHÓ GIÁM ĐỐC" if meta.level == "sở" else "CHỦ TỊCH"
    if meta.date:
        out["date"] = meta.date
    elif meta.period and meta.year:
        out["date"] = default_report_date(meta.period, meta.year, today)
    return out
