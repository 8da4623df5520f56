"""Chat models behind LangChain's BaseChatModel: the local GGUF through llama-cpp-python, any
OpenAI-compatible server (vLLM, Ollama, llama.cpp server), or none. `make_chat_model` picks one from
settings; failures become BackendError with a Vietnamese message, and callers fall back to the
deterministic writer."""

from __future__ import annotations

import json
import re
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from langchain_core.language_models.chat_models import BaseChatModel
from langchain_core.messages import AIMessage, AIMessageChunk, BaseMessage
from langchain_core.outputs import ChatGeneration, ChatGenerationChunk, ChatResult
from pydantic import PrivateAttr

from corpus.errors import BackendError, ConfigError
from drafting.llm.lookup import PromptLookup, lookup_llama


def _role(m: BaseMessage) -> str:
    return {"human": "user", "ai": "assistant", "system": "system"}.get(m.type, "user")


def to_openai_messages(messages: list[BaseMessage]) -> list[dict]:
    return [{"role": _role(m), "content": m.content if isinstance(m.content, str) else str(m.content)}
            for m in messages]


class LocalLlamaChat(BaseChatModel):
    """Qwen2.5-Coder-1.5B (GGUF) in-process. One model per process, loaded on first use; a lock
    serialises generation (llama.cpp contexts are not re-entrant). The system prompt is identical for
    every call, so llama.cpp reuses the KV cache of that prefix (its prefix-match on the last prompt)."""

    model_path: str
    n_ctx: int = 4096
    threads: int = 2
    max_tokens: int = 400
    temperature: float = 0.2
    timeout: float = 120.0  # whole answer, including prompt processing; generation stops past it
    lookahead: int = 0  # tokens guessed from the prompt and checked in one batch (drafting/llm/lookup.py); 0: off
    _llama: Any = PrivateAttr(default=None)
    _lock: Any = PrivateAttr(default_factory=threading.Lock)

    @property
    def _llm_type(self) -> str:
        return "llama-cpp-local"

    def _load(self):
        if self._llama is None:
            try:
                import llama_cpp  # noqa: F401  (checked here, used by lookup_llama)
            except ImportError as exc:
                raise BackendError("Chưa cài mô hình ngôn ngữ cục bộ (llama-cpp-python). Chạy “make llm” để cài; "
                                   "trong lúc chờ, trợ lý dùng cách soạn không cần mô hình.", detail=str(exc)) from exc
            if not Path(self.model_path).is_file():
                raise BackendError(f"Không tìm thấy tệp mô hình {self.model_path}. Chạy “make llm” để lắp ráp mô hình.")
            from drafting.llm.cpu_backends import load_cpu_backend

            try:
                load_cpu_backend()
                # without a guess in play it evaluates as Llama does; `lookahead` may change between calls
                self._llama = lookup_llama(model_path=self.model_path, n_ctx=self.n_ctx, n_threads=self.threads,
                                           n_threads_batch=self.threads, verbose=False)
            except Exception as exc:  # llama.cpp raises ValueError/RuntimeError on a bad file
                raise BackendError("Không nạp được mô hình ngôn ngữ cục bộ.", detail=repr(exc)) from exc
        return self._llama

    def warm(self, system: str) -> float:
        """Load the model and evaluate the fixed system prompt once, so that the first request reuses its
        KV cache (llama.cpp keeps the last prompt's tokens and matches the common prefix). Seconds spent."""
        import time

        llama = self._load()
        t0 = time.perf_counter()
        with self._lock:
            llama.create_chat_completion(messages=[{"role": "system", "content": system}, {"role": "user", "content": "."}],
                                         max_tokens=1)
        return time.perf_counter() - t0

    def _params(self, stop, kwargs) -> dict:
        params = {"max_tokens": kwargs.get("max_tokens", self.max_tokens), "temperature": self.temperature,
                  "stop": stop or None, "repeat_penalty": 1.1}
        if kwargs.get("json_schema"):  # the answer constrained by a grammar built from the schema
            params["response_format"] = {"type": "json_object", "schema": kwargs["json_schema"]}
            params["temperature"] = 0.0
        return params

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        text = "".join(c.message.content for c in self._stream(messages, stop, run_manager, **kwargs))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs) -> Iterator[ChatGenerationChunk]:
        llama = self._load()
        with self._lock:
            deadline = time.monotonic() + self.timeout
            # a grammar-bound answer (JSON) is short and is not guessed ahead
            guess = self.lookahead and not kwargs.get("json_schema")
            llama.draft_model = PromptLookup(self.lookahead) if guess else None
            try:
                for part in llama.create_chat_completion(messages=to_openai_messages(messages), stream=True,
                                                         **self._params(stop, kwargs)):
                    if time.monotonic() > deadline:
                        raise BackendError(f"Mô hình ngôn ngữ cục bộ chạy quá chậm (quá {self.timeout:g} giây).")
                    delta = part["choices"][0].get("delta", {}).get("content") or ""
                    if delta:
                        chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                        if run_manager:
                            run_manager.on_llm_new_token(delta, chunk=chunk)
                        yield chunk
            except BackendError:
                raise
            except Exception as exc:
                raise BackendError("Mô hình ngôn ngữ cục bộ gặp lỗi khi sinh văn bản.", detail=repr(exc)) from exc


