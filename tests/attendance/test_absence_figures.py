"""The attendance app's answer to the strategy's chart hook, and the page cache emptied
when the figures change."""

import pytest
from django.utils import translation
from wagtail import hooks

from attendance.factories import AreaFiguresFactory
from attendance.signals import figures_changed
from home import page_cache
from shared.absence_figures import HOOK_NAME


@pytest.mark.django_db
def test_the_hook_answers_none_without_figures_then_the_latest_whole_year(
    django_assert_max_num_queries,
):
    (answer,) = hooks.get_hooks(HOOK_NAME)
    assert answer() is None
    for year in (2024, 2025):
        for area, absence in (("council", 7.24), ("national", 6.8)):
            AreaFiguresFactory(area=area, phase="all", year=year, half=6, absence=absence)
    AreaFiguresFactory(area="council", phase="primary", year=2025, half=6, absence=5.0)
    with translation.override("en"), django_assert_max_num_queries(1):
        figures = answer()
    assert (figures.year, figures.period) == ("2025/26", "The whole school year")
    assert [(row.phase, str(row.local), row.national) for row in figures.rows] == [
        ("All schools", "7.2", figures.rows[0].national),
        ("Primary", "5.0", None),
    ]
    assert str(figures.rows[0].national) == "6.8"


@pytest.mark.django_db
def test_changed_figures_empty_the_page_cache_once_committed(
    django_capture_on_commit_callbacks,
):
    before = page_cache.generation()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        figures_changed.send(sender=None, years={2025}, today=None)
        assert page_cache.generation() == before  # not before the commit
    for callback in callbacks:
        callback()
    assert page_cache.generation() != before
