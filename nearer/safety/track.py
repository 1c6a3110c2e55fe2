"""The individual steps shown in place of a plan after a safety check signals danger
(``content/safety/individual_steps.yaml``): read once per process and validated like plan
steps, within the same time budget as a plan (``nearer.plans.definitions.week_problems``).
Their title and why show in the person's language where ``individual_steps.<language>.yaml``
translates them (keyed by step ``key``)."""

from functools import cache
from pathlib import Path

from django.conf import settings
from pydantic import BaseModel, ConfigDict, Field, model_validator

from nearer import yamltext
from nearer.library.translations import active_language, direct_translations
from nearer.plans.definitions import DAYS, WEEKS, Step, week_problems


class IndividualTrack(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    daily: list[Step] = Field(min_length=1)
    weekly: list[Step] = Field(min_length=1)

    @model_validator(mode="after")
    def individual_and_small(self):
        for step in self.daily + self.weekly:
            if step.audience != "solo":
                raise ValueError(f"step {step.key} must be for: solo")
        # Each week as Today shows it (``for_day``), against the plans' one budget rule.
        problems = []
        for week in range(WEEKS):
            days = [("", [self.for_day(week * DAYS + day)[0]]) for day in range(DAYS)]
            weekly = ("", [self.for_day(week * DAYS)[1]])
            problems += [f"week {week + 1}{p}" for p in week_problems(days, weekly)]
        if problems:
            raise ValueError("; ".join(dict.fromkeys(problems)))
        return self

    def for_day(self, index: int) -> tuple[Step, Step]:
        """(daily step, weekly step) for day ``index`` (0-based) of someone's plan."""
        return self.daily[index % len(self.daily)], self.weekly[(index // DAYS) % len(self.weekly)]


def track_path(root: Path) -> Path:
    return root / "safety" / "individual_steps.yaml"


def read_track(root: Path) -> IndividualTrack:
    path = track_path(root)
    return IndividualTrack.model_validate(yamltext.load(path.read_text(encoding="utf-8")))


@cache
def individual_track() -> IndividualTrack:
    return read_track(Path(settings.NEARER_CONTENT_DIR))


def in_active_language(step: Step) -> Step:
    """``step`` with its title and why in the active language, English where untranslated."""
    language = active_language()
    if not language or language == "en":
        return step
    source = track_path(Path(settings.NEARER_CONTENT_DIR))
    text = direct_translations(str(source), language, "safety/individual_steps.yaml").get(step.key)
    return step.model_copy(update=text) if text else step
