"""The desires list: private answers, and the one thing ever shown to both partners.

The mutual rule: an item appears for the couple only when *both* marked it yes or maybe.
Nothing else about a partner's answers leaves this module: not a "no", not a count, not
whether or when they answered. So when one person answers, nothing on the other's side
changes, unless that answer completes a shared yes/maybe, which both then see.
"""

from django.db import transaction
from django.utils import timezone

from nearer.couples.services import state_of
from nearer.desires.models import Answer, Choice
from nearer.library.models import Item

OPEN = frozenset({Choice.YES, Choice.MAYBE})


class NotOnTheList(Exception):
    pass


def the_list():
    return Item.objects.current().filter(kind="desire").order_by("key")


def answers_of(user) -> dict[int, str]:
    """{item id: choice} for one person's own answers."""
    return {a.item_id: a.choice for a in Answer.objects.owned_by(user).select_related("author")}


@transaction.atomic
def answer(user, item_key: str, choice: str) -> None:
    """Set, change or (with choice "") clear one's own answer to one item."""
    item = the_list().filter(key=item_key).first()
    if item is None or (choice and choice not in Choice.values):
        raise NotOnTheList(item_key)
    if not choice:
        Answer.objects.owned_by(user).filter(item=item).delete()
        return
    existing = Answer.objects.owned_by(user).filter(item=item).first()
    row = existing or Answer(author=user, item=item)
    if existing is not None and existing.choice == choice:
        return
    row.choice = choice
    row.updated_at = timezone.now()
    row.save()


def answer_many(user, choices: dict[str, str]) -> int:
    """Apply {item key: choice} from the form; unknown keys and values are ignored.
    Returns how many were applied."""
    applied = 0
    for key, choice in choices.items():
        try:
            answer(user, key, choice)
            applied += 1
        except NotOnTheList:
            continue
    return applied


def gentle_mode_on(user) -> bool:
    """Whether either partner has gentle mode on: then the shared list is hidden.

    Gentle mode lives in ``nearer.couples.shared`` (the safety work); until that is merged
    this branch has no gentle mode to ask, and the list is never hidden by it.
    """
    try:
        from nearer.couples.shared import context_for  # noqa: PLC0415 - MERGE: see docstring
    except ImportError:
        return False
    return bool(context_for(user).gentle)


def together(user) -> list[Item]:
    """Items both partners marked yes or maybe, for either of them; [] without a partner."""
    partner = state_of(user).partner
    if partner is None:
        return []
    mine, theirs = answers_of(user), answers_of(partner)
    return [i for i in the_list() if mine.get(i.pk) in OPEN and theirs.get(i.pk) in OPEN]
