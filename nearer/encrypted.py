"""Model attributes whose values are stored encrypted with their owner's data key.

Declare the column and the readable attribute side by side::

    class Entry(Authored):
        text_encrypted = models.BinaryField(default=b"")
        text = encrypted("text_encrypted")                # str, owner is ``author``
        feelings = encrypted("feelings_encrypted", kind=list)  # any JSON value

Code reads and sets ``entry.text``; only ciphertext reaches the database (see
``nearer/crypto.py``). Models with a single text field may inherit :class:`EncryptedText`.
"""

import json

from django.db import models

from nearer import crypto


class encrypted:  # noqa: N801 - used like a field declaration
    def __init__(self, column: str, owner: str = "author", kind: type = str):
        self.column = column
        self.owner = owner
        self.kind = kind

    def __set_name__(self, model, name):
        self.name = name

    def empty(self):
        return self.kind()

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        raw = getattr(obj, self.column)
        if not raw:
            return self.empty()
        plain = crypto.decrypt(getattr(obj, self.owner), raw)
        return plain if self.kind is str else json.loads(plain)

    def __set__(self, obj, value):
        plain = value if self.kind is str else json.dumps(value)
        setattr(obj, self.column, crypto.encrypt(getattr(obj, self.owner), plain))


class EncryptedText(models.Model):
    text_encrypted = models.BinaryField()
    text = encrypted("text_encrypted")

    class Meta:
        abstract = True
