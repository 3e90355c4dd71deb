"""What a school sees of its own roll-change notices: a dashboard panel listing them with
their ground, date, due date and whether they were on time, and a read-only page for
each. Only users who act for the school see them (not governors: a notice holds a
family's details and any safeguarding concerns)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render
from django.utils.timezone import localdate
from django.utils.translation import gettext_lazy as _

from audit.log import Action, record
from portal import access
from portal.dashboard import DashboardPanel
from portal.terms import council_terms

from .engine import journey_for, summary_of_answers
from .journeys import roll_change
from .journeys.registry import Journey
from .models import FormPage, Submission, SubmissionEvent
from .rules.roll_changes_messages import ground_label

PANEL_LIMIT = 50  # the most recent; older ones stay with the pupil tracking officers


def school_roll_changes(user):
    """The notices of every school this user acts for, newest first."""
    return (
        Submission.objects.filter(
            journey=Journey.ROLL_CHANGE, school_id__in=access.school_ids_acting_for(user)
        )
        .select_related("school")
        .order_by("-created_at")
    )


def row(submission, terms):
    """What the panel and the page say of a notice, worked out from its answers."""
    answers = submission.answers if isinstance(submission.answers, dict) else {}
    pupil = answers.get("pupil") or {}
    deletion = roll_change.is_deletion(answers)
    sent_on = localdate(submission.created_at)
    return {
        "submission": submission,
        "pupil": " ".join(
            part for part in (pupil.get("first_name"), pupil.get("last_name")) if part
        ),
        "kind": _("Deletion") if deletion else _("Addition"),
        "ground": ground_label(roll_change.ground_of(answers)) if deletion else "",
        "day": roll_change.as_date(roll_change.event_day(answers)),
        "due": roll_change.deadline(answers, terms),
        "late": roll_change.late(answers, sent_on, terms),
    }


def roll_changes_panel(request):
    if not access.school_ids_acting_for(request.user):
        return None  # governors and officers: no panel
    notices = school_roll_changes(request.user)
    shown = list(notices[:PANEL_LIMIT])
    total = len(shown) if len(shown) < PANEL_LIMIT else notices.count()
    form_page = FormPage.objects.live().filter(journey=Journey.ROLL_CHANGE).first()
    terms = council_terms()
    return DashboardPanel(
        title=_("Your school's roll-change notices"),
        template_name="forms_app/panels/roll_changes.html",
        context={
            "rows": [row(submission, terms) for submission in shown],
            "total": total,
            "start_url": form_page.get_url(request) if form_page else None,
        },
        order=32,
    )


@login_required
def roll_change_view(request, reference):
    """One notice as the school sent it. Another school's notice (or a governor's look)
    is a 404: we do not say that it exists."""
    submission = school_roll_changes(request.user).filter(reference=reference).first()
    if submission is None:
        raise Http404
    SubmissionEvent.objects.create(
        submission=submission, kind=SubmissionEvent.Kind.VIEWED, user=request.user
    )
    record(Action.VIEWED, submission)
    return render(
        request,
        "forms_app/school_roll_change.html",
        {
            "submission": submission,
            "row": row(submission, council_terms()),
            "sections": summary_of_answers(journey_for(submission.journey), submission.answers),
        },
    )
