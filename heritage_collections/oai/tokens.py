"""Resumption tokens: the arguments of a list and where the next page starts, signed.

A token carries the verb, the list's arguments, the keyset position (datestamp and
translation key of the last record sent), the cursor and the list's size counted on the
first request, so every page costs the same whatever its position. Signing
(``django.core.signing``) makes a tampered or expired token a badResumptionToken.
"""

import datetime
from dataclasses import dataclass

from django.core import signing
from django.utils import timezone

from .protocol import OaiError

SALT = "heritage_collections.oai.resumption"
# A harvest of 100,000 records takes minutes; a day leaves room for a slow harvester.
MAX_AGE = datetime.timedelta(hours=24)


@dataclass
class Position:
    verb: str
    arguments: dict
    after: tuple | None  # (datestamp ISO, translation key) of the last record sent
    cursor: int
    complete_list_size: int


def issue(position):
    """(token, expiration moment)."""
    token = signing.dumps(
        [
            position.verb,
            position.arguments,
            position.after,
            position.cursor,
            position.complete_list_size,
        ],
        salt=SALT,
        compress=True,
    )
    return token, timezone.now() + MAX_AGE


def read(token, verb):
    """The ``Position`` a token of ``verb`` stands for."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
        token_verb, arguments, after, cursor, size = data
    except signing.SignatureExpired:
        raise OaiError("badResumptionToken", "The resumptionToken has expired.") from None
    except (signing.BadSignature, ValueError, TypeError):
        raise OaiError("badResumptionToken", "The resumptionToken is not valid.") from None
    if token_verb != verb:
        raise OaiError("badResumptionToken", f"The resumptionToken is not one of {verb}.")
    return Position(verb, arguments, tuple(after) if after else None, cursor, size)
