"""60 demo submissions across the four public journeys and every status, so the officers'
queues have something to work. Names are invented; answers are brief but realistic."""

import random
from datetime import timedelta

from django.utils import timezone

from .journeys.registry import Journey, prefix_of
from .models import Submission, SubmissionEvent
from .rules.reference import new_reference

FIRST = [
    "Amira",
    "Ben",
    "Chloe",
    "Dylan",
    "Ella",
    "Filip",
    "Grace",
    "Harvey",
    "Isla",
    "Jakub",
    "Keira",
    "Leo",
    "Maja",
    "Noah",
    "Olivia",
    "Pawel",
    "Ruby",
    "Sami",
    "Tia",
    "Zain",
]
LAST = [
    "Ahmed",
    "Baker",
    "Cooper",
    "Davies",
    "Evans",
    "Nowak",
    "Hughes",
    "Iqbal",
    "Jones",
    "Kowalski",
    "Lewis",
    "Morgan",
    "Patel",
    "Popescu",
    "Roberts",
    "Smith",
]
DEMO_COUNT = 60


def _answers(journey, child, parent, rng):
    if journey == Journey.EHE_REGISTRATION:
        return {
            "child": {"first_name": child[0], "last_name": child[1], "date_of_birth": "2014-05-02"},
            "school": {
                "school_status": rng.choice(["on_roll", "left", "never"]),
                "school_name": "Alderbrook Primary School",
            },
            "contact": {"name": f"{parent[0]} {parent[1]}", "contact_by": "email"},
        }
    if journey == Journey.EMPLOYMENT_PERMIT:
        return {
            "child": {"first_name": child[0], "last_name": child[1]},
            "job": {"job_type": rng.choice(["newspaper_delivery", "shop", "cafe"])},
        }
    if journey == Journey.PERFORMANCE_LICENCE:
        return {
            "child": {"first_name": child[0], "last_name": child[1]},
            "production": {"name": rng.choice(["Wyvern Panto", "Summer Showcase", "TV advert"])},
        }
    return {"applicant": {"first_name": parent[0], "last_name": parent[1]}}


def seed_submissions():
    if Submission.objects.filter(submitter_email__endswith="@demo-applicant.example").exists():
        return "demo submissions already there"
    rng = random.Random(2026)  # the same demo every time
    # The public journeys only: demo referrals come from demo schools (demo_referrals.py).
    journeys = [journey for journey in Journey if journey != Journey.ATTENDANCE_REFERRAL]
    statuses = list(Submission.Status)
    now = timezone.now()
    for number in range(DEMO_COUNT):
        journey = journeys[number % len(journeys)]
        parent = (rng.choice(FIRST), rng.choice(LAST))
        child = (rng.choice(FIRST), parent[1])
        status = statuses[number % len(statuses)]
        submission = Submission.objects.create(
            journey=journey,
            reference=new_reference(prefix_of(journey), rng.choice),
            status=status,
            answers=_answers(journey, child, parent, rng),
            schema_version=1,
            submitter_name=f"{parent[0]} {parent[1]}",
            submitter_email=f"{parent[0].lower()}.{parent[1].lower()}{number}@demo-applicant.example",
        )
        received = now - timedelta(days=rng.randint(0, 120), hours=rng.randint(0, 23))
        Submission.objects.filter(pk=submission.pk).update(created_at=received, updated_at=received)
        SubmissionEvent.objects.create(
            submission=submission,
            kind=SubmissionEvent.Kind.SUBMITTED,
            to_status=Submission.Status.RECEIVED,
        )
        if status != Submission.Status.RECEIVED:
            SubmissionEvent.objects.create(
                submission=submission,
                kind=SubmissionEvent.Kind.STATUS,
                from_status=Submission.Status.RECEIVED,
                to_status=status,
                note="Demo history",
            )
    return f"{DEMO_COUNT} demo submissions"


# A parent who has asked the council what it holds about her (subject access): she is
# also a governor with training bookings, so a search by her name finds both services.
PERSON = ("Claire", "Dawson", "claire.dawson@demo-applicant.example")


def seed_subject_access_person():
    from .models import Draft

    first, last, email = PERSON
    if Submission.objects.filter(submitter_email=email).exists():
        return "the subject access demo person is already there"
    rng = random.Random(1998)
    for journey, status in (
        (Journey.EHE_REGISTRATION, Submission.Status.RECEIVED),
        (Journey.PERFORMANCE_LICENCE, Submission.Status.REFUSED),
    ):
        Submission.objects.create(
            journey=journey,
            reference=new_reference(prefix_of(journey), rng.choice),
            status=status,
            answers=_answers(journey, ("Evie", last), (first, last), rng),
            schema_version=1,
            submitter_name=f"{first} {last}",
            submitter_email=email,
        )
    Draft.objects.create(
        journey=Journey.EMPLOYMENT_PERMIT,
        email=email,
        answers={
            "parent": {"first_name": first, "last_name": last},
            "child": {"first_name": "Evie", "last_name": last},
        },
    )
    return f"{first} {last}: 2 submissions and a draft, for subject access"
