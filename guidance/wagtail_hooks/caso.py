"""Wagtail hooks: CASO contacts as snippets with CSV import and export, the school
users' dashboard panel, and the demo directory."""

from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import IndexView, SnippetViewSet

from home.localize import active_locale
from portal.access import schools_visible_to
from portal.dashboard import HOOK_NAME as DASHBOARD_PANEL_HOOK
from portal.dashboard import DashboardPanel
from shared.admin_parts import NarrowScreenListing, PlainColumn
from shared.times import day_then_clock

from .. import admin_views
from ..demo_caso import seed_caso
from ..models import AgencyContact, CasoDirectoryPage


def _serves(contact):
    if contact.countywide:
        return _("Countywide")
    return "; ".join(locality.name for locality in contact.localities.all())


class AgencyContactIndexView(IndexView):
    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        user = self.request.user
        if user.has_perm("guidance.view_agencycontact"):
            buttons.append(
                Button(_("Download all as CSV"), url=reverse("caso_export"), icon_name="download")
            )
        if user.has_perms(admin_views.IMPORT_PERMISSIONS):
            buttons.append(
                Button(_("Import from CSV"), url=reverse("caso_import"), icon_name="upload")
            )
        return buttons


class AgencyContactViewSet(NarrowScreenListing, SnippetViewSet):
    model = AgencyContact
    index_view_class = AgencyContactIndexView
    icon = "group"
    menu_label = _("CASO contacts")
    add_to_admin_menu = True
    menu_order = 310
    # The title keeps Wagtail's cell, with its menu of actions; the rest are written
    # straight out (PlainColumn), not through a template per cell: 50 rows at a time.
    list_display = [
        "service_name",
        PlainColumn("team", label=_("Team"), sort_key="team"),
        PlainColumn(
            "category", label=_("Type of support"), accessor="get_category_display",
            sort_key="category",
        ),
        PlainColumn("serves", label=_("Localities"), accessor=_serves),
        PlainColumn(
            "updated_at", label=_("Last changed"),
            accessor=lambda contact: day_then_clock(contact.updated_at), sort_key="updated_at",
        ),
    ]  # fmt: skip
    list_filter = ["category", "countywide"]
    # Plain database search: partial words match, and rows bulk-loaded outside Wagtail's
    # search index are found too.
    search_backend_name = None
    search_fields = ["service_name", "team", "helps_with"]
    list_per_page = 50

    def get_queryset(self, request):
        return AgencyContact.objects.prefetch_related("localities")


register_snippet(AgencyContactViewSet)


@hooks.register("register_admin_urls")
def caso_admin_urls():
    return [
        path("caso/import/", admin_views.import_view, name="caso_import"),
        path("caso/export/", admin_views.export_view, name="caso_export"),
    ]


def directory_page():
    """The live CASO directory in the visitor's language, else the first one."""
    pages = CasoDirectoryPage.objects.live().order_by("path")
    return pages.filter(locale=active_locale()).first() or pages.first()


# Contacts named on the panel for each type of support; the rest are on the school's list.
PANEL_FIRST_FEW = 3


@hooks.register(DASHBOARD_PANEL_HOOK)
def caso_panel(request):
    """Each of the user's own schools' types of support, each with its count and first
    few contacts, linked to the full list: counted and chosen in the database, a fixed
    number of queries however many contacts and schools there are."""
    schools = list(schools_visible_to(request.user).order_by("name"))
    if not schools:
        return None
    counts = AgencyContact.objects.category_counts(schools)
    firsts = AgencyContact.objects.only(
        "category", "service_name", "team", "phone"
    ).first_in_each_category(schools, PANEL_FIRST_FEW)
    directory = directory_page()
    entries = []
    for school in schools:
        url = directory.school_url(request, school) if directory else None
        groups = [
            {
                "label": label,
                "count": counts[school.pk][value],
                "contacts": firsts[school.pk][value],
                "more": counts[school.pk][value] - len(firsts[school.pk][value]),
                "url": directory.category_url(url, value) if url else None,
            }
            for value, label in AgencyContact.Category.choices
            if value in counts[school.pk]
        ]
        entries.append({"school": school, "groups": groups, "url": url})
    return DashboardPanel(
        title=_("Community support around your school"),
        template_name="guidance/caso/panel.html",
        context={"schools": entries},
        order=60,
    )


@hooks.register("register_demo_content")
def demo_caso():
    return seed_caso()


demo_caso.order = 50
