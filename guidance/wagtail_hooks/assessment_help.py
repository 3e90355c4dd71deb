"""Wagtail hooks: guidance pages that editors tagged with a self-assessment area are
offered as help for that area in a school's report (self_assessment.help)."""

from django.conf import settings
from wagtail import hooks

from home.localize import in_active_language
from shared.help_links import HOOK_NAME, HelpLink

from ..models import GuidancePage


@hooks.register(HOOK_NAME)
def guidance_for_areas(request, area_ids):
    """Two queries at most, whatever the number of areas: the tagged live pages, and their
    translations in the visitor's language."""
    through = GuidancePage.assessment_areas.through
    links = list(
        through.objects.filter(
            assessmentarea_id__in=area_ids,
            guidancepage__live=True,
            guidancepage__locale__language_code=settings.LANGUAGE_CODE,
        )
        .select_related("guidancepage")
        .defer("guidancepage__body")
        .order_by("guidancepage__title")
    )
    pages = in_active_language(
        [link.guidancepage for link in links], GuidancePage.objects.defer_streamfields()
    )
    return [
        HelpLink(
            area_id=link.assessmentarea_id,
            kind="guidance",
            title=page.title,
            url=page.get_url(request),
            detail=page.summary,
        )
        for link, page in zip(links, pages, strict=True)
    ]
