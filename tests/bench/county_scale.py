#!/usr/bin/env python
"""A real county's size, on top of seed_demo: 626 schools, 34 return periods, 2,000
guidance pages, 10,000 agency contacts, 500 upcoming training sessions and three years of
self-assessments for every school.

Each kind is topped up to its figure, so a second run adds nothing. Rows go in with
bulk_create and guidance pages with tests/pages.py's add_pages_in_bulk (no revisions),
then into the search index in bulk, as `update_index` would put them: a few minutes at
most on PostgreSQL. Run from anywhere, against a scratch database that seed_demo filled:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/scratch_NAME \\
        .venv/bin/python tests/bench/county_scale.py

(the settings are the environment's: DJANGO_SETTINGS_MODULE, else portal.settings.dev).
county_pages.py runs it the same way, through `manage.py shell`, on its scratch database.
Prints what it added and how long each part took, and the figures as one "SCALE {json}" line.
"""

import json
import os
import random
import sys
import time
from datetime import date, timedelta

from common import PYTHON, ROOT, BenchError, run

SCHOOLS = 626
PERIODS = 34
GUIDANCE_PAGES = 2000  # English guidance pages, the demo's included
CONTACTS = 10_000
SESSIONS = 500  # upcoming training sessions
BOOKINGS_PER_SESSION = 8
ASSESSMENT_YEARS = 3
RETURN_PUPILS = 3  # on each school's return for the latest period

# A county of 24 localities of about 26 schools each (the demo's 4 among them).
LOCALITIES = [
    "Northgate", "Riverside", "Eastmoor", "Westfield", "Ashby", "Brampton", "Caldercross",
    "Dunmere", "Elsworth", "Fenwick", "Greyhaven", "Holmfirth Vale", "Ironbridge", "Kestle",
    "Longmarsh", "Millbrook", "Netherby", "Oakhurst", "Pennington", "Queensbury",
    "Rothley", "Stanmore Edge", "Thornbury", "Upwell",
]  # fmt: skip
PHASES = ["primary"] * 8 + ["secondary"] * 2 + ["special", "nursery"]
# How the agencies serve schools (guidance/models/caso.py): a few countywide, a fifth in one
# or two localities, the rest named for one to three schools. A school then has about 200
# contacts on its list: the countywide ones, its locality's and those named for it.
COUNTYWIDE_SHARE, LOCALITY_SHARE = 0.005, 0.2
TOPIC_WORDS = [
    "attendance", "persistent absence", "punctuality", "reduced timetables", "transition",
    "anxiety and school", "exclusions", "home education", "child employment", "registers",
    "penalty notices", "safeguarding", "young carers", "SEND support", "medical needs",
]  # fmt: skip

# manage.py runs in the project root: the bench folder goes on the path, as when a script
# beside it runs.
SEED_CODE = "import sys; sys.path.insert(0, 'tests/bench'); from county_scale import seed; seed()"


def _timed(timings, name):
    """A context manager that records how long a part took, in seconds."""

    class Timer:
        def __enter__(self):
            self.started = time.monotonic()

        def __exit__(self, *exc):
            timings[name] = round(time.monotonic() - self.started, 1)

    return Timer()


def seed():
    """Run inside Django (manage.py shell): top every kind up to its figure."""
    # Imported here: this module is also imported by the bench scripts, outside Django.
    from django.db import connection, transaction

    from audit.log import acting_as
    from home import page_cache

    rng = random.Random(18)
    timings, added = {}, {}
    started = time.monotonic()
    with transaction.atomic(), acting_as("county scale bench"):
        for name, part in [
            ("schools", _schools),
            ("return_periods", _return_periods),
            ("guidance_pages", _guidance_pages),
            ("agency_contacts", _agency_contacts),
            ("training_sessions", _training_sessions),
            ("self_assessments", _self_assessments),
        ]:
            with _timed(timings, name):
                added[name] = part(rng)
            print(f"  {name}: {added[name]} added in {timings[name]} s", flush=True)
    if connection.vendor == "postgresql":
        with _timed(timings, "analyze"), connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would, soon after a load this size
    page_cache.purge()  # bulk_create sends no signals: anonymous copies must go
    figures = {"added": added, "seconds": timings, "total_seconds": 0, "counts": _counts()}
    figures["total_seconds"] = round(time.monotonic() - started, 1)
    print("SCALE " + json.dumps(figures))
    return figures


def _counts():
    # Imported here: only inside Django.
    from guidance.models import AgencyContact, GuidancePage
    from portal.models import School
    from returns.models import ReturnPeriod, SchoolReturn
    from self_assessment.models import Answer, Assessment
    from training.models import Booking, Session

    return {
        "schools": School.objects.count(),
        "return_periods": ReturnPeriod.objects.count(),
        "school_returns": SchoolReturn.objects.count(),
        "guidance_pages_en": GuidancePage.objects.filter(locale__language_code="en").count(),
        "agency_contacts": AgencyContact.objects.count(),
        "upcoming_sessions": Session.objects.upcoming().count(),
        "bookings": Booking.objects.count(),
        "self_assessments": Assessment.objects.count(),
        "answers": Answer.objects.count(),
    }


