"""Europeana readiness: how far each item is from what Europeana accepts, and what an
editor can do about it (docs/europeana.md).

rules    the content and metadata tiers and the missing EDM properties of an item's
         facts (``assess``): pure computation, no query
facts    those facts read from the database, for one item or in bulk
summary  a partner's items counted by tier and missing property, in one aggregate query
report   the admin report "Europeana readiness" (Reports menu)
panel    the read-only panel of the item editor
"""
