from django.conf import settings
from django.core.management.base import BaseCommand

from nearer.datarights import services


class Command(BaseCommand):
    help = (
        "Re-wrap every data key and every server-encrypted value (invite links) under the "
        "newest server key. Put the new key first in NEARER_SERVER_KEY (comma-separated, "
        "newest first), run this, then remove the old key."
    )

    def handle(self, *args, **options):
        if len(settings.NEARER_SERVER_KEYS) == 1:
            self.stdout.write(
                "Only one server key is configured, so everything is re-wrapped under that "
                "same key. To rotate, set NEARER_SERVER_KEY=<new key>,<old key> first."
            )
        counts = services.rotate_server_key()
        for what, number in counts.items():
            self.stdout.write(f"{what}: {number} re-wrapped")
        self.stdout.write(
            self.style.SUCCESS("Done. The older keys can now be removed from NEARER_SERVER_KEY.")
        )
