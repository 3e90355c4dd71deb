"""The guidance index (filters, pages of 20, a fixed query budget), guidance pages with
every block, related guidance, translations, and the demo content."""

import re
from datetime import date, timedelta

import pytest
from django.utils import timezone
from wagtail import hooks
from wagtail.models import Page
from wagtail.rich_text import RichText

from attendance.periods import school_year_of, year_label
from guidance.blocks import readable_size
from guidance.models import GuidanceIndexPage, GuidancePage, StrategyPage
from guidance.related import related_guidance
from home.demo import translate_page
from tests.pages import add_pages_in_bulk

from .pages_fixtures import (
    add_guidance_page,
    add_guidance_pages,
    make_document,
    make_guidance_index,
)


@pytest.fixture
def index(home):
    return make_guidance_index(home)


def listed_titles(html):
    return re.findall(
        r'app-guidance-list__title"><a class="govuk-link" href="[^"]+">([^<]+)</a>', html
    )


# --- The index ----------------------------------------------------------------------------


def test_index_lists_live_guidance_with_summary_tags_and_review_date(client, index):
    add_guidance_page(
        index,
        "Penalty notices",
        audiences=["parents", "schools"],
        topics=["penalty-notices"],
        summary="When a fine may be issued.",
        last_reviewed=date(2026, 3, 4),
    )
    add_guidance_page(index, "Draft page", audiences=["schools"], publish_it=False)
    html = client.get("/guidance/").content.decode()
    assert listed_titles(html) == ["Penalty notices"]
    assert 'href="/guidance/penalty-notices/"' in html
    assert "When a fine may be issued." in html
    item = html.split('class="app-guidance-list__item"')[1]
    assert ">Parents and carers</span>" in item and ">Schools</span>" in item
    assert ">Penalty notices and legal action</span>" in item
    assert '<time datetime="2026-03-04">4 March 2026</time>' in item
    assert "1 guidance page<" in html


@pytest.fixture
def filtered_index(index):
    add_guidance_page(
        index, "Codes for schools", audiences=["schools"], topics=["registers-and-codes"]
    )
    add_guidance_page(index, "Fines for parents", audiences=["parents"], topics=["penalty-notices"])
    add_guidance_page(
        index,
        "Fines explained to schools",
        audiences=["schools", "governors"],
        topics=["penalty-notices"],
    )
    add_guidance_page(
        index, "Home education", audiences=["parents"], topics=["elective-home-education"]
    )
    return index


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("audience=schools", ["Codes for schools", "Fines explained to schools"]),
        ("topic=penalty-notices", ["Fines for parents", "Fines explained to schools"]),
        # Within a facet any choice matches (each page once); across facets, all must.
        (
            "audience=schools&audience=governors",
            ["Codes for schools", "Fines explained to schools"],
        ),
        ("audience=parents&topic=penalty-notices", ["Fines for parents"]),
        (
            "topic=penalty-notices&topic=elective-home-education&audience=parents",
            ["Fines for parents", "Home education"],
        ),
        ("audience=governors&topic=elective-home-education", []),
    ],
)
def test_index_filters_by_audience_and_topic(client, filtered_index, query, expected):
    html = client.get(f"/guidance/?{query}").content.decode()
    assert listed_titles(html) == expected
    for pair in query.split("&"):
        name, value = pair.split("=")
        assert f'id="{name}-{value}" name="{name}" type="checkbox" value="{value}" checked>' in html
    assert ("No guidance matches these filters" in html) == (not expected)
    assert "Clear filters" in html


