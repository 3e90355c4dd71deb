"""Wagtail hooks: pages, and who they are for (audiences, as snippets that editors can
translate; topics are snippets too, registered with their model)."""

from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shared.admin_parts import NarrowScreenListing

from ..demo_pages import seed_guidance
from ..models import Audience


class AudienceViewSet(NarrowScreenListing, SnippetViewSet):
    model = Audience
    icon = "group"


register_snippet(AudienceViewSet)


@hooks.register("register_demo_content")
def demo_guidance():
    return seed_guidance()


demo_guidance.order = 40
