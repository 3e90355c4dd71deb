"""Demo submissions across the four public journeys and every status, read from
forms_app/demo/submissions.yaml, so the officers' queues have something to work.

Each is made as sending the form makes one: the answers, as a person types them on each
step, are put through the journey's own questions (engine.JourneyDefinition.values) and
kept as they come out, so a seeded record is as complete as a real one (a work permit
prints with the child's date of birth, address, employer and hours). Dates are counted
from the day each was received: a child's age fits the journey on it, a decision comes
after it, a performance after the application."""

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.utils import timezone
from django.utils.translation import override

from portal.terms import council_terms, next_school_day, next_working_day
from shared.demo_data import load

from .engine import journey_for, to_json
from .journeys.registry import Journey, facts_of, prefix_of
from .models import Attachment, Draft, Submission, SubmissionEvent
from .rules.reference import new_reference

S = Submission.Status
SATURDAY = 5
FILES = Path(__file__).parent / "demo" / "files"
# The demo's files, by the question they answer: (step, file, kind).
UPLOADS = {
    "photo": ("documents", "photo.png", "png"),
    "birth_certificate": ("documents", "birth-certificate.pdf", "pdf"),
    "letter": ("school", "school-letter.pdf", "pdf"),
}
# How many days ago a submission in each status came in, at least and at most: one still
# waiting is recent, a decision takes a while. Any other status: DECIDED.
RECEIVED_DAYS_AGO = {S.RECEIVED: (1, 10), S.IN_REVIEW: (4, 30), S.MORE_INFORMATION: (6, 45)}
DECIDED = (20, 120)


@dataclass(frozen=True)
class Family:
    parent: str  # first name
    relationship: str
    last_name: str
    child: str  # first name
    address: dict
    phone: str
    email: str

    @property
    def parent_name(self):
        return f"{self.parent} {self.last_name}"


def _date(name, day):
    """A date as the three boxes of a GOV.UK date input send it."""
    return {f"{name}_0": str(day.day), f"{name}_1": str(day.month), f"{name}_2": str(day.year)}


def _dated(answers, anchors):
    """A step's answers with each date written in the YAML as so many days from an anchor
    ({from: received, days: -12}) put in its three boxes."""
    typed = {}
    for name, value in answers.items():
        if isinstance(value, dict) and set(value) == {"from", "days"}:
            typed.update(_date(name, anchors[value["from"]] + timedelta(days=value["days"])))
        else:
            typed[name] = value
    return typed


def born(age, on, rng):
    """A date of birth that makes someone `age` on `on`, having turned it a few weeks to a
    few months before, so that they are the same age for the months the demo covers."""
    return date(on.year - age, on.month, 1) - timedelta(days=rng.randint(20, 110))


def _form_data(answers):
    """A step's answers as a browser sends them: every field a list of strings."""
    return {
        name: [str(item) for item in value] if isinstance(value, list) else [str(value or "")]
        for name, value in answers.items()
    }


def _school(phase, rng):
    """A demo school's name for a child of that phase ("" for none)."""
    if not phase:
        return ""
    schools = [s for s in load("portal", "schools") if s["phase"] == phase and not s.get("closed")]
    return rng.choice(schools)["name"]


def _phase(age):
    return "primary" if age < 11 else "secondary"


def _child(case, family, received, rng):
    return {
        "first_name": family.child,
        "last_name": family.last_name,
        **_date("date_of_birth", born(case["age"], received.date(), rng)),
    }


def _applicant(family):
    return {
        "name": family.parent_name,
        "relationship": family.relationship,
        "email": family.email,
        "phone": family.phone,
    }


def _ehe(case, family, received, rng):
    return {
        "child": _child(case, family, received, rng),
        "address": family.address,
        "parents": [
            {
                "first_name": family.parent,
                "last_name": family.last_name,
                "relationship": family.relationship,
                "parental_responsibility": "yes",
                "phone": family.phone,
                "email": family.email,
            }
        ],
        "school": {"school_name": _school(case["phase"], rng)},
        "contact": {
            "name": family.parent_name,
            "email": family.email,
            "phone": family.phone,
            "contact_by": case["contact_by"],
        },
    }


