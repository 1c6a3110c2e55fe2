import secrets
from datetime import date

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.db import transaction

from nearer.core.demo_life import live, started
from nearer.couples import services
from nearer.timeline.models import Moment
from nearer.visibility import Visibility

DEMO = [
    ("alex@example.com", "Alex", "Europe/London"),
    ("sam@example.com", "Sam", "America/Toronto"),
]


class Command(BaseCommand):
    help = (
        "Create a demo couple with three weeks of life when the database has no users yet, "
        "and print their logins."
    )

    def handle(self, *args, **options):
        User = get_user_model()
        if User.objects.exists():
            self.stdout.write("Demo couple not created: the database already has accounts.")
            return
        logins = []
        with transaction.atomic():
            people = []
            for email, name, tz in DEMO:
                password = secrets.token_urlsafe(12)
                user = User.objects.create_user(email, password, display_name=name, time_zone=tz)
                EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
                people.append(user)
                logins.append((email, password))
            alex, sam = people
            with started():  # they joined three weeks ago
                _invite, token = services.create_invite(alex)
                services.accept_invite(sam, token)
            moment = Moment(
                title="The day we met", happened_on=date(2019, 6, 1), text="Rain, and one umbrella."
            )
            moment.attach(alex, Visibility.SHARED)
            moment.save()
            # Three weeks of life, so every page shows what it is for.
            live(alex, sam)
        self.stdout.write(
            self.style.SUCCESS(f"A demo couple is ready. Log in at {settings.SITE_URL} as:")
        )
        for email, password in logins:
            self.stdout.write(f"  {email}  password: {password}")
        self.stdout.write(
            "(These passwords are shown once. `manage.py changepassword EMAIL` sets a new one.)"
        )
