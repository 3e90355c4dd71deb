"""Importing attendance figures from CSV: every bad row refused with its row, column and
reason and nothing saved, the file-level refusals, good council and DfE files, re-import,
the council's figures worked out, a double confirm, access and the check's queries."""

from datetime import date

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from attendance import imports, tasks
from attendance.models import AreaFigures, FiguresImport, SchoolFigures
from attendance.signals import figures_changed
from portal.factories import SchoolFactory
from portal.models import School

from .import_files import (
    AREA_HEADER,
    DFE_HEADER,
    area_row,
    as_csv,
    council_file,
    council_row,
    dfe_row,
)

pytestmark = pytest.mark.django_db

IMPORTS = "/admin/attendance/imports/"


@pytest.fixture
def officer_client(client, attendance_officer):
    client.force_login(attendance_officer)
    return client


@pytest.fixture
def changes():
    """The figures_changed signals sent, as (years, today)."""
    sent = []

    def receiver(sender, years, today, **kwargs):
        sent.append((sender, years, today))

    figures_changed.connect(receiver, weak=False)
    yield sent
    figures_changed.disconnect(receiver)


def upload(client, data, name="figures.csv"):
    response = client.post(IMPORTS, {"file": SimpleUploadedFile(name, data, "text/csv")})
    return response


def latest():
    return FiguresImport.objects.latest("pk")


def test_a_good_council_file_is_checked_then_imported(
    officer_client, school, other_school, changes
):
    school.phase = School.Phase.PRIMARY
    school.save()
    rows = [council_row(urn, half=half) for urn in ("190001", "190002") for half in (1, 2)]
    response = upload(officer_client, council_file(rows, bom=True))
    figures_import = latest()
    assert response.status_code == 302
    assert response["Location"] == reverse("attendance_import", args=[figures_import.pk])
    assert figures_import.status == FiguresImport.Status.CHECKED
    assert SchoolFigures.objects.count() == 0  # nothing saved before "Import"
    page = officer_client.get(response["Location"]).text
    assert "What the import would do" in page
    assert "New figures: 4; figures replacing those held: 0" in page
    assert "for 2 schools" in page and "190001" in page

    officer_client.post(reverse("attendance_import_confirm", args=[figures_import.pk]))
    figures_import.refresh_from_db()
    assert figures_import.status == FiguresImport.Status.IMPORTED
    assert SchoolFigures.objects.count() == 4
    row = SchoolFigures.objects.get(school=school, year=2025, half=2)
    assert row.attendance_rate is not None and row.source == figures_import
    assert (
        AreaFigures.objects.filter(area="council", phase="all", year=2025, worked_out=True).count()
        == 2
    )
    assert changes == [(SchoolFigures, {2025}, date.today())]
    assert "What the import did" in officer_client.get(response["Location"]).text


def test_re_importing_replaces_the_figures_held(officer_client, school):
    upload(officer_client, council_file([council_row("190001")]))
    officer_client.post(reverse("attendance_import_confirm", args=[latest().pk]))
    upload(officer_client, council_file([council_row("190001", possible_sessions=40_000)]))
    second = latest()
    assert second.summary["replacing"] == 1 and second.summary["new"] == 0
    officer_client.post(reverse("attendance_import_confirm", args=[second.pk]))
    assert SchoolFigures.objects.get().possible_sessions == 40_000
    assert SchoolFigures.objects.get().source == second


def test_confirming_twice_imports_once(officer_client, school, changes):
    upload(officer_client, council_file([council_row("190001")]))
    figures_import = latest()
    confirm = reverse("attendance_import_confirm", args=[figures_import.pk])
    officer_client.post(confirm)
    officer_client.post(confirm)
    assert len(changes) == 1
    assert tasks.start_import(figures_import.pk) is False
    assert SchoolFigures.objects.count() == 1


def test_a_cancelled_import_is_never_imported(officer_client, school):
    upload(officer_client, council_file([council_row("190001")]))
    figures_import = latest()
    officer_client.post(reverse("attendance_import_cancel", args=[figures_import.pk]))
    officer_client.post(reverse("attendance_import_confirm", args=[figures_import.pk]))
    figures_import.refresh_from_db()
    assert figures_import.status == FiguresImport.Status.CANCELLED
    assert SchoolFigures.objects.count() == 0


BAD_ROWS = [
    ("unknown URN", council_row("999999"), "urn", "No school with the URN 999999"),
    ("not a year", council_row("190002", year="2025/27"), "school_year", "not a school year"),
    ("future", council_row("190002", year="2031/32"), "school_year", "still to come"),
    ("half term", council_row("190002", half=7), "half_term", "not a half term"),
    ("twice", council_row("190001"), "urn", "same school and half term as row 2"),
    ("not whole", council_row("190002", pupils_on_roll="12.5"), "pupils_on_roll", "not a whole number"),
    ("negative", council_row("190002", authorised_illness=-3), "authorised_illness", "negative"),
    ("too large", council_row("190002", authorised_other=10**13), "authorised_other", "too large to be a count"),
    ("absences", council_row("190002", possible_sessions=100), "possible_sessions", "more than the possible sessions"),
    ("persistent", council_row("190002", persistent_absentees=301), "persistent_absentees", "than pupils on roll"),
    ("severe", council_row("190002", severe_absentees=200), "severe_absentees", "than persistent absentees"),
    (
        "no pupils",
        council_row("190002", pupils_on_roll=0, persistent_absentees=0, severe_absentees=0),
        "pupils_on_roll",
        "no pupils on roll",
    ),
]  # fmt: skip


