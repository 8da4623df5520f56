"""The builder's form as the page passes it: a flat list of values (meta fields, one table per area, one text per
section, the targets table), split and built back; and what each upload next to the form does to it, as lists of
outputs in the page's order. KEEP marks an output the page leaves as it is (app.py turns it into gradio's skip)."""

from dataclasses import dataclass
from pathlib import Path

from drafting.inputs.files import FiguresInput
from drafting.service.builder import (
    form_to_input,
    meta_form_values,
    plan_into_form,
    previous_from_library,
    previous_from_report,
    register_lines,
    section_texts,
    tables_from_input,
    target_rows,
)

KEEP = object()


@dataclass
class FormLayout:
    meta_keys: list[str]
    area_keys: list[str]
    section_keys: list[str]

    def split(self, values) -> tuple[dict, dict, dict, list]:
        n, m, k = len(self.meta_keys), len(self.area_keys), len(self.section_keys)
        meta = dict(zip(self.meta_keys, values[:n]))
        if isinstance(meta.get("year"), float):
            meta["year"] = int(meta["year"])
        tabs = dict(zip(self.area_keys, values[n:n + m]))
        return meta, tabs, dict(zip(self.section_keys, values[n + m:n + m + k])), values[n + m + k]

    def to_input(self, values) -> tuple[FiguresInput, dict]:
        meta, tabs, texts, target_table = self.split(values)
        return form_to_input(meta, tabs, texts, target_table), tabs

    def values(self, meta: dict, data: FiguresInput) -> list:
        """Every field of the form from a report's meta and inputs (an upload, a reopened draft)."""
        tabs, texts = tables_from_input(data), section_texts(data)
        return (meta_form_values(meta, self.meta_keys) + [tabs[k] for k in self.area_keys]
                + [texts.get(k, "") for k in self.section_keys] + [target_rows(data)])

    # ---- the uploads beside the form; each returns its outputs and ends with the message said under it
    def register(self, asst, file, *section_values) -> list:
        """A document register export → section texts, message."""
        if not file:
            return [KEEP] * (len(self.section_keys) + 1)
        new, msg = register_lines(asst, Path(file), dict(zip(self.section_keys, section_values)))
        return [new.get(k, "") for k in self.section_keys] + [msg]

    def previous(self, asst, file, *values) -> list:
        """Last period's report → the area tables' «Kỳ trước» column, section texts (the year's plan), message."""
        if not file:
            return [KEEP] * (len(self.area_keys) + len(self.section_keys) + 1)
        meta, tabs, section_values, _ = self.split(values)
        new, new_texts, msg = previous_from_report(asst, Path(file), meta, tabs, section_values)
        return [new[k] for k in self.area_keys] + [new_texts.get(k, "") for k in self.section_keys] + [msg]

    def previous_library(self, asst, *values) -> list:
        """The same from this unit's latest official report in the library."""
        new, msg = previous_from_library(asst, *self.split(values)[:2])
        return [new[k] for k in self.area_keys] + [msg]

    def plan(self, asst, file, *values) -> list:
        """The year's plan → area tables, section texts, the targets table, message."""
        if not file:
            return [KEEP] * (len(self.area_keys) + len(self.section_keys) + 2)
        _, tabs, section_values, target_values = self.split(values)
        new_texts, rows, new_tabs, msg = plan_into_form(asst, Path(file), section_values, target_values, tabs)
        return ([new_tabs[k] for k in self.area_keys] + [new_texts.get(k, "") for k in self.section_keys]
                + [rows, msg])
