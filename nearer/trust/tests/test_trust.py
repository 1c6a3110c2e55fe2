"""Rebuilding trust: a private statement until shared, commitments only their author
records keeping, the partner's "I noticed", private feelings and a private pause."""

import re

import pytest
from django.db import connection
from django.urls import reverse

from nearer import registry
from nearer.plans import services as plans
from nearer.trust import services
from nearer.trust.models import Commitment, FeelingsCheckIn, KeptRecord, Noticed, Statement

pytestmark = pytest.mark.django_db


def test_statement_is_private_until_shared_and_can_be_unshared(cast, client_for):
    client_for(cast.a).post(
        reverse("trust:statement"),
        {"what_i_did": "I lied about the messages", "responsibility": "It was my choice"},
    )
    statement = Statement.objects.get()
    assert statement.visibility == "private"
    with connection.cursor() as cursor:
        cursor.execute("SELECT content_encrypted FROM trust_statement")
        assert b"messages" not in bytes(cursor.fetchone()[0])
    ben = client_for(cast.b)
    assert "I lied about the messages" not in ben.get(reverse("trust:index")).content.decode()
    client_for(cast.a).post(reverse("trust:statement_share"))
    assert "I lied about the messages" in ben.get(reverse("trust:index")).content.decode()
    client_for(cast.a).post(reverse("trust:statement_unshare"))
    assert "I lied about the messages" not in ben.get(reverse("trust:index")).content.decode()


def test_solo_cannot_share_a_statement(cast, client_for):
    services.save_statement(cast.solo, {"what_i_did": "x"})
    client_for(cast.solo).post(reverse("trust:statement_share"))
    assert Statement.objects.get().visibility == "private"


def test_commitment_kept_by_author_and_noticed_by_partner(cast, client_for):
    ada, ben = client_for(cast.a), client_for(cast.b)
    ada.post(reverse("trust:index"), {"text": "I will tell you when I am late", "share": "on"})
    commitment = Commitment.objects.get()
    assert commitment.visibility == "shared"
    # Only the author records keeping it.
    assert ben.post(reverse("trust:kept", kwargs={"pk": commitment.pk})).status_code == 404
    ada.post(reverse("trust:kept", kwargs={"pk": commitment.pk}), {"note": "texted at 6"})
    record = KeptRecord.objects.get()
    assert record.note == "texted at 6" and record.visibility == "shared"
    page = ben.get(reverse("trust:index")).content.decode()
    assert "I will tell you when I am late" in page and "texted at 6" in page
    # The author cannot notice their own record; the partner can, and can take it back.
    assert ada.post(reverse("trust:noticed", kwargs={"pk": record.pk})).status_code == 404
    ben.post(reverse("trust:noticed", kwargs={"pk": record.pk}))
    assert Noticed.objects.filter(record=record, author=cast.b).exists()
    assert "Your partner noticed" in ada.get(reverse("trust:index")).content.decode()
    ben.post(reverse("trust:noticed", kwargs={"pk": record.pk}))
    assert not Noticed.objects.exists()


def test_private_commitment_stays_private(cast, client_for):
    commitment = services.make_commitment(cast.a, "I will rest on Sundays", share=False)
    services.record_kept(cast.a, commitment, "rested")
    page = client_for(cast.b).get(reverse("trust:index")).content.decode()
    assert "rest on Sundays" not in page and "rested" not in page
    record = KeptRecord.objects.get()
    assert (
        client_for(cast.b).post(reverse("trust:noticed", kwargs={"pk": record.pk})).status_code
        == 404
    )


def test_nothing_is_recorded_that_the_person_did_not_write(cast):
    commitment = services.make_commitment(cast.a, "I will call", share=True)
    assert KeptRecord.objects.count() == 0
    with pytest.raises(PermissionError):
        services.record_kept(cast.b, commitment)


