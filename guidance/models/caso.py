"""The Community Around the School Offer: the agencies that support each school's pupils
and families, and the page where anyone finds a school's list."""

from collections import defaultdict
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db import models
from django.db.models import Case, Count, Prefetch, Q, Value, When, Window
from django.db.models.functions import RowNumber
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import Http404, JsonResponse
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
from shared.listing import chosen_values, pagination

# A contact's place in its type's list: by service, then team; the key makes it total, so
# that pages of a list neither repeat nor skip a contact.
LIST_ORDER = ("service_name", "team", "pk")


def _serves(school):
    """A condition true of the contacts on one school's list."""
    return _reaching([school.pk], [school.locality])


def _reaching(school_ids, localities):
    """Countywide, named for one of these schools, or working in one of these localities.
    Uncorrelated subqueries (IN), each read once through its index: an EXISTS per
    contact cost PostgreSQL 2-3 times as much over a county's 10,000 contacts."""
    named = AgencyContact.schools.through.objects.filter(school_id__in=school_ids)
    local = AgencyLocality.objects.filter(name__in=localities)
    return (
        Q(countywide=True)
        | Q(pk__in=named.values("agencycontact_id"))
        | Q(pk__in=local.values("contact_id"))
    )


def _first_places(rows, partition, order, limit):
    """Rows numbered within each `partition`, in `order`; only the first `limit`."""
    place = Window(RowNumber(), partition_by=partition, order_by=order)
    return rows.annotate(place=place).filter(place__lte=limit)


