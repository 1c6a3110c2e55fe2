from nearer import registry
from nearer.timeline.models import Moment

registry.register(
    Moment,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("title", "text"),
    section="timeline",
    label="Timeline",
)
