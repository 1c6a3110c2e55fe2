"""The shared calendar, the personal subscription feed and .ics downloads.

The feed is checked with the ``icalendar`` library and with a real calendar client, Debian's
``khal`` (``apt-get install khal``): every event must start at the right UTC instant.
"""

import shutil
import subprocess
from datetime import UTC, date, datetime, timedelta

import icalendar
import pytest
import time_machine
from django.urls import reverse

from nearer.dates import calendar as cal
from nearer.dates import services
from nearer.dates.models import CalendarFeed
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def _fixed_now():
    with time_machine.travel(NOW, tick=True):
        yield


@pytest.fixture
def together(cast):
    """A planned date, a weekly evening across the March DST change, an anniversary, a visit
    (all shared), and one private series of A's that B must never see."""
    proposal = services.propose(
        cast.a, [datetime(2026, 3, 20, 18, 0, tzinfo=UTC)], title="Salsa class"
    )
    services.accept(cast.b, proposal, proposal.times.first())
    weekly = services.add_series(
        cast.a,
        kind="together",
        title="Friday is ours",
        rule="FREQ=WEEKLY;BYDAY=FR;COUNT=3",
        starts_local=datetime(2026, 3, 20, 19, 0),  # Paris: 18:00 UTC, then 17:00 UTC
    )
    services.add_series(
        cast.b,
        kind="anniversary",
        title="Our day",
        rule="FREQ=YEARLY",
        starts_local=datetime(2019, 4, 12, 0, 0),
    )
    services.add_visit(cast.b, date(2026, 5, 1), date(2026, 5, 3), "Porto")
    services.add_series(
        cast.a,
        kind="together",
        title="Secret surprise planning",
        rule="FREQ=DAILY;COUNT=2",
        starts_local=datetime(2026, 3, 10, 9, 0),
        visibility=Visibility.PRIVATE,
    )
    return proposal, weekly


