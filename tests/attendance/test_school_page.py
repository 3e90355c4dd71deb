"""A school's attendance page, the governors' termly report and the dashboard panel,
through the HTTP client: the figures and their comparisons, the fallbacks, bad input,
every refusal, and queries fixed whatever the number of years, half terms and schools."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from attendance.factories import AreaFiguresFactory, SchoolFiguresFactory, SchoolStageFactory
from attendance.models import SchoolStage
from portal.factories import MembershipFactory, SchoolFactory, UserFactory
from portal.models import Membership

pytestmark = pytest.mark.django_db


def page_url(school, **query):
    url = reverse("attendance:school", args=[school.urn])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def report_url(school, **query):
    url = reverse("attendance:report", args=[school.urn])
    return url + ("?" + "&".join(f"{k}={v}" for k, v in query.items()) if query else "")


def a_year(school, year=2025, halves=(1, 2, 3), absence=7.0, council=5.0, national=6.0):
    """The school's figures for these half terms, with the council's and England's for
    primary schools."""
    for half in halves:
        SchoolFiguresFactory(school=school, year=year, half=half, absence=absence, persistent=25.0)
        AreaFiguresFactory(area="council", phase="primary", year=year, half=half, absence=council)
        AreaFiguresFactory(area="national", phase="primary", year=year, half=half, absence=national)


def text_of(response):
    return " ".join(response.text.split())


def test_the_school_sees_its_figures_against_the_council_and_england(client, school, school_user):
    a_year(school)
    SchoolFiguresFactory(school=school, year=2024, half=6, absence=4.0)
    client.force_login(school_user)
    response = client.get(page_url(school))
    assert response.status_code == 200
    text = text_of(response)
    assert "Attendance 2025/26" in text
    assert "to the end of Spring 1 2025/26" in text  # the latest half term with figures
    assert "The council, primary schools" in text and "England, primary schools" in text
    # Attendance 93.0 here, 95.0 for the council, 94.0 for England.
    assert "93.0" in text and "95.0" in text and "94.0" in text
    assert "below 94%" in text and "This school's attendance is 93.0%: below 94%." in text
    assert "25.0" in text  # persistent absence
    assert 'class="app-chart"' in response.text and "trend-chart-title" in response.text
    assert "Autumn 1 2025/26" in text and "Autumn 2 2025/26" in text  # the trend's table
    assert "2024/25" in text  # the last five years
    assert "Authorised: illness" in text  # absence by reason
    assert "The school is not in the three-stage monitoring for 2025/26." in text


def test_a_phase_without_figures_falls_back_to_all_schools(client, school, school_user):
    SchoolFiguresFactory(school=school, year=2025, half=2, absence=3.0)
    AreaFiguresFactory(area="council", phase="primary", year=2025, half=2, absence=5.0)
    AreaFiguresFactory(area="national", phase="all", year=2025, half=2, absence=8.0)
    AreaFiguresFactory(area="national", phase="secondary", year=2025, half=2, absence=9.0)
    client.force_login(school_user)
    text = text_of(client.get(page_url(school)))
    assert "The council, primary schools" in text
    assert "England, all schools" in text and "England, primary schools" not in text
    assert "92.0" in text  # England, all schools
    assert "91.0" not in text  # not another phase's
    assert "the figures shown are for schools of every phase" in text
    assert "not below 94%" in text


def test_no_area_figures_shows_dashes(client, school, school_user):
    SchoolFiguresFactory(school=school, year=2025, half=2)
    client.force_login(school_user)
    text = text_of(client.get(page_url(school)))
    assert "–" in text and "there is no figure for that half term yet" in text


def test_a_year_is_chosen_and_bad_years_show_the_latest(client, school, school_user):
    a_year(school, 2025, halves=(1,), absence=7.0)
    a_year(school, 2023, halves=(1, 2, 3, 4, 5, 6), absence=3.0)
    client.force_login(school_user)
    chosen = text_of(client.get(page_url(school, year="2023")))
    assert "Attendance 2023/24" in chosen and "97.0" in chosen
    assert "to the end of Summer 2 2023/24" in chosen
    assert "There are no figures for the school year you asked for" not in chosen
    also = text_of(client.get(page_url(school, year="2023/24")))
    assert "Attendance 2023/24" in also
    for bad in ("abc", "2024", "2025/27", "1890", "9" * 400, "%C2%A0", "-1"):
        response = client.get(page_url(school, year=bad))
        assert response.status_code == 200, bad
        assert "Attendance 2025/26" in text_of(response), bad
    # A NUL byte is refused before any page sees it (portal/unusable_input.py).
    assert client.get(page_url(school, year="%00")).status_code == 400
    assert "There are no figures for the school year you asked for" in text_of(
        client.get(page_url(school, year="2024"))
    )
    years = client.get(page_url(school)).text
    assert '<option value="2025" selected>2025/26</option>' in years
    assert '<option value="2023">2023/24</option>' in years


def test_a_school_without_figures_is_told_so(client, school, school_user):
    client.force_login(school_user)
    response = client.get(page_url(school, year="2025"))
    assert response.status_code == 200
    assert "There are no attendance figures for this school yet" in response.text
    report = client.get(report_url(school, term="2"))
    assert report.status_code == 200
    assert "There are no attendance figures for this school yet" in report.text


def test_the_stage_is_shown_to_the_school(client, school, school_user):
    from datetime import date

    a_year(school)
    SchoolStageFactory(
        school=school,
        year=2025,
        stage=SchoolStage.Stage.FOLLOW_UP,
        flagged_on=date(2025, 11, 3),
        flagged_attendance="92.40",
        audit_on=date(2025, 11, 20),
        notes="Year 4 cohort discussed.",
    )
    SchoolStageFactory(school=school, year=2024, stage=SchoolStage.Stage.CENTRAL_REVIEW)
    client.force_login(school_user)
    text = text_of(client.get(page_url(school)))
    assert "Stage 2: follow-up meetings" in text and "Stage 3" not in text
    assert "3 November 2025: attendance 92.4%" in text
    assert "20 November 2025" in text and "Not set" in text
    assert "Year 4 cohort discussed." in text


def test_governors_read_the_page_and_the_report(client, school, governor):
    a_year(school)
    client.force_login(governor)
    assert client.get(page_url(school)).status_code == 200
    response = client.get(report_url(school, year=2025, term=1))
    assert response.status_code == 200
    assert "Questions governors may ask" in response.text


def test_the_report_for_a_term(client, school, school_user):
    a_year(school, halves=(1, 2, 3))
    client.force_login(school_user)
    autumn = text_of(client.get(report_url(school, year=2025, term=1)))
    assert "Governors' attendance report: Autumn term 2025/26" in autumn
    assert "to the end of Autumn 2 2025/26" in autumn
    assert "Spring 1 2025/26" not in autumn  # the trend stops at the term's end
    spring = text_of(client.get(report_url(school, year=2025, term=2)))
    assert "Spring term 2025/26" in spring and "to the end of Spring 1 2025/26" in spring
    assert "There are no figures for the term you asked for" not in spring
    summer = text_of(client.get(report_url(school, year=2025, term=3)))
    assert "There are no figures for the term you asked for yet" in summer
    assert "Spring term 2025/26" in summer
    for bad in ("abc", "0", "4", "", "1.5"):
        response = client.get(report_url(school, year="x", term=bad))
        assert response.status_code == 200, bad
        assert "to the end of Spring 1 2025/26" in text_of(response), bad
    assert "data-print-page" in client.get(report_url(school)).text
    # The school page links to the report for its latest term.
    assert (
        report_url(school, year=2025, term=2).replace("&", "&amp;")
        in client.get(page_url(school)).text
    )


@pytest.mark.parametrize(
    "role", [Membership.Role.DSL, Membership.Role.OFFICE], ids=["dsl", "office"]
)
def test_other_staff_of_the_school_are_refused(client, school, role):
    a_year(school)
    user = MembershipFactory(school=school, role=role).user
    client.force_login(user)
    assert client.get(page_url(school)).status_code == 404
    assert client.get(report_url(school)).status_code == 404
    index = client.get(reverse("attendance:index"))
    assert index.status_code == 200 and "cannot see any school's attendance data" in index.text


def test_another_school_and_officers_are_refused(client, school, other_school, attendance_officer):
    a_year(school)
    other_lead = MembershipFactory(school=other_school).user
    ehe_officer = UserFactory(email="ehe@council.example", is_staff=True, groups=["EHE officers"])
    for user in (other_lead, attendance_officer, ehe_officer):
        client.force_login(user)
        assert client.get(page_url(school)).status_code == 404, user.email
        assert client.get(report_url(school)).status_code == 404, user.email
    client.force_login(other_lead)
    assert client.get(page_url(school).replace(school.urn, "nonsense")).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client, school):
    for url in (reverse("attendance:index"), page_url(school), report_url(school)):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("portal:sign-in"))


def test_the_index_redirects_one_school_and_lists_several(client, school, other_school):
    user = MembershipFactory(school=school, role=Membership.Role.HEADTEACHER).user
    client.force_login(user)
    response = client.get(reverse("attendance:index"))
    assert response.status_code == 302 and response["Location"] == page_url(school)
    MembershipFactory(user=user, school=other_school, role=Membership.Role.GOVERNOR)
    MembershipFactory(user=user, school=SchoolFactory(name="Cedar Way"), role="dsl")
    listing = client.get(reverse("attendance:index"))
    assert listing.status_code == 200
    assert page_url(school) in listing.text and page_url(other_school) in listing.text
    assert "Cedar Way" not in listing.text


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_school_page_and_report_queries_do_not_grow_with_years(
    client, school, school_user, django_assert_max_num_queries
):
    a_year(school, 2025, halves=(1,))
    SchoolStageFactory(school=school, year=2025)
    client.force_login(school_user)
    client.get(page_url(school))  # the session and memberships, warmed
    one_year = count_queries(client, page_url(school))
    one_report = count_queries(client, report_url(school))
    for year in (2021, 2022, 2023, 2024):
        a_year(school, year, halves=(1, 2, 3, 4, 5, 6))
    a_year(school, 2025, halves=(2, 3, 4, 5, 6))
    with django_assert_max_num_queries(one_year):
        response = client.get(page_url(school))
    assert "2021/22" in response.text and "Summer 2 2025/26" in response.text
    with django_assert_max_num_queries(one_report):
        client.get(report_url(school, year=2025, term=3))
    assert one_year <= 12


def reader_of(schools):
    user = UserFactory(email="governor@many.example")
    for school in schools:
        MembershipFactory(user=user, school=school, role=Membership.Role.GOVERNOR)
    return user


def some_schools(count, start):
    schools = [SchoolFactory(urn=f"{start + n}") for n in range(count)]
    for number, school in enumerate(schools):
        SchoolFiguresFactory(school=school, year=2025, half=1 + number % 6, absence=4 + number % 5)
        SchoolStageFactory(school=school, year=2025, stage=1 + number % 3)
    return schools


def test_the_dashboard_panel(client, school):
    SchoolFiguresFactory(school=school, year=2025, half=2, absence=7.5)
    AreaFiguresFactory(area="council", phase="all", year=2025, half=2, absence=5.0)
    SchoolStageFactory(school=school, year=2025, stage=SchoolStage.Stage.AUDIT)
    user = reader_of([school, SchoolFactory(name="Dale Primary")])
    client.force_login(user)
    text = text_of(client.get(reverse("portal:dashboard")))
    assert "Attendance" in text and "Alderbrook Primary" in text
    assert "92.5" in text and "Below 94%" in text  # against the threshold
    assert "95.0" in text  # the council, all schools (no primary row)
    assert "Stage 1: audit" in text
    assert "No figures yet" in text  # Dale Primary
    assert page_url(school) in text


def test_no_panel_for_those_who_read_no_school(client, school):
    client.force_login(MembershipFactory(school=school, role=Membership.Role.DSL).user)
    assert "Your schools' latest attendance" not in client.get(reverse("portal:dashboard")).text


def test_the_dashboard_queries_do_not_grow_with_schools(client, django_assert_max_num_queries):
    for half in range(1, 7):
        AreaFiguresFactory(area="council", phase="primary", year=2025, half=half, absence=5.0)
    few = reader_of(some_schools(2, 300000))
    client.force_login(few)
    client.get(reverse("portal:dashboard"))
    baseline = count_queries(client, reverse("portal:dashboard"))
    many = UserFactory(email="governor@twenty.example")
    for school in some_schools(20, 310000):
        MembershipFactory(user=many, school=school, role=Membership.Role.GOVERNOR)
    client.force_login(many)
    client.get(reverse("portal:dashboard"))
    with django_assert_max_num_queries(baseline):
        response = client.get(reverse("portal:dashboard"))
    assert response.text.count('href="/portal/attendance/school/31') == 20


@pytest.mark.parametrize("language", ["en", "cy", "pl", "ro", "ur"])
def test_the_trend_chart_fits_in_every_language(school, language):
    from django.utils import translation

    from attendance.school_figures import school_year, trend_chart
    from tests.chart_geometry import assert_fits

    a_year(school, halves=(1, 2, 3, 4, 5, 6), absence=12.5, council=4.0)
    with translation.override(language):
        chart = trend_chart(school_year(school).periods)
        assert_fits(chart)
        assert chart["direction"] == ("rtl" if language == "ur" else "ltr")
    assert len(chart["bars"]) == 12
