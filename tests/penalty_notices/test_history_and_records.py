"""The register's answer to the referral's question (names matched whatever their case
and spacing, in a fixed number of queries), its retention purge, its entry on the
privacy notice and what subject access finds."""

from datetime import date, timedelta

import pytest
from django.core.management import call_command
from wagtail import hooks

from audit.models import AuditEvent
from forms_app.demo_referrals import seed_referrals
from forms_app.journeys.registry import Journey
from forms_app.models import Submission
from penalty_notices import tasks
from penalty_notices.demo import seed_notices
from penalty_notices.history import notices_for
from penalty_notices.models import PenaltyNotice
from portal.demo import seed_accounts, seed_schools
from shared.penalty_notices import HOOK_NAME, ChildNamed, ParentNamed, history
from shared.personal_data import HOOK_NAME as PERSONAL_DATA_HOOK
from shared.personal_data import Query
from shared.privacy_notice import entries, shown

from .notices import notice

KAI = ChildNamed("Kai", "Morgan", date(2016, 3, 9))
DANA = ParentNamed("Dana", "Morgan")


def test_the_register_answers_the_hook(db):
    assert notices_for in hooks.get_hooks(HOOK_NAME)


def test_names_match_whatever_their_case_and_spacing(school, other_school):
    made = notice(
        school, child_first_name=" KAI", child_last_name="morgan  ", parent_first_name="dana "
    )
    seen = history(ChildNamed("kai ", " MORGAN", date(2016, 3, 9)), [ParentNamed("DANA", "Morgan")])
    assert [n.reference for n in seen] == [made.number]
    assert seen[0].school == "Alderbrook Primary" and seen[0].amount == 160
    assert seen[0].url.endswith(f"/notice/{made.pk}/")


def test_another_child_of_the_same_name_or_another_parent_does_not_match(school):
    notice(school, child_date_of_birth=date(2016, 3, 10))
    notice(school, parent_first_name="Sam")
    notice(school, child_first_name="Kaia")
    assert notices_for(KAI, [DANA]) == []
    assert len(notices_for(KAI, [DANA, ParentNamed("sam", "morgan")])) == 1
    assert notices_for(ChildNamed("Kai", "Morgan", None), [DANA]) == []
    assert notices_for(KAI, []) == []


def test_withdrawn_ones_are_answered_too(school):
    notice(school, withdrawn_on=date.today() - timedelta(days=20), withdrawn_reason="Error")
    (seen,) = notices_for(KAI, [DANA])
    assert seen.withdrawn


def test_the_answer_costs_one_query_however_many(school, django_assert_num_queries):
    for days in (1000, 100):
        notice(school, issued_on=date.today() - timedelta(days=days))
    with django_assert_num_queries(1):
        assert len(notices_for(KAI, [DANA, ParentNamed("Sam", "Morgan")])) == 2


def test_notices_are_purged_after_their_retention_period(school, settings):
    days = settings.PORTAL_RECORD_RETENTION_DAYS["penalty_notices"]
    today = date.today()
    old = notice(school, issued_on=today - timedelta(days=days + 1))
    kept = notice(school, child_first_name="Mia", issued_on=today - timedelta(days=days - 1))
    assert tasks.purge_expired_notices(dry_run=True) == 1
    assert tasks.retention_report(dry_run=True) == [
        "penalty_notices: 1 penalty notice(s) would be deleted"
    ]
    assert tasks.purge_expired_notices() == 1
    assert list(PenaltyNotice.objects.all()) == [kept]
    assert AuditEvent.objects.filter(
        kind="penalty notice", action="deleted", record_id=str(old.pk)
    ).exists()


def test_the_retention_command_reaches_the_register(school, settings, capsys):
    days = settings.PORTAL_RECORD_RETENTION_DAYS["penalty_notices"]
    notice(school, issued_on=date.today() - timedelta(days=days + 5))
    call_command("retention_purge", "--dry-run")
    assert "penalty_notices: 1 penalty notice(s) would be deleted" in capsys.readouterr().out


def test_the_privacy_notice_says_how_long(db):
    (entry,) = [shown(e) for e in entries() if e.slug == "penalty_notices"]
    assert entry["kept"] == "Each notice: 6 years after the date it was issued."
    assert "Penalty Notices) (England) Regulations 2007" in entry["why"]


def test_subject_access_finds_the_parent_and_the_child_and_keeps_the_notice(school):
    made = notice(school)
    notice(school, parent_first_name="Sam", child_first_name="Lily")
    finders = hooks.get_hooks(PERSONAL_DATA_HOOK)
    found = [
        held
        for find in finders
        for held in find(Query(name="dana morgan"))
        if held.kind == "penalty notice"
    ]
    assert [held.reference for held in found] == [made.number]
    assert found[0].data["child"]["date_of_birth"] == "2016-03-09"
    assert found[0].erase is None and "regulation 20" in found[0].kept_because
    by_child = [
        held
        for find in finders
        for held in find(Query(name="Kai Morgan"))
        if held.kind == "penalty notice"
    ]
    assert [held.reference for held in by_child] == [made.number]
    assert not [
        held
        for find in finders
        for held in find(Query(name="Nobody Here"))
        if held.kind == "penalty notice"
    ]


@pytest.mark.django_db
def test_demo_notices_are_made_once_and_pass_the_register_checks():
    seed_schools()
    seed_accounts()
    assert seed_notices() == "13 demo penalty notices"
    assert seed_notices() == "demo penalty notices already there"
    statuses = set(PenaltyNotice.objects.values_list("status", flat=True))
    assert statuses == {"issued", "paid", "withdrawn", "prosecuted"}
    kai = PenaltyNotice.objects.filter(child_first_name="Kai")
    assert kai.count() == 2 and len({n.school_id for n in kai}) == 2
    # The demo referrals, sent after: Kai's (none declared) alone disagrees with the register.
    seed_referrals()
    referrals = Submission.objects.filter(journey=Journey.ATTENDANCE_REFERRAL)
    flagged = {r.answers["pupil"]["first_name"] for r in referrals if "penalty_register" in r.flags}
    assert flagged == {"Kai"}
