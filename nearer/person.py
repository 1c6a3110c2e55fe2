"""A person's context for one request, resolved once and handed down.

Today alone asks "who is my partner?", "what did I choose at intake?" and "is gentle mode on?"
from the question of the day, the plan, the visibility rules, the news and the shared
surfaces. Each answer is read here, the first time anything asks, and then reused:

* ``couple_state``: the couple space and the partner (``nearer.couples.services.state_of``);
* ``intake``: the private intake, and ``intake_facts``, its values decrypted once;
* ``safety_check`` / ``in_danger``: the latest private safety check;
* ``gentle``: whether this person has gentle mode on;
* ``shared``: what may shape the surfaces both partners see (``nearer.couples.shared``).

The context lives on the user object, so it never outlives the request (every request loads
its user afresh) and never crosses to another person. Whatever changes one of these in the
middle of a request (joining, leaving, a new intake, a safety check, the gentle switch) sets
or forgets it here, and what depends on it is forgotten with it, so the rest of the same
request sees the change. The person's data key is not kept here: ``nearer.crypto`` keeps it
for the request; this context tells crypto which wrapped keys belong to the person and their partner
(both loaded anyway), so that rows read without their author (an intake, a plan, a list of
what the partner shared) need no query to find it.
"""

from dataclasses import dataclass
from functools import cached_property

from nearer import crypto

_ATTR = "_nearer_person"

# What is computed from what: forgetting or setting the key forgets the values after it.
_DEPENDENTS = {
    "couple_state": ("shared",),
    "intake": ("intake_facts", "shared"),
    "safety_check": ("in_danger",),
    "gentle": ("shared",),
}
_ALL = ("couple_state", "intake", "intake_facts", "safety_check", "in_danger", "gentle", "shared")


@dataclass(frozen=True)
class IntakeFacts:
    """An intake's values, decrypted once (the model decrypts on every attribute read)."""

    situations: tuple[str, ...]
    shared_situations: tuple[str, ...]
    lives: tuple[str, ...]
    roles: dict
    living_apart: bool
    minutes_per_day: int


class Person:
    def __init__(self, user):
        self.user = user
        crypto.know(user)

    @cached_property
    def couple_state(self):
        from nearer.couples.services import load_state

        state = load_state(self.user)
        if state.partner is not None:
            crypto.know(state.partner)  # what they share with this person decrypts without a query
        return state

    @property
    def partner(self):
        return self.couple_state.partner

    @cached_property
    def intake(self):
        from nearer.plans.services import load_intakes

        return load_intakes([self.user])[self.user.pk]

    @cached_property
    def intake_facts(self) -> IntakeFacts | None:
        intake = self.intake
        if intake is None:
            return None
        return IntakeFacts(
            situations=tuple(intake.situations),
            shared_situations=tuple(intake.shared_situations),
            lives=tuple(intake.lives),
            roles=dict(intake.roles),
            living_apart=intake.living_apart,
            minutes_per_day=intake.minutes_per_day,
        )

    @cached_property
    def safety_check(self):
        from nearer.safety.models import SafetyCheck

        check = SafetyCheck.objects.latest_for(self.user)
        if check is not None:
            check.user = self.user  # its answers decrypt with the key already at hand
        return check

    @cached_property
    def in_danger(self) -> bool:
        return bool(self.safety_check and self.safety_check.signals_danger)

    @cached_property
    def gentle(self) -> bool:
        from nearer.safety.models import GentleMode

        return GentleMode.objects.owned_by(self.user).filter(on=True).exists()

    @cached_property
    def shared(self):
        from nearer.couples.shared import shared_context

        return shared_context(self)

    def known(self, name: str, default=None):
        """The value if this request already resolved it, else ``default`` (no query)."""
        return self.__dict__.get(name, default)

    def set(self, name: str, value) -> None:
        """What this request just wrote: later questions in the request get it."""
        self.forget(name)
        self.__dict__[name] = value

    def forget(self, *names: str) -> None:
        """Resolve these again when next asked (all of them when none are named)."""
        for name in names or _ALL:
            self.__dict__.pop(name, None)
            for dependent in _DEPENDENTS.get(name, ()):
                self.__dict__.pop(dependent, None)


def of(user) -> Person:
    """The context of this (signed-in) user, created on first use and kept on the object."""
    # getattr/setattr, not the instance dict: request.user is a lazy proxy of the user.
    found = getattr(user, _ATTR, None)
    if found is None:
        found = Person(user)
        setattr(user, _ATTR, found)
    return found


def forget(*users, names: tuple[str, ...] = ()) -> None:
    """Forget what was resolved for these people (everything unless ``names`` says what)."""
    for user in users:
        found = getattr(user, _ATTR, None) if user is not None else None
        if found is not None:
            found.forget(*names)
