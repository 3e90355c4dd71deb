"""The pupil tracking officers' screens in the Wagtail admin: the queue, its CSV, a case's
page, and the forms that move a case on (an enquiry, the next step, the officer, removal
from the roll, the outcome). Everyone else is refused (403); every view of a case and
every export goes to the audit log."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.log import Action, record
from portal.terms import council_terms
from shared.spreadsheets import csv_download

from .. import queue, services
from ..access import SERVICE, may_change, may_work
from ..forms import AssignForm, EnquiryForm, NextStepForm, OutcomeForm, QueueFilterForm, RemovalForm
from ..models import Case
from ..rules import is_overdue, removal_allowed_from


def _posted(request):
    """The form's data when sent (an empty form sent is still a form to check)."""
    return request.POST if request.method == "POST" else None


def _filters(request):
    """The filter form as shown, and what it asks for (a bad value is ignored)."""
    form = QueueFilterForm(request.GET or None)
    cleaned = form.cleaned_data if form.is_valid() else {}
    return form, cleaned


def _query(request):
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()


def queue_view(request):
    if not may_work(request.user):
        raise PermissionDenied
    form, filters = _filters(request)
    found = queue.cases(filters, request.user)
    paginator = Paginator(found, queue.PER_PAGE)
    page = paginator.get_page(request.GET.get("p"))
    page.object_list = queue.mark(list(page.object_list))
    context = {
        "form": form,
        "page": page,
        "elided_page_range": paginator.get_elided_page_range(page.number),
        "query": _query(request),
    }
    return TemplateResponse(request, "missing_education/admin/queue.html", context)


def queue_csv(request):
    if not may_work(request.user):
        raise PermissionDenied
    _form, filters = _filters(request)
    query = _query(request)
    record(
        Action.EXPORTED,
        kind="missing education case",
        label="Children missing education cases",
        service=SERVICE,
        detail="CSV of children missing education cases" + (f", filters: {query}" if query else ""),
    )
    return csv_download(
        f"children-missing-education-{timezone.localdate():%Y-%m-%d}.csv",
        queue.heading(),
        queue.csv_rows(queue.cases(filters, request.user)),
    )


def _case(request, pk, change=False):
    if not (may_change(request.user) if change else may_work(request.user)):
        raise PermissionDenied
    return get_object_or_404(
        Case.objects.select_related(
            "last_school", "assigned_to", "found_school", "referred_by", "outcome_by"
        ),
        pk=pk,
    )


def case_view(request, pk):
    case = _case(request, pk)
    record(Action.VIEWED, case)
    today = timezone.localdate()
    allowed = (
        removal_allowed_from(case.absent_since, council_terms()) if case.absent_since else None
    )
    context = {
        "case": case,
        "overdue": is_overdue(case.status, case.next_step_due, today),
        "enquiries": list(case.enquiries.select_related("made_by")),
        "events": list(case.events.select_related("user")),
        "may_change": may_change(request.user),
        "removal_from": allowed,
    }
    return TemplateResponse(request, "missing_education/admin/case.html", context)


def _form_page(request, case, form, title, button):
    return TemplateResponse(
        request,
        "missing_education/admin/case_form.html",
        {"case": case, "form": form, "header_title": title, "button": button},
    )


def _done(request, case, message):
    messages.success(request, message)
    return redirect("missing_education_case", case.pk)


CLOSED = gettext_lazy("This case is closed.")


def _refuse_closed(request, case):
    messages.error(request, CLOSED)
    return redirect("missing_education_case", case.pk)


def enquiry_view(request, pk):
    case = _case(request, pk, change=True)
    if not case.is_open:
        return _refuse_closed(request, case)
    form = EnquiryForm(_posted(request), initial={"made_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        services.add_enquiry(case, request.user, **form.cleaned_data)
        return _done(request, case, _("Enquiry recorded."))
    return _form_page(request, case, form, _("Record an enquiry"), _("Save the enquiry"))


def next_step_view(request, pk):
    case = _case(request, pk, change=True)
    if not case.is_open:
        return _refuse_closed(request, case)
    initial = {
        "status": case.status,
        "next_step": case.next_step,
        "next_step_due": case.next_step_due,
        "school_asked": case.school_asked,
        "absent_since": case.absent_since,
    }
    form = NextStepForm(_posted(request), case=case, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case.absent_since = data["absent_since"]
        services.set_next_step(
            case, request.user, data["status"], data["next_step"], data["next_step_due"],
            data["school_asked"],
        )  # fmt: skip
        return _done(request, case, _("Case updated."))
    return _form_page(
        request, case, form, _("Change the status or next step"), _("Save the changes")
    )


def assign_view(request, pk):
    case = _case(request, pk, change=True)
    form = AssignForm(_posted(request), initial={"officer": case.assigned_to_id})
    if request.method == "POST" and form.is_valid():
        services.assign(case, request.user, form.cleaned_data["officer"])
        return _done(request, case, _("Officer assigned."))
    return _form_page(request, case, form, _("Assign the case"), _("Assign"))


def removal_view(request, pk):
    case = _case(request, pk, change=True)
    if not case.is_open:
        return _refuse_closed(request, case)
    form = RemovalForm(_posted(request), case=case)
    if request.method == "POST" and form.is_valid():
        services.agree_removal(case, request.user, form.cleaned_data["agreed_on"])
        return _done(request, case, _("Removal from the roll recorded."))
    return _form_page(request, case, form, _("Agree the pupil's removal from the roll"), _("Save"))


def outcome_view(request, pk):
    case = _case(request, pk, change=True)
    if not case.is_open:
        return _refuse_closed(request, case)
    initial = {
        "outcome": case.outcome,
        "found_school": case.found_school_id,
        "receiving_council": case.receiving_council,
        "council_told_on": case.council_told_on,
        "passed_on_to": case.passed_on_to,
        "passed_on_on": case.passed_on_on,
        "outcome_notes": case.outcome_notes,
        "close": True,
    }
    form = OutcomeForm(_posted(request), initial=initial)
    if request.method == "POST" and form.is_valid():
        close = form.cleaned_data["close"]
        services.record_outcome(case, request.user, form.cleaned_data, close)
        return _done(request, case, _("Case closed.") if close else _("Outcome recorded."))
    return _form_page(request, case, form, _("Record the outcome"), _("Save the outcome"))
