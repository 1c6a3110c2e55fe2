"""``manage.py seed_scale --couples N``: N couples with a year of activity, for benchmarks."""

from django.core.management.base import BaseCommand, CommandError

from nearer.core import scale


class Command(BaseCommand):
    help = "Create N couples with a year of realistic activity (bulk inserts; for benchmarks)."

    def add_arguments(self, parser):
        parser.add_argument("--couples", type=int, required=True)
        parser.add_argument("--batch", type=int, default=200, help="couples per transaction")
        parser.add_argument("--days", type=int, default=365, help="days of history")
        parser.add_argument("--seed", type=int, default=1, help="random seed")

    def handle(self, *args, couples, batch, days, seed, **options):
        if couples < 1 or batch < 1 or days < 30:
            raise CommandError("--couples and --batch must be at least 1, --days at least 30.")

        def progress(done):
            rate = done.total / done.seconds if done.seconds else 0
            self.stdout.write(
                f"{done.couples:>8} couples  {done.total:>10} rows  {done.seconds:7.1f} s"
                f"  {rate:9.0f} rows/s"
            )

        try:
            done = scale.seed(couples, batch=batch, days=days, seed_value=seed, progress=progress)
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        rate = done.total / done.seconds if done.seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {done.couples} couples, {done.total} rows in {done.seconds:.1f} s "
                f"({rate:.0f} rows/s). Every account's password: {scale.PASSWORD}"
            )
        )
        for name, n in done.rows.items():
            self.stdout.write(f"  {name:<16} {n:>10}")
