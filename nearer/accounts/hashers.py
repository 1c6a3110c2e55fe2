"""Password hashing: Django's Argon2 (argon2id) with its memory and time cost, on one lane.

Django's default asks for 8 lanes, which argon2 spreads over every core: on a small server
each log-in then holds all cores for ~0.2 s and every other request waits behind it. The
work per hash (memory x passes) is what makes guessing expensive, and it stays the same; one
lane only keeps the other cores free for everyone else.

A hash made with more lanes still verifies and is kept as it is: rewriting a hash at log-in
changes the password field, and Django then ends that person's sessions on their other
devices. Hashes get one lane when a password is set or changed.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher, must_update_salt


class OneLaneArgon2PasswordHasher(Argon2PasswordHasher):
    parallelism = 1

    def must_update(self, encoded):
        decoded = self.decode(encoded)
        current, wanted = decoded["params"], self.params()
        wanted.salt_len = current.salt_len  # as Django does: the salt is passed explicitly
        wanted.parallelism = current.parallelism  # lanes alone never call for a rewrite
        return current != wanted or must_update_salt(decoded["salt"], self.salt_entropy)
