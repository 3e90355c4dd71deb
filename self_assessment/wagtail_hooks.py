"""The self-assessment in the Wagtail admin (the framework for editors, the council view
for attendance officers), its partner dashboard panel and its demo content."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.generic import EditView, IndexView
from wagtail.admin.viewsets.model import ModelViewSet

from portal import access
from portal.dashboard import HOOK_NAME as DASHBOARD_HOOK
from portal.dashboard import DashboardPanel
from portal.models import School
from shared.admin_parts import MenuItemFor, NarrowScreenListing
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK
from shared.retention import HOOK_NAME as RETENTION_HOOK
from shared.support_agenda import HOOK_NAME as SUPPORT_AGENDA_HOOK
from shared.support_agenda import AgendaSection
from shared.times import day

from . import admin_views, privacy_notice, services, tasks
from .demo import seed_assessments, seed_framework
from .models import Action, Assessment, FrameworkVersion


class FrameworkIndexView(IndexView):
    def get_base_queryset(self):
        return super().get_base_queryset().annotate(statement_count=Count("statements"))


class FrameworkEditView(EditView):
    """A published version is frozen: assessments were answered against its wording."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm("self_assessment.change_frameworkversion"):
            raise PermissionDenied  # before saying anything about the version
        version = get_object_or_404(FrameworkVersion, pk=kwargs.get("pk"))
        if version.is_published:
            messages.error(
                request,
                _("“%(name)s” is published and cannot change. Copy it as a new draft to edit it.")
                % {"name": version.name},
            )
            return redirect("self_assessment_framework:index")
        return super().dispatch(request, *args, **kwargs)


def _framework_actions(version):
    """Links in the list: publish a draft, or copy any version as a new draft."""
    links = []
    if not version.is_published:
        links.append(
            (reverse("self_assessment_framework:publish", args=[version.pk]), _("Publish"))
        )
    links.append((reverse("self_assessment_framework:copy", args=[version.pk]), _("Copy as draft")))
    return format_html_join(
        " ", '<a class="button button-small button-secondary" href="{}">{}</a>', links
    )


def _confirm(request, version, action, question):
    """GET asks; POST (with the admin's CSRF token) does it."""
    return TemplateResponse(
        request,
        "self_assessment/admin/confirm.html",
        {
            "header_title": question,
            "page_title": question,
            "version": version,
            "action": action,
            "question": question,
        },
    )


def publish_version(request, pk):
    if not request.user.has_perm("self_assessment.change_frameworkversion"):
        raise PermissionDenied
    version = get_object_or_404(FrameworkVersion, pk=pk)
    if request.method != "POST":
        return _confirm(
            request, version, _("Publish"), _("Publish “%(name)s”?") % {"name": version.name}
        )
    if not version.statements.exists():
        messages.error(request, _("Add statements before publishing."))
    else:
        version.publish()
        messages.success(request, _("“%(name)s” is published.") % {"name": version.name})
    return redirect("self_assessment_framework:index")


def copy_version(request, pk):
    if not request.user.has_perm("self_assessment.add_frameworkversion"):
        raise PermissionDenied
    version = get_object_or_404(FrameworkVersion, pk=pk)
    if request.method != "POST":
        return _confirm(
            request,
            version,
            _("Copy as draft"),
            _("Copy “%(name)s” as a new draft?") % {"name": version.name},
        )
    draft = version.copy_as_draft(_("%(name)s (draft copy)") % {"name": version.name})
    messages.success(request, _("Draft “%(name)s” created.") % {"name": draft.name})
    return redirect("self_assessment_framework:edit", draft.pk)


class FrameworkViewSet(NarrowScreenListing, ModelViewSet):
    model = FrameworkVersion
    icon = "list-ol"
    menu_label = gettext_lazy("Self-assessment framework")
    menu_order = 230
    add_to_admin_menu = True
    index_view_class = FrameworkIndexView
    edit_view_class = FrameworkEditView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = [
        "name",
        Column("published_at", label=gettext_lazy("Published")),
        Column("statement_count", label=gettext_lazy("Statements")),
        Column("actions", label=gettext_lazy("Actions"), accessor=_framework_actions),
    ]

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path("<int:pk>/publish/", publish_version, name="publish"),
            path("<int:pk>/copy/", copy_version, name="copy"),
        ]


@hooks.register("register_admin_viewset")
def framework_viewset():
    return FrameworkViewSet("self_assessment_framework")


@hooks.register("register_admin_urls")
def council_urls():
    return [
        path(
            "self-assessment/council/",
            admin_views.CouncilView.as_view(),
            name="self_assessment_council",
        )
    ]


