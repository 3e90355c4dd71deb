"""Times of day: how long between two. Plain Python. How a time is written (7am, 4:30pm)
is shared/times.py's, the one formatter of the portal."""

from datetime import date, datetime, timedelta


def minutes_between(start, end):
    """Minutes from `start` to `end` on the same day (negative when `end` comes first)."""
    day = date.today()
    return (datetime.combine(day, end) - datetime.combine(day, start)) // timedelta(minutes=1)
