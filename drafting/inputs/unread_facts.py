"""Numbers the reader of figures left unread that are still the official's substance: a count no figure names in a
part of a sentence that tells an activity ("công bố 3 quyết định công bố danh mục TTHC"), and counts of one level of
a figure kept only as the unit's total ("Cấp tỉnh tiếp nhận 41.200 hồ sơ, cấp xã …"), a reform area's sentence whose
count is no figure, and the time said at the head of a sentence counting section I's work — kept in the official's
words as facts, rather than left out of the draft."""

from __future__ import annotations

import re

from corpus.docnumbers import find_refs
from corpus.text import fold_lower
from drafting.figures.facts import Fact
from drafting.figures.schema import DERIVED_BY_KEY, FIELD_BY_KEY
from drafting.inputs.chat_facts import clean_clause, read_facts
from drafting.inputs.clauses import PAPERS, PARTS
from drafting.inputs.subject_sections import classify
from drafting.inputs.text_reading import LEVEL_ONLY, UNCLEAR, ReadFigure, StatedRate, Unread

_PART_END = re.compile(r"[;\n]|,\s|\.(?!\d)")
_SENTENCE_END = re.compile(r"[;\n!?]|\.(?!\d)")
_CLASSES = re.compile(r"\s*(?:lop|khoa|dot)\b")  # "01 lớp", "2 khóa", "3 đợt" of training


def unread_activities(text: str, unread: list[Unread], figure_spans: list[tuple[int, int]],
                      fact_spans: list[tuple[int, int]], next_period: str = "",
                      trained: tuple[tuple[int, int], ...] = ()) -> list[tuple[Fact, tuple[int, int]]]:
    """"…; trong năm đã tham mưu UBND tỉnh công bố 3 quyết định công bố danh mục TTHC, sửa đổi 12 thủ tục": a count
    that no figure names, in a part of a sentence that tells an activity and holds no figure, is kept as the official
    said it — a fact with its span — rather than left out of the draft. "Cấp tỉnh tiếp nhận 41.200 hồ sơ, cấp xã tiếp
    nhận 204.110 hồ sơ": counts of one level, of a figure the schema keeps only as the unit's total — the sentence is
    a note of section II.2. trained: spans of counts of people trained; "mở 01 lớp bồi dưỡng kỹ năng giao tiếp cho 35
    cán bộ, công chức" — the classes beside such a count are an event of section II.4 that tells that count too."""
    out: list[tuple[Fact, tuple[int, int]]] = []
    for u in unread:
        if u.reason not in (UNCLEAR, LEVEL_ONLY):
            continue
        classes = u.reason == UNCLEAR and _CLASSES.match(fold_lower(text[u.end:])) is not None
        # "Cấp 18.420 phiếu lý lịch tư pháp, 100% đúng hạn": papers the unit issued, a note of II.2 as told
        papers = u.reason == UNCLEAR and PAPERS.match(fold_lower(text[u.end:u.end + 40])) is not None
        ends = _SENTENCE_END if u.reason == LEVEL_ONLY or classes or papers else _PART_END
        a = max((m.end() for m in ends.finditer(text, 0, u.start)), default=0)
        m = ends.search(text, u.end)
        b = m.start() if m else len(text)
        taught = classes and any(a <= x < b for x, _ in trained)
        if any(a <= x < b for x, _ in figure_spans) and not taught or any(
                x < b and a < y for x, y in fact_spans + [p for _, p in out]):
            continue
        if taught or papers or u.reason == LEVEL_ONLY:  # kept whole: the training as told, or a note
            words = clean_clause(text[a:b])
            out.append((Fact(section="II.4" if taught else "II.2", kind="event" if taught else "note",
                             text=words[:1].upper() + words[1:], origin=f"tin nhắn: «{words[:80]}»"), (a, b)))
            continue
        part = text[a:b]
        if re.match(r"\s*\d", part):  # "Tổ chức 3 hội nghị, 2 buổi tập huấn …": the sentence's own verb, as written
            s0 = max((m.end() for m in _SENTENCE_END.finditer(text, 0, a)), default=0)
            verb = re.match(r"\s*([^\d,;:]{2,30}?)\s+\d", text[s0:a])
            if verb is None:
                continue
            part = f"{verb.group(1)} {part.strip()}"
        kept = [f for f in read_facts(part, [], None, next_period) if f.kind in ("event", "document", "initiative")]
        if kept:
            out.append((kept[0], (a, b)))
    return out


