"""Are the portal's own admin listings (the audit log, the submissions queue) no heavier
than Wagtail's page listing of the same number of rows? In-process (django.test.Client),
in a scratch SQLite file, or the database in DATABASE_URL (use a scratch one: it is
migrated and filled).

    .venv/bin/python tests/bench/admin_lists.py [--rows 50] [--log 200000] [--queue 5000]

Wagtail's explorer lists --rows pages under one parent; the audit log and the queue show
their first page (--rows rows each) of a log of --log events and a queue of --queue
submissions of one service, as its officer sees them.
"""

import argparse
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


class Queries:
    """Counts the SQL queries run, and the time spent in the database, while it is on."""

    def __init__(self):
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


def measure(client, url, repeat):
    """(queries, SQL ms, server ms, bytes, table cells), each the median of `repeat` runs
    (the queries of the last)."""
    from django.db import connection

    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    runs = []
    for _ in range(repeat):
        queries = Queries()
        with connection.execute_wrapper(queries):
            start = time.perf_counter()
            response = client.get(url)
            elapsed = time.perf_counter() - start
        runs.append((queries.count, queries.seconds * 1000, elapsed * 1000))
        html = response.content.decode()
    return (
        runs[-1][0],
        statistics.median(run[1] for run in runs),
        statistics.median(run[2] for run in runs),
        len(html),
        len(re.findall(r"<td[\s>]", html)),
    )


def fill_log(total):
    from django.utils import timezone

    from audit.models import AuditEvent

    kinds = ["submission", "return", "assessment", "booking"]
    actions = ["viewed", "changed", "exported", "created"]
    now = timezone.now()
    batch = []
    for n in range(total):
        batch.append(
            AuditEvent(
                at=now - timezone.timedelta(minutes=n),
                actor_label=f"officer{n % 40}@council.example",
                action=actions[n % 4],
                kind=kinds[n % 4],
                record_id=str(n % 5000),
                label=f"EHE-{n:08d}",
                service=["ehe", "licensing", "attendance", "training"][n % 4],
                detail="status, updated_at" if n % 4 == 1 else "",
                path=f"/admin/forms_app/submission/inspect/{n % 5000}/",
            )
        )
        if len(batch) == 5000:
            AuditEvent.objects.bulk_create(batch)
            batch = []
    AuditEvent.objects.bulk_create(batch)


def answers(n):
    """About the 2 KB of a home education registration's answers."""
    return {
        "child": {"first_name": f"Child {n}", "last_name": "Khan", "date_of_birth": "2015-04-01"},
        "school": {"school_status": "on_roll", "school_name": "Oak Primary School"},
        "contact": {"name": f"Parent {n}", "email": f"parent{n}@example.com"},
        "address": {"line_1": f"{n} High Street", "town": "Testshire", "postcode": "TE1 1ST"},
        "education": {"approach": "A structured curriculum at home. " * 50},
    }


def fill_queue(total, officers):
    from django.utils import timezone

    from forms_app.journeys.registry import Journey
    from forms_app.models import Submission

    statuses = ["received", "first_contact", "education_concerns", "education_suitable"]
    now = timezone.now()
    batch = []
    for n in range(total):
        batch.append(
            Submission(
                journey=Journey.EHE_REGISTRATION,
                service="ehe",
                reference=f"EHE-{n:08d}",
                answers=answers(n),
                schema_version=1,
                submitter_name=f"Parent {n}",
                submitter_email=f"parent{n}@example.com",
                status=statuses[n % 4],
                assigned_to=officers[n % len(officers)] if n % 3 else None,
                created_at=now - timezone.timedelta(minutes=n),
            )
        )
        if len(batch) == 2000:
            Submission.objects.bulk_create(batch)
            batch = []
    Submission.objects.bulk_create(batch)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=50, help="rows per listing (its page)")
    parser.add_argument("--log", type=int, default=200_000, help="audit events in all")
    parser.add_argument("--queue", type=int, default=5_000, help="submissions in all")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    scratch = tempfile.TemporaryDirectory(prefix="admin-lists-bench-")
    os.environ["PORTAL_VAR_DIR"] = scratch.name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.urls import reverse
    from wagtail.models import Page, Site

    from home.factories import HomePageFactory, StandardPageFactory
    from portal.factories import UserFactory
    from tests.clients import PortalClient

    call_command("migrate", verbosity=0)
    root = Page.get_first_root_node()
    Site.objects.all().delete()
    home = HomePageFactory(parent=root, slug="bench-home")
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    for n in range(args.rows):
        StandardPageFactory(parent=home, title=f"Page {n}", slug=f"page-{n}")
    superuser = UserFactory(email="root.bench@council.example", is_staff=True, is_superuser=True)
    ig = UserFactory(
        email="ig.bench@council.example", is_staff=True, groups=["Information governance"]
    )
    ehe = [
        UserFactory(email=f"ehe{n}.bench@council.example", is_staff=True, groups=["EHE officers"])
        for n in range(5)
    ]
    start = time.perf_counter()
    fill_log(max(args.log, args.rows))
    fill_queue(max(args.queue, args.rows), ehe)
    print(
        f"{args.rows} pages, {max(args.log, args.rows)} audit events, "
        f"{max(args.queue, args.rows)} submissions written in "
        f"{time.perf_counter() - start:.1f} s ({connection.vendor})"
    )

    clients = {}
    for user in (superuser, ig, ehe[0]):
        clients[user] = PortalClient(HTTP_HOST="localhost")
        clients[user].force_login(user)
    log, queue = reverse("audit_log:index"), reverse("forms_app_submission:index")
    listings = [
        ("Wagtail page listing", superuser, f"/admin/pages/{home.pk}/"),
        ("admin home (superuser)", superuser, "/admin/"),
        ("admin home (IG officer)", ig, "/admin/"),
        ("admin home (EHE officer)", ehe[0], "/admin/"),
        ("audit log, first page", ig, log),
        ("audit log, page 2", ig, log + "?p=2"),
        ("audit log, one action", ig, log + "?action=exported"),
        ("submissions queue, first page", ehe[0], queue),
        ("submissions queue, received", ehe[0], queue + "?status=received"),
    ]
    results = {name: measure(clients[user], url, args.repeat) for name, user, url in listings}
    reference = results["Wagtail page listing"][2]
    print(
        f"{'listing':32} {'queries':>7} {'SQL ms':>7} {'ms':>7} {'KB':>6} {'cells':>6}"
        f" {'x pages':>8}"
    )
    for name, (count, sql, server, size, cells) in results.items():
        print(
            f"{name:32} {count:7} {sql:7.1f} {server:7.1f} {size / 1024:6.0f} {cells:6}"
            f" {server / reference:8.2f}"
        )
    print("x pages: server time as a multiple of Wagtail's page listing's (1.00 or less: met)")
    scratch.cleanup()


if __name__ == "__main__":
    main()
