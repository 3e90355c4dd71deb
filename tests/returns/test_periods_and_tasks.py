"""Opening returns, carrying pupils over, the reminder and summary tasks, and the demo."""

from datetime import timedelta

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from portal.factories import MembershipFactory, SchoolFactory
from portal.models import Membership
from returns import tasks
from returns.models import ReturnPeriod, ReturnPupil, ReturnReminder, SchoolReturn

from .conftest import TODAY, add_pupil, make_period

pytestmark = pytest.mark.django_db


def test_pupils_still_on_a_reduced_timetable_are_carried_over(school, other_school):
    last = make_period(name="Last half term", opens=-60, due=-30)
    old_return = SchoolReturn.objects.get(period=last, school=school)
    staying = add_pupil(old_return, pupil="S.T.", starts=-50, review=40, ends=120)
    add_pupil(old_return, pupil="G.O.", starts=-50, review=20, ends=30)  # ended
    current = make_period(name="This half term", opens=-5, due=20)
    pupils = list(ReturnPupil.objects.filter(school_return__period=current))
    assert [pupil.pupil for pupil in pupils] == ["S.T."]
    carried = pupils[0]
    assert carried.carried_over_from == staying
    assert carried.needs_check and carried.school_return.school == school
    assert carried.ends_on == staying.ends_on


def test_carried_over_pupils_are_marked_until_checked(client, school_user, school):
    last = make_period(name="Last half term", opens=-60, due=-30)
    add_pupil(SchoolReturn.objects.get(period=last, school=school), pupil="S.T.", ends=120)
    current = make_period(name="This half term", opens=-5, due=20)
    school_return = SchoolReturn.objects.get(period=current, school=school)
    client.force_login(school_user)
    page = client.get(f"/portal/returns/{school_return.pk}/")
    assert "Carried over – check the details" in page.text
    pupil = school_return.pupils.get()
    form = client.get(f"/portal/returns/{school_return.pk}/pupils/{pupil.pk}/")
    assert 'value="S.T."' in form.text  # pre-filled


def test_a_school_made_active_later_gets_its_return(period, school):
    late = SchoolFactory(urn="190077", name="New Free School", active=False)
    assert not SchoolReturn.objects.filter(school=late).exists()
    late.active = True
    late.save()
    tasks.open_missing_returns()
    tasks.open_missing_returns()
    assert SchoolReturn.objects.filter(school=late, period=period).count() == 1


def _staff(school, email, role=Membership.Role.HEADTEACHER):
    return MembershipFactory(school=school, user__email=email, role=role).user


def test_reminders_go_once_per_step_to_outstanding_schools(
    school, other_school, django_capture_on_commit_callbacks
):
    third = SchoolFactory(urn="190003", name="Castle Mead")
    _staff(school, "head@alderbrook.example")
    _staff(school, "governor@alderbrook.example", role=Membership.Role.GOVERNOR)
    _staff(other_school, "head@beechfield.example")
    _staff(third, "head@castlemead.example")
    period = make_period(opens=-20, due=7)  # today is 7 days before the due date
    SchoolReturn.objects.filter(school=other_school).update(status=SchoolReturn.Status.NIL)
    SchoolReturn.objects.filter(school=third).update(status=SchoolReturn.Status.IN_PROGRESS)
    with override_settings(PORTAL_RETURN_REMINDER_DAYS=[-7, -1, 3]):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.send_reminders()
        with django_capture_on_commit_callbacks(execute=True):
            tasks.send_reminders()  # run twice (or by two workers): sent once
    assert sorted(tuple(message.to) for message in mail.outbox) == [
        ("head@alderbrook.example",),
        ("head@castlemead.example",),
    ]
    assert "due soon" in mail.outbox[0].subject
    assert ReturnReminder.objects.filter(step=-7).count() == 2
    # Four days after the due date, step 3: the school that has still not answered.
    mail.outbox.clear()
    SchoolReturn.objects.filter(school=third).update(status=SchoolReturn.Status.RETURNED)
    with override_settings(PORTAL_RETURN_REMINDER_DAYS=[-7, -1, 3]):
        for _run in range(2):
            with django_capture_on_commit_callbacks(execute=True):
                tasks.send_reminders(today=period.due_on + timedelta(days=4))
    assert [tuple(message.to) for message in mail.outbox] == [("head@alderbrook.example",)]
    assert "overdue" in mail.outbox[0].subject
    assert f"/portal/returns/{SchoolReturn.objects.get(school=school).pk}/" in mail.outbox[0].body


def test_no_reminders_for_a_period_long_past(school, django_capture_on_commit_callbacks):
    _staff(school, "head@alderbrook.example")
    make_period(name="Long gone", opens=-200, due=-150)
    with django_capture_on_commit_callbacks(execute=True):
        tasks.send_reminders()
    assert mail.outbox == []