class AgencyContactQuerySet(models.QuerySet):
    def reaching(self, schools):
        """Contacts on any of these schools' lists: countywide ones, those working in a
        school's locality and those named for a school."""
        return self.filter(
            _reaching([school.pk for school in schools], {school.locality for school in schools})
        )

    def serving(self, schools):
        """`reaching`, each contact with its localities and, as `named_schools`, which of
        these schools it is named for: a fixed number of queries however many there are."""
        school_ids = [school.pk for school in schools]
        return self.reaching(schools).prefetch_related(
            "localities",
            Prefetch(
                "schools",
                queryset=School.objects.filter(pk__in=school_ids).only("pk"),
                to_attr="named_schools",
            ),
        )

    def in_list_order(self):
        """Types in the order they are declared, each type's contacts in LIST_ORDER."""
        declared = Case(
            *(
                When(category=value, then=Value(place))
                for place, value in enumerate(AgencyContact.Category.values)
            ),
            output_field=models.IntegerField(),
        )
        return self.order_by(declared, *LIST_ORDER)

    def category_counts(self, schools):
        """{school pk: {type: how many contacts of it are on the school's list}}, counted
        in the database: one query, a row per type, whatever the number of contacts."""
        columns = {f"school_{school.pk}": Count("pk", filter=_serves(school)) for school in schools}
        rows = list(self.reaching(schools).order_by().values("category").annotate(**columns))
        return {
            school.pk: {
                row["category"]: row[f"school_{school.pk}"]
                for row in rows
                if row[f"school_{school.pk}"]
            }
            for school in schools
        }

    def first_in_each_category(self, schools, limit):
        """{school pk: {type: its first `limit` contacts on the school's list}}, in
        LIST_ORDER, from four queries (and any prefetching this queryset asks for) however many
        contacts and schools there are.

        A school's list is the countywide contacts, those named for it and those of its
        locality. A contact among the first few of the list is among the first few of the
        part it comes from, so the first few of each part (numbered in the database) are
        the only candidates; one more query puts the candidates in order. This queryset
        may choose the fields and related rows fetched, not narrow the contacts."""
        through = AgencyContact.schools.through
        countywide = set(
            _first_places(
                AgencyContact.objects.filter(countywide=True), ["category"], LIST_ORDER, limit
            ).values_list("pk", flat=True)
        )
        named = _first_places(
            through.objects.filter(school_id__in=[school.pk for school in schools]),
            ["school_id", "agencycontact__category"],
            ["agencycontact__service_name", "agencycontact__team", "agencycontact_id"],
            limit,
        ).values_list("school_id", "agencycontact_id")
        local = _first_places(
            AgencyLocality.objects.filter(name__in={school.locality for school in schools}),
            ["name", "contact__category"],
            ["contact__service_name", "contact__team", "contact_id"],
            limit,
        ).values_list("name", "contact_id")
        candidates = {school.pk: set(countywide) for school in schools}
        for school_id, contact_id in named:
            candidates[school_id].add(contact_id)
        in_locality = defaultdict(set)
        for name, contact_id in local:
            in_locality[name].add(contact_id)
        for school in schools:
            candidates[school.pk] |= in_locality[school.locality]
        ordered = list(self.filter(pk__in=set().union(*candidates.values())).order_by(*LIST_ORDER))
        firsts = {}
        for school in schools:
            groups = firsts[school.pk] = defaultdict(list)
            for contact in ordered:
                if contact.pk in candidates[school.pk] and len(groups[contact.category]) < limit:
                    groups[contact.category].append(contact)
        return firsts


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

    Routes: the finder (this page), a school's list at school/<urn>/ (each type of
    support's first few contacts), each type's whole list a page at a time
    (type/<category>/), and the whole list printable (print/), as a spreadsheet
    (contacts.csv) and as data a page at a time (contacts.json).
    Every route costs a fixed number of queries, however many contacts there are."""

    introduction = RichTextField(features=["bold", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = []
    template = "guidance/caso/caso_directory_page.html"

    # A search matching more schools than this asks the visitor to narrow it.
    MATCH_LIMIT = 50
    # A school's page shows this many contacts of each type; the rest are a link away.
    FIRST_FEW = 3
    # Contacts on each page of a type's list, and of the list as data.
    PER_PAGE = 20
    JSON_PER_PAGE = 100

    class Meta:
        verbose_name = _("CASO directory page")

    @path("", name="finder")
    def finder(self, request):
        text = " ".join(request.GET.get("school", "").split())[:100]
        localities = School.objects.active().localities()
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
        """Each type of support with its count and its first few contacts; a type with
        more links to its own list. The page's size does not grow with the contacts."""
        school, chosen = self.school_and_choice(request, urn)
        counts = AgencyContact.objects.category_counts([school])[school.pk]
        firsts = AgencyContact.objects.serving([school]).first_in_each_category(
            [school], self.FIRST_FEW
        )[school.pk]
        url = self.school_url(request, school)
        groups = []
        for value, label in AgencyContact.Category.choices:
            if counts.get(value) and (not chosen or value in chosen):
                contacts = self.described(firsts[value], school)
                more = counts[value] > len(contacts)
                groups.append(
                    {
                        "value": value,
                        "label": label,
                        "count": counts[value],
                        "contacts": contacts,
                        "url": self.category_url(url, value) if more else None,
                    }
                )
        context = {
            **self.links(request, school, chosen),
            "groups": groups,
            "total": sum(counts.values()),
            "shown": sum(group["count"] for group in groups),
            "category_options": [
                {
                    "value": value,
                    "label": label,
                    "count": counts[value],
                    "checked": value in chosen,
                }
                for value, label in AgencyContact.Category.choices
                if value in counts
            ],
            "breadcrumbs": self.breadcrumbs(request),
        }
        return self.render(request, template="guidance/caso/school.html", context_overrides=context)

    @path("school/<str:urn>/type/<str:category>/", name="school_category")
    def school_category(self, request, urn, category):
        """One type of support's contacts for a school, a page at a time. A page number
        that is not one shows the first page; one past the end, the last."""
        school = self.find_school(urn)
        if category not in AgencyContact.Category.values:
            raise Http404
        contacts = (
            AgencyContact.objects.serving([school]).filter(category=category).order_by(*LIST_ORDER)
        )
        page_obj = Paginator(contacts, self.PER_PAGE).get_page(request.GET.get("page"))
        url = self.school_url(request, school)
        context = {
            "school": school,
            "category_label": AgencyContact.Category(category).label,
            "contacts": self.described(page_obj, school),
            "page_obj": page_obj,
            "pagination": pagination(page_obj, {}),
            "school_url": url,
            "print_url": self.suffixed(url, "print/", urlencode({"category": category})),
            "breadcrumbs": [
                *self.breadcrumbs(request),
                {"text": school.name, "href": url},
            ],
        }
        return self.render(
            request, template="guidance/caso/school_category.html", context_overrides=context
        )

    @path("school/<str:urn>/print/", name="school_print")
    def school_print(self, request, urn):
        """Deliberately every contact of the types chosen, to print or save: its size grows
        with them, its queries do not."""
        school, chosen = self.school_and_choice(request, urn)
        context = {
            **self.links(request, school, chosen),
            "groups": group_by_category(self.full_list(school, chosen)),
            "breadcrumbs": self.breadcrumbs(request),
        }
        return self.render(
            request, template="guidance/caso/school_print.html", context_overrides=context
        )

    # guidance/urls.py hands addresses ending .json and .csv to Wagtail, whose routes
    # see every path with a slash added.
    @path("school/<str:urn>/contacts.json/", name="school_json")
    def school_json(self, request, urn):
        """The list as data, JSON_PER_PAGE contacts at a time (`page`, with `next` and
        `previous` addresses), and how many there are of each type."""
        school, chosen = self.school_and_choice(request, urn)
        counts = AgencyContact.objects.category_counts([school])[school.pk]
        contacts = AgencyContact.objects.serving([school]).in_list_order()
        if chosen:
            contacts = contacts.filter(category__in=chosen)
        page_obj = Paginator(contacts, self.JSON_PER_PAGE).get_page(request.GET.get("page"))
        links = pagination(page_obj, {"category": chosen})
        data = {
            "school": {"urn": school.urn, "name": school.name, "locality": school.locality},
            "categories": [
                {"category": value, "category_name": str(label), "count": counts[value]}
                for value, label in AgencyContact.Category.choices
                if value in counts and (not chosen or value in chosen)
            ],
            "count": page_obj.paginator.count,
            "page": page_obj.number,
            "pages": page_obj.paginator.num_pages,
            "previous": links["previous"] and request.build_absolute_uri(links["previous"]),
            "next": links["next"] and request.build_absolute_uri(links["next"]),
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
                for contact in self.described(page_obj, school)
            ],
        }
        return JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})

    @path("school/<str:urn>/contacts.csv/", name="school_csv")
    def school_csv(self, request, urn):
        """Every contact of the types chosen: a spreadsheet is where the whole list goes."""
        school, chosen = self.school_and_choice(request, urn)
        heading = [
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
        rows = (
            [
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
            for contact in self.each_described(
                self.chosen_contacts(school, chosen).iterator(chunk_size=500), school
            )
        )
        return spreadsheets.csv_download(f"community-support-{school.urn}.csv", heading, rows)

    def school_url(self, request, school):
        return self.get_url(request) + self.reverse_subpage("school", kwargs={"urn": school.urn})

    def category_url(self, school_url, category):
        """A type's own list, from the school's address (`school_url`)."""
        return f"{school_url}type/{category}/"

    @staticmethod
    def find_school(urn):
        """An open school by URN (spaces ignored); closed and unknown schools are not found."""
        return get_object_or_404(School.objects.active(), urn="".join(urn.split()))

    def school_and_choice(self, request, urn):
        """The school, and the types of support asked for (unknown ones are ignored)."""
        chosen = chosen_values(request.GET.getlist("category"), AgencyContact.Category.values)
        return self.find_school(urn), chosen

    def links(self, request, school, chosen):
        """The school and the addresses of its list: the page, printable and downloads,
        each narrowed to the types chosen."""
        query = urlencode([("category", value) for value in chosen])
        url = self.school_url(request, school)
        return {
            "school": school,
            "chosen": chosen,
            "school_url": url,
            "print_url": self.suffixed(url, "print/", query),
            "csv_url": self.suffixed(url, "contacts.csv", query),
            "json_url": self.suffixed(url, "contacts.json", query),
        }

    def full_list(self, school, chosen):
        """Every contact on the school's list of the types chosen, in list order."""
        return self.described(self.chosen_contacts(school, chosen), school)

    def chosen_contacts(self, school, chosen):
        contacts = AgencyContact.objects.serving([school]).in_list_order()
        if chosen:
            contacts = contacts.filter(category__in=chosen)
        return contacts

    def described(self, contacts, school):
        """Contacts (fetched with `serving`) with why each is on the school's list."""
        return list(self.each_described(contacts, school))

    def each_described(self, contacts, school):
        for contact in contacts:
            contact.named_for_school = bool(contact.named_schools)
            contact.serves = self.serves(contact, school)
            yield contact

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
