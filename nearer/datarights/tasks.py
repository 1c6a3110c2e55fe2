from django.contrib.auth import get_user_model
from django.tasks import task

from nearer.datarights import services
from nearer.datarights.models import ExportJob


@task()
def build_export(job_id: str) -> str:
    job = ExportJob.objects.select_related("user").filter(pk=job_id).first()
    if job is None or job.status != ExportJob.Status.PENDING:
        return "skipped"
    try:
        services.run_export(job)
    except Exception:
        ExportJob.objects.filter(pk=job.pk).update(status=ExportJob.Status.FAILED)
        raise
    return "ready"


@task()
def purge_account(user_id: int) -> bool:
    user = get_user_model().objects.filter(pk=user_id).first()
    return user is not None and services.purge_if_due(user)


@task()
def expire_exports() -> int:
    """Periodic chore (nearer/background/chores.py): remove exports past their 48 hours."""
    return services.expire_exports()


@task()
def purge_due_accounts() -> int:
    """Periodic chore (nearer/background/chores.py): delete accounts past their grace."""
    return services.purge_due_accounts()
