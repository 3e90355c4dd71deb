"""What a school sees of its own referrals: a dashboard panel listing them, and a read-only
page for each, laid out like check your answers. Only users who act for the school see
them (not governors: referrals hold safeguarding answers)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from audit.log import Action, record
from portal import access
from portal.dashboard import DashboardPanel

from .engine import journey_for, summary_of_answers
from .journeys.registry import Journey
from .models import FormPage, Submission, SubmissionEvent

PANEL_LIMIT = 50  # the most recent; older ones stay reachable through the officers

STATUS_TAGS = {
    Submission.Status.RECEIVED: "govuk-tag--blue",
    Submission.Status.IN_REVIEW: "govuk-tag--light-blue",
    Submission.Status.MORE_INFORMATION: "govuk-tag--yellow",
    Submission.Status.APPROVED: "govuk-tag--green",
    Submission.Status.REFUSED: "govuk-tag--red",
    Submission.Status.WITHDRAWN: "govuk-tag--grey",
    Submission.Status.CLOSED: "govuk-tag--grey",
}


def school_referrals(user):
    """The referrals of every school this user acts for, newest first."""
    return (
        Submission.objects.filter(
            journey=Journey.ATTENDANCE_REFERRAL, school_id__in=access.school_ids_acting_for(user)
        )
        .select_related("school")
        .order_by("-created_at")
    )


def pupil_name(submission):
    pupil = submission.answers.get("pupil", {}) if isinstance(submission.answers, dict) else {}
    return " ".join(part for part in (pupil.get("first_name"), pupil.get("last_name")) if part)


def rows(submissions):
    return [
        {
            "submission": submission,
            "pupil": pupil_name(submission),
            "status_tag": STATUS_TAGS.get(submission.status, "govuk-tag--grey"),
        }
        for submission in submissions
    ]


def referrals_panel(request):
    if not access.school_ids_acting_for(request.user):
        return None  # governors and officers: no panel
    referrals = school_referrals(request.user)
    shown = list(referrals[:PANEL_LIMIT])
    total = len(shown) if len(shown) < PANEL_LIMIT else referrals.count()
    form_page = FormPage.objects.live().filter(journey=Journey.ATTENDANCE_REFERRAL).first()
    return DashboardPanel(
        title=_("Your school's referrals"),
        template_name="forms_app/panels/referrals.html",
        context={
            "rows": rows(shown),
            "total": total,
            "start_url": form_page.get_url(request) if form_page else None,
        },
        order=30,
    )


@login_required
def referral_view(request, reference):
    """One referral as the school sent it, with its status and outcome. Another school's
    referral (or a governor's look) is a 404: we do not say that it exists."""
    submission = school_referrals(request.user).filter(reference=reference).first()
    if submission is None:
        raise Http404
    # Every look at a referral is recorded, as officers' looks are.
    SubmissionEvent.objects.create(
        submission=submission, kind=SubmissionEvent.Kind.VIEWED, user=request.user
    )
    record(Action.VIEWED, submission)
    attachments = {str(a.pk): a for a in submission.attachments.all()}
    return render(
        request,
        "forms_app/school_referral.html",
        {
            "submission": submission,
            "row": rows([submission])[0],
            "sections": summary_of_answers(
                journey_for(submission.journey), submission.answers, attachments
            ),
        },
    )
