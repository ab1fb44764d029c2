"""The live preview shows every script in the bundled faces, and fetches only the ones it needs."""

from __future__ import annotations

import re
from typing import Any

from playwright.sync_api import Page, Request, expect

from tests.web.e2e.editing import new_resume, open_editor, preview
from tests.web.e2e.helpers import look, signed_up

# The faces for scripts other than Latin, Cyrillic and Greek: megabytes each.
SCRIPT_FONT = re.compile(
    r"/assets/fonts/(noto-sans-(sc|tc|jp|kr|hebrew)|ibm-plex-sans-arabic|noto-emoji)/"
)
JAPANESE: dict[str, Any] = {
    "basics": {"name": "山田 花子", "label": "ソフトウェアエンジニア", "summary": "直角の骨"},
}
ARABIC: dict[str, Any] = {
    "basics": {
        "name": "ليلى حسن",
        "label": "مهندسة برمجيات",
        "phone": "+971 50 123 4567",
        "summary": "مهندسة برمجيات لديها خبرة عشر سنوات في بناء الأنظمة الموزعة.",
    },
}


def fonts_settled(page: Page) -> None:
    """Until every face the preview asked for has arrived (or failed)."""
    page.frame_locator("[data-preview]").locator("body").wait_for()
    page.wait_for_function(
        """() => {
            const doc = document.querySelector("[data-preview]").contentDocument;
            return doc && doc.fonts.size > 0
                && [...doc.fonts].every((face) => face.status !== "loading")
                && [...doc.fonts].some((face) => face.status === "loaded");
        }"""
    )


def fetched_faces(page: Page) -> list[str]:
    """The font files the preview's frame has loaded."""
    loaded: list[str] = page.evaluate(
        """() => [...document.querySelector("[data-preview]").contentDocument.fonts]
            .filter((face) => face.status === "loaded")
            .map((face) => `${face.family.replace(/"/g, "")} ${face.weight}`)"""
    )
    return sorted(loaded)


def test_a_latin_preview_never_downloads_the_other_scripts_fonts(page: Page) -> None:
    signed_up(page)
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    open_editor(page, new_resume(page, {"basics": {"name": "Ada Lovelace", "label": "Engineer"}}))
    fonts_settled(page)
    assert [url for url in requested if SCRIPT_FONT.search(url)] == []
    assert [face for face in fetched_faces(page) if "Noto" in face or "Arabic" in face] == []


def test_a_japanese_preview_uses_japanese_glyph_forms(page: Page) -> None:
    signed_up(page)
    fonts: list[Request] = []
    page.on(
        "request",
        lambda request: fonts.append(request) if SCRIPT_FONT.search(request.url) else None,
    )
    open_editor(page, new_resume(page, JAPANESE))
    expect(preview(page).locator(".name")).to_have_text("山田 花子")
    fonts_settled(page)
    assert "Noto Sans JP 400" in fetched_faces(page)
    assert not any("Noto Sans SC" in face for face in fetched_faces(page))
    for request in fonts:
        response = request.response()
        assert response is not None
        assert response.ok
        assert response.headers["content-type"] == "font/ttf"
    look(page, "preview-japanese")


def test_an_arabic_preview_reads_right_to_left(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    open_editor(page, new_resume(page, ARABIC))
    show_preview = page.locator('[data-show-view="preview"]')
    if show_preview.is_visible():  # a phone shows the form or the preview
        show_preview.click()
    frame = preview(page)
    expect(frame.locator("html")).to_have_attribute("dir", "rtl")
    fonts_settled(page)
    assert any(face.startswith("IBM Plex Sans Arabic") for face in fetched_faces(page))
    # The summary's one line sits against the paragraph's right edge, far from its left one.
    gaps: list[float] = page.evaluate(
        """() => {
            const doc = document.querySelector("[data-preview]").contentDocument;
            const summary = doc.querySelector(".summary");
            const range = doc.createRange();
            range.selectNodeContents(summary);
            const text = range.getBoundingClientRect(), box = summary.getBoundingClientRect();
            return [box.right - text.right, text.left - box.left];
        }"""
    )
    assert gaps[0] < 2 < 50 < gaps[1], gaps
    look(page, "preview-arabic")
