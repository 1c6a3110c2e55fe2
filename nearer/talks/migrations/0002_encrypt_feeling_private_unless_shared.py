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
        ("talks", "0001_initial"),
    ]

    operations = [
        migrations.AddField("talk", "crypto_id", models.UUIDField(editable=False, null=True)),
        migrations.AddField("talk", "feeling_encrypted", models.BinaryField(default=b"")),
        migrations.AddField("talknote", "crypto_id", models.UUIDField(editable=False, null=True)),
        migrations.AddField("talk", "feeling_shared", models.BooleanField(default=False)),
        bind_rows(
            "talks",
            "talk",
            "author",
            reseal=(),
            encrypt={"feeling": ("feeling_encrypted", int)},
        ),
        bind_rows("talks", "talknote", "author", reseal=("text_encrypted",), encrypt={}),
        migrations.AlterField(
            "talk",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
        migrations.RemoveField("talk", "feeling"),
        migrations.AlterField(
            "talknote",
            "crypto_id",
            models.UUIDField(
                default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True
            ),
        ),
    ]
