"""The school's side: the open cases of pupils who left the schools this user acts for
(the dashboard's panel, wagtail_hooks.py) and a read-only page for each. The page
summarises the enquiries (when, and which kinds of check) without what other agencies
said. Anyone else is told the page does not exist (404), as on the portal's other
school pages; someone signed out is sent to sign in."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from audit.log import Action, record

from .access import school_ids_following
from .models import Case


def open_cases_for(user):
    """The open cases of the schools this user acts for, the oldest first."""
    school_ids = school_ids_following(user)
    if not school_ids:
        return []
    return list(
        Case.objects.filter(last_school_id__in=school_ids, status__in=Case.OPEN_STATUSES)
        .select_related("last_school")
        .order_by("opened_at", "pk")
    )


@login_required
def case_page(request, pk):
    case = (
        Case.objects.filter(pk=pk, last_school_id__in=school_ids_following(request.user))
        .select_related("last_school")
        .first()
    )
    if case is None:
        raise Http404
    record(Action.VIEWED, case)
    context = {
        "case": case,
        "enquiries": list(case.enquiries.all()),
        "breadcrumbs": [{"text": _("Your dashboard"), "href": reverse("portal:dashboard")}],
    }
    return render(request, "missing_education/school_case.html", context)
