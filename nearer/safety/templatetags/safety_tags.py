from django import template

from nearer.safety import services
from nearer.safety.forms import GentleModeForm

register = template.Library()


@register.inclusion_tag("safety/gentle_switch.html", takes_context=True)
def gentle_switch(context):
    """The private gentle-mode switch, for the settings page."""
    user = context["request"].user
    on = services.gentle(user)
    return {"form": GentleModeForm(initial={"on": on}), "on": on, "request": context["request"]}