def _schools(rng):
    # Imported here: only inside Django.
    from portal.models import School

    missing = SCHOOLS - School.objects.count()
    School.objects.bulk_create(
        School(urn=f"7{n:05}", name=f"{LOCALITIES[n % len(LOCALITIES)]} School {n:03}",
               phase=rng.choice(PHASES), locality=LOCALITIES[n % len(LOCALITIES)],
               postcode=f"WY{n % 9 + 1} {n % 10}ZZ")
        for n in range(max(0, missing))
    )  # fmt: skip
    return max(0, missing)


def _return_periods(rng):
    """Half-termly periods going back from the demo's oldest, each opening a return for
    every school (its post_save, as in production), and pupils on the latest period's."""
    # Imported here: only inside Django.
    from returns.models import ReturnPeriod, ReturnPupil, SchoolReturn
    from returns.services import open_returns

    missing = PERIODS - ReturnPeriod.objects.count()
    oldest = ReturnPeriod.objects.order_by("opens_on").first()
    start = oldest.opens_on if oldest else date.today()
    for n in range(1, max(0, missing) + 1):
        opens = start - timedelta(days=49 * n)
        ReturnPeriod.objects.create(
            name=f"Bench half term {n}", cadence="half_termly",
            opens_on=opens, due_on=opens + timedelta(days=21),
        )  # fmt: skip
    for period in ReturnPeriod.objects.all():
        open_returns(period)  # the new schools' returns in the demo's periods
    latest = ReturnPeriod.objects.order_by("-opens_on").first()
    empty = list(SchoolReturn.objects.filter(period=latest, pupils__isnull=True))
    today = date.today()
    ReturnPupil.objects.bulk_create(
        ReturnPupil(school_return=r, pupil=f"P.{i}", year_group=str(rng.randint(1, 11)),
                    starts_on=today - timedelta(days=30), hours_per_week=15, reason="send",
                    review_on=today + timedelta(days=rng.randint(-20, 40)),
                    ends_on=today + timedelta(days=60), review_late=i == 0)
        for r in empty for i in range(RETURN_PUPILS)
    )  # fmt: skip
    return max(0, missing)


def _guidance_pages(rng):
    """English guidance pages under the guidance index, each with a demo page's body, an
    audience and a topic, some overdue for review; then into the search index."""
    # Imported here: only inside Django.
    from django.utils import timezone
    from wagtail.search.backends import get_search_backend

    from guidance.models import Audience, GuidanceIndexPage, GuidancePage, Topic
    from tests.pages import add_pages_in_bulk

    english = GuidancePage.objects.filter(locale__language_code="en")
    missing = GUIDANCE_PAGES - english.count()
    if missing <= 0:
        return 0
    index = GuidanceIndexPage.objects.get(locale__language_code="en")
    bodies = [list(page.body.raw_data) for page in english]
    audiences = list(Audience.objects.filter(locale__language_code="en"))
    topics = list(Topic.objects.filter(locale__language_code="en"))
    now = timezone.now()
    today = timezone.localdate()
    first = english.count()
    pages = []
    for n in range(first, first + missing):
        words = TOPIC_WORDS[n % len(TOPIC_WORDS)]
        page = GuidancePage(
            title=f"{words.capitalize()}: guidance note {n}",
            slug=f"guidance-note-{n}",
            summary=f"What schools and families need to know about {words} (note {n}).",
            body=bodies[n % len(bodies)],
            first_published_at=now,
            last_published_at=now,
            last_reviewed=today - timedelta(days=rng.randint(30, 400)),
            next_review=today + timedelta(days=rng.randint(-60, 365)),
        )
        page.audiences = [rng.choice(audiences)] if audiences else []
        page.topics = [rng.choice(topics)] if topics else []
        pages.append(page)
    for batch in range(0, len(pages), 500):
        add_pages_in_bulk(index, pages[batch : batch + 500])
    get_search_backend().add_bulk(GuidancePage, pages)
    return missing


