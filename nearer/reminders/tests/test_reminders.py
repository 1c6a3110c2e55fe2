"""Reminders: each person's zone and quiet hours, email through a real SMTP server with a
one-click unsubscribe, and texts that never carry anyone's words."""

from datetime import UTC, datetime, time, timedelta

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from nearer.dates import services as dates
from nearer.notes import services as notes
from nearer.reminders import services
from nearer.reminders.models import Reminder
from nearer.testing import make_user
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db


def test_quiet_hours_move_a_reminder_to_their_end_in_the_persons_zone(cast):
    ben = cast.b  # New York, default quiet hours 22:00-08:00
    pref = services.preference(ben)
    late = datetime(2026, 11, 10, 3, 30, tzinfo=UTC)  # 22:30 in New York
    assert services.outside_quiet_hours(ben, pref, late) == datetime(
        2026, 11, 10, 13, 0, tzinfo=UTC
    )
    early = datetime(2026, 11, 10, 12, 0, tzinfo=UTC)  # 07:00
    assert services.outside_quiet_hours(ben, pref, early) == datetime(
        2026, 11, 10, 13, 0, tzinfo=UTC
    )
    awake = datetime(2026, 11, 10, 14, 0, tzinfo=UTC)
    assert services.outside_quiet_hours(ben, pref, awake) == awake
    services.save_preference(ben, quiet_start=time(13, 0), quiet_end=time(15, 0))
    pref = services.preference(ben)
    assert services.outside_quiet_hours(ben, pref, datetime(2026, 11, 10, 19, 0, tzinfo=UTC)) == (
        datetime(2026, 11, 10, 20, 0, tzinfo=UTC)
    )
    services.save_preference(ben, quiet_start=time(0, 0), quiet_end=time(0, 0))
    assert not services.in_quiet_hours(services.preference(ben), time(3, 0))


def test_a_reminder_for_something_early_comes_before_quiet_hours_not_after(cast):
    # Ben (New York, quiet 22:00-08:00) has a call at 07:30: the reminder cannot wait until
    # 08:00, so it comes at 21:45 the evening before.
    call = datetime(2026, 11, 11, 12, 30, tzinfo=UTC)
    with time_machine.travel(datetime(2026, 11, 10, 20, 0, tzinfo=UTC), tick=False):
        reminder = services.schedule(
            cast.b, "call", "series:1:x", at=call - timedelta(minutes=15), before=call
        )
    assert reminder.due_at.astimezone(cast.b.tz).strftime("%d %H:%M") == "10 21:45"
    with time_machine.travel(datetime(2026, 11, 11, 4, 0, tzinfo=UTC), tick=False):  # 23:00
        assert services.schedule(cast.b, "call", "series:1:y", at=call, before=call) is None


def test_nothing_is_sent_in_quiet_hours_even_when_already_due(cast, smtp):
    with time_machine.travel(datetime(2026, 11, 10, 14, 0, tzinfo=UTC), tick=False):
        services.schedule(cast.b, "question", "day:x")
        services.save_preference(cast.b, quiet_start=time(8, 0), quiet_end=time(10, 0))
        assert services.send_due() == 0  # 09:00 in New York: quiet
        reminder = Reminder.objects.get()
        assert reminder.sent_at is None
        assert reminder.due_at == datetime(2026, 11, 10, 15, 0, tzinfo=UTC)
    with time_machine.travel(datetime(2026, 11, 10, 15, 0, tzinfo=UTC), tick=False):
        assert services.send_due() == 1
    assert len(smtp.messages) == 1


