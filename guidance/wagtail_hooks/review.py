"""The editors' dashboard panel: guidance overdue for review."""

from django.utils import timezone
from wagtail import hooks
from wagtail.admin.ui.components import Component

from ..models import GuidancePage


class OverdueReviewPanel(Component):
    name = "overdue_guidance"
    template_name = "guidance/admin/overdue_review_panel.html"
    order = 150
    limit = 20

    def get_context_data(self, parent_context):
        overdue = (
            GuidancePage.objects.filter(next_review__lt=timezone.localdate())
            .select_related("content_owner", "locale")
            .defer_streamfields()
            .order_by("next_review")
        )
        return {"pages": list(overdue[: self.limit]), "total": overdue.count()}


@hooks.register("construct_homepage_panels")
def add_overdue_review_panel(request, panels):
    if request.user.has_perm("wagtailadmin.access_admin"):
        panels.append(OverdueReviewPanel())
