"""Doing an assessment through the HTTP client: the task list, area pages, submit, and
every refusal."""

import pytest
from django.urls import reverse

from portal.factories import MembershipFactory
from self_assessment import services
from self_assessment.models import Answer, AreaCompletion, Assessment

from .conftest import make_framework

pytestmark = pytest.mark.django_db


@pytest.fixture
def assessment(framework, school, school_user):
    return services.start_assessment(school, school_user)


def area_url(assessment, slug="expect"):
    return reverse("self_assessment:area", args=[assessment.pk, slug])


def area_post(assessment, changes, complete=False):
    """The area page's form as a browser would send it, with `changes` applied."""
    statements = list(assessment.framework.statements.filter(area__slug="expect"))
    answers = {a.statement_id: a for a in Answer.objects.filter(assessment=assessment)}
    data = {}
    for statement in statements:
        answer = answers.get(statement.pk)
        level = str(answer.level) if answer and answer.level else ""
        evidence = answer.evidence if answer else ""
        data.update(
            {
                f"level_{statement.pk}": level,
                f"evidence_{statement.pk}": evidence,
                f"shown_level_{statement.pk}": level,
                f"shown_evidence_{statement.pk}": evidence,
                f"shown_revision_{statement.pk}": str(answer.revision if answer else 0),
            }
        )
    for index, (level, evidence) in changes.items():
        statement = statements[index]
        data[f"level_{statement.pk}"] = level
        data[f"evidence_{statement.pk}"] = evidence
    data["complete" if complete else "save"] = ""
    return statements, data


def test_anonymous_is_sent_to_sign_in(home, assessment, client):
    response = client.get(reverse("self_assessment:task-list", args=[assessment.pk]))
    assert response.status_code == 302
    assert reverse("portal:sign-in") in response["Location"]


def test_starting_twice_gives_one_assessment(home, framework, school, school_user, client):
    client.force_login(school_user)
    url = reverse("self_assessment:start", args=[school.pk])
    first = client.post(url)
    second = client.post(url)
    assert first["Location"] == second["Location"]
    assert Assessment.objects.filter(school=school).count() == 1


