"""Urdu pages laid out right to left, checked by where things are drawn: radio circles
beside their labels at the right, breadcrumbs starting at the right, the error bar on the
right, a phone number read in order; each page passes axe. Screenshots of each, desktop
and 320px wide, go to /tmp/rtl-*.png for a person to look at."""

import pytest

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

WIDTHS = {"desktop": 1280, "320": 320}


def screenshots(page, name):
    for label, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        page.screenshot(path=f"/tmp/rtl-{name}-{label}.png", full_page=True)
    page.set_viewport_size({"width": WIDTHS["desktop"], "height": 900})


def box(page, selector, pseudo=None):
    """An element's box, or its ::before's (absolutely placed, so its offsets from its
    containing block, the element itself or the element's offset parent, give where it
    is drawn)."""
    return page.evaluate(
        """([selector, pseudo]) => {
          const element = document.querySelector(selector);
          const rect = element.getBoundingClientRect();
          if (!pseudo) return {left: rect.left, right: rect.right, top: rect.top};
          const style = getComputedStyle(element, pseudo);
          const positioned = getComputedStyle(element).position !== "static";
          const parent = (positioned ? element : element.offsetParent).getBoundingClientRect();
          const left = parent.left + parseFloat(style.left);
          return {left: left, right: left + parseFloat(style.width), top: rect.top};
        }""",
        [selector, pseudo],
    )


def in_urdu(url_path):
    """The demo's page at this English path, translated into Urdu (its strings left in
    English) with the pages above it, as an editor would through wagtail-localize."""
    from wagtail.models import Page

    from home.demo import translate_page

    english = next(p for p in Page.objects.live().specific() if p.url == url_path)
    for ancestor in [*english.get_ancestors()[2:].specific(), english]:
        translate_page(ancestor, "ur", {})


def test_form_step_with_errors(page, portal, assert_accessible):
    in_urdu("/forms/home-education/")
    page.goto(portal + "/ur/forms/home-education/step/school/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.click("button[name=continue]")
    assert page.locator(".govuk-error-summary").is_visible()

    radios = page.locator(".govuk-radios__item")
    assert radios.count() >= 2
    for n in range(radios.count()):
        item = f".govuk-radios__item:nth-of-type({n + 1})"
        circle = box(page, item + " .govuk-radios__label", "::before")
        label_text = page.evaluate(
            """selector => {
              const range = document.createRange();
              range.selectNodeContents(document.querySelector(selector));
              return range.getBoundingClientRect().right;
            }""",
            item + " .govuk-radios__label",
        )
        entry = box(page, item + " .govuk-radios__input")
        # The circle is drawn over the (invisible) input, at the right of the text.
        assert abs(circle["right"] - entry["right"]) <= 10, (n, circle, entry)
        assert 0 <= circle["left"] - label_text <= 10 + 15, (n, circle, label_text)

    group = page.locator(".govuk-form-group--error").first
    right = group.evaluate("e => getComputedStyle(e).borderRightWidth")
    left = group.evaluate("e => getComputedStyle(e).borderLeftWidth")
    assert float(right.removesuffix("px")) > 0 and left == "0px", (right, left)

    back = page.locator(".govuk-back-link")
    if back.count():
        # The chevron (::before) sits at the link's right, where a reader starts.
        chevron = box(page, ".govuk-back-link", "::before")
        link = box(page, ".govuk-back-link")
        assert chevron["left"] > (link["left"] + link["right"]) / 2, (chevron, link)
    assert_accessible(page)
    screenshots(page, "form-errors")


def test_guidance_page_breadcrumbs(page, portal, assert_accessible):
    page.goto(portal + "/ur/guidance/attendance-for-parents/")
    items = page.locator(".govuk-breadcrumbs__list-item")
    assert items.count() >= 2
    container = box(page, ".govuk-breadcrumbs__list")
    first = box(page, ".govuk-breadcrumbs__list-item:first-child")
    second = box(page, ".govuk-breadcrumbs__list-item:nth-child(2)")
    assert abs(container["right"] - first["right"]) <= 2, (container, first)
    assert second["right"] <= first["left"] + 1, (first, second)
    # Each separator (chevron) between the items points left: its right edge is the
    # item's start edge.
    chevron = box(page, ".govuk-breadcrumbs__list-item:nth-child(2)", "::before")
    assert chevron["left"] >= second["right"] - 20, (chevron, second)
    assert_accessible(page)
    screenshots(page, "guidance")


def test_home_page_footer_phone_reads_in_order(page, portal, assert_accessible):
    from home.models import CouncilSettings

    phone = CouncilSettings.objects.get().phone
    assert phone
    page.goto(portal + "/ur/")
    number = page.locator('.govuk-footer bdi[dir="ltr"]', has_text=phone)
    assert number.count() == 1
    # Drawn left to right: the first digit left of the last.
    first, last = page.evaluate(
        """element => {
          const text = element.firstChild;
          const at = i => {
            const range = document.createRange();
            range.setStart(text, i);
            range.setEnd(text, i + 1);
            return range.getBoundingClientRect().left;
          };
          return [at(0), at(text.length - 1)];
        }""",
        number.element_handle(),
    )
    assert first < last, (first, last)
    # The council's name, written in English, is marked as such.
    assert page.locator('.govuk-footer span[lang="en"][dir="ltr"]').count() >= 1
    font = page.locator("h1").evaluate("e => getComputedStyle(e).fontFamily")
    assert font.startswith('"Noto Naskh Arabic"'), font
    assert_accessible(page)
    screenshots(page, "home")
