"""Celebrations of real milestones: things done, counted over all time.

Never a streak, never a count of days missed: a gap changes nothing here, and every
milestone, once reached, stays reached.
"""

from dataclasses import dataclass

from django.db.models.functions import TruncWeek
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from nearer.checkins.models import Meeting
from nearer.couples.services import state_of
from nearer.plans.definitions import TOTAL_DAYS
from nearer.plans.models import Enrollment
from nearer.plans.services import day_index
from nearer.progress.series import shared_in
from nearer.talks.models import Talk

TALK_MILESTONES = (10, 25, 50, 100)
MEETING_WEEKS = 13  # about three months of weeks with a state-of-us meeting


@dataclass(frozen=True)
class Milestone:
    key: str
    text: str


def _records(model, user, together: bool):
    """The person's own view counts what they can see; the couple view only what was shared
    in their space, so both partners see the same milestones there."""
    if together:
        return shared_in(model.objects.all(), state_of(user).couple)
    return model.objects.visible_to(user)


def talks_held(user, together: bool = False) -> int:
    return _records(Talk, user, together).count()


def meeting_weeks(user, together: bool = False) -> int:
    """Different weeks with a state-of-us meeting, however far apart."""
    return (
        _records(Meeting, user, together)
        .annotate(w=TruncWeek("created_at", tzinfo=user.tz))
        .order_by()
        .values("w")
        .distinct()
        .count()
    )


def plans_finished(user) -> int:
    """Six-week plans the person reached the end of (pauses do not count against them)."""
    finished = 0
    today = timezone.now().astimezone(user.tz).date()
    for enrollment in Enrollment.objects.filter(user=user):
        end = enrollment.ended_at.astimezone(user.tz).date() if enrollment.ended_at else today
        if day_index(enrollment, end) >= TOTAL_DAYS:
            finished += 1
    return finished


def reached(user, together: bool = False) -> list[Milestone]:
    found = []
    talks = talks_held(user, together)
    passed = [n for n in TALK_MILESTONES if talks >= n]
    if passed:
        found.append(
            Milestone(
                f"talks-{passed[-1]}",
                _("%(count)s talks held together. That is real time given to each other.")
                % {"count": passed[-1]},
            )
        )
    if meeting_weeks(user, together) >= MEETING_WEEKS:
        found.append(
            Milestone(
                "meetings-3-months",
                _("Three months' worth of weekly state-of-us meetings. A habit worth keeping."),
            )
        )
    if not together:  # a plan is private to the person who follows it
        plans = plans_finished(user)
        if plans:
            found.append(
                Milestone(
                    "plan-finished",
                    _("You have finished six weeks of a plan.")
                    if plans == 1
                    else _("You have finished %(count)s six-week plans.") % {"count": plans},
                )
            )
    return found
