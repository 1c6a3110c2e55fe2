from nearer import registry
from nearer.progress.measure import csi4
from nearer.progress.models import Csi4Result, Sharing


def _example_result(user, marker):
    """Valid answers (the middle option of each item): a result is scored when exported."""
    answers = {item.key: item.max_score // 2 for item in csi4().items}
    return Csi4Result.objects.create(user=user, answers=answers)


registry.register(
    Csi4Result,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    encrypted=("answers",),
    section="csi4_results",
    example=_example_result,
    label="Couples Satisfaction Index (CSI-4) answers",
)
registry.register(
    Sharing,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    section="progress_sharing",
    label="What you share of your progress",
)
