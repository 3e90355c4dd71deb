"""Demo content: the published framework, guidance pages tagged with areas, assessments
for most demo schools over two school years in varied states, and Alderbrook Primary's
action plan. Idempotent: a second run creates nothing new."""

import random
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from portal.demo import demo_email
from portal.models import School, User

from . import services
from .demo_framework import AREAS, FRAMEWORK_INTRODUCTION, FRAMEWORK_NAME, GUIDANCE_FOR_AREA
from .models import (
    Action,
    Answer,
    AreaCompletion,
    Assessment,
    AssessmentArea,
    FrameworkVersion,
    Statement,
    school_year_of,
)

ALDERBROOK = "190001"
# Schools with no assessment at all, so the council view lists some that have not assessed.
NOT_ASSESSED = {"190011", "190021", "190025"}
# Schools with only an assessment in progress this year.
IN_PROGRESS_ONLY = {"190008", "190014", "190019"}


@transaction.atomic
def seed_framework():
    framework = FrameworkVersion.objects.filter(name=FRAMEWORK_NAME).first()
    created = framework is None
    if created:
        framework = FrameworkVersion.objects.create(
            name=FRAMEWORK_NAME, introduction=FRAMEWORK_INTRODUCTION
        )
        areas = {area.slug: area for area in AssessmentArea.objects.all()}
        statements = []
        for slug, rows in AREAS.items():
            for order, (code, text, guidance, evidence, levels, actions) in enumerate(rows, 1):
                statements.append(
                    Statement(
                        framework=framework,
                        area=areas[slug],
                        code=code,
                        sort_order=order,
                        text=text,
                        guidance=guidance,
                        evidence_prompts=evidence,
                        **{f"level_{n}": levels[n - 1] for n in (1, 2, 3, 4)},
                        **{f"actions_{n}": actions[n - 1] for n in (1, 2, 3, 4)},
                    )
                )
        Statement.objects.bulk_create(statements)
        # Published a year and a half ago, so last year's assessments used it too.
        framework.published_at = timezone.now() - timedelta(days=540)
        framework.save(update_fields=["published_at"])
    tagged = _tag_guidance()
    count = framework.statements.count()
    return f"self-assessment framework, {count} statements ({int(created)} new); {tagged} guidance tags"


def _tag_guidance():
    from guidance.models import GuidancePage

    areas = {area.slug: area for area in AssessmentArea.objects.all()}
    pages = {page.slug: page for page in GuidancePage.objects.filter(locale__language_code="en")}
    added = 0
    through = GuidancePage.assessment_areas.through
    for slug, page_slugs in GUIDANCE_FOR_AREA.items():
        for page_slug in page_slugs:
            page = pages.get(page_slug)
            if page is None:
                continue
            _row, was_created = through.objects.get_or_create(
                guidancepage=page, assessmentarea=areas[slug]
            )
            added += was_created
    return added


def _answers(assessment, statements, rng, base, user, answered=None):
    """Levels around `base` for the statements given (all, or the first `answered`)."""
    chosen = statements if answered is None else statements[:answered]
    Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            statement=statement,
            level=max(1, min(4, base + rng.choice((-1, 0, 0, 1)))),
            evidence=rng.choice(EVIDENCE_NOTES),
            updated_by=user,
        )
        for statement in chosen
    )


EVIDENCE_NOTES = [
    "Discussed at the attendance team meeting; minutes kept on the shared drive.",
    "Seen in the weekly attendance report and the governors' termly report.",
    "Examples in pupils' support plans; more consistency needed across year groups.",
    "Policy updated this year; family summary translated into two languages.",
    "",
]


def _submitted(school, framework, year, submitted_at, statements, areas, rng, base, user):
    assessment = Assessment.objects.create(
        school=school,
        framework=framework,
        school_year=year,
        status=Assessment.Status.SUBMITTED,
        started_at=submitted_at - timedelta(days=30),
        started_by=user,
        submitted_at=submitted_at,
        submitted_by=user,
    )
    _answers(assessment, statements, rng, base, user)
    AreaCompletion.objects.bulk_create(
        AreaCompletion(assessment=assessment, area=area, completed_by=user) for area in areas
    )
    return assessment


