"""The officers' queue in the Wagtail admin: each officer sees only their own service's
submissions (portal.access), opens one laid out like check your answers, changes its
status with a note, assigns it, downloads its files, and exports the queue as CSV.
Opening a submission and downloading a file are recorded in its history."""

from copy import copy

import django_filters
from django import forms
from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
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
from portal.groups import SERVICE_OF_GROUP
from portal.models import User
from shared import penalty_notices, times
from shared.admin_parts import (
    CappedCountPaginator,
    DateRangeInputs,
    LinkColumn,
    NarrowScreenListing,
    PlainColumn,
    TagsColumn,
)

from .engine import journey_for, summary_of_answers
from .journeys.facts import Flag, Status
from .journeys.registry import Journey, facts_of, journeys
from .models import Attachment, Submission, SubmissionEvent
from .penalty_register import register_check

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


def officers(services=None):
    """Active officers; of the given services only, when named."""
    groups = [
        group
        for group, service in SERVICE_OF_GROUP.items()
        if services is None or service in services
    ]
    return User.objects.filter(groups__name__in=groups, is_active=True).distinct()


# --- values in words ---------------------------------------------------------------------


def label_of(choices, code):
    """A stored code as its label; the code itself only if no longer a choice."""
    return dict(choices.choices).get(code, code) if code else ""


def when(moment):
    """A date and time as the council's officers read it (local time, no seconds)."""
    return times.day_then_clock(moment)


# --- what an officer may work ------------------------------------------------------------


class Workable:
    """The journeys, statuses, outcomes and flags of the services a user works (a
    superuser works them all), in the order the facts give them."""

    def __init__(self, user):
        services = access.services_for(user)
        self.services = services
        self.journeys = [facts for facts in journeys() if facts.service in services]
        self.statuses = list(
            dict.fromkeys(status for facts in self.journeys for status in facts.statuses)
        )
        self.outcomes = list(
            {
                outcome.code: outcome for facts in self.journeys for outcome in facts.outcomes
            }.values()
        )
        flags = {flag for facts in self.journeys for flag in facts.may_flag}
        self.flags = [flag for flag in Flag if flag in flags]


ANY_FLAG, NOT_FLAGGED = "true", "false"


class SubmissionFilterSet(WagtailFilterSet):
    """Only what the officer's own services have: an EHE officer is never offered
    "Approved", a licence's journeys, or a referral's outcomes."""

    journey = django_filters.ChoiceFilter(label=gettext_lazy("Form"), choices=[])
    status = django_filters.ChoiceFilter(label=gettext_lazy("Status"), choices=[])
    flagged = django_filters.ChoiceFilter(
        label=gettext_lazy("Flagged"), choices=[], method="filter_flagged"
    )
    outcome = django_filters.ChoiceFilter(label=gettext_lazy("Outcome"), choices=[])
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Received"), widget=DateRangeInputs
    )
    assigned_to = django_filters.ModelChoiceFilter(
        label=gettext_lazy("Assigned to"), queryset=User.objects.none()
    )

    class Meta:
        model = Submission
        fields = ["journey", "status", "flagged", "outcome", "created_at", "assigned_to"]

    def __init__(self, *args, request=None, **kwargs):
        super().__init__(*args, request=request, **kwargs)
        work = Workable(request.user if request else None)
        self.filters["journey"].extra["choices"] = [
            (facts.key, facts.name) for facts in work.journeys
        ]
        self.filters["status"].extra["choices"] = [
            (status.value, status.label) for status in work.statuses
        ]
        if work.outcomes:
            self.filters["outcome"].extra["choices"] = [
                (outcome.code, outcome.label) for outcome in work.outcomes
            ]
        else:
            del self.filters["outcome"]
        if work.flags:
            self.filters["flagged"].extra["choices"] = (
                [(ANY_FLAG, _("For any reason"))]
                + [(flag.value, flag.label) for flag in work.flags]
                + [(NOT_FLAGGED, _("Not flagged"))]
            )
        else:
            del self.filters["flagged"]
        self.filters["assigned_to"].queryset = officers(work.services)

    def filter_flagged(self, queryset, name, value):
        if value == ANY_FLAG:
            return queryset.filter(flagged=True)
        if value == NOT_FLAGGED:
            return queryset.filter(flagged=False)
        # A JSON list of codes: the code with its quotes matches that code only.
        return queryset.filter(flags__icontains=f'"{value}"')


# --- the queue ---------------------------------------------------------------------------


class FlagsColumn(TagsColumn):
    """Why each submission is flagged, a tag per reason; nothing to see when it is not."""

    tag_class = "w-status w-status--primary"
    empty_value_display = gettext_lazy("Not flagged")

    def get_value(self, instance):
        return instance.flag_labels