@hooks.register("register_admin_menu_item")
def council_menu_item():
    return MenuItemFor(
        gettext_lazy("Self-assessments"),
        reverse("self_assessment_council"),
        icon_name="table",
        order=240,
        shown_to=admin_views.may_use,
    )


@hooks.register(DASHBOARD_HOOK)
def self_assessment_panel(request):
    """The user's schools: the assessment in progress, the latest report, open actions."""
    school_ids = access.school_ids_visible_to(request.user)
    if not school_ids:
        return None
    schools = list(School.objects.filter(pk__in=school_ids))
    assessments = Assessment.objects.filter(school_id__in=school_ids).order_by("-started_at")
    current, latest = {}, {}
    for assessment in assessments:
        if assessment.is_submitted:
            latest.setdefault(assessment.school_id, assessment)
        else:
            current[assessment.school_id] = assessment
    completed, areas = {}, 0
    if current:  # only then are progress figures shown
        completed = dict(
            Assessment.objects.filter(pk__in=[a.pk for a in current.values()])
            .annotate(done=Count("completions"))
            .values_list("pk", "done")
        )
        areas = len(services.all_areas())
    open_actions = list(
        Action.objects.filter(school_id__in=school_ids, status__in=Action.OPEN).order_by("due_date")
    )
    rows = []
    for school in schools:
        now = current.get(school.pk)
        rows.append(
            {
                "school": school,
                "current": now,
                "completed": completed.get(now.pk, 0) if now else 0,
                "areas": areas,
                "latest": latest.get(school.pk),
                "actions": [a for a in open_actions if a.school_id == school.pk][:5],
                "open_count": sum(1 for a in open_actions if a.school_id == school.pk),
                "can_act": school.pk in access.school_ids_acting_for(request.user),
            }
        )
    return DashboardPanel(
        title=_("Self-assessment"),
        template_name="self_assessment/panels/self_assessment.html",
        context={"rows": rows},
        order=40,
    )


@hooks.register("register_demo_content")
def demo_framework():
    return seed_framework()


demo_framework.order = 76


@hooks.register("register_demo_content")
def demo_assessments():
    return seed_assessments()


demo_assessments.order = 77

# Its records past their retention period, for privacy's retention_purge command.
hooks.register(RETENTION_HOOK, tasks.retention_report)

# After the returns' entry on the privacy notice (shared.privacy_notice).
hooks.register(PRIVACY_NOTICE_HOOK, privacy_notice.entries, order=30)


AGENDA_AREAS = 3  # the lowest-rated areas shown
AGENDA_ACTIONS = 7  # then the open action-plan items, soonest due first
TOP_LEVEL = 4


@hooks.register(SUPPORT_AGENDA_HOOK)
def priorities_for_agenda(school, today):
    """A targeting support meeting's agenda (shared.support_agenda): the priorities of
    the school's latest submitted self-assessment (its lowest-rated areas, scored as its
    report scores them) and its open action-plan items. Four queries; five when more
    items are open than fit."""
    latest = services.latest_submitted(school.pk)
    lines, areas = [], []
    if latest is not None:
        scores = services.scores_by_area([latest.pk])[latest.pk]
        ranked = sorted(
            (area for area in services.all_areas() if area.pk in scores),
            key=lambda area: (scores[area.pk], area.order),
        )
        areas = [area for area in ranked if scores[area.pk] < TOP_LEVEL][:AGENDA_AREAS]
        lines += [
            _("Lowest-rated area: %(area)s, %(level)s out of 4 (%(year)s)")
            % {"area": area.name, "level": f"{scores[area.pk]:.1f}", "year": latest.year_label}
            for area in areas
        ]
    open_actions = Action.objects.filter(school=school, status__in=Action.OPEN).order_by(
        "due_date", "pk"
    )
    shown = list(open_actions.values("title", "due_date")[: AGENDA_ACTIONS + 1])
    action_count = len(shown) if len(shown) <= AGENDA_ACTIONS else open_actions.count()
    lines += [
        _("Open action: %(action)s (due %(due)s)")
        % {"action": row["title"], "due": day(row["due_date"])}
        for row in shown[:AGENDA_ACTIONS]
    ]
    if latest is None and not shown:
        lines = [_("The school has not submitted a self-assessment yet.")]
    return AgendaSection(
        key="self_assessment",
        title=_("Self-assessment priorities"),
        count=len(areas) + action_count,
        lines=lines,
        url=reverse("self_assessment_council"),
        order=30,
    )
