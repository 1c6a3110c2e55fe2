"""The summary a person may bring to a therapist: only what they chose, never stored."""

from datetime import UTC, datetime

import pytest
import time_machine
from django.db import connection
from django.urls import reverse

from nearer.checkins.services import check_in
from nearer.progress import directories, services, summary
from nearer.talks.services import log_talk

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 6, 3, 12, 0, tzinfo=UTC)
LOW = {"happiness": 2, "warm": 1, "rewarding": 2, "satisfied": 1}  # 6


def table_counts():
    with connection.cursor() as cursor:
        tables = connection.introspection.table_names(cursor)
        counts = {}
        for table in tables:
            cursor.execute(f'SELECT COUNT(*) FROM "{table}"')  # noqa: S608 - names from the db
            counts[table] = cursor.fetchone()[0]
    return counts


@time_machine.travel(NOW, tick=False)
def test_the_printable_summary_holds_only_what_was_chosen(cast, client_for):
    services.record(cast.a, LOW)
    check_in(cast.a, 3, 2)
    log_talk(cast.a, 15, 3)
    client = client_for(cast.a)
    before = table_counts()
    response = client.post(
        reverse("progress:summary"),
        {"csi": "on", "words": "We keep missing each other.", "format": "html"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "6 / 21" in html and "We keep missing each other." in html
    assert "Feeling connected" not in html and "Talks held" not in html
    assert table_counts() == before  # nothing about the summary is stored


@time_machine.travel(NOW, tick=False)
def test_the_summary_never_holds_the_partners_private_data(cast, client_for):
    services.record(cast.b, LOW)
    check_in(cast.b, 1, 1, share=True)
    html = (
        client_for(cast.a)
        .post(reverse("progress:summary"), {"csi": "on", "connection": "on", "format": "html"})
        .content.decode()
    )
    assert "6 / 21" not in html and "No answers yet" in html


@time_machine.travel(NOW, tick=False)
def test_the_pdf_is_a_pdf_with_the_chosen_data(cast, client_for):
    services.record(cast.a, LOW)
    made = summary.build(cast.a, {"csi": True, "activity": True, "words": "Ünïcode ✓"})
    assert [s.title for s in made.sections] == [
        "CSI-4 answers, last year",
        "Talks held",
        "Love notes sent",
        "Appreciations",
    ]
    response = client_for(cast.a).post(
        reverse("progress:summary"), {"plan": "on", "words": "Ünïcode ✓ 你好", "format": "pdf"}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'attachment; filename="nearer-summary-2026-06-03.pdf"'
    assert response.content.startswith(b"%PDF-")


def test_the_pdf_works_without_a_unicode_font(cast, monkeypatch, tmp_path):
    monkeypatch.setattr(summary, "UNICODE_FONT", tmp_path / "missing.ttf")
    made = summary.build(cast.a, {"plan": True, "words": "Ünïcode ✓ 你好"})
    assert summary.to_pdf(made).startswith(b"%PDF-")


def test_bad_input_gets_a_message_and_keeps_the_words(cast, client_for):
    response = client_for(cast.a).post(
        reverse("progress:summary"), {"words": "Keep me", "format": "docx"}
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Keep me" in html and "Select a valid choice" in html


def test_the_directory_file_can_be_replaced(settings, tmp_path):
    own = tmp_path / "dirs.yaml"
    own.write_text(
        "- country: Iceland\n  name: Local practice\n  kind: couples\n  phone: 555 1234\n"
    )
    settings.NEARER_HELP_DIRECTORIES = str(own)
    directories.directories.cache_clear()
    try:
        assert directories.countries() == [("Iceland", "Iceland")]
        assert directories.for_country("Iceland")[0]["phone_link"] == "5551234"
        assert directories.for_country("Iceland", individual_only=True) == []
        own.write_text("- country: Iceland\n  name: X\n  kind: group\n")
        directories.directories.cache_clear()
        with pytest.raises(directories.BadDirectoryFile):
            directories.directories()
    finally:
        directories.directories.cache_clear()


def test_a_broken_directory_file_is_reported_at_start(settings, tmp_path):
    from nearer.progress.apps import check_directories

    settings.NEARER_HELP_DIRECTORIES = str(tmp_path / "absent.yaml")
    directories.directories.cache_clear()
    try:
        assert [e.id for e in check_directories()] == ["nearer.progress.E001"]
    finally:
        settings.NEARER_HELP_DIRECTORIES = settings.NEARER_CONTENT_DIR / "help/directories.yaml"
        directories.directories.cache_clear()
    assert check_directories() == []
