"""Attendance figures (per school, and the council's and England's by phase), their
imports, each school's stage in the three-stage monitoring, and the termly targeting
support meetings with their agreed actions."""

from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from portal.models import School

from .periods import HALF_NAMES, TERM_NAMES, HalfTerm, year_label

HALF_CHOICES = list(HALF_NAMES.items())
TERM_CHOICES = list(TERM_NAMES.items())
HUNDREDTH = Decimal("0.01")

# The counts every row of figures holds, in the order the import and the CSVs use.
AUTHORISED = ("authorised_illness", "authorised_medical", "authorised_holiday", "authorised_other")
UNAUTHORISED = ("unauthorised_holiday", "unauthorised_late", "unauthorised_other")
COUNTS = (
    "pupils_on_roll",
    "possible_sessions",
    *AUTHORISED,
    *UNAUTHORISED,
    "persistent_absentees",
    "severe_absentees",
)
# What is worked out from them (Figures.work_out_rates).
RATES = ("absence_rate", "attendance_rate", "persistent_rate", "severe_rate")


def percent(part, whole):
    """part / whole as a percentage to two places, or None when there is no whole."""
    if not whole:
        return None
    return (Decimal(part) * 100 / Decimal(whole)).quantize(HUNDREDTH, rounding=ROUND_HALF_UP)


def _count(label):
    # Big integers: England's possible sessions in a year are near three thousand million,
    # past a PostgreSQL integer's 2,147,483,647.
    return models.PositiveBigIntegerField(label, default=0)


class Figures(models.Model):
    """Year-to-date figures at the end of one half term (see periods.py). The rates are
    worked out from the counts when the row is written (`work_out_rates`), so lists sort
    and filter by them in the database."""

    year = models.PositiveSmallIntegerField(_("school year"))
    half = models.PositiveSmallIntegerField(_("half term"), choices=HALF_CHOICES)
    pupils_on_roll = _count(_("pupils on roll"))
    possible_sessions = _count(_("possible sessions"))
    authorised_illness = _count(_("authorised: illness"))
    authorised_medical = _count(_("authorised: medical appointments"))
    authorised_holiday = _count(_("authorised: holiday"))
    authorised_other = _count(_("authorised: other reasons"))
    unauthorised_holiday = _count(_("unauthorised: holiday"))
    unauthorised_late = _count(_("unauthorised: late after registers closed"))
    unauthorised_other = _count(_("unauthorised: other or no reason yet"))
    persistent_absentees = _count(_("persistent absentees (10% or more missed)"))
    severe_absentees = _count(_("severe absentees (50% or more missed)"))
    # Worked out from the counts (percentages to two places).
    absence_rate = models.DecimalField(
        _("overall absence %"), max_digits=5, decimal_places=2, null=True, editable=False
    )
    attendance_rate = models.DecimalField(
        _("attendance %"), max_digits=5, decimal_places=2, null=True, editable=False
    )
    persistent_rate = models.DecimalField(
        _("persistent absence %"), max_digits=5, decimal_places=2, null=True, editable=False
    )
    severe_rate = models.DecimalField(
        _("severe absence %"), max_digits=5, decimal_places=2, null=True, editable=False
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.work_out_rates()
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], *RATES}
        super().save(*args, **kwargs)

    @property
    def period(self):
        return HalfTerm(self.year, self.half)

    @property
    def authorised(self):
        return sum(getattr(self, name) for name in AUTHORISED)

    @property
    def unauthorised(self):
        return sum(getattr(self, name) for name in UNAUTHORISED)

    @property
    def absent(self):
        return self.authorised + self.unauthorised

    @property
    def authorised_rate(self):
        return percent(self.authorised, self.possible_sessions)

    @property
    def unauthorised_rate(self):
        return percent(self.unauthorised, self.possible_sessions)

    def work_out_rates(self):
        self.absence_rate = percent(self.absent, self.possible_sessions)
        self.attendance_rate = None if self.absence_rate is None else 100 - self.absence_rate
        self.persistent_rate = percent(self.persistent_absentees, self.pupils_on_roll)
        self.severe_rate = percent(self.severe_absentees, self.pupils_on_roll)
        return self


class FiguresImport(models.Model):
    """One uploaded CSV file: checked in full before anything is saved, then imported all
    at once or not at all. Checking and importing run in the worker, which writes its
    progress here for the page to show."""

    class Kind(models.TextChoices):
        COUNCIL = "council", _("The council's export")
        DFE = "dfe", _("A DfE school-level or national file")

    class Status(models.TextChoices):
        CHECKING = "checking", _("Being checked")
        CHECKED = "checked", _("Checked: ready to import")
        REFUSED = "refused", _("Refused: errors found")
        IMPORTING = "importing", _("Being imported")
        IMPORTED = "imported", _("Imported")
        CANCELLED = "cancelled", _("Cancelled")

    file_name = models.CharField(_("file name"), max_length=255)
    kind = models.CharField(_("kind of file"), max_length=16, choices=Kind.choices, blank=True)
    content = models.TextField(editable=False)
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.CHECKING
    )
    rows_total = models.PositiveIntegerField(default=0)
    rows_done = models.PositiveIntegerField(default=0)
    # The row-by-row report: [{"row": 12, "column": "urn", "reason": "..."}], the first
    # few hundred, and how many there were in all.
    errors = models.JSONField(default=list, blank=True)
    error_count = models.PositiveIntegerField(default=0)
    # What the import would do (or did): rows new and replacing, schools, periods.
    summary = models.JSONField(default=dict, blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    imported_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-uploaded_at", "-pk"]
        verbose_name = _("attendance figures import")

    def __str__(self):
        return self.file_name


class SchoolFigures(Figures):
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="attendance_figures")
    source = models.ForeignKey(
        FiguresImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["school__name", "-year", "-half"]
        verbose_name = _("school's attendance figures")
        verbose_name_plural = _("schools' attendance figures")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "year", "half"], name="one_school_figures_per_half_term"
            )
        ]
        indexes = [models.Index(fields=["year", "half", "attendance_rate"])]

    def __str__(self):
        return f"{self.school.name}, {self.period}"


