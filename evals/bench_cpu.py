"""`python -m evals.bench llama [--variants haswell auto]`: llama.cpp's CPU kernel variants compared on the local
model — prompt processing and generation, tokens per second, each variant in its own process (a process loads one).
`auto` is the variant the product picks on this CPU (drafting/llm/cpu_backends.py)."""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import time

PROMPT = "Báo cáo kết quả thực hiện công tác cải cách hành chính quý I năm 2026 của xã. " * 40


def measure(variant: str, model_path: str) -> dict:
    """In this process: load `variant` ("" = the best), then time a ~900-token prompt twice and 64 generated tokens."""
    from llama_cpp import Llama

    from drafting.llm.cpu_backends import load_cpu_backend

    chosen = load_cpu_backend(variant)
    llm = Llama(model_path=model_path, n_ctx=4096, n_threads=2, n_threads_batch=2, verbose=False)
    tokens = llm.tokenize(PROMPT.encode())
    rates = []
    for _ in range(2):
        llm.reset()
        t0 = time.perf_counter()
        llm.eval(tokens)
        rates.append(len(tokens) / (time.perf_counter() - t0))
    llm.reset()
    t0, n = time.perf_counter(), 0
    for _ in llm.create_completion("Viết một câu về cải cách hành chính:", max_tokens=64, stream=True, temperature=0):
        n += 1
    return {"variant": chosen or "(liên kết sẵn)", "prompt_tokens": len(tokens),
            "prompt_tok_s": round(statistics.median(rates), 1), "gen_tok_s": round(n / (time.perf_counter() - t0), 1)}


def bench_cpu(settings, variants: list[str]) -> list[dict]:
    from drafting.llm.local_model import MODEL_FILE

    model = str(settings.local_model_dir / MODEL_FILE)
    rows = []
    for v in variants:
        code = ("import json, sys; from evals.bench_cpu import measure; "
                f"print(json.dumps(measure({'' if v == 'auto' else v!r}, {model!r})))")
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=900)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else
                    {"variant": v, "error": (out.stderr.strip().splitlines() or ["?"])[-1]})
    return rows


def print_cpu(rows: list[dict]) -> None:
    base = next((r for r in rows if "prompt_tok_s" in r), None)
    for r in rows:
        if "error" in r:
            print(f"  {r['variant']:12}: lỗi — {r['error']}")
            continue
        ratio = f" (gấp {r['prompt_tok_s'] / base['prompt_tok_s']:.2f} lần {base['variant']})" if base else ""
        print(f"  {r['variant']:12}: xử lý lời nhắc {r['prompt_tok_s']} token/giây{ratio}, sinh chữ {r['gen_tok_s']} "
              f"token/giây ({r['prompt_tokens']} token lời nhắc)")