def _agency_contacts(rng):
    # Imported here: only inside Django.
    from wagtail.search.backends import get_search_backend

    from guidance.models import AgencyContact, AgencyLocality
    from portal.models import School

    missing = CONTACTS - AgencyContact.objects.count()
    if missing <= 0:
        return 0
    categories = AgencyContact.Category.values
    school_ids = list(School.objects.active().values_list("pk", flat=True))
    first = AgencyContact.objects.count()
    contacts = AgencyContact.objects.bulk_create(
        AgencyContact(
            category=categories[n % len(categories)],
            service_name=f"{TOPIC_WORDS[n % len(TOPIC_WORDS)].capitalize()} service {n}",
            team=f"Team {n % 40}",
            helps_with="Support for pupils and families with attendance, wellbeing and "
            "getting back into school.",
            phone=f"01632 {n % 1000000:06}",
            email=f"service{n}@agencies.wyvernshire.example",
            opening_hours="Monday to Friday, 9am to 5pm",
            how_to_refer="Call or email the team; schools can refer with the family’s consent.",
            countywide=share < COUNTYWIDE_SHARE,
        )
        for n, share in ((n, rng.random()) for n in range(first, first + missing))
    )
    localities, named = [], []
    for contact in contacts:
        if contact.countywide:
            continue
        if rng.random() < LOCALITY_SHARE / (1 - COUNTYWIDE_SHARE):
            places = rng.sample(LOCALITIES, 1 if rng.random() < 0.8 else 2)
            localities += [
                AgencyLocality(contact=contact, name=place, sort_order=i)
                for i, place in enumerate(places)
            ]
        else:
            named += [
                AgencyContact.schools.through(agencycontact_id=contact.pk, school_id=school)
                for school in rng.sample(school_ids, rng.randint(1, 3))
            ]
    AgencyLocality.objects.bulk_create(localities, batch_size=5000)
    AgencyContact.schools.through.objects.bulk_create(named, batch_size=5000)
    get_search_backend().add_bulk(AgencyContact, contacts)
    return missing


def _training_sessions(rng):
    # Imported here: only inside Django.
    from django.utils import timezone

    from portal.models import School
    from training.models import Booking, CoursePage, Session

    courses = list(CoursePage.objects.live().filter(locale__language_code="en"))
    now = timezone.now()
    missing = SESSIONS - Session.objects.filter(starts_at__gt=now).count()
    if missing <= 0 or not courses:
        return 0
    sessions = Session.objects.bulk_create(
        Session(course=courses[n % len(courses)],
                starts_at=now + timedelta(days=2 + n % 300, hours=n % 7),
                ends_at=now + timedelta(days=2 + n % 300, hours=n % 7 + 2),
                capacity=20, venue="County Hall", sort_order=100 + n)
        for n in range(missing)
    )  # fmt: skip
    school_ids = list(School.objects.values_list("pk", flat=True))
    Booking.objects.bulk_create(
        (Booking(session=session, name=f"Delegate {session.pk}-{i}",
                 email=f"delegate{session.pk}.{i}@schools.wyvernshire.example",
                 role="attendance_lead", school_id=rng.choice(school_ids), status="confirmed")
         for session in sessions for i in range(BOOKINGS_PER_SESSION)),
        batch_size=5000,
    )  # fmt: skip
    return missing


def _self_assessments(rng):
    """Submitted assessments for this school year and the years before, for every school
    with none in that year, all statements answered."""
    # Imported here: only inside Django.
    from django.utils import timezone

    from portal.models import School
    from self_assessment.models import Answer, Assessment, FrameworkVersion, school_year_of

    framework = FrameworkVersion.objects.current()
    statements = list(framework.statements.all())
    this_year = school_year_of(timezone.localdate())
    now = timezone.now()
    made = 0
    for back in range(ASSESSMENT_YEARS):
        year = this_year - back
        schools = School.objects.exclude(self_assessments__school_year=year)
        assessments = Assessment.objects.bulk_create(
            Assessment(school=school, framework=framework, school_year=year,
                       status="submitted", started_at=now - timedelta(days=365 * back + 30),
                       submitted_at=now - timedelta(days=365 * back))
            for school in schools
        )  # fmt: skip
        Answer.objects.bulk_create(
            (Answer(assessment=a, statement=s, level=rng.randint(1, 4))
             for a in assessments for s in statements),
            batch_size=5000,
        )  # fmt: skip
        made += len(assessments)
    return made


def seed_through_manage(env):
    """Run seed() in `manage.py shell` with this environment: the SCALE figures."""
    out = run([PYTHON, "manage.py", "shell", "-c", SEED_CODE], env, timeout=1800)
    line = next((li for li in out.splitlines() if li.startswith("SCALE ")), None)
    if line is None:
        raise BenchError(f"the county seeding printed no figures:\n{out[-3000:]}")
    return json.loads(line.removeprefix("SCALE "))


def main():
    env = dict(os.environ)
    env.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    if "DATABASE_URL" not in env:
        print("Set DATABASE_URL to a scratch database that seed_demo filled.", file=sys.stderr)
        return 2
    print(f"Seeding a county's size into {env['DATABASE_URL']} ({ROOT})...", flush=True)
    try:
        figures = seed_through_manage(env)
    except BenchError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(figures, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