@pytest.mark.parametrize(
    "query", ["audience=nobody", "topic=gardening&audience=", "page=x&topic=%01"]
)
def test_index_ignores_unknown_filter_values(client, filtered_index, query):
    response = client.get(f"/guidance/?{query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert len(listed_titles(html)) == 4
    assert " checked>" not in html and "Clear filters" not in html


def test_index_ignores_unknown_values_beside_known_ones(client, filtered_index):
    html = client.get("/guidance/?audience=nobody&audience=governors").content.decode()
    assert listed_titles(html) == ["Fines explained to schools"]


def test_index_pages_twenty_at_a_time_keeping_the_filters(client, index):
    add_guidance_pages(index, [f"Guide {n:02}" for n in range(45)], audiences=["schools"])
    add_guidance_page(index, "For parents only", audiences=["parents"])

    first = client.get("/guidance/?audience=schools").content.decode()
    assert listed_titles(first) == [f"Guide {n:02}" for n in range(20)]
    assert "45 guidance pages" in first
    pagination = first.split('class="govuk-pagination"')[1].split("</nav>")[0]
    assert 'href="?audience=schools&amp;page=2" rel="next"' in pagination
    assert 'aria-label="Page 1" aria-current="page"' in pagination
    assert "govuk-pagination__prev" not in pagination

    last = client.get("/guidance/?audience=schools&page=3").content.decode()
    assert listed_titles(last) == [f"Guide {n:02}" for n in range(40, 45)]
    assert "<title>Guidance (page 3 of 3)" in last
    assert 'href="?audience=schools&amp;page=2" rel="prev"' in last
    # A page number that is not a number gives the first page, one too far the last.
    assert listed_titles(client.get("/guidance/?page=abc").content.decode())[0] == "Guide 00"
    assert (
        listed_titles(client.get("/guidance/?page=99").content.decode())[-1] == "For parents only"
    )


def test_pagination_shows_the_ends_and_the_neighbours_with_ellipses(client, index):
    add_guidance_pages(index, [f"Page {n:03}" for n in range(20 * 7)])
    html = client.get("/guidance/?page=4").content.decode()
    pagination = html.split('class="govuk-pagination"')[1].split("</nav>")[0]
    items = re.findall(r"govuk-pagination__item[^\"]*\">\s*(?:<a[^>]*>)?([^<\s]+)", pagination)
    assert items == ["1", "&ctdot;", "3", "4", "5", "&ctdot;", "7"]


def test_index_runs_a_fixed_number_of_queries_with_2000_pages(client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from guidance.models import Audience, Topic
    from home.page_cache import purge

    audiences = list(Audience.objects.all())
    topics = list(Topic.objects.all())

    def add_pages(numbers):
        pages = []
        for n in numbers:
            page = GuidancePage(
                title=f"Guidance {n:04}",
                slug=f"guidance-{n:04}",
                summary="A page.",
                body=[("text", RichText("<p>Text.</p>"))],
                last_reviewed=date(2026, 1, 1),
            )
            page.audiences = [audiences[n % 4]]
            page.topics = [topics[n % 9], topics[(n + 1) % 9]]
            pages.append(page)
        add_pages_in_bulk(index, pages)

    queries = ("", "?page=2", "?audience=parents&topic=safeguarding&topic=transition&page=1")

    def count_queries():
        purge()  # adding pages without publishing them leaves cached copies
        client.get("/guidance/guidance-0001/")  # the site frame is cached from here on
        counts = []
        for query in queries:
            with CaptureQueriesContext(connection) as captured:
                response = client.get(f"/guidance/{query}")
            assert len(listed_titles(response.content.decode())) == 20
            counts.append(len(captured))
        return counts

    add_pages(range(300))
    with_300 = count_queries()

    add_pages(range(300, 2000))
    assert GuidancePage.objects.count() == 2000

    # Site, locale, routing (3 pages), alias and view-restriction checks, council settings,
    # language switcher, breadcrumbs; then the list's own: audiences, topics, count, the
    # page of 20, and their audiences and topics.
    assert count_queries() == with_300 == [16, 16, 16]


# --- Guidance pages -----------------------------------------------------------------------


@pytest.fixture
def page_with_every_block(index):
    see_also = add_guidance_page(index, "Children missing education", topics=["safeguarding"])
    document = make_document("Reduced timetable return", "return.csv", b"x" * 3000)
    body = [
        ("text", RichText("<h2>Before you start</h2><p>Talk to the family.</p>")),
        ("inset_text", {"text": RichText("<p>Use code C2.</p>")}),
        ("warning_text", {"text": "Never use it to manage behaviour."}),
        (
            "details",
            {"summary": "If you have no pupils", "text": RichText("<p>Send a nil return.</p>")},
        ),
        (
            "accordion",
            {
                "sections": [
                    {
                        "heading": "How long?",
                        "summary": "Weeks, not terms",
                        "text": RichText("<p>Short.</p>"),
                    },
                    {
                        "heading": "Who decides?",
                        "summary": "",
                        "text": RichText("<p>Everyone.</p>"),
                    },
                ]
            },
        ),
        (
            "step_by_step",
            {
                "title": "Setting one up",
                "steps": [
                    {"title": "Agree it", "text": RichText("<p>With the parent.</p>")},
                    {"title": "Review it", "text": RichText("<p>Every 6 weeks.</p>")},
                ],
            },
        ),
        (
            "table",
            {
                "caption": "What the return asks",
                "table": {
                    "first_row_is_table_header": True,
                    "first_col_is_header": True,
                    "data": [
                        ["Item", "What to give"],
                        ["Start date", "When it began"],
                        ["Reason", None],
                    ],
                },
            },
        ),
        ("document", {"document": document, "description": "For your termly return."}),
        (
            "contact",
            {
                "name": "Attendance service",
                "phone": "01632 960 123",
                "email": "attendance@council.example",
                "hours": "Monday to Friday",
                "note": "Ask us first.",
            },
        ),
        ("related_pages", {"heading": "See also", "pages": [see_also]}),
    ]
    return add_guidance_page(
        index,
        "Reduced timetables",
        audiences=["schools"],
        topics=["reduced-timetables"],
        body=body,
        last_reviewed=date(2026, 2, 1),
        next_review=timezone.localdate() - timedelta(days=1),
        content_owner=None,
    )


def test_every_block_renders_in_gov_uk_markup(client, page_with_every_block):
    html = client.get("/guidance/reduced-timetables/").content.decode()
    main = html.split("<main")[1].split("</main>")[0]
    assert '<div class="app-rich-text"><h2>Before you start</h2>' in main
    assert (
        '<div class="govuk-inset-text"><div class="app-rich-text"><p>Use code C2.</p></div></div>'
        in main
    )
    assert "govuk-warning-text__text" in main and "Never use it to manage behaviour." in main
    assert '<details class="govuk-details">' in main and "If you have no pupils" in main

    accordion_id = re.search(
        r'<div class="govuk-accordion" data-module="govuk-accordion" id="([^"]+)"', main
    ).group(1)
    assert re.search(rf'id="{accordion_id}-heading-1">\s+How long\?\s+</span>', main)
    assert re.search(rf'id="{accordion_id}-summary-1">\s+Weeks, not terms\s+</div>', main)
    assert f'id="{accordion_id}-content-2"' in main and f'id="{accordion_id}-summary-2"' not in main

    steps = main.split('<ol class="app-step-by-step__steps">')[1].split("</ol>")[0]
    assert steps.count('<li class="app-step-by-step__step">') == 2
    assert 'Step </span>2<span class="govuk-visually-hidden">:</span></span> Review it' in steps

    table = main.split('<table class="govuk-table">')[1].split("</table>")[0]
    # The caption, with the id that labels the table's scroll region.
    caption = re.search(
        r'<caption id="([^"]+)" class="govuk-table__caption govuk-table__caption--m">What the return asks</caption>',
        table,
    )
    assert caption and f'aria-labelledby="{caption.group(1)}"' in main
    assert '<th scope="col" class="govuk-table__header">What to give</th>' in table
    assert '<th scope="row" class="govuk-table__header">Start date</th>' in table
    assert '<td class="govuk-table__cell">When it began</td>' in table
    assert '<td class="govuk-table__cell"></td>' in table  # an empty cell stays a cell

    assert re.search(
        r'<a class="govuk-link" href="/documents/\d+/return[^"]*\.csv">Reduced timetable return</a>',
        main,
    )
    assert "CSV, 3 KB" in main and "For your termly return." in main

    assert '<h2 class="govuk-summary-card__title">Attendance service</h2>' in main
    assert 'href="mailto:attendance@council.example"' in main and "Ask us first." in main

    related_block = main.split('class="app-related-pages"')[1].split("</div>")[0]
    assert (
        "See also" in related_block
        and 'href="/guidance/children-missing-education/"' in related_block
    )

    assert "style=" not in main and "<script" not in main


def test_guidance_page_shows_who_and_what_it_is_for_and_when_reviewed_not_the_owner(
    client, page_with_every_block
):
    from portal.factories import UserFactory

    owner = UserFactory(email="owner@council.example", first_name="Olive", last_name="Owner")
    page_with_every_block.content_owner = owner
    page_with_every_block.save_revision().publish()
    html = client.get("/guidance/reduced-timetables/").content.decode()
    assert ">Schools</span>" in html and ">Reduced timetables</span>" in html
    assert '<time datetime="2026-02-01">1 February 2026</time>' in html
    assert "Olive" not in html and "owner@council.example" not in html
    assert "overdue" not in html.lower()


def test_related_guidance_shares_a_topic_is_live_and_at_most_five(
    client, index, django_assert_num_queries
):
    page = add_guidance_page(
        index, "Reduced timetables", topics=["reduced-timetables", "safeguarding"]
    )
    for n in range(6):
        add_guidance_page(
            index, f"Safeguarding {n}", topics=["safeguarding"], last_reviewed=date(2026, 1, 1 + n)
        )
    add_guidance_page(index, "Also reduced", topics=["reduced-timetables", "safeguarding"])
    add_guidance_page(index, "Unrelated", topics=["transition"])
    add_guidance_page(index, "Draft", topics=["safeguarding"], publish_it=False)

    with django_assert_num_queries(1):
        related = related_guidance(page)
    titles = [p.title for p in related]
    assert len(titles) == 5 and len(set(titles)) == 5
    # Most recently reviewed first; pages never reviewed after them.
    assert titles[:3] == ["Safeguarding 5", "Safeguarding 4", "Safeguarding 3"]
    assert not {"Reduced timetables", "Unrelated", "Draft"} & set(titles)

    html = client.get("/guidance/reduced-timetables/").content.decode()
    aside = html.split('id="related-guidance"')[1].split("</nav>")[0]
    assert aside.count("<li") == 5 and 'href="/guidance/safeguarding-5/"' in aside


def test_a_page_sharing_no_topic_has_no_related_guidance(client, index):
    add_guidance_page(index, "Lonely page", topics=["transition"])
    assert "Related guidance" not in client.get("/guidance/lonely-page/").content.decode()


# --- Translations -------------------------------------------------------------------------


@pytest.fixture
def translated(home, index, other_locales, django_capture_on_commit_callbacks):
    """English guidance, with the index and two pages in Polish and one in Urdu. Each
    step commits before the next, as seed_demo's do: publishing the index after its pages
    were added would lose them."""
    parents = add_guidance_page(
        index, "Attendance for parents", audiences=["parents"], topics=["support-first"]
    )
    fines = add_guidance_page(
        index, "Penalty notices", audiences=["parents"], topics=["support-first"]
    )
    add_guidance_page(index, "Codes", audiences=["schools"], topics=["registers-and-codes"])
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(index, "pl", {"Guidance": "Wytyczne"})
        translate_page(index, "ur", {"Guidance": "رہنمائی"})
    with django_capture_on_commit_callbacks(execute=True):
        translate_page(
            parents,
            "pl",
            {
                "Attendance for parents": "Frekwencja dla rodziców",
                "Attendance for parents in detail.": "Szczegóły.",
            },
        )
        translate_page(fines, "pl", {"Penalty notices": "Kary"})
        translate_page(parents, "ur", {"Attendance for parents": "والدین کے لیے حاضری"})
    return index


def test_translated_guidance_is_reachable_in_polish_and_urdu(client, translated):
    polish = client.get("/pl/guidance/attendance-for-parents/")
    assert polish.status_code == 200
    html = polish.content.decode()
    assert '<html lang="pl" dir="ltr"' in html
    assert "Frekwencja dla rodziców" in html and "Szczegóły." in html
    switcher = html.split('class="govuk-language-navigation__list"')[1].split("</ul>")[0]
    assert 'hreflang="en"' in switcher and 'hreflang="ur"' in switcher and 'lang="pl"' in switcher
    assert 'hreflang="cy"' not in switcher

    urdu = client.get("/ur/guidance/attendance-for-parents/").content.decode()
    assert '<html lang="ur" dir="rtl"' in urdu
    assert "والدین کے لیے حاضری" in urdu
    assert "متعلقہ رہنمائی" in urdu  # "Related guidance", from the Urdu catalogue
    # The English page offers its translations (through the view that keeps the choice).
    english = client.get("/guidance/attendance-for-parents/").content.decode()
    for code in ("pl", "ur"):
        target = f"%2F{code}%2Fguidance%2Fattendance-for-parents%2F"
        assert f'href="/language/{code}/?next={target}"' in english


def test_polish_index_lists_translations_and_marks_english_fallbacks(client, translated):
    html = client.get("/pl/guidance/").content.decode()
    assert listed_titles(html) == ["Frekwencja dla rodziców", "Kary", "Codes"]
    assert 'href="/pl/guidance/attendance-for-parents/"' in html
    assert 'href="/guidance/codes/"' in html
    english_item = html.split('class="app-guidance-list__item"')[3]
    assert '<div lang="en" dir="ltr">' in english_item
    assert "lang=" not in html.split('class="app-guidance-list__item"')[1].split("<h3")[0]
    # Filters work on the Polish index too.
    assert listed_titles(client.get("/pl/guidance/?audience=schools").content.decode()) == ["Codes"]


def test_related_guidance_prefers_the_visitors_language(client, translated):
    html = client.get("/pl/guidance/attendance-for-parents/").content.decode()
    related = html.split('id="related-guidance"')[1].split("</nav>")[0]
    assert '<li><a class="govuk-link" href="/pl/guidance/penalty-notices/">Kary</a></li>' in related
    urdu = client.get("/ur/guidance/attendance-for-parents/").content.decode()
    related = urdu.split('id="related-guidance"')[1].split("</nav>")[0]
    assert (
        '<li lang="en" dir="ltr"><a class="govuk-link" href="/guidance/penalty-notices/">Penalty notices</a></li>'
        in related
    )


# --- Demo content -------------------------------------------------------------------------


def demo_counts():
    from wagtail.documents import get_document_model

    return {
        "pages": Page.objects.count(),
        "guidance": GuidancePage.objects.count(),
        "indexes": GuidanceIndexPage.objects.count(),
        "strategies": StrategyPage.objects.count(),
        "documents": get_document_model().objects.count(),
    }


def seed_demo(django_capture_on_commit_callbacks):
    """seed_demo's steps in its order. The command commits after each step; here the
    test's transaction stays open, so each step's on-commit work runs as the step ends."""
    steps = sorted(hooks.get_hooks("register_demo_content"), key=lambda f: getattr(f, "order", 100))
    for step in steps:
        with django_capture_on_commit_callbacks(execute=True):
            step()


def test_demo_strategy_and_guidance_are_complete_and_seeded_once(
    client, db, django_capture_on_commit_callbacks
):
    seed_demo(django_capture_on_commit_callbacks)
    first = demo_counts()
    seed_demo(django_capture_on_commit_callbacks)
    assert demo_counts() == first

    strategy = StrategyPage.objects.get(locale__language_code="en")
    assert (strategy.slug, strategy.title, strategy.show_in_menus) == (
        "strategy",
        "Attendance strategy",
        True,
    )
    assert len(strategy.priorities) == 4
    assert {block.value["partner"] for block in strategy.roles} == {
        "council",
        "schools",
        "governing_bodies",
        "parents",
        "other_services",
        "external_agencies",
    }
    assert len(strategy.action_plan) >= 12
    assert {block.value["status"] for block in strategy.action_plan} == {
        "not_started",
        "on_track",
        "at_risk",
        "done",
    }
    figures = {
        f["phase"]: (str(f["local"]), str(f["national"]))
        for f in strategy.absence_data[0].value["figures"]
    }
    assert figures == {
        "All schools": ("7.2", "6.8"),
        "Primary": ("5.0", "5.2"),
        "Secondary": ("10.0", "8.5"),
        "Special": ("12.1", "12.9"),
    }
    # Typed figures kept as the fallback: the demo's chart shows the attendance data.
    assert strategy.absence_data[0].value["from_attendance_data"] is True

    english = GuidancePage.objects.live().filter(locale__language_code="en")
    assert english.count() >= 10
    assert set(english.values_list("audiences__slug", flat=True)) == {
        "schools",
        "parents",
        "governors",
        "partner-agencies",
    }
    from guidance.models import Topic

    assert set(english.values_list("topics__slug", flat=True)) == set(
        Topic.objects.values_list("slug", flat=True)
    )
    used = {block.block_type for page in english for block in page.body}
    assert used == {
        "text",
        "inset_text",
        "warning_text",
        "details",
        "accordion",
        "step_by_step",
        "table",
        "document",
        "contact",
        "related_pages",
    }
    overdue = [page for page in english if page.review_overdue]
    assert overdue and all(
        page.content_owner.email == "editor@demo.wyvernshire.example" for page in overdue
    )
    assert all(page.last_reviewed and page.next_review for page in english)

    languages = list(
        GuidancePage.objects.live()
        .exclude(locale__language_code="en")
        .values_list("locale__language_code", flat=True)
    )
    # Every guidance page in each other language.
    assert sorted(languages) == sorted(["cy", "pl", "ro", "ur"] * len(english))

    client.defaults["HTTP_HOST"] = "localhost"
    for url in (
        "/strategy/",
        "/guidance/",
        "/pl/guidance/",
        "/ur/guidance/attendance-for-parents/",
    ):
        assert client.get(url).status_code == 200, url
    assert "اسکول میں حاضری" in client.get("/ur/guidance/attendance-for-parents/").content.decode()
    last_year = year_label(school_year_of(date.today()) - 1)
    chart = client.get("/strategy/").content.decode()
    assert f"Overall absence by phase, {last_year}" in chart
    assert "the council&#x27;s attendance data; England: Department for Education" in chart
    # Audiences and topics named in Polish, each translated once however often it runs.
    from guidance.models import Audience

    assert Audience.objects.filter(locale__language_code="pl").count() == 4
    polish = client.get("/pl/guidance/").content.decode()
    for name in ("Rodzice i opiekunowie", "Członkowie rad szkół", "Kary pieniężne i kroki prawne"):
        assert f">{name}</label>" in polish, name
    assert ">Parents and carers<" not in polish
    filters = polish.split('class="app-filter-panel"')[1].split("</form>")[0]
    assert 'lang="en"' not in filters  # every audience and topic is translated
    # The home page is still translated (the guidance translations come after it).
    assert "اسکول میں حاضری" in client.get("/ur/").content.decode()


def test_file_sizes_read_as_gov_uk_writes_them():
    assert readable_size(None) == ""
    assert readable_size(100) == "1 KB"
    assert readable_size(120 * 1024) == "120 KB"
    assert readable_size(int(1.4 * 1024 * 1024)) == "1.4 MB"


def test_guidance_page_queries_do_not_grow_with_related_pages(client, index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from home.page_cache import purge

    page = add_guidance_page(index, "Safeguarding", audiences=["schools"], topics=["safeguarding"])

    def queries():
        purge()
        client.get("/guidance/")  # the site frame is cached from here on
        with CaptureQueriesContext(connection) as captured:
            html = client.get(page.url).content.decode()
        return len(captured), html.split('id="related-guidance"')[1].count("<li")

    add_guidance_page(index, "Related 0", topics=["safeguarding"])
    with_one = queries()
    for n in range(1, 9):
        add_guidance_page(index, f"Related {n}", topics=["safeguarding"], audiences=["parents"])
    with_many = queries()
    assert (with_one[1], with_many[1]) == (1, 5)
    assert with_one[0] == with_many[0] <= 16
