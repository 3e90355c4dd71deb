#!/usr/bin/env python
"""Load: 500 elective home education registrations from concurrent browsers, while the
mail server refuses the first half of the emails.

Against PostgreSQL and Redis with gunicorn and the django-q2 worker running, as in
production. It proves that every registration is stored once (also when the final
button is pressed twice at once), that references are unique, and that every email is
delivered after the worker retries the refused ones. Run from anywhere:

    .venv/bin/python tests/bench/ehe_load.py [--journeys 500] [--concurrency 20]

Needs PostgreSQL at 127.0.0.1:5432 (user postgres, trust auth) and Redis at
127.0.0.1:6379. It creates a scratch database (dropped at the end), uses one Redis
database (--redis-db, flushed at the start and the end) for the cache, keeps the task
queue in PostgreSQL as production does, and a temporary directory for everything else. Traffic goes to 127.0.0.1 only.
Exit code 0 when every check holds, 1 when one fails (they are listed), 2 when
PostgreSQL or Redis is not reachable. The whole run is limited to --max-minutes.
More in tests/bench/README.md, including why the email check fails with --broker redis
(no redelivery in django-q2's Redis broker), which is why production keeps tasks in the
database.
"""

import argparse
import ast
import email
import email.policy
import json
import os
import re
import secrets
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import psycopg
import redis
import requests
from common import (
    PYTHON,
    REDIS_HOST,
    REDIS_PORT,
    ROOT,
    BenchError,
    Unavailable,
    connect_redis,
    create_database,
    drop_database,
    free_port,
    manage,
    run,
    start_gunicorn,
    stop,
    wait_until_ready,
)

EHE_ANSWERS_FILE = ROOT / "tests" / "forms_app" / "conftest.py"
REQUEST_TIMEOUT = 60  # seconds for one HTTP request (a queue of 20 on 3 workers)
STALL_SECONDS = 30  # stop waiting for emails when none came for this long, queue empty
EMAILS_PER_SUBMISSION = 2  # the applicant's confirmation and the service inbox's notice
REFERENCE_RE = re.compile(
    r'Your reference number<br><strong>(?:<bdi dir="ltr">)?([A-Z]+-[A-Z0-9]+)(?:</bdi>)?</strong>'
)
CSRF_RE = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
SUBJECT_REFERENCE_RE = re.compile(r"\b(EHE-[A-Z0-9]{8})\b")
EMAIL_SEPARATOR = "\n" + "-" * 79 + "\n"  # written after each message by the file backend
Q_BROKER_KEY = "django_q:portal:q"  # the Redis list of Q_CLUSTER name "portal"
REFUSAL = "bench: the mail server is down"  # failing_email.py's message

# Runs inside `manage.py shell -c` once the scratch database is migrated and seeded.
SETUP_CODE = """
import json
from datetime import timedelta
from django.db.models import Max
from django.utils import timezone
from django_q.models import Schedule
from forms_app.models import FormPage, Submission
from forms_app.journeys.registry import Journey
from home.models import HomePage

page = (FormPage.objects.live().filter(journey=Journey.EHE_REGISTRATION,
        locale__language_code="en").first())
made = page is None
if made:  # seed_demo did not make one: the fields of forms_app.factories.FormPageFactory
    home = HomePage.objects.get(locale__language_code="en")
    page = FormPage(
        title="Tell us you are educating your child at home",
        slug="home-education-load",
        journey=Journey.EHE_REGISTRATION,
        introduction="<p>Use this form to tell the council.</p>",
        privacy="<p>We use your answers to carry out our duties.</p>",
        what_happens_next="<p>An officer will contact you within 10 school days.</p>",
    )
    home.add_child(instance=page)
    page.save_revision().publish()
# The schedules (review reminders, retention, publishing) would run as soon as the worker
# starts; a reminder is an email too and would blur the counts. Scratch database: pause.
paused = Schedule.objects.update(next_run=timezone.now() + timedelta(days=365))
print("SETUP " + json.dumps({
    "url": page.get_url(),
    "made": made,
    "paused_schedules": paused,
    "max_submission_id": Submission.objects.aggregate(m=Max("pk"))["m"] or 0,
}))
"""


