"""At phone size: A's private journal entry is invisible to B until A shares it, and gone
again when A unshares it."""

import pytest
from playwright.sync_api import expect

from nearer.journal.models import Entry
from nearer.testing import PASSWORD, link, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def log_in(browser, site, email):
    context = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/today/")
    return context, page


def test_private_entry_is_shared_then_unshared(browser, site):
    link(make_user("ada@example.com", "Ada"), make_user("ben@example.com", "Ben"))
    ada_context, ada = log_in(browser, site, "ada@example.com")
    ben_context, ben = log_in(browser, site, "ben@example.com")
    words = "The quiet hour after dinner is when I feel closest to you"

    ada.goto(site + "/journal/new/")
    ada.get_by_label("Write freely").fill(words)
    ada.get_by_role("button", name="Save").click()
    expect(ada.get_by_text("Only you can read this entry.")).to_be_visible()
    entry_url = ada.url
    assert Entry.objects.get().visibility == "private"

    ben.goto(site + "/journal/")
    expect(ben.get_by_role("heading", name="Your journal")).to_be_visible()
    assert words not in ben.content()
    assert ben.goto(entry_url).status == 404

    ada.get_by_role("button", name="Share with my partner").click()
    expect(ada.get_by_text("Your partner can read this entry.")).to_be_visible()
    ben.goto(site + "/journal/")
    expect(ben.get_by_role("heading", name="Shared with you")).to_be_visible()
    expect(ben.get_by_text(words)).to_be_visible()
    assert ben.goto(entry_url).status == 200
    expect(ben.get_by_text(words)).to_be_visible()
    # Nothing on the page lets the partner change it.
    expect(ben.get_by_role("button", name="Make private again")).to_have_count(0)

    ada.get_by_role("button", name="Make private again").click()
    expect(ada.get_by_text("Only you can read this entry.")).to_be_visible()
    assert ben.goto(entry_url).status == 404
    ben.goto(site + "/journal/")
    assert words not in ben.content()
    ada_context.close()
    ben_context.close()
