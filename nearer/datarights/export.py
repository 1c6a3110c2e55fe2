"""What an export contains: everything the person wrote or can see, walked from the registry.

For every registered model (``nearer/registry.py``) the export takes the person's own
records and, for authored records, what they may see of their partner's, and calls
``export_data()`` on each. A feature registered later is exported without a change here.
The format is documented in docs/export-format.md (version 2).
"""

import datetime
import inspect
import io
import json
import zipfile
from dataclasses import dataclass, field

from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from nearer import registry

FORMAT_VERSION = 2


@dataclass
class Record:
    type: str
    label: str  # the registered kind's human title, e.g. "Invitations"
    mine: bool
    data: dict
    written_by: str = ""


@dataclass
class Section:
    key: str
    label: str
    records: list[Record] = field(default_factory=list)


def records_for(entry: registry.Entry, user):
    """The records of one registered kind that belong in ``user``'s export."""
    if entry.owner == "pk":
        return [user]
    queryset = entry.model._default_manager.all()
    if hasattr(queryset, "exportable_to"):
        queryset = queryset.exportable_to(user)
    elif entry.rule == registry.Rule.AUTHORED:
        queryset = queryset.visible_to(user)
    elif hasattr(queryset, "owned_by"):
        queryset = queryset.owned_by(user)
    else:
        queryset = queryset.filter(**{entry.owner: user})
    if entry.rule == registry.Rule.AUTHORED:
        queryset = queryset.select_related("author")
    return queryset.order_by("pk")


def _owner_id(entry, obj):
    if entry.owner == "pk":
        return obj.pk
    return getattr(obj, obj._meta.get_field(entry.owner).attname)


def _data(obj, viewer) -> dict:
    method = obj.export_data
    if "viewer" in inspect.signature(method).parameters:
        return method(viewer=viewer)
    return method()


def collect(user, progress=lambda percent: None) -> list[Section]:
    sections: dict[str, Section] = {}
    exported = [entry for entry in registry.entries() if entry.exported]
    for number, entry in enumerate(exported, start=1):
        section = sections.setdefault(entry.section, Section(entry.section, entry.label))
        for obj in records_for(entry, user):
            mine = _owner_id(entry, obj) == user.pk
            author = getattr(obj, entry.owner, None) if not mine else None
            section.records.append(
                Record(
                    type=entry.kind,
                    label=str(entry.label),
                    mine=mine,
                    data=_data(obj, user),
                    written_by=getattr(author, "display_name", "") if author else "",
                )
            )
        progress(round(90 * number / len(exported)))
    return list(sections.values())


def _json_value(value, tz):
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value, tz).isoformat() if timezone.is_aware(value) else None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): _json_value(v, tz) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_json_value(v, tz) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _text_value(value, tz) -> str:
    if value is None or value == "" or value == [] or value == {}:
        return "—"
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, datetime.datetime):
        return formats.date_format(timezone.localtime(value, tz), "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return formats.date_format(value, "DATE_FORMAT")
    if isinstance(value, dict):
        return "; ".join(f"{k}: {_text_value(v, tz)}" for k, v in value.items())
    if isinstance(value, list | tuple):
        return "; ".join(_text_value(v, tz) for v in value)
    return str(value)


def as_json(user, sections: list[Section], created) -> dict:
    tz = user.tz
    return {
        "format": "nearer-export",
        "version": FORMAT_VERSION,
        "created": timezone.localtime(created, tz).isoformat(),
        "time_zone": user.time_zone,
        "sections": {
            s.key: {
                "label": str(s.label),
                "records": [
                    {
                        "type": r.type,
                        "whose": "mine" if r.mine else "partner",
                        **({} if r.mine else {"written_by": r.written_by}),
                        "data": _json_value(r.data, tz),
                    }
                    for r in s.records
                ],
            }
            for s in sections
        },
    }


def as_html(user, sections: list[Section], created) -> str:
    tz = user.tz
    # One heading per kind of record (a section may hold several, e.g. couple space and
    # invitations), in registry order, each kind shown even when empty.
    kinds: dict[str, dict] = {}
    for entry in registry.entries():
        if entry.exported:
            kinds.setdefault(str(entry.label), {"label": entry.label, "records": []})
    for s in sections:
        for r in s.records:
            kinds.setdefault(r.label, {"label": r.label, "records": []})["records"].append(
                {
                    "mine": r.mine,
                    "written_by": r.written_by,
                    "fields": [
                        (key.replace("_", " ").capitalize(), _text_value(value, tz))
                        for key, value in r.data.items()
                    ],
                }
            )
    readable = list(kinds.values())
    css_path = finders.find("nearer/nearer.css")
    css = open(css_path, encoding="utf-8").read() if css_path else ""  # noqa: SIM115
    return render_to_string(
        "datarights/export.html",
        {
            "sections": readable,
            "created": _text_value(created, tz),
            "time_zone": user.time_zone,
            "css": css,
        },
    )


def archive(user, progress=lambda percent: None) -> bytes:
    """A zip with export.json and a readable export.html, in the person's time zone."""
    created = timezone.now()
    sections = collect(user, progress)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as zf:
        data = as_json(user, sections, created)
        zf.writestr("export.json", json.dumps(data, indent=2, ensure_ascii=False))
        zf.writestr("export.html", as_html(user, sections, created))
    return buffer.getvalue()
