"""Reflow (WCAG 2.2, 1.4.10): every page the demo's links reach, 320 CSS px wide, with no
sideways scroll of the page.

Three crawls, each from its start page, following the links of every page it loads:

- an anonymous visitor from the home page, in English, and then in Urdu (right to left,
  where an overflow grows to the left) from /ur/;
- a school user (the demo's attendance lead) from the dashboard;
- in the Wagtail admin, the superuser, who reaches every screen any officer does (the
  attendance, home education, licensing, training and information governance officers'),
  so one crawl covers them all. Only the admin screens of this project's own apps are
  followed: a URL whose view is defined in one of them (the returns tracker, the council
  view, training registers, subject access...) or that belongs to a viewset or snippet of
  one of their models (schools, submissions, return periods, alert banners...). Wagtail's
  own screens (pages, images, users, reports, settings) are Wagtail's to make responsive,
  and are not followed.

The crawl is bounded by visiting one page of each kind: a Django view once per URL
pattern (so /portal/returns/3/ stands for every return), a Wagtail page once per page
type, set of blocks in its body, choice fields (a form page's journey) and route (a
journey's step), so one course stands for the courses built alike; each with the names of
its query parameters (a filtered list is another page). Links that sign out, download (a
`download` attribute, CSV, calendar, PDF, ZIP, exports) or switch language (the other
languages are the same templates) are not followed. A crawl that does not end within
MOST_PAGES fails.

On each page: the page is no wider than the window; nothing inside it scrolls or cuts off
its content sideways (the Wagtail admin's main column cuts off what is wider than it,
which no one can then reach), except the table scroll regions and the few Wagtail widgets
named in WAGTAILS_OWN, each with its reason; and every table scroll region is labelled,
can take focus and shows it. A failure names the page and the widest element past the
edge. All failures are gathered into one message. A last test checks that the tables
whose rows end in actions keep every action inside the window at 320px, with axe.
"""

import re
from collections import deque
from urllib.parse import parse_qsl, urlsplit

import pytest

from tests.browser.conftest import sign_in_to_admin, sign_in_to_portal

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NARROW = {"width": 320, "height": 800}
SCHOOL_USER = "attendance.lead@demo.wyvernshire.example"
SUPERUSER = "admin@demo.wyvernshire.example"
PROJECT_APPS = {
    "attendance",
    "audit",
    "forms_app",
    "guidance",
    "home",
    "portal",
    "privacy",
    "returns",
    "self_assessment",
    "shared",
    "training",
}
# More pages than any crawl of the demo needs: reaching it means the pages are not being
# told apart by kind, and the crawl would not end in a few minutes.
MOST_PAGES = 150

# What may scroll sideways inside a page: the table scroll regions (each checked to be
# labelled and focusable).
ALLOWED_TO_SCROLL = [".app-table-scroll"]
# Wagtail's own widgets, which it draws past the screen's edge on a narrow screen by its
# design, and which no template or stylesheet of ours can change without rewriting them.
WAGTAILS_OWN = {
    # its header's breadcrumbs scroll sideways in the header bar
    ".w-breadcrumbs": "Wagtail's breadcrumbs",
    # an edit screen's header title, its icon drawn beyond the header as it slides in
    "#header-title": "Wagtail's sticky header on edit screens",
    # the side panels (status, minimap, comments) wait off screen until opened
    ".w-minimap, .form-side": "Wagtail's side panels",
    # the rich text editor's block toolbar, placed beside the field it edits
    ".Draftail-BlockToolbar": "Wagtail's rich text toolbar",
}

NOT_CHECKED = ", ".join([*ALLOWED_TO_SCROLL, *WAGTAILS_OWN])

# /portal/session/ is the idle warning's: its "Sign out" link (which the dialog's script
# turns into a POST) is in the page, and in the admin only once that script has added it.
NOT_FOLLOWED = re.compile(
    r"/sign-out/|/logout/|/portal/session/|/language/|\.(csv|ics|pdf|zip)(\?|$)|/export|/download|/documents/"
    r"|[?&](export|format)="
)

