"""The six-week plans, read from ``content/plans/*.yaml`` and validated.

Plans are content, versioned with the code: they are read once per process and kept in
memory. Progress refers to a step by ``<situation>:<key>``, which stays stable.

``<file>.<language>.yaml`` beside a plan translates its text: the plan by its ``id`` (title,
summary), a week as ``week-<n>`` (focus) and a step by its ``key`` (title, why).
:func:`all_plans` gives the plans in the active language, English wherever a text is not
translated; everything else (keys, minutes, items, audiences) is the English plan's.
"""

import copy
import logging
from functools import cache
from itertools import combinations, product
from pathlib import Path
from typing import Literal

import yaml
from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from nearer import yamltext
from nearer.library.schema import SITUATIONS
from nearer.library.translations import (
    TRANSLATION_NAME,
    active_language,
    check_entries,
    read_yaml,
    source_files,
    translation_path,
)

logger = logging.getLogger(__name__)

Audience = Literal["both", "solo", "hurt", "was_hurt", "in_recovery", "supporting"]
ROLES = {"after_betrayal": ("hurt", "was_hurt"), "recovery": ("in_recovery", "supporting")}
# When a couple is in several situations, the days rotate through them in this order:
# the seasons where one partner is most exposed come first.
PRIORITY = ["after_betrayal", "recovery", "new_parents", "long_distance", "many_years", "general"]
WEEKS, DAYS = 6, 7
TOTAL_DAYS = WEEKS * DAYS
# The promise to each person, whatever combination of plans they follow (and to someone on
# the individual safety track): at most 15 minutes on any day and 60 in any week, counting
# everything they are asked to do. So each day's daily steps take at most 15 minutes; each
# weekly step, done in one sitting on a day the person chooses, at most 15 too; and a week's
# daily steps plus its weekly steps at most 60. ``week_problems`` is the one place it is checked
# (``_person_budget`` runs it for every person in every combination; nearer/safety/track.py for
# the individual track), and load_library refuses content that breaks it.
DAILY_BUDGET, WEEKLY_BUDGET = 15, 60


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    key: str = Field(pattern=r"^[a-z0-9_-]+$")
    audience: Audience = Field(alias="for")
    title: str = Field(min_length=3, max_length=160)
    why: str = Field(min_length=10, max_length=600)
    minutes: int = Field(gt=0, le=60)
    item: str | None = None


