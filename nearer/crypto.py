"""Encryption at rest for intimate text.

Two layers:

* Every person has a random **data key**. It is stored only wrapped (encrypted) by the
  **server key** (``NEARER_SERVER_KEY``; several keys, newest first, allow rotation — see
  ``manage.py rotate_server_key``). Wrapping uses Fernet (AES-128-CBC + HMAC-SHA256) from
  ``cryptography``; so do the few values the server itself must read back (invite links).
* What a person writes is sealed with **AES-256-GCM** under a key derived (HKDF-SHA256) from
  their data key. The associated data names the table, the row (its random ``crypto_id``,
  see ``nearer/encrypted.py``) and the column, so a ciphertext copied into another record,
  another column or another table no longer opens.

Deleting the user deletes the wrapped key, and with it every ciphertext becomes unreadable
(see ``nearer/datarights/services.py`` for what that takes on disk).

The unwrapped key is kept only for the current request (or task): the first row of a
person unwraps it, every further row reuses it, and it is forgotten when the request ends.
"""

import hashlib
import hmac
import os
import threading
from dataclasses import dataclass
from functools import cache

from cryptography.exceptions import InvalidTag
from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

VERSION = b"\x02"  # AES-256-GCM; version 1 was Fernet without associated data
NONCE_SIZE = 12


# --- Server keys ---------------------------------------------------------------------------


def check_server_keys(keys: list[str]) -> list[str]:
    """Stop at start with a clear message when a configured server key is not usable."""
    if not keys:
        raise ImproperlyConfigured("NEARER_SERVER_KEY is empty: at least one key is needed.")
    for number, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode())
        except (ValueError, TypeError):
            where = "" if len(keys) == 1 else f" (key {number} of {len(keys)}, newest first)"
            raise ImproperlyConfigured(
                f"NEARER_SERVER_KEY{where} is not a valid key: it must be 32 random bytes in "
                "URL-safe base64 (44 characters). Generate one with: python -c 'from "
                "cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'"
            ) from None
    return keys


@cache
def server_fernet() -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in settings.NEARER_SERVER_KEYS])


def server_encrypt(data: bytes) -> bytes:
    return server_fernet().encrypt(data)


def server_decrypt(token: bytes) -> bytes:
    return server_fernet().decrypt(bytes(token))


def server_rotate(token: bytes) -> bytes:
    """The same value, wrapped under the newest server key."""
    return server_fernet().rotate(bytes(token))


# --- Data keys -----------------------------------------------------------------------------


def new_data_key() -> bytes:
    # 32 random bytes; kept in Fernet's base64 form so keys wrapped before AES-GCM stay valid.
    return Fernet.generate_key()


def new_wrapped_key() -> bytes:
    return server_encrypt(new_data_key())


@dataclass(frozen=True)
class DataKey:
    wrapped: bytes
    aead: AESGCM
    lookup: bytes  # HMAC key for look-up digests of encrypted values


def _derive(material: bytes, info: bytes) -> bytes:
    return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(material)


def unwrap(wrapped: bytes) -> DataKey:
    material = server_decrypt(wrapped)
    return DataKey(
        wrapped=wrapped,
        aead=AESGCM(_derive(material, b"nearer aes-256-gcm v2")),
        lookup=_derive(material, b"nearer lookup v1"),
    )


def lookup_digest(key: DataKey, purpose: str, value: str) -> str:
    """A keyed digest to find an encrypted value again (equality only). Without the
    person's key it says nothing, and it dies with the key like the ciphertext."""
    return hmac.new(key.lookup, f"{purpose}\0{value}".encode(), hashlib.sha256).hexdigest()


# Per thread, so that requests served side by side never share or clear each other's keys.
_local = threading.local()


def _request_keys() -> dict[int, DataKey]:
    keys = getattr(_local, "keys", None)
    if keys is None:
        keys = _local.keys = {}
    return keys


def _known_wrapped() -> dict[int, bytes]:
    known = getattr(_local, "wrapped", None)
    if known is None:
        known = _local.wrapped = {}
    return known


