"""Many couples with a year of activity, written with bulk inserts (``manage.py seed_scale``).

For benchmarks and query plans only: every account gets the same password, the texts are
short generated sentences, and nothing here runs in the app. Each couple gets two people
(linked, with an intake), a plan in progress for one of them, a question of the day on about
half of the past year's days with answers from one or both, check-ins, notes both ways,
appreciations, a handful of timeline moments and a few talks. Rows are encrypted exactly as
the app encrypts them (each author's own data key, the same associated data).

Engagement mix (on by default, ``--no-mix`` turns it off): real services have a few heavy
users and many light ones. The first :data:`FULL_COUPLES` couple numbers (the ones the
benchmark signs in as: it takes ``scale-`` users ordered by pk) always get the full year.
The others get the full year, half of it or a tenth of it by their number (see
:data:`MIX`: 20 % / 30 % / 50 %), which averages about 300 rows per couple instead of ~710.

Speed: the tables written per couple's activity (questions of the day, answers, check-ins,
notes, appreciations, moments, talks) are built as plain column values, not model
instances, and on PostgreSQL written with ``COPY`` (``bulk_create`` elsewhere). Each
person's data key is unwrapped once per batch, row ids (``crypto_id``) are time-ordered
(see :func:`ordered_uuid`) and a batch's commit does not wait for the WAL flush. With
``jobs`` > 1 (PostgreSQL only) the first :data:`FULL_COUPLES` couple numbers are seeded
first, alone, so that they keep the lowest pks; the rest is split into ranges seeded by
forked processes, each with its own database connection.
"""

import json
import multiprocessing
import os
import random
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.db import connection, connections, transaction
from django.utils import timezone

from nearer import crypto
from nearer.encrypted import encrypted_attributes

PASSWORD = "bench-password-0451"
EMAIL = "scale-{n}-{who}@example.test"
ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"]
WORDS = [
    *("tea", "walk", "rain", "laugh", "kitchen", "morning", "call", "garden", "train", "song"),
    *("bread", "window", "letter", "quiet", "weekend", "sunset", "coffee", "book", "river"),
    *("patience", "thanks", "promise", "evening"),
]
# The benchmark signs in as the first scale- users by pk: these couples keep the full year.
FULL_COUPLES = 100
# Share of a full year's activity by the last digit of the couple number (with the mix on):
# 2 in 10 full, 3 in 10 half, 5 in 10 a tenth.
MIX = (1.0, 1.0, 0.5, 0.5, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1)


@dataclass
class Seeded:
    couples: int = 0
    rows: dict = field(default_factory=dict)
    seconds: float = 0.0
    label: str = ""  # which job, when several seed side by side

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    @property
    def per_couple(self) -> float:
        return self.total / self.couples if self.couples else 0.0

    def add(self, name: str, n: int):
        self.rows[name] = self.rows.get(name, 0) + n

    def merge(self, other: "Seeded"):
        self.couples += other.couples
        for name, n in other.rows.items():
            self.add(name, n)


def _sentence(rng: random.Random, n: int = 8) -> str:
    return " ".join(rng.choices(WORDS, k=n)).capitalize() + "."


def first_free_number() -> int:
    from nearer.accounts.models import User

    return User.objects.filter(email__startswith="scale-").count() // 2


def engagement(n: int, mix: bool = True) -> float:
    """Share of a full year of activity for couple number ``n``."""
    if not mix or n < FULL_COUPLES:
        return 1.0
    return MIX[n % len(MIX)]


def _share(count: int, level: float) -> int:
    return max(1, round(count * level))


def split(numbers: range, jobs: int) -> list[range]:
    """Contiguous ranges of couple numbers, one per job, their sizes differing by one at most."""
    size, extra = divmod(len(numbers), jobs)
    ranges, first = [], numbers.start
    for job in range(jobs):
        count = size + (job < extra)
        if count:
            ranges.append(range(first, first + count))
        first += count
    return ranges


def seed(  # noqa: PLR0913
    couples: int,
    start: int | None = None,
    batch: int = 200,
    seed_value: int = 1,
    days: int = 365,
    progress=None,
    jobs: int = 1,
    mix: bool = True,
) -> Seeded:
    from nearer.library.models import Item

    questions = list(Item.objects.current().filter(kind="question").values_list("pk", flat=True))
    if not questions:
        raise ValueError("The library is empty: run manage.py load_library first.")
    start = first_free_number() if start is None else start
    numbers = range(start, start + couples)
    options = {"batch": batch, "seed_value": seed_value, "days": days, "mix": mix}
    options |= {"progress": progress, "questions": questions}
    began = time.perf_counter()
    if jobs == 1:
        result = seed_range(numbers, **options)
    else:
        # The couples the benchmark signs in as must get the lowest pks, so they are seeded
        # alone first; parallel jobs would interleave their users with everyone else's.
        head = numbers[: max(0, FULL_COUPLES - start)]
        result = seed_range(head, **options)
        for part in _in_processes(split(numbers[len(head) :], jobs), options):
            result.merge(part)
    result.seconds = time.perf_counter() - began
    return result


