"""Apps depend on heritagehub/, never the other way round (docs/architecture.md, "Apps and
their dependencies")."""

import ast
from pathlib import Path

from django.conf import settings

APPS = {"home", "heritage_collections", "stories", "partners", "events", "calls"}
# The demo content (demo/) builds every app's pages: it may import them all, and nothing in
# the site imports it (production does not install it).
DEMO = "demo"


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_heritagehub_does_not_import_the_apps():
    base = Path(settings.BASE_DIR)
    offenders = []
    for path in sorted((base / "heritagehub").rglob("*.py")):
        relative = path.relative_to(base).as_posix()
        if "/migrations/" in relative:
            continue
        for module in imported_modules(path):
            if module.split(".")[0] in APPS:
                offenders.append(f"{relative}: {module}")
    assert offenders == []


def test_neither_heritagehub_nor_the_apps_import_the_demo():
    base = Path(settings.BASE_DIR)
    offenders = []
    for package in sorted(APPS | {"heritagehub"}):
        for path in sorted((base / package).rglob("*.py")):
            for module in imported_modules(path):
                if module.split(".")[0] == DEMO:
                    offenders.append(f"{path.relative_to(base).as_posix()}: {module}")
    assert offenders == []


def test_no_top_level_package_shadows_the_standard_library():
    """Why the collections app is heritage_collections (README)."""
    import collections

    assert collections.__file__.startswith(str(Path(ast.__file__).parent))
    assert not (Path(settings.BASE_DIR) / "collections").exists()
