from nearer import registry
from nearer.timeline.models import MilestonePreference, Moment, Photo

registry.register(
    Moment,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("title", "text"),
    section="timeline",
    label="Timeline",
)
registry.register(
    Photo,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("data",),
    section="timeline_photos",
    label="Timeline photos",
)
registry.register(
    MilestonePreference,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    section="timeline_preferences",
    label="Timeline: shared milestones added automatically",
)
