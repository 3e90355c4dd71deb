"""A translation made with wagtail-localize is a draft, live only through the same
moderation workflow as any page: an editor submits it, a moderator approves it."""

import pytest
from django.urls import reverse
from wagtail.models import Locale, Page, Workflow
from wagtail_localize.models import StringTranslation, TranslationSource

from home.factories import StandardPageFactory
from portal.factories import UserFactory


@pytest.fixture
def editor(db):
    return UserFactory(email="editor@council.example", is_staff=True, groups=["Editors"])


@pytest.fixture
def moderator(db):
    return UserFactory(email="moderator@council.example", is_staff=True, groups=["Moderators"])


@pytest.fixture
def welsh(other_locales):
    return Locale.objects.get(language_code="cy")


@pytest.fixture
def english(home):
    page = StandardPageFactory(parent=home, title="Contact us", slug="contact")
    page.save_revision().publish()
    return page


def translate_in_admin(client, page, locale):
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale.pk]},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return page.get_translation(locale).specific


def translate_title(page, locale, words):
    source = TranslationSource.objects.get_for_instance(page)
    segment = source.stringsegment_set.get(context__path="title")
    StringTranslation.objects.create(
        translation_of=segment.string, locale=locale, context=segment.context, data=words
    )


def test_editor_translates_submits_and_a_moderator_approves(
    client, english, welsh, editor, moderator
):
    client.force_login(editor)
    welsh_page = translate_in_admin(client, english, welsh)
    # A draft, not live, with a revision to moderate; the English page is unchanged.
    assert not welsh_page.live
    assert welsh_page.latest_revision is not None
    assert Page.objects.get(pk=english.pk).live

    translate_title(english, welsh, "Cysylltu â ni")
    edit_url = reverse("wagtailadmin_pages:edit", args=[welsh_page.pk])
    submit_url = reverse("home_submit_translation", args=[welsh_page.pk])
    explorer = reverse("wagtailadmin_explore", args=[welsh_page.get_parent().pk])
    assert submit_url in client.get(explorer).content.decode()
    assert client.get(edit_url).status_code == 200  # the translation editor

    # The translation editor's "Publish" is refused to an editor, as for English pages.
    # (The admin answers a refusal by sending the user to its dashboard.)
    refused = client.post(edit_url, {"action": "publish"})
    assert refused.status_code == 302 and refused.url == reverse("wagtailadmin_home")
    assert not Page.objects.get(pk=welsh_page.pk).live

    assert client.get(submit_url).status_code == 200
    response = client.post(submit_url)
    assert response.status_code == 302
    welsh_page.refresh_from_db()
    assert not welsh_page.live
    state = welsh_page.current_workflow_state
    assert state is not None and state.workflow == Workflow.objects.get(name="Moderators approval")
    # Submitted once: no second submission while it is in moderation.
    assert client.post(submit_url).url == reverse("wagtailadmin_home")

    client.force_login(moderator)
    task_state = state.current_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[welsh_page.pk, "approve", task_state.pk]
    )
    assert client.post(approve).status_code in (200, 302)
    welsh_page = Page.objects.get(pk=welsh_page.pk)
    assert welsh_page.live
    assert welsh_page.title == "Cysylltu â ni"


def test_syncing_saves_drafts_and_keeps_the_live_translation(
    client, english, welsh, editor, moderator
):
    client.force_login(moderator)
    welsh_page = translate_in_admin(client, english, welsh)
    welsh_page.get_latest_revision().publish()

    english.title = "Contact the service"
    english.save_revision().publish()
    source = TranslationSource.objects.get_for_instance(english)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])

    client.force_login(editor)
    form = client.get(sync_url).content.decode()
    assert 'name="publish_translations"' not in form
    # Ticking the box anyway publishes nothing.
    assert client.post(sync_url, {"publish_translations": "on"}).status_code == 302
    welsh_page = Page.objects.get(pk=welsh_page.pk)
    assert welsh_page.live and welsh_page.title == "Contact us"  # what visitors see
    assert welsh_page.has_unpublished_changes
    assert welsh_page.get_latest_revision_as_object().title == "Contact the service"

    client.force_login(moderator)
    assert 'name="publish_translations"' in client.get(sync_url).content.decode()