class Day(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    day: int = Field(ge=1, le=DAYS)
    steps: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def one_solo(self):
        if sum(step.audience == "solo" for step in self.steps) != 1:
            raise ValueError(f"day {self.day} needs exactly one solo step")
        return self


class Week(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    week: int = Field(ge=1, le=WEEKS)
    focus: str = Field(min_length=3, max_length=120)
    weekly: list[Step] = Field(min_length=1)
    days: list[Day] = Field(min_length=DAYS, max_length=DAYS)

    @model_validator(mode="after")
    def ordered(self):
        if [d.day for d in self.days] != list(range(1, DAYS + 1)):
            raise ValueError(f"week {self.week} must list days 1 to {DAYS} in order")
        if not any(step.audience == "solo" for step in self.weekly):
            raise ValueError(f"week {self.week} needs a weekly step for solo")
        return self


class Plan(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    situation: Literal[tuple(SITUATIONS)]
    title: str
    summary: str
    roles: list[Literal["hurt", "was_hurt", "in_recovery", "supporting"]] = Field(
        default_factory=list
    )
    weeks: list[Week] = Field(min_length=WEEKS, max_length=WEEKS)

    @model_validator(mode="after")
    def consistent(self):
        if [w.week for w in self.weeks] != list(range(1, WEEKS + 1)):
            raise ValueError(f"weeks must be 1 to {WEEKS} in order")
        if tuple(self.roles) != ROLES.get(self.situation, ()):
            raise ValueError(f"roles must be {list(ROLES.get(self.situation, ()))}")
        audiences = set(self.roles) or {"both"}
        keys = set()
        for week in self.weeks:
            for step in week.weekly + [s for d in week.days for s in d.steps]:
                if step.key in keys:
                    raise ValueError(f"step key {step.key} is used twice")
                keys.add(step.key)
            for day in week.days:
                present = {s.audience for s in day.steps}
                if not (audiences <= present or "both" in present):
                    raise ValueError(f"week {week.week} day {day.day} lacks a step for {audiences}")
        return self

    def step(self, key: str) -> Step | None:
        for week in self.weeks:
            for step in week.weekly + [s for d in week.days for s in d.steps]:
                if step.key == key:
                    return step
        return None


def for_person(steps, wanted: set[str]) -> list:
    """The steps a person gets from a list: those for their audiences, or else the solo one
    (the rule ``nearer.plans.services`` applies)."""
    chosen = [s for s in steps if s.audience in wanted]
    return chosen or [s for s in steps if s.audience == "solo"]


def _role_label(role: str | None) -> str:
    return f"the partner who is '{role}'" if role else "a linked partner"


def every_person(plans: dict[str, "Plan"]):
    """Every way someone can follow the plans (alone or linked, each role or none, any
    combination of situations), as (situations, who, audiences per situation)."""
    order = [s for s in PRIORITY if s in plans]
    for size in range(1, len(order) + 1):
        for sits in combinations(order, size):
            role_options = [[None, *plans[s].roles] if plans[s].roles else [None] for s in sits]
            yield sits, "someone on their own", {s: {"solo"} for s in sits}
            for roles in product(*role_options):
                who = ", ".join(
                    _role_label(r) + f" ({s})" for s, r in zip(sits, roles, strict=True) if r
                )
                wanted = {
                    s: {"both", r} if r else {"both"} for s, r in zip(sits, roles, strict=True)
                }
                yield sits, who or "a linked partner", wanted


def budget_problems(plans: dict[str, "Plan"]) -> list[str]:
    """Every person in ``every_person``, week by week as the combined-plan rule rotates the
    plans, checked against the time budget. Each problem names the plans, the person, the
    week and day."""
    problems = []
    for sits, who, wanted in every_person(plans):
        problems += _person_budget(plans, sits, who, wanted)
    return list(dict.fromkeys(problems))


def week_problems(days, weekly) -> list[str]:
    """What breaks the time budget in one person's week. ``days`` holds the seven days as
    (where, steps) pairs and ``weekly`` the (where, steps) the person gets that week; each
    problem reads on from "week N" (the caller names the plan, the person and the week)."""
    problems = []
    daily_total = 0
    for number, (where, steps) in enumerate(days, start=1):
        minutes = sum(s.minutes for s in steps)
        daily_total += minutes
        if minutes > DAILY_BUDGET:
            problems.append(
                f" day {number}{where} takes {minutes} minutes; at most {DAILY_BUDGET} a day"
            )
    weekly_where, weekly_steps = weekly
    for step in weekly_steps:
        if step.minutes > DAILY_BUDGET:
            problems.append(
                f"'s weekly step {step.key}{weekly_where} takes {step.minutes} minutes; at most "
                f"{DAILY_BUDGET} in one sitting"
            )
    weekly_total = sum(s.minutes for s in weekly_steps)
    if daily_total + weekly_total > WEEKLY_BUDGET:
        problems.append(
            f" takes {daily_total + weekly_total} minutes ({daily_total} in daily steps, "
            f"{weekly_total} in weekly steps); at most {WEEKLY_BUDGET} a week"
        )
    return problems


def person_weeks(plans, sits, wanted):
    """Each week of one person's combined plan as (days, weekly), in ``week_problems``'s
    shape: day *n* from situation ``n mod k``, week *w*'s weekly steps from ``w mod k``
    (the rule ``nearer.plans.services.steps_for_day`` applies)."""
    for week in range(WEEKS):
        weekly_sit = sits[week % len(sits)]
        weekly = for_person(plans[weekly_sit].weeks[week].weekly, wanted[weekly_sit])
        days = []
        for day in range(DAYS):
            sit = sits[(week * DAYS + day) % len(sits)]
            steps = for_person(plans[sit].weeks[week].days[day].steps, wanted[sit])
            days.append((f" ({sit})", steps))
        yield days, (f" ({weekly_sit})", weekly)


def _person_budget(plans, sits, who, wanted) -> list[str]:
    name = " + ".join(sits)
    return [
        f"plan {name}, {who}: week {week}{problem}"
        for week, (days, weekly) in enumerate(person_weeks(plans, sits, wanted), start=1)
        for problem in week_problems(days, weekly)
    ]


class PlanError(Exception):
    def __init__(self, problems):
        super().__init__("\n".join(problems))
        self.problems = problems


def read_plans(root: Path, library_keys: set[str] | None = None) -> dict[str, Plan]:
    plans, problems = {}, []
    for path in source_files(root / "plans"):
        source = str(path.relative_to(root))
        try:
            plan = Plan.model_validate(yamltext.load(path.read_text(encoding="utf-8")))
        except yaml.YAMLError as exc:
            problems.append(f"{source}: not valid YAML: {exc}")
            continue
        except ValidationError as exc:
            for error in exc.errors():
                where = ".".join(str(p) for p in error["loc"]) or "plan"
                problems.append(f"{source}: {where}: {error['msg']}")
            continue
        if plan.situation in plans:
            problems.append(f"{source}: a second plan for {plan.situation}")
        if library_keys is not None:
            for week in plan.weeks:
                for step in week.weekly + [s for d in week.days for s in d.steps]:
                    if step.item and step.item not in library_keys:
                        problems.append(f"{source}: step {step.key}: no library item {step.item}")
        plans[plan.situation] = plan
    if not problems:
        problems = budget_problems(plans)
    if problems:
        raise PlanError(problems)
    return plans


@cache
def english_plans() -> dict[str, Plan]:
    return read_plans(Path(settings.NEARER_CONTENT_DIR))


def all_plans() -> dict[str, Plan]:
    """Every plan, in the active language."""
    return plans_in(active_language())


def plan_texts(raw: dict) -> tuple[dict[str, dict], dict[str, tuple]]:
    """What a translation of a plan file may name, with the English of each, and the fields
    each one translates: the plan by its id, a week as ``week-<n>``, a step by its key."""
    english = {raw["id"]: raw}
    fields = {raw["id"]: ("title", "summary")}
    for week in raw["weeks"]:
        english[f"week-{week['week']}"] = week
        fields[f"week-{week['week']}"] = ("focus",)
        for step in week["weekly"] + [s for day in week["days"] for s in day["steps"]]:
            english[step["key"]], fields[step["key"]] = step, ("title", "why")
    return english, fields


def read_plan_translation(source: Path, language: str) -> tuple[dict, list[str]]:
    """(id -> translated fields, problems) for the translation of one plan file."""
    path = translation_path(source, language)
    if not path.exists():
        return {}, []
    label = f"plans/{path.name}"
    try:
        english, fields = plan_texts(read_yaml(source))
        found, problems = check_entries(read_yaml(path), label, english, fields)
    except (OSError, yaml.YAMLError, KeyError, TypeError) as exc:
        return {}, [f"{label}: {exc}"]
    table = {key: {n: e[n] for n in fields[key] if n in e} for key, e in found.items()}
    try:
        Plan.model_validate(translated(read_yaml(source), table))
    except ValidationError as exc:
        problems += [f"{label}: {'.'.join(map(str, e['loc']))}: {e['msg']}" for e in exc.errors()]
    return table, problems


def translated(raw: dict, table: dict[str, dict]) -> dict:
    """A plan file's data with the translated texts in place."""
    raw = copy.deepcopy(raw)
    raw.update(table.get(raw["id"], {}))
    for week in raw["weeks"]:
        week.update(table.get(f"week-{week['week']}", {}))
        for step in week["weekly"] + [s for day in week["days"] for s in day["steps"]]:
            step.update(table.get(step["key"], {}))
    return raw


def plan_translation_problems(root: Path) -> list[str]:
    """Every problem in the plans' translation files (``load_library`` refuses them)."""
    problems = []
    for source in source_files(root / "plans"):
        for candidate in sorted(source.parent.glob(f"{source.stem}.*.yaml")):
            name = TRANSLATION_NAME.match(candidate.name)
            if name and name["stem"] == source.stem:
                problems += read_plan_translation(source, name["language"])[1]
    return problems


@cache
def plans_in(language: str) -> dict[str, Plan]:
    """The plans with the texts of ``language`` where translated, read once per process.
    A translation with a problem (``load_library`` refuses those) is left out: English."""
    plans = english_plans()
    if not language or language == "en":
        return plans
    plans = dict(plans)
    for source in source_files(Path(settings.NEARER_CONTENT_DIR) / "plans"):
        table, problems = read_plan_translation(source, language)
        if problems:
            logger.warning("plan translation problems: %s", "; ".join(problems))
        elif table:
            plan = Plan.model_validate(translated(read_yaml(source), table))
            plans[plan.situation] = plan
    return plans
