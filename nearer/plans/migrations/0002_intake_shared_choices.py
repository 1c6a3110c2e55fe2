"""Intake: keep only what is used. "Living apart" becomes a yes/no that shapes shared
surfaces; the situations to share and the parts of life are new, shared-by-choice answers.
How long together, children and the partner's time zone were never used and are dropped."""

from django.db import migrations, models


def living_apart_from_living(apps, schema_editor):
    Intake = apps.get_model("plans", "Intake")
    Intake.objects.filter(living="apart").update(living_apart=True)


class Migration(migrations.Migration):
    dependencies = [
        ("plans", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="intake",
            name="lives",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.AddField(
            model_name="intake",
            name="living_apart",
            field=models.BooleanField(default=False),
        ),
        migrations.AddField(
            model_name="intake",
            name="shared_situations",
            field=models.JSONField(blank=True, default=list),
        ),
        migrations.RunPython(living_apart_from_living, migrations.RunPython.noop),
        migrations.RemoveField(model_name="intake", name="children"),
        migrations.RemoveField(model_name="intake", name="living"),
        migrations.RemoveField(model_name="intake", name="partner_time_zone"),
        migrations.RemoveField(model_name="intake", name="together"),
    ]
