from nearer import registry
from nearer.datarights.models import ExportJob

registry.register(
    ExportJob,
    owner="user",
    rule=registry.Rule.NOT_PERSONAL,
    reason=(
        "Bookkeeping of an export request. Its archive (ExportArchive, removed with the job) "
        "is the export itself, encrypted with the person's key, kept until its one download."
    ),
)
