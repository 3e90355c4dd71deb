"""Helpers that build strategy and guidance pages for the tests (plain functions, so each
test module wraps the ones it needs in its own fixtures)."""

from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.rich_text import RichText

from guidance.models import Audience, GuidanceIndexPage, GuidancePage, StrategyPage, Topic
from tests.pages import add_pages_in_bulk

PRIORITIES = ["Relationships and communication", "Effective intervention", "Systems and data"]

# (action, priority, owner, due, status, progress)
ACTIONS = [
    ("Survey families", 1, "Senior officer", "Autumn term 2026", "done", "2,400 replies"),
    ("Agree messages", 1, "Head of service", "Spring term 2027", "on_track", ""),
    ("Publish the pathway", 2, "Senior officer", "Spring term 2027", "at_risk", "Delayed"),
    ("Check early help plans", 2, "Head of early help", "Summer term 2027", "not_started", ""),
    ("Build a dashboard", 3, "Analyst", "Summer term 2027", "on_track", ""),
    ("=SUM(A1:A9) tidy the data", 3, "Analyst", "Every term", "done", ""),
]

FIGURES = [
    ("All schools", Decimal("7.2"), Decimal("6.8")),
    ("Primary", Decimal("5.0"), Decimal("5.2")),
    ("Secondary", Decimal("10.0"), Decimal("8.5")),
    ("Special", Decimal("12.1"), Decimal("12.9")),
]


def publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def make_strategy(home, **fields):
    page = StrategyPage(
        title="Attendance strategy",
        slug="strategy",
        vision="<p>Every child in school, every day.</p>",
        priorities=[
            (
                "priority",
                {"title": title, "summary": f"About {title}.", "how": f"<ul><li>Do {n}</li></ul>"},
            )
            for n, title in enumerate(PRIORITIES, 1)
        ],
        roles=[
            ("role", {"partner": "schools", "responsibilities": "<p>Keep accurate registers.</p>"}),
            ("role", {"partner": "council", "responsibilities": "<p>Leads the strategy.</p>"}),
            ("role", {"partner": "schools", "responsibilities": "<p>Call home on day one.</p>"}),
        ],
        action_plan=[
            (
                "action",
                {
                    "action": action,
                    "priority": priority,
                    "owner": owner,
                    "due": due,
                    "status": status,
                    "progress": progress,
                },
            )
            for action, priority, owner, due, status, progress in ACTIONS
        ],
        absence_data=[
            (
                "absence_data",
                {
                    "title": "Overall absence by phase",
                    "year": "2023 to 2024",
                    "source": "The council's published figures",
                    "figures": [
                        {"phase": phase, "local": local, "national": national}
                        for phase, local, national in FIGURES
                    ],
                },
            )
        ],
        monitoring="<h3>Three-stage attendance monitoring</h3><p>Stage 1: audit.</p>",
        **fields,
    )
    return publish(home, page)


def make_guidance_index(home):
    return publish(home, GuidanceIndexPage(title="Guidance", slug="guidance"))


def add_guidance_page(index, title, audiences=(), topics=(), publish_it=True, **fields):
    """A guidance page under `index`; audiences and topics given as slugs or objects."""
    fields.setdefault("summary", f"About {title.lower()}.")
    fields.setdefault("body", [("text", RichText(f"<p>{title} in detail.</p>"))])
    page = GuidancePage(title=title, slug=slugify(title), **fields)
    page.audiences = _objects(Audience, audiences)
    page.topics = _objects(Topic, topics)
    if not publish_it:
        page.live = False
        index.add_child(instance=page)
        return page
    return publish(index, page)


def add_guidance_pages(index, titles, audiences=(), topics=()):
    """Live guidance pages under `index`, one per title, made at once (tests/pages.py);
    each as add_guidance_page makes it, without a revision."""
    audiences, topics = _objects(Audience, audiences), _objects(Topic, topics)
    pages = []
    for title in titles:
        page = GuidancePage(
            title=title,
            slug=slugify(title),
            summary=f"About {title.lower()}.",
            body=[("text", RichText(f"<p>{title} in detail.</p>"))],
        )
        page.audiences, page.topics = audiences, topics
        pages.append(page)
    return add_pages_in_bulk(index, pages)


def _objects(model, items):
    slugs = [item for item in items if isinstance(item, str)]
    # The English ones: pages point at those, whatever their translations.
    english = model.objects.filter(slug__in=slugs, locale__language_code="en")
    found = {obj.slug: obj for obj in english} if slugs else {}
    return [found[item] if isinstance(item, str) else item for item in items]


def make_document(title="Return template", name="return.csv", content=b"a,b\n1,2\n"):
    Document = get_document_model()
    document = Document(title=title, file_size=len(content))
    document.file.save(name, ContentFile(content), save=False)
    document.save()
    return document