class OpenAICompatibleChat(BaseChatModel):
    """Any server speaking the OpenAI chat-completions API, streamed over server-sent events."""

    base_url: str
    model: str
    api_key: str = ""
    timeout: float = 120.0
    max_tokens: int = 600
    temperature: float = 0.2

    @property
    def _llm_type(self) -> str:
        return "openai-compatible"

    def _request(self, messages, stop, kwargs, stream: bool):
        import httpx

        body = {"model": self.model, "messages": to_openai_messages(messages), "stream": stream,
                "max_tokens": kwargs.get("max_tokens", self.max_tokens), "temperature": self.temperature}
        if stop:
            body["stop"] = stop
        if kwargs.get("json_schema"):  # vLLM, llama.cpp server and Ollama constrain the answer to the schema
            body["response_format"] = {"type": "json_schema",
                                       "json_schema": {"name": "answer", "schema": kwargs["json_schema"], "strict": True}}
            body["temperature"] = 0.0
        headers = {"Authorization": f"Bearer {self.api_key}"} if self.api_key else {}
        url = self.base_url.rstrip("/") + "/chat/completions"
        return httpx.Client(timeout=httpx.Timeout(self.timeout, connect=min(10.0, self.timeout)),
                            trust_env=False), url, body, headers

    def _generate(self, messages, stop=None, run_manager=None, **kwargs) -> ChatResult:
        text = "".join(c.message.content for c in self._stream(messages, stop, run_manager, **kwargs))
        return ChatResult(generations=[ChatGeneration(message=AIMessage(content=text))])

    def _stream(self, messages, stop=None, run_manager=None, **kwargs) -> Iterator[ChatGenerationChunk]:
        import httpx

        client, url, body, headers = self._request(messages, stop, kwargs, stream=True)
        # httpx's timeout is per read: a server trickling tokens could go on for ever; this bounds the whole answer
        deadline = time.monotonic() + self.timeout
        try:
            with client, client.stream("POST", url, json=body, headers=headers) as resp:
                if resp.status_code != 200:
                    resp.read()
                    raise BackendError(f"Máy chủ mô hình ngôn ngữ trả lỗi {resp.status_code}.", detail=resp.text[:500])
                for line in resp.iter_lines():
                    if time.monotonic() > deadline:
                        raise BackendError(f"Máy chủ mô hình ngôn ngữ không trả lời xong trong {self.timeout:g} giây.")
                    if not line.startswith("data:"):
                        continue
                    data = line[5:].strip()
                    if data == "[DONE]":
                        break
                    try:
                        delta = json.loads(data)["choices"][0].get("delta", {}).get("content") or ""
                    except (ValueError, KeyError, IndexError, TypeError) as exc:
                        raise BackendError("Máy chủ mô hình ngôn ngữ trả về dữ liệu không hợp lệ.", detail=data[:300]) from exc
                    if delta:
                        chunk = ChatGenerationChunk(message=AIMessageChunk(content=delta))
                        if run_manager:
                            run_manager.on_llm_new_token(delta, chunk=chunk)
                        yield chunk
        except httpx.TimeoutException as exc:
            raise BackendError(f"Máy chủ mô hình ngôn ngữ không trả lời trong {self.timeout:g} giây.", detail=repr(exc)) from exc
        except httpx.HTTPError as exc:
            raise BackendError(f"Không kết nối được máy chủ mô hình ngôn ngữ tại {self.base_url}.", detail=repr(exc)) from exc


class ModelHealth:
    """After the model fails, skip it for a while instead of making every section and every user wait
    for the same timeout again; the deterministic path answers meanwhile."""

    def __init__(self, cooldown: float = 60.0):
        self.cooldown = cooldown
        self.error = ""
        self._until = 0.0
        self._lock = threading.Lock()

    def down(self) -> str:
        """The last failure's message while the model is being skipped, else ''."""
        with self._lock:
            return self.error if time.monotonic() < self._until else ""

    def failed(self, message: str) -> None:
        with self._lock:
            self.error, self._until = message, time.monotonic() + self.cooldown

    def ok(self) -> None:
        with self._lock:
            self.error, self._until = "", 0.0


def looks_like_text(text: str) -> bool:
    """Vietnamese prose, not a server's garbage: letters dominate and at least a quarter of the words
    carry Vietnamese letters. A model answering in another language or in noise is not used."""
    text = re.sub(r"\{[^{}]*\}", " ", text)  # figure slots are the code's, not the model's words
    words = re.findall(r"[^\W\d_]+", text)
    if len(words) < 5:
        return False
    letters = sum(len(w) for w in words)
    if letters < 0.6 * len(re.sub(r"\s", "", text)):
        return False
    viet = sum(1 for w in words if re.search(r"[ăâđêôơưàáảãạèéẻẽẹìíỉĩịòóỏõọùúủũụỳýỷỹỵ]", w.lower()))
    return viet >= 0.25 * len(words)


def make_chat_model(kind: str, *, model_path: Path | None = None, base_url: str = "", model: str = "",
                    api_key: str = "", timeout: float = 120.0, threads: int = 2,
                    lookahead: int = 0) -> BaseChatModel | None:
    """'none' → None (the deterministic writer); 'local' → the GGUF; 'openai' → a compatible server."""
    if kind == "none":
        return None
    if kind == "local":
        return LocalLlamaChat(model_path=str(model_path), threads=threads, timeout=timeout, lookahead=lookahead)
    if kind == "openai":
        if not base_url:
            raise ConfigError("Chọn mô hình “openai” thì phải khai báo địa chỉ máy chủ (TROLY_LLM_URL).")
        return OpenAICompatibleChat(base_url=base_url, model=model or "default", api_key=api_key, timeout=timeout)
    raise ConfigError(f"Loại mô hình ngôn ngữ “{kind}” không được hỗ trợ (none | local | openai).")
