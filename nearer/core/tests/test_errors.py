"""Error pages: Nearer's layout, the quick exit and a way back, for 400, 403 (CSRF too),
404 and 500 — even when the layout itself cannot be rendered."""

from unittest import mock

import pytest
from django.conf import settings
from django.test import Client, RequestFactory
from django.urls import reverse

from nearer.core import errors

pytestmark = pytest.mark.django_db


def assert_nearer_page(response, status):
    html = response.content.decode()
    assert response.status_code == status
    assert "data-quick-exit" in html and settings.NEARER_QUICK_EXIT_URL in html
    assert "Back to" in html
    assert f"Error {status}" in html


def test_not_found_is_ours_with_a_way_back(cast, client, client_for):
    assert_nearer_page(client.get("/no/such/page/"), 404)
    response = client_for(cast.a).get("/no/such/page/")
    assert_nearer_page(response, 404)
    assert reverse("today") in response.content.decode()


def test_someone_elses_object_answers_our_404(cast, client_for):
    from nearer.testing import make_moment

    moment = make_moment(cast.outsider)
    response = client_for(cast.a).get(reverse("timeline:detail", args=[moment.pk]))
    assert_nearer_page(response, 404)


def test_csrf_failure_is_ours(cast):
    client = Client(enforce_csrf_checks=True)
    client.force_login(cast.a)
    response = client.post(reverse("safety:check"), {"afraid": "no"})
    assert_nearer_page(response, 403)
    assert "reload the page" in response.content.decode()


def test_server_error_is_ours(cast):
    client = Client(raise_request_exception=False)
    client.force_login(cast.a)
    with mock.patch("nearer.core.views.today_for", side_effect=RuntimeError("boom")):
        response = client.get(reverse("today"))
    assert_nearer_page(response, 500)
    assert "not something you did" in response.content.decode()


def test_server_error_page_renders_even_when_the_layout_cannot():
    request = RequestFactory().get("/")
    with mock.patch("nearer.core.errors.render", side_effect=RuntimeError("database down")):
        response = errors.server_error(request)
    assert_nearer_page(response, 500)


@pytest.mark.parametrize(
    ("handler", "status"),
    [(errors.bad_request, 400), (errors.permission_denied, 403), (errors.not_found, 404)],
)
def test_every_handler_uses_the_layout(handler, status, client):
    from django.contrib.auth.models import AnonymousUser

    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    assert_nearer_page(handler(request, Exception()), status)


def test_handlers_are_wired():
    from nearer import urls

    assert urls.handler400 == "nearer.core.errors.bad_request"
    assert urls.handler403 == "nearer.core.errors.permission_denied"
    assert urls.handler404 == "nearer.core.errors.not_found"
    assert urls.handler500 == "nearer.core.errors.server_error"
    assert settings.CSRF_FAILURE_VIEW == "nearer.core.errors.csrf_failure"