# What scrolls or is cut off sideways: the page itself, or an element inside it that
# clips or scrolls its content sideways (the Wagtail admin's main column clips it, so
# what is cut off there cannot be reached at all), other than the elements allowed to
# (below) and form fields, which scroll their own text. Each is named with its widest
# visible element past its edge (either edge: a right-to-left page overflows to the
# left), by a CSS path from the nearest ancestor with an id.
SIDEWAYS = """allowed => {
  const name = element => {
    const parts = [];
    for (let e = element; e && e !== document.documentElement && parts.length < 4;
         e = e.parentElement) {
      if (e.id) { parts.unshift(e.tagName.toLowerCase() + "#" + e.id); break; }
      const classes = [...e.classList].slice(0, 2).map(c => "." + c).join("");
      parts.unshift(e.tagName.toLowerCase() + classes);
    }
    return parts.join(" > ");
  };
  const clips = element => getComputedStyle(element).overflowX !== "visible";
  const exempt = element => element.matches("input, select, textarea") || element.closest(allowed);
  // The widest visible element past the container's edges, leaving out what a scroller
  // inside the container holds (that scroller's own overflow).
  const widestPast = (container, left, right) => {
    let widest = null;
    for (const element of container.querySelectorAll("*")) {
      const rect = element.getBoundingClientRect();
      if (rect.width <= 1 || (rect.right <= right + 1 && rect.left >= left - 1)) continue;
      if (exempt(element) || !element.checkVisibility({visibilityProperty: true})) continue;
      let inner = element.parentElement;
      while (inner !== container && !clips(inner)) inner = inner.parentElement;
      if (inner !== container) continue;
      if (!widest || rect.width > widest.width) widest = {width: rect.width, element};
    }
    return widest && name(widest.element) + " (" + Math.round(widest.width) + "px)";
  };
  const found = [];
  const page = document.documentElement;
  if (page.scrollWidth > window.innerWidth) {
    const widest = widestPast(document.body, 0, window.innerWidth) || "?";
    found.push("the page is " + page.scrollWidth + "px wide; widest: " + widest);
  }
  for (const element of document.body.querySelectorAll("*")) {
    if (element.clientWidth <= 1 || element.scrollWidth <= element.clientWidth + 1) continue;
    if (!clips(element) || exempt(element)) continue;
    const left = element.getBoundingClientRect().left + element.clientLeft;
    const widest = widestPast(element, left, left + element.clientWidth);
    if (widest) found.push(name(element) + " cuts off or scrolls: " + widest);
  }
  return found;
}"""

# Each table scroll region: what is wrong with it, if anything ("" if nothing).
SCROLL_REGIONS = """() => [...document.querySelectorAll(".app-table-scroll")].map(region => {
  const labelledBy = document.getElementById(region.getAttribute("aria-labelledby") || "");
  const label = (labelledBy ? labelledBy.textContent : region.getAttribute("aria-label") || "").trim();
  const wrong = [];
  if (region.getAttribute("role") !== "region") wrong.push("no role=region");
  if (!label) wrong.push("no label");
  if (region.tabIndex !== 0) wrong.push("not focusable");
  region.focus();
  if (document.activeElement !== region) wrong.push("does not take focus");
  else if (getComputedStyle(region).outlineStyle === "none") wrong.push("no focus outline");
  region.blur();
  return wrong.length ? (label || "?") + ": " + wrong.join(", ") : "";
})"""

LINKS = """() => [...document.querySelectorAll("a[href]")]
  .filter(a => !a.hasAttribute("download"))
  .map(a => a.href)"""


def language_and_path(path):
    from django.conf import settings

    first = path.split("/")[1]
    if first in dict(settings.LANGUAGES) and first != settings.LANGUAGE_CODE:
        return first, path[len(first) + 1 :]
    return settings.LANGUAGE_CODE, path


def kind(url):
    """What a URL stands for: its Django URL pattern, or for a Wagtail page its type and
    the blocks in its body; with its language and the names of its query parameters."""
    from django.test import RequestFactory
    from django.urls import Resolver404, resolve
    from django.utils import translation
    from wagtail.fields import StreamField
    from wagtail.models import Page

    parts = urlsplit(url)
    language, path = language_and_path(parts.path)
    query = tuple(sorted({name for name, _value in parse_qsl(parts.query)}))
    with translation.override(language):
        try:
            match = resolve(parts.path)
        except Resolver404:
            return (language, parts.path, query)
        if match.url_name != "wagtail_serve":
            return (language, match.route, query)
        request = RequestFactory(SERVER_NAME=parts.hostname, SERVER_PORT=parts.port).get(path)
        page = Page.find_for_request(request, path)
    if page is None:
        return (language, parts.path, query)
    page = page.specific
    blocks = frozenset(
        block.block_type
        for field in page._meta.get_fields()
        if isinstance(field, StreamField)
        for block in getattr(page, field.name)
    )
    # A field with choices picks what the page does (a form page's journey); a routable
    # page's own route is a page of its own (a journey's step).
    chosen = tuple(
        str(getattr(page, field.attname))
        for field in page._meta.concrete_fields
        if field.choices and field.model is type(page)
    )
    route = getattr(request, "routable_resolver_match", None)
    return (language, type(page).__name__, blocks, chosen, route and route.route, query)


