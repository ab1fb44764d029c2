"""A resume file the reader misreads, and the app with a scripted assistant (see
`tests.ai.generation.conftest`)."""

from __future__ import annotations

from tests.ai.generation.conftest import model, use
from tests.ai.llm import gguf, local_model

__all__ = ["gguf", "local_model", "model", "use"]
