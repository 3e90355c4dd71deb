"""Demo training, read from training/demo/*.yaml: the course index, nine courses with past
and future sessions (some full, with a waiting list), bookings by the demo accounts,
registers marked for past sessions and their feedback. Dates are relative to today, moved
to a working day (a course for school staff in term to a school day); nothing is emailed."""

from datetime import datetime, time, timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from home.localize import default_language_rows
from home.models import HomePage
from portal.demo import demo_email
from portal.models import School, User
from portal.terms import (
    council_terms,
    in_term,
    next_school_day,
    next_working_day,
    previous_school_day,
    previous_working_day,
)
from shared.demo_data import load

from .models import Audience, Booking, CoursePage, Feedback, Session, TrainingIndexPage


def _at(day, hour, minute=0):
    return timezone.make_aware(datetime.combine(day, time(hour, minute)))


def session_day(today, days, term_time, terms):
    """The day of a session `days` from `today`: a working day (not a weekend, not a bank
    holiday), and for a course school staff come to in term time (`term_time`), a school
    day when it falls within a term. A past session moves back and an upcoming one on, so
    that past sessions keep their registers and upcoming ones their places."""
    day = today + timedelta(days=days)
    upcoming = days >= 0
    if term_time and in_term(day, terms):
        moved = next_school_day(day, terms) if upcoming else previous_school_day(day, terms)
        if moved is not None:
            return moved
    return next_working_day(day) if upcoming else previous_working_day(day)