class AreaFigures(Figures):
    """The council's or England's figures for one phase (or all schools)."""

    class Area(models.TextChoices):
        COUNCIL = "council", _("This council")
        NATIONAL = "national", _("England")

    ALL_SCHOOLS = "all"
    PHASE_CHOICES = [(ALL_SCHOOLS, _("All schools"))] + School.Phase.choices

    area = models.CharField(_("area"), max_length=16, choices=Area.choices)
    phase = models.CharField(_("phase"), max_length=32, choices=PHASE_CHOICES)
    # The council's figures are imported where its export gives them; otherwise they are
    # worked out from its schools' figures after each import.
    worked_out = models.BooleanField(_("worked out from the schools' figures"), default=False)
    source = models.ForeignKey(
        FiguresImport, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["area", "phase", "-year", "-half"]
        verbose_name = _("council or national figures")
        verbose_name_plural = _("council and national figures")
        constraints = [
            models.UniqueConstraint(
                fields=["area", "phase", "year", "half"], name="one_area_figures_per_half_term"
            )
        ]

    def __str__(self):
        return f"{self.get_area_display()}, {self.get_phase_display()}, {self.period}"


class SchoolStage(models.Model):
    """A school's place in the three-stage monitoring for one school year: flagged for a
    stage 1 audit when its attendance is under the threshold, then follow-up meetings
    (stage 2) and the central review (stage 3), each with its date and notes."""

    class Stage(models.IntegerChoices):
        AUDIT = 1, _("Stage 1: audit")
        FOLLOW_UP = 2, _("Stage 2: follow-up meetings")
        CENTRAL_REVIEW = 3, _("Stage 3: central review")

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="attendance_stages")
    year = models.PositiveSmallIntegerField(_("school year"))
    stage = models.PositiveSmallIntegerField(_("stage"), choices=Stage.choices)
    # The attendance that flagged the school, and when.
    flagged_attendance = models.DecimalField(
        _("attendance % when flagged"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    flagged_on = models.DateField(_("flagged on"), null=True, blank=True)
    audit_on = models.DateField(_("audit date"), null=True, blank=True)
    follow_up_on = models.DateField(_("follow-up meeting date"), null=True, blank=True)
    central_review_on = models.DateField(_("central review date"), null=True, blank=True)
    closed_on = models.DateField(_("closed on"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-year", "school__name"]
        verbose_name = _("school's monitoring stage")
        constraints = [
            models.UniqueConstraint(fields=["school", "year"], name="one_stage_per_school_year")
        ]

    def __str__(self):
        return f"{self.school.name}, {year_label(self.year)}: {self.get_stage_display()}"


class SupportMeeting(models.Model):
    """The termly targeting support meeting between the council and one school."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        HELD = "held", _("Held")
        CANCELLED = "cancelled", _("Cancelled")

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="support_meetings")
    year = models.PositiveSmallIntegerField(_("school year"))
    term = models.PositiveSmallIntegerField(_("term"), choices=TERM_CHOICES)
    starts_at = models.DateTimeField(_("date and time"))
    minutes = models.PositiveSmallIntegerField(
        _("length in minutes"),
        default=60,
        validators=[MinValueValidator(15), MaxValueValidator(480)],
    )
    place = models.CharField(_("where"), max_length=255, help_text=_("A room or a video call."))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.SCHEDULED
    )
    notes = models.TextField(_("notes of the meeting"), blank=True)
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("council officer"),
    )
    invited_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The calendar invitation's sequence: 0 first, one more each time it is sent again.
    sequence = models.PositiveIntegerField(default=0, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-starts_at"]
        verbose_name = _("targeting support meeting")
        constraints = [
            models.UniqueConstraint(
                fields=["school", "year", "term"], name="one_support_meeting_per_term"
            )
        ]
        indexes = [models.Index(fields=["year", "term", "status"])]

    def __str__(self):
        return f"{self.school.name}, {self.get_term_display()} {year_label(self.year)}"


class MeetingAction(models.Model):
    """An action agreed at a meeting, for a cohort or for one pupil (named by UPN or
    initials only: the portal keeps no pupil's name here)."""

    class Status(models.TextChoices):
        OPEN = "open", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("No longer needed")

    OPEN_STATUSES = (Status.OPEN, Status.IN_PROGRESS)

    meeting = models.ForeignKey(SupportMeeting, on_delete=models.CASCADE, related_name="actions")
    cohort = models.CharField(
        _("cohort"), max_length=120, blank=True, help_text=_("For example: Year 9 boys.")
    )
    pupil = models.CharField(_("pupil (UPN or initials)"), max_length=13, blank=True)
    action = models.TextField(_("action"))
    owner = models.CharField(_("owner"), max_length=120)
    due_on = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.OPEN
    )
    reminded_on = models.DateField(null=True, blank=True, editable=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["due_on", "pk"]
        verbose_name = _("agreed action")
        indexes = [models.Index(fields=["status", "due_on"])]

    def __str__(self):
        return self.action[:60]

    @property
    def is_open(self):
        return self.status in self.OPEN_STATUSES
