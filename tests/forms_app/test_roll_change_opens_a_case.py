"""End to end, with both apps installed: a school's notice that a pupil left for nowhere
known opens one children missing education case for the pupil tracking officers, which
the school then sees on its dashboard; a notice with a destination opens none."""

from datetime import date

import pytest

from forms_app.journeys.registry import Journey
from forms_app.models import Submission
from missing_education.models import Case

from .roll_change_fixtures import *  # noqa: F403  (the page, the terms, the answers)
from .roll_change_fixtures import NOT_KNOWN, deletion, send

pytestmark = pytest.mark.django_db


def test_nowhere_known_opens_one_case_the_school_sees(sender, school, client):
    send(
        sender, deletion(school, "9_1_g", date.today(), ("step/moved/", {}), destination=NOT_KNOWN)
    )
    sender.post("check-your-answers/", {})  # sent twice: still one notice, one case
    notice = Submission.objects.get(journey=Journey.ROLL_CHANGE)
    case = Case.objects.get()
    assert case.notice_reference == notice.reference
    assert case.source == Case.Source.ROLL_CHANGE
    assert (case.first_name, case.last_name, case.last_school) == ("Ruby", "Shaw", school)
    dashboard = client.get("/portal/").content.decode()
    assert "Ruby Shaw" in dashboard  # the school's panel of open cases it is part of


def test_a_destination_opens_no_case(sender, school):
    moved = deletion(
        school,
        "9_1_g",
        date.today(),
        ("step/moved/", {}),
        destination={"destination": "council", "destination_name": "Bristol City Council",
                     "family_moved": "yes"},
    )  # fmt: skip
    send(sender, moved)
    assert Submission.objects.filter(journey=Journey.ROLL_CHANGE).count() == 1
    assert not Case.objects.exists()


def test_a_parent_named_in_a_notice_finds_it_and_its_case(sender, school):
    """Subject access: the parent the school named is found in the notice's answers and
    on the case it opened."""
    from privacy.registry import find
    from shared.personal_data import Query

    send(
        sender, deletion(school, "9_1_g", date.today(), ("step/moved/", {}), destination=NOT_KNOWN)
    )
    found = find(Query(name="Nadia Shaw"))
    kinds = {(held.service, held.kind) for held in found}
    assert ("pupil_tracking", "submission") in kinds
    assert ("pupil_tracking", "missing education case") in kinds
