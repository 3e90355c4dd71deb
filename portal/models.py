"""The partner core: schools, the people who act for them, and their accounts."""

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A person who signs in. School users sign in with their email address, which is
    also their username; staff are found by the same address."""

    email = models.EmailField(_("email address"), unique=True)
    # The language they last chose with the language switcher; applied when they sign in.
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, blank=True
    )

    def save(self, *args, **kwargs):
        self.email = (self.email or "").strip().lower()
        if not self.username:
            self.username = self.email
        super().save(*args, **kwargs)

    def __str__(self):
        return self.get_full_name() or self.email


class SchoolQuerySet(models.QuerySet):
    def active(self):
        return self.filter(active=True)

    def localities(self):
        """The localities of these schools, each once, in order: what a filter offers."""
        return list(self.order_by("locality").values_list("locality", flat=True).distinct())


class School(models.Model):
    class Phase(models.TextChoices):
        NURSERY = "nursery", _("Nursery")
        PRIMARY = "primary", _("Primary")
        SECONDARY = "secondary", _("Secondary")
        SPECIAL = "special", _("Special")
        ALL_THROUGH = "all_through", _("All-through")
        ALTERNATIVE_PROVISION = "alternative_provision", _("Alternative provision")

    # Unique Reference Number from Get Information about Schools: six digits.
    urn = models.CharField(_("URN"), max_length=8, unique=True)
    name = models.CharField(_("name"), max_length=255)
    phase = models.CharField(_("phase"), max_length=32, choices=Phase.choices)
    locality = models.CharField(_("locality"), max_length=100, db_index=True)
    postcode = models.CharField(_("postcode"), max_length=10)
    active = models.BooleanField(_("active"), default=True)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        verbose_name = _("school")

    def __str__(self):
        return f"{self.name} ({self.urn})"


class Membership(models.Model):
    """A user's role at one school. A user may belong to several schools."""

    class Role(models.TextChoices):
        HEADTEACHER = "headteacher", _("Headteacher")
        ATTENDANCE_LEAD = "attendance_lead", _("Attendance lead")
        DSL = "dsl", _("Designated safeguarding lead")
        GOVERNOR = "governor", _("Governor")
        OFFICE = "office", _("Office staff")

    # Governors oversee; they read their school's records but do not act for it.
    READ_ONLY_ROLES = frozenset({Role.GOVERNOR})

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="memberships")
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="memberships")
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "school"], name="one_membership_per_school")
        ]
        ordering = ["school__name"]
        verbose_name = _("school membership")

    def __str__(self):
        return f"{self.user} – {self.get_role_display()}, {self.school.name}"

    @property
    def acts_for_school(self):
        return self.role not in self.READ_ONLY_ROLES
