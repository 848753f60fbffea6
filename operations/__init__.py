"""Running the hub: backups of the database and media, and restoring them
(``manage.py backup`` and ``manage.py restore``, docs/deployment.md). No app imports it."""
