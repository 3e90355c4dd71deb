"""The school's pages: its returns, one return, a pupil's details, a nil return, sending.

Who may do what (portal.access): people who act for the school change its return until
the due date, and after it make and send one not yet made, late, while the period takes
late returns; governors read how many pupils it lists, never a row per pupil; anyone else
is told it does not exist (404)."""

import uuid
from datetime import date

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from audit.log import Action, record
from portal import access

from . import rules, services
from .forms import PupilForm
from .models import ReturnPupil, SchoolReturn


def _crumbs(school_return=None):
    crumbs = [
        {"text": _("Your dashboard"), "href": reverse("portal:dashboard")},
        {"text": _("Reduced-timetable returns"), "href": reverse("returns:list")},
    ]
    if school_return is not None:
        crumbs.append(
            {
                "text": f"{school_return.school.name}: {school_return.period.name}",
                "href": reverse("returns:detail", args=[school_return.pk]),
            }
        )
    return crumbs


def _visible_return(request, pk):
    """The return, if its period has opened and the user may see its school; else 404."""
    school_return = get_object_or_404(
        SchoolReturn.objects.select_related("period", "school"),
        pk=pk,
        school_id__in=access.school_ids_visible_to(request.user),
    )
    if not school_return.period.is_open():
        raise Http404
    if request.method == "GET":
        record(Action.VIEWED, school_return)
    return school_return


class Closed(Exception):
    pass


def _changeable_return(request, pk):
    """The return, if the user acts for its school and it can still be changed."""
    school_return = _visible_return(request, pk)
    if not access.may_act_for(request.user, school_return.school_id):
        raise PermissionDenied
    if not school_return.accepts_changes():
        raise Closed
    return school_return


def _closed(request, pk):
    school_return = _visible_return(request, pk)
    return render(
        request,
        "returns/closed.html",
        {"school_return": school_return, "breadcrumbs": _crumbs(school_return)},
        status=403,
    )


def changes_return(view):
    """Refuse a change after the due date with a page that says whom to ask."""

    def wrapped(request, pk, *args, **kwargs):
        try:
            school_return = _changeable_return(request, pk)
        except Closed:
            return _closed(request, pk)
        return view(request, school_return, *args, **kwargs)

    wrapped.__name__ = view.__name__
    return login_required(wrapped)


@login_required
def return_list(request):
    school_returns = (
        SchoolReturn.objects.filter(
            school_id__in=access.school_ids_visible_to(request.user),
            period__opens_on__lte=date.today(),
        )
        .select_related("period", "school")
        .order_by("-period__opens_on", "school__name")
    )
    return render(
        request,
        "returns/list.html",
        {"school_returns": school_returns, "breadcrumbs": _crumbs()[:1]},
    )


@login_required
def return_detail(request, pk):
    school_return = _visible_return(request, pk)
    period = school_return.period
    today = date.today()
    acts_for = access.may_act_for(request.user, school_return.school_id)
    changeable = school_return.accepts_changes(today)
    context = {
        "school_return": school_return,
        "period": period,
        "may_change": acts_for and changeable,
        "closed": not changeable,
        # After the due date, still to be made: it can be sent, marked late.
        "late_open": changeable and not period.accepts_changes(today),
        "governor": not acts_for,
        "today": today,
        "breadcrumbs": _crumbs(),
    }
    if acts_for:
        pupils = list(school_return.pupils.all())
        context.update({"pupils": pupils, "to_check": sum(p.needs_check for p in pupils)})
    else:
        # Governors see how many, by reason, and what needs attention: no pupil's row.
        counts = rules.counts_for_governors(school_return.pupils.all(), today)
        reasons = dict(ReturnPupil.Reason.choices)
        counts["by_reason"] = [
            (reasons[code], counts["by_reason"][code])
            for code in reasons
            if code in counts["by_reason"]
        ]
        context["counts"] = counts
    return render(request, "returns/detail.html", context)


def _pupil_page(request, school_return, pupil):
    if request.method == "POST":
        form = PupilForm(request.POST)
        if form.is_valid():
            token = None
            if pupil is None:
                try:
                    token = uuid.UUID(request.POST.get("form_token", ""))
                except ValueError:
                    token = None
            services.save_pupil(school_return, pupil, form.cleaned_data, form_token=token)
            return redirect("returns:detail", school_return.pk)
        form_token = request.POST.get("form_token", "")
    else:
        form = PupilForm(initial=PupilForm.initial_for(pupil) if pupil else None)
        form_token = str(uuid.uuid4())
    return render(
        request,
        "returns/pupil_form.html",
        {
            "form": form,
            "school_return": school_return,
            "pupil": pupil,
            "form_token": form_token,
            "back_url": reverse("returns:detail", args=[school_return.pk]),
            "breadcrumbs": _crumbs(school_return),
        },
    )


@changes_return
def pupil_add(request, school_return):
    return _pupil_page(request, school_return, None)


@changes_return
def pupil_change(request, school_return, pupil_pk):
    pupil = get_object_or_404(ReturnPupil, pk=pupil_pk, school_return=school_return)
    return _pupil_page(request, school_return, pupil)


@changes_return
def pupil_remove(request, school_return, pupil_pk):
    pupil = ReturnPupil.objects.filter(pk=pupil_pk, school_return=school_return).first()
    if pupil is None:
        if request.method == "POST":  # removed already: a second press
            return redirect("returns:detail", school_return.pk)
        raise Http404
    if request.method == "POST":
        services.remove_pupil(school_return, pupil)
        school_return.refresh_from_db()
        if school_return.status == school_return.Status.IN_PROGRESS and school_return.submitted_at:
            messages.info(
                request,
                _("Nobody is left on the return you sent. Send it again, or make a nil return."),
            )
        return redirect("returns:detail", school_return.pk)
    return render(
        request,
        "returns/pupil_remove.html",
        {
            "school_return": school_return,
            "pupil": pupil,
            "back_url": reverse("returns:detail", args=[school_return.pk]),
            "breadcrumbs": _crumbs(school_return),
        },
    )


@changes_return
def nil_return(request, school_return):
    refused = False
    if request.method == "POST":
        try:
            services.make_nil_return(school_return, request.user)
        except services.NilRefused:
            refused = True
        else:
            return redirect("returns:done", school_return.pk)
    pupil_count = school_return.pupils.count()
    return render(
        request,
        "returns/nil_confirm.html",
        {
            "school_return": school_return,
            "pupil_count": pupil_count,
            "refused": refused or pupil_count > 0,
            "back_url": reverse("returns:detail", args=[school_return.pk]),
            "breadcrumbs": _crumbs(school_return),
        },
    )


@require_POST
@changes_return
def send(request, school_return):
    try:
        services.send_return(school_return, request.user)
    except services.NothingToSend:
        return redirect("returns:nil", school_return.pk)
    return redirect("returns:done", school_return.pk)


@login_required
def done(request, pk):
    school_return = _visible_return(request, pk)
    if not school_return.is_made:
        return redirect("returns:detail", pk)
    return render(
        request,
        "returns/done.html",
        {"school_return": school_return, "breadcrumbs": _crumbs(school_return)},
    )
