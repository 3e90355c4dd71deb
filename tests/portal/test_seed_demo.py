import pytest
from django.core.management import call_command
from wagtail.models import Page

from home.demo import translatable_snippets
from home.models import AlertBanner, CouncilSettings, HomePage
from portal.groups import STAFF_GROUPS
from portal.models import Membership, School, User


def counts():
    return {
        "schools": School.objects.count(),
        "users": User.objects.count(),
        "memberships": Membership.objects.count(),
        "pages": Page.objects.count(),
        "banners": AlertBanner.objects.count(),
        "settings": CouncilSettings.objects.count(),
    }


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_seed_demo_fills_the_portal_and_changes_nothing_the_second_time(client):
    call_command("seed_demo")
    first = counts()
    call_command("seed_demo")
    assert counts() == first

    assert School.objects.filter(active=True).count() >= 24
    assert School.objects.values("locality").distinct().count() >= 2
    assert set(School.objects.values_list("phase", flat=True)) == set(School.Phase.values)
    for group in STAFF_GROUPS:
        assert User.objects.filter(groups__name=group).exists(), group
    assert Membership.objects.filter(role=Membership.Role.GOVERNOR).exists()
    assert Membership.objects.exclude(role=Membership.Role.GOVERNOR).exists()
    languages = set(HomePage.objects.live().values_list("locale__language_code", flat=True))
    assert languages == {"en", "cy", "pl", "ro", "ur"}
    # Every public page in every language, through wagtail-localize, and the banner too.
    english = Page.objects.filter(depth__gte=2, locale__language_code="en").live()
    for code in ("cy", "pl", "ro", "ur"):
        translated = Page.objects.filter(locale__language_code=code).live()
        assert set(translated.values_list("translation_key", flat=True)) == set(
            english.values_list("translation_key", flat=True)
        ), code
    assert AlertBanner.objects.count() == 5
    # And every snippet translated the same way: the banner, audiences and topics.
    for model in translatable_snippets():
        keys = model.objects.filter(locale__language_code="en").values_list("translation_key")
        for code in ("cy", "pl", "ro", "ur"):
            translated = model.objects.filter(locale__language_code=code)
            assert set(translated.values_list("translation_key")) == set(keys), (model, code)

    client.defaults["HTTP_HOST"] = "localhost"
    assert "حفاظت کے نامزد ذمہ داران (DSL)" in client.get("/ur/training/").content.decode()
    # A table's cells are translated with the page they are on.
    codes = client.get("/pl/guidance/attendance-registers-and-codes/").content.decode()
    assert "Kod" in codes and "When to use it" not in codes
    home = client.get("/").content.decode()
    assert "Wyvernshire County Council" in home
    assert client.get("/ur/").content.decode().count("اسکول") >= 1
    signed_in = client.post(
        "/portal/sign-in/",
        {
            "username": "attendance.lead@demo.wyvernshire.example",
            "password": "attendance-demo-2026",
        },
    )
    assert signed_in.status_code == 302
