"""The model helps reading where the rules give up: a number in a message that the rule reader could not place is
offered to the chat model with the few figures the rules allow for it (unit, area, not read yet), and the model's
answer is constrained by a JSON schema to one of them or "không rõ". A proposal is kept only when its value obeys
the sum rules against what was read, and it is marked for the official to confirm.

Whether it helps is measured, not assumed: `python -m evals.run reading --assist local` scores the messages with and
without it (docs/evaluation.md)."""

from __future__ import annotations

import json
import re

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from corpus.errors import BackendError
from corpus.text import fold_lower
from drafting.figures.schema import DERIVED_BY_KEY, FIELD_BY_KEY, SUM_RULES
from drafting.figures.vnformat import NUMBER_RE, parse_vn_number
from drafting.inputs.clauses import area_hint, noun_after
from drafting.inputs.count_units import levels_in, unit_fits
from drafting.inputs.figure_text import sentence_span
from drafting.inputs.ocr_words import mend
from drafting.inputs.text_reading import ReadFigure, TextReading
from drafting.llm.prompting import load_prompt

NOTE = "mô hình đề xuất, cần xác nhận"
_SYSTEM = "Bạn đọc số liệu trong báo cáo cải cách hành chính của cơ quan nhà nước Việt Nam."


def unread_candidates(text: str, start: int, end: int, taken: set[str], limit: int = 20) -> list[str]:
    """Figures a number the rules could not place might be, for a model to choose from: counts (never rates) not
    read yet, of the unit the noun after the number names (else the last unit noun before it in the sentence), in
    the sentence's area when it names one; per-level parts only when the sentence names a level. Empty when too
    many remain: a choice among dozens is a guess."""
    folded = mend(fold_lower(text))
    a, b = sentence_span(folded, start, end)
    sentence = folded[a:b]
    unit, _ = noun_after(folded, end)
    if unit is None:  # the unit of the last count before it in the sentence ("nhận 412 hồ sơ, trả đúng hẹn 405")
        units = [noun_after(folded, a + m.end())[0] for m in NUMBER_RE.finditer(folded[a:start])]
        unit = next((u for u in reversed(units) if u not in (None, "%")), None)
    area = area_hint(sentence)
    with_level = bool(levels_in(sentence))
    keys = [k for k, spec in FIELD_BY_KEY.items()
            if spec.kind == "count" and k not in taken and k not in DERIVED_BY_KEY
            and (unit is None or unit_fits(k, unit)) and (area is None or k.startswith(f"{area}."))
            and (with_level or not re.search(r"_cap_(tinh|huyen|xa)$", k))]
    return keys if 0 < len(keys) <= limit else []


def _totals_above(key: str) -> set[str]:
    """Every total the figure is a part of, through parts of parts (online dossiers ⊂ new ⊂ received)."""
    out: set[str] = set()
    todo = [key]
    while todo:
        k = todo.pop()
        for total, parts in SUM_RULES:
            if k in parts and total not in out:
                out.add(total)
                todo.append(total)
    return out


def _fits_sums(key: str, value, read: dict) -> bool:
    """A part never exceeds a total it belongs to, a total is never below the sum of its parts read so far."""
    if any(value > read[t] for t in _totals_above(key) if t in read):
        return False
    return not any(key == total and sum(read[p] for p in parts if p in read) > value for total, parts in SUM_RULES)


def propose_fields(model: BaseChatModel, text: str, reading: TextReading) -> list[ReadFigure]:
    """Figures the model proposes for the reading's unread numbers; the reading itself is not changed."""
    prompt = load_prompt("field_choice")
    read = {f.key: f.value for f in reading.figures}
    out: list[ReadFigure] = []
    for u in reading.unread:
        if u.quote.endswith("%"):
            continue  # rates are computed in code, never read
        value = parse_vn_number(u.quote)
        if value is None:
            continue
        keys = unread_candidates(text, u.start, u.end, set(read))
        if not keys:
            continue
        options = "\n".join(f"{i}. {FIELD_BY_KEY[k].label}" for i, k in enumerate(keys, 1))
        schema = {"type": "object", "properties": {"ma": {"type": "integer", "enum": list(range(len(keys) + 1))}},
                  "required": ["ma"], "additionalProperties": False}
        a, b = sentence_span(text, u.start, u.end)
        messages = [SystemMessage(_SYSTEM),
                    HumanMessage(prompt.format(sentence=text[a:b].strip(), number=u.quote, options=options))]
        try:
            answer = json.loads(model.invoke(messages, json_schema=schema, max_tokens=16).content)
            pick = int(answer["ma"])
        except (BackendError, ValueError, KeyError, TypeError):
            continue  # no proposal is the safe answer
        if not 0 < pick <= len(keys) or not _fits_sums(keys[pick - 1], value, read):
            continue
        key = keys[pick - 1]
        read[key] = value
        out.append(ReadFigure(key=key, label=FIELD_BY_KEY[key].label, value=value, quote=u.quote, phrase="",
                              start=u.start, end=u.end, confidence=0.5, note=NOTE))
    return out
