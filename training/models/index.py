"""The training index page: every upcoming session of every course."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.models import CachedPageMixin

from ..listing import session_list

# What the index pages are stored under in the page cache: any change to a session or
# booking moves it, as each session shows whether it has places (training/cached_pages.py).
SESSIONS_PAGE_CACHE_NAME = "training-sessions"


class TrainingIndexPage(CachedPageMixin, Page):
    """Every upcoming session of every course, filtered by audience, month and format.
    The same for every visitor, so anonymous visitors are served it from the page cache."""

    introduction = RichTextField(features=["bold", "link"], blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction")]
    subpage_types = ["training.CoursePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("training index page")

    def page_cache_names(self):
        return (SESSIONS_PAGE_CACHE_NAME,)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(session_list(self, request))
        return context
