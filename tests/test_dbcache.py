"""The database cache's counter: two statements an increment, expiry and misses as Django's."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from workbench.dbcache import DatabaseCache

pytestmark = pytest.mark.django_db


@pytest.fixture
def cache():
    call_command("createcachetable", "workbench_cache")  # the tests on Redis have none
    return DatabaseCache("workbench_cache", {"OPTIONS": {"MAX_ENTRIES": 1000}})


def test_it_increments_an_existing_counter_in_two_statements(cache):
    cache.add("hits", 1, 60)
    with CaptureQueriesContext(connection) as captured:
        assert cache.incr("hits") == 2
    assert len(captured.captured_queries) == 2
    assert cache.incr("hits", 5) == 7
    assert cache.get("hits") == 7


def test_a_missing_or_expired_counter_is_not_found(cache):
    with pytest.raises(ValueError, match="not found"):
        cache.incr("nothing")
    cache.set("old", 3, -1)  # already expired
    with pytest.raises(ValueError, match="not found"):
        cache.incr("old")
    assert cache.add("old", 1, 60)
