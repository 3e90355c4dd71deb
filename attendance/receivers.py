"""What follows a change to the figures outside the app itself (connected in apps.py)."""

from django.db import transaction

from home import page_cache


def purge_page_cache(sender, **kwargs):
    """The strategy page's chart shows the council's figures to anonymous visitors from
    the page cache: empty it once the change is committed (not before, or a visitor in
    between would store the old figures again)."""
    transaction.on_commit(page_cache.purge)
