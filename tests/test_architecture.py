"""Imports point one way (app → drafting → retrieval → corpus), only app.py imports gradio, and
telemetry is off in one place."""

import ast
import os
from pathlib import Path

from tests.conftest import ROOT

ORDER = {"corpus": 0, "retrieval": 1, "drafting": 2}
# Inside drafting/, each job's room may import only rooms of a lower rank (never a sibling of the
# same rank): figures → models → inputs, llm → law → chain, review, render → service → the CLI.
ROOMS = {"figures": 0, "models": 1, "inputs": 2, "llm": 2, "law": 3, "chain": 4, "review": 4, "render": 4,
         "service": 5, "__main__": 6}
MAX_LINES = 460  # a module longer than this has more than one job


def _modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _imports(path: Path) -> set[str]:
    return {m.split(".")[0] for m in _modules(path)}


def _room(path: Path) -> str:
    rel = path.relative_to(ROOT / "drafting")
    return rel.parts[0] if len(rel.parts) > 1 else rel.stem


def test_dependencies_point_one_way():
    for pkg, rank in ORDER.items():
        for path in (ROOT / pkg).rglob("*.py"):
            for name in _imports(path):
                # a package's command line (__main__) is an entry point like app.py: it may wire the settings
                if name in ORDER and path.name != "__main__.py":
                    assert ORDER[name] <= rank, f"{path.relative_to(ROOT)} imports {name}"
                assert name not in ("app", "evals", "tests"), f"{path.relative_to(ROOT)} imports {name}"


def test_drafting_rooms_import_downwards_only():
    for path in (ROOT / "drafting").rglob("*.py"):
        room = _room(path)
        if room == "__init__":
            continue
        assert room in ROOMS, f"{path.relative_to(ROOT)}: a new room must be ranked in ROOMS"
        for mod in _modules(path):
            parts = mod.split(".")
            if parts[0] != "drafting" or len(parts) < 2 or parts[1] == room:
                continue
            assert ROOMS[parts[1]] < ROOMS[room], f"{path.relative_to(ROOT)} ({room}) imports {mod}"


def test_no_product_module_is_too_long():
    for pkg in ("corpus", "retrieval", "drafting"):
        for path in (ROOT / pkg).rglob("*.py"):
            n = len(path.read_text(encoding="utf-8").splitlines())
            assert n <= MAX_LINES, f"{path.relative_to(ROOT)} has {n} lines"
    # the one module that may import gradio holds the layout and wiring of the whole UI; its words, fields, tables and
    # start-up live in drafting/service (screens.py, form.py, assistant.start_assistant)
    assert len((ROOT / "app.py").read_text(encoding="utf-8").splitlines()) <= MAX_LINES + 70


def test_only_app_imports_gradio():
    for path in ROOT.rglob("*.py"):
        if ".venv" in path.parts or path.name == "app.py" or "tests" in path.parts:
            continue
        assert "gradio" not in _imports(path), path


def test_telemetry_is_off_once_retrieval_is_imported():
    import retrieval  # noqa: F401
    from retrieval.offline import OFFLINE_ENV

    for key, value in OFFLINE_ENV.items():
        assert os.environ[key] == value
    assert os.environ["ANONYMIZED_TELEMETRY"] == "False" and os.environ["HF_HUB_OFFLINE"] == "1"


def test_chroma_client_has_telemetry_off(corpus_stack):
    assert corpus_stack.store.client.get_settings().anonymized_telemetry is False


def test_every_setting_is_documented():
    from retrieval.settings import Settings

    readme = (ROOT / "docs" / "configuration.md").read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        assert f"TROLY_{name.upper()}" in readme, name
        assert field.description
