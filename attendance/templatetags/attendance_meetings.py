"""Template filters for targeting support meetings."""

from django import template

from attendance.periods import year_label

register = template.Library()

# 2025 -> "2025/26": a meeting's school year as people write it.
register.filter("school_year", year_label)
