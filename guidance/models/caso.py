"""The Community Around the School Offer: the agencies that support each school's pupils
and families, and the page where anyone finds a school's list."""

from urllib.parse import urlencode

from django.db import models
from django.db.models import Exists, OuterRef, Prefetch, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page
from wagtail.search import index

from home.models import CachedPageMixin
from home.page_cache import purge
from portal.models import School
from shared import spreadsheets


class AgencyContactQuerySet(models.QuerySet):
    def serving(self, schools):
        """Contacts for these schools: countywide ones, those working in a school's
        locality and those named for a school. Each comes with its localities and, as
        `named_schools`, which of these schools it is named for: a fixed number of
        queries however many contacts there are."""
        school_ids = [school.pk for school in schools]
        localities = {school.locality for school in schools}
        named = AgencyContact.schools.through.objects.filter(
            agencycontact_id=OuterRef("pk"), school_id__in=school_ids
        )
        local = AgencyLocality.objects.filter(contact_id=OuterRef("pk"), name__in=localities)
        return self.filter(Q(countywide=True) | Exists(named) | Exists(local)).prefetch_related(
            "localities",
            Prefetch(
                "schools",
                queryset=School.objects.filter(pk__in=school_ids).only("pk"),
                to_attr="named_schools",
            ),
        )


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

    objects = AgencyContactQuerySet.as_manager()

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

    def serves_school(self, school):
        """Is this contact (fetched with `serving`) on this school's list?"""
        return (
            self.countywide
            or any(named.pk == school.pk for named in self.named_schools)
            or any(locality.name == school.locality for locality in self.localities.all())
        )


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


def group_by_category(contacts):
    """Contacts in groups, one per category, in the order the categories are declared."""
    groups = {value: [] for value in AgencyContact.Category.values}
    for contact in contacts:
        groups[contact.category].append(contact)
    return [
        {"value": value, "label": AgencyContact.Category(value).label, "contacts": members}
        for value, members in groups.items()
        if members
    ]


def find_schools(text, locality="", limit=None):
    """Open schools whose URN is `text` (spaces ignored: "190 001") or whose name holds
    every word of it, optionally in one locality."""
    schools = School.objects.active()
    if locality:
        schools = schools.filter(locality=locality)
    urn = "".join(text.split())
    if urn.isdigit():
        return list(schools.filter(urn=urn))
    for word in text.split():
        schools = schools.filter(name__icontains=word)
    return list(schools.order_by("name")[:limit])


