"""The rules of rebuilding trust: who writes what, who may see it, who may acknowledge it.

Commitments and their kept records share the commitment's visibility; only the author
records keeping a commitment, and only the partner who can see a record may say "I noticed".
"""

from django.db import transaction
from django.db.models import Count, F, Window
from django.db.models.functions import RowNumber

from nearer.core.paging import Prepared
from nearer.couples.services import state_of
from nearer.trust.models import Commitment, Feeling, FeelingsCheckIn, KeptRecord, Noticed, Statement
from nearer.visibility import Visibility, can_view


class NeedsPartner(Exception):
    """Sharing needs a partner in the couple space."""


def _share_state(user, share: bool) -> tuple[str, object]:
    state = state_of(user)
    if share and not state.is_linked:
        raise NeedsPartner
    return (Visibility.SHARED, state.couple) if share else (Visibility.PRIVATE, None)


def statement_of(user) -> Statement | None:
    return Statement.objects.authored_by(user).select_related("author").first()


def partners_statement(user) -> Statement | None:
    return Statement.objects.visible_to(user).exclude(author=user).select_related("author").first()


def save_statement(user, data: dict) -> Statement:
    statement = statement_of(user)
    if statement is None:
        statement = Statement()
        statement.attach(user, Visibility.PRIVATE)
    statement.content = {name: (data.get(name) or "").strip() for name in Statement.FIELDS}
    statement.save()
    return statement


def set_statement_shared(user, share: bool) -> Statement | None:
    statement = statement_of(user)
    if statement is None:
        return None
    statement.visibility, statement.couple = _share_state(user, share)
    statement.save(update_fields=["visibility", "couple", "updated_at"])
    return statement


def make_commitment(user, text: str, share: bool) -> Commitment:
    commitment = Commitment()
    commitment.author = user
    commitment.visibility, commitment.couple = _share_state(user, share)
    commitment.text = text.strip()
    commitment.save()
    return commitment


@transaction.atomic
def record_kept(user, commitment: Commitment, note: str = "") -> KeptRecord:
    """Only the person who made the commitment records keeping it."""
    if commitment.author_id != user.pk:
        raise PermissionError
    record = KeptRecord(commitment=commitment)
    record.author = user
    record.visibility, record.couple = commitment.visibility, commitment.couple
    record.note = note.strip()
    record.save()
    return record


def toggle_noticed(user, record: KeptRecord) -> bool:
    """The partner's "I noticed" (or taking it back). Returns whether it is now noticed."""
    if record.author_id == user.pk or not can_view(user, record):
        raise PermissionError
    existing = Noticed.objects.filter(record=record, author=user)
    if existing.exists():
        existing.delete()
        return False
    noticed = Noticed(record=record)
    noticed.attach(user, Visibility.SHARED)
    noticed.save()
    return True


def commitments_for(user) -> Prepared:
    """Commitments this person can see (their own, and their partner's shared ones), newest
    first; each page of them gets its visible kept records and who noticed them."""
    commitments = Commitment.objects.visible_to(user).select_related("author")
    return Prepared(commitments, lambda page: _attach_kept(user, page))


SHOWN_KEPT = 20  # kept records shown under each commitment; the rest are counted


def _attach_kept(user, commitments: list[Commitment]) -> None:
    """The newest kept records of each commitment (at most SHOWN_KEPT, picked in the
    database), how many there are in all, and which the partner noticed: three queries for
    a page, however long the history."""
    visible = KeptRecord.objects.visible_to(user).filter(commitment__in=commitments)
    newest_first = [F("created_at").desc(), F("id").desc()]
    records = (
        visible.annotate(
            place=Window(RowNumber(), partition_by=F("commitment_id"), order_by=newest_first)
        )
        .filter(place__lte=SHOWN_KEPT)
        .order_by(*newest_first)
        .select_related("author")
    )
    counts = dict(
        visible.order_by()
        .values("commitment")
        .annotate(n=Count("id"))
        .values_list("commitment", "n")
    )
    by_commitment = {}
    for record in records:
        by_commitment.setdefault(record.commitment_id, []).append(record)
    shown = [record.pk for kept in by_commitment.values() for record in kept]
    noticed = set(
        Noticed.objects.visible_to(user)
        .filter(record__in=shown)
        .values_list("record_id", flat=True)
    )
    for commitment in commitments:
        commitment.kept = by_commitment.get(commitment.pk, [])
        for record in commitment.kept:
            record.was_noticed = record.pk in noticed
        commitment.kept_count = counts.get(commitment.pk, 0)


def check_in(user, feelings: list[str], note: str = "") -> FeelingsCheckIn:
    chosen = [f for f in feelings if f in Feeling.values]
    row = FeelingsCheckIn(author=user)
    row.content = {"feelings": chosen, "note": note.strip()}
    row.save()
    return row


def my_check_ins(user):
    return FeelingsCheckIn.objects.owned_by(user).select_related("author")[:30]
