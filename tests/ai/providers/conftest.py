"""The small model, in-process and behind llama.cpp's server (see tests/ai/llm.py)."""

from tests.ai.llm import gguf, llama_server, local_model

__all__ = ["gguf", "llama_server", "local_model"]
