from django.core.management.base import BaseCommand

from nearer.datarights import services


class Command(BaseCommand):
    help = (
        "Delete accounts whose 14-day grace period is over, and expired exports. The worker "
        "does this on schedule; this command is a safety net for cron."
    )

    def handle(self, *args, **options):
        purged = services.purge_due_accounts()
        expired = services.expire_exports()
        self.stdout.write(f"Deleted {purged} account(s); removed {expired} expired export(s).")
