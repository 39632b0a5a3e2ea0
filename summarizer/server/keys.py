"""API keys: made once, shown once, stored only as a hash.

A key is ``smz_`` and 43 random URL-safe characters (256 bits). The service
stores its SHA-256 (a fast hash is enough for a secret this long: nobody can
guess their way back) and an 8-character prefix to tell keys apart in a
listing. A request names its key as ``Authorization: Bearer smz_...``.
"""

from __future__ import annotations

import hashlib
import re
import secrets

from summarizer.errors import InputError
from summarizer.server.storage import ApiKey, Storage, utcnow

KEY_PREFIX = "smz_"
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")


def digest(key: str) -> str:
    """The stored form of a key."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_key(storage: Storage, name: str) -> str:
    """Make a key named ``name``, store its hash, and return the key (the only time it is seen).

    Raises:
        InputError: The name is not a short word, or a key of that name exists.
    """
    if not _NAME.match(name):
        raise InputError(
            f"key name {name!r} must be 1-64 letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    key = KEY_PREFIX + secrets.token_urlsafe(32)
    storage.add_key(ApiKey(name=name, prefix=key[:8], digest=digest(key), created=utcnow()))
    return key


def key_name(storage: Storage, authorization: str | None) -> str | None:
    """The name of the live key an ``Authorization`` header carries, or None."""
    if not authorization:
        return None
    scheme, _, token = authorization.strip().partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token.startswith(KEY_PREFIX) or len(token) > 200:
        return None
    found = storage.find_key(digest(token))
    return found.name if found is not None else None
