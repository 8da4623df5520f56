"""What the chat says about a message before its draft: numbers it did not use (unread, or with two readings —
asked, never guessed), numbers made in code (an estimate, a sum, a conversion) for the official to confirm, and
another period's figures kept for comparison rather than as this period's."""

from __future__ import annotations

from drafting.figures.schema import FIELD_BY_KEY
from drafting.figures.vnformat import fmt_decimal
from drafting.inputs.chat_reader import ChatReading


def reading_notes(reading: ChatReading) -> str:
    """The preface of the chat's reply to a message of data ("" when there is nothing to say)."""
    unread = "".join(f"- “{u.quote}” ({u.context}): {u.reason}.\n" for u in reading.unread)
    # the official answers a question of two readings by writing the figure's name
    unread += "".join(
        f"- “{a.quote}” ({a.context}): là {' hay '.join(FIELD_BY_KEY[k].label.lower() for k in a.options)}? "
        "Xin ghi rõ tên chỉ tiêu.\n" for a in reading.ambiguous)
    text = f"Tôi chưa dùng các số sau:\n{unread}\n" if unread else ""
    noted = "".join(f"- {FIELD_BY_KEY[f.key].label}: {fmt_decimal(f.value)} — {f.note}.\n" for f in reading.figures if f.note)
    text += f"Xin kiểm tra các số sau:\n{noted}\n" if noted else ""
    for figures, label in ((reading.same_period, "cùng kỳ năm trước"), (reading.previous, "kỳ trước")):
        if figures:
            text += f"Đã ghi làm số {label} (để so sánh): " + "; ".join(
                f"{FIELD_BY_KEY[f.key].label.lower()} {fmt_decimal(f.value)}" for f in figures) + ".\n\n"
    return text