def _permit(case, family, received, rng):
    return {
        "child": _child(case, family, received, rng),
        "child_address": family.address,
        "school": {"school_name": _school(_phase(case["age"]), rng)},
        "parent": _applicant(family),
    }


def _licence(case, family, received, rng):
    return {
        "child": _child(case, family, received, rng),
        "child_address": family.address,
        "parent": _applicant(family),
        "school": {"school_name": _school(_phase(case["age"]), rng)},
    }


def _chaperone(case, family, received, rng):
    return {
        "applicant": {
            "first_name": family.parent,
            "last_name": family.last_name,
            **_date("date_of_birth", born(case["age"], received.date(), rng)),
        },
        "address": family.address,
        "contact": {"email": family.email, "phone": family.phone},
        "dbs": {"certificate_number": f"00{rng.randint(10**9, 10**10 - 1)}"},  # 12 digits
    }


# What the loader fills in for each journey: the people. The rest of each case's steps
# are in the YAML.
MADE_HERE = {
    Journey.EHE_REGISTRATION: _ehe,
    Journey.EMPLOYMENT_PERMIT: _permit,
    Journey.PERFORMANCE_LICENCE: _licence,
    Journey.CHAPERONE_APPROVAL: _chaperone,
}


def _falling_on(day, kind):
    """`day`, or the first day from it that is a Saturday or a school day, as a case's
    performance needs (a weekend show, filming that takes a child out of school)."""
    if kind == "saturday":
        return day + timedelta(days=(SATURDAY - day.weekday()) % 7)
    if kind == "school_day":
        return next_school_day(day, council_terms()) or next_working_day(day)
    return day


def raw_answers(journey, case, family, received, rng):
    """Every step's answers as the person typed them, before any file is attached. A date
    in the YAML counts from the day the application was received, from today, or from the
    first performance a licence is for (the case's `first`, so many days from today)."""
    today = timezone.localdate()
    anchors = {"received": received.date(), "today": today}
    if "first" in case:
        anchors["first"] = _falling_on(today + timedelta(days=case["first"]), case.get("first_on"))
    answers = MADE_HERE[journey](case, family, received, rng)
    for slug, step in case.get("steps", {}).items():
        if isinstance(step, list):
            answers[slug] = [_dated(item, anchors) for item in step]
        else:
            answers[slug] = {**_dated(step, anchors), **answers.get(slug, {})}
    return {
        slug: [_form_data(item) for item in step] if isinstance(step, list) else _form_data(step)
        for slug, step in answers.items()
    }


def _attach(raw, files):
    """The case's files, stored as an upload is, each answering its question."""
    attachments = {}
    for question in files:
        step, name, kind = UPLOADS[question]
        content = (FILES / name).read_bytes()
        attachment = Attachment(
            question=f"{step}.{question}", original_name=name, kind=kind, size=len(content)
        )
        attachment.file.save(name, ContentFile(content), save=True)
        attachments[str(attachment.pk)] = attachment
        raw.setdefault(step, {})[question] = [str(attachment.pk)]
    return attachments


def _family(data, number, rng, email=None, names=None):
    parent, relationship = names or rng.choice(data["parents"])
    last_name = rng.choice(data["last_names"])
    child = rng.choice([name for name in data["children"] if name != parent])
    return Family(
        parent=parent,
        relationship=relationship,
        last_name=last_name,
        child=child,
        address=rng.choice(data["addresses"]),
        phone=f"{data['mobile_prefix']}{rng.randint(0, 999):03d}",
        email=email or f"{parent.lower()}.{last_name.lower()}{number}@demo-applicant.example",
    )


def _received(status, case, now, rng):
    if case.get("short_notice"):
        low, high = 1, 3  # under 21 days before the first performance, which is 10 away
    else:
        low, high = RECEIVED_DAYS_AGO.get(status, DECIDED)
    return now - timedelta(days=rng.randint(low, high), hours=rng.randint(0, 8))


