from nearer import registry
from nearer.reminders.models import Preference, PushSubscription, Reminder, Shown

registry.register(
    Preference,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    section="reminder_preferences",
    label="What Nearer reminds me of, and when",
)
registry.register(
    Reminder,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    section="reminders",
    label="Reminders",
)
registry.register(
    PushSubscription,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    section="push_devices",
    label="Devices that receive notifications",
)
registry.register(
    Shown,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    section="whats_new_shown",
    label="What's new items already shown to me",
)
