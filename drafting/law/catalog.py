"""The documents a draft cites, chosen by what is in force on the report's date."""

from __future__ import annotations

import datetime as dt

from corpus.registry import Registry
from drafting.figures.vnformat import fmt_date_body
from drafting.models import Citation


class LawCatalog:
    """The documents the writer cites, chosen by what is in force on the report's date."""

    def __init__(self, registry: Registry, day: dt.date):
        self.registry = registry
        self.day = day

    def doc(self, number: str):
        d = self.registry.get(number)
        return d if d is not None and d.in_force_on(self.day) else None

    def cite(self, number: str, with_title: bool = True) -> tuple[str, Citation] | None:
        d = self.doc(number)
        if d is None:
            return None
        # a signing date is written only when the registry's source for it is not merely recalled
        when = f" ngày {fmt_date_body(d.signed)}" if d.signed and d.tag("signed") in ("V", "S", "Seed") else ""
        title = f" {d.title[0].lower()}{d.title[1:]}" if with_title and d.title else ""
        text = f"{d.type} số {d.number}{when} của {d.issuer}{title}"
        status = self.registry.status_on(d, self.day)
        return text, Citation(number=d.number, title=d.title, status=status.text, confidence=status.confidence,
                              source=d.source)

    def one_stop(self) -> tuple[str, list[Citation]] | None:
        new = self.cite("118/2025/NĐ-CP")
        if new:
            return new[0], [new[1]]
        old = self.cite("61/2018/NĐ-CP")
        if not old:
            return None
        amend = self.cite("107/2021/NĐ-CP", with_title=False)
        if amend:
            return f"{old[0]} (được sửa đổi, bổ sung bởi {amend[0]})", [old[1], amend[1]]
        return old[0], [old[1]]

    def program(self) -> tuple[str, list[Citation]] | None:
        c = self.cite("76/NQ-CP")
        return (c[0], [c[1]]) if c else None
