"""A small error hierarchy. Each error carries a Vietnamese message for the official; only the
user-facing edges (CLI, app) print it."""

from __future__ import annotations

import logging


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


logging.getLogger("troly").addHandler(logging.NullHandler())  # silent unless an edge configures logging


def shown(exc: TroLyError, where: str = "troly") -> str:
    """What a user-facing edge shows: the Vietnamese message. The technical detail goes to the log: bad input at
    INFO (the user already reads why), a failing backend or setting at WARNING."""
    level = logging.INFO if isinstance(exc, InputError) else logging.WARNING
    logging.getLogger(where).log(level, "%s%s", exc.message, f" | {exc.detail}" if exc.detail else "")
    return exc.message


def configure_logging(level: str = "WARNING") -> None:
    """Standard-library logging for the edges (CLI, app, workers): quiet by default (TROLY_LOG_LEVEL)."""
    logging.basicConfig(level=getattr(logging, str(level).upper(), logging.WARNING),
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
