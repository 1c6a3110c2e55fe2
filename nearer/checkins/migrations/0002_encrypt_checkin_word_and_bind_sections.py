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
        ("checkins", "0001_initial"),
    ]

    operations = [
        migrations.AddField("checkin", "crypto_id", models.UUIDField(editable=False, null=True)),
        migrations.AddField("checkin", "word_encrypted", models.BinaryField(default=b"")),
        migrations.AddField(
            "meetingprep", "crypto_id", models.UUIDField(editable=False, null=True)
        ),
        migrations.AddField("meeting", "crypto_id", models.UUIDField(editable=False, null=True)),
        bind_rows(
            "checkins",
            "checkin",
            "author",
            reseal=(),
            encrypt={"word": ("word_encrypted", str)},
        ),
        bind_rows("checkins", "meetingprep", "author", reseal=("content_encrypted",), encrypt={}),
        bind_rows("checkins", "meeting", "author", reseal=("content_encrypted",), encrypt={}),
        migrations.AlterField(
            "checkin",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
        migrations.RemoveField("checkin", "word"),
        migrations.AlterField(
            "meetingprep",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
        migrations.AlterField(
            "meeting",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
    ]
