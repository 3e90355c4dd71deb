"""Times and dates as the portal writes them, in GOV.UK style and in each language's form.
Every time, time range and date shown to a person goes through here (in templates through
the `times` filters, shared/templatetags/times.py).

English, GOV.UK style: "9am", "9:30am", "midday", "midnight", "5:30pm"; a range is
"9am to midday", "1pm to 4:30pm" (GOV.UK asks for "midday", not "12pm" or "12 noon").
Dates: "3 December 2026" and "Thursday 3 December 2026", no leading zero, no ordinal
(Polish and Romanian dates: see DATE_FORMATS).

Each language's form, chosen here and translated in the catalogues:

- Welsh: the 12-hour clock with "yb" (y bore) and "yh" (yr hwyr), as Welsh public bodies
  write it: "9yb", "9:30yb", "canol dydd", "hanner nos", "5:30yh"; a range is "9yb i 12:30yh",
  and "i" softens "canol dydd": "9yb i ganol dydd" (such a range has its own msgid).
- Polish and Romanian: the 24-hour clock, as both languages write times: "9:00", "12:30",
  "0:00", "23:59"; a range is "9:00–12:00" with an en dash.
- Urdu: the 12-hour clock with the part of the day before the hour and "بجے" after it, the
  form Urdu speakers in the UK read in letters and notices: "صبح 9 بجے" (9am), "دوپہر 12:30
  بجے", "شام 5 بجے", "رات 11:59 بجے"; midday is "دوپہر 12 بجے", midnight "رات 12 بجے"; a range
  is "صبح 9 بجے سے دوپہر 12 بجے تک". Digits are Western, as on the rest of the portal.

The words (am and pm for each part of the day, midday, midnight, "to") are msgids, most in
the "clock" context; which clock a language uses is in TWENTY_FOUR_HOUR below. Month and
day names come from Django's locales. The training and returns spreadsheets keep ISO
dates and times (2026-12-03 17:30) so that they sort; the casework export, in words,
uses day_then_clock."""

import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, gettext, pgettext

TWENTY_FOUR_HOUR = {"pl", "ro"}


def _language():
    return (get_language() or "en").split("-")[0]


def _local(value):
    """The time of day of a time, or of a datetime in the council's time zone."""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.time()
    return value


def _twelve_hour(moment):
    hour = moment.hour % 12 or 12
    time = f"{hour}" if moment.minute == 0 else f"{hour}:{moment.minute:02d}"
    # English says only am or pm; Urdu names the part of the day, so each part is its own
    # msgid, the placeholder named after it.
    if moment.hour < 4:
        return pgettext("clock", "%(night)sam") % {"night": time}
    if moment.hour < 12:
        return pgettext("clock", "%(morning)sam") % {"morning": time}
    if moment.hour < 16:
        return pgettext("clock", "%(afternoon)spm") % {"afternoon": time}
    if moment.hour < 19:
        return pgettext("clock", "%(evening)spm") % {"evening": time}
    return pgettext("clock", "%(night)spm") % {"night": time}


def _twenty_four_hour():
    return _language() in TWENTY_FOUR_HOUR


def clock(value):
    """A time of day: "9am", "9:30am", "midday", "midnight" (or that language's form)."""
    moment = _local(value)
    if moment is None:
        return ""
    if _twenty_four_hour():
        return f"{moment.hour}:{moment.minute:02d}"
    if (moment.hour, moment.minute) == (12, 0):
        return pgettext("clock", "midday")
    if (moment.hour, moment.minute) == (0, 0):
        return pgettext("clock", "midnight")
    return _twelve_hour(moment)


def clock_range(start, end):
    """From one time to another: "9am to midday", "9:00–12:00", "9yb i ganol dydd"."""
    start_clock = clock(start)
    end_moment = _local(end)
    if end_moment is None:
        return start_clock
    # A range ending at midday or midnight has its own msgid: Welsh mutates the word after
    # "i" (to), "i ganol dydd".
    if not _twenty_four_hour() and (end_moment.hour, end_moment.minute) == (12, 0):
        return pgettext("clock", "%(start)s to midday") % {"start": start_clock}
    if not _twenty_four_hour() and (end_moment.hour, end_moment.minute) == (0, 0):
        return pgettext("clock", "%(start)s to midnight") % {"start": start_clock}
    return gettext("%(start)s to %(end)s") % {"start": start_clock, "end": clock(end)}


# Dates: (without, with the day of the week). Polish puts the month in the genitive
# ("3 grudnia", Django's "E"), and Polish and Romanian write month and day names in lower
# case and a comma after the day of the week: "czwartek, 3 grudnia 2026", "joi, 3 decembrie
# 2026"; Django's locales give them capitalised.
DATE_FORMATS = {"pl": ("j E Y", "l, j E Y"), "ro": ("j F Y", "l, j F Y")}
LOWER_CASE_DATES = {"pl", "ro"}


def day(value):
    """A date: "3 December 2026"."""
    return _date(value, DATE_FORMATS.get(_language(), ("j F Y",))[0])


def day_with_weekday(value):
    """A date with its day of the week: "Thursday 3 December 2026"."""
    return _date(value, DATE_FORMATS.get(_language(), (None, "l j F Y"))[1])


def day_and_clock(value):
    """A moment: "5:30pm on Thursday 3 December 2026"."""
    if value is None:
        return ""
    return gettext("%(time)s on %(date)s") % {
        "time": clock(value),
        "date": day_with_weekday(value),
    }


def day_then_clock(value):
    """A moment in a list or a spreadsheet's column, date first: "3 December 2026, 5:30pm"."""
    if value is None:
        return ""
    return gettext("%(date)s, %(times)s") % {"date": day(value), "times": clock(value)}


def session_times(start, end):
    """A session on one day: "Thursday 3 December 2026, 9am to midday"."""
    return gettext("%(date)s, %(times)s") % {
        "date": day_with_weekday(start),
        "times": clock_range(start, end),
    }


def _date(value, format_string):
    if value is None or value == "":
        return ""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        value = timezone.localtime(value)
    written = date_format(value, format_string)
    return written.lower() if _language() in LOWER_CASE_DATES else written
