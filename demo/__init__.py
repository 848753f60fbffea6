"""The demo site as data: its content files (``content/``), the loader that turns them into
pages, translations, images and accounts (``manage.py load_demo``), and Tate's open data as
an Item CSV (``manage.py tate_csv``).

Installed by the development and test settings only, never in production. It may import
every app; nothing imports it.
"""
