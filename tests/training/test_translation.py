"""A translated course shows and books its source's sessions: one set of places and
bookings per course, whatever the language of the page a person books from."""

import pytest
from django.utils import translation
from django.utils.translation import ngettext
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from training import services as bookings
from training.models import Booking, CoursePage, Session

from .conftest import DETAILS
from .test_pages import book_url, check_url


@pytest.fixture
def welsh(other_locales):
    return Locale.objects.get(language_code="cy")


def translate(page, locale):
    """Translate a page as wagtail-localize's "Translate this page" does, then publish
    the translation (as a moderator would)."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(source=source, target_locale=locale)
    translation.save_target(publish=False)
    target = page.get_translation(locale).specific
    target.get_latest_revision().publish()
    target.refresh_from_db()
    return target


@pytest.fixture
def welsh_course(course, index, welsh):
    translate(index, welsh)
    return translate(course, welsh)


def test_translating_a_course_copies_none_of_its_sessions(course, welsh_course):
    assert welsh_course.locale.language_code == "cy" and welsh_course.live
    assert not Session.objects.filter(course=welsh_course).exists()
    assert Session.objects.filter(course=course).count() == 2
    assert welsh_course.booking_course() == course
    # Syncing the translation after the English page changes copies none either.
    course.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(course)
    source.update_from_db()
    Translation.objects.get(source=source).save_target(publish=False)
    assert not Session.objects.filter(course=welsh_course).exists()
    # A copy made by copy_for_translation has none either.
    polish = course.copy_for_translation(Locale.objects.get(language_code="pl"), copy_parents=True)
    assert not Session.objects.filter(course=polish).exists()


def test_the_translated_page_lists_and_books_the_source_sessions(client, session, welsh_course):
    bookings.book(session.pk, name="First", email="first@example.com", role="governor")
    body = client.get(welsh_course.url).content.decode()
    assert book_url(session) in body
    # Shared with the English page: one of the two places is taken.
    with translation.override("cy"):
        places = ngettext("%(counter)s place left", "%(counter)s places left", 2) % {"counter": 2}
    assert places in body

    client.post(book_url(session), DETAILS, HTTP_ACCEPT_LANGUAGE="cy")
    client.post(check_url(session))
    booking = Booking.objects.get(email=DETAILS["email"])
    assert booking.session == session
    assert "1 place left" in client.get(session.course.url).content.decode()
    with translation.override("cy"):
        place = ngettext("%(counter)s place left", "%(counter)s places left", 1) % {"counter": 1}
    assert place in client.get(welsh_course.url).content.decode()


def test_the_translated_index_lists_the_source_sessions(client, session, welsh_course):
    welsh_index = welsh_course.get_parent()
    body = client.get(welsh_index.url).content.decode()
    assert welsh_course.url in body  # the source's session, named in Welsh
    assert CoursePage.objects.filter(locale__language_code="cy").count() == 1
