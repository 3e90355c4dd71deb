"""The guidance index page: the guidance a visitor filters by audience and topic."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.models import CachedPageMixin

from ..listing import guidance_list


class GuidanceIndexPage(CachedPageMixin, Page):
    introduction = RichTextField(features=["bold", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["guidance.GuidancePage"]

    class Meta:
        verbose_name = _("guidance index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(guidance_list(self, request))
        return context
