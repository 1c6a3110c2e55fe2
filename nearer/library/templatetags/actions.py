"""``{% action_for item step as action %}`` and ``{% step_action planned as action %}``: what a
library item or a plan step asks, for any template."""

from django import template

from nearer.library.actions import action_for as _action_for
from nearer.library.actions import action_for_step

register = template.Library()


@register.simple_tag
def action_for(item, step=""):
    return _action_for(item, step) if item is not None else None


@register.simple_tag
def step_action(planned):
    """For a ``nearer.plans.services.PlannedStep``."""
    return action_for_step(planned.step, planned.ref, planned.item)
