from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .demo import seed_home_tiles_and_translations, seed_site
from .models import AlertBanner


class AlertBannerViewSet(SnippetViewSet):
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
