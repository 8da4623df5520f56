"""A small error hierarchy. Each error carries a Vietnamese message for the official; only the
user-facing edges (CLI, app) print it."""

from __future__ import annotations


class TroLyError(Exception):
    """Base class of the product's own errors. `message` is Vietnamese, ready for the user."""

    def __init__(self, message: str, *, detail: str | None = None):
        super().__init__(message)
        self.message = message
        self.detail = detail  # technical detail for logs, never shown alone


class InputError(TroLyError):
    """The user's input (a file, a figure, a question) cannot be used as given."""


class ConfigError(TroLyError):
    """The settings point at something missing or inconsistent."""


class BackendError(TroLyError):
    """A backend (index, embedding model, LLM) failed or is unavailable."""
