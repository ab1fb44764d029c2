"""How well each resume field answers each of the job's requirements, by BM25 (`bm25s`).

A raw BM25 score has no scale, so each is divided by what a field of average length holding
each of the requirement's words once scores (bm25s scores as Lucene does: a word found once
adds IDF / (1 + k1) there). The result reads as "how much of the requirement's weight this
field carries", 0 to 1.
"""

from __future__ import annotations

import math

import bm25s  # type: ignore[import-untyped]
import numpy as np
import numpy.typing as npt

K1 = 1.5
# Less length normalisation than the usual 0.75: a bullet is short however much it says.
B = 0.5

Matrix = npt.NDArray[np.float64]


def relevance(queries: list[tuple[str, ...]], documents: list[tuple[str, ...]]) -> Matrix:
    """A queries-by-documents matrix, each 0..1; the documents are stem lists, the queries too."""
    shape = (len(queries), len(documents))
    if not queries or not documents or not any(documents):
        return np.zeros(shape)
    index = bm25s.BM25(k1=K1, b=B, method="lucene")
    index.index([list(document) for document in documents], show_progress=False)
    frequency: dict[str, int] = {}
    for document in documents:
        for stem in set(document):
            frequency[stem] = frequency.get(stem, 0) + 1
    count = len(documents)
    result = np.zeros(shape)
    for row, query in enumerate(queries):
        words = sorted(set(query))
        ceiling = sum(_idf(frequency.get(word, 0), count) for word in words) / (1 + K1)
        known = [word for word in words if word in frequency]
        if ceiling <= 0 or not known:
            continue
        scores = index.get_scores(known)
        result[row] = np.minimum(1.0, np.asarray(scores, dtype=np.float64) / ceiling)
    return result


def _idf(frequency: int, count: int) -> float:
    # Lucene's IDF, the one bm25s scores with: a word no field holds weighs the most.
    return math.log(1 + (count - frequency + 0.5) / (frequency + 0.5))
