"""The list of safety resources, read from a YAML file a self-hoster can replace.

An entry with an ``id`` shows its ``country`` and ``name`` in the person's language where
``resources.<language>.yaml`` beside the file translates them (see content/README.md)."""

import re
from functools import cache
from pathlib import Path

from django.conf import settings

from nearer import yamltext
from nearer.library.translations import localized


@cache
def _read(source: Path) -> list[dict]:
    items = yamltext.load(source.read_text()) or []
    for item in items:
        if item.get("phone"):
            item["phone_link"] = re.sub(r"[^\d+]", "", item["phone"])
    return items


def resources(path: str | None = None) -> list[dict]:
    """The resources, in the active language where translated."""
    source = Path(path or settings.NEARER_SAFETY_RESOURCES)
    return [localized(source, item, "safety/resources.yaml") for item in _read(source)]
