"""The README's and docs' commands keep working: every `python -m MODULE SUBCOMMAND` shown in a code block is a
command the module accepts, and every make target shown exists."""

import re
import subprocess
import sys

import pytest

from tests.conftest import ROOT

DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def _code_lines():
    for path in DOCS:
        text = path.read_text(encoding="utf-8")
        for block in re.findall(r"```(?:bash|sh)?\n(.*?)```", text, re.S):
            for line in block.splitlines():
                yield path.name, line.split("#")[0].strip()


def _commands():
    seen = set()
    for name, line in _code_lines():
        m = re.search(r"python -m (drafting|retrieval|evals\.run|evals\.bench|evals\.fuzz|evals\.crash)\b\s*([a-z][\w-]*)?",
                      line)
        if m and (m.group(1), m.group(2)) not in seen:
            seen.add((m.group(1), m.group(2)))
            yield name, m.group(1), m.group(2)


@pytest.mark.parametrize("doc,module,sub", list(_commands()), ids=lambda v: str(v))
def test_documented_command_is_accepted(doc, module, sub):
    args = [sys.executable, "-m", module] + ([sub] if sub else []) + ["--help"]
    run = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, f"{doc}: python -m {module} {sub or ''}: {run.stderr[-400:]}"


def test_documented_make_targets_exist():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    targets = set(re.findall(r"^([a-z][\w-]*):", makefile, re.M))
    for name, line in _code_lines():
        for target in re.findall(r"\bmake ((?:[a-z][\w-]*\s*)+)", line):
            for t in target.split():
                if "=" not in t:
                    assert t in targets, f"{name}: make {t}"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert readme.index("make run") < readme.index("make test") < 1000  # the two set-up commands open the README
