"""Join codes, secret tokens and nicknames: made, normalised and checked here only.

A join code is short enough to read off a projector and type on a phone; its alphabet has
no look-alikes (0/O, 1/I/L, 2/Z, 5/S, 8/B), and what a student types is upper-cased with
spaces and dashes dropped. 25**6 ≈ 2.4e8 codes against a handful of live classes, with
join attempts rate-limited (``classroom.repository``), makes guessing hopeless.

Tokens are 256-bit random strings; only their SHA-256 is stored (a token this long needs
no slow hash: there is nothing to brute-force), and comparisons are constant-time.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata

from classroom.errors import BadNickname

CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679"
CODE_LENGTH = 6
TOKEN_BYTES = 32
MAX_NICKNAME = 24


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalize_code(text: str) -> str | None:
    """The code a student meant ("ab3-d7f " -> "AB3D7F"), or None if it cannot be one."""
    if not isinstance(text, str) or len(text) > 4 * CODE_LENGTH:
        return None
    code = "".join(ch for ch in text.upper() if ch not in " -\t")
    if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
        return None
    return code


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def token_matches(token: object, stored_hash: str) -> bool:
    """Whether ``token`` hashes to ``stored_hash``, in time independent of where they differ."""
    if not isinstance(token, str) or not token or len(token) > 256:
        return False
    return hmac.compare_digest(token_hash(token), stored_hash)


def clean_nickname(text: object) -> str:
    """The nickname to store: trimmed, NFC, 1 to MAX_NICKNAME characters, no control or
    format characters (which could hide text or reorder it on the projector).

    Raises BadNickname naming the rule and what was given.
    """
    if not isinstance(text, str):
        raise BadNickname(max=MAX_NICKNAME, given=repr(text))
    name = unicodedata.normalize("NFC", text).strip()
    bad = [ch for ch in name if unicodedata.category(ch).startswith("C")]
    if not name or len(name) > MAX_NICKNAME or bad:
        raise BadNickname(max=MAX_NICKNAME, given=ascii(text[:40]))
    return name
