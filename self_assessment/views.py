"""The school's pages under /portal/self-assessment/: the list of its assessments, the task
list, one page per area, submit, the report (and its print view) and the action plan.

A school user acts for their own school's assessments; a governor reads them; anyone
else gets "not found", so an assessment's existence is not given away."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit import log as audit
from portal import access
from portal.models import School

from . import report as reports
from . import services
from .forms import ActionForm, AreaForm, data_from_answers
from .models import Action, Assessment, Statement


def _crumbs(*extra):
    return [
        {"text": _("Your dashboard"), "href": reverse("portal:dashboard")},
        {"text": _("Self-assessment"), "href": reverse("self_assessment:index")},
        *extra,
    ]


def _assessment(request, pk):
    assessment = get_object_or_404(Assessment.objects.select_related("school", "framework"), pk=pk)
    if assessment.school_id not in access.school_ids_visible_to(request.user):
        raise Http404
    assessment.can_change = not assessment.is_submitted and access.may_act_for(
        request.user, assessment.school_id
    )
    if request.method == "GET":
        audit.record(audit.Action.VIEWED, assessment)
    return assessment


def _school(request, school_id, act=False):
    allowed = access.school_ids_acting_for if act else access.school_ids_visible_to
    if school_id not in allowed(request.user):
        if school_id in access.school_ids_visible_to(request.user):
            raise PermissionDenied  # a governor: reads, does not act
        raise Http404
    return get_object_or_404(School, pk=school_id)


@login_required
def index(request):
    schools = list(access.schools_visible_to(request.user))
    assessments = Assessment.objects.filter(school__in=schools).order_by("-started_at")
    by_school = {school.pk: [] for school in schools}
    for assessment in assessments:
        by_school[assessment.school_id].append(assessment)
    acting = access.school_ids_acting_for(request.user)
    rows = [
        {
            "school": school,
            "assessments": by_school[school.pk],
            "current": next((a for a in by_school[school.pk] if not a.is_submitted), None),
            "can_act": school.pk in acting,
        }
        for school in schools
    ]
    return render(
        request,
        "self_assessment/index.html",
        {"rows": rows, "breadcrumbs": _crumbs()[:1]},
    )


@login_required
@require_POST
def start(request, school_id):
    school = _school(request, school_id, act=True)
    try:
        assessment = services.start_assessment(school, request.user)
    except services.AssessmentError as error:
        messages.error(request, str(error))
        return redirect("self_assessment:index")
    return redirect("self_assessment:task-list", assessment.pk)


@login_required
def task_list(request, pk):
    assessment = _assessment(request, pk)
    areas = services.areas_with_statements(assessment.framework)
    progress = services.area_progress(assessment, areas)
    rows = [
        {"area": area, "count": len(statements), "status": progress[area.pk]}
        for area, statements in areas
    ]
    completed = sum(1 for row in rows if row["status"] == services.COMPLETED)
    return render(
        request,
        "self_assessment/task_list.html",
        {
            "assessment": assessment,
            "rows": rows,
            "completed": completed,
            "all_complete": completed == len(rows),
            "breadcrumbs": _crumbs(),
        },
    )


def _next_area_url(assessment, areas, area):
    slugs = [one.slug for one, _statements in areas]
    position = slugs.index(area.slug)
    if position + 1 < len(slugs):
        return reverse("self_assessment:area", args=[assessment.pk, slugs[position + 1]])
    return reverse("self_assessment:task-list", args=[assessment.pk])


@login_required
def area_page(request, pk, slug):
    assessment = _assessment(request, pk)
    areas = services.areas_with_statements(assessment.framework)
    found = [(area, statements) for area, statements in areas if area.slug == slug]
    if not found:
        raise Http404
    area, statements = found[0]
    if request.method == "POST" and not assessment.can_change:
        raise PermissionDenied
    answers = services.answers_by_statement(assessment, statements)
    context = {
        "assessment": assessment,
        "area": area,
        "statements": statements,
        "answers": answers,
        "completed": services.area_progress(assessment, areas)[area.pk] == services.COMPLETED,
        "task_list_url": reverse("self_assessment:task-list", args=[assessment.pk]),
        "breadcrumbs": _crumbs(
            {
                "text": _("Assessment %(year)s") % {"year": assessment.year_label},
                "href": reverse("self_assessment:task-list", args=[assessment.pk]),
            }
        ),
    }
    if not assessment.can_change:
        return render(request, "self_assessment/area_read_only.html", context)

    if request.method != "POST":
        form = AreaForm(
            initial=data_from_answers(statements, answers), statements=statements, answers=answers
        )
        return render(request, "self_assessment/area.html", {**context, "form": form})

    form = AreaForm(request.POST, statements=statements, answers=answers)
    if not form.is_valid():
        return render(request, "self_assessment/area.html", {**context, "form": form})
    try:
        conflicts = services.save_answers(assessment, request.user, form.shown(), form.sent())
    except services.AssessmentError as error:
        messages.error(request, str(error))
        return redirect("self_assessment:task-list", assessment.pk)
    answers = services.answers_by_statement(assessment, statements)
    fresh = AreaForm(data_from_answers(statements, answers), statements=statements, answers=answers)
    fresh.is_valid()
    if conflicts:
        sent = form.sent()
        numbers = {statement.pk: n for n, statement in enumerate(statements, start=1)}
        clashes = [
            {
                "number": numbers[key],
                "by": stored.updated_by,
                "their_level": stored.level,
                "your_level": sent[key][0],
                "your_evidence": sent[key][1],
                "field": f"level_{key}",
            }
            for key, stored in conflicts.items()
        ]
        return render(
            request,
            "self_assessment/area.html",
            {**context, "answers": answers, "form": fresh, "conflicts": clashes},
        )
    if "complete" in request.POST:
        if not fresh.require_levels(answers):
            return render(
                request, "self_assessment/area.html", {**context, "answers": answers, "form": fresh}
            )
        services.mark_complete(assessment, area, request.user)
        messages.success(request, _("%(area)s marked as complete.") % {"area": area.name})
        return redirect("self_assessment:task-list", assessment.pk)
    messages.success(request, _("Your answers for %(area)s have been saved.") % {"area": area.name})
    return redirect(_next_area_url(assessment, areas, area))


@login_required
@require_POST
def submit(request, pk):
    assessment = _assessment(request, pk)
    if assessment.is_submitted:
        return redirect("self_assessment:report", assessment.pk)  # a second click
    if not assessment.can_change:
        raise PermissionDenied
    try:
        services.submit(assessment, request.user)
    except services.AssessmentError as error:
        messages.error(request, str(error))
        return redirect("self_assessment:task-list", assessment.pk)
    messages.success(request, _("Your self-assessment has been submitted."))
    return redirect("self_assessment:report", assessment.pk)


@login_required
def report(request, pk, printable=False):
    assessment = _assessment(request, pk)
    context = reports.build(request, assessment)
    context["can_act"] = access.may_act_for(request.user, assessment.school_id)
    context["breadcrumbs"] = _crumbs(
        {
            "text": _("Assessment %(year)s") % {"year": assessment.year_label},
            "href": reverse("self_assessment:task-list", args=[assessment.pk]),
        }
    )
    template = "self_assessment/report_print.html" if printable else "self_assessment/report.html"
    return render(request, template, context)


@login_required
def action_plan(request, school_id):
    school = _school(request, school_id)
    actions = list(
        Action.objects.filter(school=school).select_related("area").order_by("status", "due_date")
    )
    return render(
        request,
        "self_assessment/action_plan.html",
        {
            "school": school,
            "open_actions": [action for action in actions if action.is_open],
            "done_actions": [action for action in actions if not action.is_open],
            "can_act": access.may_act_for(request.user, school.pk),
            "breadcrumbs": _crumbs(),
        },
    )


def _suggestion(request, school):
    """A suggested action picked from a report: ?statement=<id>&level=<1-4>&n=<index>."""
    try:
        statement_id = int(request.GET.get("statement", ""))
        level = int(request.GET.get("level", ""))
        index = int(request.GET.get("n", ""))
    except ValueError:
        return None
    statement = Statement.objects.select_related("area").filter(pk=statement_id).first()
    if statement is None or level not in (1, 2, 3, 4):
        return None
    suggestions = statement.suggested_actions(level)
    if not 0 <= index < len(suggestions):
        return None
    return statement, suggestions[index]


@login_required
def action_edit(request, school_id, action_id=None):
    school = _school(request, school_id, act=True)
    action = None
    if action_id is not None:
        action = get_object_or_404(Action, pk=action_id, school=school)
    initial, statement_code = {}, ""
    picked = _suggestion(request, school) if action is None else None
    if picked:
        statement, title = picked
        initial = {"title": title, "area": statement.area_id}
        statement_code = statement.code
    form = ActionForm(request.POST or None, instance=action, initial=initial)
    if request.method == "POST" and form.is_valid():
        saved = form.save(commit=False)
        if action is None:
            # A double click on "Add" posts the same action twice: keep one.
            duplicate = Action.objects.filter(
                school=school,
                title=saved.title,
                owner=saved.owner,
                due_date=saved.due_date,
            ).first()
            if duplicate:
                return redirect("self_assessment:action-plan", school.pk)
            saved.school, saved.created_by = school, request.user
            saved.statement_code = request.POST.get("statement_code", "")[:40]
        saved.save()
        messages.success(request, _("The action plan has been updated."))
        return redirect("self_assessment:action-plan", school.pk)
    return render(
        request,
        "self_assessment/action_form.html",
        {
            "form": form,
            "school": school,
            "action": action,
            "statement_code": statement_code,
            "back_url": reverse("self_assessment:action-plan", args=[school.pk]),
        },
    )
