"""Facts in a chat message: "Tháng 3 xã tổ chức hội nghị sơ kết quý I, triển khai Kế hoạch 14/KH-UBND…" becomes
events (or documents) in the right section, a limitation with "nguyên nhân do …" a shortcoming with its cause,
"kiến nghị …" a recommendation, "quý tới sẽ …" a next task. Rules only, in the official's words; clauses that
carry figures are the figure reader's, and a command ("Soạn phần …:") is not a fact."""

from __future__ import annotations

import re

from corpus.docnumbers import find_refs
from corpus.text import fold_lower
from drafting.figures.facts import HARDSHIP, INSPECTION_FINDING, LATE_DOSSIERS, Fact
from drafting.figures.periods import later_period_said
from drafting.inputs.clauses import NAMED_MEETING, meeting_parts
from drafting.inputs.fact_documents import document_said, documents_joined
from drafting.inputs.subject_sections import INDEX_RESULT, PROPOSAL, classify
from drafting.inputs.task_words import NO_HEAD, future_words, planned_task, task_items, task_text
from drafting.models import ASK_OPEN

# "…, qua kiểm tra chưa phát hiện sai phạm": what an inspection found is a clause of its own, not the count's tail
# ("…, sẽ tổ chức thêm 2 buổi": what is done, then what is planned — a task of its own)
_CLAUSES = re.compile(r"(?<=[.;!?])\s+|\n+|,\s+(?=(?:đồng thời|và|sau đó|ngoài ra|qua (?:kiểm tra|rà soát|thanh tra)|"
                      r"(?:chưa|chua|không|khong) (?:phát|phat) (?:hiện|hien)|sẽ|dự kiến|du kien|"
                      r"se (?:to chuc|tiep tuc|trien khai|thuc hien|kiem tra|hoan thanh|ra soat))\b)",
                      re.IGNORECASE)
# "Nhiệm vụ quý IV: …; …", "Phương hướng, nhiệm vụ thời gian tới: …": a list of next tasks, each clause one task
# (never "Nhiệm vụ đã hoàn thành: …", a result)
# not "Nhiệm vụ Chính phủ giao: tổng số 20 nhiệm vụ, …" nor "Nhiệm vụ cấp trên: giao 8, …": tasks set from above, counted
_TASKS_LABEL = re.compile(r"^\s*(?:phuong huong,?\s*)?nhiem vu\b(?![^:]*\b(?:da|duoc|ket qua|giao|cap tren)\b)[^:]{0,50}:"
                          r"(?!\s*(?:duoc\s+)?giao\s+\d)\s*")
COMMAND = re.compile(r"^\s*(soan|viet|lap|thao|lam|gui|cho toi|giup)\b")
# a report's title said as the request ("Báo cáo công tác cải cách hành chính năm 2025 của UBND tỉnh Cà Mau", "cho tôi
# báo cáo CCHC …"): the chat reader takes its year as the year's report, the intent rules take it as a request to draft
REPORT_TITLE = re.compile(r"^\s*(?:(?:cho toi|giup toi|xin|can|lam)\s+)?(?:bao cao|ket qua)\b.{0,40}\b(?:cchc|cai cach hanh chinh)\b")
_ACTIVITY = re.compile(r"\b(to chuc(?! bo may)|trien khai|tien hanh|ban hanh|kiem tra|tham dinh|tuyen truyen|doi thoai|tap huan|hop|hoi nghi|giao ban|so ket|"
                       r"tong ket|phat dong|ky ket|thanh lap|kien toan|xay dung ke hoach|ra soat|quan triet|cong bo|sap xep|sap nhap|"
                       r"hop nhat|hoan thanh|boi duong|mo(?: \d+)? (?:lop|khoa)|cap(?: moi| doi| lai)?(?: \d+)? (?:giay|chung chi|the))\b")
_SHORTCOMING = re.compile(r"\b(han che|ton tai|chua dat|con cham|chua dap ung|kho khan|vuong mac|qua han|tre han|con thap|"
                          r"chua cao|tre hen|qua hen|cham tra)\b")
_FOUND = re.compile(r"\b(?:phat hien|chi ra)\s+(?:[\d.]+\s+)?(?:ton tai|han che)\b")
# "Tồn tại: …; …": a list under a limitation's label, each clause a limitation
# "Hạn chế:", "Còn hạn chế:", "Tồn tại, hạn chế:", "Những khó khăn:"
_LIMITS_LABEL = re.compile(r"^\s*(?:con\s+|nhung\s+)?(?:ton tai|han che|kho khan|vuong mac)"
                           r"(?:,?\s*(?:ton tai|han che|kho khan|vuong mac))*\s*:")
