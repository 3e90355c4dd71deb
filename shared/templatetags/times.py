"""Times and dates in GOV.UK style and each language's form (shared/times.py):
`{{ session.starts_at|clock }}`, `{{ due|day }}`, `{{ when|day_with_weekday }}`,
`{{ expires|day_and_clock }}`, `{{ sent|day_then_clock }}`, `{% clock_range start end %}`, `{% session_times start end %}`."""

from django import template

from shared import times

register = template.Library()

register.filter("clock", times.clock)
register.filter("day", times.day)
register.filter("day_with_weekday", times.day_with_weekday)
register.filter("day_and_clock", times.day_and_clock)
register.filter("day_then_clock", times.day_then_clock)
register.simple_tag(times.clock_range, name="clock_range")
register.simple_tag(times.session_times, name="session_times")
