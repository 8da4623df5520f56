"""Incremental ingest: keep the Chroma collection and the lexical index in step with the set of
source documents. Unchanged documents are a no-op, changed ones replace their chunks, removed ones
disappear, and an interrupted run is completed by the next one without duplicates."""

from __future__ import annotations

import datetime as dt
import hashlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from langchain_core.embeddings import Embeddings

from corpus.chunking import chunk_document
from corpus.docnumbers import number_tokens
from corpus.models import Chunk, SourceDocument
from corpus.registry import Registry
from retrieval.lexical import LexicalIndex, tokenize
from retrieval.store import CHUNKER_VERSION, ChunkStore

FAR_FUTURE = 99991231


def date_int(d: dt.date | None, default: int) -> int:
    return d.year * 10000 + d.month * 100 + d.day if d else default


def chunk_metadata(doc: SourceDocument, chunk: Chunk, n_chunks: int, doc_hash: str,
                   registry: Registry) -> dict:
    meta = {
        "doc_id": doc.doc_id, "doc_hash": doc_hash, "n_chunks": n_chunks, "index": chunk.index,
        "kind": doc.kind, "title": doc.title[:300], "source": doc.source, "section": chunk.heading[:500],
        "article": chunk.article, "clause": chunk.clause, "outline_key": chunk.outline_key,
        "confidence": chunk.confidence or doc.confidence, "number": doc.number, "issuer": doc.issuer,
        "level": doc.level, "locality": doc.locality, "period": doc.period, "year": doc.year or 0,
        "date_i": date_int(doc.date, 0), "doc_type": doc.doc_type, "quality": doc.quality,
        "is_digest": doc.is_digest, "valid_from_i": 0, "valid_to_i": FAR_FUTURE,
    }
    reg = registry.get(doc.number) if doc.kind == "regulation" and doc.number else None
    if reg is not None:
        meta["valid_from_i"] = date_int(reg.not_before, 0)
        meta["valid_to_i"] = date_int(reg.effective_to, FAR_FUTURE)
    return meta


def embed_text(meta: dict, text: str) -> str:
    """What the embedder reads: the document, its issuer and the section give a passage its context — a past
    report's passage answers "Tứ Kỳ … chính quyền số" only if it knows it is Tứ Kỳ's."""
    unit = meta.get("issuer", "") if meta.get("kind") == "report" else ""
    return "\n".join(x for x in (meta["title"], unit, meta["section"], text) if x)


def lexical_tokens(meta: dict, text: str) -> list[str]:
    toks = tokenize(f"{meta['title']}\n{meta['section']}\n{text}")
    if meta["number"]:
        toks += number_tokens(meta["number"])  # every chunk of a regulation answers to its number
    return toks


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    chunks_written: int = 0
    seconds: float = 0.0

    def summary(self) -> str:
        return (f"thêm {len(self.added)}, cập nhật {len(self.updated)}, giữ nguyên {len(self.unchanged)}, "
                f"xóa {len(self.removed)} tài liệu; ghi {self.chunks_written} đoạn")


def doc_hash(doc: SourceDocument, model_id: str) -> str:
    return hashlib.sha256(f"{doc.content_hash}|{CHUNKER_VERSION}|{model_id}".encode()).hexdigest()[:24]


class Indexer:
    def __init__(self, store: ChunkStore, embedder: Embeddings, registry: Registry, lexical_path: Path):
        self.store = store
        self.embedder = embedder
        self.registry = registry
        self.lexical_path = lexical_path

    def sync(self, documents: Iterable[SourceDocument],
             progress: Callable[[int, int], None] | None = None,
             remove_missing: bool = True) -> IngestReport:
        t0 = time.perf_counter()
        report = IngestReport()
        documents = list(documents)
        model_id = getattr(self.embedder, "model_id", "embedder")
        states = self.store.doc_states()
        todo: list[tuple[SourceDocument, str, list[Chunk]]] = []
        for doc in documents:
            h = doc_hash(doc, model_id)
            st = states.get(doc.doc_id)
            if st is not None and st.complete and st.content_hash == h:
                report.unchanged.append(doc.doc_id)
                continue
            (report.updated if st is not None else report.added).append(doc.doc_id)
            todo.append((doc, h, chunk_document(doc)))
        total = sum(len(c) for _, _, c in todo)
        done = 0
        if progress:
            progress(0, total)
        for doc, h, chunks in todo:
            metas = [chunk_metadata(doc, c, len(chunks), h, self.registry) for c in chunks]
            vectors: list[list[float]] = []
            for i in range(0, len(chunks), 16):
                batch = [embed_text(m, c.text) for m, c in zip(metas[i:i + 16], chunks[i:i + 16])]
                vectors += self.embedder.embed_documents(batch)
                done += len(batch)
                if progress:
                    progress(done, total)
            # delete first, then write: a crash in between leaves an incomplete document, which
            # the next sync detects by its chunk count and redoes; never two versions at once
            self.store.delete_document(doc.doc_id)
            self.store.write_document([c.chunk_id for c in chunks], vectors, [c.text for c in chunks], metas)
            report.chunks_written += len(chunks)
        if remove_missing:
            wanted = {d.doc_id for d in documents}
            for doc_id in states:
                if doc_id not in wanted:
                    self.store.delete_document(doc_id)
                    report.removed.append(doc_id)
        self.rebuild_lexical()
        report.seconds = time.perf_counter() - t0
        return report

    def rebuild_lexical(self) -> LexicalIndex:
        data = self.store.all_chunks()
        tokens = [lexical_tokens(m, t) for m, t in zip(data["metadatas"], data["documents"])]
        index = LexicalIndex.build(data["ids"], tokens, data["metadatas"])
        index.save(self.lexical_path)
        return index
