"""Drafts kept per user on disk, reopened later. One JSON file per draft, written atomically (temporary
file, fsync, rename): a crash leaves the previous version or the new one, never half a file."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import re
import uuid
from pathlib import Path

from pydantic import BaseModel, Field, ValidationError

from corpus.errors import InputError
from corpus.text import fold
from drafting.models import ReportDraft


def atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex[:8]}.tmp")
    with open(tmp, "wb") as fh:
        fh.write(data)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, path)


def user_folder(user: str) -> str:
    """A folder name for any user name: readable, no path tricks, distinct for distinct names."""
    slug = re.sub(r"[^a-z0-9_-]+", "-", fold(user).lower()).strip("-")[:40] or "user"
    return f"{slug}-{hashlib.sha256(user.encode('utf-8')).hexdigest()[:10]}"


class SavedDraft(BaseModel):
    id: str = Field(default_factory=lambda: uuid.uuid4().hex[:12])
    user: str
    origin: str = "builder"  # builder | chat
    title: str = ""
    created: dt.datetime = Field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))
    updated: dt.datetime = Field(default_factory=lambda: dt.datetime.now().replace(microsecond=0))
    meta: dict = Field(default_factory=dict)
    values: dict[str, str] = Field(default_factory=dict)
    previous: dict[str, str] = Field(default_factory=dict)
    same_period: dict[str, str] = Field(default_factory=dict)
    nouns: dict[str, str] = Field(default_factory=dict)  # what a count counted, in the official's words ("khu phố")
    # counts given as an estimate ("khoảng 900"), with the value estimated: reopened, the draft still says "khoảng"
    approx: dict[str, str] = Field(default_factory=dict)
    sections: list[str] | None = None
    draft: ReportDraft | None = None

    def inputs(self) -> dict:
        """The saved figures as a figures file would give them."""
        return {"meta": self.meta, "figures": self.values, "previous": self.previous,
                "same_period_last_year": self.same_period}

    def label(self) -> str:
        return f"{self.updated:%d/%m/%Y %H:%M} — {self.title or 'Dự thảo'}"


class DraftStore:
    def __init__(self, root: Path):
        self.root = Path(root)

    def _dir(self, user: str) -> Path:
        return self.root / user_folder(user) / "drafts"

    def export_dir(self, user: str) -> Path:
        d = self.root / user_folder(user) / "exports"
        d.mkdir(parents=True, exist_ok=True)
        return d

    def save(self, record: SavedDraft) -> SavedDraft:
        record = record.model_copy(update={"updated": dt.datetime.now().replace(microsecond=0)})
        if not re.fullmatch(r"[0-9a-f]{12}", record.id):
            raise InputError("Mã dự thảo không hợp lệ.")
        atomic_write(self._dir(record.user) / f"{record.id}.json", record.model_dump_json().encode("utf-8"))
        return record

    def list(self, user: str) -> list[SavedDraft]:
        out = []
        d = self._dir(user)
        for p in d.glob("*.json") if d.is_dir() else []:
            try:
                rec = SavedDraft.model_validate_json(p.read_bytes())
            except (ValidationError, ValueError, OSError):
                continue  # a foreign or damaged file is skipped, never loaded half
            if rec.user == user:
                out.append(rec)
        return sorted(out, key=lambda r: r.updated, reverse=True)

    def load(self, user: str, draft_id: str) -> SavedDraft:
        if not re.fullmatch(r"[0-9a-f]{12}", draft_id or ""):
            raise InputError("Mã dự thảo không hợp lệ.")
        p = self._dir(user) / f"{draft_id}.json"
        try:
            rec = SavedDraft.model_validate_json(p.read_bytes())
        except (OSError, ValidationError, ValueError) as exc:
            raise InputError("Không mở được dự thảo này (đã bị xóa hoặc hỏng).", detail=str(exc)) from exc
        if rec.user != user:
            raise InputError("Dự thảo này không thuộc về người dùng hiện tại.")
        return rec
