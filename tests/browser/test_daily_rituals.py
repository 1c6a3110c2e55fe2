"""Two partners in two browsers: both answer the day's question and see the reveal; one
sends a note and the other reads it."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from nearer.library.loader import load_library
from nearer.testing import PASSWORD, link, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(browser, site, email):
    context = browser.new_context()
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/today/")
    return context, page


def test_question_reveal_and_a_note(browser, site):
    load_library(settings.NEARER_CONTENT_DIR)
    link(make_user("ada@example.com", "Ada"), make_user("ben@example.com", "Ben"))
    ada_context, ada = log_in(browser, site, "ada@example.com")
    ben_context, ben = log_in(browser, site, "ben@example.com")

    ada.goto(site + "/question/")
    question = ada.get_by_role("heading", level=1).inner_text()
    ada.get_by_label("Your answer").fill("Ada answers first")
    ada.get_by_role("button", name="Save my answer").click()
    expect(ada.get_by_text("It stays private until you have both answered")).to_be_visible()

    ben.goto(site + "/question/")
    assert ben.get_by_role("heading", level=1).inner_text() == question
    expect(ben.get_by_text("Your partner has answered. Your turn")).to_be_visible()
    assert "Ada answers first" not in ben.content()
    ben.get_by_label("Your answer").fill("Ben answers second")
    ben.get_by_role("button", name="Save my answer").click()
    expect(ben.get_by_text("Ada answers first")).to_be_visible()

    ada.reload()
    expect(ada.get_by_text("Ben answers second")).to_be_visible()

    ada.goto(site + "/notes/")
    ada.get_by_label("Your note").fill("Thinking of you this afternoon")
    ada.get_by_role("button", name="Send").click()
    ben.goto(site + "/notes/")
    expect(ben.get_by_text("Thinking of you this afternoon")).to_be_visible()
    ada_context.close()
    ben_context.close()


@pytest.mark.parametrize(
    "path",
    ["/question/", "/notes/", "/appreciations/", "/talk/", "/check-in/", "/state-of-us/",
     "/library/", "/library/e-state-of-us-meeting/", "/plan/", "/start/", "/settings/",
     "/settings/data/", "/settings/security/", "/timeline/", "/couple/", "/safety/"],
)  # fmt: skip
def test_pages_have_no_serious_accessibility_problems(browser, site, path):
    from tests.browser.test_couple_journey import assert_accessible

    load_library(settings.NEARER_CONTENT_DIR)
    link(make_user("ada@example.com", "Ada"), make_user("ben@example.com", "Ben"))
    context, page = log_in(browser, site, "ada@example.com")
    page.goto(site + path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    context.close()
