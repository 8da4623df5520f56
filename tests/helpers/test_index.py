"""The test session's index, built once and kept between runs of the fast lane (`make test-fast`).

Embedding the whole corpus takes about two and a half minutes on 2 cores, most of the fast lane. The fast lane
builds or brings up to date an index in .cache/test-index in a process of its own (the product's incremental
sync: only changed documents are embedded again), then each test session copies it into its own temporary
folder — real Chroma on disk, the real embedder, nothing shared while tests run. `make test` (and CI) builds
the index from scratch, as a fresh machine does.

    python -m tests.helpers.test_index .cache/test-index
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

INDEX_PARTS = ("chroma",)  # + the lexical index file(s), named after the embedder


def index_files(data: Path) -> list[Path]:
    return [p for p in data.iterdir() if p.name in INDEX_PARTS or p.name.startswith("lexical-")] if data.is_dir() else []


def seed_from(cache: Path, data: Path) -> bool:
    """Copy a kept index into a session's data folder; False when there is none."""
    parts = index_files(cache)
    if not parts:
        return False
    for p in parts:
        (shutil.copytree(p, data / p.name) if p.is_dir() else shutil.copy2(p, data / p.name))
    return True


def build(cache: Path) -> str:
    from retrieval.settings import load_settings
    from retrieval.wiring import build_retrieval

    cache.mkdir(parents=True, exist_ok=True)
    stack = build_retrieval(load_settings(env={}, data_dir=cache))
    return stack.indexer.sync(stack.documents()).summary()


if __name__ == "__main__":
    from retrieval.offline import enforce_offline

    enforce_offline()
    print(f"Chỉ mục cho kiểm thử nhanh ({sys.argv[1]}): {build(Path(sys.argv[1]))}")
