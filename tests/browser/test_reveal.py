"""The reveal in a real browser: one tap on a reaction and a reply swap in place with htmx
(no page load), and the same works with JavaScript turned off."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from nearer.library.loader import load_library
from nearer.questions import services
from nearer.testing import PASSWORD, link, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(browser, site, email, javascript=True):
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/today/")
    return context, page


@pytest.fixture
def revealed():
    load_library(settings.NEARER_CONTENT_DIR)
    ada, ben = make_user("ada@example.com", "Ada"), make_user("ben@example.com", "Ben")
    link(ada, ben)
    question = services.question_for(ada)
    services.answer(ada, question, "The walk by the river")
    services.answer(ben, question, "Our first dinner")


@pytest.mark.parametrize("javascript", [True, False], ids=["htmx", "no-js"])
def test_one_tap_reaction_and_a_reply(browser, site, revealed, javascript):
    from tests.browser.test_couple_journey import assert_accessible

    context, ben = log_in(browser, site, "ben@example.com", javascript)
    ben.goto(site + "/question/")
    expect(ben.get_by_text("You both took a moment for this one")).to_be_visible()
    if javascript:
        ben.evaluate("window.__samePage = true")
    ben.get_by_role("button", name="Love this").click()
    expect(ben.get_by_role("button", name="Love this")).to_have_attribute("aria-pressed", "true")
    ben.get_by_label("Reply to Ada").fill("I remember the herons")
    ben.get_by_label("Reply to Ada").press("Enter")
    expect(ben.get_by_text("I remember the herons")).to_be_visible()
    if javascript:  # htmx swapped the responses in place: still the same page
        assert ben.evaluate("window.__samePage") is True
        assert_accessible(ben)  # axe runs as JavaScript in the page
    context.close()

    context, ada = log_in(browser, site, "ada@example.com", javascript)
    ada.goto(site + "/question/")
    expect(ada.get_by_text("Ben: Love this")).to_be_visible()
    expect(ada.get_by_text("I remember the herons")).to_be_visible()
    ada.get_by_label("Add to the thread", exact=False).first.fill("And the rain after")
    ada.get_by_label("Add to the thread", exact=False).first.press("Enter")
    expect(ada.get_by_text("And the rain after")).to_be_visible()
    context.close()
