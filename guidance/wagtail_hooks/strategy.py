"""Wagtail hooks: strategy."""

from wagtail import hooks

from ..demo_pages import seed_strategy


@hooks.register("register_demo_content")
def demo_strategy():
    return seed_strategy()


demo_strategy.order = 41
