"""What the apps above ``partners`` show in a partner's space, registered by those apps.

A partner's page lists its collections and stories and browses its items, but collections and
stories are apps that depend on ``partners``, not the other way round. Each of them registers
what it contributes here when it loads (its ``AppConfig.ready``); the partner page asks this
registry, and never imports them. The same inversion as Wagtail's hooks.
"""

_listings = {}
_views = {}


def register_listing(name, listing):
    """``listing(partner_page)``: a lazy queryset shown on the partner's page as ``name``."""
    _listings[name] = listing


def register_view(name, view):
    """``view(partner_page, request)``: the response of the partner page's route ``name``."""
    _views[name] = view


def listings(partner_page):
    """``{name: queryset}`` of every registered listing; no query until a template reads one."""
    return {name: listing(partner_page) for name, listing in _listings.items()}


def view(name):
    """The registered view ``name``: the app that registers it is installed with partners."""
    return _views[name]
