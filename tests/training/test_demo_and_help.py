from django.test import RequestFactory
from wagtail.models import Page

from home.models import HomePage, StandardPage
from self_assessment.help import help_for
from self_assessment.models import AssessmentArea
from training.demo import seed_training
from training.models import Booking, CoursePage, TrainingIndexPage

from .conftest import make_course


def test_demo_replaces_an_earlier_training_page_and_is_idempotent(home, school):
    from portal.demo import seed_accounts, seed_schools

    seed_schools()
    seed_accounts()
    old = StandardPage(title="Training", slug="training", show_in_menus=True)
    home.add_child(instance=old)
    old.save_revision().publish()
    home = HomePage.objects.get(pk=home.pk)
    home.tiles = [("tile", {"title": "Training", "description": "", "page": old, "url": ""})]
    home.save_revision().publish()

    first = seed_training()
    assert Page.objects.filter(slug="training").count() == 1
    index = TrainingIndexPage.objects.get()
    assert index.show_in_menus
    assert HomePage.objects.get(pk=home.pk).tiles[0].value["page"].pk == index.pk
    assert CoursePage.objects.count() >= 8
    assert Booking.objects.filter(status="waiting").exists()
    assert Booking.objects.filter(attendance="attended", feedback__isnull=False).exists()
    bookings = Booking.objects.count()
    second = seed_training()
    assert "(0 new)" in second and "(0 new)" not in first
    assert Booking.objects.count() == bookings


def test_help_links_courses_for_assessment_areas(index, django_assert_max_num_queries):
    monitor = AssessmentArea.objects.get(slug="monitor")
    enforce = AssessmentArea.objects.get(slug="enforce")
    tagged = make_course(index, "data", sessions=[(5, 10)])
    tagged.assessment_areas = [monitor]
    tagged.save_revision().publish()
    past_only = make_course(index, "old", sessions=[(-5, 10)])
    past_only.assessment_areas = [monitor, enforce]
    past_only.save_revision().publish()
    request = RequestFactory().get("/", HTTP_HOST="localhost")
    with django_assert_max_num_queries(8):
        found = help_for(request, [monitor.pk, enforce.pk])
    training = {k: [link for link in v if link.kind == "training"] for k, v in found.items()}
    assert [link.title for link in training[monitor.pk]] == ["Course data"]
    assert training[enforce.pk] == []
    assert training[monitor.pk][0].url.endswith("/training/data/")