@pytest.mark.parametrize(
    ("zone", "before", "after"),
    [
        # Auckland leaves summer time on 5 April 2026: 18:00 is 05:00 UTC, then 06:00 UTC.
        ("Pacific/Auckland", datetime(2026, 4, 4, 5, 0), datetime(2026, 4, 6, 6, 0)),
        # Auckland enters it on 27 September: 18:00 is 06:00 UTC, then 05:00 UTC.
        ("Pacific/Auckland", datetime(2026, 9, 26, 6, 0), datetime(2026, 9, 28, 5, 0)),
        # Los Angeles: 8 March (18:00 = 02:00 UTC next day, then 01:00) and 1 November.
        ("America/Los_Angeles", datetime(2026, 3, 7, 2, 0), datetime(2026, 3, 10, 1, 0)),
        ("America/Los_Angeles", datetime(2026, 10, 31, 1, 0), datetime(2026, 11, 3, 2, 0)),
    ],
)
def test_the_daily_reminder_comes_at_the_persons_own_time_across_dst(db, zone, before, after):
    person = make_user("tz@example.com", "Tui", zone)
    for moment in (before, after):
        moment = moment.replace(tzinfo=UTC)
        with time_machine.travel(moment - timedelta(minutes=1), tick=False):
            services.plan_periodic()
        assert not Reminder.objects.filter(due_at__gte=moment - timedelta(hours=1)).exists()
        with time_machine.travel(moment, tick=False):
            services.plan_periodic()
            services.plan_periodic()  # twice: still one
        reminder = Reminder.objects.get(due_at__gte=moment - timedelta(hours=1))
        assert reminder.due_at == moment
        assert reminder.due_at.astimezone(person.tz).hour == 18


def test_email_goes_through_smtp_with_one_click_unsubscribe(cast, smtp):
    with time_machine.travel(datetime(2026, 11, 10, 17, 0, tzinfo=UTC), tick=False):
        services.schedule(cast.b, "question", "day:2026-11-10")
        assert services.send_due() == 1
        assert services.send_due() == 0  # never twice
    (message,) = smtp.messages
    assert message["To"] == cast.b.email
    assert message["Subject"] == "Today's question is waiting"
    assert message.get_content_type() == "text/plain"
    body = message.get_content()
    assert "Today's question for the two of you" in body  # plain text, not HTML-escaped
    assert "&#x27;" not in body and "&amp;" not in body
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    link = message["List-Unsubscribe"].strip("<>")
    assert link.startswith("http") and link in body
    path = link.split("://", 1)[1].split("/", 1)[1]
    mail_client = Client(enforce_csrf_checks=True)  # a mail client has no session or token
    assert mail_client.post("/" + path, {"List-Unsubscribe": "One-Click"}).status_code == 200
    assert services.preference(cast.b).email is False
    assert mail_client.post("/" + path[:-3] + "xx/").status_code == 404
    with time_machine.travel(datetime(2026, 11, 11, 17, 0, tzinfo=UTC), tick=False):
        services.schedule(cast.b, "question", "day:2026-11-11")
        services.send_due()  # email is off now: nothing reaches the server
    assert len(smtp.messages) == 1


def test_settings_page_saves_preferences_and_refuses_bad_input(cast, client_for):
    client = client_for(cast.a)
    response = client.post(
        reverse("reminders:settings"),
        {
            "email": "on",
            "nudge_time": "07:30",
            "quiet_start": "23:00",
            "quiet_end": "07:00",
            "kinds": ["note", "date_proposed"],
        },
    )
    assert response.status_code == 302
    pref = services.preference(cast.a)
    assert pref.nudge_time == time(7, 30) and pref.kinds == ["note", "date_proposed"]
    response = client.post(reverse("reminders:settings"), {"nudge_time": "25:99"})
    assert response.status_code == 200
    assert services.preference(cast.a).nudge_time == time(7, 30)
    assert services.schedule(cast.a, "question", "day:y") is None  # not chosen


