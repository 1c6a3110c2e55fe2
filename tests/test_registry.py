"""The personal-data registry is complete: a model that points at a person is declared."""

from django.apps import apps
from django.conf import settings

from nearer import registry


def _points_at_user(model) -> list[str]:
    user_model = apps.get_model(settings.AUTH_USER_MODEL)
    return [
        f.name
        for f in model._meta.get_fields()
        if f.is_relation and f.concrete and f.related_model is user_model
    ]


def test_every_nearer_model_pointing_at_a_person_is_registered():
    missing = [
        f"{model._meta.label}"
        for model in apps.get_models()
        if model.__module__.startswith("nearer.")
        and _points_at_user(model)
        and registry.entry_for(model) is None
    ]
    assert not missing, f"Register these in their app's personal_data.py: {missing}"


def test_every_registered_pointer_is_declared():
    for entry in registry.entries():
        if entry.owner == "pk":
            continue
        declared = {entry.owner, *entry.also_points_at}
        undeclared = set(_points_at_user(entry.model)) - declared
        assert not undeclared, f"{entry.name}: declare {undeclared} in also_points_at"


def test_encrypted_fields_exist_on_the_model():
    for entry in registry.entries():
        for name in entry.encrypted:
            assert hasattr(entry.model, name) or hasattr(entry.model, f"{name}_encrypted"), (
                f"{entry.name}.{name}"
            )


def test_owner_only_records_are_found_through_owned_by():
    for entry in registry.entries():
        if entry.rule == registry.Rule.OWNER_ONLY:
            assert hasattr(entry.model._default_manager.all(), "owned_by"), entry.name


def test_authored_records_are_found_through_visible_to():
    for entry in registry.entries():
        if entry.rule == registry.Rule.AUTHORED:
            assert hasattr(entry.model._default_manager.all(), "visible_to"), entry.name


def test_deletion_declared_matches_what_the_database_does():
    from django.db import models

    expected = {
        registry.Deletion.CASCADE: models.CASCADE,
        registry.Deletion.DETACH: models.SET_NULL,
    }
    for entry in registry.entries():
        if entry.owner == "pk":
            continue
        owner = entry.model._meta.get_field(entry.owner)
        assert owner.remote_field.on_delete is expected[entry.deletion], entry.name
