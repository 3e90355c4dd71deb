"""The audit log in the Wagtail admin: searchable and filterable by those who hold
audit.view_auditevent (the information governance group), and never editable: the
policy refuses add, change and delete to everyone, superusers included."""

import django_filters
from django.utils.functional import cached_property
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from shared import times
from shared.admin_parts import (
    CappedCountPaginator,
    DateRangeInputs,
    LinkColumn,
    NarrowScreenListing,
    PlainColumn,
)
from shared.privacy_notice import HOOK_NAME as PRIVACY_NOTICE_HOOK

from . import privacy_notice
from .log import kinds, services
from .models import AuditEvent
from .views import AuditedExportMixin


class ReadOnlyPolicy(ModelPermissionPolicy):
    def user_has_permission(self, user, action):
        if action != "view":
            return False
        return super().user_has_permission(user, action)


register_permission_policy(AuditEvent, ReadOnlyPolicy(AuditEvent))


class AuditEventFilterSet(WagtailFilterSet):
    at = django_filters.DateFromToRangeFilter(label=_("When"), widget=DateRangeInputs)
    kind = django_filters.ChoiceFilter(label=_("Record"), choices=[])
    service = django_filters.ChoiceFilter(label=_("Service"), choices=[])

    class Meta:
        model = AuditEvent
        fields = ["action", "kind", "service", "at"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # From what writes to the log, not a DISTINCT over it: that grows with the log.
        self.filters["kind"].extra["choices"] = [(kind, kind) for kind in kinds()]
        self.filters["service"].extra["choices"] = [(code, code) for code in services()]


def label(name):
    return capfirst(AuditEvent._meta.get_field(name).verbose_name)


class AuditEventIndexView(AuditedExportMixin, IndexView):
    """A page of the log: when, who, what, which record, and the start of the detail
    (all of it on the event's own page). Sortable only where an index makes a page of a
    large log cheap to find; other orders are a filter or a search away."""

    audit_kind = "audit events"
    paginator_class = CappedCountPaginator
    DETAIL_SHOWN = 80  # characters: an export's filters can run to hundreds

    @cached_property
    def columns(self):
        return [
            LinkColumn(
                "at",
                "audit_log:inspect",
                label=label("at"),
                accessor=lambda event: times.day_then_clock(event.at),
                sort_key="at",
            ),
            PlainColumn("actor_label", label=label("actor_label")),
            PlainColumn(
                "action", label=label("action"), accessor="get_action_display", sort_key="action"
            ),
            PlainColumn("kind", label=label("kind"), sort_key="kind"),
            PlainColumn("label", label=label("label"), sort_key="label"),
            PlainColumn("service", label=label("service"), sort_key="service"),
            PlainColumn(
                "detail",
                label=label("detail"),
                accessor=lambda event: Truncator(event.detail).chars(self.DETAIL_SHOWN),
            ),
        ]


class AuditEventViewSet(NarrowScreenListing, ModelViewSet):
    model = AuditEvent
    icon = "history"
    menu_label = _("Audit log")
    menu_order = 900
    add_to_admin_menu = True
    inspect_view_enabled = True
    copy_view_enabled = False
    filterset_class = AuditEventFilterSet
    index_view_class = AuditEventIndexView
    list_export = [
        "at",
        "actor_label",
        "action",
        "kind",
        "record_id",
        "label",
        "service",
        "detail",
        "path",
        "client_address",
    ]
    export_filename = "audit-log"
    search_fields = ["actor_label", "label", "record_id", "detail"]
    search_backend_name = None  # exact references and addresses: plain database lookups
    ordering = ["-at", "-pk"]
    list_per_page = 50
    form_fields = ["detail"]  # never shown: the policy refuses add and change


@hooks.register("register_admin_viewset")
def register_audit_log():
    return AuditEventViewSet("audit_log")


# Last on the privacy notice: the log covers every record above (shared.privacy_notice).
hooks.register(PRIVACY_NOTICE_HOOK, privacy_notice.entries, order=60)
