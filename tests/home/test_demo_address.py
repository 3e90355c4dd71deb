"""`make run PORT=... HOST=...` passes its address as PORTAL_BASE_URL: the demo site and
the links in emails follow it."""

from wagtail.models import Page, Site

from home.demo import seed_site


def test_the_demo_site_moves_to_the_address_make_run_serves_on(home, settings):
    settings.WAGTAILADMIN_BASE_URL = "http://127.0.0.1:8123"
    seed_site()
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8123)
    assert Page.objects.get(pk=home.pk).full_url == "http://127.0.0.1:8123/"

    settings.WAGTAILADMIN_BASE_URL = "http://localhost:8000"
    seed_site()
    assert Page.objects.get(pk=home.pk).full_url == "http://localhost:8000/"
