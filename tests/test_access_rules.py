"""The access rules, checked for every route the URL configuration knows.

Anonymous: pages send to the login page, the API answers 401. Someone else's object: 404,
never 403. A method the route does not answer: 405.
"""

import json
from urllib.parse import urlencode

import pytest
from django.urls import reverse

from tests.routes import ROUTES, admin_routes, allauth_routes, ours, path_methods

BODIES = {
    "api:update_me": {"display_name": "Ada L."},
    "api:invite_accept": {"token": "not-a-token"},
    "api:moment_create": {"title": "Picnic", "happened_on": "2024-06-01"},
    "api:mark_step": {"status": "done"},
    "api:question_answer": {"text": "An answer"},
    "api:question_react": {"kind": "heart"},
    "api:question_reply": {"text": "Me too"},
    "api:note_create": {"text": "hello"},
    "api:appreciation_create": {"text": "thanks"},
    "api:checkin_create": {"mood": 3, "connection": 4},
    "api:meeting_create": {"appreciations": "the walk"},
    "api:prep_save": {"topic": "weekends"},
    "api:talk_create": {"minutes": 15, "feeling": 4},
    "api:date_suggest": {"starts_at": "2030-01-04T18:00:00Z"},
    "api:date_cancel": {"reason": "came_up"},
    "api:date_reflect": {"text": "Lovely", "visibility": "shared"},
    "api:date_tried_new": {"tried": True},
    "api:date_idea_mark": {"favourite": True},
    "api:feed_titles": {"titles": "neutral"},
    "api:series_create": {"rule": "FREQ=WEEKLY", "starts": "2030-01-04T19:00:00+01:00"},
    "api:series_skip": {"starts_at": "2026-01-09T19:00:00+01:00"},
    "api:series_unskip": {"starts_at": "2026-01-09T19:00:00"},
    "api:series_update": {"title": "Saturday is ours"},
    "api:visit_create": {"starts_on": "2030-05-01", "ends_on": "2030-05-03"},
    "api:visit_update": {"place": "Porto"},
    "api:free_times_set": {"times": [{"weekday": 2, "start": "18:00", "end": "21:00"}]},
    "api:deletion_request": {"email": "wrong@example.com", "understood": True},
    "api:journal_create": {"text": "A page"},
    "api:desire_answer": {"answer": "maybe"},
    "api:cycle_episode_create": {"happened": "We argued"},
    "api:trust_commitment_create": {"text": "I will call"},
    "api:trust_kept": {"note": ""},
    "api:recovery_counter_create": {"label": "days", "since": "2026-01-01"},
    "api:recovery_start_again": {"since": "2026-01-02"},
    "api:recovery_session_create": {"kind": "group", "day": "2026-01-01"},
    "api:dream_create": {"text": "A garden"},
    "api:goal_create": {"kind": "growth", "title": "Rest"},
}
FORMS = {
    "questions:react": {"kind": "heart"},
    "questions:reply": {"text": "Me too"},
    "dates:series_unskip": {"when": "2026-01-09T19:00:00"},
}


def url_for(name, cast):
    route = ROUTES[name]
    kwargs = {}
    if route.obj:
        kwargs.update(route.obj(cast))
    if route.args:
        kwargs.update(route.args(cast))
    return reverse(name, kwargs=kwargs)


def call(client, method, name, url):
    body = BODIES.get(name)
    if name in FORMS:
        return client.generic(
            method, url, urlencode(FORMS[name]), content_type="application/x-www-form-urlencoded"
        )
    if body is not None:
        return client.generic(method, url, json.dumps(body), content_type="application/json")
    return client.generic(method, url)


def test_every_route_has_access_rules():
    discovered = {d.name for d in ours()}
    assert discovered - set(ROUTES) == set(), "routes without access rules in tests/routes.py"
    assert set(ROUTES) - discovered == set(), "tests/routes.py names routes that no longer exist"


@pytest.mark.parametrize("name", [n for n, r in ROUTES.items() if not r.public])
def test_anonymous_is_turned_away(name, cast, client):
    url = url_for(name, cast)
    for method in ROUTES[name].methods:
        response = call(client, method, name, url)
        if ROUTES[name].api:
            assert response.status_code == 401, (method, url)
        else:
            assert response.status_code == 302, (method, url)
            assert response["Location"].startswith(reverse("account_login")), (method, url)


@pytest.mark.parametrize("name", [n for n, r in ROUTES.items() if r.public and r.methods])
def test_public_route_answers_anonymous(name, cast, client):
    response = client.get(url_for(name, cast))
    assert response.status_code == 200


def test_bare_api_prefix_answers_404(client):
    assert client.get(reverse("api:api-root")).status_code == 404


