from nearer import registry
from nearer.safety.models import GentleMode, SafetyCheck

registry.register(
    SafetyCheck,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    encrypted=("answers", "signals_danger"),
    section="safety_checks",
    label="Safety checks",
)
registry.register(
    GentleMode,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    section="gentle_mode",
    label="Gentle mode",
)
