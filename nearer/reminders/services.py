"""Reminders: scheduling in each person's own zone, quiet hours, atomic claiming, sending.

``schedule`` records that something is waiting for a person; ``plan_periodic`` adds the
daily and weekly nudges, notes that arrived and calls coming up; ``send_due`` claims due
reminders atomically and sends them. Claiming selects rows with ``FOR UPDATE SKIP LOCKED``
(PostgreSQL) and marks them with a conditional UPDATE that repeats the "still claimable"
condition, so two workers can never both own a row, on PostgreSQL or SQLite.

Texts say only what kind of thing is waiting: never a word anyone wrote, never anything the
partner did privately.
"""

import logging
import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.core.mail import EmailMessage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _

from nearer.reminders.models import Preference, Reminder, ReminderKind, claimable_q

log = logging.getLogger(__name__)

CLAIM_STALE = timedelta(minutes=10)
MAX_ATTEMPTS = 5
UNSUBSCRIBE_SALT = "nearer.reminders.unsubscribe"
# Kinds that turn a person toward their partner: paused while their safety check signals danger.
PARTNER_KINDS = {
    ReminderKind.QUESTION,
    ReminderKind.NOTE,
    ReminderKind.DATE_PROPOSED,
    ReminderKind.DATE_COMING_UP,
    ReminderKind.CALL,
    ReminderKind.WEEKLY,
}


def preference(user) -> Preference:
    pref = Preference.objects.owned_by(user).first()
    return pref if pref is not None else Preference(user=user)


def save_preference(user, **values) -> Preference:
    pref = preference(user)
    kinds = values.pop("kinds", None)
    if kinds is not None:
        pref.kinds = [k for k in ReminderKind.values if k in set(kinds)]
    for name, value in values.items():
        setattr(pref, name, value)
    pref.save()
    return pref


def _local(day, at: time, zone: ZoneInfo) -> datetime:
    # Round-trip through UTC so a wall-clock time inside a spring-forward gap moves forward.
    return datetime.combine(day, at, tzinfo=zone).astimezone(ZoneInfo("UTC")).astimezone(zone)


def in_quiet_hours(pref: Preference, local: time) -> bool:
    start, end = pref.quiet_start, pref.quiet_end
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def outside_quiet_hours(user, pref: Preference, when: datetime) -> datetime:
    """``when``, or the end of the quiet hours it falls in (in the person's own zone)."""
    zone = user.tz
    local = when.astimezone(zone)
    if not in_quiet_hours(pref, local.time().replace(tzinfo=None)):
        return when
    day = local.date()
    if pref.quiet_start > pref.quiet_end and local.time() >= pref.quiet_start:
        day += timedelta(days=1)
    return _local(day, pref.quiet_end, zone)


def before_quiet_hours(user, pref: Preference, when: datetime) -> datetime:
    """Shortly before the quiet hours that ``when`` falls in began (the evening before)."""
    zone = user.tz
    local = when.astimezone(zone)
    day = local.date()
    if pref.quiet_start > pref.quiet_end and local.time() < pref.quiet_end:
        day -= timedelta(days=1)
    return _local(day, pref.quiet_start, zone) - timedelta(minutes=15)


def schedule(
    user,
    kind: str,
    key: str,
    at: datetime | None = None,
    renew: bool = True,
    before: datetime | None = None,
):
    """Remember to tell ``user`` about ``kind`` of thing ``key`` at ``at`` (now by default).

    ``renew`` re-arms a reminder already sent for the same key (a date proposed again);
    sweeps pass False so running twice creates nothing new. ``before`` is the moment the
    reminder is about (a call): if quiet hours would push it past that, it comes just before
    the quiet hours begin instead, or not at all. Returns the reminder or None.
    """
    pref = preference(user)
    if kind not in pref.kinds:
        return None
    now = timezone.now()
    wanted = max(at or now, now)
    due = outside_quiet_hours(user, pref, wanted)
    if before is not None and due >= before:
        due = before_quiet_hours(user, pref, wanted)
        if due < now:
            return None  # already inside the quiet hours: nothing is sent in them
    existing = Reminder.objects.filter(user=user, kind=kind, key=key).first()
    if existing is not None:
        if not renew:
            return existing
        Reminder.objects.filter(pk=existing.pk).update(
            due_at=due, sent_at=None, claimed_at=None, claim_token="", attempts=0
        )
        existing.refresh_from_db()
        return existing
    try:
        with transaction.atomic():
            return Reminder.objects.create(user=user, kind=kind, key=key, due_at=due)
    except IntegrityError:  # another worker created it a moment ago
        return Reminder.objects.filter(user=user, kind=kind, key=key).first()


