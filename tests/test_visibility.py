"""The visibility module: private, shared and mutual, for queries and single objects alike."""

import pytest
from django.http import Http404

from nearer.couples import services
from nearer.testing import make_moment, make_user
from nearer.timeline.models import Moment
from nearer.visibility import Visibility, can_change, can_view, get_visible_or_404

pytestmark = pytest.mark.django_db


def visible(user):
    services.forget_state(user)
    return {m.title for m in Moment.objects.visible_to(user)}


def test_private_is_for_the_author_only(cast):
    make_moment(cast.a, Visibility.PRIVATE, title="mine")
    assert visible(cast.a) == {"mine"}
    assert visible(cast.b) == set()
    assert visible(cast.outsider) == set()


def test_shared_is_for_both_partners_only(cast):
    make_moment(cast.a, Visibility.SHARED, title="ours")
    assert visible(cast.a) == {"ours"}
    assert visible(cast.b) == {"ours"}
    assert visible(cast.outsider) == set()
    assert visible(cast.solo) == set()


def test_mutual_is_revealed_only_when_both_have_written(cast):
    make_moment(cast.a, Visibility.MUTUAL, title="a answers", mutual_key="q1")
    assert visible(cast.b) == set()
    make_moment(cast.b, Visibility.MUTUAL, title="b answers other", mutual_key="q2")
    assert visible(cast.a) == {"a answers"}
    make_moment(cast.b, Visibility.MUTUAL, title="b answers", mutual_key="q1")
    assert visible(cast.a) == {"a answers", "b answers"}
    assert visible(cast.b) == {"a answers", "b answers", "b answers other"}
    assert visible(cast.outsider) == set()


def test_a_private_entry_does_not_unlock_a_mutual_one(cast):
    make_moment(cast.a, Visibility.MUTUAL, title="a answers", mutual_key="q1")
    make_moment(cast.b, Visibility.PRIVATE, title="b private", mutual_key="q1")
    assert "a answers" not in visible(cast.b)


def test_shared_written_while_waiting_is_seen_once_partner_joins(db):
    ines = make_user("ines@example.com", "Ines")
    _invite, raw = services.create_invite(ines)
    make_moment(ines, Visibility.SHARED, title="before you came")
    jo = make_user("jo@example.com", "Jo")
    assert visible(jo) == set()
    services.accept_invite(jo, raw)
    assert visible(jo) == {"before you came"}


def test_solo_user_without_a_space_keeps_shared_to_themself(cast):
    make_moment(cast.solo, Visibility.SHARED, title="solo")
    assert visible(cast.solo) == {"solo"}
    assert Moment.objects.get().couple is None


def test_single_object_checks_agree_with_the_query(cast):
    items = [
        make_moment(cast.a, Visibility.PRIVATE),
        make_moment(cast.a, Visibility.SHARED),
        make_moment(cast.a, Visibility.MUTUAL, mutual_key="k"),
        make_moment(cast.b, Visibility.MUTUAL, mutual_key="k"),
        make_moment(cast.outsider, Visibility.SHARED),
    ]
    for person in (cast.a, cast.b, cast.outsider, cast.outsider_partner, cast.solo):
        services.forget_state(person)
        query = set(Moment.objects.visible_to(person).values_list("pk", flat=True))
        single = {m.pk for m in items if can_view(person, m)}
        assert query == single, person


def test_only_the_author_may_change(cast):
    moment = make_moment(cast.a, Visibility.SHARED)
    assert can_change(cast.a, moment)
    assert not can_change(cast.b, moment)


def test_get_visible_or_404_hides_existence(cast):
    moment = make_moment(cast.a, Visibility.PRIVATE)
    with pytest.raises(Http404):
        get_visible_or_404(Moment, cast.b, pk=moment.pk)
    with pytest.raises(Http404):
        get_visible_or_404(Moment, cast.b, pk="not-a-number")
    assert get_visible_or_404(Moment, cast.a, pk=moment.pk) == moment


def test_from_partner_is_exactly_the_partners_part_of_visible_to(cast, client):
    items = [
        make_moment(cast.a, Visibility.PRIVATE),
        make_moment(cast.a, Visibility.SHARED),
        make_moment(cast.a, Visibility.MUTUAL, mutual_key="k"),
        make_moment(cast.a, Visibility.MUTUAL, mutual_key="only-a"),
        make_moment(cast.b, Visibility.MUTUAL, mutual_key="k"),
        make_moment(cast.b, Visibility.SHARED),
        make_moment(cast.b, Visibility.PRIVATE),
        make_moment(cast.outsider, Visibility.SHARED),
    ]
    for person in (cast.a, cast.b, cast.outsider, cast.outsider_partner, cast.solo):
        services.forget_state(person)
        visible_pks = set(Moment.objects.visible_to(person).values_list("pk", flat=True))
        partner = services.state_of(person).partner
        expected = {m.pk for m in items if m.pk in visible_pks and m.author_id != person.pk}
        assert set(Moment.objects.from_partner(person).values_list("pk", flat=True)) == expected
        shared_only = set(
            Moment.objects.from_partner(person, mutual=False).values_list("pk", flat=True)
        )
        assert shared_only == {
            m.pk for m in items if m.pk in expected and m.visibility == Visibility.SHARED
        }
        assert set(
            Moment.objects.visible_to(person, mutual=False).values_list("pk", flat=True)
        ) == {
            m.pk
            for m in items
            if m.pk in visible_pks
            and (m.author_id == person.pk or m.visibility == Visibility.SHARED)
        }
        if partner is None:
            assert expected == set()
    services.forget_state(cast.a)
    assert len(set(Moment.objects.from_partner(cast.a).values_list("pk", flat=True))) == 2
    anonymous = client.get("/").wsgi_request.user
    assert not Moment.objects.from_partner(anonymous).exists()