def test_task_list_shows_each_area_status(home, assessment, school_user, client):
    client.force_login(school_user)
    statements, data = area_post(assessment, {0: ("3", "Our policy")})
    client.post(area_url(assessment), data)
    response = client.get(reverse("self_assessment:task-list", args=[assessment.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "govuk-task-list" in html
    assert html.count("Not started") == 6
    assert "In progress" in html


def test_save_and_continue_saves_and_goes_to_the_next_area(home, assessment, school_user, client):
    client.force_login(school_user)
    statements, data = area_post(assessment, {0: ("2", "Minutes of the March meeting")})
    response = client.post(area_url(assessment), data)
    assert response["Location"] == area_url(assessment, "monitor")
    answer = Answer.objects.get(assessment=assessment, statement=statements[0])
    assert (answer.level, answer.evidence, answer.updated_by) == (
        2,
        "Minutes of the March meeting",
        school_user,
    )


def test_level_outside_one_to_four_is_rejected_and_typed_text_kept(
    home, assessment, school_user, client
):
    client.force_login(school_user)
    statements, data = area_post(assessment, {0: ("5", "Kept text"), 1: ("2", "")})
    response = client.post(area_url(assessment), data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error:" in html
    assert "Choose a level from 1 (not yet in place) to 4 (embedded) for statement 1" in html
    assert "Kept text" in html
    assert not Answer.objects.filter(assessment=assessment).exists()  # nothing half-saved


def test_unknown_statement_is_rejected(home, assessment, school_user, client):
    client.force_login(school_user)
    other = make_framework(name="Other", per_area=1).statements.first()
    statements, data = area_post(assessment, {0: ("2", "")})
    data[f"level_{other.pk}"] = "3"
    response = client.post(area_url(assessment), data)
    assert response.status_code == 200
    assert "not part of this area" in response.content.decode()
    assert not Answer.objects.filter(assessment=assessment).exists()


def test_mark_complete_needs_every_statement(home, assessment, school_user, client):
    client.force_login(school_user)
    statements, data = area_post(assessment, {0: ("2", "")}, complete=True)
    response = client.post(area_url(assessment), data)
    html = response.content.decode()
    assert "Choose a level for statement 2" in html
    assert "<title>Error:" in html
    assert not AreaCompletion.objects.exists()
    # What was chosen was saved all the same.
    assert Answer.objects.get(assessment=assessment, statement=statements[0]).level == 2
    statements, data = area_post(assessment, {1: ("4", "")}, complete=True)
    response = client.post(area_url(assessment), data)
    assert response.status_code == 302
    assert AreaCompletion.objects.filter(assessment=assessment, area__slug="expect").exists()


def test_two_colleagues_saving_the_same_page_keep_both(
    home, assessment, school, school_user, client
):
    colleague = MembershipFactory(school=school, user__email="head@alderbrook.example").user
    # Both open the page before either saves.
    statements, mine = area_post(assessment, {0: ("3", "Mine")})
    _statements, theirs = area_post(assessment, {1: ("1", "Theirs")})
    client.force_login(school_user)
    client.post(area_url(assessment), mine)
    client.force_login(colleague)
    response = client.post(area_url(assessment), theirs)
    assert response.status_code == 302
    saved = {a.statement_id: (a.level, a.evidence) for a in Answer.objects.all()}
    assert saved == {statements[0].pk: (3, "Mine"), statements[1].pk: (1, "Theirs")}


def test_same_statement_changed_by_both_shows_a_conflict(
    home, assessment, school, school_user, client
):
    colleague = MembershipFactory(
        school=school, user__email="head@alderbrook.example", user__first_name="Sam"
    ).user
    statements, mine = area_post(assessment, {0: ("3", "Mine")})
    _statements, theirs = area_post(assessment, {0: ("1", "Theirs")})
    client.force_login(school_user)
    client.post(area_url(assessment), mine)
    client.force_login(colleague)
    response = client.post(area_url(assessment), theirs)
    html = response.content.decode()
    assert response.status_code == 200
    assert "A colleague changed some statements while you were editing" in html
    assert "you chose level 1" in html and "Theirs" in html
    answer = Answer.objects.get(statement=statements[0])
    assert (answer.level, answer.evidence) == (3, "Mine")  # not silently overwritten


def test_other_schools_assessment_is_not_found(home, assessment, other_school, client):
    outsider = MembershipFactory(school=other_school, user__email="x@beechfield.example").user
    client.force_login(outsider)
    for url in (
        reverse("self_assessment:task-list", args=[assessment.pk]),
        area_url(assessment),
        reverse("self_assessment:report", args=[assessment.pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(reverse("self_assessment:submit", args=[assessment.pk])).status_code == 404
    assert (
        client.post(reverse("self_assessment:start", args=[assessment.school_id])).status_code
        == 404
    )


def test_governor_reads_but_cannot_change(home, assessment, governor, client):
    client.force_login(governor)
    response = client.get(area_url(assessment))
    assert response.status_code == 200
    assert "<form" not in response.content.decode().split('id="main-content"')[1]
    statements, data = area_post(assessment, {0: ("2", "")})
    assert client.post(area_url(assessment), data).status_code == 403
    assert client.post(reverse("self_assessment:submit", args=[assessment.pk])).status_code == 403
    assert (
        client.post(reverse("self_assessment:start", args=[assessment.school_id])).status_code
        == 403
    )
    assert not Answer.objects.exists()


def complete_everything(assessment, user):
    for statement in assessment.framework.statements.all():
        Answer.objects.update_or_create(
            assessment=assessment, statement=statement, defaults={"level": 3, "updated_by": user}
        )
    for area in {s.area for s in assessment.framework.statements.select_related("area")}:
        services.mark_complete(assessment, area, user)


def test_submit_needs_every_area_and_then_is_read_only(home, assessment, school_user, client):
    client.force_login(school_user)
    submit_url = reverse("self_assessment:submit", args=[assessment.pk])
    client.post(submit_url)
    assessment.refresh_from_db()
    assert not assessment.is_submitted
    complete_everything(assessment, school_user)
    first = client.post(submit_url)
    second = client.post(submit_url)  # a double click
    assert first.status_code == second.status_code == 302
    assessment.refresh_from_db()
    assert assessment.is_submitted and assessment.submitted_by == school_user
    statements, data = area_post(assessment, {0: ("1", "Changed after")})
    assert client.post(area_url(assessment), data).status_code == 403
    assert not Answer.objects.filter(evidence="Changed after").exists()
    page = client.get(area_url(assessment)).content.decode()
    assert "can no longer be changed" in page


def test_new_version_carries_answers_with_a_note_where_wording_changed(
    home, assessment, school, school_user
):
    complete_everything(assessment, school_user)
    services.submit(assessment, school_user)
    draft = assessment.framework.copy_as_draft("2027 edition")
    changed = draft.statements.get(code="expect-1")
    changed.text = "Expect, reworded"
    changed.save()
    draft.statements.filter(code="expect-2").delete()
    draft.publish()
    new = services.start_assessment(school, school_user)
    assert new.framework == draft and new.carried_from == assessment
    carried = {a.statement.code: a for a in new.answers.select_related("statement")}
    assert carried["expect-1"].level == 3 and carried["expect-1"].carried_note
    assert carried["monitor-1"].level == 3 and not carried["monitor-1"].carried_note
    assert "expect-2" not in carried
    # The submitted assessment still reads its own version's wording.
    assert assessment.answers.filter(statement__text="Expect statement 1").exists()


def test_index_lists_schools_in_a_fixed_number_of_queries(
    home, framework, school, school_user, client, django_assert_max_num_queries
):
    for n in range(30):
        Assessment.objects.create(
            school=school,
            framework=framework,
            school_year=2000 + n,
            status=Assessment.Status.SUBMITTED,
        )
    client.force_login(school_user)
    with django_assert_max_num_queries(15):
        response = client.get(reverse("self_assessment:index"))
    assert response.content.decode().count("Report<span") == 30


def test_the_frameworks_english_text_is_marked_as_english_in_another_language(
    home, assessment, school_user, client, other_locales
):
    """The framework is editors' text, in English until it can be translated: on a page in
    Urdu each statement, level description and area name says lang="en" (WCAG 3.1.2), and
    what an editor typed is escaped."""
    statement = (
        assessment.framework.statements.filter(area__slug="expect").order_by("sort_order").first()
    )
    statement.text = "Leaders <b>own</b> attendance"
    statement.save()
    client.force_login(school_user)
    html = client.get("/ur" + area_url(assessment)).content.decode()
    assert '<html lang="ur" dir="rtl"' in html
    assert '<span lang="en" dir="ltr">Leaders &lt;b&gt;own&lt;/b&gt; attendance</span>' in html
    assert '<span lang="en" dir="ltr">Nothing yet</span>' in html  # a level's description
    assert '<h1 class="govuk-heading-xl" lang="en" dir="ltr">' in html
