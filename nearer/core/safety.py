"""The list of safety resources, read from a YAML file a self-hoster can replace."""

import re
from functools import cache
from pathlib import Path

import yaml
from django.conf import settings


@cache
def resources(path: str | None = None) -> list[dict]:
    source = Path(path or settings.NEARER_SAFETY_RESOURCES)
    items = yaml.safe_load(source.read_text()) or []
    for item in items:
        if item.get("phone"):
            item["phone_link"] = re.sub(r"[^\d+]", "", item["phone"])
    return items
