"""The audit log's listing at a county's size: a page costs the same whatever the log
holds, the count stops at a cap instead of counting every row, and garbage or too-large
page numbers still show a page."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEvent
from shared.admin_parts import CappedCountPaginator

LOG = "audit_log:index"
LONG_DETAIL = "csv, 9000 rows, filters: " + "status received, journey ehe_registration; " * 20


def write(count, start=0, **fields):
    """`count` events, the newest first: EV-00000 is the newest."""
    now = timezone.now()
    AuditEvent.objects.bulk_create(
        AuditEvent(
            at=now - timezone.timedelta(minutes=n),
            actor_label="officer@council.example",
            action="viewed",
            kind="submission",
            label=f"EV-{n:05d}",
            service="ehe",
            **fields,
        )
        for n in range(start, start + count)
    )


def rows(html):
    """The references listed, in order."""
    return re.findall(r"<td>(EV-\d{5})</td>", html)


@pytest.fixture
def signed_in(client, home, ig_officer):
    client.force_login(ig_officer)
    return client


def test_a_page_costs_the_same_queries_and_size_whatever_the_log_holds(signed_in):
    url = reverse(LOG)
    write(3, detail=LONG_DETAIL)
    signed_in.get(url)
    with CaptureQueriesContext(connection) as few:
        small = signed_in.get(url).content.decode()
    write(300, start=3, detail=LONG_DETAIL)
    with CaptureQueriesContext(connection) as many:
        full = signed_in.get(url).content.decode()
    assert len(many) == len(few)
    assert len(rows(full)) == 50 and rows(full)[0] == "EV-00000"
    # 47 more rows of a long detail: each row's cells are written out, with the start
    # of the detail only and no menu of actions.
    assert len(full) - len(small) < 47 * 700
    assert 'data-controller="w-dropdown"' not in full.split('<table class="listing')[1]


def test_the_detail_is_shortened_in_the_list_and_whole_on_the_event_s_page(signed_in):
    write(1, detail=LONG_DETAIL)
    event = AuditEvent.objects.get()
    listing = signed_in.get(reverse(LOG)).content.decode()
    assert LONG_DETAIL not in listing and LONG_DETAIL[:70] in listing
    inspect = reverse("audit_log:inspect", args=[event.pk])
    assert f'<a href="{inspect}">' in listing
    assert LONG_DETAIL.strip() in signed_in.get(inspect).content.decode()


def test_the_count_stops_at_the_cap(signed_in):
    write(3)
    with CaptureQueriesContext(connection) as queries:
        signed_in.get(reverse(LOG))
    [count] = [q["sql"] for q in queries if "COUNT(" in q["sql"]]
    assert f"LIMIT {CappedCountPaginator.cap + 1}" in count and "ORDER BY" not in count


@pytest.fixture
def cap_of_100(monkeypatch):
    monkeypatch.setattr(CappedCountPaginator, "cap", 100)


def test_past_the_cap_the_pages_end_at_it_and_say_more(signed_in, cap_of_100):
    write(130)
    first = signed_in.get(reverse(LOG)).content.decode()
    assert "Page 1 of 2" in first and "More than 100 results" in first
    last = signed_in.get(reverse(LOG), {"p": 2}).content.decode()
    assert rows(last) == [f"EV-{n:05d}" for n in range(50, 100)]
    filtered = signed_in.get(reverse(LOG), {"action": "viewed"}).content.decode()
    assert '<h2 role="alert">More than 100 results</h2>' in filtered
    assert "There are 100 matches" not in filtered


@pytest.mark.parametrize(
    "page, shown",
    [("abc", "Page 1 of 2"), ("-3", "Page 2 of 2"), ("99999", "Page 2 of 2"), ("", "Page 1")],
)
def test_a_garbage_or_too_large_page_number_shows_a_page(signed_in, cap_of_100, page, shown):
    write(130)
    response = signed_in.get(reverse(LOG), {"p": page})
    assert response.status_code == 200 and shown in response.content.decode()
    assert len(rows(response.content.decode())) == 50


def test_under_the_cap_the_count_is_exact_and_the_last_page_short(signed_in, cap_of_100):
    write(60)
    last = signed_in.get(reverse(LOG), {"p": 2}).content.decode()
    assert "Page 2 of 2" in last and "More than" not in last
    assert rows(last) == [f"EV-{n:05d}" for n in range(50, 60)]
    filtered = signed_in.get(reverse(LOG), {"action": "viewed"}).content.decode()
    assert "There are 60 matches" in filtered


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's query plan")
@pytest.mark.parametrize("field", ["action", "kind", "service"])
def test_a_filtered_page_is_read_newest_first_from_an_index_not_sorted(db, field):
    write(3)
    page = AuditEvent.objects.filter(**{field: "exported"}).order_by("-at", "-pk")[:50]
    plan = page.explain()
    assert f"audit_{field}_newest" in plan and "TEMP B-TREE" not in plan
