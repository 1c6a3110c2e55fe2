from nearer import registry
from nearer.cycle.models import CycleMap, Episode

registry.register(
    Episode,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("content", "words"),
    section="cycle_episodes",
    label="Our cycle: your episodes",
)
registry.register(
    CycleMap,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("content",),
    section="cycle_map",
    label="Our cycle: your map",
)
