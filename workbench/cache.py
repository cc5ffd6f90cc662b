"""Django's Redis cache, tolerant of Redis being down, one client per pool, incr in one trip.

**Redis down.** The cache only ever speeds things up or spaces requests out; the database holds
the truth. So a Redis error never reaches the caller: reads miss (``get`` returns the default,
``get_many`` nothing, ``has_key`` False), writes are dropped (``set``, ``delete``, ``touch``),
``add`` answers True (the caller proceeds as if it held the key: per-host spacing and the shared
robots.txt download lock stop coordinating until Redis is back, fetching goes on) and ``incr``
raises ValueError as for a missing key (the API throttle then starts a new count, allowed). The
first error of an outage is logged as a warning with the error, the rest at debug level, and the
first success after it at info. Connection attempts give up after CONNECT_TIMEOUT seconds.

One consequence to know: a token or role change made while Redis was unreachable (but kept its
data) cannot renew the API's auth generation, so entries cached before it may be served until
they expire (API_AUTH_CACHE_SECONDS). A Redis restarted empty has no such entries.

**One client per pool.** Django's ``RedisCacheClient.get_client`` builds a new ``redis.Redis``
for every cache call, and each one fills its table of ~170 response callbacks (0.06 ms of CPU a
call). An API request makes two calls (its token entry and its throttle bucket), a fetch worker
one or two per page (rate limit, robots.txt). A client holds no connection of its own (its pool
does), so one per pool serves every call of the backend's thread, as the pool already did.

**incr.** Django's ``incr`` asks ``EXISTS`` and then ``INCRBY``: two round trips, and a key that
expires between them comes back without an expiry. Here one script does both, atomically.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable
from typing import Any

from django.core.cache.backends import redis
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

CONNECT_TIMEOUT = 1.0  # seconds; also each command's, so a hung Redis cannot hold a request
INCR_EXISTING = """
if redis.call('exists', KEYS[1]) == 1 then return redis.call('incrby', KEYS[1], ARGV[1]) end
return nil
"""

_outage = {"down": False}  # per process: only the first error of an outage is a warning


def _tolerant(fallback: Callable[..., Any]) -> Callable:
    """Run the cache call; on a Redis error, log it and return fallback(*args) instead."""

    def decorate(method: Callable) -> Callable:
        @functools.wraps(method)
        def call(self: RedisCacheClient, *args: Any) -> Any:
            try:
                result = method(self, *args)
            except RedisError as exc:
                _log_outage(method.__name__, exc)
                return fallback(*args)
            if _outage["down"]:
                _outage["down"] = False
                logger.info("Redis cache reachable again.")
            return result

        return call

    return decorate


def _log_outage(operation: str, exc: RedisError) -> None:
    level = logging.DEBUG if _outage["down"] else logging.WARNING
    _outage["down"] = True
    logger.log(level, "Redis cache unreachable (%s: %r); carrying on without it.", operation, exc)


def _missing(key: str, *_: object) -> int:
    raise ValueError(f"Key '{key}' not found (the cache is unreachable).")


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("socket_connect_timeout", CONNECT_TIMEOUT)
        kwargs.setdefault("socket_timeout", CONNECT_TIMEOUT)
        super().__init__(*args, **kwargs)
        self._clients: dict[int, object] = {}
        self._incr_existing = None

    @_tolerant(lambda key, default: default)
    def get(self, key: str, default: object) -> object:
        return super().get(key, default)

    @_tolerant(lambda keys: {})
    def get_many(self, keys: list[str]) -> dict:
        return super().get_many(keys)

    @_tolerant(lambda key: False)
    def has_key(self, key: str) -> bool:
        return super().has_key(key)

    @_tolerant(lambda key, value, timeout: True)
    def add(self, key: str, value: object, timeout: int | None) -> bool:
        return super().add(key, value, timeout)

    @_tolerant(lambda key, value, timeout: None)
    def set(self, key: str, value: object, timeout: int | None) -> None:
        return super().set(key, value, timeout)

    @_tolerant(lambda data, timeout: None)
    def set_many(self, data: dict, timeout: int | None) -> None:
        return super().set_many(data, timeout)

    @_tolerant(lambda key, timeout: False)
    def touch(self, key: str, timeout: int | None) -> bool:
        return super().touch(key, timeout)

    @_tolerant(lambda key: False)
    def delete(self, key: str) -> bool:
        return super().delete(key)

    @_tolerant(lambda keys: None)
    def delete_many(self, keys: list[str]) -> None:
        return super().delete_many(keys)

    @_tolerant(_missing)
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
