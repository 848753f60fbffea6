"""The screenshots of docs/import.md ("The whole path in the admin"), taken again with
``make screenshots-import``.

A demo database of its own (.shots/demo.sqlite3, media in .shots/media; ``load_demo`` when
it has no partners yet), the development server on it, and Debian's Chromium driven by
Playwright (as tests/e2e does) through the path a partner's editor takes with a museum's
own export: foreign column names, its own object types, a 423-character title, one row in
error. Upload, the column mapping, the values the hub does not know mapped to hub terms,
the report, the import with the row in error skipped, and the rejected rows' file. Each page
is saved 1280 px wide as an optimised PNG in docs/images/import/; the database keeps what
the run imported (a second run updates nothing and shows no mapping step: delete .shots/
to start again).
"""

import csv
import io
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHOTS = REPO / ".shots"
OUTPUT = REPO / "docs" / "images" / "import"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PASSWORD = "heritagehub-demo"  # the demo accounts' (demo/accounts.py)
ENV = {
    **os.environ,
    "DJANGO_SETTINGS_MODULE": "heritagehub.settings.dev",
    "DATABASE_URL": f"sqlite:///{SHOTS / 'demo.sqlite3'}",
    "MEDIA_ROOT": str(SHOTS / "media"),
    "ITEM_IMPORT_DIR": str(SHOTS / "uploads"),
}
HEADER = ["Inventory number", "Object title", "Classification", "Artist", "Medium",
          "Dimensions", "Credit Line", "Year", "Department"]  # fmt: skip
LONG_TITLE = ("Album of views of the river Po and its bridges " * 9).strip()
ROWS = [
    ["MU-0001", LONG_TITLE, "Illustrated Book", "Mario Gabinio", "albumen prints", "32 x 45 cm",
     "Gift of the heirs of the photographer, 1954", "1898", "Prints"],
    ["MU-0002", "Veduta del Po", "Photograph", "Mario Gabinio", "gelatin silver", "10 x 15 cm",
     "", "1925", "Photography"],
    ["MU-0003", "Carta del Piemonte", "Work on Paper", "Anonimo", "ink on paper", "60 x 80 cm",
     "", "1780", "Maps"],
    ["MU-0004", "Ponte Isabella in costruzione", "Photograph", "Mario Gabinio",
     "gelatin silver", "18 x 24 cm", "", "about 1880", "Photography"],
    ["MU-0005", "Manifesto dell'esposizione", "Work on Paper", "Leonetto Cappiello",
     "colour lithograph", "140 x 100 cm", "", "1911", "Prints"],
]  # fmt: skip
COLUMNS = {
    "Inventory number": "identifier",
    "Object title": "title",
    "Classification": "object_type",
    "Artist": "creator",
    "Medium": "materials",
    "Dimensions": "dimensions",
    "Credit Line": "credit_line",
    "Year": "date_start",
    "Department": "not imported",
}
TERMS = {"Illustrated Book": "book", "Work on Paper": "drawing"}


def main():
    SHOTS.mkdir(exist_ok=True)
    OUTPUT.mkdir(parents=True, exist_ok=True)
    manage("migrate", "--noinput", "-v0")
    editor, collection = demo_target()
    museum = SHOTS / "museum-export.csv"
    with open(museum, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        writer.writerows(ROWS)
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=REPO,
        env=ENV,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(port)
        shoot(f"http://127.0.0.1:{port}", editor, collection, museum)
    finally:
        server.terminate()
        server.wait()


def manage(*arguments, capture=False):
    done = subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=REPO,
        env=ENV,
        check=True,
        stdout=subprocess.PIPE if capture else None,
        text=True,
    )
    return done.stdout


