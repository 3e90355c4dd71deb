"""How often each query is searched, for the editors' promotions report (Wagtail's
QueryDailyHits), counted without a database write on every search.

Hits are added up in the cache and written a batch at a time, each batch one UPDATE
(hits = hits + n); a query's first hit of the day is written at once, so that a query
searched once appears in the report. In Redis the counter is atomic, so what is written
plus what is waiting is every hit; a counter the cache drops loses fewer than a batch.
"""

from django.core.cache import cache
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.contrib.search_promotions.models import QueryDailyHits

BATCH = 10
# Outlasts the day the counter counts, whatever the cache's default timeout.
COUNTER_SECONDS = 2 * 24 * 60 * 60


def count_hit(query_id):
    day = timezone.now().date()  # the day as Wagtail's own Query.add_hit takes it
    key = f"searchhits:{day.isoformat()}:{query_id}"
    try:
        waiting = cache.incr(key)  # one round trip for every hit but the day's first
    except ValueError:  # the day's first hit, or a counter the cache dropped: start it
        if cache.add(key, 0, COUNTER_SECONDS):
            _write(query_id, day, 1)
            return
        waiting = cache.incr(key)  # another request started it just now
    if waiting >= BATCH:
        # Take off only what is written now: hits counted meanwhile stay waiting.
        cache.decr(key, waiting)
        _write(query_id, day, waiting)


def _write(query_id, day, hits):
    rows = QueryDailyHits.objects.filter(query_id=query_id, date=day)
    if rows.update(hits=F("hits") + hits):
        return
    try:
        with transaction.atomic():
            QueryDailyHits.objects.create(query_id=query_id, date=day, hits=hits)
    except IntegrityError:  # another request made the day's row just now (or the query went)
        rows.update(hits=F("hits") + hits)


def count_cached_hit(sender, counted, **kwargs):
    """A search page served from the page cache (home.page_cache.served_from_cache)."""
    count_hit(counted)
