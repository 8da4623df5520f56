"""The model helps reading where the rules give up: a number in a message that the rule reader could not place is
offered to the chat model with the few figures the rules allow for it (unit, area, not read yet), and the model's
answer is constrained by a JSON schema to one of them or "không rõ". A proposal is kept only when its value obeys
the sum rules against what was read, and it is marked for the official to confirm.

Whether it helps is measured, not assumed: `python -m evals.run reading --assist local` scores the messages with and
without it (docs/evaluation.md)."""

from __future__ import annotations

import json

from langchain_core.language_models import BaseChatModel
from langchain_core.messages import HumanMessage, SystemMessage

from corpus.errors import BackendError
from drafting.figures.schema import FIELD_BY_KEY, SUM_RULES
from drafting.figures.vnformat import parse_vn_number
from drafting.inputs.figure_text import sentence_span, unread_candidates
from drafting.inputs.text_reading import ReadFigure, TextReading
from drafting.llm.prompting import load_prompt

NOTE = "mô hình đề xuất, cần xác nhận"
_SYSTEM = "Bạn đọc số liệu trong báo cáo cải cách hành chính của cơ quan nhà nước Việt Nam."


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
