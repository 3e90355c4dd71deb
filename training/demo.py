"""Demo training, read from training/demo/*.yaml: the course index, nine courses with past
and future sessions (some full, with a waiting list), bookings by the demo accounts,
registers marked for past sessions and their feedback. Dates are relative to today;
nothing is emailed."""

from datetime import date, datetime, time, timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from home.localize import default_language_rows
from home.models import HomePage
from portal.demo import demo_email
from portal.models import School, User
from shared.demo_data import load

from .models import Audience, Booking, CoursePage, Feedback, Session, TrainingIndexPage


def _at(days, hour, minute=0):
    moment = datetime.combine(date.today() + timedelta(days=days), time(hour, minute))
    return timezone.make_aware(moment)


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


def _course(index, spec, audiences, areas, joining_details):
    online = spec["format"] == "online"
    sessions = [
        Session(
            starts_at=_at(row["days"], row["hour"]),
            ends_at=_at(row["days"], row["hour"]) + timedelta(hours=spec["hours"]),
            capacity=row["places"],
            venue="" if online else spec["venue"],
            joining_details=joining_details.format(
                slug=spec["slug"], number=n, code=470000 + 37 * n
            )
            if online
            else "",
            booking_closes_at=_at(row["days"] - 1, 12) if row["days"] > 1 else None,
        )
        for n, row in enumerate(spec["sessions"], start=1)
    ]
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


def _book(session, person, status, **extra):
    name, email, role, school = person
    return Booking.objects.create(
        session=session,
        name=name,
        email=email,
        role=role,
        school=school,
        user=User.objects.filter(email=email).first(),
        status=status,
        created_at=min(timezone.now(), session.starts_at) - timedelta(days=14),
        **extra,
    )


def _bookings(course, spec, people, others, comments):
    """Past sessions: everyone booked, most attended, most gave feedback. Future sessions:
    the people chosen for them, and a waiting list where the session is full."""
    now = timezone.now()
    made = 0
    by_email = {person[1]: person for person in people}
    for session, row in zip(course.sessions.order_by("starts_at"), spec["sessions"], strict=True):
        chosen = [by_email[demo_email(local)] for local in row.get("booked_by", [])]
        if session.starts_at < now:
            group = (
                chosen + [p for p in others if p not in chosen][: session.capacity - len(chosen)]
            )
            for i, person in enumerate(group):
                attended = i % 4 != 3
                booking = _book(
                    session,
                    person,
                    Booking.Status.CONFIRMED,
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
            _book(session, person, status)
            made += 1
        if row.get("full"):
            for person in [p for p in rest if p not in group][:2]:
                _book(session, person, Booking.Status.WAITING)
                made += 1
    return made


@transaction.atomic
def seed_training():
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
        course = _course(index, spec, audiences, areas, data["joining_details"])
        bookings += _bookings(course, spec, people, others, comments)
        made += 1
    courses = len(data["courses"])
    return f"training index, {courses} courses ({made} new), {bookings} new bookings"
