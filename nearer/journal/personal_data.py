from nearer import registry
from nearer.journal.models import Entry

registry.register(
    Entry,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("text", "tags"),
    section="journal",
    label="Journal entries",
)
