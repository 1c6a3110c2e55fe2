"""The library's front door: the person's season first, filters folded away, human labels,
pages."""

import pytest
from django.conf import settings
from django.urls import reverse

from nearer.library.loader import load_library
from nearer.library.models import Item
from nearer.plans.models import Intake

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    load_library(settings.NEARER_CONTENT_DIR)


def test_front_door_opens_on_what_fits_the_persons_season(library, cast, client_for):
    Intake.objects.create(user=cast.a, situations=["long_distance"])
    html = client_for(cast.a).get(reverse("library:index")).content.decode()
    assert "For your season: Long distance" in html
    shelf = html.split("For your season: Long distance")[1].split("</section>")[0]
    keys = list(Item.objects.tagged("situation:long_distance").values_list("key", flat=True))
    shown = [key for key in keys if reverse("library:detail", args=[key]) in shelf]
    assert len(shown) >= 4
    assert "?situation=long_distance" in shelf


def test_the_season_is_private_to_the_person(library, cast, client_for):
    Intake.objects.create(user=cast.a, situations=["after_betrayal"])
    html = client_for(cast.b).get(reverse("library:index")).content.decode()
    assert "For your season" not in html


def test_anyone_can_browse_by_kind_and_season_with_human_words(library, client):
    html = client.get(reverse("library:index")).content.decode()
    assert "For your season" not in html
    assert "?kind=date" in html and "Date idea" in html
    assert "?situation=many_years" in html and "Many years together" in html


def test_filters_are_folded_away_until_used(library, client):
    closed = client.get(reverse("library:index")).content.decode()
    assert '<details class="filter-panel">' in closed
    opened = client.get(reverse("library:index"), {"setting": "virtual"}).content.decode()
    assert '<details class="filter-panel" open>' in opened
    assert "For your season" not in opened and "?kind=date" not in opened


def test_labels_are_human_everywhere(library, client):
    virtual = Item.objects.filter(kind="date").tagged("setting:virtual").first()
    page = client.get(reverse("library:detail", args=[virtual.key])).content.decode()
    assert "Works at a distance" in page
    assert "Where: virtual" not in page
    listing = client.get(reverse("library:index"), {"kind": "date"}).content.decode()
    assert "Works at a distance" in listing
    assert "Works at a distance" in client.get(reverse("library:index")).content.decode()


def test_the_library_is_paged_and_pages_keep_the_search(library, client):
    first = client.get(reverse("library:index"), {"kind": "question"})
    assert first.context["page"].paginator.num_pages > 10
    assert len(first.context["page"]) == 20
    html = first.content.decode()
    assert "?kind=question&amp;page=2" in html
    second = client.get(reverse("library:index"), {"kind": "question", "page": 2})
    assert second.status_code == 200
    assert {i.key for i in second.context["page"]}.isdisjoint(
        {i.key for i in first.context["page"]}
    )


def test_front_door_query_count_stays_small(
    library, cast, client_for, django_assert_max_num_queries
):
    Intake.objects.create(user=cast.a, situations=["long_distance", "new_parents"])
    client = client_for(cast.a)
    with django_assert_max_num_queries(25):
        assert client.get(reverse("library:index")).status_code == 200


def test_the_front_door_leaves_out_what_the_person_has_done(library, cast):
    from nearer.library.services import front_door
    from nearer.plans.definitions import all_plans
    from nearer.plans.models import StepLog
    from nearer.plans.services import enroll

    Intake.objects.create(user=cast.a, situations=["long_distance"])
    enrollment = enroll(cast.a, ["long_distance"])
    shelf = {item.key for item in front_door(cast.a)[0].items}
    in_plan = {
        step.item: f"long_distance:{step.key}"
        for week in all_plans()["long_distance"].weeks
        for step in [*week.weekly, *(s for day in week.days for s in day.steps)]
        if step.item in shelf
    }
    assert in_plan, "a shelf item that the plan also uses"
    done, ref = next(iter(in_plan.items()))
    StepLog.objects.create(enrollment=enrollment, step=ref, status="done", day=0)
    after = {item.key for item in front_door(cast.a)[0].items}
    assert done not in after and len(after) == len(shelf)
