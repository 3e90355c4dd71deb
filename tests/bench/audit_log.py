"""How the audit log holds up as it grows: the cost of writing one event, and of the
information governance screens over a large log. In-process (django.test.Client), in a
scratch SQLite file, or the database in DATABASE_URL (use a scratch one: it is migrated
and filled).

    .venv/bin/python tests/bench/audit_log.py [--events 200000] [--repeat 5]
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def timed(repeat, action):
    """Median milliseconds of `repeat` runs of action()."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    scratch = tempfile.TemporaryDirectory(prefix="audit-bench-")
    os.environ["PORTAL_VAR_DIR"] = scratch.name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["DEBUG"] = "0"
    import django

    django.setup()
    from django.core.management import call_command
    from django.core.signals import request_started
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from audit.log import Action, record
    from audit.models import AuditEvent
    from portal.factories import UserFactory
    from tests.clients import PortalClient

    request_started.disconnect(reset_queries)  # or each request empties the query log
    call_command("migrate", verbosity=0)
    officer = UserFactory(
        email="ig.bench@council.example", is_staff=True, groups=["Information governance"]
    )
    kinds = ["submission", "return", "assessment", "booking"]
    actions = [Action.VIEWED, Action.CHANGED, Action.EXPORTED, Action.CREATED]
    now = timezone.now()
    start = time.perf_counter()
    batch = []
    for n in range(args.events):
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
            )
        )
        if len(batch) == 5000:
            AuditEvent.objects.bulk_create(batch)
            batch = []
    AuditEvent.objects.bulk_create(batch)
    print(
        f"{args.events} events written in {time.perf_counter() - start:.1f} s ({connection.vendor})"
    )

    writes = 1000
    start = time.perf_counter()
    for n in range(writes):
        record(Action.VIEWED, kind="submission", record_id=str(n), label=f"CPL-{n:08d}")
    print(f"record(): {(time.perf_counter() - start) / writes * 1000:.2f} ms per event")

    client = PortalClient(HTTP_HOST="localhost")
    client.force_login(officer)
    pages = {
        "log, first page": "/admin/audit_log/",
        "log, one action": "/admin/audit_log/?action=exported",
        "log, one record kind and service": "/admin/audit_log/?kind=booking&service=training",
        "log, a week": f"/admin/audit_log/?at_after={(now - timezone.timedelta(days=7)).date()}",
        "log, search by reference": f"/admin/audit_log/?q=EHE-{args.events // 2:08d}",
        "log, page 100": "/admin/audit_log/?p=100",
    }
    print(f"{'page':36} {'ms (median)':>12} {'queries':>8}")
    for name, url in pages.items():
        assert client.get(url).status_code == 200, url
        connection.queries_log.clear()  # a full log (9,000) would capture nothing
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        count = len(queries)  # now: the captured list is read from the live log
        print(f"{name:36} {timed(args.repeat, lambda url=url: client.get(url)):12.1f} {count:8}")
    scratch.cleanup()


if __name__ == "__main__":
    main()