class OutOfTime(Exception):
    pass


# --- the environment of the portal's processes ----------------------------------------


def django_env(var_dir, database_url, redis_url, args):
    """A clean environment (nothing from the caller's shell), production settings."""
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
        "DATABASE_URL": database_url,
        # 500 registrations come from one address (127.0.0.1): lift the per-address limit.
        "PORTAL_SUBMISSIONS_PER_HOUR": "1000000",
        # The mail server that refuses the first half (tests/bench/failing_email.py).
        "EMAIL_BACKEND": "tests.bench.failing_email.FailsFirstHalfBackend",
        "EMAIL_FILE_PATH": str(var_dir / "emails"),
        "BENCH_EMAIL_STATE": str(var_dir / "email-state"),
        "BENCH_EMAIL_REFUSE": str(args.journeys * EMAILS_PER_SUBMISSION // 2),
        "BENCH_EMAIL_REFUSE_MODE": args.refuse_mode,
        # A refused email comes back after Q_RETRY s, not production's 120 s (timeout
        # must stay below retry, or django-q2 hands out a task still running).
        "Q_RETRY": "5",
        "Q_TIMEOUT": "4",
    }
    env["REDIS_URL"] = redis_url  # the cache, as in production
    if args.broker == "redis":
        env["Q_BROKER"] = "redis"  # opt in to django-q2's Redis broker, for comparison
    return env


# --- a browser ------------------------------------------------------------------------


class JourneyError(Exception):
    pass


class Browser:
    """One person's browser, as seen by Django behind production's TLS proxy.

    Production sets SESSION_COOKIE_SECURE and CSRF_COOKIE_SECURE: a browser sends those
    cookies back only over HTTPS, and so does requests' cookie jar, so over the bench's
    plain HTTP every POST would fail CSRF. In production TLS ends at the proxy, which
    tells Django with X-Forwarded-Proto: https (SECURE_PROXY_SSL_HEADER, trusted by the
    production settings). The bench plays both: it sends that header, and keeps the
    cookies itself, sending them in a Cookie header as the browser on the far side of the
    TLS proxy would. (requests copies the session's jar into a fresh one with the default
    policy for each request, so changing the jar's policy does not work.) No settings
    change is needed."""

    def __init__(self, port, deadline, cookies=None, forwarded_for=None):
        self.server = f"http://127.0.0.1:{port}"
        self.origin = f"https://127.0.0.1:{port}"  # what the browser sees, through TLS
        self.deadline = deadline
        self.cookies = dict(cookies or {})
        self.session = requests.Session()  # for its kept-alive connection
        self.session.headers.update(
            {"X-Forwarded-Proto": "https", "User-Agent": "portal-bench-ehe-load"}
        )
        if forwarded_for:  # the visitor, as the TLS proxy names it (proxy_limit.py)
            self.session.headers["X-Forwarded-For"] = forwarded_for
        self.forwarded_for = forwarded_for
        self.requests = 0

    def clone(self):
        """A second tab of the same browser: same cookies, its own connection."""
        twin = Browser(0, self.deadline, self.cookies, self.forwarded_for)
        twin.server, twin.origin = self.server, self.origin
        return twin

    def _send(self, method, path, headers=None, **kwargs):
        if time.monotonic() > self.deadline:
            raise JourneyError("out of time for the client phase")
        self.requests += 1
        headers = dict(headers or {})
        if self.cookies:  # an explicit Cookie header: the jar then adds nothing
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        try:
            response = self.session.request(
                method,
                self.server + path,
                headers=headers,
                allow_redirects=False,
                timeout=REQUEST_TIMEOUT,
                **kwargs,
            )
        except requests.RequestException as exc:
            raise JourneyError(f"{method} {path}: {exc.__class__.__name__}: {exc}") from exc
        # This response's Set-Cookie headers, secure ones included.
        self.cookies.update({cookie.name: cookie.value for cookie in response.cookies})
        return response

    def get(self, path):
        """GET, following redirects as a browser does; returns (final path, response)."""
        for _hop in range(10):
            response = self._send("GET", path)
            if response.status_code in (301, 302, 303, 307, 308):
                path = response.headers["Location"].removeprefix(self.origin)
                continue
            if response.status_code != 200:
                raise JourneyError(f"GET {path}: {response.status_code}")
            return path, response
        raise JourneyError(f"GET {path}: too many redirects")

    def post(self, path, data, page):
        """Send the form on `page` (the response that showed it) as a browser does."""
        token = CSRF_RE.search(page.text)
        if not token:
            raise JourneyError(f"no CSRF token on {path}")
        headers = {"Referer": self.origin + path, "Origin": self.origin}
        return self._send(
            "POST", path, data={"csrfmiddlewaretoken": token.group(1), **data}, headers=headers
        )


