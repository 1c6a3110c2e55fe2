"""Template filters for showing content: ``{{ text|markdown }}`` for a block,
``{{ text|markdown_inline }}`` for a line (see ``nearer/library/markdown.py``), and
``{{ item|facts }}`` for its human labels (see ``nearer/library/labels.py``)."""

from django import template
from django.utils.safestring import mark_safe

from nearer.library import labels
from nearer.library import markdown as md

register = template.Library()


@register.filter
def markdown(text):
    # Safe: the output has been through the nh3 sanitiser with a short allow-list.
    return mark_safe(md.render(str(text or "")))  # noqa: S308


@register.filter
def markdown_inline(text):
    return mark_safe(md.render_inline(str(text or "")))  # noqa: S308


@register.filter
def facts(item):
    return labels.facts(item)


@register.filter
def brief_facts(item):
    return labels.brief_facts(item)
