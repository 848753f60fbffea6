"""heritagehub.cache.cached_each: a listing's cards kept one by one for the current generation,
read at once, computed only where missing; with the cache down, computed every time."""

import pytest
from django.core.cache import cache

from heritagehub.cache import bump_generation, cached_each


class Computer:
    """Computes "card n" for each row, and remembers which rows it was asked for."""

    def __init__(self):
        self.asked = []

    def __call__(self, rows):
        self.asked.append(list(rows))
        return [f"card {row}" for row in rows]


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_values_come_in_the_rows_order_and_only_missing_rows_are_computed():
    compute = Computer()
    assert cached_each("cards", [3, 1], str, compute) == ["card 3", "card 1"]
    assert cached_each("cards", [1, 2, 3], str, compute) == ["card 1", "card 2", "card 3"]
    assert compute.asked == [[3, 1], [2]]


def test_the_rows_are_read_from_the_cache_at_once(monkeypatch):
    cached_each("cards", [1, 2, 3], str, Computer())
    reads = []
    get_many = cache.get_many
    monkeypatch.setattr(cache, "get_many", lambda keys: reads.append(keys) or get_many(keys))
    cached_each("cards", [1, 2, 3], str, Computer())
    assert len(reads) == 1 and len(reads[0]) == 3


def test_a_new_generation_computes_every_row_again():
    compute = Computer()
    cached_each("cards", [1, 2], str, compute)
    bump_generation()
    cached_each("cards", [1, 2], str, compute)
    assert compute.asked == [[1, 2], [1, 2]]


def test_a_row_computed_as_none_is_kept_as_none():
    compute = Computer()
    hidden = lambda rows: compute(rows) and [None for _row in rows]  # noqa: E731
    assert cached_each("cards", [7], str, hidden) == [None]
    assert cached_each("cards", [7], str, hidden) == [None]
    assert compute.asked == [[7]]


def test_with_the_cache_down_every_row_is_computed(monkeypatch):
    def down(*args, **kwargs):
        raise ConnectionError("cache down")

    for name in ("get", "set", "add", "get_many", "set_many"):
        monkeypatch.setattr(cache, name, down)
    compute = Computer()
    assert cached_each("cards", [1, 2], str, compute) == ["card 1", "card 2"]
    assert cached_each("cards", [1, 2], str, compute) == ["card 1", "card 2"]
    assert compute.asked == [[1, 2], [1, 2]]
