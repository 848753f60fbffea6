"""`make bench`: a database of 100,000+ items and the numbers of the public pages and imports.

- ``content``: the bench partners, and Item CSV rows (Tate records, generated variants);
- ``build``: builds the bench database (demo site, partners, timed ``import_items`` runs);
- ``measure``: picks URLs of each page class and times them in-process, counting SQL queries;
- ``report``: the machine and the Markdown tables of docs/benchmarks.md;
- ``cli``: ``python -m benchmarks``, each step in its own process.
"""