class CasoDirectoryPage(CachedPageMixin, RoutablePageMixin, Page):
    """Find a school, see the agencies around it.

    Routes: the finder (this page), a school's list at school/<urn>/, and the same list
    printable (print/), as a spreadsheet (contacts.csv) and as data (contacts.json).
    Every route costs a fixed number of queries, however many contacts there are."""

    introduction = RichTextField(features=["bold", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = []
    template = "guidance/caso/caso_directory_page.html"

    # A search matching more schools than this asks the visitor to narrow it.
    MATCH_LIMIT = 50

    class Meta:
        verbose_name = _("CASO directory page")

    @path("", name="finder")
    def finder(self, request):
        text = " ".join(request.GET.get("school", "").split())[:100]
        localities = list(
            School.objects.active()
            .order_by("locality")
            .values_list("locality", flat=True)
            .distinct()
        )
        locality = request.GET.get("locality", "")
        if locality not in localities:
            locality = ""  # an unknown locality is ignored, never an error
        context = {"text": text, "locality": locality, "localities": localities}
        if "school" in request.GET:
            if not text and not locality:
                context["error"] = gettext("Enter a school’s name or URN")
            else:
                schools = find_schools(text, locality, limit=self.MATCH_LIMIT + 1)
                if len(schools) == 1:
                    return redirect(self.school_url(request, schools[0]))
                context.update(
                    searched=True,
                    schools=schools[: self.MATCH_LIMIT],
                    more_schools=len(schools) > self.MATCH_LIMIT,
                )
        return self.render(request, context_overrides=context)

    @path("school/<str:urn>/", name="school")
    def school(self, request, urn):
        context = {**self.school_context(request, urn), "breadcrumbs": self.breadcrumbs(request)}
        return self.render(request, template="guidance/caso/school.html", context_overrides=context)

    @path("school/<str:urn>/print/", name="school_print")
    def school_print(self, request, urn):
        context = {**self.school_context(request, urn), "breadcrumbs": self.breadcrumbs(request)}
        return self.render(
            request, template="guidance/caso/school_print.html", context_overrides=context
        )

    # guidance/urls.py hands addresses ending .json and .csv to Wagtail, whose routes
    # see every path with a slash added.
    @path("school/<str:urn>/contacts.json/", name="school_json")
    def school_json(self, request, urn):
        context = self.school_context(request, urn)
        school = context["school"]
        data = {
            "school": {"urn": school.urn, "name": school.name, "locality": school.locality},
            "contacts": [
                {
                    "category": contact.category,
                    "category_name": str(contact.get_category_display()),
                    "service_name": contact.service_name,
                    "team": contact.team,
                    "helps_with": contact.helps_with,
                    "phone": contact.phone,
                    "email": contact.email,
                    "website": contact.website,
                    "opening_hours": contact.opening_hours,
                    "how_to_refer": contact.how_to_refer,
                    "languages": contact.languages,
                    "countywide": contact.countywide,
                    "localities": [locality.name for locality in contact.localities.all()],
                    "named_for_school": contact.named_for_school,
                }
                for contact in context["contacts"]
            ],
        }
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})

    @path("school/<str:urn>/contacts.csv/", name="school_csv")
    def school_csv(self, request, urn):
        context = self.school_context(request, urn)
        response = spreadsheets.csv_response(f"community-support-{context['school'].urn}.csv")
        writer = spreadsheets.writer(response)
        writer.writerow(
            [
                gettext("Type of support"),
                gettext("Service"),
                gettext("Team"),
                gettext("What they help with"),
                gettext("Telephone"),
                gettext("Email"),
                gettext("Website"),
                gettext("Opening hours"),
                gettext("How to refer"),
                gettext("Languages besides English"),
                gettext("Serves"),
            ]
        )
        for contact in context["contacts"]:
            row = [
                contact.get_category_display(),
                contact.service_name,
                contact.team,
                contact.helps_with,
                contact.phone,
                contact.email,
                contact.website,
                contact.opening_hours,
                contact.how_to_refer,
                contact.languages,
                "; ".join(contact.serves),
            ]
            writer.writerow(row)
        return response

    def school_url(self, request, school):
        return self.get_url(request) + self.reverse_subpage("school", kwargs={"urn": school.urn})

    def school_context(self, request, urn):
        """A school's contacts, grouped by category and narrowed to the categories asked
        for (unknown ones are ignored). Closed and unknown schools are not found."""
        school = get_object_or_404(School.objects.active(), urn="".join(urn.split()))
        contacts = list(AgencyContact.objects.serving([school]))
        for contact in contacts:
            contact.named_for_school = bool(contact.named_schools)
            contact.serves = self.serves(contact, school)
        present = {contact.category for contact in contacts}
        asked = dict.fromkeys(request.GET.getlist("category"))
        chosen = [value for value in asked if value in AgencyContact.Category.values]
        shown = [contact for contact in contacts if not chosen or contact.category in chosen]
        query = urlencode([("category", value) for value in chosen])
        url = self.school_url(request, school)
        return {
            "school": school,
            "contacts": shown,
            "groups": group_by_category(shown),
            "total": len(contacts),
            "chosen": chosen,
            "category_options": [
                {"value": value, "label": label, "checked": value in chosen}
                for value, label in AgencyContact.Category.choices
                if value in present
            ],
            "school_url": url,
            "print_url": self.suffixed(url, "print/", query),
            "csv_url": self.suffixed(url, "contacts.csv", query),
            "json_url": self.suffixed(url, "contacts.json", query),
        }

    def breadcrumbs(self, request):
        """A school's list sits below this page, so the trail ends with it."""
        ancestors = self.get_ancestors(inclusive=True).filter(depth__gt=1).defer_streamfields()
        return [{"text": page.title, "href": page.get_url(request)} for page in ancestors]

    @staticmethod
    def suffixed(url, suffix, query):
        return f"{url}{suffix}?{query}" if query else f"{url}{suffix}"

    @staticmethod
    def serves(contact, school):
        """Why a contact is on the school's list, in words."""
        if contact.countywide:
            return [gettext("Every school in the county")]
        lines = []
        names = [locality.name for locality in contact.localities.all()]
        if names:
            lines.append(gettext("Schools in %(places)s") % {"places": ", ".join(names)})
        if contact.named_for_school:
            lines.append(gettext("Named for %(school)s") % {"school": school.name})
        return lines


def _purge_page_cache(**kwargs):
    purge()


# The directory is served from the anonymous page cache: a change to a contact, or to a
# school (a closure, a new name), must show at once.
for _sender in (AgencyContact, AgencyLocality, School):
    post_save.connect(
        _purge_page_cache, sender=_sender, dispatch_uid=f"caso_save_{_sender.__name__}"
    )
    post_delete.connect(
        _purge_page_cache, sender=_sender, dispatch_uid=f"caso_delete_{_sender.__name__}"
    )
m2m_changed.connect(
    _purge_page_cache, sender=AgencyContact.schools.through, dispatch_uid="caso_schools_changed"
)
