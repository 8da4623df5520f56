"""A scripted chat model for tests: it answers from a script and records every message list it was
sent, so tests can assert that the figures, the law and the precedent reached the model."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import Field

from corpus.errors import BackendError


class ScriptedChatModel(BaseChatModel):
    """`responses` are returned in turn (the last one repeats); a callable gets the prompt text;
    an Exception instance is raised as a backend failure."""

    responses: list[Any] = Field(default_factory=list)
    calls: list[list[Any]] = Field(default_factory=list)

    @property
    def _llm_type(self) -> str:
        return "scripted"

    def _next(self, messages) -> str:
        self.calls.append(list(messages))
        if not self.responses:
            return ""
        r = self.responses[min(len(self.calls) - 1, len(self.responses) - 1)]
        if isinstance(r, Exception):
            raise BackendError("Mô hình thử nghiệm báo lỗi.", detail=repr(r))
        if isinstance(r, Callable):
            return r("\n".join(str(m.content) for m in messages))
        return str(r)

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=self._next(messages)))])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs) -> Iterator[ChatGenerationChunk]:
        text = self._next(messages)
        for i in range(0, len(text), 12):
            yield ChatGenerationChunk(message=AIMessageChunk(content=text[i:i + 12]))

    def prompts(self) -> list[str]:
        return ["\n".join(str(m.content) for m in call) for call in self.calls]
