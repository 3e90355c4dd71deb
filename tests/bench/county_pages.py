#!/usr/bin/env python
"""Is every page's work bounded by what it shows, at the demo's size and at a county's?

Each anonymous page (home, guidance, strategy, CASO, training, search, sitemap, each public
form's start page and first step) against /healthz/ (target: at least 0.9 times its
requests/s), each signed-in page (the partner dashboard, the officers' admin pages, Wagtail's
page listing...) against the Wagtail admin home (target: at least 1.0 times), and no response
over 200 KB. On PostgreSQL and Redis, production settings, gunicorn with 2 workers, wrk.
Run from anywhere:

    .venv/bin/python tests/bench/county_pages.py [--size demo|county|both] [--duration 5]
        [--connections 8] [--rounds 1] [--only SUBSTRING]

Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth), Redis at 127.0.0.1:6379
and wrk. It creates a scratch database portal_bench_<random> (dropped at the end), uses
Redis database --redis-db (10; flushed at the start and the end) and a temporary directory.
"county" seeds county_scale.py's figures on top of the demo (after the demo's
measurements with "both"). Exit code 0 when it ran, even with targets missed; 1 when a page
did not answer 200 (or another error); 2 without PostgreSQL, Redis or wrk.
"""

import argparse
import os
import re
import shutil
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

from common import (
    REDIS_HOST,
    REDIS_PORT,
    WRK,
    BenchError,
    Unavailable,
    connect_redis,
    create_database,
    drop_database,
    fetch,
    free_port,
    run_wrk,
    shell_result,
    start_gunicorn_logged,
    stop,
    wait_until_idle,
    wait_until_ready,
)
from county_scale import seed_through_manage
from home_vs_healthz import django_env, prepare

ANONYMOUS_TARGET, SIGNED_IN_TARGET = 0.9, 1.0
# A slow page must be counted, not dropped as wrk's default 2 s timeout would.
WRK_TIMEOUT = 60
MAX_KB = 200  # CSV exports stream and are not measured here
HEALTHZ, ADMIN_HOME = "/healthz/", "/admin/"
SEARCH_WORD = "attendance"
# Who signs in (portal/demo/accounts.yaml), by the name the pages below use.
ACCOUNTS = {
    "school user": "attendance.lead",
    "attendance officer": "attendance.officer",
    "information governance": "information.governance",
    "EHE officer": "ehe.officer",
    "editor": "editor",
    "superuser": "admin",
}
# A school user cannot open the admin: their pages are compared with the editor's home.
REFERENCE_ACCOUNT_FOR_PARTNERS = "editor"

# Runs inside `manage.py shell -c`: the addresses of the seeded pages.
PATHS_CODE = """
import json
from django.db.models import Count, Q
from django.utils import timezone
from forms_app.models import FormPage
from guidance.models import (AgencyContact, AgencyLocality, CasoDirectoryPage,
    GuidanceIndexPage, GuidancePage, StrategyPage)
from portal.models import School
from returns.models import ReturnPeriod
from training.models import CoursePage, TrainingIndexPage

def first(model):
    return model.objects.live().filter(locale__language_code="en").order_by("path").first()

# The school with the most contacts: countywide ones, its locality's and those named for it.
countywide = AgencyContact.objects.filter(countywide=True).count()
local = dict(AgencyLocality.objects.values_list("name").annotate(n=Count("contact")))
named = dict(AgencyContact.schools.through.objects.values_list("school_id")
             .annotate(n=Count("agencycontact")))
school = max(School.objects.active().order_by("urn"),
             key=lambda s: countywide + local.get(s.locality, 0) + named.get(s.pk, 0))
caso = first(CasoDirectoryPage)
course = (CoursePage.objects.live().filter(locale__language_code="en")
          .annotate(n=Count("sessions", filter=Q(sessions__starts_at__gt=timezone.now())))
          .order_by("-n", "path").first())
forms = FormPage.objects.live().filter(locale__language_code="en").order_by("path")
print("PATHS " + json.dumps({
    "guidance_page": first(GuidancePage).url,
    "guidance_index": first(GuidanceIndexPage).url,
    "guidance_index_id": first(GuidanceIndexPage).pk,
    "strategy": first(StrategyPage).url,
    "caso": caso.url,
    "caso_school": caso.url + caso.reverse_subpage("school", kwargs={"urn": school.urn}),
    "caso_school_contacts": AgencyContact.objects.serving([school]).count(),
    "course": course.url,
    "course_sessions": course.n,
    "training_index": first(TrainingIndexPage).url,
    "latest_period_id": ReturnPeriod.objects.order_by("-opens_on").first().pk,
    "forms": [{"slug": f.slug, "url": f.url, "for_schools": f.definition.for_school_users}
              for f in forms],
}))
"""

