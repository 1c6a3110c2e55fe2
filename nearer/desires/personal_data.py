from nearer import registry
from nearer.desires.models import Answer

registry.register(
    Answer,
    owner="author",
    rule=registry.Rule.OWNER_ONLY,
    encrypted=("choice",),
    section="desires",
    label="Desires: your private answers",
)