def load_ehe_answers():
    """EHE_ANSWERS from tests/forms_app/conftest.py (the POST data of each step), read as
    a literal so that this script does not import pytest or Django."""
    tree = ast.parse(EHE_ANSWERS_FILE.read_text())
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
            getattr(target, "id", None) == "EHE_ANSWERS" for target in node.targets
        ):
            return ast.literal_eval(node.value)
    raise BenchError(f"EHE_ANSWERS not found in {EHE_ANSWERS_FILE}")


def answers_for(number, template):
    """The conftest answers, with a child and a parent of each client's own."""
    answers = {path: dict(data) for path, data in template.items()}
    answers["step/child/"]["last_name"] = f"Load{number:04d}"
    answers["step/contact/"]["email"] = f"parent{number:04d}@example.com"
    return answers


def error_summary(response):
    """The GOV.UK error summary's messages, to say why a step did not go on."""
    found = re.findall(
        r'<a href="#[^"]*">([^<]+)</a>', response.text.split("govuk-error-summary")[-1]
    )
    return "; ".join(found[:3]) or " ".join(response.text[:300].split())


def journey(number, port, base, template, double_submit, deadline, forwarded_for=None):
    """One person, start page to confirmation. Returns a dict of what happened."""
    started = time.monotonic()
    browser = Browser(port, deadline, forwarded_for=forwarded_for)
    result = {"number": number, "double": double_submit, "requests": 0}
    try:
        browser.get(base)  # the start page, as a person arrives
        path, page = browser.get(base + "step/child/")
        answers = answers_for(number, template)
        for _step in range(30):
            step = path.removeprefix(base)
            if step == "check-your-answers/":
                break
            if step not in answers:
                raise JourneyError(f"unexpected page {path}")
            response = browser.post(path, {**answers[step], "continue": ""}, page)
            if response.status_code != 302:
                raise JourneyError(f"POST {path}: {response.status_code} {error_summary(response)}")
            path, page = browser.get(response.headers["Location"].removeprefix(browser.origin))
        else:
            raise JourneyError("no check-your-answers page after 30 steps")
        # "Accept and send": the empty honeypot field goes too, as from a browser.
        send = {"website_url": ""}
        if double_submit:
            # A double click: two POSTs at once from two connections of one browser.
            twin = browser.clone()
            barrier = threading.Barrier(2)

            def click(who):
                barrier.wait(timeout=REQUEST_TIMEOUT)
                return who.post(path, send, page)

            with ThreadPoolExecutor(2) as pool:
                responses = list(pool.map(click, [browser, twin]))
            browsers = [browser, twin]
        else:
            responses = [browser.post(path, send, page)]
            browsers = [browser]
        references = []
        for who, response in zip(browsers, responses, strict=True):
            location = response.headers.get("Location", "")
            if response.status_code != 302 or not location.endswith("confirmation/"):
                raise JourneyError(
                    f"POST {path}: {response.status_code} "
                    f"{location or ' '.join(response.text[:300].split())}"
                )
            _path, confirmation = who.get(location.removeprefix(who.origin))
            found = REFERENCE_RE.search(confirmation.text)
            if not found:
                raise JourneyError("no reference on the confirmation page")
            references.append(found.group(1))
        result["reference"] = references[0]
        result["references"] = references
        if double_submit:
            result["requests"] += twin.requests
    except JourneyError as exc:
        result["error"] = str(exc)
    result["requests"] += browser.requests
    result["seconds"] = time.monotonic() - started
    return result


