"""The audit log in the Wagtail admin: searchable and filterable by those who hold
audit.view_auditevent (the information governance group), and never editable: the
policy refuses add, change and delete to everyone, superusers included."""

import django_filters
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.generic import IndexView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

from shared.admin_parts import DateRangeInputs, NarrowScreenListing
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


class AuditEventIndexView(AuditedExportMixin, IndexView):
    audit_kind = "audit events"


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
    list_display = ["at", "actor_label", "action", "kind", "label", "service", "detail"]
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
