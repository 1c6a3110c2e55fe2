"""What's new on Today: a note arrived, the partner answered or reacted, a date was proposed
or is coming up. Each shows once (remembered privately, per person) and says only what kind
of thing is waiting: no words anyone wrote, and nothing ever tells the partner it was seen.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db import IntegrityError, transaction
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


def _candidates(user, partner, now, question, partner_answered):
    from nearer.dates.models import Proposal, Status
    from nearer.dates.services import whose_turn
    from nearer.notes.models import Note
    from nearer.questions.models import Reaction
    from nearer.visibility import Visibility

    name = partner.display_name
    for note in Note.objects.inbox(user).filter(delivered_at__gte=now - RECENT).only("pk"):
        yield News(f"note:{note.pk}", _("A note from %(name)s arrived.") % {"name": name},
                   reverse("notes:index"))  # fmt: skip
    if question is not None and partner_answered:
        yield News(
            f"answered:{question.pk}",
            _("%(name)s has answered today's question.") % {"name": name},
            reverse("questions:today"),
        )
    reactions = Reaction.objects.visible_to(user).filter(
        author=partner,
        answer__author=user,
        visibility__in=(Visibility.SHARED, Visibility.MUTUAL),
        created_at__gte=now - RECENT,
    )
    for reaction in reactions.only("pk"):
        yield News(
            f"reaction:{reaction.pk}",
            _("%(name)s responded to one of your answers.") % {"name": name},
            reverse("questions:history"),
        )
    proposals = Proposal.objects.visible_to(user).filter(updated_at__gte=now - RECENT)
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
    for news in fresh:
        try:
            with transaction.atomic():
                Shown.objects.create(user=user, key=news.key)
        except IntegrityError:  # shown in another tab a moment ago
            continue
    return fresh
