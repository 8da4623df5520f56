"""`python -m evals.bench review [--copies 8] [--runs 3]`: seconds to review a long report.

Seed 003 (a real quarterly report, ≈ 19 kB) reviewed as it is and repeated N times (8 copies ≈ 150 kB, well over
the 30 pages of the longest reports officials bring). The figure that matters on a noisy machine is the ratio:
a review that grows faster than the text would show it here. Target: 30 pages under 10 s on 2 cores.
"""

from __future__ import annotations

import datetime as dt
import statistics
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT.parent / "shared" / "seeds" / "003_8ca837b1dccb8473.txt"
PAGE_CHARS = 3_000  # an A4 page of the NĐ 30 layout at 13–14 pt holds about this many characters


def _timed(path: Path, registry, runs: int) -> tuple[float, int]:
    from drafting.review.checks import review

    times, found = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        found = len(review(path, registry, dt.date(2023, 6, 5)))
        times.append(time.perf_counter() - t0)
    return statistics.median(times), found


def bench_review(copies: int = 8, runs: int = 3) -> dict:
    from corpus.registry import Registry

    registry = Registry.load()
    text = SEED.read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        one, many = Path(tmp) / "mot.txt", Path(tmp) / "dai.txt"
        one.write_text(text, encoding="utf-8")
        many.write_text("\n\n".join([text] * copies), encoding="utf-8")
        _timed(one, registry, 1)  # warm-up: the registry's and the reader's first use
        s_one, f_one = _timed(one, registry, runs)
        s_many, f_many = _timed(many, registry, runs)
    pages = round(len(text) * copies / PAGE_CHARS)
    return {"copies": copies, "pages": pages, "s_one": round(s_one, 2), "s_long": round(s_many, 2),
            "findings_one": f_one, "findings_long": f_many, "ratio": round(s_many / max(s_one, 1e-6), 1),
            "s_per_30_pages": round(s_many * 30 / max(pages, 1), 2)}


def print_review(res: dict) -> None:
    print(f"Rà soát báo cáo mẫu (003): {res['s_one']} s, {res['findings_one']} vấn đề")
    print(f"{res['copies']} bản nối nhau (≈ {res['pages']} trang): {res['s_long']} s, {res['findings_long']} vấn đề; "
          f"gấp {res['ratio']} lần một bản (văn bản dài gấp {res['copies']} lần)")
    print(f"Quy ra 30 trang: {res['s_per_30_pages']} s (mục tiêu < 10 s trên 2 nhân)")
