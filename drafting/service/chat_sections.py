"""Which sections a chat message redrafts: those of what it said, and no others."""

from __future__ import annotations

from decimal import Decimal

from drafting.figures.facts import Fact, Target
from drafting.figures.outline import DRAFTED
from drafting.figures.schema import DERIVED_BY_KEY, FIELD_BY_KEY
from drafting.inputs.chat_reader import ChatReading


def _inputs(key: str) -> list[str]:
    """The figures a target is measured by: its rate's counts, or the figure itself."""
    return list(getattr(DERIVED_BY_KEY.get(key), "inputs", ())) or [key]


def sections_said(reading: ChatReading, facts: list[Fact], held: dict[str, Decimal], values: dict,
                  targets: list[Target]) -> list[str]:
    """held: the figures held before the message; values and targets: after it.

    The sections of the figures and facts the message said — a count inside a limitation is its detail, unless it is
    new ("Hạn chế: còn 6 hồ sơ quá hạn do …" first says 6, so II.2 changes too); a target said alone, III and the
    section of its figures where that section holds any (it says what the target needs); a message that said nothing
    of its own, every held figure's."""
    said = [f.key for f in [*reading.figures, *reading.same_period, *reading.previous]
            if not reading.in_fact(f) or held.get(f.key) != f.value] or (
        [] if facts else [k for t in reading.targets for k in _inputs(t.key) if k in held or any(
            FIELD_BY_KEY[h].section == FIELD_BY_KEY[k].section for h in held)] if reading.targets else list(values))
    # a figure said that a held target is measured by: section III, where the target is assessed, changes too
    compared = any(set(_inputs(t.key)) & set(said) for t in targets)
    return [k for k in DRAFTED if any(FIELD_BY_KEY[f].section == k for f in said) or any(f.section == k for f in facts)
            or (k == "III" and (reading.targets or compared))] or ["II.2"]