def test_empty_commitment_gets_a_clear_message(cast, client_for):
    response = client_for(cast.a).post(reverse("trust:index"), {"text": ""})
    assert response.status_code == 200 and response.context["form"].errors
    assert not Commitment.objects.exists()


def test_feelings_check_in_is_owner_only(cast, client_for):
    response = client_for(cast.b).post(
        reverse("trust:feelings"), {"feelings": ["raw", "numb"], "note": "long day"}
    )
    assert response.status_code == 302
    row = FeelingsCheckIn.objects.owned_by(cast.b).get()
    assert row.content == {"feelings": ["raw", "numb"], "note": "long day"}
    assert not FeelingsCheckIn.objects.owned_by(cast.a).exists()
    assert "long day" not in client_for(cast.a).get(reverse("trust:feelings")).content.decode()
    assert "long day" in client_for(cast.b).get(reverse("trust:feelings")).content.decode()
    empty = client_for(cast.b).post(reverse("trust:feelings"), {"note": "  "})
    assert empty.status_code == 200 and empty.context["form"].non_field_errors()


def test_pausing_the_plan_is_private(cast, client_for):
    plans.enroll(cast.b, ["after_betrayal"])
    plans.enroll(cast.a, ["after_betrayal"])
    before = client_for(cast.a).get(reverse("trust:index")).content
    assert b"Pause my plan" in client_for(cast.b).get(reverse("trust:index")).content
    client_for(cast.b).post(reverse("plans:pause"))
    assert plans.current_enrollment(cast.b).paused_on is not None
    assert plans.current_enrollment(cast.a).paused_on is None
    after = client_for(cast.a).get(reverse("trust:index")).content
    assert strip(before) == strip(after)


def strip(page: bytes) -> bytes:
    """Without per-request tokens (CSRF, CSP nonce)."""
    return re.sub(rb'(value|nonce)="[^"]+"', b"", page)


def test_therapy_path_is_on_the_page(cast, client_for):
    page = client_for(cast.solo).get(reverse("trust:index")).content.decode()
    assert "Couples therapy: a clear path" in page
    assert reverse("safety") in page


def test_all_registered(cast):
    for model in (Statement, Commitment, KeptRecord, Noticed, FeelingsCheckIn):
        assert registry.entry_for(model) is not None, model
    assert registry.entry_for(FeelingsCheckIn).rule == registry.Rule.OWNER_ONLY
    commitment = services.make_commitment(cast.a, "I will call", share=True)
    record = services.record_kept(cast.a, commitment, "did")
    assert record.export_data()["commitment"] == "I will call"
    assert commitment.export_data()["commitment"] == "I will call"


def test_each_commitment_shows_its_newest_kept_records_and_counts_the_rest(cast, client_for):
    from django.test.utils import CaptureQueriesContext

    kept_often = services.make_commitment(cast.a, "I will call at lunch", True)
    kept_once = services.make_commitment(cast.a, "I will leave my phone unlocked", True)
    records = [services.record_kept(cast.a, kept_often, f"call {n:02d}") for n in range(25)]
    services.record_kept(cast.a, kept_once, "left it on the table")
    services.toggle_noticed(cast.b, records[-1])  # the newest, noticed by the partner
    services.toggle_noticed(cast.b, records[0])  # the oldest: counted, not shown

    def page():
        with CaptureQueriesContext(connection) as queries:
            html = client_for(cast.b).get(reverse("trust:index")).content.decode()
        return html, len(queries)

    html, queries = page()
    shown = re.findall(r"call (\d\d)", html)
    assert shown == [f"{n:02d}" for n in range(24, 4, -1)]  # the newest 20, newest first
    assert "kept 25 times so far" in html and "kept once so far" in html
    assert "left it on the table" in html
    assert html.count("Take back “I noticed”") == 1
    for n in range(25, 60):
        services.record_kept(cast.a, kept_often, f"call {n:02d}")
    html, more_queries = page()
    assert "kept 60 times so far" in html and more_queries == queries
