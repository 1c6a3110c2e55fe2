"""Encryption at rest: every registered encrypted field is ciphertext in the database, bound
to its table, row and column; keys unwrap once per request; server keys rotate."""

import os
import subprocess
import sys

import pytest
from cryptography.fernet import Fernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.db import connection
from django.urls import reverse

from nearer import crypto, registry
from nearer.couples import services as couples
from nearer.encrypted import encrypted_attributes
from nearer.notes.models import Appreciation, Note
from nearer.testing import make_example, make_moment
from nearer.timeline.models import Moment

pytestmark = pytest.mark.django_db


def encrypted_entries():
    return [entry for entry in registry.entries() if entry.encrypted]


def test_registry_lists_exactly_the_encrypted_attributes_of_each_model():
    for entry in registry.entries():
        assert set(entry.encrypted) == set(encrypted_attributes(entry.model)), entry.name


@pytest.mark.parametrize("entry", encrypted_entries(), ids=lambda e: e.name)
def test_no_encrypted_field_is_readable_in_the_raw_database(cast, entry):
    marker = f"plainly-{entry.model.__name__.lower()}"
    obj = make_example(entry, cast.a, marker)
    table = entry.model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT * FROM {connection.ops.quote_name(table)}")  # noqa: S608
        rows = cursor.fetchall()
    raw = repr(rows).encode() + b"".join(
        bytes(value) for row in rows for value in row if isinstance(value, bytes | memoryview)
    )
    assert rows and marker.encode() not in raw
    fresh = entry.model._default_manager.get(pk=obj.pk)
    for name in entry.encrypted:
        attribute = encrypted_attributes(entry.model)[name]
        column = bytes(getattr(fresh, attribute.column))
        assert column[:1] == crypto.VERSION, f"{entry.name}.{name} is not sealed"
        assert getattr(fresh, name) == getattr(obj, name)


def test_a_ciphertext_moved_to_another_row_field_or_table_does_not_open(cast):
    first = make_moment(cast.a, title="our first flat", text="cold and happy")
    second = make_moment(cast.a, title="the long winter", text="we kept going")
    Moment.objects.filter(pk=second.pk).update(title_encrypted=first.title_encrypted)
    with pytest.raises(ValueError):
        Moment.objects.get(pk=second.pk).title  # noqa: B018 - reading is the test
    Moment.objects.filter(pk=first.pk).update(text_encrypted=first.title_encrypted)
    with pytest.raises(ValueError):
        Moment.objects.get(pk=first.pk).text  # noqa: B018
    thanks = Appreciation(text="for the tea")
    thanks.attach(cast.a)
    thanks.save()
    note = Note(recipient=cast.b, text="see you tonight")
    note.attach(cast.a, "shared")
    note.save()
    Note.objects.filter(pk=note.pk).update(text_encrypted=thanks.text_encrypted)
    with pytest.raises(ValueError):
        Note.objects.get(pk=note.pk).text  # noqa: B018
    assert Appreciation.objects.get(pk=thanks.pk).text == "for the tea"


def test_a_flipped_bit_is_detected(cast):
    moment = make_moment(cast.a, title="tamper me")
    sealed = bytearray(bytes(moment.title_encrypted))
    sealed[-1] ^= 1
    Moment.objects.filter(pk=moment.pk).update(title_encrypted=bytes(sealed))
    with pytest.raises(ValueError):
        Moment.objects.get(pk=moment.pk).title  # noqa: B018


def test_a_data_key_is_unwrapped_once_per_request_not_per_row(cast, client_for, monkeypatch):
    for number in range(6):
        make_moment(cast.a, title=f"Ada's moment {number}")
        make_moment(cast.b, title=f"Ben's moment {number}")
    crypto.forget_keys()
    calls = []
    real = crypto.unwrap
    monkeypatch.setattr(crypto, "unwrap", lambda wrapped: calls.append(1) or real(wrapped))
    page = client_for(cast.a).get(reverse("timeline:index")).content.decode()
    assert "Ada&#x27;s moment 5" in page and "Ben&#x27;s moment 5" in page
    assert len(calls) == 2  # Ada's key and Ben's key, once each for twelve rows


def test_a_malformed_server_key_is_refused_with_a_clear_message():
    with pytest.raises(ImproperlyConfigured, match="not a valid key"):
        crypto.check_server_keys([Fernet.generate_key().decode(), "not-a-key"])
    env = {**os.environ, "NEARER_ENV": "development", "NEARER_SERVER_KEY": "short"}
    env["NEARER_DATA_DIR"] = settings.DATA_DIR.as_posix()
    result = subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode != 0
    assert "NEARER_SERVER_KEY is not a valid key" in result.stderr


def test_rotation_keeps_everything_readable_under_the_new_key_alone(cast, settings):
    old, new = settings.NEARER_SERVER_KEYS[0], Fernet.generate_key().decode()
    make_moment(cast.a, title="before the rotation", text="still mine")
    invite, raw = couples.create_invite(cast.solo)
    settings.NEARER_SERVER_KEYS = [new, old]
    crypto.server_fernet.cache_clear()
    call_command("rotate_server_key", verbosity=0, stdout=open(os.devnull, "w"))  # noqa: SIM115
    settings.NEARER_SERVER_KEYS = [new]
    crypto.server_fernet.cache_clear()
    crypto.forget_keys()
    try:
        cast.a.refresh_from_db()
        moment = Moment.objects.get(author=cast.a)
        assert (moment.title, moment.text) == ("before the rotation", "still mine")
        invite.refresh_from_db()
        assert couples.invite_token(invite) == raw
        with pytest.raises(Exception):  # noqa: B017 - the old key alone opens nothing now
            Fernet(old.encode()).decrypt(bytes(cast.a.wrapped_key))
    finally:
        crypto.server_fernet.cache_clear()


def test_plan_steps_do_not_name_the_situation_or_role_in_the_database(cast):
    from nearer.plans import services as plans
    from nearer.plans.models import StepLog

    plans.save_intake(cast.a, {"situations": ["after_betrayal"]}, {"after_betrayal": "hurt"})
    today = plans.today_for(cast.a)
    ref = next(p.ref for p in today.daily if p.ref.endswith("-hurt"))
    plans.mark(cast.a, ref, "done")
    plans.mark(cast.a, ref, "skipped")  # found again through its digest, not duplicated
    with connection.cursor() as cursor:
        cursor.execute("SELECT * FROM plans_steplog")
        rows = cursor.fetchall()
    assert len(rows) == 1
    raw = repr(rows).encode() + b"".join(bytes(v) for v in rows[0] if isinstance(v, bytes))
    assert b"after_betrayal" not in raw and b"hurt" not in raw
    log = StepLog.objects.get()
    assert (log.step, log.status) == (ref, "skipped")
    shown = {p.ref: p.status for p in plans.today_for(cast.a).daily}
    assert shown[ref] == "skipped"