# on the lower-cased words, not folded ones: "mức độ 3" is no cause ("do" and "độ" fold alike)
_CAUSE = re.compile(r"\bnguy[êe]n nh[âa]n\b\s*(?:l[àa]|do|:)?\s*|\b(?:do|v[ìi])\b\s+(?=\w)")
# "Nguyên nhân quá hạn chủ yếu do …": the cause, with what it is the cause of (folded words)
# on the lower-cased words too: "đơn vị" is no "vì" — "Nguyên nhân do hồ sơ … sắp xếp đơn vị hành chính" names no what
_CAUSE_OF = re.compile(r"^\s*nguy[êe]n nh[âa]n\s+(?:c[ủu]a\s+)?(?:vi[ệe]c\s+|t[ìi]nh tr[ạa]ng\s+)?"
                       r"(?!(?:l[àa]|do|v[ìi])\s)(?P<what>.+?)(?:\s*:?\s+(?:ch[ủu] y[ếe]u\s+|m[ộo]t ph[ầa]n\s+)?"
                       r"(?:l[àa] do|l[àa] v[ìi]|do|v[ìi]|l[àa])|\s*:)\s+(?=\w)")  # "Nguyên nhân hồ sơ quá hạn: do …", "… chậm: vướng …"
_LATE = re.compile(r"\b(?:qua|tre) (?:han|hen)\b")
# where a document's words end and its figures' begin: "Kế hoạch số 12/KH-UBND … với 45 nhiệm vụ"
# "… về CCHC năm 2024 và 14 văn bản chỉ đạo khác": a count after "và" is no part of the document's name
_DOCUMENT_END = re.compile(r",|;|\s(?:voi|gom|co|trong do|de ra|dat)\s|\sva\s+(?=\d)")
_AREA_LABEL = re.compile(r"^\s*(?:ve\s+)?(?:cong tac\s+)?(?:cai cach\s+)?(?:the che|to chuc bo may|cong vu|che do cong vu|"
                         r"tai chinh cong|chinh quyen (?:dien tu|so)|chuyen doi so|thu tuc hanh chinh|tthc)\s*:\s*")
# "tổ chức 1 cuộc đối thoại với người dân về thủ tục đất đai ngày 20/3/2027, có 60 hộ dân tham dự": a dialogue told
# with its subject or day is an event in the official's words, its count and all
_TOLD_DIALOGUE = re.compile(r"\b\d+\s+(?:cuoc |buoi |hoi nghi )?doi thoai\b(?=[^.;]*\b(?:ve|chu de|ngay|tai)\s)")
# "Cử 7 công chức đi bồi dưỡng quản lý nhà nước ngạch chuyên viên chính": staff trained, told with the course — an
# event of section II.4 in the official's words (the writer puts the figure's slot on its count); "bồi dưỡng chuyên
# môn, nghiệp vụ" says no more than the figure does
_STAFF = r"(?:(?:hon|gan|khoang|tren)\s+)?\d+\s+(?:luot\s+)?(?:can bo|cong chuc|vien chuc|cbccvc|cbcc)\b"  # "cho hơn 300 cán bộ"
_COURSE = r"\b(?:boi duong|tap huan|dao tao)\s+(?!(?:ve\s+)?(?:chuyen mon|nghiep vu)(?:,?\s*(?:chuyen mon|nghiep vu))?\s*(?:$|[,.;]|cho\b|voi\b))(?:[a-z0-9/]+[ ,]+){2,}[a-z0-9/]+"
_TOLD_TRAINING = re.compile(rf"\b{_STAFF}[^.;\d]{{0,30}}?{_COURSE}|{_COURSE}[^.;\d]{{0,40}}?\b(?:cho|voi)\s+{_STAFF}")
_TASKS_LEFT = re.compile(r"^\s*(?:con(?: lai)?\s+)?\d+\s+nhiem vu\s+(?:con\s+)?(?:dang|chua|tiep tuc|chuyen)\b")
_REMINDED = re.compile(r"\bbi (?:nhac nho|phe binh|kiem diem)\b")
# "Tháng 5 Sở kiểm tra CCHC tại 3 phòng …": a dated inspection, told by the inspection's counts in section I
_CHECKED_AT = re.compile(r"\bkiem tra\b[^.;\d]{0,40}\b(?:tai|doi voi)\s+\d")
_DATED = re.compile(r"^\s*(?:vao |trong |cuoi |dau )?(?:ngay|thang) \d")
# "xã sẽ bố trí thêm 1 máy tính tại Bộ phận Một cửa": equipping the desk is a task as any other
_PLAN_VERB = re.compile(r"\b(tap trung|nang|day manh|tiep tuc|phan dau|hoan thanh|thuc hien|tang cuong|duy tri|bo tri|"
                        r"trang bi|lap dat|dau tu)\b")
