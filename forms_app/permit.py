"""The printable permit for an approved child employment permit application. Only the
licensing officers who work the application may open it (portal.access); each opening is
recorded in the application's history."""

from datetime import date, time, timedelta

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.log import Action, record
from portal import access

from .journeys.employment import DAY_NAMES, JOBS
from .journeys.registry import Journey, service_of
from .models import Submission, SubmissionEvent


def valid_until(approved_on):
    """The last day of the permit, 12 months from approval (local practice): the day before
    the same date a year on."""
    try:
        anniversary = approved_on.replace(year=approved_on.year + 1)
    except ValueError:  # approved on 29 February
        anniversary = date(approved_on.year + 1, 3, 1)
    return anniversary - timedelta(days=1)


def _date(value):
    return date.fromisoformat(value) if value else None


def _days(answers):
    """Each day of a weekly pattern, as "Monday", "07:00 to 08:00, 16:15 to 17:15"."""
    rows = []
    for day in answers or []:
        periods = [
            (day.get(start), day.get(end))
            for start, end in (("start", "end"), ("second_start", "second_end"))
        ]
        rows.append(
            {
                "day": DAY_NAMES.get(day.get("day"), day.get("day")),
                "periods": [
                    (time.fromisoformat(a), time.fromisoformat(b)) for a, b in periods if a and b
                ],
            }
        )
    return rows


def _address(answers):
    parts = [answers.get(key) for key in ("line_1", "line_2", "town", "postcode")]
    return ", ".join(part for part in parts if part)


def permit_view(request, reference):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    # Refused before the look-up, so that nobody else learns which references exist.
    if service_of(Journey.EMPLOYMENT_PERMIT) not in access.services_for(request.user):
        raise PermissionDenied
    submission = get_object_or_404(
        Submission, reference=reference, journey=Journey.EMPLOYMENT_PERMIT
    )
    if not access.may_see(request.user, submission):
        raise PermissionDenied
    if submission.status != Submission.Status.APPROVED:
        raise Http404("Only an approved application has a permit")
    approval = (
        submission.events.filter(
            kind=SubmissionEvent.Kind.STATUS, to_status=Submission.Status.APPROVED
        )
        .order_by("-at")
        .first()
    )
    approved_on = timezone.localdate(approval.at if approval else submission.updated_at)
    SubmissionEvent.objects.create(
        submission=submission,
        kind=SubmissionEvent.Kind.VIEWED,
        user=request.user,
        note="Printable permit",
    )
    record(Action.VIEWED, submission, detail="printable permit")
    answers = submission.answers
    child = answers.get("child", {})
    employer = answers.get("employer", {})
    job = answers.get("job", {})
    same_place = answers.get("workplace_same", {}).get("same", True)
    return render(
        request,
        "forms_app/permit.html",
        {
            "submission": submission,
            "child_name": " ".join(
                part for part in (child.get("first_name"), child.get("last_name")) if part
            ),
            "date_of_birth": _date(child.get("date_of_birth")),
            "child_address": _address(answers.get("child_address", {})),
            "school": answers.get("school", {}).get("school_name", ""),
            "employer": employer,
            "workplace": _address(
                answers.get("business_address" if same_place else "workplace", {})
            ),
            "supervisor": answers.get("supervisor", {}).get("name", ""),
            "job": dict(JOBS).get(job.get("job_type"), ""),
            "tasks": job.get("tasks", ""),
            "start_date": _date(answers.get("start", {}).get("start_date")),
            "patterns": [
                (title, _days(answers.get(slug)))
                for slug, title in (
                    ("term_days", _("Days and hours in term time")),
                    ("holiday_days", _("Days and hours in the school holidays")),
                )
                if answers.get(slug)
            ],
            "approved_on": approved_on,
            "valid_until": valid_until(approved_on),
        },
    )
