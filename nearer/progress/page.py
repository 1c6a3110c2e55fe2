"""Everything the progress page shows, composed in a fixed number of queries.

The person's own view shows their own records (and the talks held with them). The couple
view shows only what was shared: shared records of both partners, and a partner's CSI-4
trend only if that partner chose to share it, each on its own chart: never side by side,
never compared.
"""

from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils import formats, timezone
from django.utils.translation import gettext as _

from nearer.couples.services import state_of
from nearer.plans import services as plans
from nearer.plans.definitions import TOTAL_DAYS
from nearer.plans.models import StepLog
from nearer.progress import charts, help, milestones, services
from nearer.progress.measure import csi4
from nearer.progress.series import SERIES, week_starts

WEEKS_SHOWN = 12


@dataclass
class LookBack:
    """When a six-week plan ends: what the person did, and their own numbers then and now."""

    steps_done: int
    connection_start: float | None
    connection_end: float | None
    csi_before: int | None
    csi_latest: int | None


@dataclass
class Progress:
    together: bool
    linked: bool
    charts: list = field(default_factory=list)
    milestones: list = field(default_factory=list)
    suggestions: list = field(default_factory=list)
    look_back: LookBack | None = None
    csi_next_at: datetime | None = None
    share_csi_trend: bool = False


def _week_label(monday) -> str:
    return formats.date_format(monday, "j M")


def _describe(series, data) -> str:
    values = [v for _label, v in data if v]
    if not values:
        return _("Nothing recorded in these weeks yet.")
    if series.is_average:
        return _("Weekly averages between %(low)s and %(high)s; the latest is %(last)s.") % {
            "low": charts.fmt(min(values)),
            "high": charts.fmt(max(values)),
            "last": charts.fmt(values[-1]),
        }
    return _("%(total)s in %(weeks)s weeks; at most %(most)s in one week.") % {
        "total": charts.fmt(sum(values)),
        "weeks": len(data),
        "most": charts.fmt(max(values)),
    }


def series_chart(series, user, couple, together, weeks):
    found = series.weekly(user, couple, together, weeks)
    data = [(_week_label(w), found.get(w)) for w in weeks]
    title = str(series.title)
    description = f"{series.description} {_describe(series, data)}"
    if series.is_average:
        return charts.line_chart(
            series.key, title, description, str(series.value_heading), data, 1, 5
        )
    return charts.bar_chart(series.key, title, description, str(series.value_heading), data)


def csi_chart(person, slug, title):
    scale = csi4()
    rows = services.results(person, since=timezone.now() - timedelta(days=365))
    data = [(formats.date_format(when.astimezone(person.tz), "j M Y"), s) for when, s in rows]
    axis = [formats.date_format(when.astimezone(person.tz), "j M") for when, _s in rows]
    if rows:
        description = _(
            "%(count)s answers over the last year, from 0 to %(max)s; the latest is %(last)s."
        ) % {"count": len(rows), "max": scale.max_score, "last": rows[-1][1]}
    else:
        description = _("No answers in the last year.")
    return charts.line_chart(
        slug,
        title,
        description,
        _("Score (0–%(max)s)") % {"max": scale.max_score},
        data,
        0,
        scale.max_score,
        axis=axis,
    )


def look_back(user, today) -> LookBack | None:
    if today.enrollment is None or not today.finished:
        return None
    enrollment = today.enrollment
    start = datetime.combine(enrollment.started_on, time.min, tzinfo=user.tz)
    from nearer.checkins.models import CheckIn

    days = TOTAL_DAYS + enrollment.paused_days
    end_day = enrollment.started_on + timedelta(days=days)
    checkins = list(
        CheckIn.objects.filter(
            author=user, day__gte=enrollment.started_on, day__lt=end_day
        ).values_list("day", "connection")
    )

    def average(values):
        return round(sum(values) / len(values), 1) if values else None

    fortnight = timedelta(days=14)
    first = [c for d, c in checkins if d < enrollment.started_on + fortnight]
    last = [c for d, c in checkins if d >= end_day - fortnight]
    scores = services.results(user)
    before = [s for when, s in scores if when <= start]
    return LookBack(
        steps_done=StepLog.objects.filter(enrollment=enrollment, status="done").count(),
        connection_start=average(first),
        connection_end=average(last),
        csi_before=before[-1] if before else None,
        csi_latest=scores[-1][1] if scores and scores[-1][0] > start else None,
    )


def progress_for(user, together: bool = False) -> Progress:
    state = state_of(user)
    together = together and state.is_linked
    page = Progress(together=together, linked=state.is_linked)
    today = timezone.now().astimezone(user.tz).date()
    weeks = week_starts(today, WEEKS_SHOWN)
    for series in SERIES:
        if together and series.together is None:
            continue
        page.charts.append(series_chart(series, user, state.couple, together, weeks))
    if together:
        partner = services.partner_shares_csi_trend(user)
        if services.sharing(user).share_csi_trend:
            page.charts.append(csi_chart(user, "csi-mine", _("Your CSI-4, as you shared it")))
        if partner is not None:
            title = _("%(name)s's CSI-4, shared by %(name)s") % {"name": partner.display_name}
            page.charts.append(csi_chart(partner, "csi-partner", title))
    else:
        page.charts.append(csi_chart(user, "csi", _("Your CSI-4 over the last year")))
        page.csi_next_at = services.next_at(user)
        page.share_csi_trend = services.sharing(user).share_csi_trend
        page.suggestions = help.suggestions_for(user)
        page.look_back = look_back(user, plans.today_for(user))
    page.milestones = milestones.reached(user, together=together)
    return page
