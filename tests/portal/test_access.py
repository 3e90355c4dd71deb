from django.contrib.auth.models import AnonymousUser

from portal import access
from portal.factories import MembershipFactory, SchoolFactory, UserFactory
from portal.models import Membership


class Record:
    """Anything a feature app stores: it names its school and/or its service."""

    def __init__(self, school_id=None, service=None):
        self.school_id = school_id
        self.service = service


def test_school_user_acts_for_own_school_only(school_user, school, other_school):
    assert list(access.schools_for(school_user)) == [school]
    assert access.may_act_for(school_user, school)
    assert not access.may_act_for(school_user, other_school)


def test_governor_reads_but_does_not_act(governor, school):
    assert access.may_see(governor, Record(school_id=school.pk))
    assert not access.may_act_for(governor, school)
    assert list(access.schools_visible_to(governor)) == [school]
    assert list(access.schools_for(governor)) == []


def test_school_user_cannot_see_another_schools_record(school_user, other_school):
    assert not access.may_see(school_user, Record(school_id=other_school.pk))


def test_officer_sees_own_service_records_only(attendance_officer, school):
    assert access.may_see(attendance_officer, Record(service="attendance"))
    assert not access.may_see(attendance_officer, Record(service="ehe"))
    assert not access.may_act_for(attendance_officer, school)


def test_anonymous_and_inactive_users_see_nothing(school, db):
    record = Record(school_id=school.pk, service="attendance")
    assert not access.may_see(AnonymousUser(), record)
    inactive = MembershipFactory(school=school, user__is_active=False).user
    assert not access.may_see(inactive, record)
    assert list(access.schools_for(inactive)) == []


def test_closed_school_is_not_acted_for(db):
    closed = SchoolFactory(active=False)
    user = MembershipFactory(school=closed).user
    assert not access.may_act_for(user, closed)


def test_user_with_several_schools(db):
    first, second, third = SchoolFactory(), SchoolFactory(), SchoolFactory()
    user = UserFactory()
    MembershipFactory(user=user, school=first, role=Membership.Role.HEADTEACHER)
    MembershipFactory(user=user, school=second, role=Membership.Role.GOVERNOR)
    assert set(access.schools_for(user)) == {first}
    assert set(access.schools_visible_to(user)) == {first, second}
    assert not access.may_see(user, Record(school_id=third.pk))


def test_answers_cost_one_query_however_many_records(
    school_user, school, django_assert_num_queries
):
    records = [Record(school_id=school.pk, service="ehe") for _ in range(50)]
    with django_assert_num_queries(2):  # memberships once, officer groups once
        assert all(access.may_see(school_user, record) for record in records)
