from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import CachedPageMixin

from ..action_plan import STATUS_LABELS, action_rows, chosen_filters, csv_response, filters_query
from ..blocks import PARTNERS, AbsenceDataBlock, ActionBlock, PriorityBlock, RoleBlock


class StrategyPage(CachedPageMixin, RoutablePageMixin, Page):
    """The attendance strategy: vision, priorities, who does what, the action plan and
    how progress is monitored."""

    vision = RichTextField(features=["bold", "link", "ul"])
    priorities = StreamField([("priority", PriorityBlock())])
    roles = StreamField([("role", RoleBlock())], blank=True)
    action_plan = StreamField([("action", ActionBlock())], blank=True)
    absence_data = StreamField([("absence_data", AbsenceDataBlock())], blank=True)
    monitoring = RichTextField(features=["h3", "bold", "link", "ul", "ol"], blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("vision"),
        FieldPanel("priorities"),
        FieldPanel("roles"),
        FieldPanel("action_plan"),
        FieldPanel("absence_data"),
        FieldPanel("monitoring"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("vision"),
        index.SearchField("priorities"),
        index.SearchField("roles"),
        index.SearchField("action_plan"),
        index.SearchField("monitoring"),
    ]

    class Meta:
        verbose_name = _("strategy page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        filters = chosen_filters(request.GET, len(self.priorities))
        context.update(
            roles_by_partner=self.roles_by_partner(),
            filters=filters,
            actions=action_rows(self, filters),
            action_count=len(self.action_plan),
            priority_choices=[
                (number, block.value["title"]) for number, block in enumerate(self.priorities, 1)
            ],
            status_choices=list(STATUS_LABELS.items()),
            csv_url=self.get_url(request)
            + self.reverse_subpage("action_plan_csv")
            + filters_query(filters),
        )
        return context

    def roles_by_partner(self):
        """Each partner's responsibilities, partners in the strategy's usual order."""
        grouped = {partner: [] for partner, _label in PARTNERS}
        for block in self.roles:
            grouped.setdefault(block.value["partner"], []).append(block.value["responsibilities"])
        labels = dict(PARTNERS)
        return [
            {"partner": labels.get(partner, partner), "responsibilities": items}
            for partner, items in grouped.items()
            if items
        ]

    # Cached like the page itself: the file depends only on the published page and the
    # query string, sets no cookie, and the cache empties whenever anything is published.
    @path("action-plan-csv/", name="action_plan_csv")
    def action_plan_csv(self, request):
        filters = chosen_filters(request.GET, len(self.priorities))
        return csv_response(action_rows(self, filters), f"{self.slug}-action-plan.csv")
