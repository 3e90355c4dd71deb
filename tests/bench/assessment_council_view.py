#!/usr/bin/env python
"""How fast is the council's self-assessment view next to /healthz/, for a signed-in
attendance officer, with 600 schools and three years of assessments, under gunicorn and wrk?

The council view is not cached: it is built each time from a fixed number of queries, and
shows one page of 50 schools (council averages and the distribution cover them all, read
from the year's summary, which submitting an assessment keeps up to date). The
script prints requests per second for both paths, their ratio, and the SQL queries one
view costs. Run from anywhere:

    .venv/bin/python tests/bench/assessment_council_view.py [--duration 10] [--connections 8]

Everything it writes goes to a temporary directory that is removed at the end (as
home_vs_healthz.py does); DATABASE_URL and REDIS_URL are passed through if set. Exit code 0
when it ran, 1 on any error (including non-2xx responses), 2 if wrk is not installed.
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

COUNCIL = "/admin/self-assessment/council/"
SCHOOLS = 600
YEARS = 3

# Runs inside `manage.py shell -c`: 600 schools with three submitted assessments each
# (made once), then a session for the demo attendance officer and the view's query count.
SETUP_CODE = f"""
import json, random
from datetime import timedelta
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from tests.clients import PortalClient
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from portal.models import School, User
from self_assessment.models import Answer, Assessment, FrameworkVersion, school_year_of

framework = FrameworkVersion.objects.current()
statements = list(framework.statements.all())
this_year = school_year_of(timezone.localdate())
if not School.objects.filter(urn__startswith="8").exists():
    rng = random.Random(6)
    schools = School.objects.bulk_create(
        School(urn=f"8{{n:05}}", name=f"Bench School {{n:03}}",
               phase=rng.choice(["primary", "secondary", "special"]),
               locality=rng.choice(["Northgate", "Riverside", "Eastmoor", "Westfield"]),
               postcode="WY9 9ZZ")
        for n in range({SCHOOLS} - School.objects.count())
    )
    now = timezone.now()
    for back in range({YEARS}):
        made = Assessment.objects.bulk_create(
            Assessment(school=school, framework=framework, school_year=this_year - back,
                       status="submitted", submitted_at=now - timedelta(days=365 * back))
            for school in schools
        )
        Answer.objects.bulk_create(
            (Answer(assessment=a, statement=s, level=rng.randint(1, 4))
             for a in made for s in statements),
            batch_size=5000,
        )
    # Made in bulk, not submitted: the council's figures worked out as after an upgrade.
    call_command("refresh_council_summaries")
officer = User.objects.get(email="attendance.officer@demo.wyvernshire.example")
# Signed in with the second factor given, as staff must (tests/clients.py).
client = PortalClient(HTTP_HOST="127.0.0.1")
client.force_login(officer)
with CaptureQueriesContext(connection) as queries:
    response = client.get("{COUNCIL}")
assert response.status_code == 200, response.status_code
print("SETUP " + json.dumps({{
    "cookie": settings.SESSION_COOKIE_NAME + "=" + client.cookies[settings.SESSION_COOKIE_NAME].value,
    "queries": len(queries),
    "schools": School.objects.count(),
    "assessments": Assessment.objects.count(),
    "rows": response.content.decode().split("app-heat-map", 1)[-1].split("</table>")[0]
            .count("<th scope=\\"row\\">"),
}}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run [10]")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections [8]")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each path [2]")
    args = parser.parse_args()
    if not os.access(WRK, os.X_OK):
        print(f"wrk not found at {WRK}; install it with: apt-get install wrk", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("interrupted (SIGTERM)"))
    var_dir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    server = log = None
    try:
        env = django_env(var_dir)
        print(f"State in {var_dir}", flush=True)
        prepare(env)
        print(f"Adding schools up to {SCHOOLS}, with {YEARS} years of assessments...", flush=True)
        out = manage(env, "shell", "-c", SETUP_CODE)
        line = next((li for li in out.splitlines() if li.startswith("SETUP ")), None)
        if line is None:
            raise BenchError(f"no setup figures in the shell's output:\n{out}")
        setup = json.loads(line.removeprefix("SETUP "))
        port = free_port()
        log_path = var_dir / "gunicorn.log"
        log = open(log_path, "w")
        server = start_gunicorn(env, port, log)
        wait_until_ready(server, port, log_path)
        headers = {"Cookie": setup["cookie"], "Host": "127.0.0.1"}
        for path in (COUNCIL, "/healthz/"):
            status = get_status(port, path, headers)
            if status != 200:
                raise BenchError(f"GET {path} answered {status}, not 200 (signed in?)")
        results = {COUNCIL: [], "/healthz/": []}
        for round_number in range(1, args.rounds + 1):
            for path in results:
                print(f"  round {round_number}/{args.rounds}: wrk {path}...", flush=True)
                results[path].append(
                    run_wrk(f"http://127.0.0.1:{port}{path}", args.duration, args.connections,
                            headers=[f"Cookie: {setup['cookie']}"])
                )  # fmt: skip
        print()
        print(
            f"{setup['schools']} schools, {setup['assessments']} assessments; "
            f"heat map rows on the page: {setup['rows']}; SQL queries for one council view: {setup['queries']}"
        )
        print(f"wrk -c{args.connections} -d{args.duration}s, median of {args.rounds} rounds")
        medians = {}
        ok = True
        for path, runs in results.items():
            medians[path] = statistics.median(one["rps"] for one in runs)
            latency = statistics.median(one["latency_ms"] for one in runs)
            print(f"{path:<40}{medians[path]:>10.1f} req/s{latency:>10.2f} ms")
            if any(one["non_2xx"] for one in runs):
                ok = False
                print(f"  FAILURE: {path}: non-2xx responses")
        print(f"ratio council view / healthz: {medians[COUNCIL] / medians['/healthz/']:.3f}")
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