def test_weekly_summary_to_officers_and_the_inbox(
    attendance_officer, school, other_school, django_capture_on_commit_callbacks
):
    period = make_period(name="This half term", opens=-5, due=20)
    SchoolReturn.objects.filter(school=school).update(status=SchoolReturn.Status.NIL)
    make_period(name="Long gone", opens=-200, due=-150)
    inboxes = {"attendance": "team@council.example"}
    with override_settings(PORTAL_SERVICE_INBOXES=inboxes):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.send_weekly_summary()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert set(message.to) == {"officer@council.example", "team@council.example"}
    assert period.name in message.body and "Long gone" not in message.body
    assert "Response rate 50%" in message.body
    assert "Beechfield Primary" in message.body  # outstanding
    assert "Alderbrook Primary (" not in message.body  # made a nil return


def test_the_schedules_exist():
    from django_q.models import Schedule

    funcs = set(Schedule.objects.values_list("func", flat=True))
    assert {
        "returns.tasks.open_missing_returns",
        "returns.tasks.send_reminders",
        "returns.tasks.send_weekly_summary",
    } <= funcs


def test_attendance_officers_have_the_permissions():
    from django.contrib.auth.models import Group

    codenames = set(
        Group.objects.get(name="Attendance officers").permissions.values_list("codename", flat=True)
    )
    assert {"view_schoolreturn", "change_schoolreturn", "add_returnperiod"} <= codenames
    ehe = set(Group.objects.get(name="EHE officers").permissions.values_list("codename", flat=True))
    assert "view_schoolreturn" not in ehe


def test_the_demo_is_idempotent_and_leaves_alderbrook_to_the_demo_user(db):
    from portal.demo import seed_accounts, seed_schools
    from returns.demo import seed_returns

    seed_schools()
    seed_accounts()
    seed_returns()
    counts = (
        ReturnPeriod.objects.count(),
        SchoolReturn.objects.count(),
        ReturnPupil.objects.count(),
    )
    assert "0 new" in seed_returns()
    assert counts == (
        ReturnPeriod.objects.count(),
        SchoolReturn.objects.count(),
        ReturnPupil.objects.count(),
    )
    current = ReturnPeriod.objects.get(name="Autumn term 2026, second half")
    assert current.opens_on <= TODAY < current.due_on
    alderbrook = SchoolReturn.objects.get(period=current, school__urn="190001")
    assert not alderbrook.is_made
    assert alderbrook.pupils.get().needs_check  # carried over
    statuses = set(current.returns.values_list("status", flat=True))
    assert {"returned", "nil", "not_started", "in_progress"} <= statuses
    pupils = ReturnPupil.objects.filter(school_return__period=current)
    assert pupils.filter(review_late=True).exists() and pupils.filter(past_two_terms=True).exists()
    assert pupils.filter(review_on__lt=TODAY).exists()


def test_each_person_is_reminded_in_the_language_they_chose(
    school, django_capture_on_commit_callbacks
):
    from django.utils import translation

    _staff(school, "head@alderbrook.example")
    lead = _staff(school, "lead@alderbrook.example", role=Membership.Role.ATTENDANCE_LEAD)
    lead.language = "ur"
    lead.save()
    make_period(opens=-20, due=7)
    with override_settings(PORTAL_RETURN_REMINDER_DAYS=[-7]):
        with django_capture_on_commit_callbacks(execute=True):
            tasks.send_reminders()
    by_address = {message.to[0]: message for message in mail.outbox}
    assert sorted(by_address) == ["head@alderbrook.example", "lead@alderbrook.example"]
    with translation.override("ur"):
        due_soon = translation.gettext("due soon")
    assert due_soon != "due soon" and due_soon in by_address["lead@alderbrook.example"].subject
    assert "due soon" in by_address["head@alderbrook.example"].subject
    # The link leads to the return in Urdu.
    assert "/ur/portal/returns/" in by_address["lead@alderbrook.example"].body
    assert ReturnReminder.objects.count() == 1  # still one reminder for the school


def test_the_demo_returns_fall_on_school_and_working_days(db):
    from portal.demo import seed_accounts, seed_schools
    from portal.terms import council_terms, is_school_day, working_day
    from returns.demo import seed_returns

    seed_schools()
    seed_accounts()
    seed_returns()
    terms = council_terms()
    for period in ReturnPeriod.objects.all():
        assert working_day(period.opens_on) and working_day(period.due_on), period.name
        for school_return in period.returns.exclude(submitted_at=None):
            sent = timezone.localtime(school_return.submitted_at)
            assert working_day(sent.date()) and period.opens_on <= sent.date(), period.name
    for pupil in ReturnPupil.objects.all():
        # A reduced timetable starts, is reviewed and ends on a school day (within the
        # council's known terms), each after the one before.
        for day in (pupil.starts_on, pupil.review_on, pupil.ends_on):
            assert working_day(day), (pupil.pupil, day)
            known = terms[0].starts <= day <= terms[-1].ends
            assert not known or is_school_day(day, terms), (pupil.pupil, day)
        assert pupil.starts_on <= pupil.review_on <= pupil.ends_on
