from nearer import registry
from nearer.timeline.models import Moment, Photo

registry.register(
    Moment, owner="author", rule=registry.Rule.AUTHORED, section="timeline", label="Timeline"
)
registry.register(
    Photo,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("data",),
    section="timeline_photos",
    label="Timeline photos",
)