def seed_range(
    numbers: range, *, batch, seed_value, days, progress, mix, questions, label=""
) -> Seeded:
    """Seed the couples numbered ``numbers`` in this process, ``batch`` per transaction."""
    rng = random.Random(f"{seed_value}:{numbers.start}")
    password = make_password(PASSWORD)
    result = Seeded(label=label)
    began = time.perf_counter()
    for offset in range(0, len(numbers), batch):
        part = numbers[offset : offset + batch]
        with transaction.atomic():
            _relax_commit()
            _seed_batch(result, part, rng, password, questions, days, mix)
        # Unwrapped keys are cached per thread; a batch's people are not needed again.
        crypto.forget_keys()
        result.couples += len(part)
        result.seconds = time.perf_counter() - began
        if progress:
            progress(result)
    return result


def _relax_commit():
    """On PostgreSQL, commit this transaction without waiting for its WAL flush: a crash
    could lose the last batches of a benchmark seed, never corrupt the database."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _in_processes(ranges: list[range], options: dict) -> list[Seeded]:
    """Seed each range in its own forked process and collect what each one wrote."""
    _close_connections()
    context = multiprocessing.get_context("fork")
    results = context.Queue()
    workers = [
        context.Process(target=_job, args=(results, numbers, {**options, "label": f"job {i + 1}"}))
        for i, numbers in enumerate(ranges)
    ]
    for worker in workers:
        worker.start()
    # Read before joining: a child blocks on exit until its queued result is taken.
    outcomes = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    errors = [o for o in outcomes if isinstance(o, str)]
    if errors:
        raise RuntimeError("A seeding job failed:\n" + "\n".join(errors))
    return outcomes


def _close_connections():
    """Close every connection and connection pool: a forked child must not share the
    parent's sockets, so each one opens its own connection."""
    for conn in connections.all(initialized_only=True):
        conn.close()
        if hasattr(conn, "close_pool"):  # PostgreSQL with a pool (production settings)
            conn.close_pool()


def _job(results, numbers: range, options: dict):
    try:
        results.put(seed_range(numbers, **options))
    except Exception as exc:  # noqa: BLE001 - reported to the parent, which raises
        results.put(f"{numbers}: {exc!r}")
    finally:
        _close_connections()


class Table:
    """Rows of one model as plain column values, without model instances.

    Each row gives ``columns`` in order; the other columns get what ``bulk_create`` would
    write: the time of the batch for ``auto_now`` fields, else the field's default.
    """

    def __init__(self, model, columns: list[str], now: datetime):
        self.model = model
        self.columns = columns
        self.rows: list[tuple] = []
        self.fixed = {}
        for f in model._meta.concrete_fields:
            if f.primary_key or f.attname in columns:
                continue
            if f.unique:  # one default for every row would clash
                raise ValueError(f"{model.__name__}.{f.name} must be given per row.")
            auto = getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False)
            self.fixed[f.attname] = now if auto else f.get_default()

    def add(self, *values):
        self.rows.append(values)

    def write(self) -> int:
        if connection.vendor == "postgresql":
            self._copy()
        else:
            self.model.objects.bulk_create(
                (
                    self.model(**dict(zip(self.columns, row, strict=True), **self.fixed))
                    for row in self.rows
                ),
                batch_size=2000,
            )
        return len(self.rows)

    def _copy(self):
        # The values are plain Python values (str, int, date, aware datetime, UUID, bytes)
        # that psycopg adapts like the parameters of bulk_create's INSERT.
        meta, quote = self.model._meta, connection.ops.quote_name
        column_of = {f.attname: f.column for f in meta.concrete_fields}
        names = [*self.columns, *self.fixed]
        columns = ", ".join(quote(column_of[n]) for n in names)
        fixed = tuple(self.fixed.values())
        with connection.cursor() as cursor:
            sql = f"COPY {quote(meta.db_table)} ({columns}) FROM STDIN"
            with cursor.cursor.copy(sql) as copy:
                for row in self.rows:
                    copy.write_row(row + fixed)


