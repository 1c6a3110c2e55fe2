"""What a valid content item looks like, one pydantic model per kind.

The loader validates every item against these before anything touches the database, so
a typo in a YAML file stops the load with the file and item id instead of half-loading.
"""

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

Situation = Literal[
    "all", "new_parents", "many_years", "after_betrayal", "long_distance", "recovery", "general"
]
SITUATIONS = [s for s in Situation.__args__ if s != "all"]
Role = Literal["hurt", "was_hurt", "in_recovery", "supporting"]
# Parts of a couple's life that are not a season with a plan. An item carrying one is written
# for couples who share that life (shared surfaces show it only to them).
Life = Literal[
    "parents", "caregiving", "fertility_and_loss", "blended_family", "child_free", "later_life"
]
LIVES = list(Life.__args__)
Theme = Literal[
    "memories", "dreams", "fears", "appreciation", "fun", "values", "future", "intimacy",
    "growth", "everyday", "family", "friendship", "work", "play", "body", "gratitude",
    "repair", "trust", "distance", "recovery", "parenting-self",
]  # fmt: skip

Text = Field(min_length=3, max_length=600)


class Base(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z]-[a-z0-9-]+$", max_length=80)
    situations: list[Situation] = Field(default_factory=list)
    lives: list[Life] = Field(default_factory=list)
    # Touches desire, touch, being chosen or tests of trust: kept off shared surfaces while
    # either partner has gentle mode on.
    tender: bool = False
    # Assumes the two live under one roof ("when we get home…").
    shared_home: bool = False

    @field_validator("situations")
    @classmethod
    def all_stands_alone(cls, value):
        if "all" in value and len(value) > 1:
            raise ValueError("use either [all] or specific situations, not both")
        return value


class Question(Base):
    text: str = Text
    depth: Literal["light", "meaningful", "deep"]
    themes: list[Theme] = Field(min_length=1)
    kids_and_chores_free: bool

    @field_validator("text")
    @classmethod
    def is_a_question(cls, value):
        if not value.rstrip().endswith("?"):
            raise ValueError("a question ends with '?'")
        return value


class DateIdea(Base):
    title: str = Field(min_length=3, max_length=120)
    summary: str = Text
    setting: Literal["home", "out", "virtual"]
    cost: Literal["free", "low", "medium", "high"]
    minutes: int = Field(gt=0, le=24 * 60)
    energy: Literal["low", "medium", "high"]
    novelty: bool
    after_bedtime: bool
    steps: list[str] = Field(min_length=2, max_length=8)
    # A gentler version (energy: low) of a high-energy date: its id. Tagged gentle_of:<id>.
    gentle_version_of: str = Field(default="", pattern=r"^(d-[a-z0-9-]+)?$")


class NoteStarter(Base):
    text: str = Text
    kind: Literal["note", "compliment", "morning", "thanks"]


class Prompt(Base):
    text: str = Text
    kind: Literal["journal", "reflection"]
    themes: list[Theme] = Field(default_factory=list)
    solo: bool = False
    roles: list[Role] = Field(default_factory=list)


class Exercise(Base):
    title: str = Field(min_length=3, max_length=120)
    summary: str = Field(min_length=10, max_length=1200)
    minutes: int = Field(gt=0, le=240)
    method: str = Field(min_length=3, max_length=80)
    # Where the approach comes from: a book or paper a curious reader can find.
    citation: str = Field(default="", max_length=300)
    mode: Literal["together", "solo"]
    vulnerable: bool
    steps: list[str] = Field(min_length=2, max_length=12)
    roles: list[Role] = Field(default_factory=list)


class Desire(Base):
    """A way to be close, for the private yes / maybe / no list (nearer/desires)."""

    text: str = Field(min_length=3, max_length=160)
    area: Literal["words", "touch", "time", "play", "care", "adventure"]

    @field_validator("tender")
    @classmethod
    def always_tender(cls, value):
        if not value:
            raise ValueError("every desire is tender: set tender: true")
        return value


class Faq(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^f-[a-z0-9-]+$", max_length=80)
    question: str = Field(min_length=5, max_length=200)
    answer: str = Field(min_length=40, max_length=3000)
    topics: list[str] = Field(default_factory=list)


# folder under content/ -> (kind, schema)
KINDS = {
    "questions": ("question", Question),
    "dates": ("date", DateIdea),
    "notes": ("note", NoteStarter),
    "prompts": ("prompt", Prompt),
    "exercises": ("exercise", Exercise),
    "faq": ("faq", Faq),
    "desires": ("desire", Desire),
}
