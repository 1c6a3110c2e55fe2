"""The danger path on a phone-sized screen: a private check that signals danger turns Today
into support first, with no nudges towards the partner; a later calm check restores it.
Saves docs/screenshots/danger-today.png."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

from nearer.library.loader import load_library
from nearer.plans.services import save_intake
from nearer.testing import PASSWORD, link, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
SCREENSHOT = Path(settings.BASE_DIR) / "docs" / "screenshots" / "danger-today.png"


def answer_check(page, site, afraid):
    page.goto(site + "/safety/check/")
    group = page.get_by_role("group", name="Do you ever feel afraid of your partner?")
    group.get_by_label(afraid, exact=True).check()
    for question in (
        "Does your partner try to control",
        "Has your partner hurt you",
        "Are there times you do not feel safe at home?",
    ):
        page.get_by_role("group", name=question).get_by_label("No", exact=True).check()
    page.get_by_role("button", name="Save, just for me").click()


def test_danger_path_on_a_phone(browser, site):
    load_library(settings.NEARER_CONTENT_DIR)
    ada = make_user("ada@example.com", "Ada", "Europe/London")
    link(ada, make_user("ben@example.com", "Ben"))
    save_intake(ada, {"situations": ["many_years"], "minutes_per_day": 10}, {})

    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/today/")
    expect(page.get_by_role("heading", name="Question of the day")).to_be_visible()
    expect(page.get_by_role("heading", name="You and Ben")).to_be_visible()

    answer_check(page, site, "Sometimes")
    page.wait_for_url("**/safety/")
    page.goto(site + "/today/")
    support = page.get_by_role("heading", name="Support for you first")
    expect(support).to_be_visible()
    expect(support).to_be_in_viewport()  # the first thing on a phone, above everything else
    expect(page.get_by_text("National Domestic Abuse Helpline")).to_be_visible()  # UK first
    expect(page.get_by_role("link", name="Quick exit")).to_be_visible()
    expect(page.get_by_role("link", name="Answer again")).to_be_visible()
    html = page.content()
    for gone in ("Question of the day", "You and Ben", "Write a note", "Invite your partner"):
        assert gone not in html, gone
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
    SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOT), full_page=True)

    answer_check(page, site, "No")
    page.wait_for_url("**/today/")
    expect(page.get_by_role("heading", name="Question of the day")).to_be_visible()
    assert "Support for you first" not in page.content()
    context.close()
