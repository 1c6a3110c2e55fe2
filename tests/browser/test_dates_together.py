"""At phone size: Ada proposes a date from a library idea, Ben accepts, and both see it on
the shared calendar with both clocks (Ada in Paris, Ben in New York)."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from playwright.sync_api import expect

from nearer.library.loader import load_library
from nearer.library.models import Item
from nearer.testing import PASSWORD, link, make_user
from tests.browser.test_couple_journey import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def log_in(browser, site, email):
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/today/")
    return context, page


def test_propose_a_library_date_accept_it_and_see_it_on_both_calendars(browser, site):
    load_library(settings.NEARER_CONTENT_DIR)
    link(
        make_user("ada@example.com", "Ada", "Europe/Paris"),
        make_user("ben@example.com", "Ben", "America/New_York"),
    )
    idea = Item.objects.current().filter(kind="date").order_by("key").first()
    paris = ZoneInfo("Europe/Paris")
    when = datetime.now(paris).replace(hour=19, minute=0, second=0, microsecond=0)
    when += timedelta(days=10)
    ny = when.astimezone(ZoneInfo("America/New_York"))
    ada_context, ada = log_in(browser, site, "ada@example.com")
    ben_context, ben = log_in(browser, site, "ben@example.com")

    ada.goto(f"{site}/library/{idea.key}/")
    ada.get_by_role("link", name="Propose this date").click()
    expect(ada.get_by_role("heading", name=idea.title)).to_be_visible()
    assert_accessible(ada)
    ada.get_by_label("A time that works for you").fill(when.strftime("%Y-%m-%dT%H:%M"))
    ada.get_by_role("button", name="Propose").click()
    expect(ada.get_by_text("Proposed.")).to_be_visible()

    ben.goto(site + "/dates/")
    expect(ben.get_by_role("heading", name="Waiting for your answer")).to_be_visible()
    ben.get_by_role("link", name=idea.title).first.click()
    expect(ben.get_by_text(f"{ny:%H:%M} for you, 19:00 for Ada")).to_be_visible()
    assert_accessible(ben)
    ben.get_by_role("button", name="This works for me").click()
    expect(ben.get_by_text("It is on your shared calendar.")).to_be_visible()

    for page, clocks in ((ada, f"19:00 for you, {ny:%H:%M} for Ben"),
                         (ben, f"{ny:%H:%M} for you, 19:00 for Ada")):  # fmt: skip
        page.goto(site + "/calendar/?view=agenda")
        expect(page.get_by_role("link", name=idea.title)).to_be_visible()
        expect(page.get_by_text(clocks)).to_be_visible()
        page.goto(f"{site}/calendar/?month={when:%Y-%m}")
        expect(page.get_by_role("link", name=idea.title)).to_be_visible()  # busy days listed
        assert page.evaluate("document.documentElement.scrollWidth") <= 390  # no sideways scroll
        assert_accessible(page)
    ada_context.close()
    ben_context.close()


@pytest.mark.parametrize(
    "path", ["/dates/", "/dates/ideas/", "/together/", "/calendar/", "/calendar/feed/",
             "/distance/", "/reminders/"],
)  # fmt: skip
def test_time_together_pages_have_no_serious_accessibility_problems(browser, site, path):
    link(make_user("ada@example.com", "Ada"), make_user("ben@example.com", "Ben"))
    context, page = log_in(browser, site, "ada@example.com")
    page.goto(site + path)
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    context.close()


def test_change_recurring_time_and_bring_back_a_skipped_one_at_phone_size(browser, site):
    from nearer.dates import services

    ada_user = make_user("ada@example.com", "Ada", "Europe/Paris")
    link(ada_user, make_user("ben@example.com", "Ben", "America/New_York"))
    first = datetime.now(ZoneInfo("Europe/Paris")).date() + timedelta(days=3)
    services.add_series(
        ada_user, kind="together", title="Friday is ours", rule="FREQ=WEEKLY",
        starts_local=datetime.combine(first, datetime.min.time()).replace(hour=19),
    )  # fmt: skip
    ada_context, ada = log_in(browser, site, "ada@example.com")
    ada.goto(site + "/together/")
    ada.get_by_role("button", name="Skip this one").first.click()
    expect(ada.get_by_text("Skipped, just that once.")).to_be_visible()
    ada.get_by_role("button", name="Bring it back").click()
    expect(ada.get_by_text("It is back on.")).to_be_visible()
    expect(ada.get_by_role("button", name="Bring it back")).to_have_count(0)
    ada.get_by_role("link", name="Change", exact=True).click()
    expect(ada.get_by_role("heading", name="Change recurring time")).to_be_visible()
    assert ada.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(ada)
    ada.get_by_label("A name (optional)").fill("Friday, a little later")
    ada.get_by_label("First time (your time zone)").fill(f"{first:%Y-%m-%d}T20:00")
    ada.get_by_role("button", name="Save").click()
    expect(ada.get_by_text("Saved.")).to_be_visible()
    expect(ada.get_by_role("heading", name="Friday, a little later")).to_be_visible()
    ada_context.close()

    ben_context, ben = log_in(browser, site, "ben@example.com")
    ben.goto(site + "/together/")
    expect(ben.get_by_role("heading", name="Friday, a little later")).to_be_visible()
    expect(ben.get_by_role("link", name="Change", exact=True)).to_have_count(0)
    ben_context.close()
