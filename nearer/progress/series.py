"""The weekly series the progress page draws. Adding one is one declaration in ``SERIES``.

A series names a model, the date it counts by, what it counts (or averages), whose records
belong to the person's own view (``mine``) and which belong to the couple view
(``together``: only records their authors shared; None keeps a series personal). Each
series is one grouped query, however much history there is.
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.apps import apps
from django.db import models
from django.db.models import Avg, Count
from django.db.models.functions import TruncWeek
from django.utils.translation import gettext_lazy as _


def authored_by(qs, user):
    return qs.authored_by(user)


def shared_in(qs, couple):
    # Who sees what is decided in nearer/visibility.py, not here.
    return qs.shared_in(couple)


@dataclass(frozen=True)
class Series:
    key: str
    title: str
    description: str  # what is counted, in plain words
    model: str  # "app_label.Model"
    date_field: str
    value_heading: str
    average_of: str = ""  # a field to average (a 1–5 scale); empty: count records
    mine: Callable = authored_by
    together: Callable | None = shared_in

    @property
    def is_average(self) -> bool:
        return bool(self.average_of)

    def queryset(self, user, couple, together: bool):
        qs = apps.get_model(self.model)._default_manager.all()
        return self.together(qs, couple) if together else self.mine(qs, user)

    def weekly(self, user, couple, together: bool, weeks: list[date]) -> dict[date, float]:
        """{monday: value} for the given weeks, in ``user``'s time zone, in one query."""
        model = apps.get_model(self.model)
        is_datetime = isinstance(model._meta.get_field(self.date_field), models.DateTimeField)
        start: date | datetime = weeks[0]
        trunc = TruncWeek(self.date_field)
        if is_datetime:
            start = datetime.combine(weeks[0], time.min, tzinfo=user.tz)
            trunc = TruncWeek(self.date_field, tzinfo=user.tz)
        value = Avg(self.average_of) if self.average_of else Count("pk")
        rows = (
            self.queryset(user, couple, together)
            .filter(**{f"{self.date_field}__gte": start})
            .annotate(week=trunc)
            .order_by()
            .values("week")
            .annotate(value=value)
        )
        found = {}
        for row in rows:
            week = row["week"]
            week = week.date() if isinstance(week, datetime) else week
            found[week] = round(float(row["value"]), 1) if self.average_of else row["value"]
        return found


def _talks_mine(qs, user):
    # Talks are held together: the person's view counts those either partner logged and
    # shared with them, as well as their own.
    return qs.visible_to(user)


def _steps_done(qs, user):
    return qs.filter(enrollment__user=user, status="done")


SERIES = [
    Series(
        key="connection",
        title=_("Feeling connected"),
        description=_("Your average feeling of connection in the daily check-in (1 to 5)."),
        model="checkins.CheckIn",
        date_field="day",
        value_heading=_("Average (1–5)"),
        average_of="connection",
    ),
    Series(
        key="talks",
        title=_("Talks held"),
        description=_("Fifteen-minute talks logged each week."),
        model="talks.Talk",
        date_field="happened_at",
        value_heading=_("Talks"),
        mine=_talks_mine,
    ),
    Series(
        key="notes",
        title=_("Love notes sent"),
        description=_("Love notes written each week."),
        model="notes.Note",
        date_field="created_at",
        value_heading=_("Notes"),
    ),
    Series(
        key="appreciations",
        title=_("Appreciations"),
        description=_("Appreciations added to the jar each week."),
        model="notes.Appreciation",
        date_field="created_at",
        value_heading=_("Appreciations"),
    ),
    Series(
        key="steps",
        title=_("Plan steps done"),
        description=_("Steps of your plan you marked done each week (only you see these)."),
        model="plans.StepLog",
        date_field="updated_at",
        value_heading=_("Steps"),
        mine=_steps_done,
        together=None,
    ),
]


def week_starts(today: date, count: int) -> list[date]:
    """The Mondays of the last ``count`` weeks, oldest first, ending with this week."""
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=n) for n in range(count - 1, -1, -1)]