def _index_page(spec):
    """The training index, in place of the plain "training" page an earlier seed made,
    so the menu and the home page's tile lead here and there is one "training" page."""
    home = HomePage.objects.filter(depth=2, locale__language_code="en").first()
    index = TrainingIndexPage.objects.child_of(home).first()
    if index:
        return index, False
    old = home.get_children().filter(slug="training").first()
    old_id = old.pk if old else None
    if old:
        old.delete()
    index = TrainingIndexPage(
        title=spec["title"],
        slug="training",
        introduction=spec["introduction"],
        show_in_menus=True,
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    if old_id:
        _repoint_tiles(old_id, index)
    return index, True


def _repoint_tiles(old_id, index):
    """Home page tiles (in every language) that led to the old page lead to the index."""
    for home in HomePage.objects.all():
        tiles = home.tiles.raw_data
        changed = False
        for tile in tiles:
            if tile["value"].get("page") == old_id:
                tile["value"]["page"] = index.pk
                changed = True
        if changed:
            home.tiles = tiles
            home.save_revision().publish()


def session_days(spec, today, terms):
    """The days of a course's sessions, in the order of spec["sessions"]."""
    return [
        session_day(today, row["days"], spec.get("term_time", False), terms)
        for row in spec["sessions"]
    ]


def _course(index, spec, audiences, areas, joining_details, today):
    online = spec["format"] == "online"
    sessions = []
    days = session_days(spec, today, council_terms())
    for n, (row, day) in enumerate(zip(spec["sessions"], days, strict=True), start=1):
        starts_at = _at(day, row["hour"])
        # Booking closes at noon the day before, unless that has come already.
        closes = day - timedelta(days=1)
        sessions.append(
            Session(
                starts_at=starts_at,
                ends_at=starts_at + timedelta(hours=spec["hours"]),
                capacity=row["places"],
                venue="" if online else spec["venue"],
                joining_details=joining_details.format(
                    slug=spec["slug"], number=n, code=470000 + 37 * n
                )
                if online
                else "",
                booking_closes_at=_at(closes, 12) if closes > today else None,
            )
        )
    course = CoursePage(
        title=spec["title"],
        slug=spec["slug"],
        summary=spec["summary"],
        description=spec["description"],
        outcomes=spec["outcomes"],
        format=spec["format"],
        duration=spec["duration"],
        cost=spec.get("cost", ""),
        sessions=sessions,
    )
    course.audiences = [audiences[slug] for slug in spec["audiences"]]
    course.assessment_areas = [areas[slug] for slug in spec.get("areas", []) if slug in areas]
    index.add_child(instance=course)
    course.save_revision().publish()
    return course


def _people(data):
    """(name, email, role, school): the demo accounts first, then the others."""
    schools = {school.urn: school for school in School.objects.all()}
    people = [
        (row["name"], demo_email(row["account"]), row["role"], schools.get(row["school"]))
        for row in data["accounts"]
    ]
    people += [
        (row["name"], row["email"], row["role"], schools.get(row["school"]))
        for row in data["others"]
    ]
    return people


def _book(session, person, status, now, **extra):
    name, email, role, school = person
    return Booking.objects.create(
        session=session,
        name=name,
        email=email,
        role=role,
        school=school,
        user=User.objects.filter(email=email).first(),
        status=status,
        # Booked a fortnight before the session, or before today if it is still to come.
        created_at=min(now, session.starts_at) - timedelta(days=14),
        **extra,
    )


def _bookings(course, spec, people, others, comments, now):
    """Past sessions: everyone booked, most attended, most gave feedback. Future sessions:
    the people chosen for them, and a waiting list where the session is full."""
    made = 0
    by_email = {person[1]: person for person in people}
    for session, row in zip(course.sessions.order_by("starts_at"), spec["sessions"], strict=True):
        chosen = [by_email[demo_email(local)] for local in row.get("booked_by", [])]
        if row["days"] < 0:
            group = (
                chosen + [p for p in others if p not in chosen][: session.capacity - len(chosen)]
            )
            for i, person in enumerate(group):
                attended = i % 4 != 3
                booking = _book(
                    session,
                    person,
                    Booking.Status.CONFIRMED,
                    now,
                    attendance=Booking.Attendance.ATTENDED
                    if attended
                    else Booking.Attendance.NO_SHOW,
                    feedback_requested_at=session.ends_at if attended else None,
                )
                if attended and i % 3 != 2:
                    Feedback.objects.create(
                        booking=booking, rating=5 - (i % 3), comments=comments[i % len(comments)]
                    )
                made += 1
            continue
        rest = [p for p in others if p not in chosen]
        fill = session.capacity if row.get("full") else min(2, session.capacity)
        group = (chosen + rest)[: max(fill, len(chosen))]
        for i, person in enumerate(group):
            status = Booking.Status.CONFIRMED if i < session.capacity else Booking.Status.WAITING
            _book(session, person, status, now)
            made += 1
        if row.get("full"):
            for person in [p for p in rest if p not in group][:2]:
                _book(session, person, Booking.Status.WAITING, now)
                made += 1
    return made


@transaction.atomic
def seed_training(today=None):
    """`today`: the day the demo's dates count from (a test's fixed day), else today."""
    today = today or timezone.localdate()
    now = timezone.now() if today == timezone.localdate() else _at(today, 8)
    data, booking_data = load("training", "courses"), load("training", "bookings")
    index, _created = _index_page(data["index"])
    # The English ones: courses point at them whatever their language.
    audiences = {a.slug: a for a in default_language_rows(Audience.objects.all())}
    # Looked up by name, not imported: the self-assessment is another feature app.
    AssessmentArea = apps.get_model("self_assessment", "AssessmentArea")
    areas = {area.slug: area for area in AssessmentArea.objects.all()}
    existing = set(CoursePage.objects.child_of(index).values_list("slug", flat=True))
    people = _people(booking_data)
    others = people[len(booking_data["accounts"]) :]
    comments = booking_data["feedback_comments"]
    made = bookings = 0
    for spec in data["courses"]:
        if spec["slug"] in existing:
            continue
        course = _course(index, spec, audiences, areas, data["joining_details"], today)
        bookings += _bookings(course, spec, people, others, comments, now)
        made += 1
    courses = len(data["courses"])
    return f"training index, {courses} courses ({made} new), {bookings} new bookings"
