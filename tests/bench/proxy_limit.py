#!/usr/bin/env python
"""Load: the public submissions limit behind the council's TLS proxy.

Every request reaches gunicorn from one address (the proxy's: here 127.0.0.1), naming
the visitor in X-Forwarded-For; the portal trusts one proxy (PORTAL_TRUSTED_PROXIES=1)
and keeps production's limit (PORTAL_SUBMISSIONS_PER_HOUR, 20 an hour per visitor).
It proves that:

1. 500 elective home education registrations from 50 visitors (10 each), 20 at a time,
   are all accepted: the limit counts visitors, not the proxy;
2. one more visitor sending 21 is limited at the 21st (429, "try again in an hour");
3. the same visitor naming someone else first ("6.6.6.6, <visitor>", as the proxy passes
   on what the client sent) is still limited.

PostgreSQL (a scratch database), Redis (the cache, where the limit is counted), gunicorn
with production settings and the django-q2 worker, as in production:

    .venv/bin/python tests/bench/proxy_limit.py [--journeys 500] [--visitors 50]

Exit code 0 when every check holds, 1 when one fails, 2 when PostgreSQL or Redis is not
reachable.
"""

import argparse
import shutil
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from common import ROOT, BenchError, free_port, start_gunicorn, stop, wait_until_ready
from ehe_load import (
    REDIS_HOST,
    REDIS_PORT,
    Unavailable,
    connect_redis,
    create_database,
    django_env,
    drop_database,
    journey,
    load_ehe_answers,
    prepare,
    start_worker,
)

LIMIT = 20  # production's default PORTAL_SUBMISSIONS_PER_HOUR


def env_for(var_dir, database_url, redis_url, redis_db):
    settings = argparse.Namespace(journeys=0, refuse_mode="raise", broker="orm")
    env = django_env(var_dir, database_url, redis_url, settings)
    env.update(
        {
            "PORTAL_SUBMISSIONS_PER_HOUR": str(LIMIT),
            "PORTAL_TRUSTED_PROXIES": "1",
            "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        }
    )
    return env


def limited(result):
    return " 429 " in f" {result.get('error', '')} "


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=500, help="registrations [500]")
    parser.add_argument("--visitors", type=int, default=50, help="distinct visitors [50]")
    parser.add_argument("--concurrency", type=int, default=20, help="clients at once [20]")
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers [3]")
    parser.add_argument("--redis-db", type=int, default=10, help="Redis database, flushed [10]")
    args = parser.parse_args()
    if args.journeys > args.visitors * LIMIT:
        parser.error(f"--journeys must be at most {LIMIT} per visitor")

    var_dir = Path(tempfile.mkdtemp(prefix="portal-proxy-limit-"))
    database = server = worker = None
    logs = [open(var_dir / name, "w") for name in ("gunicorn.log", "qcluster.log")]  # noqa: SIM115
    failures = []
    try:
        try:
            redis_client = connect_redis(args.redis_db)
            database = create_database()
        except Unavailable as exc:
            print(f"Cannot run: {exc}", file=sys.stderr)
            return 2
        redis_client.flushdb()
        database_url = f"postgres://postgres@127.0.0.1:5432/{database}"
        redis_url = f"redis://{REDIS_HOST}:{REDIS_PORT}/{args.redis_db}"
        env = env_for(var_dir, database_url, redis_url, args.redis_db)
        setup = prepare(env)
        redis_client.flushdb()  # the seed's cache entries: the limit starts at zero
        port = free_port()
        server = start_gunicorn(env, port, logs[0], workers=args.workers)
        worker = start_worker(env, logs[1])
        wait_until_ready(server, port, var_dir / "gunicorn.log")
        base, template = setup["url"], load_ehe_answers()
        deadline = time.monotonic() + 30 * 60

        def visitor(n):
            return f"198.51.100.{n % args.visitors + 1}"

        print(f"1. {args.journeys} registrations from {args.visitors} visitors...", flush=True)
        started = time.monotonic()
        with ThreadPoolExecutor(args.concurrency) as pool:
            results = list(
                pool.map(
                    lambda n: journey(n, port, base, template, False, deadline, visitor(n)),
                    range(1, args.journeys + 1),
                )
            )
        wall = time.monotonic() - started
        accepted = sum(1 for r in results if "reference" in r)
        print(f"   accepted {accepted} of {args.journeys} in {wall:.1f}s", flush=True)
        if accepted != args.journeys:
            errors = sorted({r["error"] for r in results if "error" in r})
            print(f"   refused: {errors[:3]}", flush=True)
            failures.append(f"step 1: {args.journeys - accepted} refused: {errors[:3]}")

        print(f"2. {LIMIT + 1} registrations from one more visitor, one after another...")
        one = [
            journey(1000 + n, port, base, template, False, deadline, "203.0.113.7")
            for n in range(LIMIT + 1)
        ]
        outcome = ["accepted" if "reference" in r else "limited" if limited(r) else r["error"]
                   for r in one]  # fmt: skip
        print(f"   {outcome.count('accepted')} accepted, then {outcome[LIMIT:]}")
        if outcome != ["accepted"] * LIMIT + ["limited"]:
            failures.append(f"step 2: {outcome}")

        print("3. the same visitor naming someone else first...")
        spoofed = journey(2000, port, base, template, False, deadline, "6.6.6.6, 203.0.113.7")
        print(f"   {'limited' if limited(spoofed) else spoofed}")
        if not limited(spoofed):
            failures.append(f"step 3: not limited: {spoofed}")
    except BenchError as exc:
        failures.append(str(exc))
    finally:
        for process in (worker, server):
            if process is not None:
                stop(process)
        for log in logs:
            log.close()
        if database:
            drop_database(database)
        shutil.rmtree(var_dir, ignore_errors=True)
    for failure in failures:
        print(f"FAILED: {failure}")
    print("all checks hold" if not failures else f"{len(failures)} check(s) failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
