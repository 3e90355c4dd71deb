#!/usr/bin/env python
"""How fast is the officers' returns tracker next to /healthz/, with 600 schools and 30
return periods, under gunicorn and wrk?

The tracker shows a page of 50 schools' returns for the latest period with their pupil, flag
and overdue-review counts, the response rate over every school and the 20 most overdue
reviews, so it is a real admin page for a signed-in attendance officer. The
script signs in by making a session for the demo officer and sends its cookie with wrk -H.
It also prints the SQL queries one tracker page costs. Run from anywhere:

    .venv/bin/python tests/bench/returns_tracker.py [--duration 10] [--connections 2]

State goes to a temporary directory (SQLite unless DATABASE_URL is set, which is then
migrated and filled: use a scratch database). Exit code 0 when it ran, 1 on errors or
non-2xx responses, 2 without wrk.
"""

import argparse
import json
import os
import shutil
import signal
import statistics
import sys
import tempfile
from pathlib import Path

from common import (
    WRK,
    BenchError,
    free_port,
    get_status,
    manage,
    run_wrk,
    start_gunicorn,
    stop,
    wait_until_ready,
)
from home_vs_healthz import django_env, prepare

TRACKER = "/admin/returns/tracker/"
SCHOOLS, PERIODS, PUPILS_PER_SCHOOL = 600, 30, 2

# Runs inside `manage.py shell -c`: 600 more schools, 30 periods (each opens a return for
# every active school), pupils on the latest, a session for the demo attendance officer,
# and the query count of one tracker page.
FILL_CODE = f"""
import json
from datetime import date, timedelta
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from portal.models import School, User
from returns.models import ReturnPeriod, ReturnPupil, SchoolReturn
from tests.clients import PortalClient

today = date.today()
School.objects.bulk_create(
    School(urn=str(500000 + n), name=f"Bench School {{n}}", phase="primary",
           locality=f"Locality {{n % 6}}", postcode="WY9 9ZZ")
    for n in range({SCHOOLS})
)
for n in range({PERIODS}):
    ReturnPeriod.objects.create(name=f"Bench period {{n}}", cadence="half_termly",
        opens_on=today - timedelta(days=1 + 42 * n), due_on=today + timedelta(days=20 - 42 * n))
latest = ReturnPeriod.objects.order_by("-opens_on").first()
returns = list(SchoolReturn.objects.filter(period=latest))
ReturnPupil.objects.bulk_create(
    ReturnPupil(school_return=r, pupil=f"B.{{i}}", year_group="5", starts_on=today,
                hours_per_week=15, reason="send", review_on=today - timedelta(days=i % 3),
                ends_on=today + timedelta(days=60), review_late=i % 4 == 0)
    for r in returns for i in range({PUPILS_PER_SCHOOL})
)
SchoolReturn.objects.filter(pk__in=[r.pk for r in returns[::2]]).update(status="returned")
officer = User.objects.get(email="attendance.officer@demo.wyvernshire.example")
# Signed in with the second factor given, as staff must (tests/clients.py).
client = PortalClient(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
client.force_login(officer)
client.get("{TRACKER}")
with CaptureQueriesContext(connection) as queries:
    response = client.get("{TRACKER}")
assert response.status_code == 200, response.status_code
print("FILLED " + json.dumps({{
    "cookie": settings.SESSION_COOKIE_NAME + "=" + client.cookies[settings.SESSION_COOKIE_NAME].value,
    "schools": School.objects.count(), "periods": ReturnPeriod.objects.count(),
    "returns": SchoolReturn.objects.count(), "rows": len(returns),
    "queries": len(queries), "kb": round(len(response.content) / 1024, 1),
}}))
"""


def fill(env):
    out = manage(env, "shell", "-c", FILL_CODE)
    line = next((li for li in out.splitlines() if li.startswith("FILLED ")), None)
    if line is None:
        raise BenchError(f"no result from the fill step:\n{out}")
    return json.loads(line.removeprefix("FILLED "))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run [10]")
    parser.add_argument("--connections", type=int, default=2, help="wrk connections [2]")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each path [2]")
    args = parser.parse_args()
    if not os.access(WRK, os.X_OK):
        print(f"wrk not found at {WRK}; install it with: apt-get install wrk", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("interrupted (SIGTERM)"))
    var_dir = Path(tempfile.mkdtemp(prefix="portal-bench-returns-"))
    server = log = None
    try:
        env = django_env(var_dir)
        print(f"State in {var_dir}", flush=True)
        prepare(env)
        print(f"Adding {SCHOOLS} schools and {PERIODS} return periods...", flush=True)
        filled = fill(env)
        port = free_port()
        log_path = var_dir / "gunicorn.log"
        log = open(log_path, "w")
        server = start_gunicorn(env, port, log)
        wait_until_ready(server, port, log_path)
        headers = {"Cookie": filled["cookie"], "X-Forwarded-Proto": "https"}
        status = get_status(port, TRACKER, headers)
        if status != 200:
            raise BenchError(f"GET {TRACKER} answered {status}, not 200 (signed in?)")
        results = {TRACKER: [], "/healthz/": []}
        for round_number in range(1, args.rounds + 1):
            for path in results:
                print(f"  round {round_number}/{args.rounds}: wrk {path}...", flush=True)
                results[path].append(
                    run_wrk(
                        f"http://127.0.0.1:{port}{path}", args.duration, args.connections,
                        headers=[f"Cookie: {filled['cookie']}", "X-Forwarded-Proto: https"],
                    )
                )  # fmt: skip
        print()
        print(
            f"{filled['schools']} schools, {filled['periods']} periods, "
            f"{filled['returns']} returns; latest period's returns: {filled['rows']}, "
            f"{filled['kb']} KB, {filled['queries']} SQL queries per page"
        )
        medians = {}
        ok = True
        for path, runs in results.items():
            medians[path] = statistics.median(one["rps"] for one in runs)
            latency = statistics.median(one["latency_ms"] for one in runs)
            each = ", ".join(f"{one['rps']:.1f}" for one in runs)
            print(f"{path:<28}{medians[path]:>10.1f} req/s{latency:>10.1f} ms  runs: {each}")
            if any(one["non_2xx"] for one in runs):
                ok = False
                print(f"  FAILURE: {path}: non-2xx responses")
        print(f"ratio tracker / healthz: {medians[TRACKER] / medians['/healthz/']:.3f}")
        return 0 if ok else 1
    except BenchError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    finally:
        stop(server)
        if log:
            log.close()
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
