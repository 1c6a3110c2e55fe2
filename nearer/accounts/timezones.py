"""The time-zone picker: the real places people live, grouped by region.

The IANA database also holds aliases and oddities ("Factory", "localtime", "US/Eastern",
"Etc/GMT+3"); they are left out of the list but still accepted, so nobody who already has
one is moved somewhere else.
"""

from collections import defaultdict
from functools import cache
from importlib import resources

from django import forms
from django.utils.translation import gettext_lazy as _

from nearer.accounts.models import available_time_zones

REGIONS = {
    "Africa": _("Africa"),
    "America": _("Americas"),
    "Antarctica": _("Antarctica"),
    "Asia": _("Asia"),
    "Atlantic": _("Atlantic"),
    "Australia": _("Australia"),
    "Europe": _("Europe"),
    "Indian": _("Indian Ocean"),
    "Pacific": _("Pacific"),
}


def _label(name):
    return name.split("/", 1)[1].replace("_", " ").replace("/", " – ")


@cache
def common_time_zones() -> frozenset[str]:
    """The zones in the tz database's zone.tab: one per place people live, no aliases."""
    table = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text("utf-8")
    names = {
        line.split("\t")[2] for line in table.splitlines() if line and not line.startswith("#")
    }
    return frozenset(names & available_time_zones())


def grouped_time_zones():
    """[(region label, [(zone, city label), …]), …] with UTC first."""
    groups = defaultdict(list)
    for name in common_time_zones():
        region = name.split("/", 1)[0]
        if region in REGIONS and "/" in name:
            groups[region].append((name, _label(name)))
    choices = [("UTC", _("UTC (no time zone)"))]
    for region, label in REGIONS.items():
        choices.append((label, sorted(groups[region], key=lambda choice: choice[1])))
    return choices


class TimeZoneSelect(forms.Select):
    """A select that still shows a saved zone that is not in the common list.

    Its template writes each of the ~420 options in place: Django's own includes a template
    per option (and another for its attributes), which made this one select most of the
    settings page's time. The HTML is the same, byte for byte."""

    template_name = "accounts/widgets/time_zone_select.html"

    def optgroups(self, name, value, attrs=None):
        groups = super().optgroups(name, value, attrs)
        listed = {option["value"] for _group, options, _index in groups for option in options}
        extra = [v for v in value if v and v not in listed]
        for zone in extra:
            option = self.create_option(name, zone, zone, True, len(groups))
            groups.append((None, [option], len(groups)))
        return groups


class TimeZoneField(forms.ChoiceField):
    widget = TimeZoneSelect

    def __init__(self, **kwargs):
        super().__init__(choices=grouped_time_zones, **kwargs)
        # static/nearer/app.js fills this from the browser's own time zone.
        self.widget.attrs["data-guess-time-zone"] = ""
        self.widget.attrs["autocomplete"] = "off"

    def valid_value(self, value):
        return value in available_time_zones()
