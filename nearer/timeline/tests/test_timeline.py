import pytest
from django.urls import reverse

from nearer.testing import make_moment

pytestmark = pytest.mark.django_db


def test_timeline_pages_through_long_histories(cast, client_for, django_assert_max_num_queries):
    for n in range(60):
        make_moment(cast.a, title=f"moment {n}")
    client = client_for(cast.a)
    first = client.get(reverse("timeline:index")).content.decode()
    assert "Page 1 of 2" in first and first.count('class="muted">shared') == 50
    with django_assert_max_num_queries(9):
        second = client.get(reverse("timeline:index"), {"page": 2}).content.decode()
    assert "Page 2 of 2" in second
    assert client.get(reverse("timeline:index"), {"page": "nonsense"}).status_code == 200


def test_bad_moment_keeps_the_form_and_saves_nothing(cast, client_for):
    response = client_for(cast.a).post(
        reverse("timeline:index"), {"title": "", "happened_on": "not a date"}
    )
    assert response.status_code == 200
    assert "This field is required." in response.content.decode()