_INITIATIVE = re.compile(r"\b(?<!theo )(mo hinh|sang kien|giai phap moi)\b")  # "theo mô hình hai cấp": no initiative
# "Phấn đấu tỷ lệ hồ sơ quá hạn dưới 1%": a target (target_text.py), not a limitation nor an activity
_TARGET_CLAUSE = re.compile(r"\b(?:phan dau|chi tieu|muc tieu)\b.*\d\s*%|\d\s*%.*\b(?:chi tieu|muc tieu)\b")
_HEADLINE = re.compile(r"^[^:]{0,120}:\s*", re.S)
# "Văn bản xin lỗi khi hồ sơ quá hạn thì theo quy định nào?": a question reports nothing
_QUESTION = re.compile(r"\?\s*$|\b(nao|gi|bao nhieu|the nao|ra sao|khong|chua|hay sao|o dau)\s*\??\s*$")


# meetings and outreach are direction and communication (section I of the outline), whatever their topic
_MEETING = re.compile(r"\b(?:hoi nghi|cuoc hop|hop ban chi dao|hoi thao|toa dam|tuyen truyen|doi thoai|giao ban|hop(?: \S+){0,4} \d+ lan)\b")
# "Năm 2027 phường tiếp tục đẩy mạnh …": a period named first and a plan's verb — a task when it is the next period
_LEAD_PERIOD = re.compile(r"^\s*(?:trong |den )?(?:nam 20\d\d|quy [iv]+|6 thang cuoi nam)\b")
# "tổ chức 1 hội nghị triển khai nhiệm vụ CCHC năm 2027": the count is the figure's, what the meeting was about is an
# event of its own (without the count); "2 hội nghị về CCHC", "3 cuộc họp giao ban về CCHC" say no more than the count
# nor does "12 hội nghị phổ biến pháp luật với 2.300 lượt người": the words of the figures it carries ("giao ban 2 lần,
# nội dung chủ yếu về …" says what they were about)
_COUNTED_MEETING = re.compile(r"\b(\d+)\s+(?:hoi nghi|cuoc hop|hoi thao|toa dam|lan,?\s+noi dung(?: chu yeu)?(?: ve)?)\b\s*:?\s*"
                              r"(?!pho bien|tuyen truyen|giao duc|va \d|(?:giao ban|chuyen de|thuong ky|dinh ky)\s+(?:ve\s+)?"
                              r"(?:cchc|cai cach hanh chinh)\s*(?:$|[.;]|,(?!\s*(?:voi\s+)?noi dung)))(?:[a-z0-9/]+\s+){2,}[a-z0-9/]+")
_NAMED_MODELS = re.compile(r"\b\d+\s+((?:mo hinh|sang kien|giai phap)(?: moi)?)\b[^:;.\d]{0,30}(?::|\b(?:gom|la|"
                           r"trong do co)\b)\s*\S")
# "2 hội nghị về CCHC theo dự kiến của kế hoạch năm": held as planned — no topic beyond the count's
_AS_PLANNED = re.compile(r"\s*,?\s*\b(?:theo|nhu|dung)\s+(?:du kien|ke hoach)\b.*$")
# "…, trong đó có Kế hoạch số …", "gồm: Quyết định số …": the documents a count is made of
_NAMED_DOCUMENT = re.compile(r"\b(?:trong do(?: co)?|gom(?: co)?|bao gom|nhu)\s*:?\s*(?=\w)")


def clean_clause(clause: str) -> str:
    c = re.sub(r"\s+", " ", clause).strip(" ,;.-+•")
    # on the folded words, so that "Han che: …" typed without diacritics loses its label as "Hạn chế: …" does
    f = fold_lower(c)
    # "Về cải cách tổ chức bộ máy: Sở đã trình …": the topic's label is the section's heading, not the fact's words
    # a difficulty keeps its label ("Khó khăn: máy scan hư hỏng …"): it is a circumstance, not a fault with a cause to ask
    lead = re.match(r"(va|dong thoi|sau do|ngoai ra)\s+|((?:con |nhung )?(?:han che|ton tai)(?:,? (?:han che|ton tai))?"
                    r"|(?:ve|linh vuc) [^:.;]{3,60})\s*:\s*", f)
    if lead and len(f) == len(c):
        c = c[lead.end():]
    return c[:1].upper() + c[1:] if c else c


