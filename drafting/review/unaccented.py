"""Sentences typed without diacritics in a document otherwise written with them: the draft kept an official's words as
typed in the chat ("duong truyen internet o cac ban vung cao con yeu"), and they must be retyped before it is signed —
the reviewer says so of the file as the drafting check said so of the draft. A document without diacritics throughout
(OCR text, an old file) is not flagged sentence by sentence: its outline check already says it must be read by eye."""

from __future__ import annotations

from corpus.text import marked_share, unaccented_sentences
from drafting.models import ReviewIssue


def check_unaccented(paragraphs, whole_text: str) -> list[ReviewIssue]:
    if marked_share(whole_text) <= 0.3:
        return []
    return [ReviewIssue(kind="wording", severity="warning", section=p.section, paragraph=p.index, text=run[:160],
                        message=f"Câu gõ không dấu («{run[:60]}»): cần gõ lại có dấu trước khi ban hành.",
                        suggestion="gõ lại có dấu")
            for p in paragraphs for run in unaccented_sentences(p.text)]
