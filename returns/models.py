"""Return periods, each school's return for a period, and the pupils it lists."""

from datetime import date, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel

from portal.models import School
from portal.terms import council_terms

from . import rules
from .messages import FLAG_MESSAGES, IDENTIFIER_MESSAGES, PROBLEM_MESSAGES


def chase_days():
    """Days after the due date that an outstanding school is still reminded."""
    return max([0, *settings.PORTAL_RETURN_REMINDER_DAYS])


class ReturnPeriodQuerySet(models.QuerySet):
    def opened(self, today=None):
        return self.filter(opens_on__lte=today or date.today())

    def being_chased(self, today=None):
        """Opened periods not long past their due date: the tracker's default, the
        reminders and the weekly summary work on these."""
        today = today or date.today()
        return self.opened(today).filter(due_on__gte=today - timedelta(days=chase_days()))


class ReturnPeriod(models.Model):
    class Cadence(models.TextChoices):
        TERMLY = "termly", _("Termly")
        HALF_TERMLY = "half_termly", _("Half-termly")

    name = models.CharField(
        _("name"), max_length=100, help_text=_("For example, Autumn term 2026, second half")
    )
    cadence = models.CharField(_("cadence"), max_length=16, choices=Cadence.choices)
    opens_on = models.DateField(_("opens on"), help_text=_("Schools can make the return from"))
    due_on = models.DateField(_("due on"), help_text=_("Schools can change their return until"))
    late_until = models.DateField(
        _("late returns until"),
        null=True,
        blank=True,
        help_text=_(
            "After the due date, a school that has not made its return can still send it, "
            "marked late, until this date. Leave it empty to take late returns until the "
            "next period opens."
        ),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ReturnPeriodQuerySet.as_manager()

    class Meta:
        ordering = ["-opens_on", "-pk"]
        verbose_name = _("return period")
        permissions = [("export_returnperiod", _("Can export a period's returns"))]

    def __str__(self):
        return self.name

    def clean(self):
        if self.opens_on and self.due_on and self.due_on < self.opens_on:
            raise ValidationError({"due_on": _("The due date must be on or after the open date")})
        if self.due_on and self.late_until and self.late_until < self.due_on:
            raise ValidationError(
                {"late_until": _("Late returns must be taken until the due date or later")}
            )

    def is_open(self, today=None):
        return self.opens_on <= (today or date.today())

    def accepts_changes(self, today=None):
        """Schools change their own return from the open date to the due date."""
        today = today or date.today()
        return self.opens_on <= today <= self.due_on

    def takes_late_returns(self, today=None, last_opened_on=None):
        """After the due date, may a school that has not made its return still send it?
        `last_opened_on`, when the caller asks of many periods: the latest opening date of
        the periods opened by today, read once for them all instead of a query each."""
        today = today or date.today()
        if today <= self.due_on:
            return False
        if self.late_until is not None:
            later_opened = False
        elif last_opened_on is not None:
            later_opened = last_opened_on > self.opens_on
        else:
            later_opened = (
                ReturnPeriod.objects.opened(today).filter(opens_on__gt=self.opens_on).exists()
            )
        return rules.takes_late_returns(today, self.due_on, self.late_until, later_opened)


class SchoolReturn(ClusterableModel):
    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        RETURNED = "returned", _("Returned")
        NIL = "nil", _("Nil return")

    MADE = (Status.RETURNED, Status.NIL)

    period = models.ForeignKey(ReturnPeriod, on_delete=models.CASCADE, related_name="returns")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="returns")
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NOT_STARTED
    )
    submitted_at = models.DateTimeField(_("sent"), null=True, blank=True)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("sent by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    amended_at = models.DateTimeField(_("last changed after sending"), null=True, blank=True)
    # Made after the due date (a return or a nil return), when it was made.
    sent_late = models.BooleanField(_("sent late"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-period__opens_on", "school__name"]
        verbose_name = _("school's return")
        verbose_name_plural = _("schools' returns")
        constraints = [
            models.UniqueConstraint(fields=["period", "school"], name="one_return_per_period")
        ]

    def __str__(self):
        return f"{self.school.name}: {self.period.name}"

    @property
    def is_made(self):
        return self.status in self.MADE

    def accepts_changes(self, today=None):
        """Until the due date the school changes its return; after it, only a return not
        yet made, which it can still make and send late while the period takes them."""
        period = self.period
        return period.accepts_changes(today) or (
            not self.is_made and period.is_open(today) and period.takes_late_returns(today)
        )

    @property
    def is_late(self):
        return self.is_made and self.sent_late

    @property
    def status_tag(self):
        """The GOV.UK tag colour for the status."""
        return {
            self.Status.NOT_STARTED: "govuk-tag--grey",
            self.Status.IN_PROGRESS: "govuk-tag--yellow",
            self.Status.RETURNED: "govuk-tag--green",
            self.Status.NIL: "govuk-tag--green",
        }[self.status]


class ReturnPupil(models.Model):
    class Reason(models.TextChoices):
        PHYSICAL_HEALTH = "physical_health", _("Physical health or medical needs")
        MENTAL_HEALTH = "mental_health", _("Mental health, including anxiety")
        SEND = "send", _("Special educational needs or disability")
        REINTEGRATION = "reintegration", _("Return after a long absence or exclusion")
        TRANSITION = "transition", _("Joining the school or a managed move")
        OTHER = "other", _("Another reason")

    class SEN(models.TextChoices):
        NONE = "none", _("No")
        SEN_SUPPORT = "sen_support", _("SEN support")
        EHCP = "ehcp", _("Education, health and care plan (EHCP)")

    class SocialCare(models.TextChoices):
        NONE = "none", _("No")
        SOCIAL_WORKER = "social_worker", _("Has a social worker")
        LOOKED_AFTER = "looked_after", _("Looked after by the council")

    YEAR_GROUPS = [("R", _("Reception"))] + [
        (str(n), format_lazy(_("Year {number}"), number=n)) for n in range(1, 14)
    ]

    school_return = ParentalKey(SchoolReturn, on_delete=models.CASCADE, related_name="pupils")
    pupil = models.CharField(
        _("UPN or initials"),
        max_length=13,
        help_text=_("The unique pupil number, or the pupil's initials: never their name"),
    )
    year_group = models.CharField(_("year group"), max_length=2, choices=YEAR_GROUPS)
    starts_on = models.DateField(_("start date"))
    hours_per_week = models.DecimalField(
        _("hours offered per week"), max_digits=4, decimal_places=1
    )
    reason = models.CharField(_("reason"), max_length=32, choices=Reason.choices)
    parental_agreement = models.BooleanField(_("parent or carer agreed"), default=False)
    review_on = models.DateField(_("review date"))
    ends_on = models.DateField(_("planned end date"))
    sen = models.CharField(_("EHCP or SEN"), max_length=16, choices=SEN.choices, default=SEN.NONE)
    social_care = models.CharField(
        _("social worker or looked after"),
        max_length=16,
        choices=SocialCare.choices,
        default=SocialCare.NONE,
    )
    # Flags for the officer, worked out from the dates whenever the pupil is saved.
    review_late = models.BooleanField(_("review more than 8 weeks after the start"), default=False)
    past_two_terms = models.BooleanField(_("runs past two terms"), default=False)
    carried_over_from = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # A carried-over pupil stays marked until the school has looked at the details.
    needs_check = models.BooleanField(_("carried over, to be checked"), default=False)
    # The add form's one-off token: pressing "Add" twice adds the pupil once.
    form_token = models.UUIDField(null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("pupil on a reduced timetable")
        verbose_name_plural = _("pupils on a reduced timetable")
        constraints = [
            models.UniqueConstraint(
                fields=["school_return", "form_token"], name="one_pupil_per_add_form"
            )
        ]

    def __str__(self):
        return f"{self.pupil} ({self.get_year_group_display()})"

    def save(self, *args, **kwargs):
        self.refresh_flags()
        super().save(*args, **kwargs)

    def clean(self):
        """The same rules as the school's form, for officers' changes in the admin."""
        errors = {}
        if self.pupil:
            self.pupil, problem = rules.pupil_identifier(self.pupil)
            if problem:
                errors["pupil"] = IDENTIFIER_MESSAGES[problem]
        found = rules.problems(self.starts_on, self.review_on, self.ends_on)
        errors.update({p.field: PROBLEM_MESSAGES[p.code] for p in found})
        if errors:
            raise ValidationError(errors)

    def refresh_flags(self):
        found = rules.flags(self.starts_on, self.review_on, self.ends_on, council_terms())
        self.review_late = rules.REVIEW_LATE in found
        self.past_two_terms = rules.PAST_TWO_TERMS in found

    @property
    def flag_messages(self):
        flags = [(self.review_late, rules.REVIEW_LATE), (self.past_two_terms, rules.PAST_TWO_TERMS)]
        return [FLAG_MESSAGES[code] for flagged, code in flags if flagged]

    def review_overdue(self, today=None):
        return rules.review_overdue(self.review_on, today or date.today())


class ReturnReminder(models.Model):
    """One reminder step sent to one school's return. The unique constraint is what stops
    a second run of the task, or a second worker, sending it again."""

    school_return = models.ForeignKey(
        SchoolReturn, on_delete=models.CASCADE, related_name="reminders"
    )
    step = models.SmallIntegerField(help_text=_("Days from the due date (negative: before)"))
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school_return", "step"], name="one_reminder_per_step")
        ]

    def __str__(self):
        return f"{self.school_return_id}: {self.step:+d} days"
