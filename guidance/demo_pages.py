"""Demo strategy and guidance pages under the English home page, and translations of some
of them. Safe to run again: what exists is left as it is."""

from datetime import timedelta

from django.core.files.base import ContentFile
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Locale

from home.demo import translate_page
from home.models import HomePage
from portal.demo import demo_email
from portal.models import User

from .demo_pages_content import DOCUMENTS, GUIDANCE_INDEX, GUIDANCE_PAGES, STRATEGY
from .demo_pages_translations import TRANSLATIONS
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
    home = _english_home()
    if _child(home, StrategyPage, STRATEGY["slug"]):
        return "strategy page (already there)"
    absence = STRATEGY["absence_data"]
    page = StrategyPage(
        slug=STRATEGY["slug"],
        title=STRATEGY["title"],
        search_description=STRATEGY["search_description"],
        show_in_menus=True,
        vision=STRATEGY["vision"],
        priorities=[("priority", priority) for priority in STRATEGY["priorities"]],
        roles=[
            ("role", {"partner": partner, "responsibilities": text})
            for partner, text in STRATEGY["roles"]
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
            for action, priority, owner, due, status, progress in STRATEGY["actions"]
        ],
        absence_data=[
            (
                "absence_data",
                {
                    "title": absence["title"],
                    "year": absence["year"],
                    "source": absence["source"],
                    "figures": [
                        {"phase": phase, "local": local, "national": national}
                        for phase, local, national in absence["figures"]
                    ],
                },
            )
        ],
        monitoring=STRATEGY["monitoring"],
    )
    _publish(home, page)
    return f"strategy page with {len(STRATEGY['actions'])} actions"


def _document(key):
    Document = get_document_model()
    spec = DOCUMENTS[key]
    document = Document.objects.filter(title=spec["title"]).first()
    if document is None:
        content = spec["content"].encode()
        document = Document(title=spec["title"], file_size=len(content))
        document.file.save(spec["filename"], ContentFile(content), save=False)
        document._set_file_hash()
        document.save()
    return document


def _block_value(kind, value, pages):
    """The content's shorthand as block values: inset and warning text given as their text,
    documents as keys and pages as slugs."""
    if kind in ("inset_text", "warning_text"):
        return {"text": value}
    if kind == "document":
        return {**value, "document": _document(value["document"])}
    if kind == "related_pages":
        return {**value, "pages": [pages[slug] for slug in value["pages"]]}
    return value


def seed_guidance():
    home = _english_home()
    index = _child(home, GuidanceIndexPage, GUIDANCE_INDEX["slug"])
    if index is None:
        index = _publish(home, GuidanceIndexPage(show_in_menus=True, **GUIDANCE_INDEX))
    audiences = {audience.slug: audience for audience in Audience.objects.all()}
    topics = {topic.slug: topic for topic in Topic.objects.all()}
    editor = User.objects.filter(email=demo_email("editor")).first()
    today = timezone.localdate()
    pages = {page.slug: page for page in GuidancePage.objects.child_of(index)}
    created = 0
    for spec in GUIDANCE_PAGES:
        if spec["slug"] in pages:
            continue
        page = GuidancePage(
            slug=spec["slug"],
            title=spec["title"],
            summary=spec["summary"],
            body=[(kind, _block_value(kind, value, pages)) for kind, value in spec["body"]],
            last_reviewed=today - timedelta(days=spec["reviewed"]),
            next_review=today + timedelta(days=spec["next_review"]),
            content_owner=editor if spec.get("owned_by_editor") else None,
        )
        page.audiences = [audiences[slug] for slug in spec["audiences"]]
        page.topics = [topics[slug] for slug in spec["topics"]]
        pages[spec["slug"]] = _publish(index, page)
        created += 1
    return f"guidance index and {len(GUIDANCE_PAGES)} guidance pages ({created} new)"


def _translated_slugs(code):
    return TRANSLATIONS[code].keys() - {GUIDANCE_INDEX["slug"]}


def seed_guidance_index_translations():
    """The index in each language its pages are translated into. A step of its own: a
    translation is published when its transaction commits, and publishing the index after
    its pages were added would reset its count of children (so they could not be found)."""
    index = _child(_english_home(), GuidanceIndexPage, GUIDANCE_INDEX["slug"])
    translated = sum(
        translate_page(index, code, words[GUIDANCE_INDEX["slug"]])
        for code, words in TRANSLATIONS.items()
    )
    return f"{translated} new translations of the guidance index"


def seed_guidance_translations():
    index = _child(_english_home(), GuidanceIndexPage, GUIDANCE_INDEX["slug"])
    translated = 0
    for code, words in TRANSLATIONS.items():
        for page in GuidancePage.objects.child_of(index).filter(slug__in=_translated_slugs(code)):
            translated += translate_page(page, code, words[page.slug])
    return f"{translated} new translations of guidance pages"
