"""The time-zone picker lists real places by region and still accepts any real zone."""

import pytest
from django import forms
from django.urls import reverse

from nearer.accounts.forms import ProfileForm
from nearer.accounts.timezones import grouped_time_zones

pytestmark = pytest.mark.django_db


def _listed():
    return {zone for _label, group in grouped_time_zones()[1:] for zone, _city in group}


def test_the_list_is_grouped_by_region_without_oddities():
    assert grouped_time_zones()[0][0] == "UTC"
    labels = [str(label) for label, _group in grouped_time_zones()[1:]]
    assert "Europe" in labels and "Americas" in labels
    listed = _listed()
    assert "Europe/Madrid" in listed and "America/Argentina/Buenos_Aires" in listed
    for oddity in ("Factory", "localtime", "US/Eastern", "Etc/GMT+3", "GB"):
        assert oddity not in listed
    assert len(listed) < 450


def test_signup_page_shows_regions(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert '<optgroup label="Europe">' in html
    assert ">Factory<" not in html and ">localtime<" not in html


def test_an_unlisted_real_zone_is_still_accepted_and_shown(cast):
    form = ProfileForm(
        data={"display_name": "A", "time_zone": "US/Eastern", "language": "en"},
        instance=cast.a,
    )
    assert form.is_valid(), form.errors
    assert 'value="US/Eastern" selected' in str(form["time_zone"])
    bad = ProfileForm(
        data={"display_name": "A", "time_zone": "Mars/Olympus", "language": "en"},
        instance=cast.a,
    )
    assert not bad.is_valid()


@pytest.mark.parametrize("saved", ["", "UTC", "Europe/Madrid", "US/Eastern"])
def test_the_faster_select_writes_the_same_html_as_djangos_own(saved):
    field = ProfileForm(initial={"time_zone": saved})["time_zone"]
    widget = field.field.widget
    ours = widget.render("time_zone", saved, attrs={"id": "id_time_zone"})
    widget.template_name = forms.Select.template_name
    try:
        djangos = widget.render("time_zone", saved, attrs={"id": "id_time_zone"})
    finally:
        del widget.template_name
    assert ours == djangos
    assert ours.count("<option") > 400
