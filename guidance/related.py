"""A guidance page's related guidance: other pages that share a topic with it."""

from django.db.models import F, Q

from home.localize import active_locale, default_language

from .languages import mark_languages


def related_guidance(page, limit=5):
    """Up to `limit` other live guidance pages that share a topic with `page`, in the
    visitor's language where translated (else the default language), in one query."""
    # The page's own class: this module needs no import of the models that call it.
    pages = type(page)
    through = pages.topics.through
    shared = through.objects.filter(
        topic_id__in=through.objects.filter(guidancepage_id=page.pk).values("topic_id")
    ).values("guidancepage_id")
    locale = active_locale()
    candidates = (
        pages.objects.live()
        .filter(pk__in=shared)
        .filter(Q(locale=locale) | Q(locale__language_code=default_language()))
        .exclude(translation_key=page.translation_key)
        .defer_streamfields()
        .order_by(F("last_reviewed").desc(nulls_last=True), "path")
    )
    # At most two versions of each page (the visitor's language and the default), so
    # twice the limit always leaves enough once each page is kept in one language.
    chosen = {}
    for candidate in candidates[: limit * 2]:
        kept = chosen.get(candidate.translation_key)
        if kept is None or candidate.locale_id == locale.pk:
            chosen[candidate.translation_key] = candidate
    return mark_languages(list(chosen.values())[:limit])
