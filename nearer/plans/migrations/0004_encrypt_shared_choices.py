"""The situations a person shares and the parts of life they choose to reflect are about
their life too: encrypted like their private answers (see nearer/encrypted.py)."""

import json

from django.db import migrations, models

from nearer import crypto

COLUMNS = {"shared_situations": "shared_situations_encrypted", "lives": "lives_encrypted"}


def _rows(apps):
    intake = apps.get_model("plans", "Intake")
    users = apps.get_model("accounts", "User")
    for row in intake._default_manager.order_by("pk").iterator():
        key = crypto.unwrap(bytes(users._default_manager.get(pk=row.user_id).wrapped_key))
        yield row, key


def seal(apps, schema_editor):
    for row, key in _rows(apps):
        for plain, column in COLUMNS.items():
            aad = crypto.bound_to("plans_intake", row.crypto_id, column)
            text = json.dumps(getattr(row, plain) or [])
            setattr(row, column, crypto.seal(key, text.encode(), aad))
        row.save(update_fields=list(COLUMNS.values()))


def unseal(apps, schema_editor):
    for row, key in _rows(apps):
        for plain, column in COLUMNS.items():
            value = bytes(getattr(row, column) or b"")
            aad = crypto.bound_to("plans_intake", row.crypto_id, column)
            setattr(row, plain, json.loads(crypto.open_sealed(key, value, aad)) if value else [])
        row.save(update_fields=list(COLUMNS))


class Migration(migrations.Migration):
    dependencies = [("plans", "0003_merge_encryption_and_shared_choices")]

    operations = [
        migrations.AddField(
            "intake", "shared_situations_encrypted", models.BinaryField(default=b"")
        ),
        migrations.AddField("intake", "lives_encrypted", models.BinaryField(default=b"")),
        migrations.RunPython(seal, unseal),
        migrations.RemoveField("intake", "shared_situations"),
        migrations.RemoveField("intake", "lives"),
    ]
