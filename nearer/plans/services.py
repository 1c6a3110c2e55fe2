"""Which steps a person sees today, and what they did with them.

The combined-plan rule: a person may follow several situations at once. Their situations
are ordered by ``definitions.PRIORITY``; day *n* of the six weeks takes its daily steps from
situation ``n mod k`` and week *w* takes its larger step from situation ``w mod k``. So each
day stays one small step (≤ 15 minutes), and every situation comes round regularly.

Who gets which step: someone without a partner in the space gets the ``solo`` steps. A
linked partner gets the ``both`` steps plus those for the role they chose privately for
that situation; where a day has nothing for them, the solo step stands in.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from nearer.couples.services import state_of
from nearer.library.models import Item
from nearer.plans.definitions import DAYS, PRIORITY, TOTAL_DAYS, WEEKS, Step, all_plans
from nearer.plans.models import Enrollment, Intake, StepLog
from nearer.safety import services as safety


class StepNotFound(Exception):
    pass


@dataclass
class PlannedStep:
    ref: str
    situation: str
    step: Step
    weekly: bool
    status: str | None = None
    item: Item | None = None


@dataclass
class Today:
    enrollment: Enrollment | None
    index: int = 0
    daily: list = None
    weekly: list = None
    minutes_per_day: int = 15

    @property
    def finished(self) -> bool:
        return self.enrollment is not None and self.index >= TOTAL_DAYS

    @property
    def paused(self) -> bool:
        return self.enrollment is not None and self.enrollment.paused_on is not None

    @property
    def week(self) -> int:
        return min(self.index // DAYS, WEEKS - 1) + 1

    @property
    def day(self) -> int:
        return self.index % DAYS + 1

    @property
    def progress_percent(self) -> int:
        return min(100, round(100 * self.index / TOTAL_DAYS))


def local_today(user) -> date:
    return timezone.now().astimezone(user.tz).date()


def ordered(situations) -> list[str]:
    chosen = [s for s in PRIORITY if s in set(situations) and s in all_plans()]
    return chosen or ["general"]


def current_enrollment(user) -> Enrollment | None:
    return Enrollment.objects.filter(user=user, ended_at__isnull=True).first()


def enroll(user, situations) -> Enrollment:
    """Start (or switch to) a plan for these situations, from today in the person's zone."""
    with transaction.atomic():
        Enrollment.objects.filter(user=user, ended_at__isnull=True).update(ended_at=timezone.now())
        return Enrollment.objects.create(
            user=user, situations=ordered(situations), started_on=local_today(user)
        )


def day_index(enrollment: Enrollment, today: date) -> int:
    reference = enrollment.paused_on or today
    return max(0, (reference - enrollment.started_on).days - enrollment.paused_days)


def pause(user) -> bool:
    enrollment = current_enrollment(user)
    if enrollment is None or enrollment.paused_on:
        return False
    enrollment.paused_on = local_today(user)
    enrollment.save(update_fields=["paused_on"])
    return True


def resume(user) -> bool:
    enrollment = current_enrollment(user)
    if enrollment is None or not enrollment.paused_on:
        return False
    enrollment.paused_days += (local_today(user) - enrollment.paused_on).days
    enrollment.paused_on = None
    enrollment.save(update_fields=["paused_on", "paused_days"])
    return True


def audiences(situation: str, linked: bool, roles: dict) -> set[str]:
    if not linked:
        return {"solo"}
    plan = all_plans()[situation]
    role = roles.get(situation)
    return {"both", role} if role in plan.roles else {"both"}


def _pick(steps, wanted, avoid):
    chosen = [s for s in steps if s.audience in wanted and s.item not in avoid]
    return chosen or [s for s in steps if s.audience == "solo" and s.item not in avoid]


