"""Encryption at rest bound to table, row and column (see nearer/encrypted.py).

Existing ciphertext is re-sealed with AES-GCM bound to its row, and plain sensitive columns
are encrypted, then dropped. Reversing it writes the plain columns back.
"""

import uuid

from django.db import migrations, models
from django.db.models.functions import UUID4

from nearer.encrypted import bind_rows


class Migration(migrations.Migration):
    dependencies = [
        ("accounts", "0002_user_deletion_requested_at"),
        ("safety", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            "safetycheck", "crypto_id", models.UUIDField(editable=False, null=True)
        ),
        migrations.AddField(
            "safetycheck", "signals_danger_encrypted", models.BinaryField(default=b"")
        ),
        bind_rows(
            "safety",
            "safetycheck",
            "user",
            reseal=("answers_encrypted",),
            encrypt={"signals_danger": ("signals_danger_encrypted", bool)},
        ),
        migrations.AlterField(
            "safetycheck",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
        migrations.RemoveField("safetycheck", "signals_danger"),
    ]
