"""Demo content, read from self_assessment/demo/*.yaml: the published framework, guidance
pages tagged with areas, assessments for most demo schools over two school years in varied
states, and Alderbrook Primary's action plan. Idempotent: a second run creates nothing new."""

import random
from datetime import datetime, timedelta

from django.apps import apps
from django.db import transaction
from django.utils import timezone

from portal.demo import demo_email
from portal.models import School, User
from shared.demo_data import load

from . import services, summaries
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


def _areas():
    return {area.slug: area for area in AssessmentArea.objects.all()}


@transaction.atomic
def seed_framework():
    data = load("self_assessment", "framework")
    framework = FrameworkVersion.objects.filter(name=data["name"]).first()
    created = framework is None
    if created:
        framework = FrameworkVersion.objects.create(
            name=data["name"], introduction=data["introduction"]
        )
        areas = _areas()
        Statement.objects.bulk_create(
            Statement(
                framework=framework,
                area=areas[slug],
                code=row["code"],
                sort_order=order,
                text=row["text"],
                guidance=row["guidance"],
                evidence_prompts=row["evidence_prompts"],
                **{f"level_{n}": text for n, text in enumerate(row["levels"], 1)},
                **{f"actions_{n}": text for n, text in enumerate(row["actions"], 1)},
            )
            for slug, rows in data["areas"].items()
            for order, row in enumerate(rows, 1)
        )
        framework.published_at = timezone.now() - timedelta(days=data["published_days_ago"])
        framework.save(update_fields=["published_at"])
    tagged = _tag_guidance()
    count = framework.statements.count()
    return f"self-assessment framework, {count} statements ({int(created)} new); {tagged} guidance tags"


def _tag_guidance():
    # Looked up by name, not imported: guidance is another feature app.
    GuidancePage = apps.get_model("guidance", "GuidancePage")
    areas = _areas()
    pages = {page.slug: page for page in GuidancePage.objects.filter(locale__language_code="en")}
    added = 0
    through = GuidancePage.assessment_areas.through
    for slug, page_slugs in load("self_assessment", "guidance_tags").items():
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
    notes = load("self_assessment", "assessments")["evidence_notes"]
    chosen = statements if answered is None else statements[:answered]
    Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            statement=statement,
            level=max(1, min(4, base + rng.choice((-1, 0, 0, 1)))),
            evidence=rng.choice(notes),
            updated_by=user,
        )
        for statement in chosen
    )


def in_school_year(year, moment, now):
    """`moment`, moved into school year `year` (1 September to 31 August) when it falls
    outside it: a month in at the earliest, so that the assessment was started in it too,
    and never after now. A demo seeded in September has last year's "year ago" fall two
    school years back, and this year's "weeks ago" in the summer holidays, without it."""
    earliest = timezone.make_aware(datetime(year, 10, 1, 10))
    latest = min(now, timezone.make_aware(datetime(year + 1, 8, 31, 16)))
    return max(min(moment, latest), min(earliest, latest))


def _submitted(school, framework, year, submitted_at, statements, areas, rng, base, user):
    first_day = timezone.make_aware(datetime(year, 9, 1, 9))
    assessment = Assessment.objects.create(
        school=school,
        framework=framework,
        school_year=year,
        status=Assessment.Status.SUBMITTED,
        started_at=max(submitted_at - timedelta(days=30), first_day),
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
    data = load("self_assessment", "assessments")
    alderbrook = data["alderbrook"]
    now = timezone.now()
    this_year = school_year_of(timezone.localdate())
    statements = list(framework.statements.select_related("area"))
    areas = sorted({s.area for s in statements}, key=lambda area: area.order)
    lead = User.objects.filter(email=demo_email("attendance.lead")).first()
    head = User.objects.filter(email=demo_email("head")).first()
    created = 0
    for school in School.objects.active().order_by("urn"):
        if school.urn in data["not_assessed"] or school.self_assessments.exists():
            continue
        rng = random.Random(school.urn)  # the same demo every time
        base = rng.choice((1, 2, 2, 3, 3))
        user = lead if school.urn == alderbrook else head
        last_year = in_school_year(
            this_year - 1, now - timedelta(days=365 + rng.randint(0, 40)), now
        )
        if school.urn == alderbrook:
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
        if school.urn in data["in_progress_only"]:
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
        this_time = in_school_year(this_year, now - timedelta(days=rng.randint(5, 60)), now)
        _submitted(school, framework, this_year, this_time, statements, areas, rng, base, user)
        created += 1
    actions = _seed_action_plan(alderbrook, lead, data["action_plan"])
    # Made directly, not through services.submit: the council's figures, worked out once.
    summaries.refresh_years(summaries.years_with_figures())
    return f"self-assessments ({created} new), Alderbrook action plan ({actions} new actions)"


def _seed_action_plan(urn, lead, plan):
    school = School.objects.filter(urn=urn).first()
    if school is None or Action.objects.filter(school=school).exists():
        return 0
    areas = _areas()
    today = timezone.localdate()
    Action.objects.bulk_create(
        Action(
            school=school,
            area=areas[row["area"]],
            statement_code=row["statement_code"],
            title=row["title"],
            owner=row["owner"],
            due_date=today + timedelta(days=row["due_in_days"]),
            status=row["status"],
            created_by=lead,
        )
        for row in plan
    )
    return len(plan)