def cancel_for(key: str) -> int:
    """Forget unsent reminders about ``key`` (a date called off)."""
    return Reminder.objects.filter(key=key, sent_at__isnull=True).delete()[0]


def cancel_starting(prefix: str) -> int:
    """Forget unsent reminders whose key starts with ``prefix`` (every time of a recurring
    call that changed or was removed; the sweep plans the times that remain)."""
    return Reminder.objects.filter(key__startswith=prefix, sent_at__isnull=True).delete()[0]


def claim(batch: int = 100, now: datetime | None = None) -> list[Reminder]:
    """Atomically take up to ``batch`` due reminders for this worker."""
    now = now or timezone.now()
    stale = now - CLAIM_STALE
    token = uuid.uuid4().hex
    with transaction.atomic():
        ids = list(
            Reminder.objects.claimable(now, stale)
            .order_by("due_at", "pk")
            .select_for_update(skip_locked=True)
            .values_list("pk", flat=True)[:batch]
        )
        if not ids:
            return []
        # The condition is repeated, so a row another worker took in between is left alone.
        Reminder.objects.filter(claimable_q(now, stale), pk__in=ids).update(
            claimed_at=now, claim_token=token
        )
    return list(Reminder.objects.filter(claim_token=token).select_related("user"))


@dataclass(frozen=True)
class Message:
    subject: str
    body: str
    path: str


def _proposal_of(reminder: Reminder):
    from nearer.dates.models import Proposal

    pk = reminder.key.split(":", 1)[1] if reminder.key.startswith("proposal:") else None
    return Proposal.objects.filter(pk=pk).first() if pk and pk.isdigit() else None


def _when(user, proposal) -> str:
    if proposal is None or proposal.starts_at is None:
        return ""
    return formats.date_format(proposal.starts_at.astimezone(user.tz), "l H:i")


def message_for(reminder: Reminder) -> Message:
    """What a reminder says: only the kind of thing waiting, never anyone's words."""
    user = reminder.user
    kind = reminder.kind
    if kind == ReminderKind.QUESTION:
        return Message(
            _("Today's question is waiting"),
            _("Today's question for the two of you is ready whenever you are."),
            reverse("questions:today"),
        )
    if kind == ReminderKind.PLAN_STEP:
        return Message(
            _("A small step for today"),
            _("Your plan has a small step for today, when you have a moment."),
            reverse("today"),
        )
    if kind == ReminderKind.NOTE:
        return Message(
            _("A note arrived for you"), _("Open Nearer to read it."), reverse("notes:index")
        )
    if kind == ReminderKind.DATE_PROPOSED:
        return Message(
            _("A date idea is waiting for you"),
            _("Open Nearer to see it and choose a time that suits you."),
            reverse("dates:index"),
        )
    if kind == ReminderKind.DATE_COMING_UP:
        from nearer.dates.models import Status

        proposal = _proposal_of(reminder)
        when = _when(user, proposal)
        if proposal is not None and proposal.status == Status.CANCELLED:
            # Only that it was called off: the reason stays on the date's own page.
            return Message(
                _("A date was called off"),
                _("The date planned for %(when)s, your time, was called off.") % {"when": when}
                if when
                else _("A planned date was called off."),
                reverse("dates:detail", kwargs={"pk": proposal.pk}),
            )
        if proposal is not None and proposal.kind == proposal.Kind.CALL:
            return Message(
                _("A call is coming up"), _("Your call is coming up."), reverse("dates:calendar")
            )
        body = (
            _("Your date is coming up: %(when)s, your time.") % {"when": when}
            if when
            else _("Your date is coming up.")
        )
        return Message(_("Your date is coming up"), body, reverse("dates:calendar"))
    if kind == ReminderKind.CALL:
        body = _("Your call is coming up.")
        parts = reminder.key.split(":", 2)
        if len(parts) == 3:
            try:
                start = datetime.fromisoformat(parts[2])
            except ValueError:
                start = None
            if start is not None and start.tzinfo is not None:
                local = start.astimezone(user.tz).strftime("%H:%M")
                body = _("Your call starts at %(time)s, your time.") % {"time": local}
        return Message(_("A call is coming up"), body, reverse("dates:calendar"))
    if kind == ReminderKind.LETTER:
        return Message(
            _("Something to send"),
            _("A letter or a small parcel can say what a message cannot. A few ideas are waiting."),
            reverse("dates:distance"),
        )
    return Message(
        _("Time for your weekly state of us"),
        _("When you are both ready, the weekly state of us is waiting."),
        reverse("checkins:meeting"),
    )


