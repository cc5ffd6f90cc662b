"""The embedded stack's database cache, incrementing a counter in two statements, not six.

Django's ``DatabaseCache.incr`` is a ``get`` and a ``set``; the set counts the whole table (to
decide on culling), opens a savepoint, reads the row again and updates it. The per-token API
throttle increments once per request, so six of an API request's queries were that. Here an
existing, unexpired counter is read once and rewritten with one UPDATE: no row is added, so there
is nothing to cull. Like Django's, the read and the write are two statements, not one atomic step
(two concurrent requests may count once); the throttle's limits are approximate either way.
"""

import base64
import pickle

from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router


class DatabaseCache(DjangoDatabaseCache):
    def incr(self, key: str, delta: int = 1, version: int | None = None) -> int:
        value = self.get(key, version=version)  # None when missing or expired
        if value is None:
            raise ValueError(f"Key '{key}' not found")
        value += delta
        database = router.db_for_write(self.cache_model_class)
        connection = connections[database]
        table, column = connection.ops.quote_name(self._table), connection.ops.quote_name
        pickled = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {column('value')} = %s WHERE {column('cache_key')} = %s",
                [pickled, self.make_and_validate_key(key, version=version)],
            )
        return value
