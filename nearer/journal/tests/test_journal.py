"""The private journal: writing, encryption at rest, search, tags, share and unshare."""

import pytest
from django.db import connection
from django.urls import reverse

from nearer import registry
from nearer.couples.services import leave_couple
from nearer.journal import services
from nearer.journal.models import Entry

pytestmark = pytest.mark.django_db


def test_entry_is_private_and_encrypted_at_rest(cast, client_for):
    response = client_for(cast.a).post(
        reverse("journal:new"), {"text": "I miss our Sunday walks", "tags": "Missing, walks"}
    )
    entry = Entry.objects.get(author=cast.a)
    assert response["Location"] == reverse("journal:detail", kwargs={"pk": entry.pk})
    assert entry.visibility == "private" and entry.tags == ["missing", "walks"]
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM journal_entry")
        raw = repr(cursor.fetchall())
    assert "Sunday" not in raw and "walks" not in raw
    assert client_for(cast.b).get(f"/journal/{entry.pk}/").status_code == 404
    assert "Sunday" not in client_for(cast.b).get(reverse("journal:index")).content.decode()


def test_empty_entry_gets_a_clear_message(cast, client_for):
    response = client_for(cast.a).post(reverse("journal:new"), {"text": "", "tags": "x"})
    assert response.status_code == 200
    assert response.context["form"].errors["text"]
    assert not Entry.objects.exists()


def test_too_many_tags_keeps_the_text(cast, client_for):
    tags = ", ".join(f"t{n}" for n in range(20))
    response = client_for(cast.a).post(reverse("journal:new"), {"text": "keep me", "tags": tags})
    assert response.status_code == 200 and "keep me" in response.content.decode()
    assert not Entry.objects.exists()


def test_search_finds_own_entries_by_words_tags_and_prompt(cast):
    services.write(cast.a, "The argument about the dishes", ["conflict"])
    services.write(cast.a, "A lovely morning together", ["joy", "Morning"])
    services.write(cast.b, "Dishes again, from B", ["conflict"])
    texts = lambda found: sorted(e.text for e in found.entries)  # noqa: E731

    assert texts(services.search_own(cast.a, "DISHES")) == ["The argument about the dishes"]
    assert texts(services.search_own(cast.a, "lovely together")) == ["A lovely morning together"]
    assert texts(services.search_own(cast.a, "", "joy")) == ["A lovely morning together"]
    assert texts(services.search_own(cast.a, "dishes", "joy")) == []
    assert services.search_own(cast.a).tags == ["conflict", "joy", "morning"]


def test_search_page_never_shows_the_partners_entries(cast, client_for):
    entry = services.write(cast.b, "dishes from B", [])
    services.share(cast.b, entry)
    services.write(cast.a, "dishes from A", [])
    page = client_for(cast.a).get(reverse("journal:index"), {"q": "dishes"})
    assert [e.text for e in page.context["page"]] == ["dishes from A"]


def test_share_and_unshare(cast, client_for):
    entry = services.write(cast.a, "Something I want you to read", [])
    url = reverse("journal:detail", kwargs={"pk": entry.pk})
    client_for(cast.a).post(reverse("journal:share", kwargs={"pk": entry.pk}))
    assert client_for(cast.b).get(url).status_code == 200
    assert (
        "Something I want you to read"
        in client_for(cast.b).get(reverse("journal:index")).content.decode()
    )
    # The partner may read, never change.
    assert (
        client_for(cast.b).post(reverse("journal:unshare", kwargs={"pk": entry.pk})).status_code
        == 404
    )
    client_for(cast.a).post(reverse("journal:unshare", kwargs={"pk": entry.pk}))
    assert client_for(cast.b).get(url).status_code == 404
    assert (
        "Something I want" not in client_for(cast.b).get(reverse("journal:index")).content.decode()
    )


def test_solo_user_cannot_share(cast, client_for):
    entry = services.write(cast.solo, "alone", [])
    client_for(cast.solo).post(reverse("journal:share", kwargs={"pk": entry.pk}))
    entry.refresh_from_db()
    assert entry.visibility == "private"


def test_shared_entry_disappears_for_the_partner_after_leaving(cast, client_for):
    entry = services.share(cast.a, services.write(cast.a, "shared once", []))
    leave_couple(cast.b)
    assert client_for(cast.b).get(f"/journal/{entry.pk}/").status_code == 404
    assert client_for(cast.a).get(f"/journal/{entry.pk}/").status_code == 200


def test_edit_and_delete(cast, client_for):
    entry = services.write(cast.a, "first draft", ["a"])
    client_for(cast.a).post(
        reverse("journal:edit", kwargs={"pk": entry.pk}), {"text": "second", "tags": "b"}
    )
    entry.refresh_from_db()
    assert (entry.text, entry.tags) == ("second", ["b"])
    client_for(cast.a).post(reverse("journal:delete", kwargs={"pk": entry.pk}))
    assert not Entry.objects.exists()


def test_registered_with_encrypted_fields_and_export(cast):
    entry = registry.entry_for(Entry)
    assert entry.encrypted == ("text", "tags") and entry.rule == registry.Rule.AUTHORED
    data = services.write(cast.a, "exported words", ["x"]).export_data()
    assert data["text"] == "exported words" and data["tags"] == ["x"]
    assert data["shared_with_partner"] is False and "id" not in data


def test_journal_list_query_count_stays_flat(cast, client_for, django_assert_max_num_queries):
    for n in range(5):
        services.write(cast.a, f"entry {n}", [])
    client = client_for(cast.a)
    client.get(reverse("journal:index"))
    with django_assert_max_num_queries(12):
        client.get(reverse("journal:index"))
