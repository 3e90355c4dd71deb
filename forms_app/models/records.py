"""What comes in through the forms: drafts while a person fills a form in, submissions once
they send it, their files, and the history of what officers did with them."""

import os
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ..journeys.facts import Flag, Status
from ..journeys.registry import Journey, outcome_choices, service_of


class PrivateStorage(FileSystemStorage):
    """Uploaded files live outside MEDIA_ROOT: no URL serves them; only the officer view
    that checks permissions reads them. The folder is read from settings each time, so a
    test (or a deployment) can move it."""

    @property
    def base_location(self):
        return self._value_or_setting(self._location, settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None


def private_storage():
    return PrivateStorage()


def random_upload_name(instance, filename):
    # The name a person gave a file is kept in the database, never used on disk.
    return f"uploads/{timezone.now():%Y/%m}/{secrets.token_hex(16)}"


def new_draft_token():
    return secrets.token_urlsafe(32)


class Draft(models.Model):
    """Answers so far, kept on the server. The token travels in the person's session, or
    in the link we email when they choose to save and come back later."""

    token = models.CharField(max_length=64, unique=True, default=new_draft_token)
    journey = models.CharField(max_length=40, choices=Journey.choices)
    # A journey only school users make belongs to the signed-in user who started it:
    # nobody else's session or link opens it.
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.CASCADE, related_name="+"
    )
    answers = models.JSONField(default=dict)
    email = models.EmailField(blank=True, help_text=_("Where the save-and-return link went."))
    # The language the person last answered in: the save-and-return email goes out in it,
    # and the submission keeps it. The answers themselves are the same in every language.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    expires_at = models.DateTimeField()
    # Set when the draft became a submission: a second submit finds this, not a new record.
    submission = models.OneToOneField(
        "Submission", null=True, blank=True, on_delete=models.SET_NULL, related_name="draft"
    )

    def __str__(self):
        return f"{self.get_journey_display()} draft {self.pk}"

    def save(self, *args, **kwargs):
        if not self.expires_at:
            self.expires_at = timezone.now() + timedelta(days=settings.PORTAL_DRAFT_DAYS)
        super().save(*args, **kwargs)

    @property
    def expired(self):
        return self.expires_at <= timezone.now()


class Submission(models.Model):
    Status = Status
    Flag = Flag
    # Every outcome a journey's facts list, as choices (Submission.Outcome.DECLINED).
    Outcome = models.TextChoices(
        "Outcome", [(code.upper(), (code, label)) for code, label in outcome_choices()]
    )

    journey = models.CharField(max_length=40, choices=Journey.choices, db_index=True)
    # The officer service that works it (its journey's facts); portal.access uses it to
    # decide who may see the submission.
    service = models.CharField(max_length=20, db_index=True, editable=False)
    reference = models.CharField(max_length=16, unique=True)
    status = models.CharField(
        max_length=20, choices=Status.choices, default=Status.RECEIVED, db_index=True
    )
    answers = models.JSONField()
    schema_version = models.PositiveSmallIntegerField()
    submitter_name = models.CharField(max_length=200)
    submitter_email = models.EmailField()
    # The language the applicant used: what we send them goes out in it. Officers read the
    # answers in their own language whatever it was.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default=settings.LANGUAGE_CODE
    )
    school = models.ForeignKey(
        "portal.School", null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="assigned_submissions",
    )
    # The signed-in school user who sent it (journeys only school users make).
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="sent_submissions",
    )
    # What the form worked out from the answers, in plain words, for the officer; a
    # flagged submission needs their attention first: `flags` says why (Flag codes, worked
    # out once when it is sent, so the queue shows them without a query per row).
    flagged = models.BooleanField(_("flagged"), default=False, db_index=True)
    flags = models.JSONField(_("flags"), default=list, blank=True)
    findings = models.JSONField(default=list, blank=True)
    # What the service did with it, when its journey records outcomes (its facts say which).
    outcome = models.CharField(
        _("outcome"), max_length=30, choices=Outcome.choices, blank=True, db_index=True
    )
    outcome_reason = models.TextField(_("reason for the outcome"), blank=True)
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("submission")
        indexes = [
            # An officer's queue: their service's, newest first, a page at a time (without
            # it a page sorted every submission of the service, answers and all).
            models.Index(fields=["service", "-created_at"], name="submission_queue_newest"),
        ]
        permissions = [
            ("work_submission", "Can change status and assign submissions"),
            ("export_submission", "Can export submissions as CSV"),
        ]

    def __str__(self):
        return f"{self.reference} – {self.submitter_name}"

    def save(self, *args, **kwargs):
        self.service = service_of(self.journey)
        super().save(*args, **kwargs)

    @property
    def flag_labels(self):
        """Why it is flagged, in words; "Flagged" alone for one flagged before reasons
        were kept."""
        labels = [Flag(code).label for code in self.flags if code in Flag.values]
        if self.flagged and not labels:
            labels = [_("Flagged")]
        return labels


class Attachment(models.Model):
    draft = models.ForeignKey(
        Draft, null=True, blank=True, on_delete=models.SET_NULL, related_name="attachments"
    )
    submission = models.ForeignKey(
        Submission, null=True, blank=True, on_delete=models.CASCADE, related_name="attachments"
    )
    question = models.CharField(max_length=80)
    file = models.FileField(storage=private_storage, upload_to=random_upload_name)
    original_name = models.CharField(max_length=255)
    kind = models.CharField(max_length=10)  # what the content was found to be: pdf, png...
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return self.original_name


class SubmissionEvent(models.Model):
    """The history of a submission: who changed what, when, and who opened it."""

    class Kind(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        VIEWED = "viewed", _("Opened")
        STATUS = "status", _("Status changed")
        ASSIGNED = "assigned", _("Assigned")
        NOTE = "note", _("Note")
        EMAILED = "emailed", _("Applicant emailed")
        DOWNLOADED = "downloaded", _("File downloaded")
        OUTCOME = "outcome", _("Outcome recorded")

    submission = models.ForeignKey(Submission, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.submission_id} at {self.at:%Y-%m-%d %H:%M}"


class RetentionPurge(models.Model):
    """A record that the retention task deleted expired submissions (not what they held)."""

    service = models.CharField(max_length=20)
    deleted = models.PositiveIntegerField()
    files_deleted = models.PositiveIntegerField()
    older_than = models.DateTimeField()
    at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"{self.service}: {self.deleted} deleted at {self.at:%Y-%m-%d}"
