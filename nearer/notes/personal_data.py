from nearer import registry
from nearer.notes.models import Appreciation, Note

registry.register(
    Note,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("text",),
    section="notes",
    label="Love notes",
    also_points_at=("recipient",),
)
registry.register(
    Appreciation,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("text",),
    section="appreciations",
    label="Appreciations",
)
