from nearer import registry
from nearer.progress.models import Csi4Result, Sharing

registry.register(
    Csi4Result,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    encrypted=("answers",),
    section="csi4_results",
    label="Couples Satisfaction Index (CSI-4) answers",
)
registry.register(
    Sharing,
    owner="user",
    rule=registry.Rule.OWNER_ONLY,
    section="progress_sharing",
    label="What you share of your progress",
)
