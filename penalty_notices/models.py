"""The council's penalty notice register: each notice issued for a pupil's absence, and
whether it was paid, withdrawn or prosecuted (Education (Penalty Notices) (England)
Regulations 2007 as amended, regulation 20). A notice is never deleted by hand: it is
kept for its retention period (settings.PORTAL_RECORD_RETENTION_DAYS)."""

import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import School
from shared import upn as upns
from shared.penalty_notices import match_key

from . import rules

# Letters and digits nobody misreads (no 0/O, 1/I/L): read out on the telephone.
NUMBER_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
NUMBER_PREFIX = "PN-"


def new_number():
    return NUMBER_PREFIX + "".join(secrets.choice(NUMBER_ALPHABET) for _ in range(8))


class PenaltyNotice(models.Model):
    class Status(models.TextChoices):
        ISSUED = "issued", _("Issued")
        PAID = "paid", _("Paid")
        WITHDRAWN = "withdrawn", _("Withdrawn")
        PROSECUTED = "prosecuted", _("Prosecuted")

    number = models.CharField(_("register number"), max_length=16, unique=True, editable=False)
    parent_first_name = models.CharField(_("parent's first name"), max_length=100)
    parent_last_name = models.CharField(_("parent's last name"), max_length=100)
    parent_address = models.TextField(_("parent's address"), max_length=500)
    child_first_name = models.CharField(_("child's first name"), max_length=100)
    child_last_name = models.CharField(_("child's last name"), max_length=100)
    child_date_of_birth = models.DateField(_("child's date of birth"))
    child_upn = models.CharField(
        _("child's unique pupil number (UPN)"),
        max_length=13,
        blank=True,
        help_text=_("Optional. 13 characters, starting with a letter."),
    )
    school = models.ForeignKey(
        School, on_delete=models.PROTECT, related_name="+", verbose_name=_("school")
    )
    offence_from = models.DateField(
        _("first day of the absence"),
        help_text=_(
            "The national threshold is 10 sessions of unauthorised absence within a rolling "
            "10 school weeks."
        ),
    )
    offence_to = models.DateField(_("last day of the absence"))
    issued_on = models.DateField(_("date issued"))
    amount = models.PositiveSmallIntegerField(
        _("amount (£)"),
        help_text=_("A first notice is £160, or £80 if paid within 21 days; a second is £160."),
    )
    paid_on = models.DateField(_("date paid"), null=True, blank=True)
    amount_paid = models.PositiveSmallIntegerField(_("amount paid (£)"), null=True, blank=True)
    withdrawn_on = models.DateField(_("date withdrawn"), null=True, blank=True)
    withdrawn_reason = models.TextField(_("why it was withdrawn"), max_length=1000, blank=True)
    prosecuted_on = models.DateField(_("date prosecution started"), null=True, blank=True)
    prosecution_outcome = models.TextField(
        _("outcome of the prosecution"), max_length=1000, blank=True
    )
    referral_reference = models.CharField(
        _("referral reference"),
        max_length=20,
        blank=True,
        db_index=True,
        help_text=_("The school's attendance referral this notice came from, if any."),
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.ISSUED, editable=False
    )
    # The names as the register compares them (shared.penalty_notices.match_key): the
    # referral's question is answered by an indexed equality, whatever the case or spaces.
    child_key = models.CharField(max_length=202, editable=False, default="")
    parent_key = models.CharField(max_length=202, editable=False, default="")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("penalty notice")
        verbose_name_plural = _("penalty notices")
        ordering = ["-issued_on", "-pk"]
        indexes = [models.Index(fields=["child_key", "child_date_of_birth", "parent_key"])]

    def __str__(self):
        return self.number

    def save(self, *args, **kwargs):
        self.child_key = match_key(self.child_first_name, self.child_last_name)
        self.parent_key = match_key(self.parent_first_name, self.parent_last_name)
        self.status = self.status_now()
        if not self.number:
            self.number = new_number()
            while PenaltyNotice.objects.filter(number=self.number).exists():
                self.number = new_number()
        super().save(*args, **kwargs)

    @property
    def parent_name(self):
        return f"{self.parent_first_name} {self.parent_last_name}"

    @property
    def child_name(self):
        return f"{self.child_first_name} {self.child_last_name}"

    @property
    def withdrawn(self):
        return self.withdrawn_on is not None

    def status_now(self):
        if self.prosecuted_on:
            return self.Status.PROSECUTED
        if self.withdrawn_on:
            return self.Status.WITHDRAWN
        if self.paid_on:
            return self.Status.PAID
        return self.Status.ISSUED

    def same_family(self):
        """The register's other notices to this parent for this child."""
        return (
            PenaltyNotice.objects.filter(
                child_key=match_key(self.child_first_name, self.child_last_name),
                child_date_of_birth=self.child_date_of_birth,
                parent_key=match_key(self.parent_first_name, self.parent_last_name),
            )
            .exclude(pk=self.pk)
            .select_related("school")
        )

    def clean(self):
        self.child_upn = upns.normalise(self.child_upn) if self.child_upn else ""
        errors = {}
        if self.child_upn and upns.problem(self.child_upn):
            errors["child_upn"] = rules.say(upns.problem(self.child_upn))
        earlier = []
        if self.child_date_of_birth and self.issued_on:
            earlier = [n for n in self.same_family() if n.issued_on <= self.issued_on]
        for field, message in rules.problems(self, earlier, settings.PORTAL_PENALTY_NOTICE):
            errors.setdefault(field, message)
        if errors:
            raise ValidationError(errors)
