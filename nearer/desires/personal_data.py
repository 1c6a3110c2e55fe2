from nearer import registry
from nearer.desires.models import Answer, Choice


def _example_answer(user, marker):
    """A valid choice (the export shows its label) on a way to be close."""
    from nearer.library.models import Item
    from nearer.testing import make_related

    answer = Answer(author=user, item=make_related(Item, user, f"{marker}-item"))
    answer.choice = Choice.MAYBE
    answer.save()
    return answer


registry.register(
    Answer,
    owner="author",
    rule=registry.Rule.OWNER_ONLY,
    encrypted=("choice",),
    section="desires",
    example=_example_answer,
    label="Desires: your private answers",
)
