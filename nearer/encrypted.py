"""Model attributes whose values are stored encrypted with their owner's data key.

Declare the column and the readable attribute side by side::

    class Entry(Authored):
        text_encrypted = models.BinaryField(default=b"")
        text = encrypted("text_encrypted")                # str, owner is ``author``
        feelings = encrypted("feelings_encrypted", kind=list)  # any JSON value
        data = encrypted("data_encrypted", kind=bytes)         # raw bytes (photos)

Code reads and sets ``entry.text`` (also as a constructor argument); only ciphertext reaches
the database (see ``nearer/crypto.py``). Models with a single text field may inherit
:class:`EncryptedText`.

Each ciphertext is bound to its table, its column and its row. The row is named by
``crypto_id``, a random UUID that the first ``encrypted(...)`` declaration adds to the model
(``makemigrations`` picks it up). It exists before the first save — an auto-increment
primary key does not — so a value can be sealed as soon as it is set. When a model that
already has rows gains its first encrypted attribute, the database gives each row its own
id (``db_default``); values of a plain column that becomes encrypted are moved with a data
migration (see :func:`bind_rows` and the ``0002`` migrations that use it). A value set before
the owner is known (``Moment(title=...)`` then ``attach(user)``) is sealed just before save.
"""

import json
import uuid

from django.db import models
from django.db.models.functions import UUID4
from django.db.models.signals import pre_save
from django.dispatch import receiver

from nearer import crypto

CRYPTO_ID = "crypto_id"
_PENDING = "_encrypted_pending"


def crypto_id_field():
    # The Python default names a new row before its first save; the database default gives
    # each existing row its own id when a model gains its first encrypted attribute later.
    return models.UUIDField(default=uuid.uuid4, db_default=UUID4(), editable=False, unique=True)


def _has_crypto_id(cls) -> bool:
    for klass in cls.__mro__:
        meta = klass.__dict__.get("_meta")
        if meta is not None and any(f.name == CRYPTO_ID for f in meta.local_fields):
            return True
    return False


class encrypted(property):  # noqa: N801 - used like a field declaration
    # A property subclass, so that Django accepts it as a constructor argument.

    def __init__(self, column: str, owner: str = "author", kind: type = str):
        # A setter, so that get_or_create/update_or_create accept it in ``defaults`` too.
        super().__init__(fset=lambda obj, value: self.__set__(obj, value))
        self.column = column
        self.owner = owner
        self.kind = kind
        self.name = column

    def contribute_to_class(self, cls, name):
        self.name = name
        setattr(cls, name, self)
        if not _has_crypto_id(cls):
            cls.add_to_class(CRYPTO_ID, crypto_id_field())

    def __set_name__(self, model, name):
        self.name = name

    def empty(self):
        return self.kind()

    def aad(self, obj) -> bytes:
        return crypto.bound_to(obj._meta.db_table, getattr(obj, CRYPTO_ID), self.column)

    def _owner_ref(self, obj):
        """The owner as a loaded user if at hand, else their id (no query either way).
        ``owner`` may go through one relation: ``"enrollment.user"``."""
        *path, name = self.owner.split(".")
        for step in path:
            if getattr(obj, obj._meta.get_field(step).attname) is None:
                return None
            obj = getattr(obj, step)
        field = obj._meta.get_field(name)
        if field.is_cached(obj):
            return getattr(obj, name)
        return getattr(obj, field.attname)

    def key(self, obj) -> "crypto.DataKey":
        return crypto.key_for(self._owner_ref(obj))

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        pending = obj.__dict__.get(_PENDING, {})
        if self.name in pending:
            return pending[self.name]
        raw = getattr(obj, self.column)
        if not raw:
            return self.empty()
        if self.kind is bytes:
            return crypto.decrypt_bytes(self._owner_ref(obj), raw, self.aad(obj))
        plain = crypto.decrypt(self._owner_ref(obj), raw, self.aad(obj))
        return plain if self.kind is str else json.loads(plain)

    def __set__(self, obj, value):
        if value is None:
            value = self.empty()
        if self._owner_ref(obj) is None:
            obj.__dict__.setdefault(_PENDING, {})[self.name] = value
            return
        obj.__dict__.get(_PENDING, {}).pop(self.name, None)
        self.seal(obj, value)

    def seal(self, obj, value):
        if self.kind is bytes:
            sealed = crypto.encrypt_bytes(self._owner_ref(obj), bytes(value), self.aad(obj))
        else:
            plain = value if self.kind is str else json.dumps(value)
            sealed = crypto.encrypt(self._owner_ref(obj), plain, self.aad(obj))
        setattr(obj, self.column, sealed)

    def __delete__(self, obj):
        raise AttributeError(f"{self.name} cannot be deleted")


