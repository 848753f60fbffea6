"""OAI-PMH 2.0 data provider at /oai/: items harvested as oai_dc and EDM records.

index      the harvest index (``OaiRecord``) kept in step with the live items
protocol   the verbs' arguments, errors and datestamps as the specification defines them
tokens     signed resumption tokens carrying a list's position
repository what the repository says about itself: identity, identifiers, sets
records    a page of records with everything the formats need, in a bounded number of queries
formats    the metadata formats (oai_dc, edm), written with ElementTree
views      the endpoint
"""