class SubmissionIndexView(AuditedExportMixin, IndexView):
    audit_kind = "submission"
    paginator_class = CappedCountPaginator
    export_headings = {
        "journey": gettext_lazy("Form"),
        "flags": gettext_lazy("Flagged"),
        "created_at": gettext_lazy("Received"),
        "updated_at": gettext_lazy("Last changed"),
        "assigned_to": gettext_lazy("Assigned to"),
    }

    def get_base_queryset(self):
        return (
            super()
            .get_base_queryset()
            .filter(service__in=access.services_for(self.request.user))
            .select_related("assigned_to")
            # What was sent is read on the submission's own page, never in the queue.
            .defer("answers", "findings", "outcome_reason")
        )

    @cached_property
    def work(self):
        return Workable(self.request.user)

    @property
    def list_export(self):
        # A referral's outcome only for those who work referrals.
        outcome = ["outcome"] if self.work.outcomes else []
        return ["reference", "journey", "status", "flags", *outcome, "submitter_name"] + [
            "submitter_email",
            "created_at",
            "updated_at",
            "assigned_to",
        ]

    @cached_property
    def columns(self):
        # Each cell written straight out (shared.admin_parts): a page of the queue is
        # 50 rows of up to 8 columns.
        columns = [
            LinkColumn(
                "reference",
                "forms_app_submission:inspect",
                label=capfirst(Submission._meta.get_field("reference").verbose_name),
                sort_key="reference",
            ),
            PlainColumn(
                "journey", label=_("Form"), accessor="get_journey_display", sort_key="journey"
            ),
            PlainColumn("submitter_name", label=_("Name"), sort_key="submitter_name"),
            TagsColumn("status", label=_("Status"), accessor="get_status_display"),
        ]
        if self.work.flags:
            columns.append(FlagsColumn("flags", label=_("Flagged")))
        if self.work.outcomes:
            columns.append(
                PlainColumn("outcome", label=_("Outcome"), accessor="get_outcome_display")
            )
        return columns + [
            PlainColumn(
                "created_at", label=_("Received"), accessor=self.received, sort_key="created_at"
            ),
            PlainColumn("assigned_to", label=_("Assigned to"), accessor=self.assignee),
        ]

    @staticmethod
    def received(submission):
        return when(submission.created_at)

    @staticmethod
    def assignee(submission):
        return str(submission.assigned_to) if submission.assigned_to else _("Nobody")

    @property
    def custom_field_preprocess(self):
        # Every value in words, in both CSV and XLSX: labels, not codes; dates as dates.
        def both(function):
            return {self.FORMAT_CSV: function, self.FORMAT_XLSX: function}

        return {
            "journey": both(lambda code: str(label_of(Journey, code))),
            "status": both(lambda code: str(label_of(Status, code))),
            "outcome": both(lambda code: str(label_of(Submission.Outcome, code))),
            "flags": both(
                lambda codes: (
                    "; ".join(str(label_of(Flag, code)) for code in codes) or _("Not flagged")
                )
            ),
            "created_at": both(when),
            "updated_at": both(when),
            "assigned_to": both(lambda user: str(user) if user else _("Nobody")),
        }


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
                "received": when(submission.created_at),
                "sections": sections,
                "attachments": attachments.values(),
                "events": [
                    {
                        "at": when(event.at),
                        "who": event.user
                        or (
                            _("Applicant")
                            if event.kind == SubmissionEvent.Kind.SUBMITTED
                            else _("The portal")
                        ),
                        "what": event.get_kind_display(),
                        "from_status": label_of(Status, event.from_status),
                        "to_status": label_of(Status, event.to_status),
                        "note": event.note,
                    }
                    for event in submission.events.select_related("user")
                ],
                "status_form": StatusForm(
                    initial={"status": submission.status, "current": submission.status},
                    facts=facts,
                ),
                "assign_form": AssignForm(
                    initial={"assigned_to": submission.assigned_to_id},
                    services={submission.service},
                ),
                "outcome_form": (
                    OutcomeForm(
                        initial={"outcome": submission.outcome, "current": submission.outcome},
                        facts=facts,
                    )
                    if facts.outcomes
                    else None
                ),
                "told": [str(status.label) for status in facts.statuses if status in facts.told],
                "can_work": self.request.user.has_perm("forms_app.work_submission"),
            }
        )
        if submission.journey == Journey.ATTENDANCE_REFERRAL:
            context.update(self.penalty_register(submission))
        return context

    def penalty_register(self, submission):
        """The referral against the council's penalty notice register (for officers only:
        it names notices given for other schools' pupils), and a new register entry."""
        user = self.request.user
        may_add = access.works_for(user, "attendance", penalty_notices.ADD_PERMISSION)
        return {
            "register_section": True,
            "register_check": register_check(submission.answers),
            "new_notice_url": (
                penalty_notices.new_entry_url(submission.reference) if may_add else ""
            ),
        }


class StatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("New status"), choices=[])
    note = forms.CharField(
        label=gettext_lazy("Note"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "For a status the applicant is emailed about, this goes in the email. You will "
            "see the email before it is sent."
        ),
    )
    # The status when the officer chose: a change made since (a second press of the same
    # confirmation) is not made again.
    current = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, facts, **kwargs):
        super().__init__(*args, **kwargs)
        # Only the statuses the submission's journey may have (its facts): any other sent
        # is refused as not one of the choices.
        self.fields["status"].choices = [(status.value, status.label) for status in facts.statuses]


