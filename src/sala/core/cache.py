"""Django's Redis cache, with its redis client made once per connection pool.

Django makes a new `redis.Redis` for every cache call (`RedisCacheClient.get_client`), and each
one fills redis-py's table of some 170 response callbacks: about 0.3 ms of CPU on a small
server, more than the round trip to Redis itself. The live Q&A makes a cache call or two on
every poll of every phone. A `redis.Redis` is safe to share between threads (each command takes
a connection from the pool), so one per pool is enough.
"""

from django.core.cache.backends.redis import RedisCache, RedisCacheClient


class SharedClientRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))
        if client is None:  # two threads may both make one: either will do
            client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class SalaRedisCache(RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClientRedisCacheClient
