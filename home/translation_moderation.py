"""Translations go live through the same moderation workflow as any page.

wagtail-localize, as configured in settings (WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE
= False), makes a new translation as a draft. Two things it has no setting for are here,
in one place:

- A way for an editor (who may not publish) to send a translation to the workflow. The
  translation editor offers only "Publish", to those who may publish. A button in the
  page's header ("Submit translation for moderation") leads to `submit_for_moderation`:
  the translated strings are saved as a draft revision and the page's workflow starts;
  a moderator's approval publishes it, as for an English page.
- "Sync translated pages" publishes the translations directly when its "Publish
  immediately" box is ticked, without asking whether the user may publish them. Its view
  is replaced (same address, registered ahead of wagtail-localize's) by `SyncTranslations`,
  which offers the box only to those who may publish every translated page, and otherwise
  saves each translation's update as a draft.

A live page's row is what visitors see, so a draft of a live translation goes into a
revision only (`save_draft`): wagtail-localize's own draft save writes the row too.
"""

from django.contrib import messages
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.models import Translation
from wagtail_localize.segments.ingest import ingest_segments
from wagtail_localize.views.update_translations import UpdateTranslationsView


def translation_of(page):
    """The synced translation that makes this page, or None when the page is not one."""
    return (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .select_related("source", "target_locale")
        .first()
    )


def save_draft(translation, user):
    """Save the translation's page, with the strings translated so far, as a draft
    revision. Returns the page."""
    source, locale = translation.source, translation.target_locale
    try:
        page = source.get_translated_instance(locale)
    except ObjectDoesNotExist:
        page = None
    if page is None or not page.live:
        # Nobody sees the page yet, so wagtail-localize may write its row as well.
        translation.save_target(user=user, publish=False)
        return source.get_translated_instance(locale)
    original = source.as_instance()
    copy_synchronised_fields(original, page)
    # The same strings wagtail-localize's save_target uses (English where untranslated).
    segments = source._get_segments_for_translation(locale, fallback=True)
    ingest_segments(original, page, source.locale, locale, segments)
    page.save_revision(user=user)
    return page


def can_submit(page, user):
    """Whether the user may send this translated page to its workflow now."""
    workflow = page.get_workflow()
    return (
        workflow is not None
        and workflow.active
        and not page.workflow_in_progress
        and page.permissions_for_user(user).can_edit()
        and translation_of(page) is not None
    )


def submit_for_moderation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_submit(page, request.user):
        raise PermissionDenied
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    if request.method == "POST":
        with transaction.atomic():
            page = save_draft(translation_of(page), request.user)
            page.get_workflow().start(page, request.user)
        messages.success(
            request,
            _("'%(title)s' in %(language)s was submitted for moderation.")
            % {"title": page.get_admin_display_title(), "language": page.locale.get_display_name()},
        )
        return redirect(edit_url)
    return TemplateResponse(
        request,
        "home/admin/submit_translation.html",
        {"page": page, "edit_url": edit_url, "workflow": page.get_workflow()},
    )


class SyncTranslations(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", publishing only for those who may."""

    def may_publish(self):
        for translation in self.object.translations.filter(enabled=True):
            try:
                target = translation.get_target_instance()
            except ObjectDoesNotExist:
                continue
            if (
                isinstance(target, Page)
                and not target.permissions_for_user(self.request.user).can_publish()
            ):
                return False
        return True

    def get_form(self):
        form = super().get_form()
        if not self.may_publish():
            del form.fields["publish_translations"]
        return form

    @transaction.atomic
    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        response = super().form_valid(form)
        if not form.cleaned_data["publish_translations"]:
            for translation in self.object.translations.filter(enabled=True):
                if isinstance(self.object.as_instance(), Page):
                    save_draft(translation, self.request.user)
        return response


def admin_urls():
    return [
        path(
            "translations/<int:page_id>/submit-for-moderation/",
            submit_for_moderation,
            name="home_submit_translation",
        ),
        # The address of wagtail-localize's own view (wagtail_localize:update_translations).
        path(
            "localize/update/<int:translation_source_id>/",
            SyncTranslations.as_view(),
            name="home_sync_translations",
        ),
    ]
