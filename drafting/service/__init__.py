"""The one path for what the app, the CLI and the evals do: chat, build a report, review, manage the
library. app.py only lays out the page and calls these; tested without a browser
(tests/test_handlers.py)."""

from corpus.errors import InputError
from drafting.service.builder import (REPORT_FILES, TARGET_HEADERS, BuildResult, annotate_tables, chat_to_builder,
                                      empty_tables, meta_form_values,
                                      export_files, form_to_input, generate_report, list_drafts, load_figures_input,
                                      open_draft, plan_into_form, previous_from_library, previous_from_report,
                                      register_lines, row_key, section_texts, tables_from_input, target_rows,
                                      template_file, validation_md, window_text)
from drafting.service.form import KEEP, FormLayout
from drafting.service.chat import apply_corrections, chat_turn, draft_markdown, fact_rows, meta_rows, shorten
from drafting.service.editing import edit_section, insert_proposal, proposal_choices, section_choices, section_text
from drafting.service.library import (LIBRARY_HEADERS, LIBRARY_KINDS, LibraryTable, audit_rows, library_remove,
                                      library_rows, library_pick, library_selected, library_update, library_upload, registry_rows,
                                      reindex)
from drafting.service.reviewing import REVIEW_HEADERS, ReviewResult, review_file
from drafting.service.roundtrip import check_final, official_previous, save_official
from drafting.service.state import (FACT_HEADERS, FIGURE_FILES, FIGURE_HEADERS, LIBRARY_FILES, META_HEADERS,
                                    REVIEW_FILES, UNDERSTOOD_HEADERS, ChatReply, UserState)

__all__ = [
    "BuildResult", "ChatReply", "FACT_HEADERS", "FIGURE_FILES", "FIGURE_HEADERS", "InputError", "LIBRARY_HEADERS",
    "META_HEADERS", "REVIEW_FILES", "REVIEW_HEADERS", "ReviewResult", "UNDERSTOOD_HEADERS", "UserState",
    "annotate_tables", "apply_corrections", "audit_rows", "chat_turn", "draft_markdown", "empty_tables", "export_files",
    "fact_rows", "form_to_input", "generate_report", "library_remove", "library_rows", "library_upload", "list_drafts",
    "load_figures_input", "open_draft", "registry_rows", "reindex", "review_file", "shorten", "tables_from_input",
    "template_file", "validation_md", "window_text", "TARGET_HEADERS", "register_lines", "previous_from_report",
    "section_texts", "target_rows", "LIBRARY_FILES", "REPORT_FILES", "check_final", "official_previous",
    "save_official", "previous_from_library", "plan_into_form", "row_key",
    "chat_to_builder", "edit_section", "section_text", "section_choices", "meta_rows", "insert_proposal", "proposal_choices", "FormLayout", "KEEP", "meta_form_values", "LIBRARY_KINDS", "LibraryTable", "library_pick", "library_selected", "library_update",
]
