"""Optional login for an office server: a file of user names and salted PBKDF2 password hashes
(one "name:pbkdf2_sha256$iterations$salt$hash" per line), managed with `python -m drafting user-add`."""

from __future__ import annotations

import hashlib
import hmac
import os
from pathlib import Path

from corpus.errors import ConfigError, InputError
from drafting.service.workspace import atomic_write

ITERATIONS = 200_000


def hash_password(password: str, salt: bytes | None = None, iterations: int = ITERATIONS) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode("utf-8"), salt, iterations)
    return f"pbkdf2_sha256${iterations}${salt.hex()}${digest.hex()}"


def _read(path: Path) -> dict[str, str]:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise ConfigError(f"Không đọc được tệp tài khoản {path}.", detail=str(exc)) from exc
    users = {}
    for line in lines:
        if line.strip() and not line.startswith("#") and ":" in line:
            name, hashed = line.split(":", 1)
            users[name.strip()] = hashed.strip()
    return users


def verify(path: Path, user: str, password: str) -> bool:
    hashed = _read(path).get(user)
    if not hashed:
        return False
    try:
        algo, iterations, salt, digest = hashed.split("$")
    except ValueError:
        return False
    calc = hash_password(password, bytes.fromhex(salt), int(iterations)).split("$")[-1]
    return algo == "pbkdf2_sha256" and hmac.compare_digest(calc, digest)


def checker(path: Path | None):
    """The login check the web server calls, or None when the app runs without accounts (one person's machine)."""
    if not path:
        return None
    return lambda user, password: verify(path, user, password)


def add_user(path: Path, user: str, password: str) -> None:
    if not user or ":" in user or any(c.isspace() for c in user):
        raise InputError("Tên đăng nhập không được trống, không chứa dấu hai chấm hay khoảng trắng.")
    if len(password) < 8:
        raise InputError("Mật khẩu cần ít nhất 8 ký tự.")
    path = Path(path)
    users = _read(path) if path.exists() else {}
    users[user] = hash_password(password)
    atomic_write(path, "".join(f"{n}:{h}\n" for n, h in users.items()).encode("utf-8"))
    os.chmod(path, 0o600)
