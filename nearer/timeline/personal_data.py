from nearer import registry
from nearer.timeline.models import Moment

registry.register(
    Moment, owner="author", rule=registry.Rule.AUTHORED, section="timeline", label="Timeline"
)
