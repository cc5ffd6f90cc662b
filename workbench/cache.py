"""Django's Redis cache, keeping one client per connection pool, incrementing in one round trip.

Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis`` for every cache call, and
each one fills its table of ~170 response callbacks (0.06 ms of CPU a call). An API request
makes two calls (its token entry and its throttle bucket), a fetch worker one or two per page
(rate limit, robots.txt). A client holds no connection of its own (its pool does), so one per
pool serves every call of the backend's thread, as the pool already did.

Django's ``incr`` asks ``EXISTS`` and then ``INCRBY``: two round trips, and a key that expires
between them comes back without an expiry. Here one script does both, atomically.
"""

from django.core.cache.backends import redis

INCR_EXISTING = """
if redis.call('exists', KEYS[1]) == 1 then return redis.call('incrby', KEYS[1], ARGV[1]) end
return nil
"""


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}
        self._incr_existing = None

    def incr(self, key: str, delta: int) -> int:
        client = self.get_client(key, write=True)
        if self._incr_existing is None:
            self._incr_existing = client.register_script(INCR_EXISTING)
        value = self._incr_existing(keys=[key], args=[delta], client=client)
        if value is None:
            raise ValueError(f"Key '{key}' not found.")
        return value

    def get_client(self, key: str | None = None, *, write: bool = False) -> object:
        index = self._get_connection_pool_index(write)
        if index not in self._clients:
            self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return self._clients[index]


class RedisCache(redis.RedisCache):
    def __init__(self, server: str, params: dict) -> None:
        super().__init__(server, params)
        self._class = RedisCacheClient