# Runs inside `manage.py shell -c`: a session for each account, second factor given for
# staff as they must (tests/clients.py), and whether the account may open the admin.
SESSIONS_CODE = f"""
import json
from django.conf import settings
from portal.demo import demo_email
from portal.models import User
from tests.clients import PortalClient

sessions = {{}}
for name, local_part in {ACCOUNTS!r}.items():
    user = User.objects.get(email=demo_email(local_part))
    client = PortalClient(HTTP_HOST="localhost", HTTP_X_FORWARDED_PROTO="https")
    client.force_login(user)
    sessions[name] = {{
        "cookie": settings.SESSION_COOKIE_NAME + "="
                  + client.cookies[settings.SESSION_COOKIE_NAME].value,
        "admin": user.has_perm("wagtailadmin.access_admin"),
    }}
print("SESSIONS " + json.dumps(sessions))
"""


def anonymous_pages(paths):
    """(label, path) of each anonymous page; forms' first steps are found on their start
    page, the sitemap's first section when it is an index."""
    pages = [
        ("home", "/"),
        ("guidance page", paths["guidance_page"]),
        ("guidance index", paths["guidance_index"]),
        ("strategy", paths["strategy"]),
        ("CASO finder", paths["caso"]),
        (f"CASO school ({paths['caso_school_contacts']} contacts)", paths["caso_school"]),
        (f"training course ({paths['course_sessions']} sessions)", paths["course"]),
        ("training index", paths["training_index"]),
        (f"search '{SEARCH_WORD}'", f"/search/?q={SEARCH_WORD}"),
        ("sitemap", "/sitemap.xml"),
    ]
    for form in paths["forms"]:
        if not form["for_schools"]:
            pages += [(f"form start: {form['slug']}", form["url"]),
                      (f"form first step: {form['slug']}", ("FIRST_STEP", form["url"]))]  # fmt: skip
    return pages


def signed_in_pages(paths):
    """(label, account, path) of each signed-in page."""
    pages = [
        ("partner dashboard", "school user", "/portal/"),
        ("CASO school, signed in", "school user", paths["caso_school"]),
        ("school's returns", "school user", "/portal/returns/"),
        ("school's self-assessment", "school user", "/portal/self-assessment/"),
        ("self-assessment council view", "attendance officer", "/admin/self-assessment/council/"),
        ("returns tracker", "attendance officer", "/admin/returns/tracker/"),
        ("audit log", "information governance", "/admin/audit_log/"),
        ("submissions queue", "EHE officer", "/admin/forms_app_submission/"),
        ("Wagtail page listing (guidance)", "editor", f"/admin/pages/{paths['guidance_index_id']}/"),
        ("agency contacts (admin)", "superuser", "/admin/snippets/guidance/agencycontact/"),
        ("schools (admin)", "superuser", "/admin/snippets/portal/school/"),
        ("training sessions (admin)", "superuser", "/admin/training/sessions/"),
    ]  # fmt: skip
    for form in paths["forms"]:
        if form["for_schools"]:
            pages += [(f"form start: {form['slug']}", "school user", form["url"]),
                      (f"form first step: {form['slug']}", "school user",
                       ("FIRST_STEP", form["url"]))]  # fmt: skip
    return pages


def csv_exports(paths):
    """(label, account or None, path) of the biggest CSV downloads: each must stream."""
    return [
        ("CSV: a school's CASO contacts", None, paths["caso_school"] + "contacts.csv"),
        ("CSV: every CASO contact", "superuser", "/admin/caso/export/"),
        ("CSV: returns' pupils, latest period", "attendance officer",
         f"/admin/returns/tracker/{paths['latest_period_id']}/pupils.csv"),
    ]  # fmt: skip


