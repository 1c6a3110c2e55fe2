from django import template
from django.utils import formats

from nearer.dates import distance

register = template.Library()


@register.simple_tag(takes_context=True)
def both_clocks(context, moment):
    """ "19:00 for you, 09:00 for Sam" for the person viewing the page."""
    user = context["request"].user
    return distance.both_clocks(moment, user)


@register.simple_tag(takes_context=True)
def local_day(context, moment, fmt=None):
    """ "Thursday 26 November" / "jueves 26 de noviembre" in the viewer's time zone, or
    ``fmt`` (a machine format such as ``Y-m-d\\TH:i`` for a form field) when given."""
    local = moment.astimezone(context["request"].user.tz)
    if fmt:
        return formats.date_format(local, fmt)
    return f"{formats.date_format(local, 'l')} {formats.date_format(local, 'MONTH_DAY_FORMAT')}"