@pytest.mark.parametrize(
    "bad_row, column, reason", [case[1:] for case in BAD_ROWS], ids=[c[0] for c in BAD_ROWS]
)
def test_each_bad_row_is_refused_with_its_row_and_reason(
    officer_client, school, other_school, bad_row, column, reason
):
    upload(officer_client, council_file([council_row("190001"), bad_row]))
    figures_import = latest()
    assert figures_import.status == FiguresImport.Status.REFUSED
    assert figures_import.error_count == 1
    [error] = figures_import.errors
    assert (error["row"], error["column"]) == (3, column)
    assert reason in error["reason"]
    page = officer_client.get(reverse("attendance_import", args=[figures_import.pk])).text
    assert "the file has 1 error" in page and reason in page
    assert f'action="/admin/attendance/imports/{figures_import.pk}/import/"' not in page
    officer_client.post(reverse("attendance_import_confirm", args=[figures_import.pk]))
    assert SchoolFigures.objects.count() == 0
    assert AreaFigures.objects.count() == 0


def test_unknown_areas_and_phases_are_refused(officer_client):
    rows = [area_row("national", "all"), area_row("region", "all"), area_row("council", "infant")]
    upload(officer_client, as_csv(AREA_HEADER, rows))
    figures_import = latest()
    assert [(e["row"], e["column"]) for e in figures_import.errors] == [(3, "area"), (4, "phase")]
    assert AreaFigures.objects.count() == 0


def test_errors_download_lists_every_error(officer_client, school):
    rows = [council_row("190001", half=half, pupils_on_roll="x") for half in (1, 2, 3)]
    upload(officer_client, council_file(rows))
    response = officer_client.get(reverse("attendance_import_errors", args=[latest().pk]))
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    assert text.count("not a whole number") == 3
    assert "2,pupils_on_roll" in text


