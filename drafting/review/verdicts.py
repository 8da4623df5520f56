"""A verdict in the general assessment (section III) stands on something the reader can check: "đạt kết quả tốt",
"chưa đạt chỉ tiêu" with no figure and no target in its sentence is noted for the official to add the figure, or the
target and the document that set it (drafting practice: a verdict names its target and where it comes from). A note,
not an error: the wording is the official's; what it lacks is the basis."""

from __future__ import annotations

import re

from corpus.text import fold_lower
from drafting.models import ReviewIssue

_VERDICT = re.compile(r"\b(?:dat ket qua (?:tot|cao|kha tot|kha)|hoan thanh (?:tot|xuat sac)|(?:chua |khong )?dat yeu cau"
                      r"|(?:chua |khong )?dat chi tieu|vuot chi tieu|(?:co )?chuyen bien (?:tich cuc|ro net|manh me)"
                      r"|(?:co ban )?hoan thanh (?:(?:cac|toan bo|day du|tat ca)\s+){0,2}(?:chi tieu|muc tieu))\b")
_TARGET = re.compile(r"\b(?:chi tieu|muc tieu)\b")
_SENTENCE = re.compile(r"(?:[^.;!?\n]|\.(?=\d))+")


# "hoàn thành 100% kế hoạch": a share of the plan, which the plan's tasks and those done must stand behind
_PLAN_SHARE = re.compile(r"\b(?:hoan thanh|dat|thuc hien(?: duoc)?)\s+(\d+(?:,\d+)?)\s*%\s*(?:ke hoach|nhiem vu)\b")
_MONEY = re.compile(r"\b(?:ngan sach|thu ngan|giai ngan|von|du toan|ty dong|trieu dong)\b")  # a budget's plan, not the CCHC plan
_TASK_COUNT = re.compile(r"\b\d+(?:\s*/\s*\d+)?\s+(?:nhiem vu|noi dung|chi tieu)\b")


# "… đạt 45,2%, chưa đạt yêu cầu", "… đạt 71%, hoàn thành vượt mức kế hoạch": a rate judged against nothing named
_RATE_VERDICT = re.compile(r"\b(?:(?:chua |khong )?dat|vuot(?: muc)?) (?:yeu cau|chi tieu|ke hoach(?! so))\b")
# "bằng 111% dự toán": a rate of the target itself — the verdict on it names its target
_RATE = re.compile(r"\d+(?:,\d+)?\s*%(?!\s*(?:so voi\s+)?(?:cua\s+)?(?:ke hoach|du toan|chi tieu|muc tieu)\b)")
_OWNER = re.compile(r"\b(?:ubnd|uy ban|tinh|huyen|thanh pho|bo|chinh phu|thu tuong|cap tren|giao)\b")
_NAMED_TARGET = re.compile(r"\b(?:chi tieu|muc tieu|ke hoach|yeu cau)\b[^.;]{0,40}?\d|\b(?:ke hoach|quyet dinh|chi thi) so\b")


# "Kế hoạch … có 28 nhiệm vụ, đến nay hoàn thành 27 nhiệm vụ, đạt yêu cầu đề ra": a requirement met that the sentence
# does not name, while its own counts leave a task undone
_MET = re.compile(r"(?<!chua )(?<!khong )\bdat (?:yeu cau|muc tieu)(?: de ra)?\b")
_TASKS = re.compile(r"\b(\d+)(?:\s*/\s*(\d+))?\s+nhiem vu\b")  # "27 nhiệm vụ", "18/20 nhiệm vụ"
_TARGET_SAID = re.compile(r"\b(?:chi tieu|muc tieu|yeu cau)\b[^.;]{0,40}?\d")


def _met_with_tasks_left(p, words: str, sentence: str) -> list[ReviewIssue]:
    tasks = sorted({int(n) for m in _TASKS.finditer(words) for n in m.groups() if n})
    m = _MET.search(words)
    if not m or len(tasks) < 2 or _TARGET_SAID.search(words):
        return []
    said = sentence[m.start():m.end()]
    return [ReviewIssue(
        kind="wording", severity="warning", section=p.section, paragraph=p.index, text=sentence.strip()[:160],
        message=f"“{said}” trong khi câu ghi {tasks[0]}/{tasks[-1]} nhiệm vụ: yêu cầu nào (bao nhiêu, do văn bản nào "
                "đặt ra)? Nêu rõ, hoặc chỉ ghi số đã hoàn thành.",
        suggestion="ghi «hoàn thành …/… nhiệm vụ theo Kế hoạch số …», bỏ đánh giá không nêu căn cứ")]


