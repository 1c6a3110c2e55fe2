"""Shared milestones the timeline can add by itself, only while both partners want that.

Each person says privately whether they would like it (``MilestonePreference``). Only when
both say yes are moments such as "we joined Nearer together", "our first reveal" and "our
tenth talk" added, as shared moments, once per couple space. Nothing tells one partner
what the other chose; the moments simply appear once both have chosen them.
"""

from datetime import date

from django.db import transaction
from django.db.models import Count, Min
from django.utils.translation import gettext as _

from nearer.couples.models import Membership
from nearer.couples.services import state_of
from nearer.timeline.models import MilestonePreference, Moment
from nearer.visibility import Visibility


def wants(user) -> bool:
    return MilestonePreference.objects.filter(user=user, automatic=True).exists()


def set_wanted(user, automatic: bool) -> None:
    MilestonePreference.objects.update_or_create(user=user, defaults={"automatic": automatic})


def _joined(couple, tz):
    last = (
        Membership.objects.filter(couple=couple, left_at__isnull=True)
        .order_by("-joined_at")
        .values_list("joined_at", flat=True)
        .first()
    )
    return last.astimezone(tz).date() if last else None


def _first_reveal(couple, tz):
    from nearer.questions.models import Answer

    first = (
        Answer.objects.filter(couple=couple, visibility=Visibility.MUTUAL)
        .values("question_id")
        .annotate(people=Count("author", distinct=True), day=Min("question__day"))
        .filter(people=2)
        .order_by("day")
        .first()
    )
    return first["day"] if first else None


def _tenth_talk(couple, tz):
    from nearer.talks.models import Talk

    tenth = (
        Talk.objects.filter(couple=couple)
        .order_by("happened_at")
        .values_list("happened_at", flat=True)[9:10]
    )
    return tenth[0].astimezone(tz).date() if tenth else None


MILESTONES = {
    "auto:joined": (_joined, lambda: _("We joined Nearer together")),
    "auto:first-reveal": (_first_reveal, lambda: _("Our first question of the day, revealed")),
    "auto:tenth-talk": (_tenth_talk, lambda: _("Our tenth 15-minute talk")),
}


def _due(couple, tz) -> dict[str, date]:
    """The milestones that have happened and are not on the timeline yet: key -> day."""
    existing = set(
        Moment.objects.filter(couple=couple, mutual_key__startswith="auto:").values_list(
            "mutual_key", flat=True
        )
    )
    due = {}
    for key, (when, _title) in MILESTONES.items():
        if key not in existing and (day := when(couple, tz)) is not None:
            due[key] = day
    return due


def sync(user, i_want: bool | None = None) -> int:
    """Add the shared milestones that have happened and are missing; returns how many.
    ``i_want``: the person's own choice, when the caller has already read it.

    The timeline calls this on every visit, and nearly always nothing is due: that is found
    out by reading only. A transaction (on SQLite, the database's write lock) is taken only
    to add something, and what is due is read again inside it, so two visits at once add
    each milestone once."""
    state = state_of(user)
    if not state.is_linked or not (wants(user) if i_want is None else i_want):
        return 0
    if not wants(state.partner) or not _due(state.couple, user.tz):
        return 0
    with transaction.atomic():
        due = _due(state.couple, user.tz)
        for key, day in due.items():
            moment = Moment(title=MILESTONES[key][1](), happened_on=day)
            # The key marks it as added automatically, once per couple space.
            moment.attach(user, Visibility.SHARED, mutual_key=key)
            moment.save()
    return len(due)
