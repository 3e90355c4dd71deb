"""The demo's form pages: one per journey under /forms/, made once."""

from forms_app.demo import seed_form_pages
from forms_app.journeys.registry import Journey
from forms_app.models import FormPage
from home.factories import StandardPageFactory


def test_each_journey_gets_a_published_start_page_once(home, client):
    StandardPageFactory(parent=home, slug="forms", title="Forms and applications")
    seed_form_pages()
    assert seed_form_pages() == "6 form pages (0 new)"
    pages = {page.slug: page for page in FormPage.objects.live()}
    assert {slug: page.journey for slug, page in pages.items()} == {
        "home-education": Journey.EHE_REGISTRATION,
        "child-work-permit": Journey.EMPLOYMENT_PERMIT,
        "performance-licence": Journey.PERFORMANCE_LICENCE,
        "chaperone-approval": Journey.CHAPERONE_APPROVAL,
        "attendance-referral": Journey.ATTENDANCE_REFERRAL,
        "roll-change": Journey.ROLL_CHANGE,
    }
    start = client.get("/forms/child-work-permit/").content.decode()
    assert "licensing@wyvernshire.example" in start and "Start now" in start
