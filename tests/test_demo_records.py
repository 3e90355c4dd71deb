"""The whole demo, seeded as `manage.py seed_demo` seeds it, is one a council would
recognise: no training on a weekend or a bank holiday, every permit printing in full,
every application complete by its own form's questions."""

from datetime import date, time

import pytest
from django.core.management import call_command
from django.utils import timezone

from forms_app.journeys.registry import Journey
from forms_app.models import Submission
from portal.factories import UserFactory
from portal.terms import is_bank_holiday, working_day
from shared.times import clock
from tests.clients import PortalClient
from tests.forms_app.stored_answers import problems
from training.models import Session


# The command's own commits are tested in tests/portal/test_seed_demo.py; its content is
# checked here inside the test's transaction, which costs no flush and reload.
@pytest.mark.django_db
def test_the_seeded_demo_is_complete_and_on_working_days(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path  # the demo's uploaded files
    call_command("seed_demo", verbosity=0)

    sessions = Session.objects.all()
    assert sessions.count() >= 20
    for session in sessions:
        day = timezone.localtime(session.starts_at).date()
        assert working_day(day) and not is_bank_holiday(day), (session.pk, day)
        assert day.weekday() < 5 and (day.month, day.day) not in ((12, 25), (12, 26), (1, 1))

    # A home education record a school's roll-change notice started holds only what the
    # school knew (tests/forms_app/test_roll_change_journey.py shows it to officers).
    public = Submission.objects.exclude(journey=Journey.ATTENDANCE_REFERRAL).exclude(
        flags__icontains=Submission.Flag.FROM_SCHOOL.value
    )
    assert public.count() >= 60
    for submission in public:
        attachments = {str(a.pk): a for a in submission.attachments.all()}
        found = problems(submission.journey, submission.answers, attachments)
        assert found == [], (submission.reference, found)

    officer = UserFactory(email="licensing@council.example", groups=["Licensing officers"])
    client = PortalClient(HTTP_HOST="localhost")
    client.force_login(officer)
    permits = public.filter(journey=Journey.EMPLOYMENT_PERMIT, status=Submission.Status.APPROVED)
    assert permits.exists()
    for permit in permits:
        response = client.get(f"/forms/permit/{permit.reference}/")
        assert response.status_code == 200
        page = response.content.decode().replace("&#x27;", "'")
        answers = permit.answers
        born = date.fromisoformat(answers["child"]["date_of_birth"])
        first_day = answers["term_days" if "term_days" in answers else "holiday_days"][0]
        for text in (
            f"{born:%-d %B %Y}",  # the date of birth
            answers["child_address"]["line_1"],  # the address
            answers["employer"]["name"],  # the employer
            answers["employer"]["business_name"],
            "Days and hours in",  # the hours
            clock(time.fromisoformat(first_day["start"])) + " to",  # its first day's hours
        ):
            assert text in page, (permit.reference, text)
