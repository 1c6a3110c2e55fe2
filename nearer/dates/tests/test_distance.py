"""Long distance: Aroha in Auckland and Lee in Los Angeles, across all four clock changes of
2026 (Los Angeles: 8 March and 1 November; Auckland: 5 April and 27 September)."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
import time_machine
from django.urls import reverse
from django.utils import translation

from nearer.dates import distance, services
from nearer.reminders import services as reminders
from nearer.reminders.models import Reminder
from nearer.testing import link, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def apart(db):
    aroha = make_user("aroha@example.com", "Aroha", "Pacific/Auckland")
    lee = make_user("lee@example.com", "Lee", "America/Los_Angeles")
    link(aroha, lee)
    from nearer.couples.services import forget_state

    forget_state(aroha, lee)
    for weekday in range(5):  # Aroha: weekday mornings before work
        services.add_free_time(aroha, weekday, time(7, 0), time(9, 0))
    for weekday in range(7):  # Lee: late mornings, every day
        services.add_free_time(lee, weekday, time(10, 0), time(13, 0))
    return aroha, lee


# (a Monday, Aroha's window on Tuesday, Lee's on Monday, both as local "HH:MM-HH:MM")
SEASONS = [
    (date(2026, 2, 16), "07:00-09:00", "10:00-12:00"),  # NZ summer time, LA standard
    (date(2026, 3, 16), "07:00-09:00", "11:00-13:00"),  # LA moved forward on 8 March
    (date(2026, 4, 13), "07:00-08:00", "12:00-13:00"),  # NZ moved back on 5 April
    (date(2026, 10, 5), "07:00-09:00", "11:00-13:00"),  # NZ moved forward on 27 September
    (date(2026, 11, 9), "07:00-09:00", "10:00-12:00"),  # LA moved back on 1 November
]


def _span(window, person):
    start, end = window.start.astimezone(person.tz), window.end.astimezone(person.tz)
    return f"{start:%H:%M}-{end:%H:%M}", start.strftime("%a")


@pytest.mark.parametrize(("monday", "for_aroha", "for_lee"), SEASONS)
def test_free_windows_in_both_zones_through_every_clock_change(apart, monday, for_aroha, for_lee):
    aroha, lee = apart
    found = distance.windows(aroha, lee, monday)
    # Aroha's Tuesday morning is Lee's Monday: one window each weekday morning of Aroha's.
    tuesday = next(w for w in found if w.start.astimezone(aroha.tz).date() == monday + timedelta(1))
    assert _span(tuesday, aroha) == (for_aroha, "Tue")
    assert _span(tuesday, lee) == (for_lee, "Mon")
    # The same from Lee's side: windows are symmetric.
    assert [(w.start, w.end) for w in distance.windows(lee, aroha, monday)] == [
        (w.start, w.end) for w in found
    ]


def test_a_recurring_call_time_that_fits_both_across_the_changes(apart):
    aroha, lee = apart
    now = datetime(2026, 3, 1, 0, 0, tzinfo=UTC)  # the next 8 weeks cross 8 March and 5 April
    suggestion = distance.suggest_call(aroha, lee, minutes=30, weeks=8, now=now)
    assert suggestion is not None
    assert suggestion.at == time(7, 0)
    # 08:30 on Aroha's clock would not fit after 5 April (Lee is busy by then): check the
    # suggestion really holds every week, in real instants.
    for week in range(8):
        local = distance._weekly(suggestion.first.astimezone(aroha.tz), week, aroha.tz)
        day = local.astimezone(UTC).date() - timedelta(days=local.astimezone(UTC).weekday())
        assert any(w.start <= local < w.end for w in distance.windows(aroha, lee, day, days=8))
    eight_thirty = datetime.combine(date(2026, 4, 14), time(8, 30), tzinfo=aroha.tz)
    april = distance.windows(aroha, lee, date(2026, 4, 13))
    assert not any(w.start <= eight_thirty < w.end for w in april)


def test_recurring_call_and_its_reminders_at_the_right_local_time_for_both(apart):
    aroha, lee = apart
    reminders.save_preference(aroha, quiet_start=time(23, 0), quiet_end=time(6, 30))
    call = services.add_series(
        aroha,
        kind="call",
        title="Our call",
        rule="FREQ=WEEKLY;BYDAY=TU",
        starts_local=datetime(2026, 3, 3, 7, 0),
        minutes=30,
    )
    found = services.series_occurrences(
        call, datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 4, 20, tzinfo=UTC)
    )
    assert {d.astimezone(aroha.tz).strftime("%a %H:%M") for d in found} == {"Tue 07:00"}
    lee_side = [d.astimezone(lee.tz).strftime("%m-%d %a %H:%M") for d in found]
    assert lee_side[0] == "03-02 Mon 10:00"  # Lee still on standard time
    assert lee_side[2] == "03-16 Mon 11:00"  # after 8 March
    assert lee_side[-1] == "04-13 Mon 12:00"  # after 5 April
    for occurrence in (found[0], found[-1]):
        with time_machine.travel(occurrence - timedelta(hours=3), tick=False):
            reminders.plan_periodic()
        for person in (aroha, lee):
            reminder = Reminder.objects.get(user=person, kind="call", due_at__lte=occurrence)
            assert reminder.due_at == occurrence - timedelta(minutes=15)
            Reminder.objects.filter(pk=reminder.pk).delete()


def test_both_clocks_on_the_calendar_and_the_long_distance_page(apart, client_for):
    aroha, lee = apart
    with time_machine.travel(datetime(2026, 4, 1, 0, 0, tzinfo=UTC), tick=True):
        start = datetime(2026, 4, 14, 7, 0, tzinfo=aroha.tz)
        assert distance.both_clocks(start, aroha) == "07:00 for you, 12:00 Mon for Lee"
        assert distance.both_clocks(start, lee) == "12:00 for you, 07:00 Tue for Aroha"
        with translation.override("es"):  # the other day's name follows the language
            assert distance.both_clocks(start, aroha) == "07:00 para ti, 12:00 lun para Lee"
        page = client_for(lee).get(reverse("dates:distance")).content.decode()
    assert "When can we both talk?" in page
    assert "for you" in page and "for Aroha" in page


def test_visit_countdown_and_planner(apart, client_for):
    aroha, lee = apart
    with time_machine.travel(datetime(2026, 6, 1, 3, 0, tzinfo=UTC), tick=True):
        response = client_for(lee).post(
            reverse("dates:visit_add"),
            {
                "starts_on": "2026-06-20",
                "ends_on": "2026-06-30",
                "place": "Wellington",
                "plans": "the harbour ferry",
            },
        )
        assert response.status_code == 302
        countdown = services.next_visit(aroha)  # already 1 June 15:00 in Auckland
        assert countdown.days == 19 and countdown.visit.place == "Wellington"
        assert services.next_visit(lee).days == 20  # still 31 May in Los Angeles
        page = client_for(aroha).get(reverse("dates:distance")).content.decode()
        assert "19 days to go" in page and "the harbour ferry" in page
        bad = client_for(lee).post(
            reverse("dates:visit_add"), {"starts_on": "2026-07-20", "ends_on": "2026-07-01"}
        )
        assert bad.status_code == 302
        assert services.next_visit(lee).visit.place == "Wellington"


def test_the_suggested_call_time_opens_the_recurring_time_form_filled_in(apart, client_for):
    aroha, lee = apart
    with time_machine.travel(datetime(2026, 4, 1, 0, 0, tzinfo=UTC), tick=True):
        suggestion = distance.suggest_call(aroha, lee)
        page = client_for(aroha).get(reverse("dates:distance")).content.decode()
        local = suggestion.first.astimezone(aroha.tz).strftime("%Y-%m-%dT%H:%M")
        link = f"{reverse('dates:series')}?kind=call&amp;minutes=30&amp;starts={local}"
        assert link in page
        form = client_for(aroha).get(link.replace("&amp;", "&")).content.decode()
    assert f'value="{local}"' in form
    assert '<option value="call" selected>' in form


def test_the_visit_planner_changes_a_visit_its_author_planned(apart, client_for):
    aroha, lee = apart
    with time_machine.travel(datetime(2026, 6, 1, 3, 0, tzinfo=UTC), tick=True):
        visit = services.add_visit(lee, date(2026, 6, 20), date(2026, 6, 30), "Wellington")
        url = reverse("dates:visit_edit", args=[visit.pk])
        assert url in client_for(lee).get(reverse("dates:distance")).content.decode()
        assert url not in client_for(aroha).get(reverse("dates:distance")).content.decode()
        assert client_for(aroha).get(url).status_code == 404
        form = client_for(lee).get(url).content.decode()
        assert 'value="Wellington"' in form
        changed = {"starts_on": "2026-06-21", "ends_on": "2026-06-30", "place": "Napier"}
        assert (
            client_for(lee).post(url, {**changed, "plans": "the art deco walk"}).status_code == 302
        )
        visit.refresh_from_db()
        assert (visit.starts_on, visit.place, visit.plans) == (
            date(2026, 6, 21),
            "Napier",
            "the art deco walk",
        )
        bad = client_for(lee).post(url, {"starts_on": "2026-06-21", "ends_on": "2028-06-21"})
        assert bad.status_code == 200 and "at most a year" in bad.content.decode()
