"""The items linked to an authority record, found by the app that holds the items.

A record's page lists the works of a person and the items about them, but items live in
``heritage_collections``, which depends on this app. It registers how to find them when it
loads (its ``AppConfig.ready``); the record page asks here and never imports it. The same
inversion as ``partners.space``.
"""

_finders = []


def register_items(find):
    """``find(record, roles)``: a sequence for a Paginator (``count()`` and slices) of the
    rendered cards of the live items linked to ``record`` (in any of its languages) in one
    of ``roles``, one per item in the visitor's language."""
    _finders[:] = [find]


def items(record, roles):
    """The registered finder's items; none when no app registered one."""
    if not _finders:
        return []
    return _finders[0](record, roles)
