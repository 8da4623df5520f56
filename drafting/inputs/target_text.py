"""Targets said in a message: "Chỉ tiêu tỉnh giao: tỷ lệ hồ sơ trực tuyến đạt 70% theo Kế hoạch 25/KH-UBND ngày
10/01/2027 của UBND tỉnh" → tthc.ty_le_truc_tuyen = 70, source "Kế hoạch số 25/KH-UBND ngày 10/01/2027 của UBND tỉnh".

A percentage is a target only when the words since the previous percentage say so (chỉ tiêu, mục tiêu, phấn đấu,
được giao): "đạt 61%, chỉ tiêu huyện giao là 60%" is one result and one target. A target needs the one who set it
(a document, or "tỉnh giao"), because a verdict against it names its source; without one it is not kept and the
reply asks for it."""

from __future__ import annotations

import re
from decimal import Decimal

from corpus.docnumbers import find_refs
from corpus.text import fold_lower
from drafting.figures.facts import Target
from drafting.figures.vnformat import parse_vn_number
from drafting.inputs.phrases import BASE_NAMED, RATE_PHRASES, RESULT_LEAD

PERCENT = re.compile(r"(\d{1,3}(?:[.,]\d{1,2})?)\s*%")  # a rate or a target, as typed
_CUE = re.compile(r"\b(chi tieu|muc tieu|phan dau|duoc giao|cap tren giao)\b")
_SETTER = re.compile(r"\bchi tieu (?:do )?((?:ubnd |uy ban nhan dan )?(?:tinh|huyen|quan|thi xa|thanh pho|cap tren|bo|"
                     r"so [a-z ]{2,30}?|chinh phu|thu tuong(?: chinh phu)?|trung uong))\s+giao\b")
_DOC_TYPE = re.compile(r"(?i)(?:^|\s)(kế hoạch|ke hoach|quyết định|quyet dinh|chỉ thị|chi thi|nghị quyết|nghi quyet|"
                       r"công văn|cong van|văn bản|van ban)\s+(?:số\s+|so\s+)?$")
_CLAUSE_END = re.compile(r"[.;\n]|\s+(?:và|va)\s+(?=t[ỷy] l[ệe])")
_REF_END = re.compile(rf"{_CLAUSE_END.pattern}|,")  # a document's words end at its clause's end or a comma


def _document(text: str, start: int) -> str:
    """'Kế hoạch số 25/KH-UBND ngày 10/01/2027 của UBND tỉnh': the reference from its kind to its clause's end."""
    for ref in find_refs(text[start:]):
        a, b = start + ref.start, start + ref.end
        words = text[a:b].split()
        # the reference carries its kind ("Kế hoạch 25/KH-UBND") or follows it ("Kế hoạch số 25/KH-UBND")
        kind = _DOC_TYPE.search(" ".join(words[:-1]) + " ") or _DOC_TYPE.search(text[max(0, a - 20):a])
        if not kind:
            continue
        end = _REF_END.search(text, b)
        tail = text[b:end.start() if end else len(text)].rstrip(" ,")
        while tail.endswith(")") and tail.count(")") > tail.count("("):  # "… 70% (Kế hoạch 120/KH-UBND)": its bracket
            tail = tail[:-1].rstrip(" ,")
        return f"{kind.group(1)[:1].upper()}{kind.group(1)[1:]} số {words[-1]}{tail}"
    return ""


def read_targets(text: str) -> tuple[list[Target], list[str]]:
    """(the targets the message sets, the percentages that look like targets but name no source or no figure)."""
    folded = fold_lower(text)
    targets: list[Target] = []
    unsure: list[str] = []
    last_key: str | None = None
    since = 0
    for m in PERCENT.finditer(text):
        window = folded[since:m.start()]
        since = m.end()
        sentence_from = max((s.end() for s in re.finditer(r"[.\n]", folded[:m.start()])), default=0)
        key = next((k for phrase, k in RATE_PHRASES if phrase in window), None)
        if key is None and not re.search(r"[.\n]", window):
            key = last_key  # "đạt 61%, chỉ tiêu huyện giao là 60%": the rate just named
        last_key = key or last_key
        sentence_end = _CLAUSE_END.search(text, m.end())
        # "… không vượt quá 0,5% theo chỉ tiêu tỉnh giao": the words after the percentage, to its clause's end
        after = folded[m.end():(sentence_end.start() if sentence_end else len(text))].split(",")[0]
        # "kích hoạt 5.600 tài khoản, đạt 96% chỉ tiêu": a result measured against a target, no target itself
        result = RESULT_LEAD.search(folded[:m.start()]) and BASE_NAMED.match(after)
        if key is None and re.match(r"\s*(?:so\s+)?ho so\b", after):  # "chỉ tiêu 100% hồ sơ được giải quyết trực
            named = "ty le " + after.strip()  # tuyến toàn trình": named after, as "tỷ lệ hồ sơ …" would name it
            key = next((k for phrase, k in RATE_PHRASES if phrase in named), None)
        if result or not _CUE.search(window) and not re.match(r"\s*(?:theo|la|cua)?\s*(?:chi tieu|muc tieu)\b", after):
            continue
        value = parse_vn_number(m.group(1).replace(".", ","))
        source = _document(text[:sentence_end.start()] if sentence_end else text, sentence_from)
        if not source and (setter := _SETTER.search(folded, sentence_from, m.end() + len(after))):
            source = f"chỉ tiêu {text[setter.start(1):setter.end(1)]} giao"
        if key is None or value is None or not source:
            unsure.append(m.group(0))
            continue
        if key not in {t.key for t in targets}:
            targets.append(Target(key=key, value=Decimal(value), source=source, origin=f"tin nhắn: “{text.strip()[:80]}”"))
    return targets, unsure