# --- the portal's processes ------------------------------------------------------------


def prepare(env):
    """The scratch portal migrated and seeded with the demo, static files collected, and
    the EHE form page ready (SETUP_CODE): what SETUP_CODE printed, as a dict."""
    if not (ROOT / "portal" / "static_build").exists():
        print("Building the front end (npm run build)...", flush=True)
        run(["npm", "run", "build"], dict(os.environ))
    print("Migrating, seeding the demo and collecting static files...", flush=True)
    manage(env, "migrate", "--noinput")
    manage(env, "seed_demo")
    manage(env, "collectstatic", "--noinput")
    out = manage(env, "shell", "-c", SETUP_CODE)
    line = next((li for li in out.splitlines() if li.startswith("SETUP ")), None)
    if line is None:
        raise BenchError(f"no SETUP line in the shell's output:\n{out}")
    return json.loads(line.removeprefix("SETUP "))


def start_worker(env, log):
    return subprocess.Popen(
        [PYTHON, "manage.py", "qcluster"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
    )


# --- emails and the queue --------------------------------------------------------------


def delivered_emails(folder):
    """Subjects of the messages in the file backend's folder (a file per connection,
    each message followed by a line of 79 dashes)."""
    subjects = []
    for path in sorted(Path(folder).glob("*.log")):
        for raw in path.read_text(errors="replace").split(EMAIL_SEPARATOR):
            if raw.strip():
                message = email.message_from_string(raw, policy=email.policy.default)
                subjects.append(str(message["Subject"]))
    return subjects


class Queue:
    """How many email tasks are still waiting in the broker (or locked, for the ORM)."""

    def __init__(self, broker, redis_client, database_url):
        self.broker, self.redis, self.database_url = broker, redis_client, database_url

    def size(self):
        if self.broker == "redis":
            return self.redis.llen(Q_BROKER_KEY)
        with psycopg.connect(self.database_url) as conn:
            return conn.execute("SELECT count(*) FROM django_q_ormq").fetchone()[0]


def backend_counts(state):
    """(attempts, refusals, distinct emails refused, emails delivered after a refusal), as
    tests/bench/failing_email.py counts them."""

    def read(name):
        path = state / name
        return int(path.read_text() or 0) if path.exists() else 0

    marks = state / "refused.d"
    distinct = len(list(marks.iterdir())) if marks.exists() else 0
    return read("attempts"), read("refused"), distinct, read("retried")


def wait_for_emails(folder, expected, queue, limit):
    """Until every email is delivered and the queue is empty, at most `limit` seconds; or
    sooner when the queue is empty and nothing has come for STALL_SECONDS (emails the
    worker gave up on never come)."""
    started = last_change = time.monotonic()
    count, waiting = -1, None
    while True:
        now_count = len(delivered_emails(folder))
        waiting = queue.size()
        if now_count != count:
            count, last_change = now_count, time.monotonic()
        elapsed = time.monotonic() - started
        if count >= expected and waiting == 0:
            return count, waiting, elapsed, "all delivered"
        if waiting == 0 and time.monotonic() - last_change > STALL_SECONDS:
            return count, waiting, elapsed, f"queue empty, no email for {STALL_SECONDS}s"
        if elapsed > limit:
            return count, waiting, elapsed, f"gave up after {limit}s"
        time.sleep(1)


# --- results -----------------------------------------------------------------------------


def database_figures(database_url, baseline_id):
    with psycopg.connect(database_url) as conn:
        rows = conn.execute(
            "SELECT reference, answers->'child'->>'last_name' FROM forms_app_submission "
            "WHERE id > %s AND journey = 'ehe_registration'",
            [baseline_id],
        ).fetchall()
        tasks = conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE attempt_count > 1), "
            "count(*) FILTER (WHERE NOT success), coalesce(max(attempt_count), 0) "
            "FROM django_q_task WHERE \"group\" = 'email'"
        ).fetchone()
    return rows, tasks


