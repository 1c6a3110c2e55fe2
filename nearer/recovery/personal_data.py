from nearer import registry
from nearer.recovery.models import Counter, Session

registry.register(
    Counter,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("label", "since_iso"),
    section="recovery_counters",
    label="Recovery: milestone counters",
)
registry.register(
    Session,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("note",),
    section="recovery_sessions",
    label="Recovery: support and counselling sessions",
)
