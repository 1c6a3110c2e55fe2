from nearer import registry
from nearer.dreams.models import Dream, Goal, GoalStep, Hold

registry.register(
    Dream,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("text",),
    section="dreams",
    label="Dreams",
)
registry.register(
    Hold,
    owner="author",
    rule=registry.Rule.AUTHORED,
    section="dreams_held",
    label="Dreams you hold too",
)
registry.register(
    Goal,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("title",),
    section="goals",
    label="Goals",
)
registry.register(
    GoalStep,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("text",),
    section="goal_steps",
    label="Goal steps",
)