def encrypted_attributes(model) -> dict[str, encrypted]:
    """Every ``encrypted`` attribute of a model, by name."""
    found = {}
    for klass in reversed(model.__mro__):
        for name, value in vars(klass).items():
            if isinstance(value, encrypted):
                found[name] = value
    return found


@receiver(pre_save)
def _seal_pending(sender, instance, **kwargs):
    pending = instance.__dict__.pop(_PENDING, None)
    if not pending:
        return
    attributes = encrypted_attributes(sender)
    for name, value in pending.items():
        attributes[name].seal(instance, value)


class EncryptedText(models.Model):
    text_encrypted = models.BinaryField()
    text = encrypted("text_encrypted")

    class Meta:
        abstract = True


def bind_rows(app_label: str, model_name: str, owner: str, reseal=(), encrypt=None):
    """Data-migration operation that brings existing rows to bound AES-GCM.

    Gives every row its ``crypto_id``, re-seals the version-1 (Fernet, unbound) columns in
    ``reseal`` and encrypts plain columns: ``encrypt={"title": ("title_encrypted", str)}``.
    Runs on the historical model, so it keeps working when the model changes later.
    Reversing it writes the plain columns and version-1 tokens back.
    """
    encrypt = encrypt or {}

    def rows(apps):
        model = apps.get_model(app_label, model_name)
        users = apps.get_model("accounts", "User")
        keys = {}
        for row in model._default_manager.order_by("pk").iterator():
            owner_id = getattr(row, f"{owner}_id")
            if owner_id not in keys:
                wrapped = bytes(users._default_manager.get(pk=owner_id).wrapped_key)
                keys[owner_id] = (wrapped, crypto.unwrap(wrapped))
            yield row, model._meta.db_table, *keys[owner_id]

    def forwards(apps, schema_editor):
        for row, table, wrapped, key in rows(apps):
            row.crypto_id = uuid.uuid4()
            changed = [CRYPTO_ID]
            for column in reseal:
                value = getattr(row, column)
                if value:
                    aad = crypto.bound_to(table, row.crypto_id, column)
                    setattr(row, column, crypto.reseal_legacy(wrapped, value, aad))
                    changed.append(column)
            for plain, (column, kind) in encrypt.items():
                value = getattr(row, plain)
                text = value if kind is str else json.dumps(value)
                aad = crypto.bound_to(table, row.crypto_id, column)
                setattr(row, column, crypto.seal(key, text.encode(), aad))
                changed.append(column)
            row.save(update_fields=changed)

    def backwards(apps, schema_editor):
        for row, table, wrapped, key in rows(apps):
            changed = []
            for column in reseal:
                value = getattr(row, column)
                if value:
                    aad = crypto.bound_to(table, row.crypto_id, column)
                    plain = crypto.open_sealed(key, value, aad)
                    setattr(row, column, crypto.legacy_seal(wrapped, plain))
                    changed.append(column)
            for plain, (column, kind) in encrypt.items():
                value = getattr(row, column)
                if value:
                    aad = crypto.bound_to(table, row.crypto_id, column)
                    text = crypto.open_sealed(key, value, aad).decode()
                    setattr(row, plain, text if kind is str else json.loads(text))
                    changed.append(plain)
            if changed:
                row.save(update_fields=changed)

    from django.db import migrations

    return migrations.RunPython(forwards, backwards)
