"""Proposing, answering and remembering dates; ideas; recurring time across DST."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse

from nearer.dates import services
from nearer.dates.models import IdeaMark, Proposal, Reflection, Status
from nearer.library.models import Item
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def idea(db):
    return Item.objects.create(
        key="d-lantern-walk",
        kind="date",
        title="A lantern walk after dark",
        data={"summary": "Walk somewhere familiar by lantern light."},
        tags=" situation:all ",
        content_hash="x",
        source="test",
        loaded_at=NOW,
    )


@pytest.fixture(autouse=True)
def _fixed_now():
    with time_machine.travel(NOW, tick=True):
        yield


def test_date_idea_page_offers_propose_this_date(client_for, cast, idea):
    page = client_for(cast.a).get(reverse("library:detail", args=[idea.key])).content.decode()
    assert f"{reverse('dates:propose')}?idea={idea.key}" in page
    question = Item.objects.create(
        key="q-x", kind="question", title="Q?", content_hash="x", source="t", loaded_at=NOW
    )
    page = client_for(cast.a).get(reverse("library:detail", args=[question.key])).content.decode()
    assert "Propose this date" not in page


def test_a_proposes_a_library_idea_and_b_accepts_with_both_clocks(client_for, cast, idea):
    a, b = client_for(cast.a), client_for(cast.b)
    form = a.get(reverse("dates:propose") + f"?idea={idea.key}").content.decode()
    assert "A lantern walk after dark" in form
    response = a.post(
        reverse("dates:propose") + f"?idea={idea.key}",
        {"minutes": 90, "time_1": "2026-11-20T19:00", "time_2": "2026-11-21T18:30"},
    )
    proposal = Proposal.objects.get()
    assert response.status_code == 302
    assert proposal.item == idea and proposal.recipient == cast.b
    # A lives in Paris: 19:00 there on 20 November is 18:00 UTC.
    assert [t.starts_at for t in proposal.times.all()] == [
        datetime(2026, 11, 20, 18, 0, tzinfo=UTC),
        datetime(2026, 11, 21, 17, 30, tzinfo=UTC),
    ]
    inbox = b.get(reverse("dates:index")).content.decode()
    assert "Waiting for your answer" in inbox and "A lantern walk after dark" in inbox
    detail = b.get(reverse("dates:detail", args=[proposal.pk])).content.decode()
    # Ben is in New York: he sees his clock first, then Ada's.
    assert "13:00 for you, 19:00 for Ada" in detail
    first = proposal.times.first()
    assert a.post(reverse("dates:accept", args=[proposal.pk, first.pk])).status_code == 404
    b.post(reverse("dates:accept", args=[proposal.pk, first.pk]))
    proposal.refresh_from_db()
    assert proposal.status == Status.ACCEPTED
    assert proposal.starts_at == datetime(2026, 11, 20, 18, 0, tzinfo=UTC)
    agenda_a = a.get(reverse("dates:calendar") + "?view=agenda").content.decode()
    agenda_b = b.get(reverse("dates:calendar") + "?view=agenda").content.decode()
    assert "19:00 for you, 13:00 for Ben" in agenda_a
    assert "13:00 for you, 19:00 for Ada" in agenda_b
    month = a.get(reverse("dates:calendar") + "?month=2026-11").content.decode()
    assert "A lantern walk after dark" in month
    outsider = client_for(cast.outsider).get(reverse("dates:calendar") + "?month=2026-11")
    assert "A lantern walk" not in outsider.content.decode()


def test_partner_suggests_another_time_and_the_proposer_accepts_it(cast):
    first = NOW + timedelta(days=3)
    proposal = services.propose(cast.a, [first], title="Cook something new")
    other = services.suggest_time(cast.b, proposal, NOW + timedelta(days=4))
    proposal.refresh_from_db()
    assert proposal.status == Status.COUNTERED
    with pytest.raises(services.DateError):
        services.accept(cast.b, proposal, other)  # not one's own suggestion
    services.accept(cast.a, proposal, other)
    proposal.refresh_from_db()
    assert proposal.starts_at == other.starts_at
    with pytest.raises(services.DateError):
        services.accept(cast.b, proposal, proposal.times.first())  # already answered


def test_declining_is_kind_and_only_for_the_partner(cast, client_for):
    proposal = services.propose(cast.a, [NOW + timedelta(days=2)], title="Climbing")
    url = reverse("dates:decline", args=[proposal.pk])
    assert client_for(cast.a).post(url, {"reason": "another_time"}).status_code == 404
    response = client_for(cast.b).post(url, {"reason": "nonsense"})
    assert response.status_code == 302
    proposal.refresh_from_db()
    assert proposal.status == Status.PROPOSED  # bad input changed nothing
    client_for(cast.b).post(url, {"reason": "another_time"})
    page = client_for(cast.a).get(reverse("dates:detail", args=[proposal.pk])).content.decode()
    assert "Not this time, but I would love to another time." in page


def test_own_idea_and_message_are_encrypted_at_rest(cast):
    proposal = services.propose(
        cast.a, [NOW + timedelta(days=2)], title="Moonlit swim", message="bring towels"
    )
    row = Proposal.objects.values("title_encrypted", "message_encrypted").get(pk=proposal.pk)
    assert b"Moonlit" not in bytes(row["title_encrypted"])
    assert b"towels" not in bytes(row["message_encrypted"])
    assert Proposal.objects.get().title == "Moonlit swim"


def test_bad_input_gets_a_clear_message_not_an_error(cast, client_for):
    client = client_for(cast.a)
    response = client.post(reverse("dates:propose"), {"minutes": 60, "time_1": "2020-01-01T10:00"})
    assert response.status_code == 200
    assert "Choose an idea from the library or write your own." in response.content.decode()
    response = client.post(
        reverse("dates:propose"), {"title": "Tea", "minutes": 60, "time_1": "2020-01-01T10:00"}
    )
    assert "Choose times that are still ahead." in response.content.decode()
    response = client.post(reverse("dates:propose"), {"title": "Tea", "time_1": "not a date"})
    assert response.status_code == 200
    assert Proposal.objects.count() == 0
    solo = client_for(cast.solo).post(
        reverse("dates:propose"), {"title": "Tea", "minutes": 60, "time_1": "2026-12-01T10:00"}
    )
    assert solo.status_code == 200 and Proposal.objects.count() == 0


def _past_date(cast):
    proposal = services.propose(cast.a, [NOW + timedelta(hours=2)], title="Pottery class")
    services.accept(cast.b, proposal, proposal.times.first())
    return proposal


def test_reflections_private_or_shared_and_the_list_of_new_things(cast, client_for):
    proposal = _past_date(cast)
    with pytest.raises(services.DateError):
        services.reflect(cast.a, proposal, "too early", Visibility.PRIVATE)
    with time_machine.travel(NOW + timedelta(days=1)):
        services.reflect(cast.a, proposal, "my hands were clay", Visibility.PRIVATE)
        services.reflect(cast.b, proposal, "you laughed so much", Visibility.SHARED)
        client_for(cast.b).post(reverse("dates:tried_new"), {"proposal": proposal.pk})
        page_a = client_for(cast.a).get(reverse("dates:detail", args=[proposal.pk])).content
        page_b = client_for(cast.b).get(reverse("dates:detail", args=[proposal.pk])).content
        index_a = client_for(cast.a).get(reverse("dates:index")).content.decode()
    assert b"you laughed so much" in page_a and b"my hands were clay" in page_a
    assert b"my hands were clay" not in page_b
    assert "New things we tried" in index_a and "Pottery class" in index_a.split("New things")[1]
    assert b"clay" not in bytes(Reflection.objects.get(author=cast.a).text_encrypted)
    outsider = client_for(cast.outsider)
    response = outsider.post(reverse("dates:reflect"), {"proposal": proposal.pk, "text": "x"})
    assert response.status_code == 404


def test_favourites_and_we_did_this_put_untried_ideas_first(cast, client_for, idea):
    other = Item.objects.create(
        key="d-aaa", kind="date", title="Aaa museum", content_hash="x", source="t", loaded_at=NOW
    )
    client = client_for(cast.a)
    client.post(reverse("dates:mark_idea", args=[other.key]), {"mark": "done", "value": "on"})
    client.post(reverse("dates:mark_idea", args=[idea.key]), {"mark": "favourite", "value": "on"})
    titles = [i.title for i in services.ideas_for(cast.a)]
    assert titles.index("A lantern walk after dark") < titles.index("Aaa museum")
    assert [i.title for i in services.ideas_for(cast.a, "favourites")] == [idea.title]
    assert IdeaMark.objects.owned_by(cast.b).count() == 0  # marks are one's own
    page = client.get(reverse("dates:ideas")).content.decode()
    assert page.index("A lantern walk") < page.index("Aaa museum")


def test_weekly_time_keeps_its_local_hour_across_daylight_saving(cast):
    # Ada (Paris): Fridays 19:00, from 20 March 2026. Clocks go forward on 29 March.
    series = services.add_series(
        cast.a,
        kind="together",
        title="Friday is ours",
        rule="FREQ=WEEKLY;BYDAY=FR",
        starts_local=datetime(2026, 3, 20, 19, 0),
    )
    start = datetime(2026, 3, 19, tzinfo=UTC)
    found = services.series_occurrences(series, start, start + timedelta(days=16))
    # 19:00 CET twice (18:00 UTC), then 19:00 CEST (17:00 UTC) on 3 April.
    assert [d.astimezone(UTC).hour for d in found] == [18, 18, 17]
    assert all(d.astimezone(ZoneInfo("Europe/Paris")).hour == 19 for d in found)
    services.skip_occurrence(cast.a, series, datetime(2026, 3, 27, 19, 0))
    found = services.series_occurrences(series, start, start + timedelta(days=16))
    assert [d.day for d in found] == [20, 3]
    # The partner sees it (shared) but cannot change it.
    assert Proposal.objects.count() == 0
    with pytest.raises(services.DateError):
        services.skip_occurrence(cast.b, series, datetime(2026, 4, 3, 19, 0))


def test_a_time_in_the_spring_gap_moves_forward_not_backward(cast):
    # 02:30 does not exist in Paris on 29 March 2026: it becomes 03:30 CEST (01:30 UTC).
    series = services.add_series(
        cast.a,
        kind="together",
        title="",
        rule="FREQ=DAILY;COUNT=3",
        starts_local=datetime(2026, 3, 28, 2, 30),
    )
    found = services.series_occurrences(
        series, datetime(2026, 3, 27, tzinfo=UTC), datetime(2026, 4, 1, tzinfo=UTC)
    )
    assert [d.astimezone(UTC).strftime("%d %H:%M") for d in found] == [
        "28 01:30",
        "29 01:30",
        "30 00:30",
    ]


def test_a_rule_nearer_does_not_understand_is_refused(cast):
    for rule in ("", "FREQ=SOMETIMES", "FREQ=WEEKLY\nDTSTART:20200101"):
        with pytest.raises(services.DateError):
            services.add_series(
                cast.a, kind="together", title="", rule=rule, starts_local=datetime(2026, 1, 1)
            )


def test_the_api_proposes_accepts_and_shows_the_calendar(cast, client_for, idea):
    a, b = client_for(cast.a), client_for(cast.b)
    response = a.post(
        "/api/v1/dates",
        {"idea": idea.key, "times": ["2026-11-20T18:00:00Z"], "minutes": 60},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    made = response.json()
    assert made["title"] == "A lantern walk after dark" and made["status"] == "proposed"
    time_id = made["times"][0]["id"]
    url = f"/api/v1/dates/{made['id']}/times/{time_id}/accept"
    assert a.post(url).status_code == 404  # not the proposer's to accept
    assert b.post(url).json()["status"] == "accepted"
    events = b.get("/api/v1/calendar?start=2026-11-19T00:00:00Z&days=3").json()
    assert [(e["title"], e["start"]) for e in events] == [
        ("A lantern walk after dark", "2026-11-20T18:00:00+00:00")
    ]
    assert client_for(cast.outsider).get(f"/api/v1/dates/{made['id']}").status_code == 404
    bad = a.post(
        "/api/v1/dates",
        {"idea": "nope", "times": ["2026-11-20T18:00:00Z"]},
        content_type="application/json",
    )
    assert bad.status_code == 422
    assert a.get("/api/v1/calendar?days=9999").status_code == 422


def test_a_partner_deleting_their_account_leaves_the_proposers_dates(cast):
    proposal = services.propose(cast.a, [NOW + timedelta(days=2)], title="Night market")
    cast.b.delete()
    proposal.refresh_from_db()
    assert proposal.recipient is None and proposal.title == "Night market"
    assert proposal.export_data()["idea"] == "Night market"


@pytest.mark.parametrize(
    "start",
    ["0749-09-14T02:37:40-21:58", "0001-01-01T00:00:00Z", "9999-12-31T23:00:00Z"],
)
def test_the_calendar_api_refuses_a_start_outside_the_years_it_can_show(cast, client_for, start):
    response = client_for(cast.a).get("/api/v1/calendar", {"start": start, "days": 400})
    assert response.status_code == 422
    assert "start" in response.json()["detail"]