def test_nobody_is_nudged_toward_a_partner_after_a_danger_signal(cast, smtp):
    from nearer.safety import services as safety

    safety.record(cast.b, {"afraid": "yes", "control": "no", "harm": "no", "unsafe_home": "no"})
    with time_machine.travel(datetime(2026, 11, 10, 17, 0, tzinfo=UTC), tick=True):
        proposal = dates.propose(cast.a, [datetime(2026, 11, 20, 18, 0, tzinfo=UTC)], title="x")
        dates.suggest_time(cast.b, proposal, datetime(2026, 11, 21, 18, 0, tzinfo=UTC))
        services.send_due()
    recipients = [m["To"] for m in smtp.messages]
    assert recipients == [cast.a.email]  # A hears B's suggestion; B hears nothing from Nearer


WORDS = [
    "marmalade sunrise",
    "velvet lighthouse",
    "cinnamon harbour",
    "quiet orchard",
    "paper cranes",
    "saffron lantern",
]


def test_no_message_of_a_whole_journey_contains_what_anyone_wrote(cast, smtp):
    from nearer.questions import services as questions
    from tests.routes import _library_key

    _library_key()
    start = datetime(2026, 11, 10, 16, 0, tzinfo=UTC)
    with time_machine.travel(start, tick=True):
        notes.send_note(cast.a, "Good morning, marmalade sunrise")
        proposal = dates.propose(
            cast.a,
            [start + timedelta(days=2)],
            title="The velvet lighthouse",
            message="bring cinnamon harbour buns",
        )
        dates.accept(cast.b, proposal, proposal.times.first())
        question = questions.question_for(cast.a)
        questions.answer(cast.a, question, "paper cranes, always")
        # A private recurring call of A's: B must hear nothing about it.
        dates.add_series(
            cast.a,
            kind="call",
            title="saffron lantern",
            rule="FREQ=DAILY",
            starts_local=datetime(2026, 11, 11, 12, 0),
            visibility=Visibility.PRIVATE,
        )
        services.plan_periodic()
        services.send_due()
    for hours in (6, 20, 26, 30, 44, 50):
        with time_machine.travel(start + timedelta(hours=hours), tick=True):
            services.plan_periodic()
            services.send_due()
    with time_machine.travel(start + timedelta(days=3), tick=True):
        dates.reflect(cast.b, proposal, "a quiet orchard of a night", Visibility.PRIVATE)
        services.plan_periodic()
        services.send_due()
    subjects = {(m["To"], m["Subject"]) for m in smtp.messages}
    assert (cast.b.email, "A note arrived for you") in subjects
    assert (cast.b.email, "A date idea is waiting for you") in subjects
    assert (cast.a.email, "Your date is coming up") in subjects
    assert (cast.a.email, "A call is coming up") in subjects
    assert (cast.b.email, "A call is coming up") not in subjects
    assert any(s == "Today's question is waiting" for _to, s in subjects)
    for message in smtp.messages:
        text = message.as_string().lower()
        for phrase in WORDS:
            for word in phrase.split():
                assert word not in text, (word, message["Subject"])


def test_people_apart_get_a_monthly_idea_for_a_letter_at_their_time(cast, smtp):
    from datetime import date

    sunday = datetime(2026, 12, 6, 23, 0, tzinfo=UTC)  # first Sunday, 18:00 in New York
    with time_machine.travel(sunday, tick=False):
        services.plan_periodic()
        assert not Reminder.objects.filter(kind="letter").exists()  # not apart (yet)
        dates.add_visit(cast.a, date(2027, 1, 2), date(2027, 1, 9), "Montreal")
        services.plan_periodic()
        services.plan_periodic()
        assert list(
            Reminder.objects.filter(kind="letter").values_list("user__email", flat=True)
        ) == [
            cast.b.email  # 18:00 for Ben; past midnight in Paris, so not Ada's Sunday any more
        ]
        services.send_due()
    assert any(m["Subject"] == "Something to send" for m in smtp.messages)
    with time_machine.travel(sunday + timedelta(days=7), tick=False):  # the second Sunday
        services.plan_periodic()
    assert Reminder.objects.filter(kind="letter").count() == 1
