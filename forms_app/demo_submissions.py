"""Demo submissions across the four public journeys and every status, read from
forms_app/demo/submissions.yaml, so the officers' queues have something to work."""

import random
from datetime import timedelta

from django.utils import timezone

from shared.demo_data import load

from .engine import journey_for
from .journeys.facts import Flag
from .journeys.registry import Journey, facts_of, prefix_of
from .models import Draft, Submission, SubmissionEvent
from .rules.reference import new_reference


def _answers(journey, child, parent, rng):
    data = load("forms_app", "submissions")
    if journey == Journey.EHE_REGISTRATION:
        ehe = data["home_education"]
        return {
            "child": {
                "first_name": child[0],
                "last_name": child[1],
                "date_of_birth": ehe["date_of_birth"],
            },
            "school": {
                "school_status": rng.choice(ehe["school_statuses"]),
                "school_name": ehe["school_name"],
            },
            "contact": {"name": f"{parent[0]} {parent[1]}", "contact_by": "email"},
        }
    if journey == Journey.EMPLOYMENT_PERMIT:
        return {
            "child": {"first_name": child[0], "last_name": child[1]},
            "job": {"job_type": rng.choice(data["work_permit"]["job_types"])},
        }
    if journey == Journey.PERFORMANCE_LICENCE:
        return {
            "child": {"first_name": child[0], "last_name": child[1]},
            "production": {"name": rng.choice(data["performance_licence"]["productions"])},
            "days": data["performance_licence"]["days"],
        }
    return {"applicant": {"first_name": parent[0], "last_name": parent[1]}}


def seed_submissions():
    if Submission.objects.filter(submitter_email__endswith="@demo-applicant.example").exists():
        return "demo submissions already there"
    data = load("forms_app", "submissions")
    rng = random.Random(2026)  # the same demo every time
    # The public journeys only: demo referrals come from demo schools (demo_referrals.py).
    journeys = [journey for journey in Journey if journey != Journey.ATTENDANCE_REFERRAL]
    now = timezone.now()
    for number in range(data["count"]):
        journey = journeys[number % len(journeys)]
        parent = (rng.choice(data["first_names"]), rng.choice(data["last_names"]))
        child = (rng.choice(data["first_names"]), parent[1])
        # Each journey's own statuses in turn (a home education notice is never approved).
        turn = number // len(journeys)
        statuses = facts_of(journey).statuses
        status = statuses[turn % len(statuses)]
        # Every third of a journey's records raises its flag (demo/submissions.yaml).
        flagging = data["flagged"].get(str(journey), {}) if turn % 3 == 1 else {}
        answers = _answers(journey, child, parent, rng) | flagging.get("answers", {})
        # Worked out from the answers, as when a form is sent (services.py); the breaches
        # a permit's demo answers stand for are given with them, as the form's findings.
        findings = flagging.get("findings", [])
        flags = [str(flag) for flag in journey_for(journey).flags(answers)]
        if findings and Flag.BREACHES not in flags:
            flags.append(str(Flag.BREACHES))
        submission = Submission.objects.create(
            journey=journey,
            reference=new_reference(prefix_of(journey), rng.choice),
            status=status,
            answers=answers,
            findings=findings,
            flags=flags,
            flagged=bool(flags),
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
    return f"{data['count']} demo submissions"


def seed_subject_access_person():
    person = load("forms_app", "submissions")["subject_access"]
    first, last, email = person["first_name"], person["last_name"], person["email"]
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
            answers=_answers(journey, (person["child"], last), (first, last), rng),
            schema_version=1,
            submitter_name=f"{first} {last}",
            submitter_email=email,
        )
    Draft.objects.create(
        journey=Journey.EMPLOYMENT_PERMIT,
        email=email,
        answers={
            "parent": {"first_name": first, "last_name": last},
            "child": {"first_name": person["child"], "last_name": last},
        },
    )
    return f"{first} {last}: 2 submissions and a draft, for subject access"
