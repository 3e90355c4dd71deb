"""The report, the help links, the action plan and the dashboard panel."""

from datetime import date, timedelta

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail import hooks

from portal.factories import MembershipFactory, SchoolFactory
from self_assessment import services
from self_assessment.models import Action, Answer, Assessment
from shared.help_links import HOOK_NAME, HelpLink

pytestmark = pytest.mark.django_db


def submitted(school, framework, year, levels, when):
    """A submitted assessment with `levels` {area slug: level} for every statement."""
    assessment = Assessment.objects.create(
        school=school,
        framework=framework,
        school_year=year,
        status=Assessment.Status.SUBMITTED,
        submitted_at=when,
    )
    Answer.objects.bulk_create(
        Answer(assessment=assessment, statement=s, level=levels.get(s.area.slug, 2))
        for s in framework.statements.select_related("area")
    )
    return assessment


def test_report_scores_average_change_and_priorities(home, framework, school, governor, client):
    now = timezone.now()
    submitted(school, framework, 2025, {"expect": 1}, now - timedelta(days=365))
    this = submitted(school, framework, 2026, {"expect": 3, "enforce": 1}, now)
    peer = SchoolFactory(phase=school.phase)
    submitted(peer, framework, 2026, {"expect": 4, "enforce": 2}, now)
    SchoolFactory(phase="secondary")  # another phase: not in the average
    client.force_login(governor)  # governors read reports
    response = client.get(reverse("self_assessment:report", args=[this.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    context = response.context
    expect = next(row for row in context["rows"] if row["area"].slug == "expect")
    assert (expect["score"], expect["average"], expect["change"]) == (3.0, 3.5, 2.0)
    assert context["schools_counted"] == 2
    assert [p["statement"].area.slug for p in context["priorities"]][:2] == ["enforce", "enforce"]
    assert "<svg" in html and 'role="img"' in html and "govuk-table" in html
    assert "+2.0" in html
    assert "Add to action plan" not in html  # governors read only


def test_help_links_come_from_registered_sources(home, framework, school, school_user, client):
    expect_id = framework.statements.get(code="expect-1").area_id

    def course_links(request, area_ids):
        return [
            HelpLink(area_id=expect_id, kind="training", title="Expectations course", url="/t/")
        ]

    assessment = services.start_assessment(school, school_user)
    client.force_login(school_user)
    with hooks.register_temporarily(HOOK_NAME, course_links):
        html = client.get(reverse("self_assessment:report", args=[assessment.pk])).content.decode()
    assert "Expectations course" in html


def test_guidance_pages_tagged_with_an_area_are_offered(home, framework, rf):
    from guidance.factories import GuidancePageFactory
    from self_assessment.help import help_for

    page = GuidancePageFactory(title="Setting expectations")
    area = framework.statements.get(code="expect-1").area
    page.assessment_areas.add(area)
    page.save()
    request = rf.get("/")
    found = help_for(request, [area.pk])
    assert [(link.kind, link.title) for link in found[area.pk]] == [
        ("guidance", "Setting expectations")
    ]


def test_print_view(home, framework, school, school_user, client):
    this = submitted(school, framework, 2026, {}, timezone.now())
    client.force_login(school_user)
    html = client.get(reverse("self_assessment:report-print", args=[this.pk])).content.decode()
    assert "Print or save as PDF" in html and "data-print-page" in html
    assert "<script>" not in html  # no inline script


def test_action_from_a_suggestion_and_double_submit(home, framework, school, school_user, client):
    statement = framework.statements.get(code="expect-1")
    client.force_login(school_user)
    add = reverse("self_assessment:action-add", args=[school.pk])
    page = client.get(f"{add}?statement={statement.pk}&level=1&n=1")
    assert "Second step" in page.content.decode()
    due = date.today() + timedelta(days=30)
    data = {
        "title": "Second step",
        "owner": "Attendance lead",
        "due_date_0": due.day,
        "due_date_1": due.month,
        "due_date_2": due.year,
        "status": "not_started",
        "area": statement.area_id,
        "statement_code": statement.code,
    }
    client.post(add, data)
    client.post(add, data)
    action = Action.objects.get()
    assert (action.school, action.statement_code, action.due_date) == (school, "expect-1", due)
    plan = client.get(reverse("self_assessment:action-plan", args=[school.pk]))
    assert "Second step" in plan.content.decode()


def test_bad_action_input_gets_errors_and_keeps_text(home, school, school_user, client):
    client.force_login(school_user)
    response = client.post(
        reverse("self_assessment:action-add", args=[school.pk]),
        {"title": "Phone families", "owner": "", "due_date_0": "31", "due_date_1": "2",
         "due_date_2": "2027", "status": "done"},
    )  # fmt: skip
    html = response.content.decode()
    assert "<title>Error:" in html
    assert "Enter who owns the action" in html
    assert "must be a real date" in html
    assert "Phone families" in html
    assert not Action.objects.exists()


def test_action_plan_refusals(home, school, other_school, governor, client):
    action = Action.objects.create(school=school, title="Ours", owner="Head", due_date=date.today())
    client.force_login(governor)
    assert client.get(reverse("self_assessment:action-plan", args=[school.pk])).status_code == 200
    assert client.get(reverse("self_assessment:action-add", args=[school.pk])).status_code == 403
    assert (
        client.post(
            reverse("self_assessment:action-edit", args=[school.pk, action.pk]), {"title": "x"}
        ).status_code
        == 403
    )
    outsider = MembershipFactory(school=other_school, user__email="o@beechfield.example").user
    client.force_login(outsider)
    assert client.get(reverse("self_assessment:action-plan", args=[school.pk])).status_code == 404
    # Another school's action id under one's own school is not found either.
    assert (
        client.get(
            reverse("self_assessment:action-edit", args=[other_school.pk, action.pk])
        ).status_code
        == 404
    )


def test_action_plan_list_in_a_fixed_number_of_queries(
    home, school, school_user, client, django_assert_max_num_queries
):
    Action.objects.bulk_create(
        Action(school=school, title=f"Action {n}", owner="Head", due_date=date.today())
        for n in range(60)
    )
    client.force_login(school_user)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("self_assessment:action-plan", args=[school.pk]))
    assert response.content.decode().count("Action ") >= 60


def test_dashboard_panel(
    home, framework, school, school_user, governor, client, django_assert_max_num_queries
):
    services.start_assessment(school, school_user)
    last = submitted(school, framework, 2025, {}, timezone.now() - timedelta(days=300))
    for n in range(20):
        Action.objects.create(school=school, title=f"Open {n}", owner="Head", due_date=date.today())
    client.force_login(governor)
    with django_assert_max_num_queries(30):
        html = client.get(reverse("portal:dashboard")).content.decode()
    assert "0 of 7 areas complete" in html
    assert reverse("self_assessment:report", args=[last.pk]) in html
    assert "20 open actions" in html
