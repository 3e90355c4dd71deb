from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from shared.admin_parts import MenuItemFor, NarrowScreenListing
from shared.personal_data import HOOK_NAME as PERSONAL_DATA_HOOK
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK

from . import admin_views, personal_data, privacy_notice
from .dashboard import HOOK_NAME, DashboardPanel
from .demo import seed_accounts, seed_schools
from .models import Membership, School


class SchoolViewSet(NarrowScreenListing, SnippetViewSet):
    model = School
    icon = "home"
    menu_label = _("Schools")
    list_display = ["name", "urn", "phase", "locality", "postcode", "active"]
    list_filter = ["phase", "locality", "active"]
    search_fields = ["name", "urn", "postcode"]
    ordering = ["name"]
    panels = [
        FieldPanel("urn"),
        FieldPanel("name"),
        FieldPanel("phase"),
        FieldPanel("locality"),
        FieldPanel("postcode"),
        FieldPanel("active"),
    ]


class MembershipViewSet(NarrowScreenListing, SnippetViewSet):
    model = Membership
    icon = "user"
    menu_label = _("School users")
    list_display = [
        "user",
        Column(
            "email", label=_("Email address"), accessor=lambda membership: membership.user.email
        ),
        "school",
        "role",
    ]
    list_filter = ["role"]
    search_fields = ["user__email", "user__last_name", "school__name"]
    list_per_page = 50
    panels = [FieldPanel("user"), FieldPanel("school"), FieldPanel("role")]

    def get_queryset(self, request):
        return Membership.objects.select_related("user", "school")


class PartnersGroup(SnippetViewSetGroup):
    items = (SchoolViewSet, MembershipViewSet)
    menu_icon = "group"
    menu_label = _("Schools and users")
    menu_name = "schools"


register_snippet(PartnersGroup)


@hooks.register("register_admin_urls")
def invite_urls():
    return [
        path("portal/invite/", admin_views.invite_school_user, name="portal_invite"),
        path("portal/locked/", admin_views.locked_accounts, name="portal_locked_accounts"),
    ]


def _invites(user):
    return user.has_perm("portal.add_membership")


@hooks.register("register_admin_menu_item")
def invite_menu_item():
    return MenuItemFor(
        _("Invite a school user"),
        reverse("portal_invite"),
        shown_to=_invites,
        icon_name="mail",
        order=250,
    )


@hooks.register("register_admin_menu_item")
def locked_accounts_menu_item():
    return MenuItemFor(
        _("Locked accounts"),
        reverse("portal_locked_accounts"),
        shown_to=_invites,
        icon_name="lock",
        order=251,
    )


@hooks.register(HOOK_NAME)
def schools_panel(request):
    memberships = Membership.objects.filter(user=request.user, school__active=True).select_related(
        "school"
    )
    return DashboardPanel(
        title=_("Your schools"),
        template_name="portal/panels/schools.html",
        context={"memberships": list(memberships)},
        order=10,
    )


@hooks.register("register_demo_content")
def demo_schools():
    return seed_schools()


demo_schools.order = 10


@hooks.register("register_demo_content")
def demo_accounts():
    return seed_accounts()


demo_accounts.order = 20


hooks.register(PERSONAL_DATA_HOOK, personal_data.find_accounts)


# After the records schools keep with us on the privacy notice (shared.privacy_notice).
hooks.register(PRIVACY_NOTICE_HOOK, privacy_notice.entries, order=50)


# The warning before the idle sign-out (idle.py), in the admin too: these hooks have no
# request, so the script fetches the dialog for whoever is signed in (nothing for others).
@hooks.register("insert_global_admin_js")
def idle_warning_script():
    return format_html(
        '<script type="module" src="{}" data-idle-warning-url="{}"></script>',
        static("portal/js/admin-idle-warning.js"),
        reverse("portal:session-warning") + "?admin=1",
    )


@hooks.register("insert_global_admin_css")
def idle_warning_styles():
    return format_html(
        '<link rel="stylesheet" href="{}">', static("portal/css/admin-idle-warning.css")
    )
