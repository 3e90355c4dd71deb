"""Wagtail hooks: pages."""

from wagtail import hooks

from ..demo_pages import seed_guidance


@hooks.register("register_demo_content")
def demo_guidance():
    return seed_guidance()


demo_guidance.order = 40
