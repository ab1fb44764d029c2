"""The template gallery: browsing it signed out, starting a resume from it, switching to another."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from resumate.templates.builtin import load_builtins
from tests.helpers import PASSWORD, unique_email
from tests.web.e2e.helpers import Person, confirm_mailed_link, fill_sign_up, look, signed_up

BUILTINS = load_builtins()
SAMPLE_NAME = "Maya Okafor"  # the person in every template's sample
EDITOR_URL = re.compile(r"/resumes/[0-9a-f-]{36}/edit$")


def template_card(page: Page, name: str) -> Locator:
    heading = page.get_by_role("heading", name=name)
    return page.locator(".template-card").filter(has=heading)


def expect_image_loaded(image: Locator) -> None:
    """The picture arrived and decoded: a broken or missing one has no natural width."""
    image.scroll_into_view_if_needed()  # the lower cards load lazily
    handle = image.element_handle()
    image.page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=handle)


def wait_for_fonts(page: Page, frame_url: re.Pattern[str]) -> None:
    """Until the frame's bundled faces have arrived: before that its text is invisible."""
    frame = page.frame(url=frame_url)
    assert frame is not None
    frame.wait_for_function(
        """() => document.fonts.size > 0
            && [...document.fonts].every((face) => face.status !== "loading")
            && [...document.fonts].some((face) => face.status === "loaded")"""
    )


def expect_template_in_design_tab(page: Page, name: str) -> None:
    page.get_by_role("tab", name="Design").click()
    chosen = page.get_by_label("Template", exact=True).locator("option:checked")
    expect(chosen).to_have_text(name)


def test_the_gallery_shows_every_template_to_anyone(any_page: Page) -> None:
    page = any_page
    page.goto("/templates")
    expect(page.locator(".template-card")).to_have_count(len(BUILTINS))
    for builtin in BUILTINS:
        card = template_card(page, builtin.name)
        expect(card).to_contain_text(builtin.description)
        expect(card.get_by_role("link", name="Use this template")).to_be_visible()
        expect_image_loaded(card.locator(".card-thumb img"))
    page.evaluate("window.scrollTo(0, 0)")
    look(page, "gallery")


def test_a_template_page_shows_its_sample_in_a_frame(any_page: Page) -> None:
    page = any_page
    page.goto("/templates")
    page.get_by_role("link", name="Sidebar", exact=True).click()
    expect(page).to_have_url(re.compile(r"/templates/sidebar$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Sidebar")
    sample = page.frame_locator("iframe[title='The Sidebar template with example content']")
    expect(sample.get_by_text(SAMPLE_NAME).first).to_be_visible()
    wait_for_fonts(page, re.compile(r"/templates/sidebar/sample$"))
    look(page, "gallery-template")


def test_a_visitor_who_picks_a_template_signs_up_then_starts_with_it(page: Page) -> None:
    page.goto("/templates/executive")
    page.get_by_role("link", name="Use this template").click()
    expect(page).to_have_url(re.compile(r"/signup\?next=(/|%2F)templates(/|%2F)executive$"))
    person = Person(unique_email("e2e"), PASSWORD)
    fill_sign_up(page, person)
    confirm_mailed_link(page, person.email)

    expect(page).to_have_url(re.compile(r"/templates/executive$"))
    page.get_by_role("button", name="Use this template").click()
    expect(page).to_have_url(EDITOR_URL)
    expect_template_in_design_tab(page, "Executive")


def test_switching_template_from_the_editor_changes_the_preview(any_page: Page) -> None:
    page = any_page
    signed_up(page)
    page.goto("/templates")
    template_card(page, "Classic").get_by_role("button", name="Use this template").click()
    expect(page).to_have_url(EDITOR_URL)
    expect_template_in_design_tab(page, "Classic")

    page.get_by_role("link", name="Browse").click()
    expect(page).to_have_url(re.compile(r"/templates\?for=[0-9a-f-]{36}$"))
    expect(page.get_by_role("status").filter(has_text="Choosing a template for")).to_be_visible()
    current = template_card(page, "Classic")
    expect(current.get_by_text("Current", exact=True)).to_be_visible()
    expect(current.get_by_text("The current template")).to_be_visible()
    expect(current.get_by_role("button", name="Switch to this template")).to_have_count(0)
    look(page, "gallery-choosing")

    template_card(page, "Sidebar").get_by_role("button", name="Switch to this template").click()
    expect(page).to_have_url(EDITOR_URL)
    # The template's own stylesheet opens the preview's one <style>; its comment names it.
    style = page.frame_locator("#preview").locator("style").first
    assert style.evaluate("style => style.textContent").startswith("/* Sidebar")
    expect_template_in_design_tab(page, "Sidebar")
