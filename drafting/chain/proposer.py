"""The sentences nobody supplied: `Proposer` writes them as visibly marked proposals (or leaves them out), so a draft
never asserts what the official did not say."""

from __future__ import annotations

from typing import Literal

from drafting.models import ASK_OPEN, PROPOSAL_OPEN, Paragraph

Unsupported = Literal["mark", "omit"]


class Proposer:
    """Sentences no figure, fact or registry entry supports: marked for confirmation (default) or left out."""

    def __init__(self, mode: Unsupported = "mark"):
        self.mode = mode

    def __call__(self, text: str, style: str = "body") -> list[Paragraph]:
        if self.mode == "omit":
            return []
        prefix = "- " if style == "bullet" else ""
        return [Paragraph(text=f"{prefix}{PROPOSAL_OPEN}{text.rstrip('.')}.]", style=style, proposed=True,
                          sources=["đề xuất của trợ lý"])]

    @staticmethod
    def ask(what: str, style: str = "body") -> Paragraph:
        """A visible request for something only the official can supply (a cause, a plan's number)."""
        prefix = "- " if style == "bullet" else ""
        return Paragraph(text=f"{prefix}{ASK_OPEN}{what}]", style=style, proposed=True, sources=["cần cán bộ bổ sung"])
