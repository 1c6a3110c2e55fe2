"""Which steps a person sees today, and what they did with them.

The combined-plan rule: a person may follow several situations at once. Their situations
are ordered by ``definitions.PRIORITY``; day *n* of the six weeks takes its daily steps from
situation ``n mod k`` and week *w* takes its larger step from situation ``w mod k``. So each
day stays one small step, every situation comes round regularly, and a person's whole week
(daily steps plus weekly steps) keeps the time budget in ``definitions``. The weekly step is
shown all week, to be done on whichever day suits; Today says that on that day it can take
the place of the day's step (skipping a step is always fine).

Who gets which step: someone without a partner in the space gets the ``solo`` steps. A
linked partner gets the ``both`` steps plus those for the role they chose privately for
that situation; where a day has nothing for them, the solo step stands in.

After a private safety check that signals danger, the individual track
(``content/safety/individual_steps.yaml``) stands in for the whole plan, for that person
only, until a later check no longer signals danger.
"""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from nearer import person
from nearer.couples.services import state_of
from nearer.library.models import Item
from nearer.plans.definitions import (
    DAYS,
    PRIORITY,
    TOTAL_DAYS,
    WEEKS,
    Step,
    all_plans,
    for_person,
)
from nearer.plans.models import Enrollment, Intake, StepLog
from nearer.safety import services as safety
from nearer.safety.track import in_active_language, individual_track


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
    enrollment = Enrollment.objects.filter(user=user, ended_at__isnull=True).first()
    if enrollment is not None:
        enrollment.user = user  # its situations decrypt with the key already at hand
    return enrollment


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


def steps_for_day(situations, index: int, linked: bool, roles: dict) -> tuple[list, list]:
    """The (daily, weekly) PlannedSteps for day ``index`` (0-based) of a plan."""
    plans = all_plans()
    sits = ordered(situations)
    index = min(index, TOTAL_DAYS - 1)
    week = index // DAYS
    daily_situation = sits[index % len(sits)]
    weekly_situation = sits[week % len(sits)]
    day = plans[daily_situation].weeks[week].days[index % DAYS]
    daily = [
        PlannedStep(f"{daily_situation}:{s.key}", daily_situation, s, weekly=False)
        for s in for_person(day.steps, audiences(daily_situation, linked, roles))
    ]
    weekly = [
        PlannedStep(f"{weekly_situation}:{s.key}", weekly_situation, s, weekly=True)
        for s in for_person(
            plans[weekly_situation].weeks[week].weekly, audiences(weekly_situation, linked, roles)
        )
    ]
    return daily, weekly


def load_intakes(people) -> dict:
    """Person id -> intake (or None) for these people, in one query; each intake carries its
    person, so its values decrypt with the key already at hand."""
    found = {i.user_id: i for i in Intake.objects.filter(user__in=people)}
    for somebody in people:
        if somebody.pk in found:
            found[somebody.pk].user = somebody
    return {somebody.pk: found.get(somebody.pk) for somebody in people}


def intake_of(user) -> Intake | None:
    """The person's intake, read once per request (``nearer.person``)."""
    return person.of(user).intake


def intakes_of(people) -> list:
    """``intake_of`` for several people in one query (each kept like ``intake_of``)."""
    missing = [p for p in people if person.of(p).known("intake", False) is False]
    if missing:
        for somebody, intake in zip(missing, load_intakes(missing).values(), strict=True):
            person.of(somebody).set("intake", intake)
    return [person.of(p).intake for p in people]


def forget_intake(*users) -> None:
    person.forget(*users, names=("intake",))


def individual_steps(index: int) -> tuple[list, list]:
    """After a safety check that signals danger: the individual track in place of the plan
    (nothing joint, nothing that asks them to open up to their partner; see nearer/safety)."""
    daily, weekly = map(in_active_language, individual_track().for_day(min(index, TOTAL_DAYS - 1)))
    return (
        [PlannedStep(f"safety:{daily.key}", "safety", daily, weekly=False)],
        [PlannedStep(f"safety:{weekly.key}", "safety", weekly, weekly=True)],
    )


def _intake(user) -> tuple[dict, int]:
    """(roles, minutes per day) from the person's private intake."""
    facts = person.of(user).intake_facts
    return (facts.roles, facts.minutes_per_day) if facts else ({}, 15)


def situations_of(user) -> list[str]:
    """The seasons this person chose in their private intake (for their eyes only: the
    library's front door opens on them)."""
    if not getattr(user, "is_authenticated", False):
        return []
    facts = person.of(user).intake_facts
    return ordered(facts.situations) if facts else []


def tried_items(user) -> set[str]:
    """Library keys of the plan steps this person marked done (for their eyes only: the
    library's front door offers what they have not tried yet)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    # ``step`` is encrypted: read per log (never in ``values_list``), the enrollment loaded
    # with it so that its owner's key is found without a query per row.
    done = {
        log.step
        for log in StepLog.objects.filter(
            enrollment__user=user, status=StepLog.Status.DONE
        ).select_related("enrollment")
    }
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
    roles, minutes_per_day = _intake(user)
    if safety.in_danger(user):
        daily, weekly = individual_steps(index)
    else:
        daily, weekly = steps_for_day(enrollment.situations, index, state_of(user).is_linked, roles)
    steps = daily + weekly
    digests = {p.ref: StepLog.digest(user, p.ref) for p in steps}
    statuses = dict(
        enrollment.logs.filter(step_digest__in=digests.values()).values_list(
            "step_digest", "status"
        )
    )
    items = Item.objects.in_bulk([p.step.item for p in steps if p.step.item], field_name="key")
    for planned in steps:
        planned.status = statuses.get(digests[planned.ref])
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
        enrollment=today.enrollment,
        step_digest=StepLog.digest(user, ref),
        defaults={"status": status, "day": today.index, "step": ref},
    )
    planned.status = status
    return planned


def save_intake(user, data: dict, roles: dict) -> Intake:
    intake = intake_of(user) or Intake(user=user)
    intake.user = user
    intake.minutes_per_day = data.get("minutes_per_day") or 10
    intake.situations = list(data.get("situations") or [])
    # Only what the person ticked can be shared; a stale mark never outlives its situation.
    intake.shared_situations = [
        s for s in data.get("shared_situations") or [] if s in intake.situations
    ]
    intake.lives = list(data.get("lives") or [])
    intake.living_apart = bool(data.get("living_apart"))
    intake.roles = roles
    intake.hopes = data.get("hopes", "")
    intake.save()
    person.of(user).set("intake", intake)
    safety.season_default(user, intake.situations)
    current = current_enrollment(user)
    wanted = ordered(intake.situations)
    if current is None or current.situations != wanted:
        enroll(user, wanted)
    return intake
