#!/usr/bin/env python
"""How fast are anonymous pages next to /healthz/ (one "SELECT 1"), under gunicorn and wrk?

Pages: the home page, the guidance index, a guidance page and a school's CASO list. The
target: each is served (from the page cache) at no less than 0.8 times the rate of
/healthz/. Also prints how many SQL queries an uncached home
page costs. Run from anywhere:

    .venv/bin/python tests/bench/home_vs_healthz.py [--duration 10] [--connections 16]

Everything it writes (SQLite file, file cache, logs) goes to a temporary directory that
is removed at the end; only staticfiles/ is (re)collected. DATABASE_URL and REDIS_URL are
passed through if set, to bench PostgreSQL and Redis (that database is migrated and
seeded). Traffic goes to 127.0.0.1 only. Exit code 0 when it ran, even if the target is
missed; 1 on any error (including non-2xx responses); 2 if wrk is not installed.
"""

import argparse
import json
import os
import secrets
import shutil
import signal
import statistics
import sys
import tempfile
from pathlib import Path

from common import (
    ROOT,
    WRK,
    BenchError,
    free_port,
    get_status,
    manage,
    run,
    run_wrk,
    start_gunicorn_logged,
    stop,
    wait_until_ready,
)

TARGET_RATIO = 0.8
# Anonymous pages measured against /healthz/; a guidance page's path is found once seeded.
PATHS = ["/", "/guidance/", "GUIDANCE_PAGE", "/community-support/school/190001/", "/healthz/"]
GUIDANCE_PAGE_CODE = (
    "from guidance.models import GuidancePage; "
    "print('PAGE', GuidancePage.objects.live().filter(locale__language_code='en')"
    ".order_by('path').first().url)"
)

# Runs inside `manage.py shell -c`: SQL queries for one uncached GET "/". A fresh Client
# per request, so that no cookie set by an earlier response changes what is cached.
QUERY_COUNT_CODE = """
import json
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from home import page_cache

def get(path):
    response = Client(HTTP_HOST="localhost").get(path)
    assert response.status_code == 200, (path, response.status_code)

def count_home():
    with CaptureQueriesContext(connection) as queries:
        get("/")
    return len(queries)

get("/contact/")  # warm this process (imports, per-process caches) like a running server
page_cache.purge()  # new generation: empties both the page cache and the site frame
fully_cold = count_home()
page_cache.purge()
get("/contact/")  # builds the site frame again, and caches /contact/ only
frame_warm = count_home()
page_cached = count_home()  # the copy stored just now
print("QUERIES " + json.dumps(
    {"fully_cold": fully_cold, "frame_warm": frame_warm, "page_cached": page_cached}))
"""


def django_env(var_dir):
    """A clean environment, so that nothing in the caller's shell (a settings module,
    GUNICORN_CMD_ARGS, a page cache timeout...) changes what is measured."""
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": os.environ.get("HOME", "/tmp"),
        "LANG": "C.UTF-8",
        "PORTAL_VAR_DIR": str(var_dir),
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50)[:50],
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        # Production redirects plain HTTP to HTTPS; the bench talks plain HTTP on loopback.
        "SECURE_SSL_REDIRECT": "0",
        "LOG_LEVEL": "WARNING",
    }
    for name in ("DATABASE_URL", "REDIS_URL"):
        if os.environ.get(name):
            env[name] = os.environ[name]
    return env


