"""The Community Around the School Offer: the agencies that support each school's pupils
and families, and the page where anyone finds a school's list."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import CachedPageMixin


class AgencyContact(index.Indexed, ClusterableModel):
    class Category(models.TextChoices):
        HEALTH = "health", _("Health")
        SCHOOL_NURSING = "school_nursing", _("School nursing")
        MENTAL_HEALTH = "mental_health", _("Mental health (CAMHS)")
        EARLY_HELP = "early_help", _("Early help and locality support")
        SOCIAL_CARE = "social_care", _("Children's social care")
        SEND = "send", _("Special educational needs and disabilities")
        INCLUSION = "inclusion", _("Inclusion and attendance")
        VIRTUAL_SCHOOL = "virtual_school", _("Virtual school")
        POLICE = "police", _("Police")
        YOUTH_JUSTICE = "youth_justice", _("Youth justice")
        VOLUNTARY = "voluntary", _("Voluntary and community sector")
        HOUSING = "housing", _("Housing and family support")

    category = models.CharField(max_length=32, choices=Category.choices, db_index=True)
    service_name = models.CharField(max_length=150)
    team = models.CharField(max_length=150, blank=True)
    helps_with = models.TextField(help_text=_("What they help with, in plain words."))
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    website = models.URLField(blank=True)
    opening_hours = models.CharField(max_length=150, blank=True)
    how_to_refer = models.TextField(blank=True)
    countywide = models.BooleanField(
        default=False, help_text=_("Serves every school, whatever its locality.")
    )
    schools = models.ManyToManyField(
        "portal.School",
        blank=True,
        related_name="agency_contacts",
        help_text=_("Schools this contact is named for, beyond its localities."),
    )
    languages = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Languages spoken besides English, e.g. Polish, Urdu."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    panels = [
        FieldPanel("category"),
        FieldPanel("service_name"),
        FieldPanel("team"),
        FieldPanel("helps_with"),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("website"),
                FieldPanel("opening_hours"),
            ],
            heading=_("Contact details"),
        ),
        FieldPanel("how_to_refer"),
        MultiFieldPanel(
            [
                FieldPanel("countywide"),
                InlinePanel("localities", label=_("Localities served")),
                FieldPanel("schools"),
            ],
            heading=_("Who they serve"),
        ),
        FieldPanel("languages"),
    ]
    search_fields = [
        index.SearchField("service_name"),
        index.SearchField("team"),
        index.SearchField("helps_with"),
        index.AutocompleteField("service_name"),
        index.FilterField("category"),
    ]

    class Meta:
        ordering = ["category", "service_name"]
        verbose_name = _("agency contact")

    def __str__(self):
        return f"{self.service_name} ({self.get_category_display()})"


class AgencyLocality(Orderable):
    """A locality (as named on schools) whose schools this agency serves."""

    contact = ParentalKey(AgencyContact, on_delete=models.CASCADE, related_name="localities")
    name = models.CharField(max_length=100, db_index=True)

    panels = [FieldPanel("name")]

    class Meta(Orderable.Meta):
        constraints = [
            models.UniqueConstraint(fields=["contact", "name"], name="one_row_per_locality")
        ]

    def __str__(self):
        return self.name


class CasoDirectoryPage(CachedPageMixin, RoutablePageMixin, Page):
    """Find a school, see the agencies around it."""

    introduction = RichTextField(features=["bold", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = []

    class Meta:
        verbose_name = _("CASO directory page")