def percentile(values, share):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(share * (len(ordered) - 1))))]


def first_traceback(*logs):
    """The first unexpected traceback in the logs: the worker's log also holds one for
    each email the bench's backend refused on purpose, which are skipped."""
    for log in logs:
        text = log.read_text(errors="replace") if log.exists() else ""
        for match in re.finditer(r"Traceback \(most recent call last\)", text):
            end = text.find("\n\n", match.start())
            block = text[max(0, match.start() - 300) : end if end > 0 else len(text)]
            if REFUSAL not in block:
                return f"{log.name}:\n{block[:5000]}"
    return ""


def server_errors(log):
    """How many 500s Django logged (django.request, "Internal Server Error: /path")."""
    text = log.read_text(errors="replace") if log.exists() else ""
    return text.count("Internal Server Error:")


def report(args, results, wall, emails, wait, refused, rows, tasks, setup, logs):
    """Print the figures and the checks; return True when every check holds."""
    done = [r for r in results if "reference" in r]
    failed = [r for r in results if "error" in r]
    doubles = [r for r in results if r["double"]]
    confirmed = {r["reference"] for r in done}
    double_mismatch = [r for r in doubles if "references" in r and len(set(r["references"])) != 1]
    references = [reference for reference, _name in rows]
    names = [name for _reference, name in rows]
    times = [r["seconds"] for r in done]
    requests_made = sum(r["requests"] for r in results)
    expected_emails = EMAILS_PER_SUBMISSION * len(rows)
    per_reference = {}
    for subject in emails:
        found = SUBJECT_REFERENCE_RE.search(subject)
        key = found.group(1) if found else None
        per_reference[key] = per_reference.get(key, 0) + 1
    total_tasks, retried, failed_tasks, max_attempts = tasks
    attempts, refused_count, refused_distinct, retried_delivered = refused

    print()
    print(
        f"{len(results)} EHE journeys, {args.concurrency} concurrent clients, gunicorn "
        f"{args.workers} sync workers, broker {args.broker}, refuse mode {args.refuse_mode}"
    )
    print("Rate limit lifted for the run: PORTAL_SUBMISSIONS_PER_HOUR=1000000 (one address).")
    print(f"Form page: {setup['url']} ({'made by the bench' if setup['made'] else 'seed_demo'})")
    print()
    print(f"client phase wall clock:        {wall:.1f} s")
    print(f"submissions per second:         {len(done) / wall:.2f}")
    print(f"HTTP requests per second:       {requests_made / wall:.1f} ({requests_made} requests)")
    if times:
        print(
            f"journey time median / p95:      {statistics.median(times):.2f} s / "
            f"{percentile(times, 0.95):.2f} s"
        )
    print()
    print(f"journeys attempted:             {len(results)}")
    print(f"confirmations seen:             {len(done)}")
    print(f"journeys failed:                {len(failed)}")
    print(f"Submission rows (new):          {len(rows)}")
    print(f"distinct references in DB:      {len(set(references))}")
    print(f"distinct references confirmed:  {len(confirmed)}")
    print(f"children stored more than once: {len(names) - len(set(names))}")
    print(f"double-submit attempts:         {len(doubles)}")
    print(f"  extra rows from them:         {len(rows) - len(confirmed)}")
    print(f"  pairs shown two references:   {len(double_mismatch)}")
    print(f"emails expected:                {expected_emails}")
    print(f"email attempts (backend):       {attempts}")
    print(f"emails refused by the backend:  {refused_count} ({refused_distinct} distinct)")
    print(f"emails delivered:               {len(emails)}")
    print(f"  of them after a refusal:      {retried_delivered}")
    print(f"  wait after the clients:       {wait[2]:.0f} s ({wait[3]})")
    print(f"  left in the queue:            {wait[1]}")
    print(f"django_q email Task rows:       {total_tasks} (save_limit prunes successes)")
    print(f"  retried (attempt_count > 1):  {retried}, most attempts: {max_attempts}")
    print(f"  failed for good (success=f):  {failed_tasks}")
    print(f"server errors (500) logged:     {server_errors(logs[0])}")
    if failed_tasks and not retried:
        # What the run shows when no refused email ever came back.
        print(
            f"  note: {failed_tasks} refused emails were never attempted again. With "
            f"broker {args.broker}, a task that raised is saved as failed"
            + (
                "; django-q2's Redis broker pops a task off its list (BLPOP) and has no "
                "acknowledgement, so Q_CLUSTER retry/max_attempts/ack_failures do not apply."
                if args.broker == "redis"
                else "."
            )
        )

    checks = [
        ("every journey reached its confirmation", not failed and len(done) == len(results)),
        ("one Submission row per journey", len(rows) == len(results)),
        ("references unique", len(set(references)) == len(references)),
        ("every confirmed reference is in the database", confirmed <= set(references)),
        ("each child stored once", len(set(names)) == len(names) == len(results)),
        ("a double submit makes no extra row", len(rows) == len(confirmed)),
        ("both clicks of a double submit show one reference", not double_mismatch),
        ("the backend refused half the emails", refused_count == args.journeys),
        ("every refused email was delivered on a retry", retried_delivered == refused_distinct),
        (
            "every email delivered once",
            len(emails) == expected_emails
            and all(per_reference.get(ref) == EMAILS_PER_SUBMISSION for ref in references)
            and set(per_reference) == set(references),
        ),
        ("the queue is empty", wait[1] == 0),
    ]
    print()
    ok = True
    for label, held in checks:
        ok = ok and held
        print(f"  {'ok  ' if held else 'FAIL'} {label}")
    if failed:
        print("\nFirst failed journeys:")
        for r in failed[:5]:
            print(f"  #{r['number']}: {r['error']}")
    if not ok:
        trace = first_traceback(*logs)
        if trace:
            print("\nFirst traceback in the server/worker logs:\n" + trace)
    print("\nALL CHECKS PASSED" if ok else "\nSOME CHECKS FAILED")
    return ok


