from django.core.management.base import BaseCommand
from django.db.models import Count

from nearer.library.models import Item, Kind
from nearer.library.schema import LIVES


class Command(BaseCommand):
    help = "Print how many current items the library holds, per kind and per life."

    def handle(self, *args, **options):
        counts = dict(Item.objects.current().values_list("kind").annotate(n=Count("id")))
        for kind in Kind:
            self.stdout.write(f"{kind.label:<24} {counts.get(kind.value, 0):>5}")
        self.stdout.write(f"{'Total':<24} {sum(counts.values()):>5}")
        for life in LIVES:
            per_kind = dict(
                Item.objects.current()
                .tagged(f"life:{life}")
                .values_list("kind")
                .annotate(n=Count("id"))
            )
            detail = ", ".join(f"{kind} {n}" for kind, n in sorted(per_kind.items()))
            self.stdout.write(f"{'life: ' + life:<24} {sum(per_kind.values()):>5}  ({detail})")
        gentle = Item.objects.current().tagged("gentle_version").count()
        self.stdout.write(f"{'Gentler date versions':<24} {gentle:>5}")
        retired = Item.objects.filter(retired_at__isnull=False).count()
        self.stdout.write(f"{'Retired (kept for history)':<24} {retired:>5}")
