"""One rich-text rendering: every page type that holds rich text, in the seeded demo,
shows it inside the one wrapper (.app-rich-text) that gives it GOV.UK's styles, and no
page leaves a paragraph, list, link or heading without a GOV.UK class or that wrapper."""

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.core.management import call_command
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Locale, Page
from wagtail.rich_text import RichText

from home.models import AlertBanner

WRAPPER = "app-rich-text"
# What editors' HTML is made of, and what the browser would otherwise draw in its own
# serif font and link blue.
PLAIN = ["p", "ul", "ol", "a", "h2", "h3", "h4"]


def has_rich_text_block(block):
    if isinstance(block, blocks.RichTextBlock):
        return True
    children = getattr(block, "child_blocks", None) or {}
    child = getattr(block, "child_block", None)
    return any(has_rich_text_block(b) for b in children.values()) or (
        child is not None and has_rich_text_block(child)
    )


def page_types_with_rich_text():
    found = []
    for model in apps.get_models():
        if not issubclass(model, Page) or model is Page:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, RichTextField) or (
                isinstance(field, StreamField) and has_rich_text_block(field.stream_block)
            ):
                found.append(model)
                break
    return found


def unstyled(main):
    """The paragraphs, lists, links and headings with no class of their own and outside
    the rich text wrapper: what a visitor would see in the browser's defaults."""
    return [
        str(element)[:120]
        for element in main.find_all(PLAIN)
        if not element.get("class") and element.find_parent(class_=WRAPPER) is None
    ]


def test_the_richtext_filter_and_a_rich_text_value_render_in_the_one_wrapper():
    from django.template import Context, Template

    html = Template("{% load wagtailcore_tags %}{{ text|richtext }}|{{ value }}").render(
        Context({"text": "<p>One</p>", "value": RichText("<p>Two</p>")})
    )
    assert (
        html
        == '<div class="app-rich-text"><p>One</p></div>|<div class="app-rich-text"><p>Two</p></div>'
    )
    assert str(blocks.RichTextBlock().render(RichText("<p>Three</p>"))) == (
        '<div class="app-rich-text"><p>Three</p></div>'
    )


# One seeding (most of a minute) for both checks.
@pytest.mark.django_db
def test_every_page_type_with_rich_text_shows_it_styled(client, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path  # the demo's uploaded files
    call_command("seed_demo", verbosity=0)
    # The four pages found in the browser's serif font, with default blue links.
    for url in ("/forms/", "/self-assessment/", "/contact/", "/accessibility-statement/"):
        main = BeautifulSoup(client.get(url).content, "html.parser").find("main")
        body = main.find(class_=WRAPPER)
        assert body is not None and body.find("p") is not None, url
        assert unstyled(main) == [], url
    # And one live English page of every type that has rich text.
    english = Locale.get_default()
    models = page_types_with_rich_text()
    assert len(models) >= 8, models  # home, standard, privacy, guidance, strategy, forms...
    missing = []
    for model in models:
        page = model.objects.live().filter(locale=english).first()
        if page is None:
            missing.append(model.__name__)
            continue
        response = client.get(page.url)
        assert response.status_code == 200, (model.__name__, page.url)
        main = BeautifulSoup(response.content, "html.parser").find("main")
        assert main.find(class_=WRAPPER) is not None, (model.__name__, page.url)
        assert unstyled(main) == [], (model.__name__, page.url)
    assert missing == [], "no demo page of these types to check"


SEVERITIES = {
    # severity: (the banner's own class, its role)
    "information": (None, "region"),
    "success": ("govuk-notification-banner--success", "alert"),
    "urgent": ("app-notification-banner--urgent", "alert"),
}


@pytest.mark.parametrize("severity", SEVERITIES)
def test_each_alert_banner_severity_is_a_notification_banner_of_its_own(client, home, severity):
    AlertBanner.objects.create(
        title="Phones down", message='<p>Email <a href="/contact/">us</a>.</p>', severity=severity
    )
    page = BeautifulSoup(client.get("/").content, "html.parser")
    banner = page.find(class_="govuk-notification-banner")
    variant, role = SEVERITIES[severity]
    classes = set(banner["class"])
    variants = {c for cls in SEVERITIES.values() if (c := cls[0])}
    assert classes & variants == ({variant} if variant else set())
    assert banner["role"] == role
    title = banner.find(class_="govuk-notification-banner__title")
    assert banner["aria-labelledby"] == title["id"]
    # An alert is announced, but does not take the focus on every page it is shown on.
    assert banner.get("data-disable-auto-focus") == ("true" if role == "alert" else None)
    assert banner.find(class_=WRAPPER).find("a")["href"] == "/contact/"
