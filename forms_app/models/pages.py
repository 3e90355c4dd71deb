"""The form page: where editors place a journey, whose own pages are its routes."""

from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from home.localize import in_language, is_language
from portal.access import school_ids_acting_for

from ..engine import journey_for
from ..flow import JourneyFlow
from ..journeys.registry import Journey


class FormPage(RoutablePageMixin, Page):
    """Where editors place a journey: its start page, with the questions defined in code
    (forms_app/journeys/). The routes below are the journey's own pages."""

    journey = models.CharField(max_length=40, choices=Journey.choices)
    introduction = RichTextField(features=["bold", "link", "ul"])
    before_you_start = RichTextField(
        features=["bold", "link", "ul", "ol"], blank=True, help_text=_("What to have ready.")
    )
    privacy = RichTextField(features=["bold", "link", "ul"], verbose_name=_("privacy notice"))
    contact = RichTextField(features=["bold", "link"], blank=True)
    what_happens_next = RichTextField(
        features=["bold", "link", "ul"], help_text=_("Shown on the confirmation page and email.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("journey"),
        FieldPanel("introduction"),
        FieldPanel("before_you_start"),
        FieldPanel("privacy"),
        FieldPanel("contact"),
        FieldPanel("what_happens_next"),
    ]
    subpage_types = []
    # A journey's questions, hints and errors come from the message catalogues, so it runs
    # in every language, translated page or not (home.models.HomePage.route): one set of
    # drafts and submissions whatever the language.
    in_every_language = True

    class Meta:
        verbose_name = _("form page")

    def get_url_parts(self, request=None):
        """The page's address in the visitor's language (/pl/forms/...), so that each step,
        link and redirect of the journey stays in it."""
        parts = super().get_url_parts(request)
        language = get_language()
        if not parts or parts[2] is None or not is_language(language):
            return parts
        site_id, root_url, page_path = parts
        return site_id, root_url, in_language(page_path, language)

    @property
    def definition(self):
        return journey_for(self.journey)

    def flow(self, request):
        return JourneyFlow(self, request)

    @path("")
    def start(self, request):
        definition = self.definition
        if definition.for_school_users and request.user.is_authenticated:
            if not school_ids_acting_for(request.user):
                return self.flow(request).not_for_you()
        response = self.render(
            request,
            template="forms_app/form_page.html",
            context_overrides={"school_only": definition.for_school_users},
        )
        # The same for every visitor with no session (signed-in users are never cached).
        response.portal_cacheable = True
        return response

    @path("step/<slug:slug>/")
    def step(self, request, slug):
        return self.flow(request).open("step", slug)

    @path("step/<slug:slug>/add/")
    def add_item(self, request, slug):
        return self.flow(request).open("item", slug, None)

    @path("step/<slug:slug>/<int:index>/")
    def change_item(self, request, slug, index):
        return self.flow(request).open("item", slug, index)

    @path("step/<slug:slug>/<int:index>/remove/")
    def remove_item(self, request, slug, index):
        return self.flow(request).open("remove_item", slug, index)

    @path("check-your-answers/", name="check")
    def check_answers(self, request):
        return self.flow(request).open("check")

    @path("confirmation/")
    def confirmation(self, request):
        return self.flow(request).open("confirmation")

    @path("save/")
    def save_for_later(self, request):
        return self.flow(request).open("save_for_later")

    # Wagtail only routes path segments of letters, digits, - and _, so the signed token's
    # three parts travel as three segments.
    @path("continue/<str:token>/<str:stamp>/<str:signature>/")
    def resume(self, request, token, stamp, signature):
        return self.flow(request).open("resume", f"{token}:{stamp}:{signature}")
