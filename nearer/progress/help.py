"""When Nearer gently suggests professional help: every rule, with its reason, in one list.

Each rule looks at what this one person has told Nearer (never at their partner's private
answers) and, when it applies, suggests couples therapy or individual support. A suggestion
is only ever a suggestion: nothing is blocked, hidden or delayed because of it. The CSI-4's
published cut-off is used here, and only here; no one is ever shown a label.

Safety comes first: when the person's own safety check signals danger, couples therapy is
not suggested at all (it can put someone at risk when their partner hurts or frightens
them) and individual support is.

To add a rule, append a :class:`Rule` to ``RULES``; it reads what it needs from
:class:`Facts` (add a cached property there for new information).
"""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from functools import cached_property

from django.utils.translation import gettext_lazy as _

from nearer.plans.models import Enrollment
from nearer.plans.services import intake_of
from nearer.progress import services
from nearer.progress.measure import csi4
from nearer.safety import services as safety

COUPLES = "couples"
INDIVIDUAL = "individual"

# "Over several months": the answers a low or falling rule looks at must span this long.
SEVERAL_MONTHS = timedelta(days=55)
FALL_POINTS = 4  # a fall of this many points (of 21) is more than everyday wobble


class Facts:
    """What the rules may look at, each read once, only when a rule asks for it."""

    def __init__(self, user):
        self.user = user

    @cached_property
    def in_danger(self) -> bool:
        return safety.in_danger(self.user)

    @cached_property
    def csi(self) -> list:
        """The person's own CSI-4 answers over the last year: (taken_at, score), oldest first."""
        return services.results(self.user)[-12:]

    @cached_property
    def situations(self) -> set[str]:
        enrollment = Enrollment.objects.filter(user=self.user, ended_at__isnull=True).first()
        intake = intake_of(self.user)
        chosen = set(enrollment.situations if enrollment else [])
        return chosen | set(intake.situations if intake else [])


def _low_for_months(facts: Facts) -> bool:
    """Every answer in the last several months is under the published cut-off, and there
    are at least two of them, that far apart."""
    if len(facts.csi) < 2:
        return False
    latest = facts.csi[-1][0]
    recent = [(when, s) for when, s in facts.csi if latest - when <= SEVERAL_MONTHS * 2]
    spans = recent[-1][0] - recent[0][0] >= SEVERAL_MONTHS
    return len(recent) >= 2 and spans and all(s < csi4().cutoff for _w, s in recent)


def _falling(facts: Facts) -> bool:
    """The latest answer is well below the best of the previous few months, and the one
    before it was already lower: a fall that lasts, not a single bad day."""
    if len(facts.csi) < 3:
        return False
    (first_at, _first), *_middle, (last_at, last) = facts.csi[-4:]
    earlier = [s for _w, s in facts.csi[-4:-1]]
    return (
        last_at - first_at >= SEVERAL_MONTHS
        and max(earlier) - last >= FALL_POINTS
        and earlier[-1] < max(earlier)
    )


@dataclass(frozen=True)
class Rule:
    key: str
    suggests: str  # COUPLES or INDIVIDUAL
    title: str
    reason: str
    applies: Callable[[Facts], bool]


RULES = [
    Rule(
        key="danger",
        suggests=INDIVIDUAL,
        title=_("Talk to someone on your own"),
        reason=_(
            "Your own safety check suggested you may not always feel safe. Support that is "
            "just for you comes first; couples therapy is not the right place to start when "
            "one partner is afraid of the other, so Nearer does not suggest it then."
        ),
        applies=lambda facts: facts.in_danger,
    ),
    Rule(
        key="csi-low",
        suggests=COUPLES,
        title=_("Consider seeing a couples therapist"),
        reason=_(
            "Your own CSI-4 answers have stayed low across several months. A sustained low "
            "is a common point at which couples find a therapist helpful."
        ),
        applies=_low_for_months,
    ),
    Rule(
        key="csi-falling",
        suggests=COUPLES,
        title=_("Consider seeing a couples therapist"),
        reason=_(
            "Your own CSI-4 answers have fallen over several months. Noticing a fall early "
            "is when outside help can do the most."
        ),
        applies=_falling,
    ),
    Rule(
        key="betrayal",
        suggests=COUPLES,
        title=_("A therapist can help you both heal"),
        reason=_(
            "You chose the season after a betrayal. Rebuilding trust is hard work, and "
            "couples therapy is one of the steps most often recommended for it."
        ),
        applies=lambda facts: "after_betrayal" in facts.situations,
    ),
    Rule(
        key="recovery",
        suggests=COUPLES,
        title=_("Counselling and support groups, together"),
        reason=_(
            "You chose the recovery season. Counselling and support groups, attended "
            "together where you can, support recovery alongside what you do here."
        ),
        applies=lambda facts: "recovery" in facts.situations,
    ),
]


@dataclass(frozen=True)
class Suggestion:
    rule: Rule

    @property
    def key(self):
        return self.rule.key


def suggestions_for(user, rules=None) -> list[Suggestion]:
    """The suggestions that apply to ``user`` now (at most one of each kind)."""
    facts = Facts(user)
    found, kinds = [], set()
    for rule in rules if rules is not None else RULES:
        if rule.suggests == COUPLES and facts.in_danger:
            continue
        if rule.suggests in kinds or not rule.applies(facts):
            continue
        kinds.add(rule.suggests)
        found.append(Suggestion(rule))
    return found


def applying_rules(user) -> set[str]:
    """Every rule that applies, for the help page and tests (danger still silences couples
    rules)."""
    facts = Facts(user)
    return {
        rule.key
        for rule in RULES
        if not (rule.suggests == COUPLES and facts.in_danger) and rule.applies(facts)
    }
