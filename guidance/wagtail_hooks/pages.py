"""Wagtail hooks: pages."""

from wagtail import hooks

from ..demo_pages import seed_guidance, seed_guidance_index_translations, seed_guidance_translations


@hooks.register("register_demo_content")
def demo_guidance():
    return seed_guidance()


demo_guidance.order = 40


@hooks.register("register_demo_content")
def demo_guidance_index_translations():
    return seed_guidance_index_translations()


@hooks.register("register_demo_content")
def demo_guidance_translations():
    return seed_guidance_translations()


# After the home page's translations (order 90), since translating a page first would copy
# the home page into each language untranslated; the index a step before its pages.
demo_guidance_index_translations.order = 95
demo_guidance_translations.order = 96