def rate_notes(text: str, typed: list[StatedRate], figures: list[ReadFigure]) -> list[tuple[Fact, tuple[int, int]]]:
    """"Giải ngân vốn đầu tư công được 4.125,6 tỷ đồng, đạt 41,2% kế hoạch": a rate typed beside its figure, whose
    base the official did not give, cannot be computed — it is kept as the official's note on that figure (said in
    brackets after it), not dropped. Where the base is given the rate is computed and the note is not written
    (substance.with_figure_notes)."""
    out: list[tuple[Fact, tuple[int, int]]] = []
    held = {f.key: f for f in figures}
    for r in typed:
        num, den = DERIVED_BY_KEY[r.key].inputs
        fig = held.get(num)
        if fig is None or den in held or fig.end > r.start or re.search(r"[.;\n]", text[fig.end:r.start]):
            continue
        a = max((m.end() for m in _PART_END.finditer(text, fig.end, r.start)), default=fig.end)
        m = _PART_END.search(text, r.end)
        b = m.start() if m else len(text)
        words = re.sub(r"\s+", " ", text[a:b]).strip(" ,;")
        label = FIELD_BY_KEY[num].label
        out.append((Fact(section=FIELD_BY_KEY[num].section, kind="note", text=f"{label}: {words}", figure=num,
                         origin=f"tin nhắn: «{words[:80]}»"), (a, b)))
    return out


# "Hồ sơ lý lịch tư pháp: tiếp nhận 9.614, …", "Lĩnh vực đất đai: …": a label that narrows the dossiers counted to
# one field; not a figure's own words ("Hồ sơ trực tuyến: 1.876", "Hồ sơ TTHC: …")
_SCOPE = re.compile(r"\s*((?:ho so|linh vuc)\s+(?:thuoc\s+)?(?:linh vuc\s+)?[^\W\d][^:;.\d]{2,60}?)\s*:\s*(?=[^.;\d]{0,40}\d)")
_NOT_SCOPE = re.compile(r"\b(?:tthc|thu tuc|tiep nhan|giai quyet|truc tuyen|truc tiep|mot cua|buu chinh|qua han|tre han|"
                        r"dung han|so hoa|ky truoc|dang|cua (?:xa|phuong|so|don vi|co quan|ban|huyen|tinh|ubnd)|"
                        r"toan trinh|mot phan|co phi|trong ky|moi)\b")


def scope_notes(text: str, figures: list[ReadFigure]) -> list[tuple[Fact, tuple[int, int]]]:
    """"Hồ sơ lý lịch tư pháp: tiếp nhận 9.614, trả đúng hạn 9.580": the dossiers counted are one field's, not all
    the unit's — the label is the official's note on the first dossier count after it, said in brackets there
    (substance.with_figure_notes), so that the draft does not present one field as the unit's total."""
    folded = fold_lower(text)
    out: list[tuple[Fact, tuple[int, int]]] = []
    for m in _SCOPE.finditer(folded):
        if len(folded) != len(text) or (m.start() and not re.search(r"[.;\n]\s*$", folded[:m.start()])):
            continue  # a label opens its sentence
        if _NOT_SCOPE.search(m.group(1)):
            continue
        first = next((f for f in figures if f.key.startswith("tthc.ho_so") and f.start >= m.end()
                      and not _SENTENCE_END.search(text, m.end(), f.start)), None)
        if first is None:
            continue
        words = text[m.start(1):m.end(1)].strip()
        out.append((Fact(section=FIELD_BY_KEY[first.key].section, kind="note",
                         text=f"{FIELD_BY_KEY[first.key].label}: {words[:1].lower()}{words[1:]}", figure=first.key,
                         origin=f"tin nhắn: «{words}»"), m.span(1)))
    return out


# "Tinh giản biên chế 46 người theo Nghị định 178/2024/NĐ-CP": the document a figure was done under
_UNDER = re.compile(r"\b(?:theo|thuc hien|can cu)\s+(?:(?:quy dinh|chinh sach|che do) (?:tai|cua|theo)\s+)?$")