def first_step(port, start, headers):
    """The first step's address, as the start page's button links to it."""
    status, body, _headers = fetch(port, start, headers)
    if status != 200:
        raise BenchError(f"form start page {start} answered {status}")
    found = re.search(rf'href="({re.escape(start)}step/[^"]+)"', body.decode())
    if not found:
        raise BenchError(f"no link to a first step on {start}")
    return found.group(1)


def sitemap_section(port):
    """The first section of the sitemap, when /sitemap.xml has become an index of them."""
    _status, body, _headers = fetch(port, "/sitemap.xml")
    if b"<sitemapindex" not in body:
        return None
    found = re.search(rb"<loc>https?://[^/<]+(/[^<]*)</loc>", body)
    return found.group(1).decode() if found else None


class Bench:
    """Measures pages against their reference on one running gunicorn."""

    def __init__(self, port, args):
        self.port, self.args = port, args
        self.rows = []

    def wanted(self, label, path):
        if not self.args.only:
            return True
        text = f"{label} {path}".lower()
        return any(part.lower() in text for part in self.args.only)

    def wrk(self, path, headers, duration=None):
        url = f"http://127.0.0.1:{self.port}{path}"
        result = run_wrk(url, duration or self.args.duration, self.args.connections, headers,
                         timeout=WRK_TIMEOUT)  # fmt: skip
        wait_until_idle(self.port)
        return result

    def measure(self, row, path, headers, reference, reference_headers):
        """One page: its exact size and status, then wrk on it and its reference in turn."""
        self.rows.append(row)
        header_dict = dict(header.split(": ", 1) for header in headers)
        try:
            if isinstance(path, tuple):  # a form's first step, found on its start page
                path = first_step(self.port, path[1], header_dict)
            row["path"] = path
            status, body, response_headers = fetch(self.port, path, header_dict)
        except (BenchError, OSError) as exc:
            row["error"] = str(exc)
            return
        row["kb"] = len(body) / 1024
        row["csv"] = "csv" in response_headers.get("content-type", "")
        if status != 200:
            location = response_headers.get("location", "")
            row["error"] = f"answered {status}" + (f" (to {location})" if location else "")
            print(f"  {row['page']} ({path}): {row['error']}", flush=True)
            return
        print(f"  {row['page']} ({path}): wrk against {reference}...", flush=True)
        page_runs, reference_runs = [], []
        for _round in range(self.args.rounds):
            page_runs.append(self.wrk(path, headers))
            reference_runs.append(self.wrk(reference, reference_headers))
        non_2xx = sum(one["non_2xx"] for one in page_runs + reference_runs)
        if non_2xx:
            row["error"] = f"{non_2xx} non-2xx responses under wrk"
        row["socket_errors"] = "; ".join(
            one["socket_errors"] for one in page_runs + reference_runs if one["socket_errors"]
        )
        row["rps"] = statistics.median(one["rps"] for one in page_runs)
        row["reference_rps"] = statistics.median(one["rps"] for one in reference_runs)
        row["ratio"] = row["rps"] / row["reference_rps"] if row["reference_rps"] else 0.0
        print(f"    {row['rps']:.0f} against {row['reference_rps']:.0f} req/s: "
              f"{row['ratio']:.2f}, {row['kb']:.1f} KB", flush=True)  # fmt: skip

    def check_csv(self, size, label, account, path, headers):
        """A CSV download is not timed: it must stream (no Content-Length, sent in chunks),
        whatever its size."""
        row = {"size": size, "page": label, "as": account or "anonymous", "path": path,
               "target": "-", "csv_only": True}  # fmt: skip
        self.rows.append(row)
        status, body, response_headers = fetch(
            self.port, path, dict(h.split(": ", 1) for h in headers)
        )
        row["kb"] = len(body) / 1024
        row["streams"] = "content-length" not in response_headers
        if status != 200:
            row["error"] = f"answered {status}"
        print(f"  {label} ({path}): {status}, {row['kb']:.1f} KB, "
              f"{'streams' if row['streams'] else 'not streamed'}", flush=True)  # fmt: skip

    def csv_downloads(self, size, paths, sessions):
        proxy = "X-Forwarded-Proto: https"
        for label, account, path in csv_exports(paths):
            if self.wanted(label, path):
                headers = (f"Cookie: {sessions[account]['cookie']}", proxy) if account else ()
                self.check_csv(size, label, account, path, headers)

    def anonymous(self, size, paths):
        pages = anonymous_pages(paths)
        section = sitemap_section(self.port)
        if section:
            pages.append(("sitemap section", section))
        chosen = [(label, path) for label, path in pages if self.wanted(label, path)]
        if chosen:
            for path in ("/", HEALTHZ):  # each worker's first requests load code: not measured
                self.wrk(path, (), duration=1)
        for label, path in chosen:
            row = {"size": size, "page": label, "as": "anonymous", "target": ANONYMOUS_TARGET}
            self.measure(row, path, (), HEALTHZ, ())

    def signed_in(self, size, paths, sessions):
        """Each page against the admin home of the same account, or of the editor for a
        school user, who cannot open the admin."""
        proxy = "X-Forwarded-Proto: https"  # production's cookies are Secure: as the proxy
        chosen = [(label, account, path) for label, account, path in signed_in_pages(paths)
                  if self.wanted(label, path)]  # fmt: skip
        warmed = set()
        for label, account, path in chosen:
            reference_account = (
                account if sessions[account]["admin"] else REFERENCE_ACCOUNT_FOR_PARTNERS
            )
            headers = (f"Cookie: {sessions[account]['cookie']}", proxy)
            reference_headers = (f"Cookie: {sessions[reference_account]['cookie']}", proxy)
            if account not in warmed:
                self.wrk(ADMIN_HOME, reference_headers, duration=1)
                warmed.add(account)
            shown = account if reference_account == account else f"{account} (ref.: editor)"
            row = {"size": size, "page": label, "as": shown, "target": SIGNED_IN_TARGET}
            self.measure(row, path, headers, ADMIN_HOME, reference_headers)


