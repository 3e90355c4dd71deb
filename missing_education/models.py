"""A child missing education case (Education Act 1996 s436A), its enquiries and its
history. A case is opened by a school's roll-change notice (shared/roll_changes.py) or
by any council officer's referral; the pupil tracking officer makes enquiries until the
child is found, known to have moved away or to be home educated, or is not found."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.models import School


class Case(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        ENQUIRIES = "enquiries", _("Enquiries under way")
        FOUND = "found", _("Found, closing")
        CLOSED = "closed", _("Closed")

    class Source(models.TextChoices):
        ROLL_CHANGE = "roll_change", _("A school's roll-change notice")
        REFERRAL = "referral", _("An officer's referral")

    class Outcome(models.TextChoices):
        IN_SCHOOL = "in_school", _("Found in a school")
        MOVED_AWAY = "moved_away", _("Moved away, the receiving council told")
        HOME_EDUCATED = "home_educated", _("Home educated")
        NOT_FOUND = "not_found", _("Not found, passed on")

    OPEN_STATUSES = (Status.OPEN, Status.ENQUIRIES, Status.FOUND)

    # The child
    first_name = models.CharField(max_length=100)
    last_name = models.CharField(max_length=100)
    date_of_birth = models.DateField(null=True, blank=True)
    upn = models.CharField(max_length=13, blank=True)
    last_school = models.ForeignKey(
        School,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="missing_education_cases",
    )
    last_address = models.TextField(blank=True)
    parents = models.TextField(blank=True)
    # Where the case came from
    source = models.CharField(max_length=20, choices=Source.choices)
    # The notice's reference: one case per notice, however often the hook is asked.
    notice_reference = models.CharField(max_length=40, unique=True, null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)
    referred_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    referred_by_service = models.CharField(max_length=40, blank=True)
    reason = models.TextField()
    safeguarding = models.TextField(blank=True)
    # The work
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.OPEN)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="missing_education_cases",
    )  # fmt: skip
    opened_at = models.DateTimeField(default=timezone.now, db_index=True)
    next_step = models.CharField(max_length=300, blank=True)
    next_step_due = models.DateField(null=True, blank=True, db_index=True)
    reminded_on = models.DateField(null=True, blank=True)
    school_asked = models.TextField(blank=True)
    # Pupil Registration Regulations 2006 reg 9(1)(h)(iii): the pupil may come off the
    # roll after 20 school days' continuous unauthorised absence and enquiries by both.
    absent_since = models.DateField(null=True, blank=True)
    removal_agreed_on = models.DateField(null=True, blank=True)
    # The outcome, when closed
    outcome = models.CharField(max_length=20, choices=Outcome.choices, blank=True)
    found_school = models.ForeignKey(
        School, null=True, blank=True,
        on_delete=models.SET_NULL, related_name="+",
    )  # fmt: skip
    receiving_council = models.CharField(max_length=200, blank=True)
    council_told_on = models.DateField(null=True, blank=True)
    passed_on_to = models.CharField(max_length=200, blank=True)
    passed_on_on = models.DateField(null=True, blank=True)
    outcome_notes = models.TextField(blank=True)
    outcome_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    outcome_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-opened_at", "-pk"]
        verbose_name = _("children missing education case")
        verbose_name_plural = _("children missing education cases")

    def __str__(self):
        return self.reference

    @property
    def reference(self):
        return f"CME-{self.pk:06d}" if self.pk else "CME-"

    @property
    def pupil_name(self):
        return f"{self.first_name} {self.last_name}"

    @property
    def is_open(self):
        return self.status != self.Status.CLOSED


class Enquiry(models.Model):
    """One enquiry: when, which of the usual checks, with whom, and what it found."""

    class Check(models.TextChoices):
        LAST_SCHOOL = "last_school", _("The last school")
        CTF = "ctf", _("Common Transfer File and school-to-school (S2S)")
        NEIGHBOURING_COUNCILS = "neighbouring_councils", _("Neighbouring councils")
        DESTINATION_COUNCIL = "destination_council", _("The council where the family may have gone")
        GP = "gp", _("Health: GP")
        HEALTH_VISITOR = "health_visitor", _("Health: health visitor")
        SCHOOL_NURSE = "school_nurse", _("Health: school nurse")
        SOCIAL_CARE = "social_care", _("Children's social care")
        POLICE = "police", _("Police")
        HOUSING = "housing", _("Housing")
        BENEFITS = "benefits", _("The council's benefits and revenues teams")
        BORDER_FORCE = "border_force", _("Border Force or the Home Office (travel abroad thought)")
        HOME_VISIT = "home_visit", _("Home visit")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="enquiries")
    made_on = models.DateField()
    checks = models.JSONField(default=list)
    contact = models.CharField(max_length=300, blank=True)
    outcome = models.TextField()
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-made_on", "-pk"]
        verbose_name = _("enquiry")
        verbose_name_plural = _("enquiries")

    def __str__(self):
        return f"{self.case.reference}: {self.made_on:%Y-%m-%d}"

    def check_labels(self):
        labels = dict(self.Check.choices)
        return [str(labels.get(code, code)) for code in self.checks]


class CaseEvent(models.Model):
    """The history of a case: who did what, and when."""

    class Kind(models.TextChoices):
        OPENED = "opened", _("Case opened")
        STATUS = "status", _("Status changed")
        NEXT_STEP = "next_step", _("Next step set")
        ASSIGNED = "assigned", _("Assigned")
        ENQUIRY = "enquiry", _("Enquiry recorded")
        REMOVAL = "removal", _("Removal from the roll agreed")
        OUTCOME = "outcome", _("Outcome recorded")
        REMINDED = "reminded", _("Reminder sent")

    case = models.ForeignKey(Case, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=20, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    from_status = models.CharField(max_length=20, blank=True)
    to_status = models.CharField(max_length=20, blank=True)
    note = models.TextField(blank=True)
    at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} {self.case_id} at {self.at:%Y-%m-%d %H:%M}"

    def status_labels(self):
        """(from, to) in the reader's language, for an event that changed the status."""
        labels = dict(Case.Status.choices)
        return labels.get(self.from_status, ""), labels.get(self.to_status, "")
