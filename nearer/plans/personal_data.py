from nearer import registry
from nearer.plans.models import Enrollment, Intake

registry.register(
    Intake,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    encrypted=("situations", "roles", "shared_situations", "lives", "hopes"),
    section="plan",
    label="Your situation",
)
registry.register(
    Enrollment,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    encrypted=("situations",),
    section="plan",
    label="Plans",
)
