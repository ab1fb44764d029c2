"""Which language a resume prints in: the design's choice, its meta, its script, English."""

from __future__ import annotations

from typing import Any

import pytest

from resumate.document.language import (
    LANGUAGES,
    direction,
    native_names,
    normalize,
    resume_language,
)


@pytest.mark.parametrize(
    ("tag", "language"),
    [
        ("de", "de"),
        ("de-AT", "de"),
        ("DE_de", "de"),
        ("pt-BR", "pt"),
        ("zh", "zh-Hans"),
        ("zh-CN", "zh-Hans"),
        ("zh-TW", "zh-Hant"),
        ("zh-Hant-HK", "zh-Hant"),
        ("iw", "he"),
        ("ja-JP", "ja"),
        ("klingon", None),
        ("", None),
        (None, None),
        (7, None),
    ],
)
def test_tags_people_write_map_to_a_supported_language(tag: object, language: str | None) -> None:
    assert normalize(tag) == language


def resume(text: str, **meta: str) -> dict[str, Any]:
    return {
        "basics": {"name": text, "email": "a@example.com", "summary": text},
        "work": [{"position": text, "url": "https://example.com"}],
        "meta": meta,
    }


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Software engineer in Berlin", "en"),
        ("山田太郎、ソフトウェアエンジニア。東京で働いています。", "ja"),
        ("김민준 소프트웨어 엔지니어", "ko"),
        ("王小明，软件工程师，在上海工作。", "zh-Hans"),
        ("王小明在上海的ソニー工作多年，负责软件开发和测试，带领团队完成了许多项目。", "zh-Hans"),
        ("محمد أحمد مهندس برمجيات", "ar"),
        ("דוד כהן מהנדס תוכנה", "he"),
        ("Иван Петров, инженер-программист", "ru"),
        ("Іван Петренко, інженер-програміст у Києві", "uk"),
        ("Jane Doe — 王小明 worked with the Tokyo team", "en"),
    ],
)
def test_a_resume_without_a_stated_language_is_read_by_its_script(text: str, language: str) -> None:
    assert resume_language(resume(text)) == language


def test_the_design_choice_wins_over_meta_and_meta_over_the_script() -> None:
    data = resume("Иван Петров, инженер", language="de-CH")
    assert resume_language(data) == "de"
    assert resume_language(data, "fr") == "fr"
    assert resume_language(resume("Иван Петров", language="xx")) == "ru"


def test_right_to_left_comes_from_cldr() -> None:
    assert {language for language in LANGUAGES if direction(language) == "rtl"} == {"ar", "he"}


def test_every_language_has_its_own_name() -> None:
    names = native_names()
    assert set(names) == set(LANGUAGES)
    assert names["de"] == "Deutsch"
    assert names["ja"] == "日本語"
    assert all(name.strip() for name in names.values())