def _rate_verdicts(paragraphs) -> list[ReviewIssue]:
    """A verdict on a rate, in any section, whose sentence names no target: the verdict names its target (drafting
    practice) — how much, set by which document — or the reader cannot check it. A warning: the official knows it."""
    out = []
    for p in paragraphs:
        if p.section in ("IV", "V", "ket_thuc", "phu_luc"):
            continue
        for s in _SENTENCE.finditer(p.text):
            words = fold_lower(s.group(0))
            out += _met_with_tasks_left(p, words, s.group(0))
            m = _RATE_VERDICT.search(words)
            rates = len(_RATE.findall(words))
            # "tỷ lệ hồ sơ trực tuyến đạt và vượt kế hoạch đề ra": a rate judged with neither its value nor whose target
            # ("vượt chỉ tiêu của tỉnh", "chưa đạt chỉ tiêu UBND tỉnh giao" name who set it: the official's to tell); in
            # section III a verdict without a figure is check_verdicts' note
            unvalued = rates == 0 and m is not None and p.section != "III" and re.search(r"\bty le\b", words[:m.start()]) \
                is not None and not _OWNER.search(words, m.end())
            if m and (rates == 1 or unvalued) and not _NAMED_TARGET.search(words):
                said = s.group(0)[m.start():m.end()]
                out.append(ReviewIssue(
                    kind="wording", severity="warning", section=p.section, paragraph=p.index, text=s.group(0).strip()[:160],
                    message=f"“{said}” đánh giá tỷ lệ nhưng không nêu {'tỷ lệ đạt bao nhiêu, cũng không nêu ' if unvalued else ''}"
                            "chỉ tiêu (bao nhiêu %, do văn bản nào giao) để so sánh.",
                    suggestion="ghi chỉ tiêu được giao và văn bản giao (ví dụ «…, chưa đạt chỉ tiêu 50% theo Kế hoạch số …»)"))
    return out


def check_verdicts(paragraphs) -> list[ReviewIssue]:
    """paragraphs: objects with .text, .index and .section (the reviewer's Para)."""
    out = _rate_verdicts(paragraphs)
    counted = any(_TASK_COUNT.search(fold_lower(p.text)) for p in paragraphs)
    # targets said met ("cơ bản hoàn thành các chỉ tiêu đề ra") in a report that names none anywhere: nothing to check
    # them against — a warning; with targets named elsewhere, a note to name which
    no_target = not any(_TARGET_SAID.search(fold_lower(p.text)) for p in paragraphs if p.section not in ("IV", "V"))
    for p in paragraphs:
        if p.section != "III":
            continue
        for s in _SENTENCE.finditer(p.text):
            words = s.group(0).strip()
            share = _PLAN_SHARE.search(fold_lower(words))
            if share and not counted and not _MONEY.search(fold_lower(words)):
                out.append(ReviewIssue(
                    kind="wording", severity="info", section=p.section, paragraph=p.index, text=words[:160],
                    message=f"“{share.group(1)}% kế hoạch” không có số nhiệm vụ của kế hoạch và số đã hoàn thành ở đâu "
                            "trong báo cáo để đối chiếu.",
                    suggestion="ghi «hoàn thành …/… nhiệm vụ theo Kế hoạch số …» (tỷ lệ do trợ lý tính)"))
            m = _VERDICT.search(fold_lower(words))
            # a figure, not the period's words ("quý I năm 2026", "6 tháng đầu năm")
            if not m or re.search(r"\d", re.sub(r"\b(?:(?:19|20)\d\d|[69] tháng|\d{1,2}/\d{1,2}(?:/\d{4})?)\b", "", words)):
                continue
            said = words[m.start():m.end()]
            target = bool(_TARGET.search(m.group(0)))
            out.append(ReviewIssue(
                kind="wording", severity="warning" if target and no_target else "info", section=p.section,
                paragraph=p.index, text=words[:160],
                message=(f"“{said}” chưa nêu chỉ tiêu nào (bao nhiêu, do văn bản nào giao) để so sánh." if target else
                         f"Đánh giá “{said}” chưa nêu căn cứ: thêm số liệu hoặc chỉ tiêu (và văn bản giao) để người "
                         "đọc đối chiếu."),
                suggestion="ghi số liệu và chỉ tiêu được giao (văn bản số …)"))
    return out
