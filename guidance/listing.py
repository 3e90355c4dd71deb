"""What the guidance index lists: the guidance a visitor filtered for, a page at a time,
in a fixed number of queries however many pages there are."""

from django.core.paginator import Paginator
from django.db.models.query import prefetch_related_objects

from home.localize import (
    default_language_rows_named,
    in_active_language,
    in_default_language,
    shown_among,
)
from shared.listing import chosen_values, pagination

from .languages import mark_languages
from .models.pages import Audience, GuidancePage, Topic
from .taxonomy import sorted_by_shown_name

PER_PAGE = 20


def _in_visitors_language(pages):
    """Each page swapped for its live translation in the visitor's language, if any."""
    return in_active_language(pages, GuidancePage.objects)


def guidance_list(index, request):
    # The English audiences and topics (pages point at them, filters match their slugs),
    # each with the name to show in the visitor's language: one query each, translations and all.
    audiences = default_language_rows_named(Audience.objects.all())
    topics = sorted_by_shown_name(default_language_rows_named(Topic.objects.all()))
    chosen_audiences = chosen_values(request.GET.getlist("audience"), {a.slug for a in audiences})
    chosen_topics = chosen_values(request.GET.getlist("topic"), {t.slug for t in topics})

    pages = (
        GuidancePage.objects.live()
        .child_of(in_default_language(index))
        .defer_streamfields()
        .order_by("path")
    )
    # Within a facet any choice matches; across facets all must. Subqueries rather than
    # joins, so a page with two chosen audiences is listed once.
    if chosen_audiences:
        pages = pages.filter(
            pk__in=GuidancePage.audiences.through.objects.filter(
                audience__slug__in=chosen_audiences
            ).values("guidancepage_id")
        )
    if chosen_topics:
        pages = pages.filter(
            pk__in=GuidancePage.topics.through.objects.filter(topic__slug__in=chosen_topics).values(
                "guidancepage_id"
            )
        )

    page_obj = Paginator(pages, PER_PAGE).get_page(request.GET.get("page"))
    items = mark_languages(_in_visitors_language(list(page_obj)))
    prefetch_related_objects(items, "audiences", "topics")
    # Each item's audiences and topics are among those just fetched, with their names.
    item_audiences = shown_among((item.audiences.all() for item in items), audiences)
    item_topics = shown_among((item.topics.all() for item in items), topics)
    for item, its_audiences, its_topics in zip(items, item_audiences, item_topics, strict=True):
        item.audience_list = its_audiences
        item.topic_list = sorted_by_shown_name(its_topics)
    query = {"audience": chosen_audiences, "topic": chosen_topics}
    return {
        "guidance_pages": items,
        "page_obj": page_obj,
        "pagination": pagination(page_obj, query),
        "audiences": [(a, a.slug in chosen_audiences) for a in audiences],
        "topics": [(t, t.slug in chosen_topics) for t in topics],
        "filtered": bool(chosen_audiences or chosen_topics),
    }
