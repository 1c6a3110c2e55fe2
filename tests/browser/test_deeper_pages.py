"""Every deeper-work page at phone size: one heading, no serious accessibility problems,
and nothing wider than the screen."""

import pytest
from django.conf import settings

from nearer.library.loader import load_library
from nearer.testing import link, make_user
from tests.browser.test_journal_sharing import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PATHS = [
    "/journal/", "/journal/new/?prompt=p-053", "/exercise/e-noticing-bids/?step=2",
    "/desires/", "/desires/together/", "/cycle/", "/cycle/episode/", "/cycle/map/",
    "/cycle/ours/", "/trust/", "/trust/statement/", "/trust/feelings/", "/recovery/",
    "/recovery/sessions/", "/recovery/medical-safety/", "/dreams/", "/goals/",
]  # fmt: skip


@pytest.mark.parametrize("path", PATHS)
def test_deeper_pages_are_accessible_at_phone_size(browser, site, path):
    from tests.browser.test_couple_journey import assert_accessible

    load_library(settings.NEARER_CONTENT_DIR)
    link(make_user("ada@example.com", "Ada"), make_user("ben@example.com", "Ben"))
    context, page = log_in(browser, site, "ada@example.com")
    response = page.goto(site + path)
    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert_accessible(page)
    context.close()
