"""Council-wide figures kept as summary rows, worked out again when a record that counts
changes (an assessment submitted, a school moved to another locality), so that a page
reads one small row instead of going over every school's records on each request.

Any model with a unique key and a JSON `figures` field will do: the app passes the model,
the key of the row and a function that works the figures out from scratch. Working them
out from scratch (rather than adding and taking away) keeps the row right whatever
changed; the row is locked first, so two changes at once are worked out in turn and the
second sees the first's records. Call `refresh` inside the transaction that changes the
records, so the figures and the records commit together or not at all."""

from django.db import transaction


def refresh(model, key, work_out):
    """Lock the summary row `key` (a dict of field values), creating it if need be, set
    its figures to `work_out()` and save it; returns the row."""
    with transaction.atomic():
        # get_or_create copes with two creating the row at once: the second's insert
        # fails on the unique key and it locks the first's row instead.
        row, _created = model.objects.select_for_update().get_or_create(**key)
        row.figures = work_out()
        row.save()
    return row


def read(model, key, work_out):
    """The summary row `key`, worked out the first time it is asked for (a year no one
    has submitted in yet, or data from before summaries were kept)."""
    row = model.objects.filter(**key).first()
    return row if row is not None else refresh(model, key, work_out)


def refresh_each(model, keys, work_out):
    """Refresh several rows, in a fixed order (so two callers never wait on each other's
    locks in a circle); `work_out` takes the key."""
    ordered = sorted(keys, key=lambda key: sorted(key.items()))
    return [refresh(model, key, lambda key=key: work_out(key)) for key in ordered]
