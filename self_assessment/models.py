"""The self-assessment: the framework editors keep (versions, statements, level
descriptors), schools' assessments and answers, and each school's action plan.

An area (Expect, Monitor, ...) keeps its identity across framework versions, so guidance
pages and training courses are tagged with the area itself, not with one version of it.
A statement keeps its `code` across versions, so answers carry across to a new version.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel

LEVELS = (1, 2, 3, 4)
LEVEL_NAMES = {
    1: _("Not yet in place"),
    2: _("Developing"),
    3: _("Established"),
    4: _("Embedded"),
}


class AssessmentArea(models.Model):
    slug = models.SlugField(unique=True)
    name = models.CharField(_("name"), max_length=100)
    order = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["order", "name"]
        verbose_name = _("assessment area")

    def __str__(self):
        return self.name


class FrameworkVersionQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False)

    def current(self):
        """The newest published version: the one new assessments start on."""
        return self.published().order_by("-published_at").first()


class FrameworkVersion(ClusterableModel):
    """One edition of the framework. A draft until published; a published version is frozen,
    so an assessment always reads the statements it was answered against."""

    name = models.CharField(_("name"), max_length=100, help_text=_("For example “2026 edition”."))
    introduction = models.TextField(_("introduction"), blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = FrameworkVersionQuerySet.as_manager()

    panels = [
        FieldPanel("name"),
        FieldPanel("introduction"),
        InlinePanel("statements", heading=_("Statements"), label=_("Statement")),
    ]

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("framework version")

    def __str__(self):
        return self.name

    @property
    def is_published(self):
        return self.published_at is not None

    def publish(self):
        if not self.is_published:
            self.published_at = timezone.now()
            self.save(update_fields=["published_at"])

    @transaction.atomic
    def copy_as_draft(self, name):
        """A new draft holding the same statements (same codes), for editors to change."""
        draft = FrameworkVersion.objects.create(name=name, introduction=self.introduction)
        Statement.objects.bulk_create(
            Statement(
                framework=draft,
                **{field: getattr(statement, field) for field in Statement.COPIED_FIELDS},
            )
            for statement in self.statements.all()
        )
        return draft


class Statement(models.Model):
    """What a school judges itself against, with what each level looks like and what a
    school at that level could do next (suggested actions, one a line)."""

    COPIED_FIELDS = [
        "area_id", "code", "sort_order", "text", "guidance", "evidence_prompts",
        "level_1", "level_2", "level_3", "level_4",
        "actions_1", "actions_2", "actions_3", "actions_4",
    ]  # fmt: skip

    framework = ParentalKey(FrameworkVersion, on_delete=models.CASCADE, related_name="statements")
    area = models.ForeignKey(AssessmentArea, on_delete=models.PROTECT, related_name="statements")
    code = models.SlugField(
        _("code"),
        max_length=40,
        help_text=_("Keep the same code in a new version so that schools' answers carry across."),
    )
    sort_order = models.PositiveSmallIntegerField(_("order in its area"), default=0)
    text = models.TextField(_("statement"))
    guidance = models.TextField(_("guidance"), blank=True)
    evidence_prompts = models.TextField(_("evidence prompts"), blank=True)
    level_1 = models.TextField(_("1 – not yet in place"))
    level_2 = models.TextField(_("2 – developing"))
    level_3 = models.TextField(_("3 – established"))
    level_4 = models.TextField(_("4 – embedded"))
    actions_1 = models.TextField(
        _("suggested actions at level 1"), blank=True, help_text=_("One a line.")
    )
    actions_2 = models.TextField(
        _("suggested actions at level 2"), blank=True, help_text=_("One a line.")
    )
    actions_3 = models.TextField(
        _("suggested actions at level 3"), blank=True, help_text=_("One a line.")
    )
    actions_4 = models.TextField(
        _("suggested actions at level 4"), blank=True, help_text=_("One a line.")
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("area"), FieldPanel("code"), FieldPanel("sort_order"), FieldPanel("text")],
            heading=_("Statement"),
        ),
        FieldPanel("guidance"),
        FieldPanel("evidence_prompts"),
        MultiFieldPanel(
            [FieldPanel(f"level_{level}") for level in LEVELS], heading=_("Level descriptors")
        ),
        MultiFieldPanel(
            [FieldPanel(f"actions_{level}") for level in LEVELS], heading=_("Suggested actions")
        ),
    ]

    class Meta:
        ordering = ["area__order", "sort_order", "pk"]
        verbose_name = _("statement")
        constraints = [
            models.UniqueConstraint(fields=["framework", "code"], name="one_code_per_framework")
        ]

    def __str__(self):
        return self.text

    def descriptor(self, level):
        return getattr(self, f"level_{level}")

    def suggested_actions(self, level):
        return [
            line.strip() for line in getattr(self, f"actions_{level}").splitlines() if line.strip()
        ]

    def wording(self):
        """What a school answered against: a change here means an answer carried across
        from an older version deserves a second look."""
        return (self.text, self.level_1, self.level_2, self.level_3, self.level_4)


def school_year_of(day):
    """The school year (1 September to 31 August) holding `day`, by its first calendar
    year: 2026 for 2026/27."""
    return day.year if day.month >= 9 else day.year - 1


def school_year_label(year):
    return f"{year}/{str(year + 1)[-2:]}"


class Assessment(models.Model):
    class Status(models.TextChoices):
        IN_PROGRESS = "in_progress", _("In progress")
        SUBMITTED = "submitted", _("Submitted")

    school = models.ForeignKey(
        "portal.School", on_delete=models.CASCADE, related_name="self_assessments"
    )
    framework = models.ForeignKey(
        FrameworkVersion, on_delete=models.PROTECT, related_name="assessments"
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.IN_PROGRESS)
    school_year = models.PositiveSmallIntegerField(_("school year"), db_index=True)
    carried_from = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("self-assessment")
        constraints = [
            models.UniqueConstraint(
                fields=["school"],
                condition=models.Q(status="in_progress"),
                name="one_assessment_in_progress_per_school",
            )
        ]

    def __str__(self):
        return f"{self.school.name}, {self.year_label}"

    @property
    def year_label(self):
        return school_year_label(self.school_year)

    @property
    def is_submitted(self):
        return self.status == self.Status.SUBMITTED


class Answer(models.Model):
    """One statement's answer in one assessment. `revision` goes up on every change, so a
    colleague's page that shows an older revision can tell it was changed meanwhile."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="answers")
    statement = models.ForeignKey(Statement, on_delete=models.PROTECT, related_name="answers")
    level = models.PositiveSmallIntegerField(null=True, blank=True)
    evidence = models.TextField(blank=True)
    # Set when carried from an older version whose wording of this statement differed.
    carried_note = models.CharField(max_length=300, blank=True)
    revision = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("answer")
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "statement"], name="one_answer_per_statement"
            ),
            models.CheckConstraint(
                condition=models.Q(level__isnull=True) | models.Q(level__gte=1, level__lte=4),
                name="answer_level_1_to_4",
            ),
        ]

    def __str__(self):
        return f"{self.statement.code}: {self.level or '-'}"

    def clean(self):
        if self.level is not None and self.level not in LEVELS:
            raise ValidationError({"level": _("Choose a level from 1 to 4.")})