def prepare(env):
    if not (ROOT / "portal" / "static_build").exists():
        print("Building the front end (npm run build)...", flush=True)
        run(["npm", "run", "build"], dict(os.environ))
    print("Migrating, seeding the demo and collecting static files...", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo")
    manage(env, "collectstatic", "--noinput")


def resolve_paths(env):
    out = manage(env, "shell", "-c", GUIDANCE_PAGE_CODE)
    line = next((li for li in out.splitlines() if li.startswith("PAGE ")), None)
    if line is None:
        raise BenchError(f"no guidance page in the demo:\n{out}")
    return [line.removeprefix("PAGE ").strip() if p == "GUIDANCE_PAGE" else p for p in PATHS]


def bench(port, paths, duration, connections, rounds):
    """Alternate the paths, so that a slow moment on a small machine hits them all, and
    keep the median of each."""
    results = {path: [] for path in paths}
    for round_number in range(1, rounds + 1):
        for path in paths:
            print(f"  round {round_number}/{rounds}: wrk {path} for {duration}s...", flush=True)
            results[path].append(run_wrk(f"http://127.0.0.1:{port}{path}", duration, connections))
    return results


def count_queries(env):
    out = manage(env, "shell", "-c", QUERY_COUNT_CODE)
    line = next((li for li in out.splitlines() if li.startswith("QUERIES ")), None)
    if line is None:
        raise BenchError(f"no query counts in the shell's output:\n{out}")
    return json.loads(line.removeprefix("QUERIES "))


def report(results, queries, args):
    """Print the table; return True if every request succeeded."""
    print()
    threads = min(2, args.connections)
    print(
        f"wrk -t{threads} -c{args.connections} -d{args.duration}s, median of {args.rounds} rounds"
    )
    print(f"{'path':<40}{'requests/s':>12}{'mean latency':>15}{'KB/response':>13}  runs (req/s)")
    medians = {}
    ok = True
    for path, runs in results.items():
        medians[path] = statistics.median(run["rps"] for run in runs)
        latency = statistics.median(run["latency_ms"] for run in runs)
        size = statistics.median(run["kb_per_response"] for run in runs)
        each = ", ".join(f"{one['rps']:.0f}" for one in runs)
        print(f"{path:<40}{medians[path]:>12.1f}{latency:>12.2f} ms{size:>13.2f}  {each}")
        for one in runs:
            if one["non_2xx"]:
                ok = False
                print(f"  FAILURE: {path}: {one['non_2xx']} non-2xx responses")
            if one["socket_errors"]:
                print(f"  note: {path}: {one['socket_errors']}")
    for path in medians:
        if path == "/healthz/":
            continue
        ratio = medians[path] / medians["/healthz/"]
        verdict = "target met" if ratio >= TARGET_RATIO else "TARGET MISSED"
        print(f"ratio {path} / healthz: {ratio:.2f} (target >= {TARGET_RATIO}): {verdict}")
    print()
    print("SQL queries for GET / (django.test.Client, same settings):")
    print(f"  page cache and site frame cold (right after purge()): {queries['fully_cold']}")
    print(f"  page cache cold, site frame warm:                     {queries['frame_warm']}")
    print(f"  served from the page cache:                           {queries['page_cached']}")
    if not ok:
        print("FAILED: some responses were not 2xx")
    return ok


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per wrk run [10]")
    parser.add_argument("--connections", type=int, default=16, help="wrk connections [16]")
    parser.add_argument("--rounds", type=int, default=2, help="runs of each path [2]")
    args = parser.parse_args()
    if args.duration < 1 or args.connections < 1 or args.rounds < 1:
        parser.error("--duration, --connections and --rounds must be at least 1")
    if not os.access(WRK, os.X_OK):
        print(f"wrk not found at {WRK}; install it with: apt-get install wrk", file=sys.stderr)
        return 2

    # A SIGTERM (e.g. from a CI timeout) unwinds through the finally below too.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("interrupted (SIGTERM)"))
    var_dir = Path(tempfile.mkdtemp(prefix="portal-bench-"))
    server = log = None
    try:
        env = django_env(var_dir)
        backend = "PostgreSQL" if "DATABASE_URL" in env else "SQLite"
        cache = "Redis" if "REDIS_URL" in env else "file cache"
        print(f"State in {var_dir} ({backend}, {cache})", flush=True)
        prepare(env)
        port = free_port()
        log_path = var_dir / "gunicorn.log"
        server, log = start_gunicorn_logged(env, port, log_path)
        wait_until_ready(server, port, log_path)
        paths = resolve_paths(env)
        for path in paths:  # warm up; also stores each page in the page cache
            status = get_status(port, path)
            if status != 200:
                raise BenchError(f"GET {path} answered {status}, not 200")
        print(f"gunicorn (2 workers) on 127.0.0.1:{port}", flush=True)
        results = bench(port, paths, args.duration, args.connections, args.rounds)
        queries = count_queries(env)
        return 0 if report(results, queries, args) else 1
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
