from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from home.models import CachedPageMixin

from ..blocks import AbsenceDataBlock, ActionBlock, PriorityBlock, RoleBlock


class StrategyPage(CachedPageMixin, Page):
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
