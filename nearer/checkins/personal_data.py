from nearer import registry
from nearer.checkins.models import CheckIn, Meeting, MeetingPrep

registry.register(
    CheckIn,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("word",),
    section="checkins",
    label="Check-ins",
)
registry.register(
    MeetingPrep,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("content",),
    section="state_of_us_preparation",
    label="State of us: your preparation",
)
registry.register(
    Meeting,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("content",),
    section="state_of_us",
    label="State of us meetings",
)
