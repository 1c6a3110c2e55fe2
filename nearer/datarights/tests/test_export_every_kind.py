"""The export walks the registry: one record of every registered kind is found in both
files, including kinds registered after this test was written."""

import html as html_lib
import io
import json
import zipfile
from datetime import UTC, datetime

import pytest

from nearer import registry
from nearer.datarights import services
from nearer.datarights.export import _text_value
from nearer.datarights.models import ExportJob
from nearer.encrypted import encrypted_attributes
from nearer.talks.models import Talk
from nearer.testing import example_value, make_example
from nearer.visibility import Visibility

pytestmark = pytest.mark.django_db


def export_of(user):
    job = ExportJob.objects.create(user=user)
    services.run_export(job)
    with zipfile.ZipFile(io.BytesIO(services.take_download(job))) as zf:
        return json.loads(zf.read("export.json")), zf.read("export.html").decode()


def exported_entries():
    return [entry for entry in registry.entries() if entry.exported]


def strings_in(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings_in(item)


def is_iso_time(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


def test_every_registered_kind_has_export_data():
    missing = [e.name for e in exported_entries() if not hasattr(e.model, "export_data")]
    assert not missing, f"Give these models export_data(): {missing}"


def test_one_record_of_every_registered_kind_is_in_the_json_and_the_html(cast):
    markers = {}
    for entry in exported_entries():
        owner_field = entry.owner
        has_own = (
            entry.owner != "pk"
            and entry.model._default_manager.filter(**{owner_field: cast.a}).exists()
        )
        if entry.encrypted or not has_own:
            make_example(entry, cast.a, f"kind-{entry.kind}")
        # A kind with its own example (answers that must be valid) is found by its record;
        # every other kind also by the marker written into each encrypted attribute.
        markers[entry.kind] = (
            {}
            if entry.example is not None
            else {
                name: example_value(attribute, f"kind-{entry.kind}-{name}")
                for name, attribute in encrypted_attributes(entry.model).items()
            }
        )
    data, page = export_of(cast.a)
    assert data["version"] == 2 and data["time_zone"] == "Europe/Paris"
    unescaped = html_lib.unescape(page)
    for entry in exported_entries():
        section = data["sections"][entry.section]
        mine = [r for r in section["records"] if r["type"] == entry.kind and r["whose"] == "mine"]
        assert mine, f"{entry.name} is missing from export.json"
        dumped = json.dumps(mine, ensure_ascii=False)
        for name, value in markers[entry.kind].items():
            for text in strings_in(value):
                assert text in dumped, f"{entry.name}.{name} is missing from export.json"
                assert text in unescaped, f"{entry.name}.{name} is missing from export.html"
        for record in mine:
            for text in strings_in(record["data"]):
                if text and not is_iso_time(text):  # times read as words in the HTML
                    assert text in unescaped, f"{entry.name}: {text!r} not in export.html"
        assert str(section["label"]) in unescaped


def test_no_internal_ids_in_the_export(cast):
    for entry in exported_entries():
        if entry.encrypted:
            make_example(entry, cast.a, "ids")
    data, _page = export_of(cast.a)
    for section in data["sections"].values():
        for record in section["records"]:
            keys = set(record["data"])
            assert not keys & {"id", "pk", "crypto_id", "author", "user", "couple"}, record


def test_times_are_in_the_persons_zone(cast):
    data, page = export_of(cast.a)
    joined = data["sections"]["account"]["records"][0]["data"]["joined"]
    assert joined.endswith(("+01:00", "+02:00"))  # Europe/Paris
    assert datetime.fromisoformat(joined).astimezone(UTC) == cast.a.date_joined
    assert _text_value(cast.a.date_joined, cast.a.tz) in html_lib.unescape(page)


def test_a_partners_talk_feeling_is_exported_only_when_they_shared_it(cast):
    for minutes, shared in ((10, False), (20, True)):
        talk = Talk(minutes=minutes, feeling=2, feeling_shared=shared)
        talk.attach(cast.b, Visibility.SHARED)
        talk.save()
    data, _page = export_of(cast.a)
    talks = {r["data"]["minutes"]: r for r in data["sections"]["talks"]["records"]}
    assert talks[10]["whose"] == "partner" and "feeling" not in talks[10]["data"]
    assert talks[20]["data"]["feeling"] == 2
    own, _page = export_of(cast.b)
    assert {r["data"]["feeling"] for r in own["sections"]["talks"]["records"]} == {2}


def test_a_partners_export_holds_none_of_my_private_records_of_any_kind(cast):
    for entry in exported_entries():
        if not entry.encrypted:
            continue
        obj = make_example(entry, cast.a, f"private-{entry.kind}")
        if entry.rule == registry.Rule.AUTHORED:
            obj.attach(cast.a, Visibility.PRIVATE)
            obj.save()
    data, page = export_of(cast.b)
    dumped = json.dumps(data, ensure_ascii=False)
    for entry in exported_entries():
        for name, attribute in encrypted_attributes(entry.model).items():
            # (Records made along the way, like the answer a reaction needs, stay shared.)
            for text in strings_in(example_value(attribute, f"private-{entry.kind}-{name}")):
                assert text not in dumped and text not in page, f"{entry.name}.{name}"
    assert cast.a.email not in dumped


def test_what_a_partner_shared_is_in_my_export_marked_as_theirs(cast):
    shared = [e for e in exported_entries() if e.rule == registry.Rule.AUTHORED and e.encrypted]
    for entry in shared:
        make_example(entry, cast.b, f"from-ben-{entry.kind}")  # examples are shared
    data, _page = export_of(cast.a)
    for entry in shared:
        theirs = [
            r
            for r in data["sections"][entry.section]["records"]
            if r["type"] == entry.kind and r["whose"] == "partner"
        ]
        if entry.model.__name__ == "Note":
            continue  # a note reaches its recipient only once delivered (tested in notes)
        assert theirs and theirs[0]["written_by"] == "Ben", entry.name
        for name, attribute in encrypted_attributes(entry.model).items():
            for text in strings_in(example_value(attribute, f"from-ben-{entry.kind}-{name}")):
                assert text in json.dumps(theirs, ensure_ascii=False), f"{entry.name}.{name}"
