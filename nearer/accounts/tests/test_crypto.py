"""Per-user data keys wrapped by the server key."""

import pytest

from nearer import crypto
from nearer.testing import make_user

pytestmark = pytest.mark.django_db


def test_text_round_trips_and_is_not_stored_in_clear():
    user = make_user("enc@example.com", "Enc")
    token = crypto.encrypt(user, "something tender")
    assert b"tender" not in token
    assert crypto.decrypt(user, token) == "something tender"


def test_another_persons_key_cannot_read_it():
    one, two = make_user("one@example.com", "One"), make_user("two@example.com", "Two")
    with pytest.raises(ValueError, match="cannot be decrypted"):
        crypto.decrypt(two, crypto.encrypt(one, "mine"))


def test_without_the_data_key_nothing_is_readable():
    user = make_user("gone@example.com", "Gone")
    token = crypto.encrypt(user, "mine")
    user.wrapped_key = b""
    crypto.forget_keys()
    with pytest.raises(ValueError, match="no data key"):
        crypto.decrypt(user, token)
