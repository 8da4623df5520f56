"""The Chroma collection of chunks: one collection per embedding model, on disk or on a server.

Chunk ids are `<doc_id>:<index>`, so writing a document again can never duplicate a passage. Each
chunk's metadata carries its document's content hash and chunk count: a document whose stored
chunks do not all carry the current hash is incomplete (an interrupted ingest) and is redone."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import BackendError

# Chroma's default ef_search (100) made dense results vary from run to run and between the embedded
# store and a server on the same data (approximate neighbours lost under filters); 500 keeps the search
# exact at office corpus sizes and within the latency target at 10,000 chunks (python -m evals.bench retrieval).
SEARCH_EF = 500
CHUNKER_VERSION = "2"  # bump when chunking changes: every document is re-ingested


def make_chroma_client(mode: str, path: Path | None = None, host: str = "127.0.0.1", port: int = 8000):
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False, allow_reset=False)
    try:
        if mode == "http":
            return chromadb.HttpClient(host=host, port=port, settings=chroma_settings)
        path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(path), settings=chroma_settings)
    except Exception as exc:  # chromadb raises several unrelated types here
        where = f"{host}:{port}" if mode == "http" else str(path)
        raise BackendError(f"Không mở được kho chỉ mục Chroma ({where}).", detail=repr(exc)) from exc


@dataclass
class DocState:
    hashes: set[str]
    expected: int
    present: int

    @property
    def content_hash(self) -> str:
        return next(iter(self.hashes)) if len(self.hashes) == 1 else ""

    @property
    def complete(self) -> bool:
        return len(self.hashes) == 1 and self.expected == self.present


def collection_name(model_id: str) -> str:
    return "troly-" + re.sub(r"[^a-zA-Z0-9._-]+", "-", model_id)[:50]


class ChunkStore:
    def __init__(self, client, model_id: str):
        self.client = client
        self.name = collection_name(model_id)
        self.collection = client.get_or_create_collection(
            self.name, metadata={"hnsw:space": "cosine", "model": model_id}, embedding_function=None,
            configuration={"hnsw": {"space": "cosine", "ef_search": SEARCH_EF}},
        )
        hnsw = (self.collection.configuration or {}).get("hnsw") or {}
        if hnsw.get("ef_search", SEARCH_EF) < SEARCH_EF:  # a store made before this setting
            self.collection.modify(configuration={"hnsw": {"ef_search": SEARCH_EF}})

    def count(self) -> int:
        return self.collection.count()

    def _all(self, include: list[str]) -> dict:
        out: dict = {"ids": [], "metadatas": [], "documents": []}
        total = self.collection.count()
        step = 2000
        for offset in range(0, total, step):
            got = self.collection.get(include=include, limit=step, offset=offset)
            out["ids"] += got["ids"]
            for key in ("metadatas", "documents"):
                if key in include:
                    out[key] += got[key]
        return out

    def doc_states(self) -> dict[str, DocState]:
        states: dict[str, DocState] = {}
        for meta in self._all(["metadatas"])["metadatas"]:
            st = states.setdefault(meta["doc_id"], DocState(set(), int(meta["n_chunks"]), 0))
            st.hashes.add(meta["doc_hash"])
            st.present += 1
        return states

    def delete_document(self, doc_id: str) -> None:
        self.collection.delete(where={"doc_id": doc_id})

    def write_document(self, ids: list[str], vectors: list[list[float]], texts: list[str],
                       metas: list[dict]) -> None:
        step = 256
        for i in range(0, len(ids), step):
            self.collection.upsert(ids=ids[i:i + step], embeddings=vectors[i:i + step],
                                   documents=texts[i:i + step], metadatas=metas[i:i + step])

    def query(self, vector: list[float], k: int, where: dict | None = None) -> list[tuple[str, float]]:
        n = self.collection.count()
        if n == 0:
            return []
        res = self.collection.query(query_embeddings=[vector], n_results=min(k, n), where=where or None,
                                    include=["distances"])
        return list(zip(res["ids"][0], (1.0 - d for d in res["distances"][0])))

    def all_chunks(self) -> dict:
        return self._all(["metadatas", "documents"])

    def get(self, ids: list[str]) -> dict:
        return self.collection.get(ids=ids, include=["metadatas", "documents"])
