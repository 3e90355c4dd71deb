"""Demo strategy and guidance pages under the English home page, read from
guidance/demo/*.yaml (their translations, guidance/demo/translations/, are made with every
other page's by home.demo). Safe to run again: what exists is left as it is."""

from datetime import timedelta
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from home.localize import default_language_rows
from home.models import HomePage
from portal.demo import demo_email
from portal.models import User
from shared.demo_data import load

from .models import Audience, GuidanceIndexPage, GuidancePage, StrategyPage, Topic


def _english_home():
    return HomePage.objects.get(depth=2, locale=Locale.objects.get(language_code="en"))


def _child(parent, model, slug):
    return model.objects.child_of(parent).filter(slug=slug).first()


def _publish(parent, page):
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def seed_strategy():
    spec = load("guidance", "strategy")
    home = _english_home()
    if _child(home, StrategyPage, spec["slug"]):
        return "strategy page (already there)"
    absence = spec["absence_data"]
    figures = [
        {**figure, "local": Decimal(figure["local"]), "national": Decimal(figure["national"])}
        for figure in absence["figures"]
    ]
    page = StrategyPage(
        slug=spec["slug"],
        title=spec["title"],
        search_description=spec["search_description"],
        show_in_menus=True,
        vision=spec["vision"],
        priorities=[("priority", priority) for priority in spec["priorities"]],
        roles=[
            ("role", {"partner": partner, "responsibilities": text})
            for partner, text in spec["roles"].items()
        ],
        action_plan=[("action", action) for action in spec["actions"]],
        absence_data=[("absence_data", {**absence, "figures": figures})],
        monitoring=spec["monitoring"],
    )
    _publish(home, page)
    return f"strategy page with {len(spec['actions'])} actions"


def _document(key):
    Document = get_document_model()
    spec = load("guidance", "documents")[key]
    document = Document.objects.filter(title=spec["title"]).first()
    if document is None:
        content = spec["content"].encode()
        document = Document(title=spec["title"], file_size=len(content))
        document.file.save(spec["filename"], ContentFile(content), save=False)
        document._set_file_hash()
        document.save()
    return document


def _block(block, pages):
    """A block of the data, `{kind: value}`, as a block value: inset and warning text are
    given as their text, documents as keys and pages as slugs."""
    [(kind, value)] = block.items()
    if kind in ("inset_text", "warning_text"):
        value = {"text": value}
    elif kind == "document":
        value = {**value, "document": _document(value["document"])}
    elif kind == "related_pages":
        value = {**value, "pages": [pages[slug] for slug in value["pages"]]}
    return (kind, value)


def seed_guidance():
    data = load("guidance", "guidance")
    home = _english_home()
    index = _child(home, GuidanceIndexPage, data["index"]["slug"])
    if index is None:
        index = _publish(home, GuidanceIndexPage(show_in_menus=True, **data["index"]))
    # The English ones: pages point at them whatever their language.
    audiences = {a.slug: a for a in default_language_rows(Audience.objects.all())}
    topics = {t.slug: t for t in default_language_rows(Topic.objects.all())}
    editor = User.objects.filter(email=demo_email("editor")).first()
    today = timezone.localdate()
    pages = {page.slug: page for page in GuidancePage.objects.child_of(index)}
    created = 0
    for spec in data["pages"]:
        if spec["slug"] in pages:
            continue
        page = GuidancePage(
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            body=[_block(block, pages) for block in spec["body"]],
            last_reviewed=today - timedelta(days=spec["reviewed_days_ago"]),
            next_review=today + timedelta(days=spec["next_review_in_days"]),
            content_owner=editor if spec.get("owned_by_editor") else None,
        )
        page.audiences = [audiences[slug] for slug in spec["audiences"]]
        page.topics = [topics[slug] for slug in spec["topics"]]
        pages[spec["slug"]] = _publish(index, page)
        created += 1
    return f"guidance index and {len(data['pages'])} guidance pages ({created} new)"