def cause_of(words: str) -> str:
    """A cause's own words: "… do công chức địa chính nghỉ ốm dài ngày, còn 22 hồ sơ đang giải quyết" stops where a
    count's clause begins."""
    m = _COUNT_CLAUSE.search(fold_lower(words))  # (a cause's own number stays: "hội đồng họp 1 lần/tháng")
    return clean_clause(words[:m.start()] if m else words)


_COUNT_CLAUSE = re.compile(r",\s*(?=(?:con(?: lai)?|trong do|va|da|dang)\s[^,]{0,30}?\d[\d.]*\s*(?:ho so|phan anh|van ban|"
                           r"thu tuc|nhiem vu)\b)")


def _future(clause: str, folded: str) -> bool:
    """Said of the next period — but "Ngày 15/7 phường tổ chức hội nghị sơ kết, triển khai nhiệm vụ 6 tháng cuối năm"
    reports a meeting held: a dated clause, or the next period named only as what a meeting was about, is past."""
    said = list(future_words(clause))
    if not said or any(m.group(0) in ("se", "du kien") for m in said) or re.search(r"\b(?:ngay|thang) [\d/]+ toi\b", folded):
        return bool(said)  # "sẽ", "dự kiến", "tháng 10 tới" say it whatever the date said before
    meeting = _MEETING.search(folded)
    return not (_DATED.match(folded) or meeting and meeting.start() < said[0].start())


def _sentences(text: str):
    """(start, end, sentence) for each sentence of a message."""
    pos = 0
    for part in re.split(r"(?<=[.!?\n])\s", text):
        start = text.find(part, pos)
        pos = start + len(part)
        yield start, pos, part


def task_list_spans(text: str) -> list[tuple[int, int]]:
    """Spans of the items under a "Nhiệm vụ quý IV: …; …" label, to the end of its sentence: "hoàn thành 11 nhiệm vụ
    còn lại của kế hoạch năm" there is a task's words, not the count of tasks done."""
    out = []
    for start, pos, part in _sentences(text):
        # "Nhiệm vụ UBND tỉnh giao trong năm: 22; …" is a count under its label, not a list of tasks
        if (m := _TASKS_LABEL.match(fold_lower(part))) and not re.match(r"\s*\d", part[m.end():]):
            out.append((start + m.end(), pos))
    return out


# "Kiến nghị UBND tỉnh bổ sung 2 biên chế …" (not "Kiến nghị, phản ánh: tiếp nhận 12"); "hội đồng họp 1 lần/tháng"
# (addressed to someone: "Đề xuất phương án đơn giản hóa 6 thủ tục" reports work done)
_PROPOSAL_SENTENCE = re.compile(r"^\s*(?:[-+•*]\s*)?(?:kien nghi|de nghi|de xuat)\s+(?:voi\s+)?(?:ubnd|uy ban|bo|so|tinh|"
                                r"thanh pho|trung uong|cap tren|chinh phu|thu tuong|hdnd|hoi dong|cac (?:bo|so|co quan)|"
                                r"van phong|ban chi dao|huyen)\b")
_FREQUENCY = re.compile(r"\d+\s*(?:lan|luot|buoi)?\s*/\s*(?:ngay|tuan|thang|quy|nam)\b")


def worded_spans(text: str) -> list[tuple[int, int]]:
    """Numbers that are the words of a proposal, of a cause ("Nguyên nhân là …, hội đồng họp 1 lần/tháng") or a
    frequency: no figure of the period. A cause's own subject stays readable ("Nguyên nhân 4 hồ sơ quá hạn là do …")."""
    out = []
    for start, pos, part in _sentences(text):
        folded = fold_lower(part)
        if _PROPOSAL_SENTENCE.match(folded):
            out.append((start, pos))
        elif re.match(r"^\s*nguy[êe]n nh[âa]n\b", part.lower()):
            m = _CAUSE_OF.match(part.lower()) or _CAUSE.match(part.lower(), re.match(r"\s*", part).end())
            if m:
                out.append((start + m.end(), pos))
        out += [(start + f.start(), start + f.end()) for f in _FREQUENCY.finditer(folded)]
    return out


