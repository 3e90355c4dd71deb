from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.localize import in_default_language_only
from home.models import CachedPageMixin

from ..blocks import GUIDANCE_BLOCKS
from ..related import related_guidance
from ..taxonomy import audiences_and_topics


class Audience(TranslatableMixin, models.Model):
    """Who a guidance page is for: schools, parents, governors, partner agencies. Pages
    point at the default language's; a translation gives only the name shown."""

    slug = models.SlugField()
    name = models.CharField(max_length=60)
    sort_order = models.PositiveSmallIntegerField(default=0)

    # The slug (the filters' value) and the order stay those of the English audience.
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["sort_order", "name"]
        verbose_name = _("audience")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


class Topic(TranslatableMixin, models.Model):
    """What a guidance page is about, e.g. penalty notices or reduced timetables. Pages
    point at the default language's; a translation gives only the name shown."""

    slug = models.SlugField()
    name = models.CharField(max_length=80)

    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        unique_together = [("translation_key", "locale"), ("slug", "locale")]

    def __str__(self):
        return self.name


register_snippet(Topic)


class GuidancePage(CachedPageMixin, Page):
    summary = models.CharField(max_length=300, help_text=_("One or two sentences for the index."))
    body = StreamField(GUIDANCE_BLOCKS)
    # The English audiences and topics, whatever the page's language (their translations
    # only change the names shown).
    audiences = ParentalManyToManyField(
        Audience, related_name="pages", limit_choices_to=in_default_language_only
    )
    topics = ParentalManyToManyField(
        Topic, related_name="pages", blank=True, limit_choices_to=in_default_language_only
    )
    # The self-assessment areas this page helps with: a school's report links to it.
    assessment_areas = ParentalManyToManyField(
        "self_assessment.AssessmentArea",
        related_name="guidance_pages",
        blank=True,
        verbose_name=_("self-assessment areas"),
    )
    last_reviewed = models.DateField(null=True, blank=True)
    next_review = models.DateField(null=True, blank=True)
    content_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("owner"),
        help_text=_("Who keeps this page up to date; reminded when its review is overdue."),
    )
    # The next_review date the owner was last reminded about, so each is reminded once.
    review_reminder_sent_for = models.DateField(null=True, blank=True, editable=False)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel(
            [FieldPanel("audiences"), FieldPanel("topics"), FieldPanel("assessment_areas")],
            heading=_("Who and what it is for"),
        ),
        MultiFieldPanel(
            [FieldPanel("content_owner"), FieldPanel("last_reviewed"), FieldPanel("next_review")],
            heading=_("Review"),
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("locale_id"),
    ]
    parent_page_types = ["guidance.GuidanceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("guidance page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["related_guidance"] = related_guidance(self)
        context["audience_list"], context["topic_list"] = audiences_and_topics(self)
        return context

    @property
    def review_overdue(self):
        return self.next_review is not None and self.next_review < timezone.localdate()
