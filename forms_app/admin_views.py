"""The officers' queue in the Wagtail admin: each officer sees only their own service's
submissions (portal.access), opens one laid out like check your answers, changes its
status with a note, assigns it, downloads its files, and exports the queue as CSV.
Opening a submission and downloading a file are recorded in its history."""

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, override
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy

from audit.log import Action, record
from audit.views import AuditedExportMixin
from portal import access
from portal.emails import send_email
from portal.groups import OFFICER_GROUPS
from portal.models import User
from shared.admin_parts import DateRangeInputs

from .engine import journey_for, summary_of_answers
from .journeys.registry import facts_of
from .models import Attachment, Submission, SubmissionEvent

CONTENT_TYPES = {
    "pdf": "application/pdf", "jpg": "image/jpeg", "png": "image/png",
    "doc": "application/msword",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "odt": "application/vnd.oasis.opendocument.text", "rtf": "application/rtf",
    "txt": "text/plain", "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}  # fmt: skip


class SubmissionPermissionPolicy(ModelPermissionPolicy):
    """Submissions are never added, edited or deleted through generic admin forms: what an
    applicant sent stays as sent; officers change status and assignment through actions
    that record who and when. (The retention task deletes them.)"""

    def user_has_permission(self, user, action):
        if action in ("add", "change", "delete"):
            return False
        return super().user_has_permission(user, action)


def officers(request=None):
    return User.objects.filter(groups__name__in=OFFICER_GROUPS, is_active=True).distinct()


class SubmissionFilterSet(WagtailFilterSet):
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Received"), widget=DateRangeInputs
    )
    assigned_to = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Assigned to"), queryset=officers
    )

    class Meta:
        model = Submission
        fields = ["status", "journey", "flagged", "outcome", "created_at", "assigned_to"]


class SubmissionIndexView(AuditedExportMixin, IndexView):
    audit_kind = "submission"

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(service__in=access.services_for(self.request.user))
            .select_related("assigned_to")
        )


class SubmissionInspectView(InspectView):
    template_name = "forms_app/admin/submission.html"

    def get_object(self, queryset=None):
        submission = get_object_or_404(
            Submission.objects.select_related("assigned_to", "school"), pk=self.pk
        )
        if not access.may_see(self.request.user, submission):
            raise PermissionDenied
        return submission

    def get(self, request, *args, **kwargs):
        SubmissionEvent.objects.create(
            submission=self.object, kind=SubmissionEvent.Kind.VIEWED, user=request.user
        )
        record(Action.VIEWED, self.object)
        return super().get(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        submission = self.object
        facts = facts_of(submission.journey)
        attachments = {str(a.pk): a for a in submission.attachments.all()}
        # What was sent, as stored: not judged again against today's date.
        sections = summary_of_answers(
            journey_for(submission.journey), submission.answers, attachments
        )
        context.update(
            {
                "submission": submission,
                "sections": sections,
                "attachments": attachments.values(),
                "events": submission.events.select_related("user"),
                "status_form": StatusForm(initial={"status": submission.status}, facts=facts),
                "assign_form": AssignForm(initial={"assigned_to": submission.assigned_to_id}),
                "outcome_form": (
                    OutcomeForm(initial={"outcome": submission.outcome}, facts=facts)
                    if facts.outcomes
                    else None
                ),
                "can_work": self.request.user.has_perm("forms_app.work_submission"),
            }
        )
        return context


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"), choices=[])
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "For a decision or a request for more information, this is sent to the applicant."
        ),
    )

    def __init__(self, *args, facts, **kwargs):
        super().__init__(*args, **kwargs)
        # The statuses the submission's journey may have (its facts).
        self.fields["status"].choices = [(status.value, status.label) for status in facts.statuses]


class AssignForm(forms.Form):
    assigned_to = forms.ModelChoiceField(
        label=gettext_lazy("Assign to"), queryset=officers(), required=False
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = officers()


class OutcomeForm(forms.Form):
    """For journeys whose facts list outcomes (a school's referral)."""

    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"), choices=[])
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Required when declining. Sent to the school."),
    )

    def __init__(self, *args, facts, **kwargs):
        super().__init__(*args, **kwargs)
        self.facts = facts
        self.fields["outcome"].choices = [("", "---------")] + [
            (outcome.code, outcome.label) for outcome in facts.outcomes
        ]

    def clean(self):
        cleaned = super().clean()
        outcome = self.facts.outcome(cleaned.get("outcome"))
        if outcome and outcome.reason_required and not cleaned.get("reason"):
            self.add_error("reason", str(outcome.reason_required))
        return cleaned


def _submission_for(request, pk):
    submission = get_object_or_404(Submission, pk=pk)
    if not access.may_see(request.user, submission):
        raise PermissionDenied
    return submission


