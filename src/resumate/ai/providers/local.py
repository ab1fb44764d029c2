"""A GGUF model run in-process by `llama-cpp-python` (the optional extra `resumate[local-llm]`).

One model per process: it is loaded once, on the first call, in the model's own worker thread,
and that single thread runs every call in turn, so two requests never share the model's state.
Generation happens token by token in the worker, which checks a cancel flag between tokens:
when the page cancels (the stream is closed or its task cancelled) the model stops working
within a token, instead of finishing an answer nobody will read. JSON modes use llama.cpp's
grammars (`response_format`), so "schema" and "object" answers are valid JSON by construction.
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import threading
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from resumate.ai.errors import ProviderUnavailable
from resumate.ai.providers.base import Finish, OutputMode, Prompt, ProviderName, Reply, Usage

_FINISH: dict[str | None, Finish] = {"stop": "stop", "length": "length"}
_models: dict[tuple[str, int, int | None], Any] = {}
_models_lock = threading.Lock()
_worker: ThreadPoolExecutor | None = None
_END = object()


def _the_worker() -> ThreadPoolExecutor:
    global _worker
    with _models_lock:
        if _worker is None:
            _worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="local-model")
        return _worker


class LocalModel:
    """A GGUF file the operator points at; the app never downloads weights."""

    name: ProviderName = "local"

    def __init__(self, path: Path, *, context_tokens: int, threads: int | None) -> None:
        if importlib.util.find_spec("llama_cpp") is None:
            raise RuntimeError(
                "The local model needs llama-cpp-python: pip install 'resumate[local-llm]'"
            )
        if not path.is_file():
            raise FileNotFoundError(f"RESUMATE_AI_MODEL_PATH: there is no model file at {path}")
        self._path = path
        self._context = context_tokens
        self._threads = threads
        # Tokens the model produced, cancelled calls included: what cancelling is meant to save.
        self.tokens_generated = 0

    @property
    def model(self) -> str:
        return self._path.stem

    @property
    def description(self) -> str:
        return "a model running on this server"

    @property
    def modes(self) -> frozenset[OutputMode]:
        return frozenset({"schema", "object", "text"})

    async def complete(self, prompt: Prompt) -> Reply:
        pieces = self.stream(prompt)
        try:
            async for piece in pieces:
                if isinstance(piece, Reply):
                    return piece
        finally:
            await _close(pieces)
        raise ProviderUnavailable("The local model stopped without an answer.")

    async def stream(self, prompt: Prompt) -> AsyncIterator[str | Reply]:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Any] = asyncio.Queue()
        cancelled = threading.Event()

        def emit(item: Any) -> None:
            try:
                loop.call_soon_threadsafe(queue.put_nowait, item)
            except RuntimeError:  # the loop is gone: nobody is listening any more
                cancelled.set()

        loop.run_in_executor(_the_worker(), self._generate, prompt, emit, cancelled)
        parts: list[str] = []
        finish: Finish = "other"
        input_tokens = 0
        try:
            while (item := await queue.get()) is not _END:
                if isinstance(item, BaseException):
                    raise ProviderUnavailable("The local model failed to answer.") from item
                if isinstance(item, int):
                    input_tokens = item
                    continue
                choice = item["choices"][0]
                delta = choice["delta"].get("content")
                if delta:
                    parts.append(delta)
                    yield delta
                if choice.get("finish_reason") is not None:
                    finish = _FINISH.get(choice["finish_reason"], "other")
        finally:
            cancelled.set()
        yield Reply(text="".join(parts), finish=finish, usage=Usage(input_tokens, len(parts)))

    def _generate(
        self, prompt: Prompt, emit: Callable[[Any], None], cancelled: threading.Event
    ) -> None:
        """Runs in the model's worker thread: one call at a time, stopping when cancelled."""
        try:
            if cancelled.is_set():
                return
            llama = self._llama()
            emit(
                sum(len(llama.tokenize(m.content.encode(), add_bos=False)) for m in prompt.messages)
            )
            chunks: Iterator[dict[str, Any]] = llama.create_chat_completion(
                messages=[{"role": m.role, "content": m.content} for m in prompt.messages],
                max_tokens=prompt.max_tokens,
                temperature=prompt.temperature,
                response_format=_response_format(prompt),
                stream=True,
            )
            try:
                for chunk in chunks:
                    self.tokens_generated += 1
                    if cancelled.is_set():
                        break
                    emit(chunk)
            finally:
                close = getattr(chunks, "close", None)
                if close is not None:
                    close()
        except Exception as error:  # reported to the caller, who raises ProviderUnavailable
            emit(error)
        finally:
            emit(_END)

    def _llama(self) -> Any:
        key = (str(self._path), self._context, self._threads)
        with _models_lock:
            if key not in _models:
                llama_cpp = importlib.import_module("llama_cpp")
                _models[key] = llama_cpp.Llama(
                    model_path=str(self._path),
                    n_ctx=self._context,
                    n_threads=self._threads,
                    verbose=False,
                )
            return _models[key]

    async def aclose(self) -> None:
        """The model stays loaded for the process: loading it again would cost seconds."""


async def _close(pieces: AsyncIterator[str | Reply]) -> None:
    close = getattr(pieces, "aclose", None)
    if close is not None:
        await close()


def _response_format(prompt: Prompt) -> dict[str, Any] | None:
    if prompt.mode == "schema":
        return {"type": "json_object", "schema": prompt.schema}
    if prompt.mode == "object":
        return {"type": "json_object"}
    return None
