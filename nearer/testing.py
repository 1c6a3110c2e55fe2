"""Hand-written factories for tests (no fixtures files): people, couples, moments."""

import itertools
from datetime import date

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model

from nearer.couples import services
from nearer.timeline.models import Moment
from nearer.visibility import Visibility

PASSWORD = "a quiet garden 42"


def make_user(email: str, name: str, time_zone: str = "UTC", **extra):
    user = get_user_model().objects.create_user(
        email, PASSWORD, display_name=name, time_zone=time_zone, **extra
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def link(first, second):
    """Put two people in one couple space, the way the product does it."""
    _invite, token = services.create_invite(first)
    services.accept_invite(second, token)
    services.forget_state(first, second)
    return services.state_of(first).couple


def make_moment(author, visibility=Visibility.SHARED, title="A walk by the river", **extra):
    mutual_key = extra.pop("mutual_key", "")
    moment = Moment(title=title, happened_on=extra.pop("happened_on", date(2024, 5, 1)), **extra)
    moment.attach(author, visibility, mutual_key)
    moment.save()
    return moment


# --- One record of any registered kind (for the tests that walk the registry) -------------


def example_value(attribute, marker: str):
    """A value for an ``encrypted`` attribute that is easy to find again."""
    return {
        str: marker,
        list: [marker],
        dict: {"example": marker},
        int: 3,
        bool: True,
        bytes: marker.encode(),
    }[attribute.kind]


# Numbers the generic records, so that two records made along the way (the daily question an
# answer needs, and the one a reply needs) never share a value that must be unique.
_made = itertools.count()


def _plain_value(field, marker: str, seq: int):
    from datetime import UTC, datetime, time, timedelta

    from django.db import models

    if field.choices:
        return next(value for value, _label in field.flatchoices if value not in ("", None))
    if isinstance(field, models.DateTimeField):
        return datetime(2024, 5, 1, 18, 30, tzinfo=UTC) + timedelta(minutes=seq)
    if isinstance(field, models.DateField):
        return date(2024, 5, 1) + timedelta(days=seq)
    if isinstance(field, models.TimeField):
        return time(18, 30)
    if isinstance(field, models.IntegerField):
        return 1
    if isinstance(field, models.JSONField):
        return []
    if isinstance(field, models.BinaryField):
        return b""
    if isinstance(field, (models.CharField, models.TextField)):
        return f"plain-{seq}-{field.name}"[: field.max_length or 200]
    raise ValueError(f"No example value for {field.model.__name__}.{field.name}")


def make_related(model, user, marker: str = "example", seq: int = 0, **values):
    """A saved instance of ``model`` filled generically: the person for user links, their
    couple for couple links, a fresh related record for other links, plain values for the
    rest (first choice, a date, a number). Encrypted attributes get ``marker``."""
    from django.contrib.auth import get_user_model
    from django.db import models

    from nearer.couples.models import Couple
    from nearer.couples.services import state_of
    from nearer.encrypted import encrypted_attributes
    from nearer.visibility import Authored

    obj = model()
    if isinstance(obj, Authored):
        obj.attach(user, Visibility.SHARED)
    for field in model._meta.concrete_fields:
        if field.name in values or field.primary_key:
            continue
        if field.is_relation:
            if field.related_model is get_user_model():
                values[field.name] = user
            elif field.related_model is Couple:
                values[field.name] = state_of(user).couple
            elif not field.null:
                # Its own marker, so that the record made along the way (the answer a reply
                # needs) is never mistaken for the record itself.
                related = f"{marker}-{field.name}"
                values[field.name] = make_related(field.related_model, user, related, seq + 1)
            continue
        if field.has_default() or field.null or getattr(field, "auto_now", False):
            continue
        if isinstance(field, models.BinaryField):
            continue  # the encrypted attributes below fill their columns
        values[field.name] = _plain_value(field, marker, next(_made))
    for name, value in values.items():
        setattr(obj, name, value)
    for name, attribute in encrypted_attributes(model).items():
        if name not in values:
            setattr(obj, name, example_value(attribute, f"{marker}-{name}"))
    obj.save()
    return obj


def make_example(entry, user, marker: str):
    """One saved record of a registered kind belonging to ``user``."""
    if entry.example is not None:
        return entry.example(user, marker)
    if entry.owner == "pk":
        return user
    return make_related(entry.model, user, marker)
