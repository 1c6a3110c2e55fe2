"""The progress page in a real browser: the CSI-4 answered by clicking, charts drawn under
the strict CSP, readable on a phone, and no serious accessibility problems (axe-core)."""

import pytest
from django.conf import settings
from playwright.sync_api import expect

from nearer.checkins.services import check_in
from nearer.library.loader import load_library
from nearer.talks.services import log_talk
from nearer.testing import PASSWORD, link, make_user
from tests.browser.test_couple_journey import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def log_in(browser, site, email, **context_options):
    context = browser.new_context(**context_options)
    page = context.new_page()
    page.set_default_timeout(10_000)
    problems = []
    page.on(
        "console",
        lambda m: problems.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url("**/today/")
    return context, page, problems


def test_answering_the_csi_and_reading_the_progress_page(browser, site):
    load_library(settings.NEARER_CONTENT_DIR)
    ada, ben = make_user("ada@example.com", "Ada"), make_user("ben@example.com", "Ben")
    link(ada, ben)
    check_in(ada, 3, 4)
    log_talk(ada, 15, 4)
    context, page, problems = log_in(browser, site, "ada@example.com")
    page.goto(site + "/progress/csi/")
    assert_accessible(page)
    page.get_by_role("group", name="1. Please indicate").get_by_label("Very happy").check()
    page.get_by_role("group", name="2. I have a warm").get_by_label("Mostly true").check()
    page.get_by_role("group", name="3. How rewarding").get_by_label("Mostly").check()
    page.get_by_role("group", name="4. In general").get_by_label("Somewhat").check()
    page.get_by_role("button", name="Save, just for me").click()
    page.wait_for_url("**/progress/")
    expect(page.get_by_text("You can answer again from")).to_be_visible()
    # 4 + 3 + 3 + 2 = 12, drawn as one dot and listed in the table behind the chart.
    page.locator("#chart-csi-title + svg + details summary").click()
    expect(page.locator("#chart-csi-title ~ details td")).to_have_text("12")
    assert page.locator("svg.chart-svg").count() >= 3
    assert page.locator("h1").count() == 1
    assert_accessible(page)
    for path in ("/progress/?view=together", "/help/", "/help/summary/"):
        page.goto(site + path)
        assert page.locator("h1").count() == 1
        assert_accessible(page)
    assert problems == []
    context.close()


def test_charts_fit_a_phone(browser, site):
    ada = make_user("ada@example.com", "Ada")
    for _ in range(3):
        log_talk(ada, 15, 4)
    context, page, problems = log_in(
        browser, site, "ada@example.com", viewport={"width": 360, "height": 740}
    )
    page.goto(site + "/progress/")
    box = page.locator("#chart-talks-title + svg").bounding_box()
    assert box["width"] <= 360 and box["height"] > 80
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert problems == []
    context.close()
