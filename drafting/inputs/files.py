"""Read a figures file (YAML, JSON or the product's .xlsx workbook) into report metadata and a
validated FigureSet. Problems become FigureIssues naming the field and the cell or key; the file
itself is never modified."""

from __future__ import annotations

import json
from pathlib import Path

import yaml
from pydantic import BaseModel, ValidationError

from corpus.errors import InputError
from drafting.figures.facts import Fact, Target, parse_facts, parse_targets
from drafting.figures.figureset import FigureIssue, FigureSet, build_figure_set
from drafting.inputs.workbook import META_LABELS, meta_from_cells, read_workbook
from drafting.models import ReportMeta

MAX_BYTES = 50 * 1024 * 1024  # the default of TROLY_MAX_UPLOAD_MB; callers with settings pass theirs
_ALIASES = {"thong_tin": "meta", "so_lieu": "figures", "ky_truoc": "previous", "noi_dung": "facts",
            "chi_tieu": "targets", "so_sanh_voi": "previous_label", "cung_ky_nam_truoc": "same_period_last_year"}
TOP_KEYS = ("meta", "figures", "previous", "same_period_last_year", "previous_label", "facts", "targets")


class FiguresInput(BaseModel):
    """Everything the official supplied for one report: metadata, figures, facts and targets."""

    meta: ReportMeta | None = None
    figures: FigureSet
    facts: list[Fact] = []
    targets: list[Target] = []
    meta_raw: dict = {}
    source: str = ""

    @property
    def issues(self) -> list[FigureIssue]:
        return self.figures.issues

    @property
    def errors(self) -> list[FigureIssue]:
        return self.figures.errors


def _meta_issues(exc: ValidationError, cells: dict[str, str]) -> list[FigureIssue]:
    out = []
    for e in exc.errors():
        field = str(e["loc"][0]) if e["loc"] else ""
        label = META_LABELS.get(field, field or "thông tin chung")
        cell = cells.get(f"meta.{field}", f"meta.{field}" if field else "meta")
        if e["type"] == "missing":
            msg = f"Thiếu «{label}» ({cell})."
        elif e["type"] == "value_error":
            msg = f"«{label}» ({cell}): {str(e['msg']).removeprefix('Value error, ')}."
        elif e["type"] == "literal_error":
            msg = f"«{label}» ({cell}): “{e.get('input')}” không hợp lệ; chọn một trong: {e['ctx']['expected']}."
        else:
            msg = f"«{label}» ({cell}): giá trị “{e.get('input')}” không hợp lệ."
        out.append(FigureIssue(field=f"meta.{field}", cell=cell, message=msg))
    return out


def figures_from_data(data: dict, cells: dict[str, str] | None = None, source: str = "",
                      extra_issues: list[FigureIssue] | None = None, origin: str = "") -> FiguresInput:
    data = {_ALIASES.get(k, k): v for k, v in (data or {}).items()}
    unknown = set(data) - set(TOP_KEYS)
    cells = dict(cells or {})
    fs = build_figure_set(data.get("figures") or {}, data.get("previous") or {}, cells, origin,
                          str(data.get("previous_label") or "kỳ trước"), data.get("same_period_last_year") or {})
    issues = list(extra_issues or [])
    issues += [FigureIssue(field=k, cell=k, severity="warning",
                           message=f"Mục “{k}” không được dùng (chỉ dùng: {', '.join(TOP_KEYS)}).") for k in sorted(unknown)]
    facts, fact_issues = (data["facts"], []) if _parsed(data.get("facts"), Fact) else parse_facts(data.get("facts"))
    targets, target_issues = ((data["targets"], []) if _parsed(data.get("targets"), Target)
                              else parse_targets(data.get("targets")))
    issues += fact_issues + target_issues
    meta = None
    raw_meta = data.get("meta") or {}
    if raw_meta:
        try:
            meta = ReportMeta.model_validate(meta_from_cells(raw_meta))
        except ValidationError as exc:
            issues += _meta_issues(exc, cells)
    else:
        issues.append(FigureIssue(field="meta", cell="meta", message="Chưa có thông tin chung của báo cáo (cơ quan, kỳ, năm, ngày…)."))
    fs = fs.model_copy(update={"issues": issues + fs.issues})
    return FiguresInput(meta=meta, figures=fs, facts=facts, targets=targets, meta_raw=raw_meta, source=source)


def _parsed(items, model) -> bool:
    """Facts and targets already typed (a workbook's sheets, the builder's form) are not parsed again."""
    return bool(items) and isinstance(items, list) and all(isinstance(i, model) for i in items)


def load_figures_bytes(data: bytes, name: str, max_bytes: int = MAX_BYTES, convert_timeout: float = 90.0) -> FiguresInput:
    if len(data) > max_bytes:
        raise InputError(f"Tệp {name} quá lớn ({len(data) / 1048576:.1f} MB); giới hạn {max_bytes // 1048576} MB.")
    if not data.strip():
        raise InputError(f"Tệp {name} trống.")
    if Path(name).suffix.lower() in (".xls", ".ods") or data[:4] == b"\xd0\xcf\x11\xe0":
        from corpus.office import convert

        # Excel 97–2003 and OpenDocument sheets: LibreOffice makes an .xlsx, which the workbook reader reads
        data, _ = convert(data, name if Path(name).suffix.lower() in (".xls", ".ods") else f"{name}.xls",
                          convert_timeout)
        if len(data) > max_bytes:
            raise InputError(f"Tệp {name} sau khi chuyển đổi quá lớn; giới hạn {max_bytes // 1048576} MB.")
    if data[:4] == b"PK\x03\x04":
        wb = read_workbook(data, name)
        return figures_from_data({"meta": wb.meta, "figures": wb.values, "previous": wb.previous,
                                  "same_period_last_year": wb.same_period, "facts": wb.facts, "targets": wb.targets},
                                 wb.cells, name, wb.issues)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"Tệp {name} không phải văn bản UTF-8 (YAML/JSON) hay sổ tính .xlsx.") from exc
    try:
        parsed = json.loads(text) if text.lstrip().startswith("{") else yaml.safe_load(text)
    except (ValueError, yaml.YAMLError) as exc:
        where = ""
        mark = getattr(exc, "problem_mark", None)
        if mark is not None:
            where = f" (dòng {mark.line + 1}, cột {mark.column + 1})"
        elif isinstance(exc, json.JSONDecodeError):
            where = f" (dòng {exc.lineno}, cột {exc.colno})"
        raise InputError(f"Tệp {name} sai cú pháp{where}; không đọc được số liệu.", detail=str(exc)) from exc
    if not isinstance(parsed, dict):
        raise InputError(f"Tệp {name} phải là một bảng khóa–giá trị ({', '.join(TOP_KEYS)}).")
    return figures_from_data(parsed, source=name, origin="figures.")


def load_figures_file(path: Path, max_bytes: int = MAX_BYTES) -> FiguresInput:
    path = Path(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:  # before reading it into memory
            raise InputError(f"Tệp {path.name} quá lớn ({size / 1048576:.1f} MB); giới hạn {max_bytes // 1048576} MB.")
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"Không đọc được tệp {path}.", detail=str(exc)) from exc
    return load_figures_bytes(data, path.name, max_bytes)