def is_project_admin_screen(url):
    """An admin URL of this project's own apps: its view is defined in one of them, or
    it is a viewset's screen for one of their models (Wagtail's own user screens, which
    show our User model only because it is the user model, are Wagtail's)."""
    from django.urls import Resolver404, resolve

    try:
        match = resolve(urlsplit(url).path)
    except Resolver404:
        return False
    module = match.func.__module__
    if module.startswith("wagtail.users"):
        return False
    if module.split(".")[0] in PROJECT_APPS:
        return True
    model = getattr(match.func, "view_initkwargs", {}).get("model")
    return model is not None and model._meta.app_label in PROJECT_APPS


def crawl(page, origin, start, follow=lambda url: True):
    """Visit every kind of page reachable from start; return the pages visited, what was
    wrong on them, and how many table scroll regions were checked."""
    page.set_viewport_size(NARROW)
    queue, kinds, visited, failures = deque([start]), {kind(start)}, [], []
    regions_checked = 0
    while queue:
        assert len(visited) < MOST_PAGES, f"the crawl from {start} did not end: {visited}"
        url = queue.popleft()
        response = page.goto(url)
        if response is None or "text/html" not in response.headers.get("content-type", ""):
            continue
        if url != start and not (page.url.startswith(origin) and follow(page.url)):
            continue  # redirected out of this crawl's pages
        visited.append(url)
        failures += [f"{url}: {found}" for found in page.evaluate(SIDEWAYS, NOT_CHECKED)]
        regions = page.evaluate(SCROLL_REGIONS)
        regions_checked += len(regions)
        failures += [f"{url}: table scroll region {wrong}" for wrong in regions if wrong]
        for link in page.evaluate(LINKS):
            link = link.split("#")[0]
            if not link.startswith(origin + "/") or NOT_FOLLOWED.search(link) or not follow(link):
                continue
            if (link_kind := kind(link)) not in kinds:
                kinds.add(link_kind)
                queue.append(link)
    return visited, failures, regions_checked


def report(visited, failures):
    return f"{len(failures)} failures on {len(visited)} pages:\n" + "\n".join(failures)


def test_the_public_pages_reflow(page, portal):
    visited, failures, regions = crawl(page, portal, portal + "/")
    in_urdu, urdu_failures, urdu_regions = crawl(page, portal, portal + "/ur/")
    print(f"public: {len(visited)} pages in English, {len(in_urdu)} in Urdu")
    assert len(visited) > 30 and len(in_urdu) > 30  # the crawl found the demo's pages
    assert regions > 0 and urdu_regions > 0  # and tables in scroll regions
    assert failures + urdu_failures == [], report(visited + in_urdu, failures + urdu_failures)


def test_a_school_users_pages_reflow(page, portal):
    sign_in_to_portal(page, portal, SCHOOL_USER)
    visited, failures, regions = crawl(
        page, portal, portal + "/portal/", follow=lambda url: "/admin/" not in url
    )
    print(f"school user: {len(visited)} pages")
    assert len(visited) > 40 and regions > 0
    assert failures == [], report(visited, failures)


def test_the_officers_admin_screens_reflow(page, portal):
    # The `page` fixture also fails the test on any script the Content-Security-Policy
    # refuses on these screens (Wagtail's inline panels and pickers: shared/templates/).
    sign_in_to_admin(page, portal, SUPERUSER)
    visited, failures, regions = crawl(
        page, portal, portal + "/admin/", follow=is_project_admin_screen
    )
    print(f"officers' admin screens: {len(visited)} pages")
    assert len(visited) > 40 and regions > 0
    assert failures == [], report(visited, failures)


# Every link in a stacked table's rows, and whether it is inside the window.
ACTIONS_ON_SCREEN = """() => [...document.querySelectorAll(".app-table-stack a")].map(link => {
  const rect = link.getBoundingClientRect();
  return [link.textContent.trim(), rect.left >= 0 && rect.right <= window.innerWidth];
})"""


def test_the_actions_of_a_tables_rows_are_on_screen_at_320px(page, portal, assert_accessible):
    """A return's pupils, the action plan, the assessments and a course's dates, whose rows
    end in actions (change, remove, book, report), are stacked at 320px: every action is
    inside the window; and each page passes axe at that width."""
    sign_in_to_portal(page, portal, SCHOOL_USER)
    page.set_viewport_size(NARROW)
    page.locator("main a[href*='/portal/returns/']").first.click()
    pages = {"a return": page.url}
    page.goto(portal + "/portal/self-assessment/")
    pages["the assessments"] = page.url
    page.get_by_role("link", name="Action plan").first.click()
    pages["the action plan"] = page.url
    pages["a course"] = portal + "/training/using-attendance-data/"
    for name, url in pages.items():
        page.goto(url)
        actions = page.evaluate(ACTIONS_ON_SCREEN)
        assert actions, f"{name} ({url}) has no actions in its table"
        assert all(on_screen for _text, on_screen in actions), (name, actions)
        assert_accessible(page)