_APOLOGISED = re.compile(r"\b(?:da\s+)?(?:gui|co|ban hanh|phat hanh)\s+(?:van ban|thu)\s+xin loi\b")


def _limitation(clause: str, folded: str) -> bool:
    """A limitation is said before its cause: "gửi 98 văn bản xin lỗi vì hồ sơ trễ hạn" reports letters sent."""
    m = _CAUSE.search(clause.lower())
    if _APOLOGISED.search(folded):  # "đã gửi thư xin lỗi đối với tất cả hồ sơ quá hạn": the remedy, not the fault
        return False
    # "Tháng 5 Sở kiểm tra …, phát hiện 4 tồn tại …, đã khắc phục 3": what an inspection found, in section I
    return bool(_SHORTCOMING.search(_FOUND.sub(" ", folded[:m.start()] if m and m.start() > 2 else folded))) or bool(
        _STILL_UNDONE.match(folded))


# "Còn 8 vấn đề phát hiện qua kiểm tra chưa được khắc phục": what is still not put right, said on its own, is a limitation
# (not the inspection that found it); tasks of the plan not done ("…; còn 3 nhiệm vụ chưa hoàn thành") are its progress,
# unless a cause follows
_STILL_UNDONE = re.compile(r"\s*(?:van\s+)?con\s+(?:[\d.]+|mot so|nhieu)\s+[^.;]*?\bchua\s+(?:duoc\s+)?"
                           r"(?:(?:khac phuc|xu ly|chan chinh|giai quyet)\b|hoan thanh\b(?=[^.;]*\b(?:do|vi|boi vi)\s))")