def ordered_uuid() -> uuid.UUID:
    """A random UUID whose first 48 bits are the time in ms (the UUIDv7 layout).

    The app names rows with ``uuid4``; any unique UUID binds a ciphertext alike. Time first,
    millions of new rows land at the right end of each table's unique ``crypto_id`` index
    instead of all over it, which keeps the load from slowing down as the index outgrows
    the database's cache.
    """
    value = (time.time_ns() // 1_000_000) << 80 | int.from_bytes(os.urandom(10))
    value = value & ~(0xF << 76) | 0x7 << 76  # version 7
    value = value & ~(0x3 << 62) | 0x2 << 62  # RFC 4122 variant
    return uuid.UUID(int=value)


class Sealer:
    """Seals one encrypted attribute like ``encrypted.seal`` does: the author's data key,
    bound to the table, the row's ``crypto_id`` (a new one unless given) and the column."""

    def __init__(self, model, attribute: str):
        described = encrypted_attributes(model)[attribute]
        self.table = model._meta.db_table
        self.column = described.column
        self.kind = described.kind

    def __call__(self, key: crypto.DataKey, value, crypto_id=None) -> tuple[uuid.UUID, bytes]:
        crypto_id = crypto_id or ordered_uuid()
        plain = value if self.kind is str else json.dumps(value)
        aad = crypto.bound_to(self.table, crypto_id, self.column)
        return crypto_id, crypto.seal(key, plain.encode(), aad)


def _seed_batch(result, numbers, rng, password, questions, days, mix):  # noqa: PLR0915
    from allauth.account.models import EmailAddress

    from nearer.accounts.models import User
    from nearer.couples.models import Couple, Membership
    from nearer.plans.models import Enrollment, Intake, StepLog

    now = timezone.now()
    today = now.date()
    joined = now - timedelta(days=days)

    users = []
    for n in numbers:
        zone = rng.choice(ZONES)
        for who in "ab":
            users.append(
                User(
                    email=EMAIL.format(n=n, who=who),
                    display_name=f"{who.upper()}{n}",
                    time_zone=zone,
                    password=password,
                    date_joined=joined,
                    wrapped_key=crypto.new_wrapped_key(),
                )
            )
    users = User.objects.bulk_create(users)
    result.add("users", len(users))
    EmailAddress.objects.bulk_create(
        EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users
    )
    result.add("email addresses", len(users))
    pairs = list(zip(users[::2], users[1::2], strict=True))
    couples = Couple.objects.bulk_create(Couple(created_at=joined) for _ in pairs)
    result.add("couples", len(couples))
    Membership.objects.bulk_create(
        Membership(couple=c, user=u, joined_at=joined)
        for c, pair in zip(couples, pairs, strict=True)
        for u in pair
    )
    result.add("memberships", 2 * len(pairs))

    situations = ["long_distance", "many_years", "new_parents", "general"]
    Intake.objects.bulk_create(Intake(user=u, situations=[rng.choice(situations)]) for u in users)
    result.add("intakes", len(users))
    enrollments = Enrollment.objects.bulk_create(
        Enrollment(
            user=a,
            situations=["many_years"],
            started_on=today - timedelta(days=18),
            created_at=now - timedelta(days=18),
        )
        for a, _b in pairs
    )
    result.add("plans", len(enrollments))
    # The step is sealed to its row like every encrypted attribute; the app finds it again
    # through the digest keyed with the person's data key.
    logs = [
        StepLog(
            enrollment=e,
            step=f"many_years:bench-{d}",
            step_digest=StepLog.digest(e.user, f"many_years:bench-{d}"),
            status="done",
            day=d,
        )
        for e in enrollments
        for d in range(0, 18, 2)
    ]
    StepLog.objects.bulk_create(logs)
    result.add("plan steps", len(logs))

    # Each person's key is unwrapped once here (the rows above already cached it).
    keys = {u.pk: crypto.key_for(u) for u in users}
    activity = [
        (couple, pair, engagement(n, mix))
        for n, couple, pair in zip(numbers, couples, pairs, strict=True)
    ]
    context = _Context(rng, today, now, days, keys)
    _seed_questions(result, context, activity, questions)
    _seed_entries(result, context, activity)


@dataclass
class _Context:
    rng: random.Random
    today: object
    now: datetime
    days: int
    keys: dict

    def at(self, day_back: int) -> datetime:
        """A time of day between 6:00 and 22:59 (UTC), ``day_back`` days ago."""
        day = datetime.combine(self.today - timedelta(days=day_back), datetime.min.time(), UTC)
        return day + timedelta(minutes=self.rng.randrange(6 * 60, 23 * 60))


def _seed_questions(result, context, activity, questions):
    """A question of the day on about half of the days, answered by one or both."""
    from nearer.questions.models import Answer, DailyQuestion

    rng, today, days = context.rng, context.today, context.days
    dailies = Table(DailyQuestion, ["space", "day", "item_id"], context.now)
    for couple, _pair, level in activity:
        # Today's question is always there: the benchmark answers it.
        count = min(len(questions), _share(days // 2, level) + 1)
        picked = rng.sample(questions, count)
        day_backs = sorted(rng.sample(range(1, days), count - 1)) + [0]
        for back, item in zip(day_backs, picked, strict=True):
            dailies.add(f"c{couple.pk}", today - timedelta(days=back), item)
    result.add("daily questions", dailies.write())
    # COPY returns no ids: read them back to link the answers.
    spaces = {f"c{couple.pk}" for couple, _pair, _level in activity}
    asked = DailyQuestion.objects.filter(space__in=spaces).values_list("pk", "space", "day")
    by_space = {}
    for pk, space, day in asked.order_by("pk"):
        by_space.setdefault(space, []).append((pk, day))

    seal = Sealer(Answer, "text")
    columns = ["question_id", "author_id", "couple_id", "visibility", "mutual_key"]
    answers = Table(Answer, [*columns, "created_at", "crypto_id", "text_encrypted"], context.now)
    for couple, (a, b), _level in activity:
        for pk, day in by_space[f"c{couple.pk}"]:
            if day == today:
                continue  # today's question is still open: the benchmark answers it
            for person in (a, b):
                if rng.random() < 0.6:
                    when = context.at((today - day).days)
                    crypto_id, text = seal(context.keys[person.pk], _sentence(rng, 12))
                    answers.add(
                        pk, person.pk, couple.pk, "mutual", f"qotd:{pk}", when, crypto_id, text
                    )
    result.add("answers", answers.write())


def _seed_entries(result, context, activity):  # noqa: PLR0915
    """Check-ins, notes and appreciations both ways, moments and talks."""
    from nearer.checkins.models import CheckIn
    from nearer.notes.models import Appreciation, Note
    from nearer.talks.models import Talk
    from nearer.timeline.models import Moment

    rng, today, days, now, keys = (
        context.rng,
        context.today,
        context.days,
        context.now,
        context.keys,
    )
    authored = ["author_id", "couple_id", "visibility", "created_at", "crypto_id"]
    checkins = Table(CheckIn, [*authored, "day", "mood", "connection", "word_encrypted"], now)
    notes = Table(
        Note, [*authored, "recipient_id", "deliver_at", "delivered_at", "text_encrypted"], now
    )
    thanks = Table(Appreciation, [*authored, "text_encrypted"], now)
    moments = Table(Moment, [*authored, "happened_on", "title_encrypted", "text_encrypted"], now)
    talks = Table(Talk, [*authored, "happened_at", "minutes", "feeling_encrypted"], now)
    seal_word, seal_note, seal_thanks = (
        Sealer(CheckIn, "word"),
        Sealer(Note, "text"),
        Sealer(Appreciation, "text"),
    )
    seal_title, seal_moment, seal_feeling = (
        Sealer(Moment, "title"),
        Sealer(Moment, "text"),
        Sealer(Talk, "feeling"),
    )
    for couple, (a, b), level in activity:
        for person, partner in ((a, b), (b, a)):
            key = keys[person.pk]
            for back in rng.sample(range(1, days), _share(days // 4, level)):
                shared = rng.random() < 0.5
                crypto_id, word = seal_word(key, rng.choice(WORDS))
                checkins.add(
                    person.pk,
                    couple.pk if shared else None,
                    "shared" if shared else "private",
                    context.at(back),
                    crypto_id,
                    today - timedelta(days=back),
                    rng.randint(1, 5),
                    rng.randint(1, 5),
                    word,
                )
            for back in rng.sample(range(0, days), _share(days // 12, level)):
                when = context.at(back)
                crypto_id, text = seal_note(key, _sentence(rng, 14))
                notes.add(
                    person.pk, couple.pk, "shared", when, crypto_id, partner.pk, when, when, text
                )
            for back in rng.sample(range(0, days), _share(days // 24, level)):
                crypto_id, text = seal_thanks(key, _sentence(rng, 8))
                thanks.add(person.pk, couple.pk, "shared", context.at(back), crypto_id, text)
            for back in rng.sample(range(0, days), _share(5, level)):
                # Both texts of a moment are bound to the same row.
                crypto_id, title = seal_title(key, _sentence(rng, 3)[:120])
                _, text = seal_moment(key, _sentence(rng, 20), crypto_id)
                happened_on = today - timedelta(days=back)
                moments.add(
                    person.pk,
                    couple.pk,
                    "shared",
                    context.at(back),
                    crypto_id,
                    happened_on,
                    title,
                    text,
                )
        for back in rng.sample(range(0, days), _share(10, level)):
            crypto_id, feeling = seal_feeling(keys[a.pk], rng.randint(1, 5))
            talks.add(
                a.pk,
                couple.pk,
                "shared",
                context.at(back),
                crypto_id,
                context.at(back),
                15,
                feeling,
            )
    for name, table in (
        ("check-ins", checkins),
        ("notes", notes),
        ("appreciations", thanks),
        ("moments", moments),
        ("talks", talks),
    ):
        result.add(name, table.write())