class AssignForm(forms.Form):
    assigned_to = forms.ModelChoiceField(
        label=gettext_lazy("Assign to"), queryset=User.objects.none(), required=False
    )

    def __init__(self, *args, services=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["assigned_to"].queryset = officers(services)


class OutcomeForm(forms.Form):
    """For journeys whose facts list outcomes (a school's referral)."""

    outcome = forms.ChoiceField(label=gettext_lazy("Outcome"), choices=[])
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy(
            "Required when declining. Sent to the school: you will see the email before it is sent."
        ),
    )
    current = forms.CharField(required=False, widget=forms.HiddenInput)

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


# --- decisions: the email shown, then sent only when confirmed ----------------------------


def _email(submission, what, template, context):
    """The email telling the person who sent the submission what an officer did, in their
    own language (`what` words it: the status or outcome): (to, subject, body). The
    confirmation page shows it and the same is sent."""
    with override(submission.language):
        subject = _("%(form)s %(reference)s: %(what)s") % {
            "form": submission.get_journey_display(),
            "reference": submission.reference,
            "what": what(),
        }
        body = render_to_string(template, {"submission": submission, **context})
    return submission.submitter_email, subject, body


def _email_submitter(submission, officer, what, template, context):
    """Send that email, and record that they were told."""
    to, subject, _body = _email(submission, what, template, context)
    with override(submission.language):
        send_email(to, subject, template, {"submission": submission, **context})
    SubmissionEvent.objects.create(
        submission=submission, kind=SubmissionEvent.Kind.EMAILED, user=officer, note=what()
    )


def _confirm(request, submission, action, email, fields, change):
    """The page that shows the email and asks the officer to confirm: nothing has changed
    yet. `fields` are posted again, with `confirmed`, by "Send decision"."""
    to, subject, body = email
    return render(
        request,
        "forms_app/admin/confirm_decision.html",
        {
            "submission": submission,
            "action": action,
            "to": to,
            "subject": subject,
            "body": body,
            "fields": {**fields, "confirmed": "yes"},
            "change": change,
            "language": submission.get_language_display(),
            "english": submission.language == settings.LANGUAGE_CODE,
            "header_title": _("Send this decision?"),
            "page_title": _("Send this decision?"),
        },
    )


def _changed_meanwhile(request, message):
    """A change already made (a second press of "Send decision", or another officer's):
    nothing is changed or sent again."""
    messages.warning(request, message)


def change_status(request, pk):
    if request.method != "POST" or not request.user.has_perm("forms_app.work_submission"):
        raise PermissionDenied
    submission = _submission_for(request, pk)
    facts = facts_of(submission.journey)
    form = StatusForm(request.POST, facts=facts)
    if not form.is_valid():
        messages.error(request, _("Choose one of the statuses offered."))
        return redirect("forms_app_submission:inspect", pk)
    new, note, current = (form.cleaned_data[name] for name in ("status", "note", "current"))
    tells = new in facts.told
    if tells and request.POST.get("confirmed") != "yes":
        preview = copy(submission)
        preview.status = new  # as the email will say it; nothing is saved
        return _confirm(
            request,
            submission,
            reverse("forms_app_submission:status", args=[pk]),
            _email(
                preview, preview.get_status_display, "forms_app/email/decision.txt", {"note": note}
            ),
            {"status": new, "note": note, "current": current or submission.status},
            _("The status will change from %(old)s to %(new)s.")
            % {"old": submission.get_status_display(), "new": preview.get_status_display()},
        )
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=pk)
        old = submission.status
        # A confirmation always says what it confirms the change from.
        if (current or tells) and current != old:
            _changed_meanwhile(
                request,
                _("Nothing was changed: this record's status is already %(status)s.")
                % {"status": submission.get_status_display()},
            )
            return redirect("forms_app_submission:inspect", pk)
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
        if tells:
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


def record_outcome(request, pk):
    """An officer records what the service did with a referral; the school is told, once
    the officer has seen the email and confirmed it."""
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
    outcome, reason, current = (form.cleaned_data[n] for n in ("outcome", "reason", "current"))
    if request.POST.get("confirmed") != "yes":
        preview = copy(submission)
        preview.outcome = outcome  # as the email will say it; nothing is saved
        return _confirm(
            request,
            submission,
            reverse("forms_app_submission:outcome", args=[pk]),
            _email(
                preview,
                preview.get_outcome_display,
                "forms_app/email/outcome.txt",
                {"reason": reason},
            ),
            {"outcome": outcome, "reason": reason, "current": submission.outcome},
            _("The outcome will be recorded as %(outcome)s.")
            % {"outcome": preview.get_outcome_display()},
        )
    with transaction.atomic():
        submission = Submission.objects.select_for_update().get(pk=pk)
        if current != submission.outcome:
            _changed_meanwhile(
                request,
                _("Nothing was changed: this record's outcome is already %(outcome)s.")
                % {"outcome": submission.get_outcome_display() or _("not recorded")},
            )
            return redirect("forms_app_submission:inspect", pk)
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
    form = AssignForm(request.POST, services={submission.service})
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


class SubmissionViewSet(NarrowScreenListing, ModelViewSet):
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