@transaction.atomic
def seed_assessments():
    framework = FrameworkVersion.objects.current()
    if framework is None:
        return "self-assessments: no published framework"
    now = timezone.now()
    this_year = school_year_of(timezone.localdate())
    statements = list(framework.statements.select_related("area"))
    areas = sorted({s.area for s in statements}, key=lambda area: area.order)
    lead = User.objects.filter(email=demo_email("attendance.lead")).first()
    head = User.objects.filter(email=demo_email("head")).first()
    created = 0
    for school in School.objects.active().order_by("urn"):
        if school.urn in NOT_ASSESSED or school.self_assessments.exists():
            continue
        rng = random.Random(school.urn)  # the same demo every time
        base = rng.choice((1, 2, 2, 3, 3))
        user = lead if school.urn == ALDERBROOK else head
        last_year = now - timedelta(days=365 + rng.randint(0, 40))
        if school.urn == ALDERBROOK:
            _submitted(school, framework, this_year - 1, last_year, statements, areas, rng, 2, user)
            assessment = services.start_assessment(school, user, framework)
            # This year: two areas complete, one being worked on, the rest as carried.
            for area in areas[:2]:
                AreaCompletion.objects.create(assessment=assessment, area=area, completed_by=user)
            Answer.objects.filter(assessment=assessment, statement__area__in=areas[:2]).update(
                level=3
            )
            created += 2
            continue
        if school.urn in IN_PROGRESS_ONLY:
            assessment = Assessment.objects.create(
                school=school, framework=framework, school_year=this_year, started_by=user
            )
            _answers(assessment, statements, rng, base, user, answered=rng.randint(4, 20))
            created += 1
            continue
        if rng.random() < 0.6:  # some schools also assessed last year
            _submitted(
                school, framework, this_year - 1, last_year, statements, areas, rng, base, user
            )
            created += 1
            base = min(4, base + rng.choice((0, 1)))  # most improved a little
        this_time = now - timedelta(days=rng.randint(5, 60))
        _submitted(school, framework, this_year, this_time, statements, areas, rng, base, user)
        created += 1
    actions = _seed_action_plan(lead)
    return f"self-assessments ({created} new), Alderbrook action plan ({actions} new actions)"


ALDERBROOK_ACTIONS = [
    ("monitor", "mo-first-day", "Agree who calls families by what time each morning.",
     "Office manager", 14, Action.Status.DONE),
    ("leadership-and-governance", "lg-governor-oversight",
     "Appoint a link governor for attendance and plan a visit each term.",
     "Chair of governors", 30, Action.Status.IN_PROGRESS),
    ("listen-and-understand", "lu-pupil-voice",
     "Hold a private conversation with each persistently absent pupil.",
     "Attendance lead", 45, Action.Status.NOT_STARTED),
    ("enforce", "en-term-time-holidays",
     "Explain the approach to leave in term time to families before the holiday booking season.",
     "Headteacher", 60, Action.Status.NOT_STARTED),
]  # fmt: skip


def _seed_action_plan(lead):
    school = School.objects.filter(urn=ALDERBROOK).first()
    if school is None or Action.objects.filter(school=school).exists():
        return 0
    areas = {area.slug: area for area in AssessmentArea.objects.all()}
    today = timezone.localdate()
    Action.objects.bulk_create(
        Action(
            school=school,
            area=areas[slug],
            statement_code=code,
            title=title,
            owner=owner,
            due_date=today + timedelta(days=days),
            status=status,
            created_by=lead,
        )
        for slug, code, title, owner, days, status in ALDERBROOK_ACTIONS
    )
    return len(ALDERBROOK_ACTIONS)
