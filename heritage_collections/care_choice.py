"""A visitor's choice to see the images of an item that needs care, remembered for the visit.

Kept in the session, item by item: agreeing to see one item's images is no agreement to see
another's. The page cache never mixes visitors up: a visitor with a session is never served
from it nor stored in it (heritagehub.middleware), so the cached page of every item is the
covered one. The session is read only when the visitor has one: reading it would otherwise
mark the response ``Vary: Cookie`` for everyone.
"""

from django.conf import settings

SESSION_KEY = "care_shown"
# The visit's last choices: enough for any visit, bounded for the session's size.
REMEMBERED = 500


def has_chosen_to_see(request, item):
    if request is None or settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    return str(item.translation_key) in request.session.get(SESSION_KEY, [])


def remember_choice(request, translation_key):
    shown = [key for key in request.session.get(SESSION_KEY, []) if key != str(translation_key)]
    request.session[SESSION_KEY] = [*shown, str(translation_key)][-REMEMBERED:]
