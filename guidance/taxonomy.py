"""Who guidance is for and what it is about, named in the visitor's language: pages point
at the English audiences and topics; an editor's translation changes only the name shown."""

import unicodedata

from home.localize import show_in_active_language


def sorted_by_shown_name(topics):
    """Topics (given `shown` by show_in_active_language) in the alphabetical order of the
    names shown, accents aside."""
    return sorted(topics, key=lambda topic: _sort_key(topic.shown.name))


def _sort_key(name):
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def audiences_and_topics(page):
    """A page's audiences and topics, each with the name to show (one query for each, and
    one for each one's translations in a language other than English)."""
    return (
        show_in_active_language(page.audiences.all()),
        sorted_by_shown_name(show_in_active_language(page.topics.all())),
    )
