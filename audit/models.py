"""The audit log's one table. Rows are only ever added: the model refuses to save an
existing row or delete one, and database triggers (migration 0002) refuse an UPDATE or
DELETE from anywhere else, the admin and the shell included."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AppendOnlyError(Exception):
    pass


class AuditEvent(models.Model):
    class Action(models.TextChoices):
        CREATED = "created", _("Created")
        VIEWED = "viewed", _("Viewed")
        CHANGED = "changed", _("Changed")
        DELETED = "deleted", _("Deleted")
        EXPORTED = "exported", _("Exported")
        DOWNLOADED = "downloaded", _("File downloaded")
        SEARCHED = "searched", _("Searched for a person")
        ERASED = "erased", _("Erased")
        ANONYMISED = "anonymised", _("Anonymised")

    at = models.DateTimeField(_("when"), default=timezone.now, db_index=True)
    # No database constraint and no cascade: deleting a user must not touch the log.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
        verbose_name=_("who"),
    )
    # Who it was at the time (their email), or the scheduled job that acted.
    actor_label = models.CharField(_("who"), max_length=254)
    action = models.CharField(_("action"), max_length=20, choices=Action.choices)
    # What kind of record: submission, return, assessment, booking, person...
    kind = models.CharField(_("record"), max_length=30)
    record_id = models.CharField(_("record id"), max_length=40, blank=True, db_index=True)
    # A reference or a school's name: never the personal data itself.
    label = models.CharField(_("reference"), max_length=200, blank=True, db_index=True)
    service = models.CharField(_("service"), max_length=20, blank=True)
    detail = models.TextField(_("detail"), blank=True)
    path = models.CharField(_("address"), max_length=300, blank=True)
    # The visitor's internet address (behind the council's proxy too: shared.client_address).
    client_address = models.GenericIPAddressField(_("internet address"), null=True, blank=True)

    # Wagtail indexes references between the models its admin shows; an event refers to
    # nothing an editor moves, and indexing would cost queries on every event written.
    wagtail_reference_index_ignore = True

    class Meta:
        ordering = ["-at", "-pk"]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit log")
        indexes = [
            models.Index(fields=["kind", "record_id"]),
            # The log's own order: newest first, read a page at a time.
            models.Index(fields=["-at", "-id"], name="audit_newest_first"),
            # Each filter's page, newest first, without sorting every event it matches.
            models.Index(fields=["action", "-at", "-id"], name="audit_action_newest"),
            models.Index(fields=["kind", "-at", "-id"], name="audit_kind_newest"),
            models.Index(fields=["service", "-at", "-id"], name="audit_service_newest"),
        ]
        # view_auditevent lets an officer search the log; nobody may add, change or delete
        # through the admin. subject_access: find, download and erase a person's data.
        default_permissions = ("view",)
        permissions = [("subject_access", "Can find, download and erase a person's data")]

    def __str__(self):
        return f"{self.actor_label} {self.action} {self.kind} {self.label or self.record_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("The audit log is append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("The audit log is append-only.")
