"""Load prompts from prompts/ strictly: the variables a file declares must be exactly those its body uses."""

from __future__ import annotations

import string
from dataclasses import dataclass
from pathlib import Path

import yaml

from corpus.errors import ConfigError

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"


@dataclass(frozen=True)
class Prompt:
    name: str
    variables: tuple[str, ...]
    template: str

    def format(self, **values: str) -> str:
        missing = set(self.variables) - set(values)
        extra = set(values) - set(self.variables)
        if missing or extra:
            raise ConfigError(f"Mẫu lời nhắc “{self.name}”: thiếu {sorted(missing)}, thừa {sorted(extra)}.")
        return self.template.format(**values)


def used_variables(template: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(template) if field is not None}


def load_prompt(name: str, directory: Path = PROMPTS_DIR) -> Prompt:
    path = directory / f"{name}.md"
    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"Không đọc được mẫu lời nhắc {path.name}.", detail=str(exc)) from exc
    if not raw.startswith("---\n"):
        raise ConfigError(f"Mẫu lời nhắc {path.name} thiếu phần khai báo biến (front matter).")
    head, _, body = raw[4:].partition("\n---\n")
    declared = (yaml.safe_load(head) or {}).get("variables") or []
    try:
        used = used_variables(body)
    except ValueError as exc:
        raise ConfigError(f"Mẫu lời nhắc {path.name} có dấu ngoặc nhọn sai.", detail=str(exc)) from exc
    if set(declared) != used:
        raise ConfigError(f"Mẫu lời nhắc {path.name}: biến khai báo {sorted(declared)} khác biến sử dụng {sorted(used)}.")
    return Prompt(name=name, variables=tuple(declared), template=body.strip("\n"))
