from nearer import registry
from nearer.audit.models import SecurityEvent

registry.register(
    SecurityEvent,
    owner="user",
    rule=registry.Rule.ACCOUNT,
    section="security_events",
    label="Security log",
)