@pytest.mark.parametrize("name", [n for n, r in ROUTES.items() if r.methods])
def test_wrong_method_answers_405(name, cast, client_for):
    pattern = next(d.pattern for d in ours() if d.name == name)
    answered = path_methods()[pattern]
    wrong = next(m for m in ("PUT", "PATCH", "DELETE", "POST", "GET") if m not in answered)
    response = call(client_for(cast.a), wrong, name, url_for(name, cast))
    assert response.status_code == 405


OBJECT_ROUTES = [n for n, r in ROUTES.items() if r.obj]


@pytest.mark.parametrize("name", OBJECT_ROUTES)
def test_outsider_gets_404_for_anothers_object(name, cast, client_for):
    url = url_for(name, cast)
    for method in ROUTES[name].methods:
        assert call(client_for(cast.outsider), method, name, url).status_code == 404, method


@pytest.mark.parametrize("name", OBJECT_ROUTES)
def test_solo_user_gets_404_for_anothers_object(name, cast, client_for):
    url = url_for(name, cast)
    for method in ROUTES[name].methods:
        assert call(client_for(cast.solo), method, name, url).status_code == 404, method


@pytest.mark.parametrize("name", OBJECT_ROUTES)
def test_partner_sees_only_what_is_shared_and_changes_nothing(name, cast, client_for):
    route = ROUTES[name]
    url = url_for(name, cast)
    for method in route.methods:
        status = call(client_for(cast.b), method, name, url).status_code
        if route.partner_acts or route.both_act:
            assert status in (200, 201, 204, 302), method
        else:
            assert status == (200 if (route.partner_sees and method == "GET") else 404), method


@pytest.mark.parametrize("name", [n for n in OBJECT_ROUTES if ROUTES[n].partner_sees])
def test_after_leaving_the_partner_gets_404(name, cast, client_for):
    from nearer.couples.services import leave_couple

    url = url_for(name, cast)
    leave_couple(cast.a)
    for method in ROUTES[name].methods:
        assert call(client_for(cast.b), method, name, url).status_code == 404, method


@pytest.mark.parametrize("name", OBJECT_ROUTES)
def test_author_can_use_their_object(name, cast, client_for):
    url = url_for(name, cast)
    for method in ROUTES[name].methods:
        response = call(client_for(cast.a), method, name, url)
        if ROUTES[name].partner_acts:
            assert response.status_code == 404, method  # not for the author
        else:
            assert response.status_code in (200, 201, 204, 302), (method, response.status_code)


@pytest.mark.parametrize(
    "name", [n for n, r in ROUTES.items() if not r.obj and not r.args and "GET" in r.methods]
)
def test_signed_in_get_never_fails(name, cast, client_for):
    from tests.routes import _library_key

    _library_key()  # the question of the day needs at least one question
    for person in (cast.a, cast.solo):
        assert client_for(person).get(url_for(name, cast)).status_code in (200, 302)


@pytest.mark.parametrize("route", allauth_routes(), ids=lambda d: d.name)
def test_allauth_pages_never_fail(route, cast, client, client_for):
    # Links from emails carry keys: a made-up key must get a clear page, not an error.
    url = reverse(route.name, kwargs=dict.fromkeys(route.params, "abc1"))
    assert client.get(url).status_code in (200, 302, 404)
    assert client_for(cast.a).get(url).status_code in (200, 302, 404)


ADMIN_ARGS = {"app_label": "accounts", "url": "anything/", "content_type_id": "1"}


@pytest.mark.parametrize("route", admin_routes(), ids=lambda d: d.pattern)
def test_admin_is_closed_to_everyone_but_staff(route, cast, client, client_for):
    """Every admin route (staff with two-factor only; see nearer/core/tests/test_admin.py)."""
    if route.name == "admin:None":  # the catch-all
        url = "/admin/anything/"
    else:
        url = reverse(route.name, kwargs={p: ADMIN_ARGS.get(p, "1") for p in route.params})
    assert client.get(url).status_code in (302, 404), url
    assert client_for(cast.a).get(url).status_code in (302, 404), url


@pytest.mark.parametrize("name", list(ROUTES))
def test_anonymous_post_to_every_route_never_fails(name, cast, client):
    """Whatever the route answers to, an anonymous POST (empty or with the usual body)
    gets a clear answer, never a server error."""
    url = url_for(name, cast)
    assert call(client, "POST", name, url).status_code < 500, url
    assert client.post(url).status_code < 500, url


@pytest.mark.parametrize("route", allauth_routes(), ids=lambda d: d.name)
def test_anonymous_post_to_allauth_pages_never_fails(route, db, client):
    url = reverse(route.name, kwargs=dict.fromkeys(route.params, "abc1"))
    assert client.post(url).status_code < 500, url
