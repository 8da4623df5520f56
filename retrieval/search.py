"""Hybrid search: dense (Chroma) and lexical (BM25) candidates fused by reciprocal rank, with
filters by kind, level, year, outline section and "in force on date D"."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import numpy as np
from langchain_core.embeddings import Embeddings
from pydantic import BaseModel

from corpus.docnumbers import find_refs
from corpus.registry import Registry
from corpus.text import snippet
from retrieval.index import date_int
from retrieval.lexical import LexicalIndex
from retrieval.store import ChunkStore

# Fusion constants chosen on evals/cases/retrieval.jsonl (python -m evals.run retrieval): a small
# RRF k lets each list's top ranks decide; the dense vote weighs about a third of the lexical one.
RRF_K = 5
DENSE_WEIGHT = 0.35
DENSE_ASCII_FACTOR = 0.5
CANDIDATES = 40
Mode = str  # "hybrid" | "dense" | "lexical"


class SearchFilter(BaseModel):
    kind: str | None = None  # "report" | "regulation"
    level: str | None = None
    year: int | None = None
    as_of: dt.date | None = None
    outline_key: str | None = None
    locality: str | None = None  # a unit's own reports (its final versions come first as precedent)
    doc_ids: list[str] | None = None

    def matches(self, m: dict) -> bool:
        if self.kind and m.get("kind") != self.kind:
            return False
        if self.level and m.get("level") != self.level:
            return False
        if self.year and m.get("year") != self.year:
            return False
        if self.outline_key and m.get("outline_key") != self.outline_key:
            return False
        if self.locality and m.get("locality") != self.locality:
            return False
        if self.doc_ids is not None and m.get("doc_id") not in self.doc_ids:
            return False
        if self.as_of:
            d = date_int(self.as_of, 0)
            if m.get("kind") == "regulation":
                if not (m.get("valid_from_i", 0) <= d <= m.get("valid_to_i", 99991231)):
                    return False
            elif m.get("date_i", 0) > d:  # a report written after the date did not exist yet
                return False
        return True

    def to_where(self) -> dict | None:
        clauses: list[dict] = []
        for key in ("kind", "level", "year", "outline_key", "locality"):
            value = getattr(self, key)
            if value:
                clauses.append({key: value})
        if self.doc_ids is not None:
            clauses.append({"doc_id": {"$in": list(self.doc_ids) or ["-"]}})
        if self.as_of:
            d = date_int(self.as_of, 0)
            clauses.append({"$or": [
                {"$and": [{"kind": "regulation"}, {"valid_from_i": {"$lte": d}}, {"valid_to_i": {"$gte": d}}]},
                {"$and": [{"kind": "report"}, {"date_i": {"$lte": d}}]},
            ]})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


class SearchHit(BaseModel):
    chunk_id: str
    doc_id: str
    kind: str
    title: str
    number: str = ""
    section: str = ""
    article: str = ""
    clause: str = ""
    outline_key: str = ""
    confidence: str = ""
    source: str = ""
    quality: str = ""  # report text quality: clean | no_diacritics | damaged
    locality: str = ""
    issuer: str = ""
    score: float
    dense_rank: int | None = None
    lexical_rank: int | None = None
    text: str
    status: str = ""  # a regulation's status on the date asked

    @property
    def snippet(self) -> str:
        return snippet(self.text)

    @property
    def location(self) -> str:
        """Article or section path, as shown to the official."""
        if self.article:
            tag = f" [{self.confidence}]" if self.confidence and self.confidence != "V" else ""
            return f"{self.article}{' ' + self.clause if self.clause else ''}{tag}"
        return self.section or "(phần đầu)"


class HybridSearcher:
    def __init__(self, store: ChunkStore, embedder: Embeddings, registry: Registry, lexical_path: Path,
                 indexer=None):
        self.store = store
        self.embedder = embedder
        self.registry = registry
        self.lexical_path = lexical_path
        self._indexer = indexer
        self.dense_weight = DENSE_WEIGHT  # the evals try others (python -m evals.run retrieval --dense-weight)
        self._lexical: LexicalIndex | None = None
        self._loaded_mtime = 0

    def _file_mtime(self) -> int:
        try:
            return self.lexical_path.stat().st_mtime_ns
        except OSError:
            return 0

    @property
    def lexical(self) -> LexicalIndex:
        """The BM25 index, reloaded whenever an ingest (in this process or another) rewrote it."""
        mtime = self._file_mtime()
        if self._lexical is None or mtime != self._loaded_mtime:
            idx = LexicalIndex.load(self.lexical_path)
            if idx is None or len(idx) != self.store.count():
                if self._indexer is None:
                    raise RuntimeError("lexical index missing and no indexer to rebuild it")
                idx = self._indexer.rebuild_lexical()
                mtime = self._file_mtime()
            self._lexical, self._loaded_mtime = idx, mtime
        return self._lexical

    def _dense(self, query: str, flt: SearchFilter, n: int) -> list[str]:
        vec = self.embedder.embed_query(query)
        return [cid for cid, _ in self.store.query(vec, n, flt.to_where())]

    def _lexical_ids(self, query: str, flt: SearchFilter, n: int) -> list[str]:
        lex = self.lexical
        mask = None
        if flt.model_dump(exclude_none=True):
            mask = np.fromiter((flt.matches(m) for m in lex.metas), dtype=bool, count=len(lex))
        return [cid for cid, _ in lex.search(query, n, mask)]

    def _exact_ids(self, query: str, flt: SearchFilter, lexical: list[str]) -> list[str]:
        """Chunks of the very document a query names by number ("NĐ 61", "61/2018/ND-CP"): a
        ranked list of their own in the fusion, so the named document comes first."""
        numbers = {d.number for r in find_refs(query) if (d := self.registry.resolve(r)) is not None}
        if not numbers:
            return []
        lex = self.lexical
        own = [cid for cid in lexical if lex.meta_of(cid).get("number") in numbers]
        rest = [cid for cid, m in zip(lex.ids, lex.metas)
                if m.get("number") in numbers and cid not in own and flt.matches(m)]
        return own + rest

    def search(self, query: str, k: int = 10, flt: SearchFilter | None = None, mode: Mode = "hybrid",
               candidates: int = CANDIDATES) -> list[SearchHit]:
        flt = flt or SearchFilter()
        query = query.strip()
        if not query:
            return []
        n = max(candidates, k)
        dense = self._dense(query, flt, n) if mode in ("hybrid", "dense") else []
        lexical = self._lexical_ids(query, flt, n) if mode in ("hybrid", "lexical") else []
        exact = self._exact_ids(query, flt, lexical) if mode in ("hybrid", "lexical") else []
        scores: dict[str, float] = {}
        # Weighted reciprocal-rank fusion. The dense model is weak on text without diacritics
        # (queries typed that way, OCR reports): its vote counts less then.
        w_dense = self.dense_weight * (DENSE_ASCII_FACTOR if query.isascii() else 1.0)
        for weight, ranks in ((w_dense, dense), (1.0, lexical), (1.0, exact)):
            for r, cid in enumerate(ranks):
                scores[cid] = scores.get(cid, 0.0) + weight / (RRF_K + r + 1)
        top = sorted(scores, key=lambda c: -scores[c])[:k]
        if not top:
            return []
        got = self.store.get(top)
        by_id = {i: (m, t) for i, m, t in zip(got["ids"], got["metadatas"], got["documents"])}
        d_rank = {c: i + 1 for i, c in enumerate(dense)}
        l_rank = {c: i + 1 for i, c in enumerate(lexical)}
        hits = []
        for cid in top:
            if cid not in by_id:
                continue
            m, text = by_id[cid]
            status = ""
            if m["kind"] == "regulation" and m.get("number"):
                doc = self.registry.get(m["number"])
                if doc is not None:
                    status = self.registry.status_on(doc, flt.as_of or dt.date.today()).text
            hits.append(SearchHit(
                chunk_id=cid, doc_id=m["doc_id"], kind=m["kind"], title=m["title"], number=m.get("number", ""),
                section=m.get("section", ""), article=m.get("article", ""), clause=m.get("clause", ""),
                outline_key=m.get("outline_key", ""), confidence=m.get("confidence", ""),
                source=m.get("source", ""), quality=m.get("quality", ""), locality=m.get("locality", ""),
                issuer=m.get("issuer", ""), score=scores[cid], dense_rank=d_rank.get(cid),
                lexical_rank=l_rank.get(cid), text=text, status=status,
            ))
        return hits