def basis_notes(text: str, figures: list[ReadFigure]) -> list[tuple[Fact, tuple[int, int]]]:
    """"Tinh giản biên chế 46 người theo Nghị định 178/2024/NĐ-CP": the document a figure was done under is the
    official's note on that figure, said in brackets after it (substance.with_figure_notes) rather than left out; the
    reviewer checks its number and status as it checks any citation."""
    folded = fold_lower(text)
    out: list[tuple[Fact, tuple[int, int]]] = []
    for r in find_refs(text):
        lead = _UNDER.search(folded, 0, r.start)
        fig = next((f for f in reversed(figures) if lead and f.end <= lead.start()
                    and re.fullmatch(r"[^\W\d]*(?:\s+[^\W\d]+)*\s*", folded[f.end:lead.start()])), None)
        m = _PART_END.search(text, r.end)
        b = m.start() if m else len(text)
        if fig is None and lead:  # "Hợp đồng lao động theo Nghị định 111/2022/NĐ-CP: 3 người": the basis before the count
            fig = next((f for f in figures if f.start >= r.end and re.fullmatch(r"\s*(?::|la|co)?\s*", folded[r.end:f.start])),
                       None)
            b = r.end
        if fig is None or fig.key not in FIELD_BY_KEY:
            continue
        words = re.sub(r"\s+", " ", text[lead.start():b]).strip(" ,;")
        out.append((Fact(section=FIELD_BY_KEY[fig.key].section, kind="note", text=f"{FIELD_BY_KEY[fig.key].label}: {words}",
                         figure=fig.key, origin=f"tin nhắn: «{words[:80]}»"), (lead.start(), b)))
    return out


# "…, đã hoàn thành 29 nhiệm vụ, 1 nhiệm vụ chuyển sang năm 2027 do chưa có hướng dẫn của cấp trên": the rest of the
# plan with what became of it or why — words that say more than the state the draft computes; or what the tasks are
# ("…, 01 nhiệm vụ đang triển khai (số hóa kết quả giải quyết TTHC còn tồn)")
_REST_OF_PLAN = re.compile(r"(?<![\d.,/])\d+\s+nhiem vu\s+(?:con\s+)?(?:dang|chua|chuyen|tiep tuc)\b(?:[^.;\n(]*?"
                           r"\b(?:chuyen (?:tiep )?(?:sang|qua)|do|vi)\b[^.;\n]*|[^.;\n(]*\([^)]*\))")


def rest_of_plan_notes(text: str, figures: list[ReadFigure]) -> list[tuple[Fact, tuple[int, int]]]:
    """The plan's unfinished tasks said with their fate or cause, after the plan's counts in the same sentence: a
    progress fact of section I (written after the progress sentence), never a number of its own."""
    held = {f.key for f in figures}
    if not {"chi_dao.nhiem_vu_ke_hoach", "chi_dao.nhiem_vu_hoan_thanh"} <= held:
        return []
    out = []
    for m in _REST_OF_PLAN.finditer(fold_lower(text)):
        if any(f.start <= m.start() < f.end for f in figures):
            continue
        words = clean_clause(text[m.start():m.end()])
        out.append((Fact(section="I", kind="progress", text=words, origin=f"tin nhắn: «{words[:80]}»"), m.span()))
    return out




def plan_rest_said(text: str, reading, left) -> bool:
    """"2 nhiệm vụ chưa hoàn thành là xây dựng Đề án …, do chờ hướng dẫn …" told on its own in a chat that holds the
    plan's counts (42 set, 40 done): the plan's rest, not tasks set from above — a progress fact in the official's
    words (cause and all), never a number of its own. left: the plan's tasks not done. reading: a ChatReading,
    changed in place; True when it was so read."""
    f = next((f for f in reading.figures if f.key == "chi_dao.nhiem_vu_cap_tren_chua_xong" and f.value == left), None)
    if f is None or any(g.key.startswith("chi_dao.nhiem_vu_cap_tren") for g in reading.figures if g is not f):
        return False
    a = max((m.end() for m in _SENTENCE_END.finditer(text, 0, f.start)), default=0)
    end = _SENTENCE_END.search(text, f.end)
    b = end.start() if end else len(text)
    if re.search(r"\bgiao\b", fold_lower(text[a:b])):
        return False  # "2 nhiệm vụ được giao chưa hoàn thành": set from above, as read
    reading.figures.remove(f)
    label = fold_lower(FIELD_BY_KEY[f.key].label)
    reading.facts = [x for x in reading.facts if not (x.kind == "shortcoming" and fold_lower(x.text).startswith(label))]
    words = clean_clause(text[a:b])
    reading.facts.append(Fact(section="I", kind="progress", text=words[:1].upper() + words[1:],
                              origin=f"tin nhắn: «{words[:80]}»"))
    return True


