from nearer import registry
from nearer.datarights.models import ExportJob

registry.register(
    ExportJob,
    owner="user",
    rule=registry.Rule.NOT_PERSONAL,
    reason="Bookkeeping of an export request; the archive itself is removed after download.",
)
