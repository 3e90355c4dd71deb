"""Demo training: the course index, nine courses with past and future sessions (some
full, with a waiting list), bookings by the demo accounts, registers marked for past
sessions and their feedback. Dates are relative to today; nothing is emailed."""

from datetime import date, datetime, time, timedelta

from django.db import transaction
from django.utils import timezone

from home.models import HomePage
from portal.demo import demo_email
from portal.models import School, User
from self_assessment.models import AssessmentArea

from .demo_content import COURSES, INDEX
from .models import Audience, Booking, CoursePage, Feedback, Session, TrainingIndexPage

# Invented people who booked (name, email, role, school URN or None).
OTHERS = [
    ("Ruth Bennett", "r.bennett@beechfield.example", Booking.Role.ATTENDANCE_LEAD, "190002"),
    ("Daniel Osei", "d.osei@castlemead.example", Booking.Role.DSL, "190003"),
    ("Fiona Grant", "f.grant@elmstead.example", Booking.Role.OFFICE, "190005"),
    ("Yusuf Ahmed", "y.ahmed@greenway.example", Booking.Role.HEADTEACHER, "190007"),
    ("Claire Dawson", "c.dawson@hollins.example", Booking.Role.GOVERNOR, "190008"),
    ("Marek Nowak", "m.nowak@ivybridge.example", Booking.Role.ATTENDANCE_LEAD, "190009"),
    ("Leanne Price", "l.price@health.example", Booking.Role.PARTNER, None),
    ("Owen Hughes", "o.hughes@larkspur.example", Booking.Role.TEACHER, "190012"),
]
DEMO_ACCOUNTS = {
    "governor": ("Margaret Ellis", Booking.Role.GOVERNOR, "190001"),
    "attendance.lead": ("Priya Shah", Booking.Role.ATTENDANCE_LEAD, "190001"),
    "head": ("Tom Okafor", Booking.Role.HEADTEACHER, "190003"),
    "dsl": ("Hannah Lewis", Booking.Role.DSL, "190008"),
    "office": ("Gareth Jones", Booking.Role.OFFICE, "190001"),
}
COMMENTS = [
    "Clear and practical; the worked examples helped.",
    "Good pace. More time for questions next time, please.",
    "",
    "Useful to hear how other schools approach this.",
]


def _at(days, hour, minute=0):
    moment = datetime.combine(date.today() + timedelta(days=days), time(hour, minute))
    return timezone.make_aware(moment)


def _index_page():
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
        title=INDEX["title"],
        slug="training",
        introduction=INDEX["introduction"],
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


def _course(index, spec, audiences, areas):
    sessions = [
        Session(
            starts_at=_at(days, hour),
            ends_at=_at(days, hour) + timedelta(hours=spec["hours"]),
            capacity=capacity,
            venue="" if spec["format"] == "online" else spec["venue"],
            joining_details=(
                "Join on the council's video meeting service: "
                f"https://meet.wyvernshire.example/training/{spec['slug']}-{n}\n"
                f"Meeting code: {470000 + 37 * n}"
                if spec["format"] == "online"
                else ""
            ),
            booking_closes_at=_at(days - 1, 12) if days > 1 else None,
        )
        for n, (days, hour, capacity) in enumerate(spec["sessions"], start=1)
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


def _people():
    schools = {school.urn: school for school in School.objects.all()}
    people = [
        (name, demo_email(local), role, schools.get(urn))
        for local, (name, role, urn) in DEMO_ACCOUNTS.items()
    ]
    people += [(name, email, role, schools.get(urn)) for name, email, role, urn in OTHERS]
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


def _bookings(course, spec, people):
    """Past sessions: everyone booked, most attended, most gave feedback. Future sessions:
    the people chosen for them, and a waiting list where the session is full."""
    now = timezone.now()
    made = 0
    by_email = {person[1]: person for person in people}
    for n, session in enumerate(course.sessions.order_by("starts_at")):
        chosen = [by_email[demo_email(local)] for local in spec.get("demo_bookers", {}).get(n, [])]
        if session.starts_at < now:
            group = (
                chosen
                + [p for p in people[5:] if p not in chosen][: session.capacity - len(chosen)]
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
                        booking=booking, rating=5 - (i % 3), comments=COMMENTS[i % len(COMMENTS)]
                    )
                made += 1
            continue
        others = [p for p in people[5:] if p not in chosen]
        fill = session.capacity if spec.get("full") == n else min(2, session.capacity)
        group = (chosen + others)[: max(fill, len(chosen))]
        for i, person in enumerate(group):
            status = Booking.Status.CONFIRMED if i < session.capacity else Booking.Status.WAITING
            _book(session, person, status)
            made += 1
        if spec.get("full") == n:
            for person in [p for p in others if p not in group][:2]:
                _book(session, person, Booking.Status.WAITING)
                made += 1
    return made


@transaction.atomic
def seed_training():
    index, _created = _index_page()
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    areas = {area.slug: area for area in AssessmentArea.objects.all()}
    existing = set(CoursePage.objects.child_of(index).values_list("slug", flat=True))
    people = _people()
    courses = bookings = 0
    for spec in COURSES:
        if spec["slug"] in existing:
            continue
        course = _course(index, spec, audiences, areas)
        bookings += _bookings(course, spec, people)
        courses += 1
    return f"training index, {len(COURSES)} courses ({courses} new), {bookings} new bookings"
