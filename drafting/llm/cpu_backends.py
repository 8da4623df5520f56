"""llama.cpp's CPU kernels, built as loadable variants (.ci/build-llama-wheel, GGML_BACKEND_DL): before the first
model of the process, load the fastest variant this CPU supports (llama.cpp scores each against the CPU's
features). A wheel with the kernels linked in (the older portable build) needs nothing and reports ""."""

from __future__ import annotations

import ctypes
import logging
import threading
from pathlib import Path

log = logging.getLogger("troly.llm")
_lock = threading.Lock()
_variant: str | None = None


def _mapped_variant() -> str:
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            names = {line.rsplit("/", 1)[-1].strip() for line in maps if "libggml-cpu-" in line}
    except OSError:
        return "?"
    return ", ".join(sorted(n.removeprefix("libggml-cpu-").removesuffix(".so") for n in names)) or "?"


def load_cpu_backend(variant: str = "") -> str:
    """The CPU variant in use ("icelake", "haswell", …); "" when the kernels are linked into the library. `variant`
    forces one (benchmarks compare them; a CPU that misbehaves with the chosen one can be given another). Once per
    process; later calls return the first answer."""
    global _variant
    with _lock:
        if _variant is not None:
            return _variant
        import llama_cpp
        from llama_cpp._utils import suppress_stdout_stderr

        lib = Path(llama_cpp.__file__).parent / "lib"
        if not any(lib.glob("libggml-cpu-*.so")):
            _variant = ""
            return _variant
        # the file named by the SONAME, which libllama already loaded: pip installs a wheel's symlinks as copies,
        # and a second copy of libggml would hold a second, empty backend registry
        ggml = ctypes.CDLL(str(lib / "libggml.so.0"))
        ggml.ggml_backend_load_all_from_path.argtypes = [ctypes.c_char_p]
        try:  # llama.cpp prints "loaded CPU backend …" on the process's stderr: our log says it once
            quiet = suppress_stdout_stderr(disable=False)
            quiet.__enter__()
        except (AttributeError, OSError, ValueError):  # a stream without a file descriptor (some test runners)
            quiet = None
        try:
            if variant:
                forced = lib / f"libggml-cpu-{variant}.so"
                if not forced.is_file():
                    raise ValueError(f"no CPU variant {variant!r} in {lib}")
                ggml.ggml_backend_load.argtypes = [ctypes.c_char_p]
                ggml.ggml_backend_load.restype = ctypes.c_void_p
                ggml.ggml_backend_load(str(forced).encode())
            else:
                ggml.ggml_backend_load_all_from_path(str(lib).encode())
        finally:
            if quiet is not None:
                quiet.__exit__(None, None, None)
        _variant = _mapped_variant()
        log.info("llama.cpp CPU kernels: %s", _variant)
        return _variant