def verdicts(row):
    """(speed, size) verdicts of one row."""
    if row.get("error"):
        return "ERROR: " + row["error"], "-"
    if "kb" not in row:
        return "not measured (interrupted)", "-"
    if row.get("csv_only"):
        if row["streams"]:
            return "not timed", "streams"
        return "not timed", (
            "ok" if row["kb"] <= MAX_KB else f"OVER {MAX_KB} KB"
        ) + ", not streamed"
    if "ratio" not in row:
        speed = "not measured (interrupted)"
    else:
        speed = "met" if row["ratio"] >= row["target"] else "MISSED"
    if row["csv"]:
        size = "CSV (streams)"
    else:
        size = "ok" if row["kb"] <= MAX_KB else f"OVER {MAX_KB} KB"
    return speed, size


def table(rows, args):
    """The results as a markdown table, for a closing note."""
    lines = [
        f"wrk -c{args.connections} -d{args.duration}s, gunicorn 2 workers, PostgreSQL + Redis, "
        f"production settings; median of {args.rounds} round(s). Reference: {HEALTHZ} for "
        f"anonymous pages (target {ANONYMOUS_TARGET}x), {ADMIN_HOME} for signed-in pages "
        f"(target {SIGNED_IN_TARGET}x); size limit {MAX_KB} KB.",
        "",
        "| size | page | as | path | req/s | reference req/s | ratio | target | speed | KB "
        "| size check |",
        "|---|---|---|---|--:|--:|--:|--:|---|--:|---|",
    ]
    for row in rows:
        speed, size = verdicts(row)
        figures = (
            [f"{row['rps']:.0f}", f"{row['reference_rps']:.0f}", f"{row['ratio']:.2f}"]
            if "rps" in row
            else ["-", "-", "-"]
        )
        kb = f"{row['kb']:.1f}" if "kb" in row else "-"
        path = row.get("path", "")
        lines.append(
            f"| {row['size']} | {row['page']} | {row['as']} | `{path}` | "
            + " | ".join(figures)
            + f" | {row['target']} | {speed} | {kb} | {size} |"
        )
    return "\n".join(lines)


def summary(rows):
    errors = [row for row in rows if row.get("error")]
    missed = [row for row in rows if verdicts(row)[0] == "MISSED"]
    over = [row for row in rows if "OVER" in verdicts(row)[1]]
    lines = [f"{len(rows)} pages: {len(missed)} below target, {len(over)} over {MAX_KB} KB, "
             f"{len(errors)} errors."]  # fmt: skip
    for row in errors:
        lines.append(f"ERROR ({row['size']}) {row['page']} {row.get('path', '')}: {row['error']}")
    for row in rows:
        if row.get("socket_errors"):
            lines.append(f"note ({row['size']}) {row['page']}: wrk {row['socket_errors']}")
    return "\n".join(lines), not errors


