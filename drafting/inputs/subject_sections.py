"""The outline section a document's or an activity's subject belongs to, by its keywords: what the register import
proposes, what the workbook gives a document left without its section, what the chat gives a document it reads."""

from __future__ import annotations

import re

from corpus.text import fold_lower

# a recommendation, section V: "Kiến nghị Bộ Nội vụ …", and with the unit saying it first: "UBND tỉnh Hưng Yên kiến
# nghị …", "Xã đề nghị …" (folded words)
PROPOSAL = re.compile(r"^\s*(?:(?:ubnd |uy ban nhan dan )?(?:tinh|huyen|xa|phuong|thi tran|thanh pho|dac khu|so|ban|phong|"
                      r"don vi|co quan|chung toi)(?: [a-z]+){0,3}? )?(kien nghi|de nghi|de xuat)\b")

# "Chỉ số CCHC năm 2025 của tỉnh đạt 86,12 điểm, xếp thứ 18/34": an index's result, scored by others — a note of
# section I in the official's words (its year is the index's, not the report's)
INDEX_RESULT = re.compile(r"\bchi so\s+(?:cai cach hanh chinh|cchc|par|sipas|hai long|papi|pci|dti|chuyen doi so)\b"
                          r"(?=.*\b(?:dat|xep|diem)\b)")

# keywords that put a subject under an outline section; the first match wins, "I" when only "CCHC" matched
_SECTION_WORDS = [
    # the year's plan for controlling procedures is one of the reform's annual plans (section I), before "TTHC" wins
    ("I", ("kiem soat thu tuc hanh chinh nam", "kiem soat tthc nam")),
    ("II.2", ("thu tuc hanh chinh", "tthc", "mot cua", "dich vu cong", "ho so", "phan anh, kien nghi", "buu chinh")),
    ("II.1", ("quy pham phap luat", "qppl", "tuyen truyen phap luat", "pho bien, giao duc phap luat", "pho bien phap luat",
              "pbgdpl", "thi hanh phap luat")),
    ("II.3", ("bien che", "to chuc bo may", "sap xep", "chuc nang, nhiem vu", "don vi su nghiep", "tinh gian")),
    ("II.4", ("cong vu", "cong chuc", "vien chuc", "vi tri viec lam", "ky luat, ky cuong", "chuyen doi vi tri",
              "dao tao, boi duong", "tuyen dung")),
    ("II.5", ("tai chinh", "ngan sach", "dau tu cong", "tai san cong", "tu chu", "chi thuong xuyen", "tu bao dam chi")),
    ("II.6", ("chuyen doi so", "cong nghe so", "chinh quyen so", "chinh quyen dien tu", "cong nghe thong tin", "so hoa", "chu ky so",
              "vneid", "de an 06", "iso 9001", "benh an dien tu", "ho so suc khoe dien tu", "thanh toan khong dung tien mat")),
    ("I", ("cai cach hanh chinh", "cchc", "par index", "chi so cai cach", "sipas", "kiem soat thu tuc")),
]


def classify(subject: str) -> tuple[bool, str]:
    s = re.sub(r"\s+", " ", fold_lower(subject or "")).strip(" :*")
    for section, words in _SECTION_WORDS:
        if any(re.search(rf"(?<!\w){re.escape(w)}(?!\w)", s) for w in words):
            return True, section
    return False, "I"
