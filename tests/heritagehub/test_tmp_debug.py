import collections, re
import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from tests.heritagehub.test_query_ceilings import SCENARIOS, hub  # noqa

pytestmark = pytest.mark.django_db

@pytest.mark.parametrize("page_type", list(SCENARIOS))
def test_debug(hub, client, page_type):
    sc = SCENARIOS[page_type]
    res = []
    for total in (5, 30):
        sc.grow(hub, total)
        url = sc.url(hub, "it")
        client.get(url)
        cache.clear()
        with CaptureQueriesContext(connection) as q:
            client.get(url)
        res.append(len(q.captured_queries))
    print("COLD", page_type, res)
