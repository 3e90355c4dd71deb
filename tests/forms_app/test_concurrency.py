"""The final "send" pressed twice at once (PostgreSQL: real row locks): one submission,
both presses show its confirmation, and it counts once against the visitor's limit, also
when the second press is the one over the limit."""

import pytest
from django.core.cache import cache
from django.db import connection

from forms_app.models import Submission
from shared.client_address import client_address
from tests.at_once import at_once, same_browser

from .conftest import Applicant

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="concurrent row locking needs PostgreSQL (SQLite serialises every write)",
)


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.parametrize("limit", [1, 20])
def test_send_pressed_twice_at_once(client, ehe_page, ehe_answers, settings, limit):
    settings.PORTAL_SUBMISSIONS_PER_HOUR = limit
    applicant = Applicant(client, ehe_page)
    for path, data in ehe_answers.items():
        applicant.answer(path, data)

    def press():
        return Applicant(same_browser(client), ehe_page).post("check-your-answers/", {})

    answers = at_once(press, press)

    assert Submission.objects.count() == 1
    assert [a.status_code for a in answers] == [302, 302]
    assert all(a.url.endswith("confirmation/") for a in answers)
    reference = Submission.objects.get().reference
    assert reference in client.get(answers[0].url, follow=True).content.decode()
    address = client_address(answers[0].wsgi_request)
    assert cache.get(f"forms:rate:{address}") == 1
