"""Hand-written factories for tests (no fixtures files): people, couples, moments."""

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