def steps_for_day(
    situations, index: int, linked: bool, roles: dict, avoid: frozenset = frozenset()
) -> tuple[list, list]:
    """The (daily, weekly) PlannedSteps for day ``index`` (0-based) of a plan.

    Steps using a library item in ``avoid`` are left out; where that leaves nothing, the
    solo step of the day stands in (see nearer/safety).
    """
    plans = all_plans()
    sits = ordered(situations)
    index = min(index, TOTAL_DAYS - 1)
    week = index // DAYS
    daily_situation = sits[index % len(sits)]
    weekly_situation = sits[week % len(sits)]
    day = plans[daily_situation].weeks[week].days[index % DAYS]
    daily = [
        PlannedStep(f"{daily_situation}:{s.key}", daily_situation, s, weekly=False)
        for s in _pick(day.steps, audiences(daily_situation, linked, roles), avoid)
    ]
    weekly = [
        PlannedStep(f"{weekly_situation}:{s.key}", weekly_situation, s, weekly=True)
        for s in _pick(
            plans[weekly_situation].weeks[week].weekly,
            audiences(weekly_situation, linked, roles),
            avoid,
        )
    ]
    return daily, weekly


def _intake(user) -> tuple[dict, int]:
    """(roles, minutes per day) from the person's private intake."""
    intake = Intake.objects.filter(user=user).only("roles", "minutes_per_day").first()
    return (intake.roles, intake.minutes_per_day) if intake else ({}, 15)


def situations_of(user) -> list[str]:
    """The seasons this person chose in their private intake (for their eyes only: the
    library's front door opens on them)."""
    if not getattr(user, "is_authenticated", False):
        return []
    intake = Intake.objects.filter(user=user).only("situations").first()
    return ordered(intake.situations) if intake else []


def tried_items(user) -> set[str]:
    """Library keys of the plan steps this person marked done (for their eyes only: the
    library's front door offers what they have not tried yet)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    done = set(
        StepLog.objects.filter(enrollment__user=user, status=StepLog.Status.DONE).values_list(
            "step", flat=True
        )
    )
    if not done:
        return set()
    tried = set()
    for situation, plan in all_plans().items():
        for week in plan.weeks:
            for step in [*week.weekly, *(s for day in week.days for s in day.steps)]:
                if step.item and f"{situation}:{step.key}" in done:
                    tried.add(step.item)
    return tried


def today_for(user) -> Today:
    enrollment = current_enrollment(user)
    if enrollment is None:
        return Today(None, daily=[], weekly=[])
    index = day_index(enrollment, local_today(user))
    avoid = safety.vulnerable_items() if safety.in_danger(user) else frozenset()
    roles, minutes_per_day = _intake(user)
    daily, weekly = steps_for_day(
        enrollment.situations, index, state_of(user).is_linked, roles, avoid
    )
    steps = daily + weekly
    statuses = dict(
        enrollment.logs.filter(step__in=[p.ref for p in steps]).values_list("step", "status")
    )
    items = Item.objects.in_bulk([p.step.item for p in steps if p.step.item], field_name="key")
    for planned in steps:
        planned.status = statuses.get(planned.ref)
        planned.item = items.get(planned.step.item)
    return Today(enrollment, index, daily, weekly, minutes_per_day)


def mark(user, ref: str, status: str) -> PlannedStep:
    """Record done / skipped / another time for one of today's steps (or this week's) and
    return that step with its new status."""
    if status not in StepLog.Status.values:
        raise StepNotFound(ref)
    today = today_for(user)
    planned = next((p for p in today.daily + today.weekly if p.ref == ref), None)
    if today.enrollment is None or planned is None:
        raise StepNotFound(ref)
    StepLog.objects.update_or_create(
        enrollment=today.enrollment, step=ref, defaults={"status": status, "day": today.index}
    )
    planned.status = status
    return planned


def save_intake(user, data: dict, roles: dict) -> Intake:
    intake = Intake.objects.filter(user=user).first() or Intake(user=user)
    intake.user = user
    for field in ("together", "living", "partner_time_zone", "children", "minutes_per_day"):
        setattr(intake, field, data.get(field) or getattr(Intake, field).field.get_default())
    intake.situations = list(data.get("situations") or [])
    intake.roles = roles
    intake.hopes = data.get("hopes", "")
    intake.save()
    current = current_enrollment(user)
    wanted = ordered(intake.situations)
    if current is None or current.situations != wanted:
        enroll(user, wanted)
    return intake
