"""Nothing leaves the machine: telemetry of Chroma, Hugging Face, LangChain and Gradio is off and
model hubs are never contacted. Set here, in one place, before any of those libraries is imported."""

from __future__ import annotations

import os

OFFLINE_ENV = {
    "ANONYMIZED_TELEMETRY": "False",  # Chroma
    "CHROMA_TELEMETRY": "False",
    "HF_HUB_OFFLINE": "1",  # Hugging Face: never download
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "True",  # the value Gradio itself writes when analytics are off
    "HF_HUB_DISABLE_IMPLICIT_TOKEN": "1",
    "LANGCHAIN_TRACING_V2": "false",  # LangChain / LangSmith
    "LANGSMITH_TRACING": "false",
    "LANGCHAIN_TRACING": "false",
    "GRADIO_ANALYTICS_ENABLED": "False",  # Gradio
    "DO_NOT_TRACK": "1",
    "TOKENIZERS_PARALLELISM": "false",
}


def enforce_offline() -> None:
    """Force the offline settings; a user's environment cannot turn telemetry back on."""
    os.environ.update(OFFLINE_ENV)
