"""Old office formats (.doc, .xls — Word and Excel 97–2003 — and .odt, .ods) converted with LibreOffice in
headless mode to .docx / .xlsx, which then go through the normal loaders and their limits.

Each conversion runs in a throwaway LibreOffice profile (a user's open LibreOffice, or a second
conversion at the same time, cannot block it) and under a time limit; a conversion that hangs is
killed with its process group."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from corpus.errors import InputError

TARGET = {".doc": "docx", ".odt": "docx", ".rtf": "docx", ".xls": "xlsx", ".ods": "xlsx"}
LEGACY = tuple(TARGET)


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(data: bytes, name: str, timeout: float = 60.0) -> tuple[bytes, str]:
    """(converted bytes, new suffix) for a legacy office file; InputError with a Vietnamese message otherwise."""
    suffix = Path(name).suffix.lower()
    target = TARGET.get(suffix)
    if target is None:
        raise InputError(f"{name}: không nhận ra định dạng tệp Office đời cũ; hãy mở bằng Word/Excel và lưu thành "
                         ".docx hoặc .xlsx.")
    exe = soffice()
    if exe is None:
        raise InputError(f"{name}: cần LibreOffice để đọc tệp {suffix} nhưng máy chưa cài. Quản trị viên cài bằng: "
                         "sudo apt-get install libreoffice-writer-nogui libreoffice-calc-nogui (hoặc chạy make run); "
                         f"hoặc mở tệp bằng Word/Excel và lưu thành .{target}.")
    with tempfile.TemporaryDirectory(prefix="troly-office-") as tmp:
        src = Path(tmp) / f"in{suffix}"
        src.write_bytes(data)
        out_dir = Path(tmp) / "out"
        cmd = [exe, f"-env:UserInstallation=file://{tmp}/profile", "--headless", "--norestore", "--nolockcheck",
               "--convert-to", target, "--outdir", str(out_dir), str(src)]
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
        try:
            _, err = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.communicate()
            raise InputError(f"{name}: chuyển đổi bằng LibreOffice quá {timeout:.0f} giây, đã dừng; tệp có thể bị hỏng. "
                             f"Hãy mở bằng Word/Excel và lưu thành .{target}.") from exc
        result = out_dir / f"in.{target}"
        if proc.returncode != 0 or not result.is_file() or result.stat().st_size == 0:
            raise InputError(f"{name}: không chuyển đổi được (tệp bị hỏng hoặc không phải tài liệu {suffix}). Hãy mở "
                             f"bằng Word/Excel và lưu thành .{target}.", detail=err.decode(errors="replace")[:300])
        return result.read_bytes(), f".{target}"
