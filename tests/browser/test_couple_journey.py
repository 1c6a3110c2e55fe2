"""Two people in two browsers: sign up, invite, join, see each other, leave."""

import re

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from nearer.testing import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_up(page, name, email):
    page.get_by_label("Your name").fill(name)
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label("The same password again").fill(PASSWORD)
    page.get_by_role("button", name="Make my account").click()
    # Addresses are confirmed first; in development the email waits in the outbox.
    page.get_by_role("link", name="Read it in the development outbox").click()
    assert_accessible(page)
    page.get_by_role("link", name=re.compile("confirm-email")).first.click()
    page.get_by_role("button", name="Confirm").click()


def assert_accessible(page):
    results = Axe().run(page)
    serious = [v for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()


def test_two_partners_link_and_one_leaves(browser, site):
    ada_context, ben_context = browser.new_context(), browser.new_context()
    ada, ben = ada_context.new_page(), ben_context.new_page()
    ada.set_default_timeout(10_000)
    ben.set_default_timeout(10_000)

    ada.goto(site + "/accounts/signup/")
    sign_up(ada, "Ada", "ada@example.com")
    ada.wait_for_url("**/start/")
    assert_accessible(ada)
    ada.get_by_label("Long distance", exact=True).check()
    ada.get_by_role("button", name="Make my plan").click()
    ada.wait_for_url("**/safety/check/")
    assert_accessible(ada)
    ada.get_by_role("button", name="Save, just for me").click()
    ada.wait_for_url("**/today/")
    assert_accessible(ada)
    step = ada.locator("article.step").first
    step.get_by_role("button", name="Done").click()  # htmx swaps just this step
    expect(ada.get_by_text("Done. That counts.")).to_be_visible()
    assert "Hello, Ada" in ada.content(), "the rest of the page stayed"
    ada.get_by_role("link", name="Invite your partner").click()
    ada.get_by_role("button", name="Create an invitation link").click()
    link = ada.get_by_label("Invitation link").input_value()
    assert link.startswith(site + "/join/")
    assert_accessible(ada)

    ben.goto(link)
    assert ben.get_by_role("heading", level=1).inner_text() == "Ada invited you to Nearer"
    ben.get_by_role("link", name="Create your account").click()
    sign_up(ben, "Ben", "ben@example.com")
    ben.wait_for_url("**/join/**")
    ben.get_by_role("button", name="Join Ada").click()
    ben.wait_for_url("**/today/")
    assert "You and Ada" in ben.content()

    ada.goto(site + "/today/")
    assert "You and Ben" in ada.content()

    ada.goto(site + "/couple/")
    ada.get_by_label("I understand the shared space ends for both of us right away.").check()
    ada.get_by_role("button", name="Leave now").click()
    ada.wait_for_url("**/today/")

    ben.reload()
    assert "Just you, for now" in ben.content()
    assert "Ada" not in ben.locator("main").inner_text()
    ada_context.close()
    ben_context.close()


def test_double_escape_leaves_for_the_neutral_site(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site + "/")
    assert_accessible(page)
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    page.wait_for_url("**/healthz")
    context.close()


def test_quick_exit_button_leaves(browser, site):
    context = browser.new_context()
    page = context.new_page()
    page.goto(site + "/safety/")
    page.get_by_role("link", name="Quick exit").click()
    page.wait_for_url("**/healthz")
    context.close()


def test_time_zone_is_guessed_from_the_browser(browser, site):
    context = browser.new_context(timezone_id="Asia/Tokyo")
    page = context.new_page()
    page.goto(site + "/accounts/signup/")
    assert page.get_by_label("Your time zone").input_value() == "Asia/Tokyo"
    context.close()
