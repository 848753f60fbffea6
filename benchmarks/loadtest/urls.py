"""The URLs of a load test, sampled from the bench database like `make bench`'s
(``benchmarks.measure.pick_urls``: home, browsing with and without facets, text queries,
items, stories, partners and site search, in the five languages).

- ``mixed``: every class's URLs, interleaved (a request of each class in turn);
- ``cached``: the first few of each class, the small set the cached phase repeats;
- ``cold``: item pages that are in neither list, each requested once (cache misses).

Run with DJANGO_SETTINGS_MODULE=heritagehub.settings.bench (``python -m benchmarks.loadtest
urls``); the load test itself does not load Django.
"""

import random
from itertools import zip_longest

from heritage_collections.models import ItemPage
from heritagehub.i18n import url_in_language

from ..measure import languages, pick_urls

CACHED_PER_CLASS = 3


def pick(per_class=20, cold_count=3000, seed=0):
    """{"classes": {class: URLs}, "mixed": [...], "cached": [...], "cold": [...]}."""
    by_class = pick_urls(per_class=per_class, seed=seed)
    rounds = list(zip_longest(*by_class.values()))  # the n-th URL of each class
    mixed = [url for urls in rounds for url in urls if url]
    return {
        "classes": {key: len(urls) for key, urls in by_class.items()},
        "mixed": mixed,
        "cached": [url for urls in rounds[:CACHED_PER_CLASS] for url in urls if url],
        "cold": cold_items(cold_count, set(mixed), random.Random(seed + 1)),
    }


def cold_items(count, taken, rng):
    """URLs of ``count`` random live items (in random languages) not in ``taken``."""
    ids = list(ItemPage.objects.live().values_list("pk", flat=True))
    chosen = rng.sample(ids, min(len(ids), count + len(taken)))
    pages = ItemPage.objects.filter(pk__in=chosen).only("url_path")
    by_pk = {page.pk: page for page in pages}
    langs = languages()
    urls = (url_in_language(by_pk[pk], rng.choice(langs)) for pk in chosen if pk in by_pk)
    return [url for url in dict.fromkeys(urls) if url not in taken][:count]
