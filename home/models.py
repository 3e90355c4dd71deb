from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page, TranslatableMixin
from wagtail.search import index

from . import page_versions, privacy_notice
from .blocks import BODY_BLOCKS, TileBlock
from .localize import in_active_language


class CachedPageMixin:
    """Marks a page's response as one anonymous visitors may be served from the page
    cache (home/page_cache.py). Pages that show per-visitor content leave this out."""

    def page_cache_names(self):
        """What this page shows that changes without anything being published, each
        named as page_versions.move is told when it changes (none for most pages)."""
        return ()

    def serve(self, request, *args, **kwargs):
        # Read before the page is worked out (page_versions.current says why).
        versions = page_versions.current(self.page_cache_names())
        response = super().serve(request, *args, **kwargs)
        response.portal_cacheable = True
        response.portal_versions = versions
        return response


class HomePage(CachedPageMixin, Page):
    introduction = RichTextField(features=["bold", "link"], blank=True)
    tiles = StreamField([("tile", TileBlock())], blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("tiles"),
    ]
    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")

    def route(self, request, path_components):
        """A page that exists in every language (a form: its questions come from the
        catalogues) need not be translated: under /pl/ the Polish home page's tree is
        searched first, then the English one for such a page; any other English page stays
        English only."""
        try:
            return super().route(request, path_components)
        except Http404:
            default = self.get_translation_or_none(Locale.get_default())
            if default is None or default.pk == self.pk:
                raise
            result = default.specific.route(request, path_components)
            if not getattr(result[0], "in_every_language", False):
                raise
            return result

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["tile_links"] = self.tile_links(request)
        return context

    def tile_links(self, request):
        """The tiles with their links in the visitor's language (one query)."""
        tiles = [tile.value for tile in self.tiles]
        pages = iter(in_active_language(t["page"] for t in tiles if t["page"] is not None))
        return [
            {
                "title": tile["title"],
                "description": tile["description"],
                "href": next(pages).get_url(request) if tile["page"] is not None else tile["url"],
            }
            for tile in tiles
        ]


class StandardPage(CachedPageMixin, Page):
    """A page of information: the accessibility statement, privacy notice, cookies,
    contact us, and any other page an editor needs."""

    summary = models.CharField(max_length=300, blank=True)
    body = StreamField(BODY_BLOCKS, blank=True)

    content_panels = Page.content_panels + [FieldPanel("summary"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("summary"), index.SearchField("body")]

    class Meta:
        verbose_name = _("standard page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # A section page leads on to its own pages (the forms page to each form).
        children = self.get_children().live().public().defer_streamfields()
        context["section_pages"] = in_active_language(children)
        return context


class PrivacyNoticePage(CachedPageMixin, Page):
    """The privacy notice. Editors write the introduction and the data protection officer's
    contact; what each service collects, why, who sees it and how long it is kept, and the
    cookies, come from home/privacy_notice.py (which the apps fill through the
    "register_privacy_notice" hook), so the periods are the ones the purges use."""

    introduction = RichTextField(
        features=["h2", "h3", "bold", "ol", "ul", "link"],
        blank=True,
        help_text=_("Who the data controller is and what this notice covers."),
    )
    data_protection_officer = RichTextField(
        _("contacting the data protection officer"),
        features=["bold", "ol", "ul", "link"],
        blank=True,
        help_text=_("How to reach the data protection officer, and how to complain."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("data_protection_officer"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("privacy notice page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["services"] = privacy_notice.services()
        context["cookies"] = privacy_notice.cookies()
        return context


@register_setting(icon="site")
class CouncilSettings(BaseSiteSetting):
    """Who runs this portal. Shown in the header, footer and emails."""

    council_name = models.CharField(max_length=120, default="Your council")
    service_name = models.CharField(max_length=120, default="School attendance service")
    logo_text = models.CharField(
        max_length=60, blank=True, help_text=_("Shown in the header; the council name if blank.")
    )
    phone = models.CharField(max_length=40, blank=True)
    email = models.EmailField(blank=True)
    address = models.TextField(blank=True)
    opening_hours = models.CharField(max_length=120, blank=True)
    phase = models.CharField(
        max_length=10,
        blank=True,
        default="Beta",
        help_text=_("Shown in the phase banner (Alpha or Beta); leave blank to hide it."),
    )
    feedback_email = models.EmailField(blank=True)
    privacy_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accessibility_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    cookies_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    contact_page = models.ForeignKey(
        "wagtailcore.Page", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    select_related = ["privacy_page", "accessibility_page", "cookies_page", "contact_page"]

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("council_name"),
                FieldPanel("service_name"),
                FieldPanel("logo_text"),
                FieldPanel("phase"),
            ],
            heading=_("Names"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("phone"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("opening_hours"),
                FieldPanel("feedback_email"),
            ],
            heading=_("Contact details"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("privacy_page"),
                FieldPanel("accessibility_page"),
                FieldPanel("cookies_page"),
                FieldPanel("contact_page"),
            ],
            heading=_("Footer pages"),
        ),
    ]

    class Meta:
        verbose_name = _("council settings")

    @property
    def header_text(self):
        return self.logo_text or self.council_name


class AlertBannerQuerySet(models.QuerySet):
    def not_ended(self):
        """Live and upcoming banners, as a list: one query serves both the banners shown
        and the page cache's question of when the next one starts or ends."""
        return list(self.filter(Q(ends_at__isnull=True) | Q(ends_at__gt=timezone.now())))

    def live(self, at=None):
        at = at or timezone.now()
        return self.filter(
            Q(starts_at__isnull=True) | Q(starts_at__lte=at),
            Q(ends_at__isnull=True) | Q(ends_at__gt=at),
        )


class AlertBanner(TranslatableMixin, models.Model):
    """A message shown at the top of every page while it is live: a closure, an outage,
    a change in the law."""

    class Severity(models.TextChoices):
        INFORMATION = "information", _("Information")
        SUCCESS = "success", _("Good news")
        URGENT = "urgent", _("Urgent")

    title = models.CharField(max_length=100)
    message = RichTextField(features=["bold", "link"])
    severity = models.CharField(
        max_length=20, choices=Severity.choices, default=Severity.INFORMATION
    )
    starts_at = models.DateTimeField(null=True, blank=True, help_text=_("Blank: from now."))
    ends_at = models.DateTimeField(null=True, blank=True, help_text=_("Blank: until removed."))

    objects = AlertBannerQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("message"),
        FieldPanel("severity"),
        FieldPanel("starts_at"),
        FieldPanel("ends_at"),
    ]

    class Meta(TranslatableMixin.Meta):
        ordering = ["-starts_at", "-pk"]
        verbose_name = _("alert banner")

    def __str__(self):
        return self.title

    def clean(self):
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end must be after the start.")})

    @property
    def is_live(self):
        now = timezone.now()
        return (self.starts_at is None or self.starts_at <= now) and (
            self.ends_at is None or self.ends_at > now
        )
