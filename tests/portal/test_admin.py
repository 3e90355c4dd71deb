"""The officers' screens in the Wagtail admin: schools, school users, invitations."""

from django.urls import reverse

from portal.factories import MembershipFactory, SchoolFactory, UserFactory


def test_attendance_officer_lists_school_users_in_a_fixed_number_of_queries(
    client, home, attendance_officer, django_assert_max_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(attendance_officer)
    url = reverse("wagtailsnippets_portal_membership:list")

    def queries_for_list():
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        return len(queries)

    for n in range(5):
        MembershipFactory(school=SchoolFactory(), user__email=f"staff{n}@school.example")
    queries_for_list()  # warm per-process caches (content types, permissions)
    few = queries_for_list()
    for n in range(5, 40):
        MembershipFactory(school=SchoolFactory(), user__email=f"staff{n}@school.example")
    with django_assert_max_num_queries(few):  # forty rows cost what five did
        response = client.get(url)
    assert "staff39@school.example" in response.content.decode()


def test_attendance_officer_lists_and_filters_schools(client, home, attendance_officer):
    SchoolFactory(name="Riverside Primary", locality="Riverside")
    SchoolFactory(name="Northgate High", locality="Northgate")
    client.force_login(attendance_officer)
    url = reverse("wagtailsnippets_portal_school:list")
    page = client.get(url, {"locality": "Riverside"}).content.decode()
    assert "Riverside Primary" in page and "Northgate High" not in page


def test_editors_do_not_manage_school_users(client, home):
    editor = UserFactory(email="editor@council.example", is_staff=True, groups=["Editors"])
    client.force_login(editor)
    response = client.get(reverse("wagtailsnippets_portal_membership:list"))
    assert response.status_code == 302  # Wagtail refuses with a redirect to the dashboard


def test_every_staff_group_reaches_the_admin(client, home):
    from portal.groups import STAFF_GROUPS

    for n, group in enumerate(STAFF_GROUPS):
        user = UserFactory(email=f"staff{n}@council.example", is_staff=True, groups=[group])
        client.force_login(user)
        assert client.get("/admin/").status_code == 200, group


def test_school_users_do_not_reach_the_admin(client, home, school_user):
    client.force_login(school_user)
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")


def test_dashboard_query_budget_and_governor_role(
    client, home, governor, django_assert_max_num_queries
):
    client.force_login(governor)
    client.get("/portal/")
    # The frame, then each app's panel (schools, referrals, returns, self-assessment,
    # training, community support: its counts and first few in the database; attendance:
    # one query without figures, four with) and the second-factor check: a fixed number
    # each, whatever the number of records.
    with django_assert_max_num_queries(26):
        page = client.get("/portal/").content.decode()
    assert "Governor" in page and "Alderbrook Primary" in page


def test_dashboard_for_a_user_without_a_school(client, home):
    client.force_login(UserFactory(email="lonely@school.example"))
    page = client.get("/portal/").content.decode()
    assert "Your account is not linked to a school yet" in page
