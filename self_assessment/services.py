"""Starting, saving and submitting assessments, and the figures a report shows: the
database side of the rules in scoring.py. Every function answers in a fixed number of
queries, whatever the number of statements."""

from collections import defaultdict

from django.db import IntegrityError, transaction
from django.db.models import Avg
from django.utils import timezone
from django.utils.translation import gettext as _

from . import scoring, summaries
from .models import (
    Answer,
    AreaCompletion,
    Assessment,
    AssessmentArea,
    FrameworkVersion,
    Statement,
    school_year_of,
)

NOT_STARTED, IN_PROGRESS, COMPLETED = "not_started", "in_progress", "completed"


class AssessmentError(Exception):
    """A request the rules refuse; its message is shown to the person."""


def current_assessment(school_id):
    return (
        Assessment.objects.filter(school_id=school_id, status=Assessment.Status.IN_PROGRESS)
        .select_related("framework")
        .first()
    )


def latest_submitted(school_id, before=None):
    found = Assessment.objects.filter(school_id=school_id, status=Assessment.Status.SUBMITTED)
    if before is not None:
        found = found.filter(submitted_at__lt=before.submitted_at or timezone.now()).exclude(
            pk=before.pk
        )
    return found.order_by("-submitted_at").first()


def start_assessment(school, user, framework=None, today=None):
    """A new assessment on the current framework version, carrying across the answers of
    the school's latest submitted one. One in progress per school: asking twice (a double
    click, two colleagues at once) gives the one already started."""
    framework = framework or FrameworkVersion.objects.current()
    if framework is None:
        raise AssessmentError(_("The framework has not been published yet."))
    existing = current_assessment(school.pk)
    if existing:
        return existing
    previous = latest_submitted(school.pk)
    try:
        with transaction.atomic():
            assessment = Assessment.objects.create(
                school=school,
                framework=framework,
                school_year=school_year_of(today or timezone.localdate()),
                carried_from=previous,
                started_by=user,
            )
            if previous:
                _carry_answers(previous, assessment, user)
    except IntegrityError:
        # A colleague started one a moment ago.
        return current_assessment(school.pk)
    return assessment


def _carry_answers(previous, assessment, user):
    old_statements = {s.pk: s for s in Statement.objects.filter(framework=previous.framework_id)}
    old_answers = {
        old_statements[a.statement_id].code: (a.level, a.evidence)
        for a in Answer.objects.filter(assessment=previous)
    }
    new_statements = {s.code: s for s in assessment.framework.statements.all()}
    carried = scoring.carry_over(
        old_answers,
        {s.code: s.wording() for s in old_statements.values()},
        {code: s.wording() for code, s in new_statements.items()},
    )
    note = _("Carried from your last assessment. This statement has changed since: check it.")
    Answer.objects.bulk_create(
        Answer(
            assessment=assessment,
            statement=new_statements[one.code],
            level=one.level,
            evidence=one.evidence,
            carried_note=note if one.wording_changed else "",
            updated_by=user,
        )
        for one in carried
    )


def areas_with_statements(framework):
    """[(area, [statement, ...]), ...] in order, for the areas this version has."""
    grouped = defaultdict(list)
    areas = {}
    for statement in framework.statements.select_related("area"):
        grouped[statement.area_id].append(statement)
        areas[statement.area_id] = statement.area
    ordered = sorted(areas.values(), key=lambda area: (area.order, area.name))
    return [(area, grouped[area.pk]) for area in ordered]


def area_progress(assessment, areas):
    """{area id: status} from the answers and completions (two queries)."""
    completed = set(
        AreaCompletion.objects.filter(assessment=assessment).values_list("area_id", flat=True)
    )
    touched = set(
        Answer.objects.filter(assessment=assessment)
        .exclude(level__isnull=True, evidence="")
        .values_list("statement__area_id", flat=True)
    )
    return {
        area.pk: COMPLETED
        if area.pk in completed
        else IN_PROGRESS
        if area.pk in touched
        else NOT_STARTED
        for area, _statements in areas
    }


def answers_by_statement(assessment, statements):
    return {
        answer.statement_id: answer
        for answer in Answer.objects.filter(
            assessment=assessment, statement__in=statements
        ).select_related("updated_by")
    }


def save_answers(assessment, user, shown, sent):
    """Save what this person changed; return {statement id: Stored} for the clashes.
    Rows are locked while deciding, so two saves at the same moment are decided in turn."""
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.is_submitted:
            raise AssessmentError(_("This assessment has been submitted and can no longer change."))
        current = {
            answer.statement_id: answer
            for answer in Answer.objects.select_for_update(of=("self",))
            .filter(assessment=assessment, statement_id__in=list(sent))
            .select_related("updated_by")
        }
        stored = {
            key: scoring.Stored(a.level, a.evidence, a.revision, str(a.updated_by or ""))
            for key, a in current.items()
        }
        to_save, conflicts = scoring.plan_save(shown, sent, stored)
        now = timezone.now()
        changed, added = [], []
        for key, (level, evidence) in to_save.items():
            answer = current.get(key)
            if answer is None:
                added.append(
                    Answer(
                        assessment=assessment,
                        statement_id=key,
                        level=level,
                        evidence=evidence,
                        updated_by=user,
                        updated_at=now,
                    )
                )
            else:
                answer.level, answer.evidence = level, evidence
                answer.revision += 1
                answer.updated_by, answer.updated_at = user, now
                answer.carried_note = ""  # the school has looked at it again
                changed.append(answer)
        Answer.objects.bulk_create(added)
        Answer.objects.bulk_update(
            changed, ["level", "evidence", "revision", "updated_by", "updated_at", "carried_note"]
        )
    return conflicts


def mark_complete(assessment, area, user):
    AreaCompletion.objects.get_or_create(
        assessment=assessment, area=area, defaults={"completed_by": user}
    )


def submit(assessment, user):
    """Submit once every area is complete. A second submit (double click) changes nothing."""
    with transaction.atomic():
        locked = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if locked.is_submitted:
            return locked
        areas = areas_with_statements(locked.framework)
        progress = area_progress(locked, areas)
        if any(status != COMPLETED for status in progress.values()):
            raise AssessmentError(_("Complete every area before you submit the assessment."))
        locked.status = Assessment.Status.SUBMITTED
        locked.submitted_by, locked.submitted_at = user, timezone.now()
        locked.save(update_fields=["status", "submitted_by", "submitted_at"])
        # The council's figures change with it, in the same transaction.
        summaries.refresh_year(locked.school_year)
    return locked


def scores_by_area(assessment_ids):
    """{assessment id: {area id: mean level}}: one query for any number of assessments."""
    found = defaultdict(dict)
    rows = (
        Answer.objects.filter(assessment_id__in=assessment_ids, level__isnull=False)
        .values("assessment_id", "statement__area_id")
        .annotate(mean=Avg("level"))
    )
    for row in rows:
        found[row["assessment_id"]][row["statement__area_id"]] = round(float(row["mean"]), 1)
    return found


def phase_averages(phase, year):
    """({area id: mean of the schools' area scores}, schools counted) over the latest
    submitted assessment of each active school of this phase in this school year: read
    from the year's council summary, not from every school's answers."""
    figures = summaries.Figures(summaries.summary_of(year), phase=phase)
    averages = {area_id: figures.mean_of_rounded(area_id) for area_id in figures.area_ids()}
    return averages, figures.schools


def all_areas():
    return list(AssessmentArea.objects.all())
