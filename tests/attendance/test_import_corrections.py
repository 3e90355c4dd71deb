"""Officers correct figures in the admin: the same checks as the import, in plain words;
saving works the council's figures out again and sends figures_changed."""

import pytest
from django.urls import reverse

from attendance.factories import AreaFiguresFactory, SchoolFiguresFactory
from attendance.models import COUNTS, AreaFigures, SchoolFigures
from attendance.signals import figures_changed
from portal.factories import SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer_client(client, attendance_officer):
    client.force_login(attendance_officer)
    return client


def form_data(figures, **changes):
    data = {name: getattr(figures, name) for name in COUNTS}
    data.update(year="2025/26", half=figures.half)
    if isinstance(figures, SchoolFigures):
        data["school"] = figures.school_id
    else:
        data.update(area=figures.area, phase=figures.phase)
    data.update(changes)
    return data


def test_an_edit_with_counts_that_cannot_all_be_true_is_refused(officer_client, school):
    figures = SchoolFiguresFactory(school=school)
    url = reverse("attendance_schoolfigures:edit", args=[figures.pk])
    response = officer_client.post(
        url, form_data(figures, severe_absentees=figures.persistent_absentees + 1, year="2025/27")
    )
    assert response.status_code == 200
    assert "every severe absentee is also a persistent one" in response.text
    assert "is not a school year" in response.text
    assert SchoolFigures.objects.get().severe_absentees == figures.severe_absentees


def test_a_correction_works_the_council_figures_out_again(officer_client, school):
    sent = []

    def receiver(sender, years, today, **kwargs):
        sent.append(years)

    figures_changed.connect(receiver, weak=False)
    try:
        figures = SchoolFiguresFactory(school=school, absence=5.0)
        url = reverse("attendance_schoolfigures:edit", args=[figures.pk])
        response = officer_client.post(url, form_data(figures, authorised_illness=0))
        assert response.status_code == 302
    finally:
        figures_changed.disconnect(receiver)
    assert sent == [{2025}]
    council = AreaFigures.objects.get(area="council", phase="all", year=2025, half=2)
    assert council.authorised_illness == 0
    assert council.absence_rate == SchoolFigures.objects.get().absence_rate


def test_an_officers_council_figure_is_kept_as_published(officer_client, school):
    SchoolFiguresFactory(school=school)
    council = AreaFiguresFactory(area="council", phase="all", worked_out=True)
    url = reverse("attendance_areafigures:edit", args=[council.pk])
    response = officer_client.post(url, form_data(council, pupils_on_roll=123_456))
    assert response.status_code == 302
    council.refresh_from_db()
    assert council.pupils_on_roll == 123_456 and council.worked_out is False


def test_the_list_filters_searches_and_costs_the_same_queries(
    officer_client, school, django_assert_max_num_queries
):
    SchoolFiguresFactory(school=school, year=2024)
    for _ in range(60):
        SchoolFiguresFactory(school=SchoolFactory())
    index = reverse("attendance_schoolfigures:index")
    with django_assert_max_num_queries(40):
        text = officer_client.get(index).text
    assert "Page 1 of 2" in text
    text = officer_client.get(index, {"q": "190001"}).text
    assert "Alderbrook Primary" in text
    text = officer_client.get(index, {"year": "2024"}).text
    assert "Alderbrook Primary" in text and "2024/25" in text
    assert officer_client.get(index, {"p": "abc", "year": "x"}).status_code == 200
