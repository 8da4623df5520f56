"""What the official wants from a chat message, by rules (works without any model): draft, refine the
last draft, ask which document applies, see how past reports worded something, review a file."""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, Field

from corpus.text import fold_lower
from drafting.figures.outline import DRAFTED
from drafting.inputs.chat_facts import REPORT_TITLE

IntentKind = Literal["draft", "refine", "ask", "practice", "review", "help", "carry", "outline"]

# folded words → outline key; the first match in the message wins per phrase, several may be named
SECTION_WORDS: list[tuple[str, str]] = [
    ("chi dao", "I"), ("dieu hanh", "I"), ("the che", "II.1"), ("van ban quy pham", "II.1"),
    ("thu tuc hanh chinh", "II.2"), ("tthc", "II.2"), ("mot cua", "II.2"), ("to chuc bo may", "II.3"),
    ("bo may", "II.3"), ("cong vu", "II.4"), ("tai chinh cong", "II.5"), ("tai chinh", "II.5"),
    ("chinh quyen so", "II.6"), ("chinh quyen dien tu", "II.6"), ("chuyen doi so", "II.6"),
    ("danh gia chung", "III"), ("nguyen nhan", "III"), ("ton tai", "III"), ("han che", "III"), ("uu diem", "III"),
    ("phuong huong", "IV"), ("nhiem vu trong tam", "IV"), ("ky toi", "IV"), ("kien nghi", "V"), ("de xuat", "V"),
]

# ("lắp đặt ki-ốt tại Bộ phận Một cửa" is no "lập … phần")
_DRAFT = re.compile(r"\b(soan|viet|lap(?! dat)|thao|du thao|lam)\b.{0,40}\b(?<!bo )(phan|muc|bao cao|noi dung|doan)\b")
_WHOLE = re.compile(r"\b(ca bao cao|toan bo bao cao|bao cao day du|bao cao hoan chinh|ca ban|toan van)\b")
_REFINE = re.compile(r"\b(ngan gon|rut gon|gon hon|ngan hon|chi tiet hon|dai hon|them phan|them muc|bo phan|bo muc|"
                     r"viet lai|sua lai|trang trong hon)\b")
_REVIEW = re.compile(r"\b(ra soat|kiem tra|soat loi|doc lai|gop y|tham dinh)\b.{0,30}\b(tep|file|du thao|van ban|bao cao|dinh kem)\b"
                     r"|\b(ra soat|soat loi|kiem tra loi)\b")
_PRACTICE = re.compile(r"\b(bao cao (truoc|cu|nam truoc|ky truoc)|cac bao cao|noi khac|dia phuong khac|viet the nao|"
                       r"dien dat|hanh van|mau cau|cach viet|vi du cach viet|(?:thuong|nen|can) (?:viet|ghi|neu)(?: nhung)? gi|"
                       r"viet nhu the nao|trinh bay (?:the nao|ra sao))\b")
# "Báo cáo CCHC quý gồm những phần nào?": the outline the drafts follow, not a decree
_OUTLINE = re.compile(r"\b(?:gom|co) (?:nhung|may|bao nhieu|cac) (?:phan|muc|noi dung) (?:nao|gi|chinh)?|\b(?:de cuong|bo cuc)\b")
_CARRY = re.compile(r"\b(ky truoc|bao cao truoc|quy truoc|nam truoc|cung ky|lam can cu|de so sanh|so sanh|so lieu cu|"
                    r"bao cao cu)\b")
# "Báo cáo CCHC quý I năm 2027 của xã Tân Phú": a report's title, said as the request to draft it (no question in it)
_TITLE = re.compile(REPORT_TITLE.pattern + r".{0,30}\b(?:quy (?:i|ii|iii|iv|[1-4])|[69] thang|nam 20\d\d)\b")
# "Tôi là chuyên viên Sở …, cần báo cáo CCHC 9 tháng năm 2026.": the report's period and unit said in passing — also a
# request to draft, unless it asks about the law
_PART_OF_TITLE = re.compile(r"^\s*(?:soan|viet|lap|thao|du thao|lam)\s+(?:giup\s+)?(?:phan|muc)\b(.{3,80}?)\b(?:cua\s+)?bao cao\b")
_LAW_WORDS = re.compile(r"\b(?:nghi dinh|thong tu|quyet dinh|luat|van ban nao|ap dung|quy dinh|can cu|hieu luc)\b")
_QUESTION = re.compile(r"\?|\b(?:nao|gi|khong|bao gio|the nao|ra sao|co phai|bao nhieu|o dau)\b")
_HELP = re.compile(r"^\s*(xin chao|chao|help|giup|huong dan|ban lam duoc gi|tro giup)\b")


