"""An editor sends a Welsh translation to moderation in a browser: the confirmation page
passes axe, and once submitted the translation waits for a moderator, not live."""

import pytest

from tests.browser.conftest import sign_in_to_admin

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_an_editor_submits_a_translation_for_moderation(page, portal, assert_accessible):
    from wagtail.models import Locale, Page
    from wagtail_localize.operations import TranslationCreator

    from home.models import StandardPage
    from portal.models import User

    editor = User.objects.get(email="editor@demo.wyvernshire.example")
    english = StandardPage.objects.get(slug="accessibility-statement", locale__language_code="en")
    welsh_locale = Locale.objects.get(language_code="cy")
    if english.has_translation(welsh_locale):  # the demo may have translated it already
        english.get_translation(welsh_locale).delete()
    TranslationCreator(editor, [welsh_locale]).create_translations(english)
    welsh = english.get_translation(welsh_locale)
    assert not welsh.live

    sign_in_to_admin(page, portal, editor.email)
    page.goto(f"{portal}/admin/translations/{welsh.pk}/submit-for-moderation/")
    main = page.locator("main").inner_text()
    assert "Submit translation for moderation" in main and "Welsh" in main
    assert_accessible(page)

    page.get_by_role("button", name="Submit for moderation").click()
    page.wait_for_load_state()
    welsh = Page.objects.get(pk=welsh.pk)
    assert welsh.workflow_in_progress and not welsh.live