def unsubscribe_token(user) -> str:
    return signing.dumps({"u": user.pk}, salt=UNSUBSCRIBE_SALT)


def user_for_unsubscribe(token: str):
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return get_user_model().objects.filter(pk=data.get("u"), is_active=True).first()


def unsubscribe(user) -> None:
    save_preference(user, email=False)


def email_for(reminder: Reminder) -> EmailMessage:
    user = reminder.user
    with translation.override(user.language or settings.LANGUAGE_CODE):
        message = message_for(reminder)
        unsubscribe_url = settings.SITE_URL + reverse(
            "reminders:unsubscribe", kwargs={"token": unsubscribe_token(user)}
        )
        body = "\n\n".join(
            [
                message.body,
                settings.SITE_URL + message.path,
                _("Change what Nearer sends you: %(url)s")
                % {"url": settings.SITE_URL + reverse("reminders:settings")},
                _("Stop these emails: %(url)s") % {"url": unsubscribe_url},
            ]
        )
        return EmailMessage(
            subject=message.subject,
            body=body,
            to=[user.email],
            headers={
                "List-Unsubscribe": f"<{unsubscribe_url}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
                "Auto-Submitted": "auto-generated",
            },
        )


class _People:
    """Preferences and danger signals for one batch, read once per person."""

    def __init__(self, reminders):
        from nearer.safety.services import in_danger

        ids = {r.user_id for r in reminders}
        self.prefs = {p.user_id: p for p in Preference.objects.filter(user_id__in=ids)}
        self._in_danger = in_danger
        self._danger = {}

    def pref(self, user) -> Preference:
        return self.prefs.get(user.pk) or Preference(user=user)

    def in_danger(self, user) -> bool:
        if user.pk not in self._danger:
            self._danger[user.pk] = self._in_danger(user)
        return self._danger[user.pk]


def deliver(
    reminder: Reminder, now: datetime, people: _People | None = None, mark: bool = True
) -> str:
    """Send one claimed reminder. Returns "sent", "skipped" or "later".

    ``mark=False`` leaves recording ``sent_at`` to the caller (``send_due`` records a whole
    batch in one UPDATE: one write per batch instead of one per reminder)."""
    people = people or _People([reminder])
    user = reminder.user
    pref = people.pref(user)
    suppressed = reminder.kind not in pref.kinds or not user.is_active
    if not suppressed and reminder.kind in PARTNER_KINDS:
        # While someone's safety check signals danger, nothing nudges them toward the partner.
        suppressed = people.in_danger(user)
    if suppressed:
        if mark:
            Reminder.objects.filter(pk=reminder.pk).update(sent_at=now)
        return "skipped"
    later = outside_quiet_hours(user, pref, now)
    if later != now:
        # Preferences changed since it was scheduled: wait until the quiet hours end.
        Reminder.objects.filter(pk=reminder.pk).update(
            due_at=later, claimed_at=None, claim_token=""
        )
        return "later"
    if pref.email and user.email:
        email_for(reminder).send()
    if pref.push:
        from nearer.reminders import push

        push.send_to(user, message_for(reminder))
    if mark:
        Reminder.objects.filter(pk=reminder.pk, claim_token=reminder.claim_token).update(
            sent_at=now
        )
    return "sent"


def send_due(batch: int = 100, now: datetime | None = None) -> int:
    """Claim and send due reminders until none are left. Returns how many were sent.

    A batch's ``sent_at`` is written once, after the batch: the claim already keeps other
    workers away, and a worker that dies mid-batch leaves its claim to go stale, after
    which only the unmarked part of that batch is sent again.
    """
    sent = 0
    while claimed := claim(batch, now):
        people = _People(claimed)
        done = []
        for reminder in claimed:
            at = now or timezone.now()
            try:
                outcome = deliver(reminder, at, people, mark=False)
            except Exception:  # a failing mail server must not stop the others
                log.exception("reminder %s failed (kind %s)", reminder.pk, reminder.kind)
                attempts = reminder.attempts + 1
                Reminder.objects.filter(pk=reminder.pk).update(
                    attempts=attempts,
                    claimed_at=None,
                    claim_token="",
                    due_at=at + timedelta(minutes=5 * attempts),
                    sent_at=at if attempts >= MAX_ATTEMPTS else None,
                )
                continue
            if outcome != "later":
                done.append(reminder.pk)
            sent += outcome == "sent"
        Reminder.objects.filter(pk__in=done, claim_token=claimed[0].claim_token).update(
            sent_at=now or timezone.now()
        )
    return sent


