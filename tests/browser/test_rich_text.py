"""Rich text looks like the rest of GOV.UK on every page: Arial (never the browser's
serif), GOV.UK's link colour, lists and headings, inside components and right to left;
the alert banners in their own colours; and a crawl of the public site finds no text left
in the browser's default font."""

from urllib.parse import urljoin, urlsplit

import pytest
from wagtail.rich_text import RichText

from home.models import AlertBanner, StandardPage
from tests.browser.conftest import sign_in_to_portal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

# The four pages found unstyled, and a guidance page with rich text in inset text,
# details, an accordion and a step-by-step.
PAGES = ["/forms/", "/self-assessment/", "/contact/", "/accessibility-statement/"]
GUIDANCE = "/guidance/reduced-timetables/"
# GOV.UK Frontend 6's link colour (its blue, shade 10: #1a65a6); 5's was #1d70b8.
LINK_COLOUR = "rgb(26, 101, 166)"
# Its error red (#ca3535), success green (#0f7a52) and brand blue (#1d70b8).
RED, GREEN, BLUE = "rgb(202, 53, 53)", "rgb(15, 122, 82)", "rgb(29, 112, 184)"

STYLES = """selector => [...document.querySelectorAll(selector)].map(e => {
  const s = getComputedStyle(e);
  return {text: e.textContent.trim().slice(0, 40), font: s.fontFamily, colour: s.color,
          weight: s.fontWeight, paddingLeft: s.paddingLeft, paddingRight: s.paddingRight};
})"""

# Every element that draws text of its own, with the font it is drawn in, if that is not
# one of ours (Arial; Noto Naskh Arabic in Urdu), nor monospace (code).
DEFAULT_FONTS = """() => [...document.body.querySelectorAll('*')].filter(e =>
  [...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim())
  && e.getClientRects().length
  && !/arial/i.test(getComputedStyle(e).fontFamily)
  && !/monospace/i.test(getComputedStyle(e).fontFamily)
).map(e => e.tagName + ' "' + e.textContent.trim().slice(0, 40) + '": '
  + getComputedStyle(e).fontFamily)"""


def give_a_link(slug):
    """The demo's text of these pages has no link: give each one, as editors do."""
    page = StandardPage.objects.get(slug=slug, locale__language_code="en")
    block = next(b for b in page.body if b.block_type == "text")
    block.value = RichText(block.value.source + '<p>See <a href="/">the home page</a>.</p>')
    page.save_revision().publish()


def test_rich_text_is_gov_uk_body_text_with_gov_uk_links(page, portal, assert_accessible):
    for slug in ("forms", "contact", "accessibility-statement"):
        give_a_link(slug)
    for path in PAGES + [GUIDANCE]:
        page.goto(portal + path)
        paragraphs = page.evaluate(STYLES, "main .app-rich-text p")
        links = page.evaluate(STYLES, "main .app-rich-text a")
        assert paragraphs, path
        assert links or path == GUIDANCE, path  # the guidance page's text has no link
        for p in paragraphs:
            assert "arial" in p["font"].lower(), (path, p)
        for link in links:
            assert link["colour"] == LINK_COLOUR, (path, link)
        assert_accessible(page)
    # Headings and lists an editor made are GOV.UK's.
    page.goto(portal + "/forms/")
    for heading in page.evaluate(STYLES, "main .app-rich-text h2"):
        assert heading["weight"] == "700" and "arial" in heading["font"].lower()
    bullets = page.locator("main .app-rich-text ul").first
    assert bullets.evaluate("e => getComputedStyle(e).listStyleType") == "disc"
    # Inside GOV.UK's components on a guidance page: inset text, details, the accordion.
    page.goto(portal + GUIDANCE)
    for component in (".govuk-inset-text", ".govuk-details__text", ".app-step-by-step"):
        inside = page.evaluate(STYLES, f"main {component} .app-rich-text p")
        assert inside, component
        assert all("arial" in p["font"].lower() for p in inside), component


