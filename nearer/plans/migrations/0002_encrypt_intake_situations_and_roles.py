"""Encryption at rest bound to table, row and column (see nearer/encrypted.py).

Existing ciphertext is re-sealed with AES-GCM bound to its row, and plain sensitive columns
are encrypted, then dropped. Reversing it writes the plain columns back.
"""

import uuid

from django.db import migrations, models
from django.db.models.functions import UUID4

from nearer import crypto
from nearer.encrypted import bind_rows


def _step_logs(apps):
    logs = apps.get_model("plans", "StepLog")
    users = apps.get_model("accounts", "User")
    keys = {}
    for log in logs.objects.select_related("enrollment").order_by("pk").iterator():
        user_id = log.enrollment.user_id
        if user_id not in keys:
            keys[user_id] = crypto.unwrap(bytes(users.objects.get(pk=user_id).wrapped_key))
        aad = crypto.bound_to("plans_steplog", log.crypto_id, "step_encrypted")
        yield log, keys[user_id], aad


def seal_steps(apps, schema_editor):
    for log, key, aad in _step_logs(apps):
        log.step_encrypted = crypto.seal(key, log.step.encode(), aad)
        log.step_digest = crypto.lookup_digest(key, "plans.step", log.step)
        log.save(update_fields=["step_encrypted", "step_digest"])


def open_steps(apps, schema_editor):
    for log, key, aad in _step_logs(apps):
        log.step = crypto.open_sealed(key, log.step_encrypted, aad).decode()
        log.save(update_fields=["step"])


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_deletion_requested_at"),
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.AddField("intake", "crypto_id", models.UUIDField(editable=False, null=True)),
        migrations.AddField("intake", "situations_encrypted", models.BinaryField(default=b"")),
        migrations.AddField("intake", "roles_encrypted", models.BinaryField(default=b"")),
        migrations.AddField("enrollment", "crypto_id", models.UUIDField(editable=False, null=True)),
        migrations.AddField("enrollment", "situations_encrypted", models.BinaryField(default=b"")),
        bind_rows(
            "plans", "enrollment", "user", encrypt={"situations": ("situations_encrypted", list)}
        ),
        bind_rows(
            "plans",
            "intake",
            "user",
            reseal=("hopes_encrypted",),
            encrypt={
                "situations": ("situations_encrypted", list),
                "roles": ("roles_encrypted", dict),
            },
        ),
        migrations.AlterField(
            "intake",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
        migrations.RemoveField("intake", "situations"),
        migrations.RemoveField("intake", "roles"),
        migrations.AlterField(
            "enrollment",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
        migrations.RemoveField("enrollment", "situations"),
        # Step keys name the situation and the role ("after_betrayal:w1d1-hurt").
        migrations.RemoveConstraint("steplog", "one_log_per_step"),
        migrations.AddField(
            "steplog",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
        migrations.AddField("steplog", "step_digest", models.CharField(default="", max_length=64)),
        migrations.AddField("steplog", "step_encrypted", models.BinaryField(default=b"")),
        migrations.RunPython(seal_steps, open_steps),
        migrations.AlterField("steplog", "step_digest", models.CharField(max_length=64)),
        migrations.AddConstraint(
            "steplog",
            models.UniqueConstraint(fields=("enrollment", "step_digest"), name="one_log_per_step"),
        ),
        migrations.RemoveField("steplog", "step"),
    ]