# --- what the periodic chore adds -------------------------------------------------------


def plan_periodic(now: datetime | None = None) -> int:
    """Daily and weekly nudges at each person's time, notes that arrived, calls coming up."""
    now = now or timezone.now()
    return _plan_nudges(now) + _plan_notes(now) + _plan_calls(now) + _plan_letters(now)


def _plan_nudges(now: datetime) -> int:
    prefs = {p.user_id: p for p in Preference.objects.all()}
    count = 0
    for user in get_user_model().objects.filter(is_active=True).only("pk", "time_zone"):
        pref = prefs.get(user.pk) or Preference(user=user)
        local = now.astimezone(user.tz)
        nudge = _local(local.date(), pref.nudge_time, user.tz)
        if not nudge <= now < nudge + timedelta(hours=12):
            continue
        daily = next((k for k in ("question", "plan_step") if k in pref.kinds), None)
        if daily:
            count += bool(schedule(user, daily, f"day:{local.date()}", at=nudge, renew=False))
        if local.weekday() == 6 and ReminderKind.WEEKLY in pref.kinds:
            week = local.isocalendar()
            key = f"week:{week.year}-{week.week}"
            count += bool(schedule(user, ReminderKind.WEEKLY, key, at=nudge, renew=False))
    return count


def _plan_notes(now: datetime) -> int:
    from nearer.notes.models import Note

    count = 0
    recent = Note.objects.filter(delivered_at__gte=now - timedelta(days=1)).select_related(
        "recipient", "author"
    )
    for note in recent:
        if Note.objects.inbox(note.recipient).filter(pk=note.pk).exists():
            count += bool(
                schedule(note.recipient, ReminderKind.NOTE, f"note:{note.pk}", renew=False)
            )
    return count


def _plan_calls(now: datetime) -> int:
    from nearer.couples.services import state_of
    from nearer.dates.models import Series
    from nearer.dates.services import series_occurrences
    from nearer.visibility import can_view

    count = 0
    for series in Series.objects.filter(kind=Series.Kind.CALL).select_related("author"):
        people = [series.author]
        partner = state_of(series.author).partner
        if partner is not None and can_view(partner, series):
            people.append(partner)
        for start in series_occurrences(series, now, now + timedelta(hours=26)):
            key = f"series:{series.pk}:{start.astimezone(ZoneInfo('UTC')).isoformat()}"
            for person in people:
                count += bool(
                    schedule(
                        person,
                        ReminderKind.CALL,
                        key,
                        at=start - timedelta(minutes=15),
                        renew=False,
                        before=start,
                    )
                )
    return count


def lives_apart(user) -> bool:
    """Whether this person uses Nearer as someone living apart: their own plan includes long
    distance, or they and their partner have planned a visit."""
    from nearer.dates.models import Visit
    from nearer.plans.models import Enrollment
    from nearer.plans.services import intake_of

    # Which plans someone follows is encrypted: read per object, for this one person.
    plans = Enrollment.objects.filter(user=user, ended_at__isnull=True)
    if any("long_distance" in (plan.situations or []) for plan in plans):
        return True
    intake = intake_of(user)
    if intake is not None and intake.living_apart:
        return True
    return Visit.objects.visible_to(user).exists()


def _plan_letters(now: datetime) -> int:
    """On the first Sunday of each month, at the person's daily time, for people apart."""
    from nearer.couples.services import state_of

    prefs = {p.user_id: p for p in Preference.objects.all()}
    count = 0
    for user in get_user_model().objects.filter(is_active=True).only("pk", "time_zone"):
        pref = prefs.get(user.pk) or Preference(user=user)
        if ReminderKind.LETTER not in pref.kinds:
            continue
        local = now.astimezone(user.tz)
        if local.weekday() != 6 or local.day > 7:
            continue
        nudge = _local(local.date(), pref.nudge_time, user.tz)
        if not nudge <= now < nudge + timedelta(hours=12):
            continue
        if not state_of(user).is_linked or not lives_apart(user):
            continue
        key = f"letter:{local:%Y-%m}"
        count += bool(schedule(user, ReminderKind.LETTER, key, at=nudge, renew=False))
    return count