def last_traceback(log):
    """The server's last traceback, for a page that answered 500."""
    start = log.rfind("Traceback (most recent call last)")
    if start < 0:
        return "(no traceback in the gunicorn log)"
    return "Last traceback in the gunicorn log:\n" + log[start:][:4000]


def measure_size(bench, size, env, port):
    paths = shell_result(env, PATHS_CODE, "PATHS")
    bench.anonymous(size, paths)
    signed_in = signed_in_pages(paths) + csv_exports(paths)
    if any(bench.wanted(label, path) for label, _account, path in signed_in):
        # Fresh sessions for each size: staff are signed out after 30 idle minutes.
        sessions = shell_result(env, SESSIONS_CODE, "SESSIONS")
        bench.signed_in(size, paths, sessions)
        bench.csv_downloads(size, paths, sessions)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", choices=["demo", "county", "both"], default="both")
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run [5]")
    parser.add_argument("--connections", type=int, default=8, help="wrk connections [8]")
    parser.add_argument("--rounds", type=int, default=1, help="runs of each page [1]")
    parser.add_argument(
        "--only",
        action="append",
        help="only pages whose name or address holds this (repeat for more)",
    )
    parser.add_argument("--redis-db", type=int, default=10, help="Redis database, flushed [10]")
    args = parser.parse_args()
    if min(args.duration, args.connections, args.rounds) < 1:
        parser.error("--duration, --connections and --rounds must be at least 1")
    if not os.access(WRK, os.X_OK):
        print(f"wrk not found at {WRK}; install it with: apt-get install wrk", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("interrupted (SIGTERM)"))
    var_dir = Path(tempfile.mkdtemp(prefix="portal-bench-county-"))
    database = redis_client = server = log = None
    bench = None
    log_path = var_dir / "gunicorn.log"
    try:
        try:
            redis_client = connect_redis(args.redis_db)
            database = create_database("portal_bench")
        except Unavailable as exc:
            print(f"Cannot run: {exc}", file=sys.stderr)
            return 2
        redis_client.flushdb()
        env = django_env(var_dir)
        env["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
        env["REDIS_URL"] = f"redis://{REDIS_HOST}:{REDIS_PORT}/{args.redis_db}"
        print(f"Scratch database {database}, Redis db {args.redis_db}, state in {var_dir}")
        prepare(env)
        port = free_port()
        bench = Bench(port, args)
        sizes = ["demo", "county"] if args.size == "both" else [args.size]
        for size in sizes:
            if size == "county":
                stop(server)  # the seeding has the CPU to itself
                print("Seeding a county's size (county_scale.py)...", flush=True)
                started = time.monotonic()
                scale = seed_through_manage(env)
                print(f"  seeded in {time.monotonic() - started:.0f} s: {scale['counts']}")
            if server is None or server.poll() is not None:
                if log:
                    log.close()
                server, log = start_gunicorn_logged(env, port, log_path)
                wait_until_ready(server, port, log_path)
            print(f"Measuring at {size} size (gunicorn, 2 workers, on 127.0.0.1:{port})...")
            measure_size(bench, size, env, port)
        return 0 if summary(bench.rows)[1] else 1
    except (BenchError, OSError) as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    finally:
        stop(server)
        if log:
            log.close()
        try:
            if bench is not None and bench.rows:
                print()
                print(table(bench.rows, args))
                text, ok = summary(bench.rows)
                print()
                print(text)
                if not ok and log_path.exists():
                    print(last_traceback(log_path.read_text()))
        finally:
            clean_up(database, redis_client, args.redis_db, var_dir)


def clean_up(database, redis_client, redis_db, var_dir):
    if database:
        try:
            drop_database(database)
        except Exception as exc:  # noqa: BLE001 (reported, the clean-up goes on)
            print(f"could not drop {database}: {exc}", file=sys.stderr)
    if redis_client is not None:
        try:
            redis_client.flushdb()
        except Exception as exc:  # noqa: BLE001
            print(f"could not flush Redis db {redis_db}: {exc}", file=sys.stderr)
    shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
