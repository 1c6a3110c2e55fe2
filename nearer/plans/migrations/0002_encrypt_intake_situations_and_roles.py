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
    ]
