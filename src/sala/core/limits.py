"""Rate limits kept in the shared cache, so that every app server counts the same.

A limit counts what one sender did in the current fixed window (e.g. this minute). The cache
key is a keyed hash of the sender ("person:12", "address:10.0.0.7"): the cache holds no token,
no address and no name, and nothing ties a count to what was sent.
"""

import time
from dataclasses import dataclass

from django.core.cache import cache
from django.utils.crypto import salted_hmac

from sala.core.errors import DomainError
from sala.core.khmer import digits


@dataclass(frozen=True)
class Limit:
    name: str  # part of the cache key: each limit counts on its own
    count: int  # at most this many...
    seconds: int  # ...per window of this many seconds
    code: str  # the DomainError raised beyond it; its message may use %(count)s and %(minutes)s

    def take(self, sender: str) -> None:
        """Count one more for `sender`, or raise the limit's DomainError if that is one too many."""
        digest = salted_hmac("sala.participation.rate", sender).hexdigest()[:32]
        key = f"sala:{self.name}:{digest}:{int(time.time()) // self.seconds}"
        cache.add(key, 0, timeout=self.seconds)
        try:
            taken = cache.incr(key)
        except ValueError:  # evicted between add and incr
            cache.set(key, 1, timeout=self.seconds)
            taken = 1
        if taken > self.count:
            raise DomainError(self.code, count=digits(self.count), minutes=digits(max(1, self.seconds // 60)))


def address_key(request) -> str:
    """The sender's network address as a rate-limit key (REMOTE_ADDR: set the proxy to pass it)."""
    return f"address:{request.META.get('REMOTE_ADDR', '')}"