def demo_target():
    """The demo editor who imports and the id of their partner's collection: the first demo
    partner whose editor has a collection to import into (the demo loaded when missing)."""
    query = (
        "from django.contrib.auth import get_user_model\n"
        "from heritage_collections.importing import collection_choices\n"
        "from partners.models import PartnerPage\n"
        "for partner in PartnerPage.objects.live().order_by('path'):\n"
        "    user = get_user_model().objects.filter(username=partner.slug + '-editor').first()\n"
        "    choices = collection_choices(user) if user else []\n"
        "    mine = [c for c, p in choices if p.pk == partner.pk]\n"
        "    if mine:\n"
        "        print(user.username, mine[0].pk, sep='\\t'); break\n"
    )
    english = (  # the editor's admin in English, the language of docs/import.md
        "from wagtail.users.models import UserProfile\n"
        "from django.contrib.auth import get_user_model\n"
        "user = get_user_model().objects.get(username='{}')\n"
        "profile = UserProfile.get_for_user(user)\n"
        "profile.preferred_language = 'en'\n"
        "profile.save()\n"
    )
    found = manage("shell", "--no-imports", "-c", query, capture=True).strip()
    if not found:
        manage("load_demo")
        found = manage("shell", "--no-imports", "-c", query, capture=True).strip()
    editor, collection = found.splitlines()[-1].split("\t")
    manage("shell", "--no-imports", "-c", english.format(editor))
    return editor, collection


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(port, seconds=120):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.5)
    raise SystemExit(f"The development server did not answer on port {port}.")


def shoot(base, editor, collection, museum):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en")
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(f"{base}/admin/login/")
        page.fill("#id_username", editor)
        page.fill("#id_password", PASSWORD)
        page.click("button[type=submit]")
        page.wait_for_url(f"{base}/admin/")

        page.goto(f"{base}/admin/import-items/")
        page.select_option("#id_collection", value=collection)
        page.set_input_files("#id_items", str(museum))
        save(page, "1-upload")
        page.click("form button[type=submit] >> nth=-1")
        page.wait_for_selector("#import-unknown-columns")
        save(page, "2-column-mapping", "#import-unknown-columns")
        for index, name in enumerate(HEADER):
            select = page.locator(f"#column-{index}")
            select.select_option(label=COLUMNS[name])
        save(page, "3-column-mapping-chosen", "#import-unknown-columns")
        page.click("form[action$='columns/'] button[type=submit]")
        page.wait_for_selector("#import-unknown-values")
        save(page, "4-dry-run-unknown-values")
        rows = page.locator("#import-unknown-values tbody tr")
        for index in range(rows.count()):
            value = rows.nth(index).locator("td").nth(1).inner_text().strip()
            if value in TERMS:
                page.select_option(f"#term-{index}", value=TERMS[value])
        save(page, "5-crosswalk-chosen", "#import-unknown-values")
        page.click("form[action$='map/'] button[type=submit]")
        page.wait_for_selector("#import-errors")
        save(page, "6-report")
        page.click("input[name=skip_invalid] + button")
        page.wait_for_selector(".messages")
        save(page, "7-result")
        link = page.get_by_role("link", name="Download the rejected rows")
        rejected = page.request.get(base + link.get_attribute("href")).text()
        (OUTPUT / "rejected-rows.csv").write_text(rejected.lstrip("\ufeff"))
        page.set_content(table_page(rejected))
        save(page, "8-rejected-rows")
        browser.close()


def table_page(text):
    """The rejected rows' CSV as a spreadsheet program shows it."""
    from html import escape

    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    cells = "".join(
        "<tr>" + "".join(f"<{'th' if n == 0 else 'td'}>{escape(c)}</{'th' if n == 0 else 'td'}>"
                         for c in row) + "</tr>"
        for n, row in enumerate(rows)
    )  # fmt: skip
    style = (
        "body{font:14px system-ui,sans-serif;margin:24px;color:#222}"
        "table{border-collapse:collapse}th,td{border:1px solid #bbb;padding:4px 8px;"
        "text-align:left;vertical-align:top;max-width:260px}th{background:#e8eef3}"
    )
    return (
        f"<!doctype html><title>rejected rows</title><style>{style}</style><table>{cells}</table>"
    )


def save(page, name, selector=None):
    """A PNG of the page (or of one part of it), 1280 px wide, palette-optimised."""
    from PIL import Image

    path = OUTPUT / f"{name}.png"
    if selector:
        page.locator(selector).screenshot(path=path)
    else:
        page.screenshot(path=path, full_page=True)
    image = Image.open(path).convert("RGB")
    image = image.quantize(colors=128, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(path, optimize=True)
    print(f"{path.relative_to(REPO)}: {path.stat().st_size // 1024} KB", flush=True)


if __name__ == "__main__":
    main()