def read_facts(text: str, figure_spans: list[tuple[int, int]], spans: list[tuple[int, int]] | None = None,
               next_period: str = "") -> list[Fact]:
    """spans, when given, receives the span of every clause read as a fact: its dates and periods are the fact's,
    not the report's. next_period ("năm 2025"): a clause that starts with it is about the next period."""
    facts: list[Fact] = []
    said_next = later_period_said(next_period) if next_period else None
    listed = ended = tasks = lead_next = False  # under a "Tồn tại:" label; the clause before ended a sentence; under "Nhiệm vụ …:"
    hardship = ""  # under a "Khó khăn, vướng mắc:" label, the label as written: each item of its list carries it
    spans = spans if spans is not None else []
    pos = 0
    for part in meeting_parts(text, _CLAUSES.split(text), figure_spans):
        if part is None:
            continue
        start = text.find(part, pos) if part else pos
        pos = start + len(part)
        clause = part
        folded = fold_lower(clause)
        if COMMAND.match(folded):  # "Soạn phần chỉ đạo quý I của xã X: tổ chức …" — keep what follows the colon
            m = _HEADLINE.match(clause)
            if not m:
                continue
            start += m.end()
            clause = clause[m.end():]
            folded = fold_lower(clause)
        counted = _COUNTED_MEETING.search(_AS_PLANNED.sub("", folded))
        own = counted is not None and any(a == start + counted.start(1) for a, _ in figure_spans)  # its count a figure
        if counted and sum(start <= a < start + len(clause) for a, _ in figure_spans) > (1 if own else 0):
            # a clause of several figures is the figure reader's — but "ban hành 07 văn bản … và tổ chức 01 hội nghị
            # triển khai nhiệm vụ CCHC năm 2026" (or "… và 1 hội nghị xúc tiến đầu tư", no figure): the meeting's own part
            cut = max((m.end() for m in re.finditer(r",\s*|;\s*|\s+va\s+", folded[:counted.start(1)])), default=0)
            if cut and sum(start + cut <= a < start + len(clause) for a, _ in figure_spans) == int(own):
                start, clause, folded = start + cut, clause[cut:], folded[cut:]
                counted = _COUNTED_MEETING.search(_AS_PLANNED.sub("", folded))
            else:
                counted = None
        # "Năm 2027 Sở tiếp tục rà soát …; đẩy mạnh cấp phiếu …": the clauses after one that opens with the next
        # period's name, in its sentence, are that period's tasks too
        tasks = (tasks or lead_next) and not ended
        lead_next = bool(said_next and said_next.match(folded))
        if task_label := _TASKS_LABEL.match(folded):  # the label's year ("Nhiệm vụ năm 2027:") is no report's year
            spans.append((start, start + task_label.end()))
            tasks, start, clause = True, start + task_label.end(), clause[task_label.end():]
            folded = fold_lower(clause)
        labelled = _LIMITS_LABEL.match(folded)
        listed = bool(labelled) or listed and not ended and not re.match(
            r"^\s*(?:nguyen nhan|kien nghi|de nghi|de xuat)\b", folded)
        if labelled:
            hardship = clause[labelled.start():labelled.end()].strip(" :") if HARDSHIP.match(folded) else ""
        elif not listed:
            hardship = ""
        ended = part.rstrip().endswith((".", "!", "?"))  # the label's list ends with its sentence
        if INDEX_RESULT.search(folded) and not PROPOSAL.match(folded) and re.search(r"\d", folded) and not any(start <= a < start + len(clause)
                                                                        for a, _ in figure_spans):
            words = clean_clause(clause)
            facts.append(Fact(section="I", kind="note", text=words[:1].upper() + words[1:], origin=f"tin nhắn: «{words[:80]}»"))
            spans.append((start, start + len(clause)))
            continue
        if any(start <= a < start + len(clause) for a, _ in figure_spans) and not (
                _limitation(clause, folded) and _CAUSE.search(clause.lower())) and not (
                labelled and not _CAUSE.search(text.lower())) and not (
                _DATED.match(folded) and _ACTIVITY.search(folded) and not _CHECKED_AT.search(folded)) and not counted and not (
                (_TOLD_DIALOGUE.search(folded) or _TOLD_TRAINING.search(folded))
                and sum(start <= a < start + len(clause) for a, _ in figure_spans) == 1):
            # figures: the figure reader's (a limitation with its cause, or a dated activity — "Ngày 15/3 phường tổ
            # chức đối thoại …, có 45 hộ tham dự" — keeps its words, figures and all); a document the count names
            # ("ban hành 06 văn bản …, trong đó có Kế hoạch số 35/KH-SYT ngày 20/01/2025 về …") is a document fact
            named = _NAMED_DOCUMENT.search(folded)
            refs = [r for r in find_refs(clause) if named and r.start >= named.end()]
            if named and refs and "ban hanh" in folded[:named.start()]:
                words = clean_clause(clause[refs[0].start:])
                facts.append(Fact(section=classify(clause)[1], kind="document", text=f"Ban hành {words}",
                                  origin=f"tin nhắn: «{clean_clause(clause)[:80]}»", number=clause[refs[0].start:refs[0].end]))
                spans.append((start + named.start(), start + len(clause)))
            elif (refs := find_refs(clause)) and "ban hanh" in folded[:refs[0].start] and not any(
                    start <= a < start + refs[0].start for a, _ in figure_spans):
                # "ban hành Kế hoạch số 12/KH-UBND ngày 15/01/2024 về CCHC năm 2024 với 45 nhiệm vụ, …": the document,
                # up to the words of the figures that follow it
                tail = _DOCUMENT_END.search(folded, refs[0].end)
                cut = tail.start() if tail else len(clause)
                # (a decision announcing procedures is both: "Quyết định số 215/QĐ-UBND … công bố danh mục 38 TTHC mới")
                if not any(refs[0].end <= a - start < cut for a, _ in figure_spans) or re.search(
                        r"\bcong bo\b", folded[refs[0].end:cut]):
                    words, day = document_said(clause[:cut], folded[:cut])
                    # (its section by its own words: "Kế hoạch … về CCHC năm 2026" is direction, whatever the tail says)
                    facts.append(Fact(section=classify(clause[:cut])[1], kind="document", text=clean_clause(words),
                                      date=day, origin=f"tin nhắn: «{clean_clause(clause)[:80]}»",
                                      number=clause[refs[0].start:refs[0].end]))
                    spans.append((start, start + cut))
            elif m := _NAMED_MODELS.search(folded):  # "triển khai 2 mô hình mới: Thứ 7 cùng dân và …": the models
                words = clean_clause(clause[m.end() - 1:])  # named (their count is the figure's sentence)
                facts.append(Fact(section="I", kind="initiative", origin=f"tin nhắn: «{clean_clause(clause)[:80]}»",
                                  text=f"Các {clause[m.start(1):m.end(1)].lower()} được triển khai: {words}"))
                spans.append((start, start + len(clause)))
            elif lead := NAMED_MEETING.search(folded, 0, min(a - start for a, _ in figure_spans if a >= start)):
                # "Sở tổ chức Hội nghị đối thoại … ngày 12/5/2026 và 2 cuộc họp …": the named meeting is an event
                words = clean_clause(clause[:lead.end(1)])
                facts.append(Fact(section="I", kind="event", text=words[:1].upper() + words[1:],
                                  origin=f"tin nhắn: «{clean_clause(clause)[:80]}»"))
                spans.append((start, start + lead.end(1)))
            elif named and _MEETING.search(folded, named.end()) and not find_refs(clause):
                # "tổ chức 02 hội nghị, trong đó có hội nghị đối thoại … ngày 20/8/2026": the meeting the count names
                words = clean_clause(clause[named.end():])
                facts.append(Fact(section="I", kind="event", text=words[:1].upper() + words[1:],
                                  origin=f"tin nhắn: «{clean_clause(clause)[:80]}»"))
                spans.append((start + named.start(), start + len(clause)))
            continue
        # a counted meeting keeps its count in the official's words: the writer puts the figure's slot there, or leaves
        # it out where its lead has said it (substance.SubstanceWriter.events)
        text_c = clean_clause(clause)
        # a target of the next period ("Năm 2027 xã sẽ phấn đấu 100% hồ sơ được số hóa") is a task of section IV; "hoàn
        # thành 12": a verb and a number left unread is a count to ask about, no fact
        if len(text_c) < 12 or re.search(r"\d", text_c) and len(re.sub(r"\d[\d.,]*", " ", text_c).split()) < 3 or \
                _QUESTION.search(folded.rstrip(" .")) or (
                _TARGET_CLAUSE.search(folded) and not next(future_words(clause), None) and not (said_next and said_next.match(folded))
                and not tasks):  # "Nhiệm vụ năm 2027: …, phấn đấu đạt 100% …": an aim in the list of tasks
            continue
        origin = f"tin nhắn: «{text_c[:80]}»"
        before = (len(facts), facts[-1] if facts else None)
        if re.match(r"^\s*nguyen nhan\b", folded) and not (facts and facts[-1].kind == "shortcoming"):
            # a cause said on its own: of what it names ("Nguyên nhân quá hạn …": the late dossiers), or of the
            # limitation said before, in an earlier message (text left empty; see attach_causes)
            m = _CAUSE_OF.match(clause.lower()) or _CAUSE.match(clause.lower())
            what = fold_lower(m.groupdict().get("what") or "") if m else ""
            if re.fullmatch(r"(?:ho so )?(?:giai quyet )?(?:qua|tre) (?:han|hen)", what):
                what = LATE_DOSSIERS
            elif what:
                what = clean_clause(clause[m.start("what"):m.end("what")])
            cause = cause_of(clause[m.end():]) if m else ""
            if cause:
                facts.append(Fact(section="III", kind="shortcoming", text=what, cause=cause[:1].lower() + cause[1:],
                                  origin=origin))
        # the cause of the limitation before it, even when it says "hạn chế" ("…; nguyên nhân: trình độ … hạn chế")
        elif re.match(r"^\s*nguyen nhan\b", folded) and facts and facts[-1].kind == "shortcoming":
            m = _CAUSE.search(clause.lower())
            cause = cause_of(clause[m.end():])
            facts[-1] = facts[-1].model_copy(update={"cause": cause[:1].lower() + cause[1:]})
        elif PROPOSAL.match(folded):
            facts.append(Fact(section="V", kind="proposal", text=text_c, origin=origin))
        elif tasks or (lead_next and (labelled := task_text(text_c, said_next)) != text_c):
            # "…; Ban sẽ tổ chức kiểm tra 3 phòng": listed as the verb phrase, as the first task is; "Quý IV: số hóa hồ
            # sơ …": under the next period's name as a label, a task whatever its verb; "…, tổ chức …": one per item
            facts += [Fact(section="IV", kind="task", text=t, origin=origin)
                      for t in task_items(task_text(text_c, NO_HEAD) if tasks else labelled)]
        elif _limitation(clause, folded) or listed:
            cause = ""
            m = _CAUSE.search(clause.lower())
            if m and m.start() > 2:
                cause = cause_of(clause[m.end():])  # "Hồ sơ quá hạn là do …": "là" belongs to the cause's words
                text_c = clean_clause(re.sub(r"\s+(?:l[àa]|ch[ủu] y[ếe]u|m[ộo]t ph[ầa]n)\s*$", "", clause[:m.start()]))
            if hardship and not HARDSHIP.match(fold_lower(text_c)):  # the next items of a "Khó khăn: …; …" list
                text_c = f"{hardship[:1].upper()}{hardship[1:]}: {text_c[:1].lower()}{text_c[1:]}"
            facts.append(Fact(section="III", kind="shortcoming", text=text_c, cause=cause[:1].lower() + cause[1:],
                              origin=origin))
        elif _future(clause, folded) and _PLAN_VERB.search(folded):  # "6 tháng cuối năm, xã sẽ tập trung nâng …"
            facts.append(Fact(section="IV", kind="task", text=planned_task(text_c), origin=origin))
        elif (lead := find_refs(clause)) and lead[0].start <= 2 and facts and facts[-1].kind == "document" and not (
                _future(clause, folded)):  # "…; Quyết định số 20/QĐ-UBND … kiện toàn Ban Chỉ đạo": the list of documents goes on
            facts.append(Fact(section=classify(clause)[1], kind="document", text=text_c, origin=origin,
                              number=clause[lead[0].start:lead[0].end]))
        elif _TASKS_LEFT.match(folded):  # "…18/20 nhiệm vụ; 2 nhiệm vụ đang triển khai": the rest of the plan
            facts.append(Fact(section="I", kind="progress", text=text_c, origin=origin))
        elif _REMINDED.search(folded):  # "2 công chức bị nhắc nhở do …": no disciplinary measure, the official's words
            facts.append(Fact(section="II.4", kind="note", text=text_c[:1].upper() + text_c[1:], origin=origin))
        elif _ACTIVITY.search(folded) or _INITIATIVE.search(folded) or INSPECTION_FINDING.match(folded) or (_LEAD_PERIOD.match(folded)
                                                                         and _PLAN_VERB.search(folded)):
            future = _future(clause, folded)
            refs = find_refs(clause)
            kind = "task" if future else ("document" if refs and "ban hanh" in folded else
                                          "initiative" if _INITIATIVE.search(folded) else "event")
            section = "IV" if future else classify(clause)[1]
            if INSPECTION_FINDING.match(folded) and not future:
                section = "I"  # "qua kiểm tra đã chấn chỉnh việc niêm yết TTHC"
            if kind == "event" and _TOLD_TRAINING.search(folded):
                section = "II.4"
            elif kind == "event" and (_MEETING.search(folded) and section != "II.1" or _TOLD_DIALOGUE.search(folded)) \
                    or kind == "initiative":
                section = "I"  # bar law dissemination (II.1); models and initiatives are item 6 of section I
            day = None
            if kind == "document" and not future and (joined := documents_joined(clause)):
                for piece in joined:
                    words, day = document_said(piece, fold_lower(piece))
                    ref = next(iter(find_refs(piece)), None)
                    facts.append(Fact(section=classify(piece)[1], kind=kind, text=clean_clause(words), origin=origin, date=day,
                                      number=piece[ref.start:ref.end] if ref else ""))
                spans.append((start, start + len(clause)))
                continue
            text_c = planned_task(text_c) if future else text_c
            if kind == "document":
                words, day = document_said(clause, folded)
                text_c = clean_clause(words) if day or words != clause else text_c
            facts.append(Fact(section=section, kind=kind, text=text_c, origin=origin, date=day,
                              number=clause[refs[0].start:refs[0].end] if kind == "document" else ""))
        elif (label := _AREA_LABEL.match(folded)) and len(text_c) - label.end() >= 12 and "%" not in clause:
            # "Về tổ chức bộ máy: xã có 12 công chức, …": said under a section's label, nothing done nor lacking — a note
            # of that section, in the official's words (its numbers no figure of the schema); a typed rate stays the
            # figure reader's note, since rates are computed from counts
            words = clean_clause(clause[label.end():])
            facts.append(Fact(section=classify(clause)[1], kind="note", text=words[:1].upper() + words[1:], origin=origin))
        if (len(facts), facts[-1] if facts else None) != before:
            spans.append((start, start + len(clause)))
    return facts


def attach_causes(held: list[Fact], new: list[Fact]) -> list[Fact]:
    """Facts of a new message added to those held: a cause said on its own goes to the limitation it names (or to
    the last one without a cause when it names none) instead of standing alone."""
    out = list(held)
    for f in new:
        if f.kind == "shortcoming" and f.cause and (not f.text or f.text == LATE_DOSSIERS):
            fits = [i for i, h in enumerate(out) if h.kind == "shortcoming" and not h.cause
                    and (not f.text or _LATE.search(fold_lower(h.text)))]
            if fits:
                out[fits[-1]] = out[fits[-1]].model_copy(update={"cause": f.cause})
                continue
            if not f.text:
                f = f.model_copy(update={"text": f"{ASK_OPEN}tồn tại, hạn chế của nguyên nhân này]"})
        if f.text not in {h.text for h in out}:
            out.append(f)
    return out


