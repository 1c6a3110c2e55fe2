from django.core.management.base import BaseCommand
from django.db.models import Count

from nearer.library.models import Item, Kind


class Command(BaseCommand):
    help = "Print how many current items the library holds, per kind."

    def handle(self, *args, **options):
        counts = dict(Item.objects.current().values_list("kind").annotate(n=Count("id")))
        for kind in Kind:
            self.stdout.write(f"{kind.label:<24} {counts.get(kind.value, 0):>5}")
        self.stdout.write(f"{'Total':<24} {sum(counts.values()):>5}")
        retired = Item.objects.filter(retired_at__isnull=False).count()
        self.stdout.write(f"{'Retired (kept for history)':<24} {retired:>5}")
