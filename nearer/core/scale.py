"""Many couples with a year of activity, written with bulk inserts (``manage.py seed_scale``).

For benchmarks and query plans only: every account gets the same password, the texts are
short generated sentences, and nothing here runs in the app. Each couple gets two people
(linked, with an intake), a plan in progress for one of them, a question of the day on about
half of the past year's days with answers from one or both, check-ins, notes both ways,
appreciations, a handful of timeline moments and a few talks. Rows are encrypted exactly as
the app encrypts them (each author's own data key).
"""

import random
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

PASSWORD = "bench-password-0451"
EMAIL = "scale-{n}-{who}@example.test"
ZONES = ["UTC", "Europe/Berlin", "America/New_York", "Asia/Tokyo", "Australia/Sydney"]
WORDS = [
    *("tea", "walk", "rain", "laugh", "kitchen", "morning", "call", "garden", "train", "song"),
    *("bread", "window", "letter", "quiet", "weekend", "sunset", "coffee", "book", "river"),
    *("patience", "thanks", "promise", "evening"),
]


@dataclass
class Seeded:
    couples: int = 0
    rows: dict = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def total(self) -> int:
        return sum(self.rows.values())

    def add(self, name: str, n: int):
        self.rows[name] = self.rows.get(name, 0) + n


def _sentence(rng: random.Random, n: int = 8) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(n)).capitalize() + "."


def first_free_number() -> int:
    from nearer.accounts.models import User

    return User.objects.filter(email__startswith="scale-").count() // 2


def seed(
    couples: int,
    start: int | None = None,
    batch: int = 200,
    seed_value: int = 1,
    days: int = 365,
    progress=None,
) -> Seeded:
    from nearer.library.models import Item

    questions = list(Item.objects.current().filter(kind="question").values_list("pk", flat=True))
    if not questions:
        raise ValueError("The library is empty: run manage.py load_library first.")
    rng = random.Random(seed_value)
    password = make_password(PASSWORD)
    start = first_free_number() if start is None else start
    result = Seeded()
    began = time.perf_counter()
    for offset in range(0, couples, batch):
        size = min(batch, couples - offset)
        with transaction.atomic():
            _seed_batch(
                result, range(start + offset, start + offset + size), rng, password, questions, days
            )
        result.couples += size
        result.seconds = time.perf_counter() - began
        if progress:
            progress(result)
    return result


def _seed_batch(result, numbers, rng, password, questions, days):  # noqa: PLR0915
    from allauth.account.models import EmailAddress

    from nearer import crypto
    from nearer.accounts.models import User
    from nearer.checkins.models import CheckIn
    from nearer.couples.models import Couple, Membership
    from nearer.notes.models import Appreciation, Note
    from nearer.plans.models import Enrollment, Intake, StepLog
    from nearer.questions.models import Answer, DailyQuestion
    from nearer.talks.models import Talk
    from nearer.timeline.models import Moment

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

    def at(day_back: int) -> datetime:
        return datetime.combine(
            today - timedelta(days=day_back), datetime.min.time(), UTC
        ) + timedelta(hours=rng.randint(6, 22), minutes=rng.randint(0, 59))

    dailies = []
    for couple in couples:
        picked = rng.sample(questions, min(len(questions), days // 2 + 1))
        day_backs = sorted(rng.sample(range(1, days), len(picked) - 1)) + [0]
        dailies += [
            DailyQuestion(space=f"c{couple.pk}", day=today - timedelta(days=back), item_id=item)
            for back, item in zip(day_backs, picked, strict=True)
        ]
    dailies = DailyQuestion.objects.bulk_create(dailies)
    result.add("daily questions", len(dailies))
    by_space = {}
    for q in dailies:
        by_space.setdefault(q.space, []).append(q)

    answers, checkins, notes, thanks, moments, talks = [], [], [], [], [], []
    for couple, (a, b) in zip(couples, pairs, strict=True):
        for q in by_space[f"c{couple.pk}"]:
            if q.day == today:
                continue  # today's question is still open: the benchmark answers it
            for person in (a, b):
                if rng.random() < 0.6:
                    ans = Answer(
                        question=q,
                        author=person,
                        couple=couple,
                        visibility="mutual",
                        mutual_key=f"qotd:{q.pk}",
                        created_at=at((today - q.day).days),
                    )
                    ans.text = _sentence(rng, 12)
                    answers.append(ans)
        for person, partner in ((a, b), (b, a)):
            for back in rng.sample(range(1, days), days // 4):
                shared = rng.random() < 0.5
                checkins.append(
                    CheckIn(
                        author=person,
                        couple=couple if shared else None,
                        visibility="shared" if shared else "private",
                        day=today - timedelta(days=back),
                        mood=rng.randint(1, 5),
                        connection=rng.randint(1, 5),
                        word=rng.choice(WORDS),
                        created_at=at(back),
                    )
                )
            for back in rng.sample(range(0, days), days // 12):
                when = at(back)
                note = Note(
                    author=person,
                    couple=couple,
                    visibility="shared",
                    recipient=partner,
                    deliver_at=when,
                    delivered_at=when,
                    created_at=when,
                )
                note.text = _sentence(rng, 14)
                notes.append(note)
            for back in rng.sample(range(0, days), days // 24):
                item = Appreciation(
                    author=person, couple=couple, visibility="shared", created_at=at(back)
                )
                item.text = _sentence(rng, 8)
                thanks.append(item)
            for back in rng.sample(range(0, days), 5):
                moments.append(
                    Moment(
                        author=person,
                        couple=couple,
                        visibility="shared",
                        title=_sentence(rng, 3)[:120],
                        happened_on=today - timedelta(days=back),
                        text=_sentence(rng, 20),
                        created_at=at(back),
                    )
                )
        for back in rng.sample(range(0, days), 10):
            talks.append(
                Talk(
                    author=a,
                    couple=couple,
                    visibility="shared",
                    happened_at=at(back),
                    minutes=15,
                    feeling=rng.randint(1, 5),
                    created_at=at(back),
                )
            )
    for name, model, rows in (
        ("answers", Answer, answers),
        ("check-ins", CheckIn, checkins),
        ("notes", Note, notes),
        ("appreciations", Appreciation, thanks),
        ("moments", Moment, moments),
        ("talks", Talk, talks),
    ):
        model.objects.bulk_create(rows, batch_size=2000)
        result.add(name, len(rows))
