from nearer import registry
from nearer.trust.models import Commitment, FeelingsCheckIn, KeptRecord, Noticed, Statement

registry.register(
    Statement,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("content",),
    section="trust_statement",
    label="Rebuilding trust: accountability statement",
)
registry.register(
    Commitment,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("text",),
    section="trust_commitments",
    label="Rebuilding trust: commitments",
)
registry.register(
    KeptRecord,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("note",),
    section="trust_kept",
    label="Rebuilding trust: commitments kept",
)
registry.register(
    Noticed,
    owner="author",
    rule=registry.Rule.AUTHORED,
    section="trust_noticed",
    label="Rebuilding trust: what you noticed",
)
registry.register(
    FeelingsCheckIn,
    owner="author",
    rule=registry.Rule.OWNER_ONLY,
    encrypted=("content",),
    section="trust_feelings",
    label="Rebuilding trust: your feelings check-ins",
)
