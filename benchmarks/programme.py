"""The programme's budgets: What's on with many events, and the iCalendar feed.

    python -m benchmarks.programme --events 10000   # the budget's size
    python -m benchmarks.programme --events 1000    # a quick run

Builds its own SQLite database (``bench-programme-<events>.sqlite3``, reused when it holds
the events already; PostgreSQL when DATABASE_URL is set): the migrations, a What's on page,
ten partners and ``--events`` events spread over them and over the hub (one in five
recurring weekly, one in ten all-day over weeks, kinds, cities, prices and languages mixed),
dated from a year ago to a year ahead, their occurrences built by ``refresh_occurrences``.
Then measures, as ``make bench`` does (settings ``heritagehub.settings.bench``, DEBUG off,
the test client, one warm-up and one counted request per URL, then timed ones), What's on
with the object cache on and the page cache off, and the iCalendar feed of at most 1,000
events. Targets: What's on ≤ 15 ms median and ≤ 15 queries; the feed ≤ 100 ms.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import date, timedelta
from datetime import time as clock

from .own import analyse, database, publish

TARGETS = {"whats_on": 15.0, "calendar": 100.0}
KINDS = ["exhibition", "workshop", "talk", "performance", "screening", "guided-tour", "concert"]
CITIES = ["Torino", "Bologna", "Favara", "Bruxelles", "San Sebastián", "Genova", "Milano"]


def setup(events):
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "heritagehub.settings.bench")
    engine = database("programme", f"bench-programme-{events}.sqlite3")
    import django

    django.setup()
    return engine


def build(events, log):
    from django.core.management import call_command
    from django.db import transaction
    from django.utils.text import slugify

    from events.models import EventKind, EventPage, WhatsOnPage
    from events.occurrences import refresh_all
    from home.models import HomePage
    from partners.models import PartnerIndexPage, PartnerPage

    call_command("migrate", verbosity=0)
    if EventPage.objects.count() >= events:
        log(f"reusing the database: {EventPage.objects.count()} events")
        return
    home = HomePage.objects.get(depth=2, locale__language_code="it")
    kinds = {kind.slug: kind for kind in EventKind.objects.filter(locale=home.locale)}
    rng = random.Random(0)
    today = date.today()
    started = time.perf_counter()
    with transaction.atomic():
        whats_on = home.add_child(instance=WhatsOnPage(title="In programma", slug="whats-on"))
        index = home.add_child(instance=PartnerIndexPage(title="Partner", slug="partners"))
        partners = [
            index.add_child(
                instance=PartnerPage(title=f"Partner {n}", slug=f"partner-{n}", city=CITIES[n % 7])
            )
            for n in range(10)
        ]
        parents = [whats_on, *partners]
        for number in range(events):
            start = today + timedelta(days=rng.randint(-365, 365))
            all_day = number % 10 == 0
            title = f"Evento {number} {rng.choice(KINDS)}"
            rng.choice(parents).add_child(
                instance=EventPage(
                    title=title,
                    slug=slugify(title),
                    kind=kinds[rng.choice(KINDS)],
                    summary="Un evento del programma.",
                    start_date=start,
                    end_date=start + timedelta(days=rng.randint(7, 60)) if all_day else None,
                    start_time=None if all_day else clock(rng.choice([10, 15, 18, 21])),
                    end_time=None if all_day else clock(22, 30),
                    recurrence="FREQ=WEEKLY;COUNT=6" if number % 5 == 1 else "",
                    venue_city=rng.choice(CITIES),
                    is_free=number % 3 == 0,
                    price=None if number % 3 == 0 else 8,
                    languages=rng.choice(["it", "it, en", "en", "es, en", "fr"]),
                )
            )
            if number % 1000 == 999:
                log(f"{number + 1} events ({time.perf_counter() - started:.0f} s)")
        count, rows = refresh_all()
    analyse()
    log(f"built {count} events, {rows} occurrences in {time.perf_counter() - started:.0f} s")


def measure(url, repeat):
    from django.db import connection
    from django.test import Client, override_settings
    from django.test.utils import CaptureQueriesContext

    client = Client()
    with override_settings(HERITAGEHUB_PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"]):
        assert client.get(url).status_code == 200, url  # warm-up
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        # Read now: the log is cleared by the next request once the context has closed.
        query_count = len(queries.captured_queries)
        times, cpu = [], []
        for _ in range(repeat):
            started, cpu_started = time.perf_counter(), time.thread_time()
            response = client.get(url)
            times.append((time.perf_counter() - started) * 1000)
            cpu.append((time.thread_time() - cpu_started) * 1000)
            assert response.status_code == 200
    return statistics.median(times), statistics.median(cpu), query_count


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=20)
    parser.add_argument("--output", default="docs/programme.md", help="'' to print only")
    parser.add_argument("--command", default="python -m benchmarks.programme")
    args = parser.parse_args(argv)
    engine = setup(args.events)
    build(args.events, print)

    from events import feeds
    from events.models import EventOccurrence

    from .measure import database_version  # models: after django.setup()

    feeds.CALENDAR_EVENTS = 1000  # the budget's feed: 1,000 events
    urls = {
        "What's on": [
            "/it/whats-on/",
            "/en/whats-on/?when=month",
            "/fr/whats-on/?kind=workshop&city=Torino",
            "/de/whats-on/?free=1&language=en",
            "/es/whats-on/?page=5",
            "/it/whats-on/archive/",
            "/en/whats-on/archive/?page=30",
        ],
        "iCalendar, 1,000 events": ["/it/whats-on/calendar/"],
    }
    targets = {
        "What's on": (TARGETS["whats_on"], 15),
        "iCalendar, 1,000 events": (TARGETS["calendar"], None),
    }
    rows, verdicts, failed = [], [], False
    for key, group in urls.items():
        medians, most_queries = [], 0
        for url in group:
            median, cpu, queries = measure(url, args.repeat)
            medians.append(median)
            most_queries = max(most_queries, queries)
            rows.append(f"| {key} | `{url}` | {median:.1f} | {cpu:.1f} | {queries} |")
        budget, most = targets[key]
        overall = statistics.median(medians)
        ok = overall <= budget and (most is None or most_queries <= most)
        failed |= not ok
        verdicts.append(
            f"| {key} | {len(group)} | {overall:.1f} | {max(medians):.1f} | {most_queries} "
            f"| ≤ {budget:.0f} ms{f', ≤ {most} queries' if most else ''} {'✓' if ok else '✗'} |"
        )
    cold = measure_cold("/it/whats-on/calendar/", args.repeat)
    rows.append(
        f"| iCalendar, 1,000 events, first request after a publish (not a budget) "
        f"| `/it/whats-on/calendar/` | {cold:.1f} | | |"
    )
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    text = "\n".join(
        [
            f"Measured {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())} with `{args.command}` "
            f"on {database_version()}: "
            f"{EventOccurrence.objects.values('event').distinct().count():,} events, "
            f"{EventOccurrence.objects.count():,} occurrences; object cache on (local memory), "
            f"page cache off; {args.repeat} timed requests per URL after a warm-up; load "
            f"average {load} on {os.cpu_count()} cores.",
            "",
            "| page | URLs | median of their medians, ms | slowest URL, ms | SQL queries, most "
            "| target |",
            "|---|---|---|---|---|---|",
            *verdicts,
            "",
            "| page | URL | median ms | median CPU ms | SQL queries |",
            "|---|---|---|---|---|",
            *rows,
        ]
    )
    publish(text, args.output, f"programme-bench:{engine}")
    return 1 if failed else 0


def measure_cold(url, repeat):
    """The median of requests each made after a publish (the cache's generation bumped):
    every card and VEVENT written again."""
    from django.test import Client, override_settings

    from heritagehub.cache import bump_generation

    client = Client()
    times = []
    with override_settings(HERITAGEHUB_PAGE_CACHE_SECONDS=0, ALLOWED_HOSTS=["*"]):
        for _ in range(max(3, repeat // 4)):
            bump_generation()
            started = time.perf_counter()
            assert client.get(url).status_code == 200
            times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
