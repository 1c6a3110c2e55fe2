"""A text field encrypted with its author's data key (see nearer/crypto.py).

Models that hold intimate text inherit :class:`EncryptedText` next to ``Authored`` and
read or set ``.text``; only ciphertext reaches the database.
"""

from django.db import models

from nearer import crypto


class EncryptedText(models.Model):
    text_encrypted = models.BinaryField()

    class Meta:
        abstract = True

    @property
    def text(self) -> str:
        return crypto.decrypt(self.author, self.text_encrypted)

    @text.setter
    def text(self, value: str):
        self.text_encrypted = crypto.encrypt(self.author, value)
