"""A version of their own for what some stored pages show, for the anonymous page cache
(home/page_cache.py).

Publishing moves the cache's generation, which empties every stored page at once. Some
pages also show things that change many times a day without anything being published: a
training course shows the places left. Such a page names what it shows (for example
"training-course:12"); a change to that thing moves only that name's version, which
empties only the stored copies that named it, so one busy course does not empty the
whole site's cache."""

import uuid

from django.core.cache import cache
from django.db import transaction


def _key(name):
    return f"pagecache:version:{name}"


def current(names):
    """{name: version} now. Read before the page is worked out: a change committed while
    it is worked out then leaves the stored copy out of date, never current."""
    if not names:
        return {}
    keys = {_key(name): name for name in names}
    found = cache.get_many(list(keys))
    missing = [key for key in keys if key not in found]
    for key in missing:
        cache.add(key, uuid.uuid4().hex, None)
    if missing:  # another process may have added it first: theirs is the one kept
        found.update(cache.get_many(missing))
    return {keys[key]: version for key, version in found.items()}


def still_current(versions):
    """Whether every name's version is still the one a stored copy was made with (a
    version evicted from the cache counts as moved)."""
    if not versions:
        return True
    found = cache.get_many([_key(name) for name in versions])
    return all(found.get(_key(name)) == version for name, version in versions.items())


def move(*names):
    """Empty the stored copies that show these names: now, and again once the change is
    committed, because a page worked out in between saw the data from before it."""

    def _move():
        cache.set_many({_key(name): uuid.uuid4().hex for name in names}, None)

    _move()
    transaction.on_commit(_move)
