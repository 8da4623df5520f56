"""Data objects of the corpus: a source document and the chunks cut from it."""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Literal

from pydantic import BaseModel, Field

Kind = Literal["report", "regulation"]
Level = Literal["tỉnh", "huyện", "xã", "sở", ""]
Quality = Literal["clean", "no_diacritics", "damaged"]


class SourceDocument(BaseModel):
    """A document the index is built from: a past report, a regulation digest or an official
    text a user imported. `doc_id` is stable across runs; `content_hash` changes with the text
    or its metadata, which is what incremental ingest compares."""

    doc_id: str
    kind: Kind
    title: str
    text: str
    source: str  # file path or origin, shown to the user
    # reports
    issuer: str = ""
    level: Level = ""
    locality: str = ""
    period: str = ""
    year: int | None = None
    date: dt.date | None = None
    doc_type: str = ""
    quality: Quality = "clean"
    # regulations
    number: str = ""  # registry number, e.g. "61/2018/NĐ-CP"
    is_digest: bool = False
    confidence: str = ""  # document-level tag of a digest
    extra: dict[str, str] = Field(default_factory=dict)

    @property
    def content_hash(self) -> str:
        payload = self.model_dump_json(exclude={"content_hash"})
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:24]


class Chunk(BaseModel):
    """A passage small enough to embed and cite, with the path of headings above it."""

    chunk_id: str
    doc_id: str
    index: int
    text: str
    section_path: list[str] = Field(default_factory=list)
    article: str = ""  # "Điều 8", "Điều 21a" for legal texts
    clause: str = ""  # "khoản 2", "điểm a"
    outline_key: str = ""  # standard report outline section, e.g. "II.2" (reports)
    confidence: str = ""  # tag of the heading the passage sits under (digests)

    @property
    def heading(self) -> str:
        return " > ".join(self.section_path)
