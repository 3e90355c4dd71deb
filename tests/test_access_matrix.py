"""Who may use each URL that shows or changes a record (tests/access_matrix.py)."""

import pytest
from django.core.management import call_command

from tests.access_matrix import MATRIX, NOT_RECORDS, mismatches, our_url_names, unaudited


def test_every_url_of_ours_has_a_row():
    names = our_url_names()
    missing = sorted(names - set(MATRIX) - NOT_RECORDS)
    assert missing == [], "add these URLs to tests/access_matrix.py: " + ", ".join(missing)
    assert sorted(set(MATRIX) - names) == []  # no row for a URL that has gone


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_each_role_is_allowed_or_refused_as_the_matrix_says(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    call_command("seed_demo", verbosity=0)
    assert mismatches() == []
    assert unaudited() == []
