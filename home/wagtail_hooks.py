from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets.button import Button
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from shared.admin_parts import NarrowScreenListing

from . import translation_moderation
from .demo import seed_home_tiles_and_translations, seed_site
from .models import AlertBanner


class AlertBannerViewSet(NarrowScreenListing, SnippetViewSet):
    model = AlertBanner
    icon = "warning"
    menu_label = _("Alert banners")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["title", "severity", "starts_at", "ends_at", "is_live"]
    list_filter = ["severity"]


register_snippet(AlertBannerViewSet)


@hooks.register("register_demo_content")
def demo_site():
    return seed_site()


demo_site.order = 30


@hooks.register("register_demo_content")
def demo_home_tiles_and_translations():
    return seed_home_tiles_and_translations()


demo_home_tiles_and_translations.order = 90


# Ahead of wagtail-localize's, whose "Sync translated pages" address it takes over
# (home/translation_moderation.py says why).
hooks.register("register_admin_urls", translation_moderation.admin_urls, order=-1)


def submit_translation_button(page, user, view_name=None, next_url=None):
    """Beside a translated page in the explorer: send the translation to the moderation
    workflow. (wagtail-localize's translation editor shows no header buttons.)"""
    if page.locale_id and translation_moderation.can_submit(page, user):
        yield Button(
            _("Submit translation for moderation"),
            reverse("home_submit_translation", args=[page.pk]),
            icon_name="resubmit",
            priority=55,
        )


hooks.register("register_page_header_buttons", submit_translation_button)
hooks.register("register_page_listing_more_buttons", submit_translation_button)