class Intent(BaseModel):
    kind: IntentKind
    sections: list[str] = Field(default_factory=list, description="outline keys named in the message")
    whole: bool = False
    shorter: bool = False
    longer: bool = False
    add: list[str] = Field(default_factory=list)
    remove: list[str] = Field(default_factory=list)


def sections_named(folded: str) -> list[str]:
    found: list[str] = []
    for words, key in SECTION_WORDS:
        if re.search(rf"\b{re.escape(words)}\b", folded) and key not in found:
            found.append(key)
    return sorted(found, key=DRAFTED.index)


def classify(message: str, *, has_figures: bool = False, has_file: bool = False,
             file_is_figures: bool = False, has_draft: bool = False, unit: str | None = None,
             names_report: bool = False, other_period: bool = False) -> Intent:
    """`names_report`: the message gave the report's period with its year or unit (read by the chat reader);
    `other_period`: it named a period other than that of the report under way ("Đây là báo cáo quý I của Ban" while
    the 6-month report is drafted) — a file sent with it is an earlier report to carry forward, not one to review."""
    t = fold_lower(message).strip()
    named = sections_named(t)
    if has_file and file_is_figures:
        return Intent(kind="draft", sections=named, whole=not named or bool(_WHOLE.search(t)))
    if has_file and not _REVIEW.search(t) and (_CARRY.search(t) or _DRAFT.search(t) or other_period):
        return Intent(kind="carry")  # "đây là báo cáo quý I, soạn báo cáo 6 tháng": last period's figures
    if has_file or _REVIEW.search(t) and not has_figures and not _DRAFT.search(t):
        return Intent(kind="review")
    if has_draft and _REFINE.search(t) and not has_figures:
        add = named if re.search(r"\bthem\b", t) else []
        remove = named if re.search(r"\b(bo|xoa|luoc bo)\b", t) else []
        return Intent(kind="refine", sections=named, add=add, remove=remove,
                      shorter=bool(re.search(r"\b(ngan gon|rut gon|gon hon|ngan hon)\b", t)),
                      longer=bool(re.search(r"\b(chi tiet hon|dai hon)\b", t)))
    if _OUTLINE.search(t) and re.search(r"\bbao cao\b", t) and not has_figures and not named:
        return Intent(kind="outline")
    if _PRACTICE.search(t) and not has_figures:
        return Intent(kind="practice", sections=named)
    if (_TITLE.search(t) or names_report and re.search(r"\bbao cao\b", t) and not _LAW_WORDS.search(t)) \
            and not _QUESTION.search(t) and not has_figures:
        # "Soạn phần cải cách tài chính công báo cáo CCHC 9 tháng …": the part named before the report's title
        part = _PART_OF_TITLE.match(t)
        named = sections_named(part.group(1)) if part else []
        return Intent(kind="draft", sections=named, whole=not named)
    if _DRAFT.search(t) or has_figures:
        # sections are the ones a command names ("soạn phần kiến nghị:"), before its colon; in a message of data
        # ("tiếp nhận 3 phản ánh kiến nghị") the words are the data's, whose own sections are drafted
        head = t.split(":", 1)[0]
        if unit:  # "… của Sở Tài chính tỉnh Hà Tĩnh": the unit's name names no section
            head = head.replace(fold_lower(unit), " ")
        named = sections_named(head) if _DRAFT.search(head) else []
        return Intent(kind="draft", sections=named, whole=bool(_WHOLE.search(t)) or
                      bool(re.search(r"\bbao cao\b", t) and not named and _DRAFT.search(t)))
    if _HELP.search(t) or len(t) < 4:
        return Intent(kind="help")
    return Intent(kind="ask", sections=named)