class AreaCompletion(models.Model):
    """An area someone has marked as complete in an assessment."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="completions")
    area = models.ForeignKey(AssessmentArea, on_delete=models.CASCADE, related_name="+")
    completed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["assessment", "area"], name="one_completion_per_area")
        ]

    def __str__(self):
        return str(self.area)


class Action(models.Model):
    """One line of a school's action plan. The plan belongs to the school, not to one
    assessment, so it carries on from year to year."""

    class Status(models.TextChoices):
        NOT_STARTED = "not_started", _("Not started")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")

    OPEN = (Status.NOT_STARTED, Status.IN_PROGRESS)

    school = models.ForeignKey("portal.School", on_delete=models.CASCADE, related_name="actions")
    area = models.ForeignKey(
        AssessmentArea, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    statement_code = models.SlugField(max_length=40, blank=True)
    title = models.CharField(_("action"), max_length=300)
    owner = models.CharField(_("owner"), max_length=120)
    due_date = models.DateField(_("due date"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("action")

    def __str__(self):
        return self.title

    @property
    def is_open(self):
        return self.status in self.OPEN


class CouncilSummary(models.Model):
    """The council-wide figures of one school year, kept up to date when an assessment is
    submitted or deleted and when a school changes (summaries.py), so the council view and
    each report's phase average read one row instead of every school's answers.

    `figures` holds, per phase and locality of the active schools, how many have submitted
    (their latest submitted assessment of the year counts), per area the sum of those
    schools' area scores, and per statement code how many chose each level."""

    school_year = models.PositiveSmallIntegerField(unique=True)
    figures = models.JSONField(default=dict)
    worked_out_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("council summary")

    def __str__(self):
        return school_year_label(self.school_year)
