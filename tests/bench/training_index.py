#!/usr/bin/env python
"""How fast is the anonymous training index, with 500 upcoming sessions, next to /healthz/
(one "SELECT 1"), under gunicorn and wrk? Target: at least 0.8 times the rate of /healthz/
(the index is served from the page cache). Also prints the SQL queries for one uncached
index page. Run from anywhere:

    .venv/bin/python tests/bench/training_index.py [--duration 10] [--connections 16]

Like home_vs_healthz.py (whose helpers it reuses): state in a temporary directory,
DATABASE_URL and REDIS_URL passed through, traffic to 127.0.0.1 only. Exit code 0 when it
ran, 1 on any error (including non-2xx responses), 2 if wrk is not installed.
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
    start_gunicorn_logged,
    stop,
    wait_until_ready,
)
from home_vs_healthz import django_env, prepare

TARGET_RATIO = 0.8
SESSIONS = 500
PATHS = ["/training/", "/training/?format=online", "/healthz/"]

# Runs inside `manage.py shell -c`: tops the demo courses up to 500 upcoming sessions,
# then counts the queries of one uncached GET /training/.
SETUP_CODE = f"""
import json
from datetime import timedelta
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from home import page_cache
from training.models import CoursePage, Session

courses = list(CoursePage.objects.live())
now = timezone.now()
missing = {SESSIONS} - Session.objects.filter(starts_at__gt=now).count()
Session.objects.bulk_create(
    Session(course=courses[n % len(courses)], starts_at=now + timedelta(days=2 + n % 300, hours=n % 7),
            ends_at=now + timedelta(days=2 + n % 300, hours=n % 7 + 2), capacity=20, venue="County Hall")
    for n in range(max(0, missing))
)
page_cache.purge()
Client(HTTP_HOST="localhost").get("/contact/")  # warm this process and the site frame
with CaptureQueriesContext(connection) as queries:
    response = Client(HTTP_HOST="localhost").get("/training/")
assert response.status_code == 200, response.status_code
print("SETUP " + json.dumps({{
    "upcoming": Session.objects.filter(starts_at__gt=now).count(),
    "queries": len(queries),
}}))
"""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run [10]")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections [16]")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each path [2]")
    args = parser.parse_args()
    if not os.access(WRK, os.X_OK):
        print(f"wrk not found at {WRK}; install it with: apt-get install wrk", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("interrupted (SIGTERM)"))
    var_dir = Path(tempfile.mkdtemp(prefix="portal-bench-training-"))
    server = log = None
    try:
        env = django_env(var_dir)
        print(f"State in {var_dir}", flush=True)
        prepare(env)
        out = manage(env, "shell", "-c", SETUP_CODE)
        line = next((li for li in out.splitlines() if li.startswith("SETUP ")), None)
        if line is None:
            raise BenchError(f"setup printed nothing:\n{out}")
        setup = json.loads(line.removeprefix("SETUP "))
        port = free_port()
        log_path = var_dir / "gunicorn.log"
        server, log = start_gunicorn_logged(env, port, log_path)
        wait_until_ready(server, port, log_path)
        for path in PATHS:
            if get_status(port, path) != 200:
                raise BenchError(f"GET {path} did not answer 200")
        results = {path: [] for path in PATHS}
        for round_number in range(1, args.rounds + 1):
            for path in PATHS:
                print(f"  round {round_number}/{args.rounds}: wrk {path}...", flush=True)
                results[path].append(
                    run_wrk(f"http://127.0.0.1:{port}{path}", args.duration, args.connections)
                )
        print()
        print(f"{setup['upcoming']} upcoming sessions; wrk -c{args.connections} -d{args.duration}s")
        print(f"{'path':<32}{'requests/s':>12}{'latency':>12}{'KB/resp':>10}")
        medians, ok = {}, True
        for path, runs in results.items():
            medians[path] = statistics.median(r["rps"] for r in runs)
            latency = statistics.median(r["latency_ms"] for r in runs)
            size = statistics.median(r["kb_per_response"] for r in runs)
            print(f"{path:<32}{medians[path]:>12.1f}{latency:>9.2f} ms{size:>10.2f}")
            ok = ok and not any(r["non_2xx"] for r in runs)
        for path in PATHS[:-1]:
            ratio = medians[path] / medians["/healthz/"]
            verdict = "target met" if ratio >= TARGET_RATIO else "TARGET MISSED"
            print(f"ratio {path} / healthz: {ratio:.2f} (target >= {TARGET_RATIO}): {verdict}")
        print(f"SQL queries for one uncached GET /training/: {setup['queries']}")
        if not ok:
            print("FAILED: some responses were not 2xx")
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
