"""The one place that decides who may see and change what.

Every record a person writes inherits :class:`Authored` and has an author, the couple space
it was written in (if any) and a visibility:

* ``private`` — the author only, always.
* ``shared`` — the author, and their partner while both are still in the space it was
  written in. When the space ends (either person leaves), each keeps only their own.
* ``mutual`` — like shared, but the partner sees it only once they have written their own
  record with the same ``mutual_key`` in the same space (the question of the day, desires).

Views, API routes, exports, notifications and insights all ask this module: the queryset
methods ``visible_to`` (and its partner-only part ``from_partner``), :func:`can_view`,
:func:`can_change` and :func:`get_visible_or_404`.
Anything not visible answers 404, so that even its existence stays private.
"""

from django.conf import settings
from django.db import models
from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    PRIVATE = "private", _("Only me")
    SHARED = "shared", _("Shared with my partner")
    MUTUAL = "mutual", _("Revealed when we have both written")


def _couple_and_partner(user):
    from nearer.couples.services import state_of

    state = state_of(user)
    return state.couple, state.partner


def _from_partner_q(model, user, couple, partner, mutual: bool) -> Q:
    """The partner's records ``user`` may see: shared in the space both are in, and (with
    ``mutual``) mutual ones once ``user`` wrote their own with the same key there."""
    from_partner = Q(couple=couple, author=partner)
    shared = from_partner & Q(visibility=Visibility.SHARED)
    if not mutual:
        return shared
    mine_with_same_key = model._default_manager.filter(
        couple=couple,
        author=user,
        visibility=Visibility.MUTUAL,
        mutual_key=OuterRef("mutual_key"),
    )
    return shared | from_partner & Q(visibility=Visibility.MUTUAL) & Exists(mine_with_same_key)


class AuthoredQuerySet(models.QuerySet):
    def visible_to(self, user, *, mutual: bool = True):
        """Records ``user`` may see: their own, plus what their current partner shares.

        ``mutual=False`` leaves the partner's mutual records out (no ``EXISTS`` to build),
        for kinds that are only ever written private or shared: it can only show less,
        never more."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        couple, partner = _couple_and_partner(user)
        if partner is None:
            return self.filter(author=user)
        return self.filter(
            Q(author=user) | _from_partner_q(self.model, user, couple, partner, mutual)
        )

    def from_partner(self, user, *, mutual: bool = True):
        """What ``user``'s current partner wrote that ``user`` may see: exactly the part of
        :meth:`visible_to` that is not their own (shared in the space both are in, and mutual
        once ``user`` wrote theirs). For places that only ever tell of the partner's doings
        ("what's new"), it leaves the "own" branch out of the SQL. ``mutual`` as in
        :meth:`visible_to`."""
        if not getattr(user, "is_authenticated", False):
            return self.none()
        couple, partner = _couple_and_partner(user)
        if partner is None:
            return self.none()
        return self.filter(_from_partner_q(self.model, user, couple, partner, mutual))

    def authored_by(self, user):
        return self.filter(author=user)

    def shared_in(self, couple):
        """Records either partner shared in ``couple``'s space: what a view of the two of
        them (the progress page's "both of us") may count. Nothing private, nothing mutual."""
        return self.filter(couple=couple, visibility=Visibility.SHARED)


class Authored(models.Model):
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    couple = models.ForeignKey(
        "couples.Couple", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    visibility = models.CharField(
        _("who can see this"), max_length=10, choices=Visibility.choices, default=Visibility.PRIVATE
    )
    mutual_key = models.CharField(max_length=120, blank=True, default="")
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = AuthoredQuerySet.as_manager()

    class Meta:
        abstract = True

    def attach(self, user, visibility: str = Visibility.PRIVATE, mutual_key: str = ""):
        """Set author, couple space and visibility for a new record written by ``user``."""
        couple, _partner = _couple_and_partner(user)
        self.author = user
        self.visibility = visibility
        self.mutual_key = mutual_key
        # Private records are not tied to a space, so nothing about them moves with it.
        self.couple = couple if visibility != Visibility.PRIVATE else None
        return self


def can_view(user, obj: Authored) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    if obj.author_id == user.pk:
        return True
    if obj.visibility == Visibility.PRIVATE or obj.couple_id is None:
        return False
    couple, partner = _couple_and_partner(user)
    if partner is None or obj.couple_id != couple.pk or obj.author_id != partner.pk:
        return False
    if obj.visibility == Visibility.SHARED:
        return True
    return (
        type(obj)
        ._default_manager.filter(
            couple=couple, author=user, visibility=Visibility.MUTUAL, mutual_key=obj.mutual_key
        )
        .exists()
    )


def can_change(user, obj: Authored) -> bool:
    """Only the author edits or deletes what they wrote."""
    return getattr(user, "is_authenticated", False) and obj.author_id == user.pk


def partner_has_contributed(model, user, mutual_key: str) -> bool:
    """Whether the partner has written their part of a mutual exchange, without revealing
    it. This one bit ("your partner has answered, your turn") is all a person learns of a
    mutual record before they add their own: no content, no time."""
    couple, partner = _couple_and_partner(user)
    if partner is None:
        return False
    return model._default_manager.filter(
        couple=couple, author=partner, visibility=Visibility.MUTUAL, mutual_key=mutual_key
    ).exists()


def get_visible_or_404(queryset_or_model, user, **lookup):
    queryset = (
        queryset_or_model._default_manager.all()
        if isinstance(queryset_or_model, type)
        else queryset_or_model
    )
    try:
        return queryset.visible_to(user).get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def get_changeable_or_404(queryset_or_model, user, **lookup):
    obj = get_visible_or_404(queryset_or_model, user, **lookup)
    if not can_change(user, obj):
        raise Http404
    return obj


class OwnedQuerySet(models.QuerySet):
    """For records only their owner ever sees (an intake, a safety check, a score).

    The owner field is the one declared in the personal-data registry, so nothing filters
    by hand: ``Model.objects.owned_by(user)``.
    """

    def owned_by(self, user):
        if not getattr(user, "is_authenticated", False):
            return self.none()
        from nearer import registry

        return self.filter(**{registry.entry_for(self.model).owner: user})
