"""Times of day: how long between two, and how GOV.UK and the byelaws write one (7am,
4:30pm). Plain Python: the caller gives "am" and "pm" in the reader's language."""

from datetime import date, datetime, timedelta


def minutes_between(start, end):
    """Minutes from `start` to `end` on the same day (negative when `end` comes first)."""
    day = date.today()
    return (datetime.combine(day, end) - datetime.combine(day, start)) // timedelta(minutes=1)


def clock(moment, morning="%(time)sam", afternoon="%(time)spm"):
    """7am, 4:30pm: the hour, the minutes only when there are some, then am or pm."""
    face = f"{moment.hour % 12 or 12}" + (f":{moment.minute:02d}" if moment.minute else "")
    return (morning if moment.hour < 12 else afternoon) % {"time": face}