def level_notes(text: str, unread: list[Unread], figures: list[ReadFigure]) -> list[tuple[Fact, tuple[int, int]]]:
    """"Toàn huyện tiếp nhận 21.640 hồ sơ, trong đó cấp huyện 5.210 hồ sơ, cấp xã 16.430 hồ sơ": the levels' shares
    of a total the schema keeps only whole, as the official's note on that total — said in brackets after it
    (substance.with_figure_notes): "… 21.640 hồ sơ (cấp huyện 5.210 hồ sơ, cấp xã 16.430 hồ sơ)"."""
    folded = fold_lower(text)
    out: list[tuple[Fact, tuple[int, int]]] = []
    for u in unread:
        if u.reason not in (LEVEL_ONLY, UNCLEAR) or any(a <= u.start < b for _, (a, b) in out):
            continue
        fig = next((f for f in reversed(figures) if f.end <= u.start and f.key in FIELD_BY_KEY), None)
        lead = PARTS.search(folded, fig.end, u.start) if fig else None
        if lead is None or _SENTENCE_END.search(text, fig.end, u.start):
            continue
        m = _SENTENCE_END.search(text, u.end)
        b = m.start() if m else len(text)
        if u.reason == UNCLEAR and any(lead.start() <= f.start < b for f in figures):
            continue  # "5 công chức bị kỷ luật, trong đó 1 trường hợp buộc thôi việc": a part no figure names, of it
        # a level's counts are said without "trong đó" ("cấp huyện 5.210 hồ sơ, …"); another part keeps it
        words = re.sub(r"\s+", " ", text[(lead.end() if u.reason == LEVEL_ONLY else lead.start()):b]).strip(" ,;")
        out.append((Fact(section=FIELD_BY_KEY[fig.key].section, kind="note", figure=fig.key,
                         text=f"{FIELD_BY_KEY[fig.key].label}: {words}", origin=f"tin nhắn: «{words[:80]}»"), (lead.start(), b)))
    return out


# "Tháng 3 xã kiểm tra CCHC tại 4 ấp", "Ngày 12/3/2026, đoàn kiểm tra tại 3 thôn": when the activity counted happened,
# said at the head of its sentence
_WHEN = re.compile(r"\s*((?:(?:trong|vao|dau|cuoi|giua)\s+)?(?:thang\s+(?:0?[1-9]|1[0-2])(?:/(?:19|20)\d\d)?|"
                   r"ngay\s+\d{1,2}/\d{1,2}(?:/(?:19|20)\d\d)?))(?![\d/])\s*,?\s")


def when_notes(text: str, figures: list[ReadFigure], fact_spans: list[tuple[int, int]]) -> list[tuple[Fact, tuple[int, int]]]:
    """The time said at the head of a sentence that counts section I's work (inspections, outreach, meetings) and is no
    fact of its own: the official's note on the sentence's first such figure, said in brackets after it
    ("đã kiểm tra 04 ấp (tháng 3)") rather than lost."""
    folded = fold_lower(text)
    out: list[tuple[Fact, tuple[int, int]]] = []
    seen: set[int] = set()
    for f in figures:
        if not f.key.startswith("chi_dao.") or f.key not in FIELD_BY_KEY:
            continue
        s0 = max((m.end() for m in _SENTENCE_END.finditer(text, 0, f.start)), default=0)
        m = _WHEN.match(folded, s0)
        if s0 in seen or m is None or m.end() > f.start or any(a < f.end and s0 < b for a, b in fact_spans):
            continue
        seen.add(s0)
        words = text[m.start(1):m.end(1)]
        out.append((Fact(section=FIELD_BY_KEY[f.key].section, kind="note", text=f"{FIELD_BY_KEY[f.key].label}: "
                         f"{words[:1].lower()}{words[1:]}", figure=f.key, origin=f"tin nhắn: «{text[s0:f.end].strip()[:80]}»"),
                    (m.start(1), m.end(1))))
    return out


def area_notes(text: str, unread: list[Unread], figure_spans: list[tuple[int, int]],
               fact_spans: list[tuple[int, int]]) -> list[tuple[Fact, tuple[int, int]]]:
    """"4 bệnh viện tự bảo đảm chi thường xuyên theo Nghị định 60/2021/NĐ-CP": a sentence of one reform area (by its
    words) whose count no figure names, holding no figure or fact — the official's note of that area, in their words,
    rather than a number left out and its substance lost."""
    out: list[tuple[Fact, tuple[int, int]]] = []
    for u in unread:
        if u.reason != UNCLEAR:
            continue
        a = max((m.end() for m in _SENTENCE_END.finditer(text, 0, u.start)), default=0)
        m = _SENTENCE_END.search(text, u.end)
        b = m.start() if m else len(text)
        matched, section = classify(text[a:b])
        if not matched or not section.startswith("II.") or any(a <= x < b for x, _ in figure_spans) or any(
                x < b and a < y for x, y in fact_spans + [p for _, p in out]):
            continue
        words = clean_clause(text[a:b])
        out.append((Fact(section=section, kind="note", text=words[:1].upper() + words[1:],
                         origin=f"tin nhắn: «{words[:80]}»"), (a, b)))
    return out
