"""No spreadsheet the portal hands over would run a formula (shared/spreadsheets.py): each
export of the access matrix (tests/access_matrix.py EXPORTS) and the public pages' CSV
files, fetched over the demo content whose people-entered text starts like a formula."""

import pytest
from django.core.management import call_command

from tests.access_matrix import (
    EXPORTS,
    MATRIX,
    SPREADSHEET_TYPES,
    client_for,
    exporting_url_names,
    records,
)
from tests.spreadsheets import HOSTILE, fitted, hostile_shown, spreadsheet_rows, would_run


def test_every_url_of_ours_that_exports_is_checked():
    missing = sorted(exporting_url_names() - {name for name, _query in EXPORTS})
    assert missing == [], "add these to EXPORTS in tests/access_matrix.py: " + ", ".join(missing)
    assert {name for name, _query in EXPORTS} <= set(MATRIX)


def _hostile(objects, fields):
    """Give the objects' fields the HOSTILE values in turn, each object starting at the next
    one, so that a few objects show them all."""
    for start, obj in enumerate(objects):
        model = type(obj)
        changes = {
            field: fitted(model, field, HOSTILE[(start + n) % len(HOSTILE)])
            for n, field in enumerate(fields)
        }
        model.objects.filter(pk=obj.pk).update(**changes)


def make_hostile():
    """People-entered text across the demo content, each starting like a formula."""
    from audit.models import AuditEvent
    from forms_app.models import Submission
    from guidance.models import AgencyContact, StrategyPage
    from missing_education.models import Case
    from penalty_notices.models import PenaltyNotice
    from portal.models import School
    from returns.models import ReturnPupil
    from training.models import Booking

    _hostile(Booking.objects.order_by("pk"), ["name", "needs"])
    _hostile(Submission.objects.order_by("pk"), ["submitter_name", "submitter_email"])
    _hostile(School.objects.order_by("pk"), ["name", "locality"])
    _hostile(ReturnPupil.objects.order_by("pk"), ["pupil"])
    _hostile(PenaltyNotice.objects.order_by("pk"), ["parent_first_name", "child_last_name"])
    _hostile(Case.objects.order_by("pk"), ["first_name", "last_name", "next_step"])
    _hostile(AgencyContact.objects.order_by("pk"), ["service_name", "team", "helps_with"])
    AgencyContact.objects.update(countywide=True)  # so that every school's list has them
    for value in HOSTILE:
        AuditEvent.objects.create(
            actor_label=value, action="viewed", kind="submission", label=value, detail=value
        )
    strategy = StrategyPage.objects.live().first()
    for number, block in enumerate(strategy.action_plan):
        block.value["action"] = HOSTILE[number % len(HOSTILE)]
        block.value["owner"] = HOSTILE[(number + 1) % len(HOSTILE)]
    strategy.save_revision().publish()


def page_exports():
    """The public pages' CSV files: (name, address)."""
    from guidance.models import CasoDirectoryPage, StrategyPage

    caso = CasoDirectoryPage.objects.live().first()
    strategy = StrategyPage.objects.live().first()
    return [
        ("caso school_csv", f"{caso.url}school/190001/contacts.csv"),
        ("strategy action_plan_csv", f"{strategy.url}action-plan-csv/"),
    ]


def _check(response, label):
    if response.status_code != 200 or not response["Content-Type"].startswith(SPREADSHEET_TYPES):
        return [f"{label}: {response.status_code} {response['Content-Type']}, not a spreadsheet"]
    rows = spreadsheet_rows(response)
    problems = [f"{label}: would run {cell!r}" for cell in would_run(rows)]
    missing = set(HOSTILE) - hostile_shown(rows)
    if missing:
        problems.append(f"{label}: does not show {sorted(missing)} ({len(rows)} rows)")
    return problems


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_no_export_would_run_a_formula(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)
    make_hostile()
    targets = records()
    problems = []
    for name, query in EXPORTS:
        _method, url, allowed = MATRIX[name]
        address = url(targets) + query
        problems += _check(client_for(sorted(allowed)[0]).get(address), f"{name} {address}")
    for name, address in page_exports():
        problems += _check(client_for("anonymous").get(address), f"{name} {address}")
    # Any other URL of the matrix that answers with a spreadsheet must be in EXPORTS.
    exports = {name for name, _query in EXPORTS}
    for name, (method, url, allowed) in MATRIX.items():
        if method == "GET" and name not in exports:
            response = client_for(sorted(allowed)[0]).get(url(targets))
            if response.get("Content-Type", "").startswith(SPREADSHEET_TYPES):
                problems.append(f"{name}: answers with a spreadsheet, add it to EXPORTS")
    assert not problems, "\n".join(problems)
