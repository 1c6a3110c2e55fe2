"""Counters, milestones worth celebrating, setbacks, and the session log.

A setback changes only the counter the person chooses to start again, and the words used
never judge: the days before still happened.
"""

from dataclasses import dataclass
from datetime import date

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nearer.couples.services import state_of
from nearer.recovery.models import Counter, Session
from nearer.visibility import Visibility

MILESTONES = [1, 3, 7, 14, 30, 60, 90, 180, 270, 365, 500, 730, 1000, 1095, 1461, 1826, 3652]
CELEBRATE_FOR_DAYS = 7  # a milestone is celebrated during the week after it is reached
CELEBRATIONS = [
    _("Cook or order the meal you both love and eat it somewhere new, even the balcony."),
    _("Write each other three lines about something you have seen the other do lately."),
    _("Take a slow walk somewhere you have not been together before."),
    _("Buy a small plant and look after it together."),
    _("Put on a song that means something to you both, and dance or just listen."),
    _("Plan a morning with no plans: breakfast, a long shower, nowhere to be."),
]


class NeedsPartner(Exception):
    pass


def local_today(user) -> date:
    return timezone.now().astimezone(user.tz).date()


@dataclass
class Milestone:
    days: int
    message: str
    idea: str


def milestone_for(days: int) -> Milestone | None:
    """The milestone to celebrate after ``days`` days, if one was reached this past week."""
    reached = [m for m in MILESTONES if m <= days < m + CELEBRATE_FOR_DAYS]
    if not reached:
        return None
    m = reached[-1]
    message = _("%(days)d days. That is something to be proud of, one day at a time.") % {"days": m}
    return Milestone(m, message, str(CELEBRATIONS[MILESTONES.index(m) % len(CELEBRATIONS)]))


def days_of(counter: Counter, today: date) -> int:
    return max(0, (today - date.fromisoformat(counter.since_iso)).days)


def start_counter(user, label: str, since: date, share: bool = False) -> Counter:
    counter = Counter()
    counter.author = user
    set_shared(user, counter, share, save=False)
    counter.label = label.strip()
    counter.since_iso = since.isoformat()
    counter.save()
    return counter


def set_shared(user, counter: Counter, share: bool, save: bool = True) -> Counter:
    state = state_of(user)
    if share and not state.is_linked:
        raise NeedsPartner
    counter.visibility = Visibility.SHARED if share else Visibility.PRIVATE
    counter.couple = state.couple if share else None
    if save:
        counter.save(update_fields=["visibility", "couple", "updated_at"])
    return counter


def start_again(counter: Counter, since: date) -> Counter:
    """After a setback: this counter, and only this one, counts from ``since``."""
    counter.since_iso = since.isoformat()
    counter.save(update_fields=["since_encrypted", "updated_at"])
    return counter


def counters_for(user):
    """Counters the person can see, each with its days and any milestone to celebrate."""
    today = local_today(user)
    counters = list(Counter.objects.visible_to(user).select_related("author")[:20])
    for counter in counters:
        counter.days = days_of(counter, today)
        counter.milestone = milestone_for(counter.days)
    return counters


def log_session(user, kind: str, day: date, note: str = "", share: bool = False) -> Session:
    session = Session(kind=kind, day=day)
    state = state_of(user)
    session.attach(user, Visibility.SHARED if share and state.is_linked else Visibility.PRIVATE)
    session.note = note.strip()
    session.save()
    return session


def sessions_for(user):
    """Sessions the person can see, newest day first (a queryset: slice it for a page)."""
    return Session.objects.visible_to(user).select_related("author")
