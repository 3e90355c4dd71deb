"""What the training index lists: upcoming sessions of its live courses, filtered by
audience, month and format, a page at a time, in a fixed number of queries however many
sessions there are."""

from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.db.models.query import prefetch_related_objects
from django.utils import timezone

from home import page_cache
from home.localize import (
    default_language_rows_named,
    in_active_language,
    in_default_language,
    shown_among,
)
from shared.listing import chosen_values, pagination

from .models.courses import Audience, CoursePage, Session

PER_PAGE = 20


def _month_choices(sessions):
    """("2026-12", datetime) for each month that has an upcoming session."""
    months = sessions.datetimes("starts_at", "month", tzinfo=timezone.get_current_timezone())
    return [(f"{month:%Y-%m}", month) for month in months]


def session_list(index, request):
    # The English audiences (courses point at them, filters match their slugs), each
    # with the name to show in the visitor's language: one query, translations and all.
    audiences = default_language_rows_named(Audience.objects.all())
    chosen_audiences = chosen_values(request.GET.getlist("audience"), {a.slug for a in audiences})
    formats = CoursePage.Format.choices
    chosen_format = request.GET.get("format", "")
    if chosen_format not in dict(formats):
        chosen_format = ""

    # Sessions belong to the courses in the default language (a translated course books
    # its source's sessions), so a translated index lists those of its source.
    upcoming = Session.objects.filter(
        starts_at__gt=timezone.now(),
        course__in=CoursePage.objects.live()
        .public()
        .child_of(in_default_language(index))
        .values("pk"),
    )
    if chosen_audiences:
        # A subquery rather than a join, so a course for two chosen audiences is listed once.
        upcoming = upcoming.filter(
            Exists(
                CoursePage.audiences.through.objects.filter(
                    coursepage_id=OuterRef("course_id"), audience__slug__in=chosen_audiences
                )
            )
        )
    if chosen_format:
        upcoming = upcoming.filter(course__format=chosen_format)
    months = _month_choices(upcoming)
    chosen_month = request.GET.get("month", "")
    if chosen_month not in dict(months):
        chosen_month = ""
    if chosen_month:
        year, month = map(int, chosen_month.split("-"))
        # The month as the visitor's clock sees it (sessions are stored in UTC).
        tz = timezone.get_current_timezone()
        start = timezone.make_aware(timezone.datetime(year, month, 1), tz)
        end = timezone.make_aware(timezone.datetime(year + month // 12, month % 12 + 1, 1), tz)
        upcoming = upcoming.filter(starts_at__gte=start, starts_at__lt=end)

    sessions = (
        upcoming.with_places_taken()
        .select_related("course")
        .defer("course__description", "course__outcomes")
        .order_by("starts_at", "pk")
    )
    page_obj = Paginator(sessions, PER_PAGE).get_page(request.GET.get("page"))
    items = list(page_obj)
    # A session listed closes for booking, or starts and leaves the list, with no change
    # to any record: no stored copy of this page outlives that.
    page_cache.changes_at(request, *(moment for s in items for moment in s.changes_at))
    courses = {session.course_id: session.course for session in items}
    prefetch_related_objects(list(courses.values()), "audiences")
    # Each course's audiences are among those just fetched, with their names.
    named = shown_among((course.audiences.all() for course in courses.values()), audiences)
    for course, its_audiences in zip(courses.values(), named, strict=True):
        course.audience_list = its_audiences
    # Course titles in the visitor's language, where a course has been translated.
    translated = dict(zip(courses, in_active_language(courses.values()), strict=True))
    for session in items:
        session.course = courses[session.course_id]  # the one with its audiences
        session.course_title = translated[session.course_id].title
        session.course_url = translated[session.course_id].get_url(request)
    query = {"audience": chosen_audiences, "format": chosen_format, "month": chosen_month}
    return {
        "sessions": items,
        "page_obj": page_obj,
        "pagination": pagination(page_obj, {k: v for k, v in query.items() if v}),
        "audiences": [(a, a.slug in chosen_audiences) for a in audiences],
        "chosen_format": chosen_format,
        "formats": [(value, label, value == chosen_format) for value, label in formats],
        "months": [(value, month, value == chosen_month) for value, month in months],
        "filtered": bool(chosen_audiences or chosen_format or chosen_month),
    }
