"""Two schools submitting at the same moment (PostgreSQL: real row locks): the council's
summary counts both, because the second waits for the year's row and works the figures
out after the first has committed. (Without the lock the second works them out without
the first's, uncommitted, and writes them over the first's.)"""

import time

import pytest
from django.db import connection, transaction

from portal.factories import SchoolFactory
from self_assessment import services, summaries
from self_assessment.models import Answer, AreaCompletion, AssessmentArea
from tests.at_once import at_once

from .test_council_summary import THIS_YEAR, assert_summary_is_current, from_the_summary

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent row locking needs PostgreSQL (SQLite serialises every write)",
)


def ready_to_submit(school, user, level):
    assessment = services.start_assessment(school, user)
    Answer.objects.bulk_create(
        Answer(assessment=assessment, statement=statement, level=level)
        for statement in assessment.framework.statements.all()
    )
    AreaCompletion.objects.bulk_create(
        AreaCompletion(assessment=assessment, area=area) for area in AssessmentArea.objects.all()
    )
    return assessment


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_schools_submitting_at_once_are_both_counted(framework, school_user):
    first = ready_to_submit(SchoolFactory(phase="primary"), school_user, 1)
    second = ready_to_submit(SchoolFactory(phase="primary"), school_user, 4)
    # The year's row exists already (a new row's insert would make them wait anyway).
    summaries.refresh_year(THIS_YEAR)

    def first_submits_and_is_slow_to_commit():
        with transaction.atomic():
            services.submit(first, school_user)
            time.sleep(1)  # the second submits meanwhile

    def second_submits_meanwhile():
        time.sleep(0.3)
        services.submit(second, school_user)

    at_once(
        first_submits_and_is_slow_to_commit,
        second_submits_meanwhile,
        second_submits_meanwhile,  # and a double click
    )
    assert from_the_summary(THIS_YEAR)[0] == 2
    assert_summary_is_current(THIS_YEAR)
