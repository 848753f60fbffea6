"""Demo content for `manage.py load_demo`: partners, collections, stories, translations."""
