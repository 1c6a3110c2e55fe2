"""Encryption at rest for intimate text.

Every user has a random data key. It is stored only wrapped (encrypted) by the server key
(``NEARER_SERVER_KEY``; several keys, newest first, allow rotation). Deleting the user
deletes the wrapped key, and with it every ciphertext becomes unreadable, including any in
old backups once the key row is gone from them.
"""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings


@cache
def server_fernet() -> MultiFernet:
    return MultiFernet([Fernet(key.encode()) for key in settings.NEARER_SERVER_KEYS])


def new_wrapped_key() -> bytes:
    return server_fernet().encrypt(Fernet.generate_key())


def _user_fernet(user) -> Fernet:
    cached = getattr(user, "_data_fernet", None)
    if cached is None:
        if not user.wrapped_key:
            raise ValueError("This account has no data key (it was deleted).")
        cached = Fernet(server_fernet().decrypt(bytes(user.wrapped_key)))
        user._data_fernet = cached
    return cached


def encrypt(user, text: str) -> bytes:
    return _user_fernet(user).encrypt(text.encode())


def decrypt(user, token: bytes) -> str:
    try:
        return _user_fernet(user).decrypt(bytes(token)).decode()
    except InvalidToken as exc:
        raise ValueError("This text cannot be decrypted with the author's key.") from exc


def encrypt_bytes(user, data: bytes) -> bytes:
    return _user_fernet(user).encrypt(data)


def decrypt_bytes(user, token: bytes) -> bytes:
    try:
        return _user_fernet(user).decrypt(bytes(token))
    except InvalidToken as exc:
        raise ValueError("This data cannot be decrypted with the owner's key.") from exc
