"""Audit log in SQLite: who generated, reviewed, imported or exported what, from which sources.
Each event is one committed row (WAL journal), so a crash loses at most the event being written."""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import threading
from pathlib import Path

from pydantic import BaseModel

_SCHEMA = """
CREATE TABLE IF NOT EXISTS events (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    user TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL DEFAULT '',
    sources TEXT NOT NULL DEFAULT '[]',
    detail TEXT NOT NULL DEFAULT '{}'
);
CREATE INDEX IF NOT EXISTS events_user ON events(user, id);
"""


class AuditEvent(BaseModel):
    id: int
    at: str
    user: str
    action: str
    subject: str
    sources: list[str]
    detail: dict


class AuditLog:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as con:
            con.execute("PRAGMA journal_mode=WAL")
            con.executescript(_SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def record(self, user: str, action: str, subject: str = "", sources: list[str] | None = None,
               detail: dict | None = None) -> None:
        row = (dt.datetime.now().isoformat(timespec="seconds"), user, action, subject,
               json.dumps(sorted(set(sources or [])), ensure_ascii=False),
               json.dumps(detail or {}, ensure_ascii=False, default=str))
        with self._lock, self._connect() as con:
            con.execute("INSERT INTO events(at, user, action, subject, sources, detail) VALUES (?,?,?,?,?,?)", row)

    def entries(self, user: str | None = None, limit: int = 200) -> list[AuditEvent]:
        sql = "SELECT id, at, user, action, subject, sources, detail FROM events"
        args: tuple = ()
        if user is not None:
            sql += " WHERE user = ?"
            args = (user,)
        sql += " ORDER BY id DESC LIMIT ?"
        with self._connect() as con:
            rows = con.execute(sql, (*args, limit)).fetchall()
        return [AuditEvent(id=r[0], at=r[1], user=r[2], action=r[3], subject=r[4], sources=json.loads(r[5]),
                           detail=json.loads(r[6])) for r in rows]
