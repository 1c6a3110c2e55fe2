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
        ("questions", "0001_initial"),
    ]

    operations = [
        migrations.AddField("answer", "crypto_id", models.UUIDField(editable=False, null=True)),
        migrations.AddField("reaction", "crypto_id", models.UUIDField(editable=False, null=True)),
        migrations.AddField("reaction", "reply_encrypted", models.BinaryField(default=b"")),
        bind_rows("questions", "answer", "author", reseal=("text_encrypted",), encrypt={}),
        bind_rows(
            "questions",
            "reaction",
            "author",
            reseal=(),
            encrypt={"reply": ("reply_encrypted", str)},
        ),
        migrations.AlterField(
            "answer",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
        migrations.AlterField(
            "reaction",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
        migrations.RemoveField("reaction", "reply"),
    ]
