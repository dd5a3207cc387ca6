"""The Redis cache keeps one redis client per pool (Django's makes one per call)."""

import pytest

from sala.core.cache import SalaRedisCache

LOCATION = "redis://127.0.0.1:6379/9"


@pytest.fixture
def redis_cache():
    redis = pytest.importorskip("redis")
    try:
        redis.Redis.from_url(LOCATION, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("no Redis on this machine")
    cache = SalaRedisCache(LOCATION, {})
    yield cache
    cache.clear()


def test_one_client_serves_every_call_and_the_cache_works(redis_cache):
    client = redis_cache._cache.get_client()
    assert redis_cache._cache.get_client(write=True) is client
    redis_cache.set("sala-test", {"n": 1}, 5)
    assert redis_cache.get("sala-test") == {"n": 1}
    assert redis_cache.add("sala-count", 0, 5) and redis_cache.incr("sala-count") == 1
    assert redis_cache._cache.get_client() is client