# --- main ------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--journeys", type=int, default=500, help="registrations [500]")
    parser.add_argument("--concurrency", type=int, default=20, help="clients at once [20]")
    parser.add_argument(
        "--double-every",
        type=int,
        default=20,
        help="every Nth client presses the final button twice at once [20: 5%%]",
    )
    parser.add_argument("--workers", type=int, default=3, help="gunicorn workers [3]")
    parser.add_argument("--redis-db", type=int, default=9, help="Redis database, flushed [9]")
    parser.add_argument(
        "--broker",
        choices=["redis", "orm"],
        default="orm",
        help="django-q2 broker: orm (tasks in PostgreSQL) as production [orm]; redis to "
        "show that its broker does not retry a failed task",
    )
    parser.add_argument(
        "--refuse-mode",
        choices=["first-attempt", "outage"],
        default="first-attempt",
        help="see tests/bench/failing_email.py [first-attempt]",
    )
    parser.add_argument("--email-wait", type=int, default=180, help="max s for emails [180]")
    parser.add_argument("--max-minutes", type=float, default=15, help="whole run [15]")
    args = parser.parse_args()
    if min(args.journeys, args.concurrency, args.double_every, args.workers) < 1:
        parser.error("--journeys, --concurrency, --double-every and --workers must be >= 1")

    # A SIGTERM (e.g. a CI timeout) and the overall time limit unwind through finally.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("interrupted (SIGTERM)"))

    def out_of_time(*_):
        raise OutOfTime(f"the run took longer than {args.max_minutes} minutes")

    signal.signal(signal.SIGALRM, out_of_time)
    signal.alarm(int(args.max_minutes * 60))
    run_deadline = time.monotonic() + args.max_minutes * 60

    var_dir = Path(tempfile.mkdtemp(prefix="portal-ehe-load-"))
    database = redis_client = server = worker = None
    logs = [var_dir / "gunicorn.log", var_dir / "qcluster.log"]
    open_logs = []
    try:
        try:
            redis_client = connect_redis(args.redis_db)
            database = create_database()
        except Unavailable as exc:
            print(f"Cannot run: {exc}", file=sys.stderr)
            return 2
        database_url = f"postgres://postgres@127.0.0.1:5432/{database}"
        redis_url = f"redis://{REDIS_HOST}:{REDIS_PORT}/{args.redis_db}"
        print(f"Redis db {args.redis_db}: {redis_client.dbsize()} keys found, flushing it")
        redis_client.flushdb()
        env = django_env(var_dir, database_url, redis_url, args)
        print(f"State in {var_dir}; scratch database {database}", flush=True)

        setup = prepare(env)
        print(f"EHE form page {setup['url']}; {setup['paused_schedules']} schedules paused")

        # Only the load's own email tasks in the broker (seeding may have queued some).
        redis_client.flushdb()
        with psycopg.connect(database_url) as conn:
            conn.execute("DELETE FROM django_q_ormq")

        port = free_port()
        open_logs = [open(path, "w") for path in logs]  # noqa: SIM115 (closed in finally)
        server = start_gunicorn(env, port, open_logs[0], workers=args.workers)
        worker = start_worker(env, open_logs[1])
        wait_until_ready(server, port, logs[0])
        if worker.poll() is not None:
            raise BenchError(f"qcluster exited ({worker.returncode}):\n{logs[1].read_text()}")
        print(f"gunicorn on 127.0.0.1:{port}, qcluster running", flush=True)

        template = load_ehe_answers()
        base = setup["url"]
        client_deadline = run_deadline - args.email_wait - 60  # leave time to count
        print(f"Running {args.journeys} journeys, {args.concurrency} at a time...", flush=True)
        started = time.monotonic()
        results = []
        with ThreadPoolExecutor(args.concurrency) as pool:
            futures = [
                pool.submit(
                    journey,
                    number,
                    port,
                    base,
                    template,
                    number % args.double_every == 0,
                    client_deadline,
                )
                for number in range(1, args.journeys + 1)
            ]
            for index, future in enumerate(as_completed(futures), 1):
                results.append(future.result())
                if index % 100 == 0:
                    print(f"  {index} journeys done", flush=True)
        wall = time.monotonic() - started

        print("Waiting for the worker to deliver the emails...", flush=True)
        queue = Queue(args.broker, redis_client, database_url)
        expected = EMAILS_PER_SUBMISSION * sum(1 for r in results if "reference" in r)
        wait = wait_for_emails(var_dir / "emails", expected, queue, args.email_wait)
        time.sleep(2)  # the worker's monitor saves the last task results just after
        emails = delivered_emails(var_dir / "emails")

        refused = backend_counts(Path(env["BENCH_EMAIL_STATE"]))
        rows, tasks = database_figures(database_url, setup["max_submission_id"])
        signal.alarm(0)
        ok = report(args, results, wall, emails, wait, refused, rows, tasks, setup, logs)
        return 0 if ok else 1
    except (BenchError, OutOfTime) as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        trace = first_traceback(*logs)
        if trace:
            print(trace, file=sys.stderr)
        return 1
    finally:
        signal.alarm(0)
        stop(server)
        stop(worker)
        for log in open_logs:
            log.close()
        if database:
            try:
                drop_database(database)
            except psycopg.Error as exc:
                print(f"could not drop {database}: {exc}", file=sys.stderr)
        if redis_client is not None:
            try:
                redis_client.flushdb()
            except redis.RedisError as exc:
                print(f"could not flush Redis db {args.redis_db}: {exc}", file=sys.stderr)
        shutil.rmtree(var_dir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
