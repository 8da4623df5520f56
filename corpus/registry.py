"""The registry of legal documents (corpus/regulations/registry.yaml) and their status on a date."""

from __future__ import annotations

import datetime as dt
from functools import cached_property
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, Field

from corpus.docnumbers import DocRef, find_refs, parse_number
from corpus.text import fold

REGISTRY_PATH = Path(__file__).parent / "regulations" / "registry.yaml"
Confidence = Literal["V", "S", "K", "Seed"]
CONFIDENCE_LABELS = {
    "V": "đã xác minh", "S": "nguồn thứ cấp", "K": "chưa xác minh", "Seed": "theo báo cáo mẫu",
}


_RANK = {"V": 3, "S": 2, "Seed": 1, "K": 0}


def weakest(*tags: Confidence) -> Confidence:
    return min(tags, key=lambda t: _RANK[t]) if tags else "K"


def fmt_date(d: dt.date | None) -> str:
    return d.strftime("%d/%m/%Y") if d else "chưa rõ"


class LegalDocument(BaseModel):
    number: str
    type: str
    issuer: str
    title: str
    signed: dt.date | None = None
    effective_from: dt.date | None = None
    effective_to: dt.date | None = None  # last day in force
    replaced_by: list[str] = Field(default_factory=list)
    replaces: list[str] = Field(default_factory=list)
    amends: list[str] = Field(default_factory=list)
    amended_by: list[str] = Field(default_factory=list)
    topics: list[str] = Field(default_factory=list)
    confidence: dict[str, Confidence] = Field(default_factory=dict)
    source: str = ""

    @cached_property
    def ref(self) -> DocRef:
        return parse_number(self.number)

    @property
    def key(self) -> str:
        return self.ref.key

    @property
    def start(self) -> dt.date | None:
        """First day in force; the signing date stands in when the effective date is unknown."""
        return self.effective_from or self.signed

    def tag(self, field: str) -> Confidence:
        return self.confidence.get(field, "K")

    @property
    def not_before(self) -> dt.date | None:
        """When the dates are unknown, the number's year still bounds them: 309/2026 was not in force in 2018."""
        return self.start or (dt.date(self.ref.year, 1, 1) if self.ref.year else None)

    def in_force_on(self, day: dt.date) -> bool:
        if self.not_before and day < self.not_before:
            return False
        return not (self.effective_to and day > self.effective_to)

    @property
    def display_name(self) -> str:
        return f"{self.type} số {self.number}"

    def citation(self) -> str:
        when = f" ngày {fmt_date(self.signed)}" if self.signed else ""
        return f"{self.type} số {self.number}{when} của {self.issuer}"


class Status(BaseModel):
    """A document's status on a given day, with how sure the product is of it."""

    number: str
    on: dt.date
    in_force: bool
    state: Literal["chưa có hiệu lực", "còn hiệu lực", "hết hiệu lực"]
    text: str
    confidence: Confidence


class Registry:
    def __init__(self, documents: list[LegalDocument]):
        self.documents = documents
        self._by_key = {d.key: d for d in documents}
        self._by_short: dict[str, list[LegalDocument]] = {}
        for d in documents:
            r = d.ref
            for k in {f"{r.doc_type} {r.number}/{r.year}", f"{r.doc_type} {r.number}", r.number if not r.year else ""}:
                if k.strip():
                    self._by_short.setdefault(k, []).append(d)

    @classmethod
    def load(cls, path: Path = REGISTRY_PATH) -> Registry:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return cls([LegalDocument.model_validate(d) for d in data["documents"]])

    def __iter__(self):
        return iter(self.documents)

    def __len__(self) -> int:
        return len(self.documents)

    def get(self, number: str) -> LegalDocument | None:
        refs = find_refs(number)
        return self.resolve(refs[0]) if refs else None

    def resolve(self, ref: DocRef) -> LegalDocument | None:
        """The registry document a reference names; partial forms ('NĐ 61', 'NĐ 107/2021')
        resolve only when exactly one document fits."""
        if ref.key in self._by_key:
            return self._by_key[ref.key]
        if ref.symbol and ref.year:
            return None  # a full number that is not ours: an unknown document
        if ref.symbol:  # '107/NĐ-CP' without its year: match by number and symbol
            hits = [d for d in self.documents if d.ref.number == ref.number and d.ref.symbol == ref.symbol]
            return hits[0] if len(hits) == 1 else None
        key = f"{ref.doc_type} {ref.number}" + (f"/{ref.year}" if ref.year else "")
        hits = self._by_short.get(key, [])
        return hits[0] if len(hits) == 1 else None

    def status_on(self, doc: LegalDocument, day: dt.date) -> Status:
        amended = [a for a in doc.amended_by if (m := self.get(a)) and m.start and m.start <= day]
        if doc.signed and day < doc.signed:  # a report of March 2025 cannot apply a decree signed in June
            state, conf = "chưa có hiệu lực", doc.tag("signed")
            start_tag = doc.tag("effective_from")  # the signing date is what is asserted; the start keeps its own tag
            text = f"chưa được ban hành (ký ngày {fmt_date(doc.signed)}" + (
                f", hiệu lực từ {fmt_date(doc.start)}" + (f" [{start_tag}: {CONFIDENCE_LABELS[start_tag]}]"
                                                          if start_tag != "V" else "") if doc.start else "") + ")"
        elif doc.start and day < doc.start:
            state, conf = "chưa có hiệu lực", doc.tag("effective_from")
            text = f"chưa có hiệu lực (hiệu lực từ {fmt_date(doc.start)})"
        elif doc.not_before and day < doc.not_before:  # no dates known, but a 2026 number is no law of 2018
            state, conf = "chưa có hiệu lực", "V"
            text = f"chưa ban hành (văn bản số năm {doc.ref.year}, chưa rõ ngày hiệu lực)"
        elif doc.effective_to and day > doc.effective_to:
            state, conf = "hết hiệu lực", doc.tag("effective_to")
            text = f"hết hiệu lực từ {fmt_date(doc.effective_to + dt.timedelta(days=1))}"
            if doc.replaced_by:
                text += f", được thay thế bởi {', '.join(doc.replaced_by)}"
        else:
            state = "còn hiệu lực"
            # the start date matters only near it; far from it the signing date settles it
            near_start = doc.signed is None or (day - doc.signed).days < 366
            start_tag = doc.tag("effective_from") if near_start else doc.tag("signed")
            conf = weakest(start_tag, doc.tag("effective_to"))
            text = "còn hiệu lực"
            if amended:
                text += f", đã được sửa đổi, bổ sung bởi {', '.join(amended)}"
            if doc.effective_to:
                text += f"; hết hiệu lực từ {fmt_date(doc.effective_to + dt.timedelta(days=1))}"
                if doc.replaced_by:
                    text += f" (thay thế bởi {', '.join(doc.replaced_by)})"
        if conf != "V":
            text += f" [{conf}: {CONFIDENCE_LABELS[conf]}]"
        return Status(number=doc.number, on=day, in_force=state == "còn hiệu lực", state=state,
                      text=text, confidence=conf)

    def topic_index(self) -> dict[str, list[LegalDocument]]:
        idx: dict[str, list[LegalDocument]] = {}
        for d in self.documents:
            for t in d.topics:
                idx.setdefault(fold(t).lower(), []).append(d)
        return idx