def forget_keys(*args, **kwargs) -> None:
    """Drop every unwrapped key (at the start and end of each request and task)."""
    _request_keys().clear()
    _known_wrapped().clear()


def know(user) -> None:
    """Note the wrapped key of a user this request has loaded anyway (the signed-in person):
    rows that name their owner by id only then find it without a query. Nothing is
    unwrapped until a row needs it."""
    if user.pk is None or "wrapped_key" in user.get_deferred_fields():
        return
    wrapped = bytes(user.wrapped_key or b"")
    if wrapped:
        _known_wrapped()[user.pk] = wrapped


def key_for(user_or_id) -> DataKey:
    """The data key of a person, unwrapped once per request.

    Accepts a user or a user id: with an id, the wrapped key is read from the database only
    when this request has not unwrapped it yet, so listing many rows of one author costs one
    unwrap and no extra query per row.
    """
    if isinstance(user_or_id, int):
        cached = _request_keys().get(user_or_id)
        if cached is not None:
            return cached
        pk, wrapped = user_or_id, _known_wrapped().get(user_or_id)
        if wrapped is None:
            from django.contrib.auth import get_user_model

            user = get_user_model().objects.only("wrapped_key").filter(pk=pk).first()
            if user is None:
                raise ValueError("This account has no data key (it was deleted).")
            wrapped = bytes(user.wrapped_key or b"")
    else:
        pk, wrapped = user_or_id.pk, bytes(user_or_id.wrapped_key or b"")
    if not wrapped:
        raise ValueError("This account has no data key (it was deleted).")
    cached = _request_keys().get(pk)
    if cached is None or cached.wrapped != wrapped:
        cached = unwrap(wrapped)
        if pk is not None:
            _request_keys()[pk] = cached
    return cached


# --- Sealing -------------------------------------------------------------------------------


def bound_to(table: str, row, column: str) -> bytes:
    """Associated data naming where a ciphertext lives."""
    return f"nearer:{table}:{row}:{column}".encode()


def seal(key: DataKey, data: bytes, aad: bytes) -> bytes:
    nonce = os.urandom(NONCE_SIZE)
    return VERSION + nonce + key.aead.encrypt(nonce, data, aad)


def open_sealed(key: DataKey, token: bytes, aad: bytes) -> bytes:
    token = bytes(token)
    if token[:1] != VERSION:
        raise ValueError("This data cannot be decrypted with the owner's key.")
    nonce, body = token[1 : 1 + NONCE_SIZE], token[1 + NONCE_SIZE :]
    try:
        return key.aead.decrypt(nonce, body, aad)
    except InvalidTag as exc:
        raise ValueError("This data cannot be decrypted with the owner's key.") from exc


def encrypt_bytes(user, data: bytes, aad: bytes = b"") -> bytes:
    return seal(key_for(user), data, aad)


def decrypt_bytes(user, token: bytes, aad: bytes = b"") -> bytes:
    return open_sealed(key_for(user), token, aad)


def encrypt(user, text: str, aad: bytes = b"") -> bytes:
    return encrypt_bytes(user, text.encode(), aad)


def decrypt(user, token: bytes, aad: bytes = b"") -> str:
    key = key_for(user)
    try:
        return open_sealed(key, token, aad).decode()
    except ValueError as exc:
        raise ValueError("This text cannot be decrypted with the author's key.") from exc


def reseal_legacy(wrapped: bytes, token: bytes, aad: bytes) -> bytes:
    """Turn a version-1 Fernet token into a bound AES-GCM one (used by data migrations)."""
    token = bytes(token)
    if token[:1] == VERSION:
        return token
    material = server_decrypt(wrapped)
    key = unwrap(bytes(wrapped))
    try:
        plain = Fernet(material).decrypt(token)
    except InvalidToken as exc:
        raise ValueError("A stored value cannot be decrypted with its owner's key.") from exc
    return seal(key, plain, aad)


def legacy_seal(wrapped: bytes, data: bytes) -> bytes:
    """A version-1 token (only for reversing the migration to bound AES-GCM)."""
    return Fernet(server_decrypt(wrapped)).encrypt(data)