@pytest.mark.parametrize(
    "data, message",
    [
        (b"", "The submitted file is empty"),  # Django refuses an empty upload itself
        (b"\n\n", "The file is empty."),
        (b"urn,school_year\n190001,2025/26\n", "half_term, pupils_on_roll, possible_sessions"),
        (b"name,figure\nx,1\n", "The first row must name the columns"),
        (b"urn,school_year,half_term,pupils_on_roll,possible_sessions\n", "no rows of figures"),
        ("urn,school_year,half_term,pupils_on_roll,possible_sessions\n190001,2025/26,1,é,1\n".encode("latin-1"), "not UTF-8"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00", "not"),
    ],
)  # fmt: skip
def test_files_that_cannot_be_taken_are_refused_at_upload(officer_client, data, message):
    response = upload(officer_client, data)
    assert response.status_code == 400
    assert message in response.text
    assert FiguresImport.objects.count() == 0


def test_too_big_and_too_many_rows(officer_client, school, settings):
    settings.ATTENDANCE_IMPORT_MAX_ROWS = 1
    data = council_file([council_row("190001", half=1), council_row("190001", half=2)])
    assert "at most 1 are taken" in upload(officer_client, data).text
    settings.ATTENDANCE_IMPORT_MAX_BYTES = 100
    assert "larger than 1 MB" in upload(officer_client, data).text
    assert FiguresImport.objects.count() == 0


def test_a_dfe_file_imports_its_year_to_date_rows(officer_client, school, changes):
    rows = [
        dfe_row("School", urn="190001"),
        dfe_row("School", urn="555555", la="E10000099"),  # another council's school
        dfe_row("National", phase="State-funded primary"),
        dfe_row("National", identifier="Full academic year", period="202425", phase="Total"),
        dfe_row("Local authority", phase="Special"),
        dfe_row("Local authority", la="E10000099"),
        dfe_row("Regional"),
    ]
    upload(officer_client, as_csv(DFE_HEADER, rows))
    figures_import = latest()
    assert figures_import.status == FiguresImport.Status.CHECKED, figures_import.errors
    assert figures_import.kind == FiguresImport.Kind.DFE
    assert figures_import.summary["skipped"] == 3
    officer_client.post(reverse("attendance_import_confirm", args=[figures_import.pk]))
    figures = SchoolFigures.objects.get()
    assert (figures.year, figures.half) == (2025, 2)
    # The other sess_auth_* counts summed (the totals column left out), and no-reason-yet
    # absence with the other unauthorised.
    expected = dfe_row("School")
    assert figures.authorised_other == expected[11] + expected[12]
    assert figures.unauthorised_other == expected[16] + expected[17]
    assert AreaFigures.objects.get(area="national", phase="all").half == 6
    assert AreaFigures.objects.get(area="national", phase="primary").year == 2025
    published = AreaFigures.objects.get(area="council", phase="special")
    assert published.worked_out is False
    assert changes[0][1] == {2024, 2025}


def test_dfe_terms_that_are_not_year_to_date_are_refused(officer_client, school):
    upload(
        officer_client,
        as_csv(DFE_HEADER, [dfe_row("School", identifier="Spring term", urn="190001")]),
    )
    [error] = latest().errors
    assert (error["row"], error["column"]) == (2, "time_identifier")
    assert "year to date" in error["reason"]


def test_a_council_file_of_council_and_national_rows(officer_client, school):
    rows = [area_row("council", "all"), area_row("national", "primary", half=4)]
    upload(officer_client, as_csv(AREA_HEADER, rows))
    officer_client.post(reverse("attendance_import_confirm", args=[latest().pk]))
    assert AreaFigures.objects.filter(worked_out=False).count() == 2


def test_the_progress_answers_as_json(officer_client, school):
    upload(officer_client, council_file([council_row("190001")]))
    figures_import = latest()
    tasks.write_progress(figures_import.pk, "checking", 6000, 18000)
    FiguresImport.objects.filter(pk=figures_import.pk).update(status="checking")
    progress = officer_client.get(
        reverse("attendance_import_progress", args=[figures_import.pk])
    ).json()
    assert progress["message"] == "Checked 6,000 of 18,000 rows."
    page = officer_client.get(reverse("attendance_import", args=[figures_import.pk])).text
    assert "Checked 6,000 of 18,000 rows." in page and "import-progress.js" in page
    assert 'aria-live="polite"' in page and "Refresh to see how far it has got" in page


def test_the_list_of_imports(officer_client, school, attendance_officer):
    upload(officer_client, council_file([council_row("190001")]))
    page = officer_client.get(IMPORTS).text
    assert "figures.csv" in page and "Checked: ready to import" in page
    assert str(attendance_officer) in page
    assert officer_client.get(IMPORTS, {"p": "abc"}).status_code == 200


@pytest.mark.parametrize("who", ["school_user", "ehe_officer", "governor", None])
def test_others_are_refused(client, request, who, school):
    figures_import = FiguresImport.objects.create(
        file_name="x.csv", content="urn\n", status=FiguresImport.Status.CHECKED
    )
    if who:
        client.force_login(request.getfixturevalue(who))
    pk = figures_import.pk
    for url in (
        IMPORTS,
        reverse("attendance_import", args=[pk]),
        reverse("attendance_import_progress", args=[pk]),
        reverse("attendance_import_errors", args=[pk]),
        reverse("attendance_schoolfigures:index"),
        reverse("attendance_areafigures:index"),
    ):
        assert client.get(url).status_code in (302, 403), url
    for url in (
        reverse("attendance_import_confirm", args=[pk]),
        reverse("attendance_import_cancel", args=[pk]),
    ):
        assert client.post(url).status_code in (302, 403), url
    figures_import.refresh_from_db()
    assert figures_import.status == FiguresImport.Status.CHECKED
    assert upload(client, council_file([council_row("190001")])).status_code in (302, 403)
    assert FiguresImport.objects.count() == 1


def test_an_unknown_import_is_not_found(officer_client):
    assert officer_client.get(reverse("attendance_import", args=[999])).status_code == 404


def _queries_to_check(rows):
    text = council_file(rows).decode()
    with CaptureQueriesContext(connection) as queries:
        checked = imports.check(text, date.today())
    assert not checked.problems
    return len(queries)


def test_the_check_costs_the_same_queries_for_10_and_200_rows():
    schools = SchoolFactory.create_batch(40)
    SchoolFactory.create_batch(0)
    ten = [council_row(school.urn, half=1) for school in schools[:10]]
    many = [council_row(school.urn, half=half) for school in schools for half in (1, 2, 3, 4, 5)]
    assert len(many) == 200
    assert _queries_to_check(ten) == _queries_to_check(many) <= 3


def test_an_import_that_fails_saves_nothing_and_can_be_tried_again(officer_client, school):
    upload(officer_client, council_file([council_row("190001")]))
    figures_import = latest()

    def refuse(sender, **kwargs):
        raise RuntimeError("a receiver failed")

    figures_changed.connect(refuse, weak=False)
    try:
        assert tasks.start_import(figures_import.pk)
        with pytest.raises(RuntimeError):
            tasks.run_import(figures_import.pk)
    finally:
        figures_changed.disconnect(refuse)
    figures_import.refresh_from_db()
    assert figures_import.status == FiguresImport.Status.CHECKED
    assert SchoolFigures.objects.count() == 0 and AreaFigures.objects.count() == 0
