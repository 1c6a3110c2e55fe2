from django import template

from nearer.dates import distance

register = template.Library()


@register.simple_tag(takes_context=True)
def both_clocks(context, moment):
    """ "19:00 for you, 09:00 for Sam" for the person viewing the page."""
    user = context["request"].user
    return distance.both_clocks(moment, user)


@register.simple_tag(takes_context=True)
def local_day(context, moment, fmt="l j F"):
    from django.utils.dateformat import format as date_format

    return date_format(moment.astimezone(context["request"].user.tz), fmt)
