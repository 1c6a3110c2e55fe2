"""What's new on Today: a note arrived, the partner answered or reacted, a date was proposed
or is coming up. Each shows once (remembered privately, per person) and says only what kind
of thing is waiting: no words anyone wrote, and nothing ever tells the partner it was seen.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Value
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from nearer.couples.services import state_of
from nearer.reminders.models import Shown

RECENT = timedelta(days=7)


@dataclass(frozen=True)
class News:
    key: str
    text: str
    url: str


def _recent(user, since):
    """Everything that may make news since ``since``, in one query of bare ids: ``(kind,
    pk, at)`` rows for the partner's notes to ``user``, the partner's reactions to
    ``user``'s answers and the dates either of them proposed that changed (declined ones
    never make news). No encrypted column is read."""
    from nearer.dates.models import Proposal, Status
    from nearer.notes.models import Note
    from nearer.questions.models import Reaction

    # Notes and reactions are only ever written shared (``send_note``, ``react``), so the
    # partner's part of the visibility rule without its mutual branch is all they can be.
    notes = (
        Note.objects.from_partner(user, mutual=False)
        .filter(recipient=user, delivered_at__gte=since)
        .annotate(news_kind=Value("note"))
        .values_list("news_kind", "pk", "deliver_at")
    )
    reactions = (
        Reaction.objects.from_partner(user, mutual=False)
        .filter(answer__author=user, created_at__gte=since)
        .annotate(news_kind=Value("reaction"))
        .values_list("news_kind", "pk", "created_at")
    )
    # A date the person proposed can make news too (the partner suggested another time,
    # called it off, or it is coming up), so this one asks the whole rule; dates are only
    # ever written shared, so without its mutual branch.
    proposals = (
        Proposal.objects.visible_to(user, mutual=False)
        .filter(updated_at__gte=since)
        .exclude(status=Status.DECLINED)
        .annotate(news_kind=Value("proposal"))
        .values_list("news_kind", "pk", "created_at")
    )
    parts = [q.order_by() for q in (notes, reactions, proposals)]
    rows = list(parts[0].union(*parts[1:], all=True).order_by())
    by_kind = {"note": [], "reaction": [], "proposal": []}
    for kind, pk, at in rows:
        by_kind[kind].append((at, pk))
    for kind in by_kind:  # the order each list had on its own: notes and dates newest first
        by_kind[kind].sort(reverse=kind != "reaction")
    return {kind: [pk for _at, pk in found] for kind, found in by_kind.items()}


def _candidates(user, partner, now, question, partner_answered):
    from nearer.dates.models import Proposal, Status
    from nearer.dates.services import whose_turn

    name = partner.display_name
    recent = _recent(user, now - RECENT)
    for pk in recent["note"]:
        yield News(f"note:{pk}", _("A note from %(name)s arrived.") % {"name": name},
                   reverse("notes:index"))  # fmt: skip
    if question is not None and partner_answered:
        yield News(
            f"answered:{question.pk}",
            _("%(name)s has answered today's question.") % {"name": name},
            reverse("questions:today"),
        )
    for pk in recent["reaction"]:
        yield News(
            f"reaction:{pk}",
            _("%(name)s responded to one of your answers.") % {"name": name},
            reverse("questions:history"),
        )
    if not recent["proposal"]:
        return
    proposals = (
        Proposal.objects.visible_to(user, mutual=False)
        .filter(pk__in=recent["proposal"])
        .only("author", "recipient", "status", "cancelled_by", "starts_at", "created_at")
    )
    for p in proposals.prefetch_related("times"):
        url = reverse("dates:detail", kwargs={"pk": p.pk})
        if whose_turn(p) == user.pk:
            yield News(
                f"proposal:{p.pk}:{p.times.count()}",
                _("%(name)s proposed a date.") % {"name": name}
                if p.status == Status.PROPOSED
                else _("%(name)s suggested another time.") % {"name": name},
                url,
            )
        elif p.status == Status.CANCELLED and p.cancelled_by_id == partner.pk:
            yield News(f"called_off:{p.pk}", _("%(name)s called off a date.") % {"name": name}, url)
        elif p.status == Status.ACCEPTED and now <= p.starts_at <= now + timedelta(hours=48):
            local = p.starts_at.astimezone(user.tz)
            yield News(
                f"soon:{p.pk}:{p.starts_at:%Y%m%d%H%M}",
                _("A date is coming up: %(day)s at %(time)s.")
                % {"day": formats.date_format(local, "l"), "time": local.strftime("%H:%M")},
                url,
            )


def whats_new(user, question=None, partner_answered=False, limit: int = 5) -> list[News]:
    """The new things for ``user``, each returned once and then remembered as shown.

    ``question`` and ``partner_answered`` come from the question of the day's own view
    (``nearer.questions.services.view``), which Today already asks."""
    from nearer.safety.services import in_danger

    partner = state_of(user).partner
    if partner is None or in_danger(user):  # no nudges toward the partner after a danger signal
        return []
    now = timezone.now()
    found = list(_candidates(user, partner, now, question, partner_answered))
    if not found:
        return []
    seen = set(
        Shown.objects.owned_by(user)
        .filter(key__in=[n.key for n in found])
        .values_list("key", flat=True)
    )
    fresh = [n for n in found if n.key not in seen][:limit]
    # One insert for all of them; a key shown in another tab a moment ago is left as it is.
    Shown.objects.bulk_create(
        [Shown(user=user, key=news.key) for news in fresh], ignore_conflicts=True
    )
    return fresh
