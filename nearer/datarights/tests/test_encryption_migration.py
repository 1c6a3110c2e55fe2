"""The data migrations bring existing rows to bound AES-GCM: old Fernet ciphertext is
re-sealed, plain sensitive columns are encrypted and dropped, nothing is lost."""

from datetime import date

import pytest
from cryptography.fernet import Fernet
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from nearer import crypto
from nearer.notes.models import Note
from nearer.plans.models import Enrollment, Intake, StepLog
from nearer.timeline.models import Moment

BEFORE = [
    ("timeline", "0001_initial"),
    ("notes", "0001_initial"),
    ("plans", "0001_initial"),
    ("accounts", "0002_user_deletion_requested_at"),
]
AFTER = [
    ("timeline", "0002_encrypt_moment_title_and_text"),
    ("notes", "0002_bind_encrypted_text_to_rows"),
    ("plans", "0002_encrypt_intake_situations_and_roles"),
]


@pytest.mark.django_db(transaction=True)
def test_existing_rows_are_sealed_and_bound_by_the_migrations():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE).apps
    user = old.get_model("accounts", "User").objects.create(
        email="old@example.com", display_name="Old", wrapped_key=crypto.new_wrapped_key()
    )
    material = crypto.server_decrypt(user.wrapped_key)
    old.get_model("timeline", "Moment").objects.create(
        author_id=user.pk, title="the old flat", text="so cold", happened_on=date(2020, 1, 1)
    )
    old.get_model("notes", "Note").objects.create(
        author_id=user.pk,
        recipient_id=user.pk,
        text_encrypted=Fernet(material).encrypt(b"written before AES-GCM"),
    )
    old.get_model("plans", "Intake").objects.create(
        user_id=user.pk,
        situations=["after_betrayal"],
        roles={"after_betrayal": "hurt"},
        hopes_encrypted=Fernet(material).encrypt(b"to trust again"),
    )
    enrollment = old.get_model("plans", "Enrollment").objects.create(
        user_id=user.pk, situations=["after_betrayal"], started_on=date(2024, 1, 1)
    )
    for ref in ("after_betrayal:w1d1-hurt", "after_betrayal:w1d2-hurt"):
        old.get_model("plans", "StepLog").objects.create(
            enrollment=enrollment, step=ref, status="done", day=1
        )

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
    crypto.forget_keys()

    moment = Moment.objects.get()
    assert (moment.title, moment.text) == ("the old flat", "so cold")
    assert bytes(moment.title_encrypted)[:1] == crypto.VERSION
    note = Note.objects.get()
    assert note.text == "written before AES-GCM"
    assert bytes(note.text_encrypted)[:1] == crypto.VERSION and note.crypto_id
    intake = Intake.objects.get()
    assert (intake.situations, intake.roles) == (["after_betrayal"], {"after_betrayal": "hurt"})
    assert intake.hopes == "to trust again"
    assert Enrollment.objects.get().situations == ["after_betrayal"]
    logs = StepLog.objects.order_by("pk")
    assert [log.step for log in logs] == ["after_betrayal:w1d1-hurt", "after_betrayal:w1d2-hurt"]
    assert len({log.crypto_id for log in logs}) == 2  # each existing row got its own id
    assert logs[0].step_digest == StepLog.digest(Enrollment.objects.get().user, logs[0].step)
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM plans_intake")
        assert b"after_betrayal" not in repr(cursor.fetchall()).encode()
        cursor.execute("SELECT * FROM plans_enrollment")
        assert b"after_betrayal" not in repr(cursor.fetchall()).encode()
        cursor.execute("SELECT * FROM plans_steplog")
        assert b"after_betrayal" not in repr(cursor.fetchall()).encode()