def test_rich_text_right_to_left_in_urdu(page, portal, assert_accessible):
    page.goto(portal + "/ur/forms/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    for p in page.evaluate(STYLES, "main .app-rich-text p"):
        assert p["font"].lower().startswith('"noto naskh arabic"'), p
    for bullets in page.evaluate(STYLES, "main .app-rich-text ul"):
        # Indented from the right, where an Urdu line starts.
        assert (bullets["paddingRight"], bullets["paddingLeft"]) == ("20px", "0px")
    assert_accessible(page)


def test_each_alert_banner_is_one_colour_throughout(page, portal, assert_accessible):
    for severity in ("information", "success", "urgent"):
        AlertBanner.objects.create(
            title=f"A {severity} banner",
            message='<p>Read <a href="/contact/">how to reach us</a>.</p>',
            severity=severity,
        )
    page.goto(portal + "/")
    banners = page.evaluate("""() => [...document.querySelectorAll('.govuk-notification-banner')]
      .map(b => ({title: b.querySelector('.govuk-notification-banner__heading').textContent,
                  role: b.getAttribute('role'),
                  border: getComputedStyle(b).borderTopColor,
                  bar: getComputedStyle(b.querySelector('.govuk-notification-banner__header'))
                    .backgroundColor,
                  titleColour: getComputedStyle(b.querySelector(
                    '.govuk-notification-banner__title')).color,
                  font: getComputedStyle(b.querySelector('.app-rich-text p')).fontFamily}))""")
    seen = {b["title"]: b for b in banners}
    for severity, colour, role in (
        ("information", BLUE, "region"),
        ("success", GREEN, "alert"),
        ("urgent", RED, "alert"),
    ):
        banner = seen[f"A {severity} banner"]
        assert (banner["border"], banner["bar"]) == (colour, colour), banner
        assert banner["titleColour"] == "rgb(255, 255, 255)" and banner["role"] == role
        assert "arial" in banner["font"].lower()
    # An alert on every page must not take the focus from the top of the page.
    assert page.evaluate("document.activeElement === document.body")
    assert_accessible(page)


def crawl(page, portal, start, keep, limit=120):
    """The pages reached from `start` by following links whose path `keep` accepts, and
    each element on them that draws text in a font that is not ours."""
    from playwright.sync_api import Error as PlaywrightError  # as conftest: browser tests only

    to_visit, seen, found = list(start), set(), []
    while to_visit and len(seen) < limit:
        path = to_visit.pop(0)
        if path in seen:
            continue
        seen.add(path)
        try:
            response = page.goto(portal + path)
        except PlaywrightError as error:  # a spreadsheet: a download, not a page
            assert "Download is starting" in str(error), error
            continue
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        found += [f"{path}: {text}" for text in page.evaluate(DEFAULT_FONTS)]
        for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
            link = urlsplit(urljoin(portal + path, href))
            if link.netloc == urlsplit(portal).netloc and not link.query and keep(link.path):
                to_visit.append(link.path)
    return seen, found


def test_no_public_page_is_left_in_the_browsers_default_font(page, portal):
    """Follows the public site's links from the home page (in English, then Urdu's home
    page and a guidance page in Urdu), and looks at every element that draws text."""
    not_public = ("/admin", "/documents", "/language/", "/portal/", "/cy/", "/pl/", "/ro/", "/ur/")
    seen, found = crawl(
        page,
        portal,
        ["/", "/ur/", "/ur" + GUIDANCE, "/portal/sign-in/"],
        keep=lambda path: not path.startswith(not_public),
    )
    assert len(seen) >= 30, sorted(seen)
    assert found == [], "\n".join(found)


def test_no_school_page_is_left_in_the_browsers_default_font(page, portal):
    """The same, for a school's attendance lead signed in: the dashboard and every page
    of the portal it leads to."""
    sign_in_to_portal(page, portal, "attendance.lead@demo.wyvernshire.example")
    signing_out = ("/portal/sign-out/", "/portal/two-factor/turn-off/")
    seen, found = crawl(
        page,
        portal,
        ["/portal/"],
        keep=lambda path: path.startswith("/portal/") and path not in signing_out,
        limit=60,
    )
    assert len(seen) >= 10, sorted(seen)
    assert found == [], "\n".join(found)