def _feed(client, user):
    token = cal.regenerate_feed(user).token
    response = client.get(reverse("dates:feed", kwargs={"token": token}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def _starts(ics: bytes) -> dict:
    parsed = icalendar.Calendar.from_ical(ics)
    found = {}
    for event in parsed.walk("VEVENT"):
        start = event.decoded("dtstart")
        found.setdefault(str(event["summary"]), []).append(start)
    return found


def test_feed_has_every_event_at_the_right_utc_instant(cast, client, together):
    ics = _feed(client, cast.a)
    starts = _starts(ics)
    assert starts["Salsa class"] == [datetime(2026, 3, 20, 18, 0, tzinfo=UTC)]
    assert starts["Friday is ours"] == [
        datetime(2026, 3, 20, 18, 0, tzinfo=UTC),
        datetime(2026, 3, 27, 18, 0, tzinfo=UTC),
        datetime(2026, 4, 3, 17, 0, tzinfo=UTC),  # Paris is on summer time by then
    ]
    assert starts["Our day"] == [date(2026, 4, 12)]
    assert starts["Visit: Porto"] == [date(2026, 5, 1)]
    assert starts["Secret surprise planning"] == [
        datetime(2026, 3, 10, 8, 0, tzinfo=UTC),
        datetime(2026, 3, 11, 8, 0, tzinfo=UTC),
    ]
    parsed = icalendar.Calendar.from_ical(ics)
    assert parsed["version"] == "2.0" and parsed["prodid"]
    uids = [str(e["uid"]) for e in parsed.walk("VEVENT")]
    assert len(uids) == len(set(uids))
    assert all("dtstamp" in e for e in parsed.walk("VEVENT"))


def test_feed_shows_only_what_that_person_may_see(cast, client, together):
    starts = _starts(_feed(client, cast.b))
    assert "Salsa class" in starts and "Friday is ours" in starts
    assert "Secret surprise planning" not in starts
    assert _starts(_feed(client, cast.outsider)) == {}


def test_feed_parses_in_khal_at_the_right_instants(cast, client, together, tmp_path):
    khal = shutil.which("khal")
    if khal is None:
        pytest.skip("khal is not installed (apt-get install khal); CI installs it")
    ics = tmp_path / "nearer.ics"
    ics.write_bytes(_feed(client, cast.a))
    (tmp_path / "cal").mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        "[calendars]\n[[nearer]]\npath = {}\ntype = calendar\n"
        "[locale]\ntimeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
        "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n"
        "local_timezone = UTC\ndefault_timezone = UTC\n".format(tmp_path / "cal")
    )
    result = subprocess.run(
        [khal, "-c", str(config), "printics", "--format", "{start}|{title}", str(ics)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    lines = set(result.stdout.splitlines())
    assert "2026-03-20 18:00|Salsa class" in lines
    assert "2026-03-27 18:00|Friday is ours" in lines
    assert "2026-04-03 17:00|Friday is ours" in lines
    assert "2026-04-12|Our day" in lines
    total = len(icalendar.Calendar.from_ical(ics.read_bytes()).walk("VEVENT"))
    assert total == 8
    assert f"{total} events found" in result.stdout


def test_regenerating_revokes_the_old_address_and_turning_off_revokes_all(cast, client):
    first = cal.regenerate_feed(cast.a).token
    second = cal.regenerate_feed(cast.a).token
    assert client.get(reverse("dates:feed", kwargs={"token": first})).status_code == 404
    assert client.get(reverse("dates:feed", kwargs={"token": second})).status_code == 200
    cal.revoke_feed(cast.a)
    assert client.get(reverse("dates:feed", kwargs={"token": second})).status_code == 404
    assert client.get(reverse("dates:feed", kwargs={"token": "made-up"})).status_code == 404
    assert b"second" not in bytes(CalendarFeed.objects.get().token_encrypted)


def test_settings_page_creates_shows_and_regenerates_the_address(cast, client_for):
    client = client_for(cast.a)
    client.post(reverse("dates:feed_settings"), {"action": "regenerate"})
    feed = CalendarFeed.objects.owned_by(cast.a).get()
    page = client.get(reverse("dates:feed_settings")).content.decode()
    assert feed.token in page
    client.post(reverse("dates:feed_settings"), {"action": "regenerate"})
    feed.refresh_from_db()
    assert feed.token not in page
    client.post(reverse("dates:feed_settings"), {"action": "titles", "titles": "bogus"})
    feed.refresh_from_db()
    assert feed.neutral_titles is None


def test_neutral_titles_by_choice_and_by_default_when_in_danger(cast, client, together):
    cal.set_neutral_titles(cast.a, True)
    starts = _starts(_feed(client, cast.a))
    assert set(starts) == {"Time together"}
    assert b"Salsa" not in _feed(client, cast.a) and b"Porto" not in _feed(client, cast.a)
    cal.set_neutral_titles(cast.a, None)
    assert "Salsa class" in _starts(_feed(client, cast.a))
    from nearer.safety import services as safety

    safety.record(cast.b, {"afraid": "yes", "control": "no", "harm": "no", "unsafe_home": "no"})
    assert safety.in_danger(cast.b)
    assert set(_starts(_feed(client, cast.b))) == {"Time together"}
    assert "Salsa class" in _starts(_feed(client, cast.a))  # A's feed is unchanged


def test_ics_download_for_one_event(cast, client_for, together):
    proposal, _weekly = together
    response = client_for(cast.b).get(reverse("dates:event_ics", args=[proposal.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert _starts(response.content) == {"Salsa class": [datetime(2026, 3, 20, 18, 0, tzinfo=UTC)]}
    open_one = services.propose(cast.a, [NOW + timedelta(days=9)], title="Not yet answered")
    assert client_for(cast.a).get(reverse("dates:event_ics", args=[open_one.pk])).status_code == 404


def test_month_and_agenda_pages_work_without_javascript(cast, client_for, together):
    client = client_for(cast.b)
    month = client.get(reverse("dates:calendar") + "?month=2026-03").content.decode()
    assert "Salsa class" in month and "Friday is ours" in month
    assert "Secret surprise" not in month
    assert "<script" not in month.split("<main")[1]
    april = client.get(reverse("dates:calendar") + "?month=2026-04").content.decode()
    assert "Our day" in april
    may = client.get(reverse("dates:calendar") + "?month=2026-05").content.decode()
    assert may.count("Visit: Porto") == 3  # one on each day of the visit
    for bad in ("?month=2026-13", "?month=abc", "?month=99999-1", "?view=nope"):
        assert client.get(reverse("dates:calendar") + bad).status_code == 200
    agenda = client.get(reverse("dates:calendar") + "?view=agenda").content.decode()
    assert agenda.index("Salsa class") < agenda.index("Our day")


def test_ics_download_for_recurring_time_and_a_visit(cast, client_for, together):
    from nearer.dates.models import Series, Visit

    _proposal, weekly = together
    b = client_for(cast.b)
    response = b.get(reverse("dates:series_ics", args=[weekly.pk]))
    assert response["Content-Disposition"].startswith("attachment")
    assert _starts(response.content) == {
        "Friday is ours": [
            datetime(2026, 3, 20, 18, 0, tzinfo=UTC),
            datetime(2026, 3, 27, 18, 0, tzinfo=UTC),
            datetime(2026, 4, 3, 17, 0, tzinfo=UTC),  # Paris summer time: still 19:00 there
        ]
    }
    secret = Series.objects.get(visibility=Visibility.PRIVATE)
    assert b.get(reverse("dates:series_ics", args=[secret.pk])).status_code == 404
    assert client_for(cast.a).get(reverse("dates:series_ics", args=[secret.pk])).status_code == 200
    visit = Visit.objects.get()
    visit_ics = client_for(cast.a).get(reverse("dates:visit_ics", args=[visit.pk])).content
    assert _starts(visit_ics) == {"Visit: Porto": [date(2026, 5, 1)]}
    ends = [e.decoded("dtend") for e in icalendar.Calendar.from_ical(visit_ics).walk("VEVENT")]
    assert ends == [date(2026, 5, 4)]  # all-day: the day after the last day
    outsider = client_for(cast.outsider)
    assert outsider.get(reverse("dates:visit_ics", args=[visit.pk])).status_code == 404
