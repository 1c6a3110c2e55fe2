"""``manage.py seed_scale --couples N``: N couples with a year of activity, for benchmarks."""

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from nearer.core import scale


class Command(BaseCommand):
    help = (
        "Create N couples with a year of realistic activity (COPY on PostgreSQL, bulk inserts "
        "elsewhere; for benchmarks). With the engagement mix (default) the first "
        f"{scale.FULL_COUPLES} couples get the full year and the others a full, half or tenth "
        "year (20/30/50 %)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--couples", type=int, required=True)
        parser.add_argument("--batch", type=int, default=200, help="couples per transaction")
        parser.add_argument("--days", type=int, default=365, help="days of history")
        parser.add_argument("--seed", type=int, default=1, help="random seed")
        parser.add_argument(
            "--jobs", type=int, default=1, help="processes seeding side by side (PostgreSQL)"
        )
        parser.add_argument(
            "--mix",
            action="store_true",
            default=True,
            help=f"engagement mix: couples from number {scale.FULL_COUPLES} on get a full, "
            "half or tenth year (20/30/50 %%) (default)",
        )
        parser.add_argument(
            "--no-mix", dest="mix", action="store_false", help="every couple gets the full year"
        )

    def handle(self, *args, couples, batch, days, seed, jobs, mix, **options):
        if couples < 1 or batch < 1 or jobs < 1 or days < 30:
            raise CommandError(
                "--couples, --batch and --jobs must be at least 1, --days at least 30."
            )
        if jobs > 1 and connection.vendor != "postgresql":
            raise CommandError("--jobs above 1 needs PostgreSQL (SQLite takes one writer).")

        def progress(done):
            rate = done.total / done.seconds if done.seconds else 0
            self.stdout.write(
                f"{done.label:>6} {done.couples:>8} couples  {done.total:>10} rows  "
                f"{done.seconds:7.1f} s  {rate:9.0f} rows/s"
            )
            self.stdout.flush()

        try:
            done = scale.seed(
                couples,
                batch=batch,
                days=days,
                seed_value=seed,
                progress=progress,
                jobs=jobs,
                mix=mix,
            )
        except ValueError as exc:
            raise CommandError(str(exc)) from exc
        rate = done.total / done.seconds if done.seconds else 0
        self.stdout.write(
            self.style.SUCCESS(
                f"Created {done.couples} couples, {done.total} rows in {done.seconds:.1f} s "
                f"({rate:.0f} rows/s, {done.per_couple:.0f} rows per couple on average). "
                f"Every account's password: {scale.PASSWORD}"
            )
        )
        for name, n in done.rows.items():
            self.stdout.write(f"  {name:<16} {n:>10}")