def _at(record, moment):
    """Creation times are set by the database; a demo record's are put back in time."""
    type(record).objects.filter(pk=record.pk).update(
        **({"at": moment} if isinstance(record, SubmissionEvent) else {"created_at": moment})
    )


def make_submission(journey, case, family, status, rng, data, now):
    """One submission, made from its answers as sending the form makes it."""
    received = _received(status, case, now, rng)
    raw = raw_answers(journey, case, family, received, rng)
    attachments = _attach(raw, case.get("files", []))
    definition = journey_for(journey)
    values = definition.values(Draft(journey=journey, answers=raw), attachments)
    name, email = definition.submitter(values)
    flags = definition.flags(values)
    with override(settings.LANGUAGE_CODE):  # what officers read is in English
        findings = [str(finding) for finding in definition.findings(values)]
    submission = Submission.objects.create(
        journey=journey,
        reference=new_reference(prefix_of(journey), rng.choice),
        status=status,
        answers=to_json(values),
        schema_version=definition.schema_version,
        submitter_name=name,
        submitter_email=email,
        flags=[str(flag) for flag in flags],
        flagged=bool(flags),
        findings=findings,
    )
    Attachment.objects.filter(pk__in=attachments).update(submission=submission)
    decided = received + (now - received) * rng.uniform(0.3, 0.8)
    Submission.objects.filter(pk=submission.pk).update(
        created_at=received, updated_at=received if status == S.RECEIVED else decided
    )
    _at(
        SubmissionEvent.objects.create(
            submission=submission, kind=SubmissionEvent.Kind.SUBMITTED, to_status=S.RECEIVED
        ),
        received,
    )
    if status != S.RECEIVED:
        _at(
            SubmissionEvent.objects.create(
                submission=submission,
                kind=SubmissionEvent.Kind.STATUS,
                from_status=S.RECEIVED,
                to_status=status,
                note="Demo history",
            ),
            decided,
        )
    return submission


def seed_submissions():
    if Submission.objects.filter(submitter_email__endswith="@demo-applicant.example").exists():
        return "demo submissions already there"
    data = load("forms_app", "submissions")
    rng = random.Random(2026)  # the same demo every time
    # The public journeys only: demo referrals come from demo schools (demo_referrals.py).
    journeys = [journey for journey in Journey if journey in MADE_HERE]
    now = timezone.now()
    for number in range(data["count"]):
        journey = journeys[number % len(journeys)]
        nth = number // len(journeys)  # the how manyth of its journey
        cases = data[journey.value]["cases"]
        statuses = list(facts_of(journey).statuses)
        make_submission(
            journey,
            cases[nth % len(cases)],
            _family(data, number, rng),
            statuses[nth % len(statuses)],
            rng,
            data,
            now,
        )
    return f"{data['count']} demo submissions"


def seed_subject_access_person():
    data = load("forms_app", "submissions")
    person = data["subject_access"]
    first, last, email = person["first_name"], person["last_name"], person["email"]
    if Submission.objects.filter(submitter_email=email).exists():
        return "the subject access demo person is already there"
    rng = random.Random(1998)
    now = timezone.now()
    family = _family(data, 0, rng, email=email, names=(first, "mother"))
    family = replace(family, last_name=last, child=person["child"])
    for journey, status in (
        (Journey.EHE_REGISTRATION, S.RECEIVED),
        (Journey.PERFORMANCE_LICENCE, S.REFUSED),
    ):
        case = data[journey.value]["cases"][0]
        make_submission(journey, case, family, status, rng, data, now)
    # A work permit she started and has not sent: every step answered but the last, the
    # health declaration and consent, so her own details are in it.
    case = data[Journey.EMPLOYMENT_PERMIT.value]["cases"][0]
    started = raw_answers(Journey.EMPLOYMENT_PERMIT, case, family, now, rng)
    Draft.objects.create(
        journey=Journey.EMPLOYMENT_PERMIT,
        email=email,
        answers={slug: answers for slug, answers in started.items() if slug != "declaration"},
    )
    return f"{first} {last}: 2 submissions and a draft, for subject access"