def change_status(request, pk):
    if request.method != "POST" or not request.user.has_perm("forms_app.work_submission"):
        raise PermissionDenied
    submission = _submission_for(request, pk)
    form = StatusForm(request.POST, facts=facts_of(submission.journey))
    if not form.is_valid():
        messages.error(request, _("Choose a status."))
        return redirect("forms_app_submission:inspect", pk)
    new, note = form.cleaned_data["status"], form.cleaned_data["note"]
    with transaction.atomic():
        old = submission.status
        submission.status = new
        submission.save(update_fields=["status", "updated_at"])
        SubmissionEvent.objects.create(
            submission=submission,
            kind=SubmissionEvent.Kind.STATUS,
            user=request.user,
            from_status=old,
            to_status=new,
            note=note,
        )
        if new in Submission.DECISIONS or new == Submission.Status.MORE_INFORMATION:
            _email_submitter(
                submission,
                request.user,
                submission.get_status_display,
                "forms_app/email/decision.txt",
                {"note": note},
            )
    messages.success(
        request, _("Status changed to %(status)s.") % {"status": submission.get_status_display()}
    )
    return redirect("forms_app_submission:inspect", pk)


def _email_submitter(submission, officer, what, template, context):
    """Tell the person who sent the submission what an officer did, in their own language
    (`what` words it: the status or outcome), and record that they were told."""
    with override(submission.language):
        subject = _("%(form)s %(reference)s: %(what)s") % {
            "form": submission.get_journey_display(),
            "reference": submission.reference,
            "what": what(),
        }
        send_email(
            submission.submitter_email,
            subject,
            template,
            {"submission": submission, **context},
        )
    SubmissionEvent.objects.create(
        submission=submission, kind=SubmissionEvent.Kind.EMAILED, user=officer, note=what()
    )


def record_outcome(request, pk):
    """An officer records what the service did with a referral; the school is told."""
    if request.method != "POST" or not request.user.has_perm("forms_app.work_submission"):
        raise PermissionDenied
    submission = _submission_for(request, pk)
    facts = facts_of(submission.journey)
    if not facts.outcomes:
        raise PermissionDenied
    form = OutcomeForm(request.POST, facts=facts)
    if not form.is_valid():
        for errors in form.errors.values():
            messages.error(request, " ".join(errors))
        return redirect("forms_app_submission:inspect", pk)
    outcome, reason = form.cleaned_data["outcome"], form.cleaned_data["reason"]
    with transaction.atomic():
        submission.outcome = outcome
        submission.outcome_reason = reason
        submission.save(update_fields=["outcome", "outcome_reason", "updated_at"])
        label = submission.get_outcome_display()
        SubmissionEvent.objects.create(
            submission=submission,
            kind=SubmissionEvent.Kind.OUTCOME,
            user=request.user,
            note=f"{label}: {reason}" if reason else label,
        )
        _email_submitter(
            submission,
            request.user,
            submission.get_outcome_display,
            "forms_app/email/outcome.txt",
            {"reason": reason},
        )
    messages.success(request, _("Outcome recorded: %(outcome)s.") % {"outcome": label})
    return redirect("forms_app_submission:inspect", pk)


def assign(request, pk):
    if request.method != "POST" or not request.user.has_perm("forms_app.work_submission"):
        raise PermissionDenied
    submission = _submission_for(request, pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        officer = form.cleaned_data["assigned_to"]
        submission.assigned_to = officer
        submission.save(update_fields=["assigned_to", "updated_at"])
        SubmissionEvent.objects.create(
            submission=submission,
            kind=SubmissionEvent.Kind.ASSIGNED,
            user=request.user,
            note=str(officer or _("nobody")),
        )
        messages.success(request, _("Assignment saved."))
    return redirect("forms_app_submission:inspect", pk)


def download(request, pk, attachment_pk):
    submission = _submission_for(request, pk)
    attachment = get_object_or_404(Attachment, pk=attachment_pk, submission=submission)
    SubmissionEvent.objects.create(
        submission=submission,
        kind=SubmissionEvent.Kind.DOWNLOADED,
        user=request.user,
        note=attachment.original_name,
    )
    record(Action.DOWNLOADED, submission, detail=f"file {attachment.pk}")
    response = FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=CONTENT_TYPES.get(attachment.kind, "application/octet-stream"),
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


class SubmissionViewSet(ModelViewSet):
    model = Submission
    icon = "form"
    menu_label = gettext_lazy("Submissions")
    menu_order = 210
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    index_view_class = SubmissionIndexView
    inspect_view_class = SubmissionInspectView
    filterset_class = SubmissionFilterSet
    list_display = [
        "reference",
        "journey",
        "submitter_name",
        "status",
        "flagged",
        "outcome",
        "created_at",
        "assigned_to",
    ]
    list_export = [
        "reference",
        "journey",
        "status",
        "submitter_name",
        "submitter_email",
        "created_at",
        "updated_at",
        "assigned_to",
        "flagged",
        "outcome",
    ]
    export_filename = "submissions"
    search_fields = ["reference", "submitter_name", "submitter_email"]
    search_backend_name = None  # plain database lookups: references are exact strings
    ordering = ["-created_at"]
    list_per_page = 50
    form_fields = ["status"]  # never shown: the policy refuses add and change

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("inspect/<int:pk>/status/", change_status, name="status"),
            path("inspect/<int:pk>/assign/", assign, name="assign"),
            path("inspect/<int:pk>/outcome/", record_outcome, name="outcome"),
            path("inspect/<int:pk>/files/<int:attachment_pk>/", download, name="download"),
        ]


submission_viewset = SubmissionViewSet("forms_app_submission")


def inspect_url(submission):
    return reverse("forms_app_submission:inspect", args=[submission.pk])
