"""Where to find a therapist, per country: a YAML file a self-hoster can replace
(``NEARER_HELP_DIRECTORIES``), read once. An entry with an ``id`` shows its ``country`` and
``name`` in the person's language where ``directories.<language>.yaml`` beside the file
translates them; the English country stays the key the country form filters on."""

import re
from functools import cache
from pathlib import Path

from django.conf import settings

from nearer import yamltext
from nearer.library.translations import localized

KINDS = {"couples", "individual", "both"}
# Its role among the translatable files read directly (nearer/library/translations.py).
KIND = "help/directories.yaml"


class BadDirectoryFile(ValueError):
    pass


@cache
def directories(path: str | None = None) -> list[dict]:
    source = Path(path or settings.NEARER_HELP_DIRECTORIES)
    entries = yamltext.load(source.read_text()) or []
    for entry in entries:
        if not entry.get("country") or not entry.get("name"):
            raise BadDirectoryFile(f"{source}: every entry needs a country and a name")
        if entry.setdefault("kind", "both") not in KINDS:
            raise BadDirectoryFile(f"{source}: kind must be one of {sorted(KINDS)}")
        if entry.get("phone"):
            entry["phone"] = str(entry["phone"])
            entry["phone_link"] = re.sub(r"[^\d+]", "", entry["phone"])
    return entries


def _source() -> Path:
    return Path(settings.NEARER_HELP_DIRECTORIES)


def countries() -> list[tuple[str, str]]:
    """(country, its name in the active language) for the country form."""
    names = {}
    for entry in directories():
        if entry["country"] != "International":
            names.setdefault(entry["country"], localized(_source(), entry, KIND)["country"])
    return sorted(names.items(), key=lambda pair: pair[1])


def for_country(country: str, individual_only: bool = False) -> list[dict]:
    """Entries for ``country`` and the international ones; only individual support (and
    services offering both) when couples therapy is not the right suggestion."""
    wanted = {"International", country}
    return [
        localized(_source(), e, KIND)
        for e in directories()
        if e["country"] in wanted and not (individual_only and e["kind"] == "couples")
    ]
