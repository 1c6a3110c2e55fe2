from nearer import registry
from nearer.dates.models import (
    CalendarFeed,
    FreeTime,
    IdeaMark,
    Proposal,
    Reflection,
    Series,
    Visit,
)


def _example_feed(user, marker):
    """A real subscription: its token is a secret made by the app, and the export says only
    whether the subscription is active (the address itself is a credential, not content)."""
    from nearer.dates.calendar import regenerate_feed

    return regenerate_feed(user)


registry.register(
    Proposal,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("title", "message"),
    section="dates",
    label="Dates proposed",
    also_points_at=("recipient", "cancelled_by"),
)
registry.register(
    Reflection,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("text",),
    section="date_reflections",
    label="Reflections after dates",
)
registry.register(
    IdeaMark,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    section="date_ideas",
    label="Favourite date ideas and ideas we did",
)
registry.register(
    Series,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("title",),
    section="recurring_time",
    label="Recurring time together, calls and anniversaries",
)
registry.register(
    Visit,
    owner="author",
    rule=registry.Rule.AUTHORED,
    encrypted=("place", "plans"),
    section="visits",
    label="Visits",
)
registry.register(
    FreeTime,
    owner="author",
    rule=registry.Rule.AUTHORED,
    section="free_times",
    label="When I am usually free",
)
registry.register(
    CalendarFeed,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    encrypted=("token",),
    section="calendar_feed",
    example=_example_feed,
    label="Calendar subscription",
)
