from datetime import date, timedelta

from django.utils import timezone

from nearer.checkins.models import CheckIn, Meeting, MeetingPrep
from nearer.couples.services import state_of
from nearer.visibility import Visibility


def local_day(user) -> date:
    return timezone.now().astimezone(user.tz).date()


def week_of(user) -> date:
    today = local_day(user)
    return today - timedelta(days=today.weekday())


def check_in(user, mood: int, connection: int, word: str = "", share: bool = False) -> CheckIn:
    """Today's check-in (a second one the same day replaces the first)."""
    entry = CheckIn.objects.filter(author=user, day=local_day(user)).first() or CheckIn(
        day=local_day(user)
    )
    entry.attach(user, Visibility.SHARED if share else Visibility.PRIVATE)
    entry.mood, entry.connection, entry.word = mood, connection, word.strip()
    entry.save()
    return entry


def share_check_in(user, entry: CheckIn) -> None:
    entry.attach(user, Visibility.SHARED)
    entry.save(update_fields=["visibility", "couple", "mutual_key", "updated_at"])


def save_prep(user, content: dict) -> MeetingPrep:
    prep = MeetingPrep.objects.filter(author=user, week=week_of(user)).first() or MeetingPrep(
        week=week_of(user)
    )
    prep.attach(user, Visibility.PRIVATE)
    prep.content = MeetingPrep.clean_content(content)
    prep.save()
    return prep


def record_meeting(user, content: dict) -> Meeting:
    meeting = Meeting(week=week_of(user))
    linked = state_of(user).is_linked
    meeting.attach(user, Visibility.SHARED if linked else Visibility.PRIVATE)
    meeting.content = Meeting.clean_content(content)
    meeting.save()
    return meeting
