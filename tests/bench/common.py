"""What the benchmark scripts share: running manage.py, a scratch PostgreSQL database and
a Redis database, a free loopback port, starting, waiting for and stopping gunicorn, one
GET's status and size, and reading a wrk run. Imported by the scripts beside it (run as
files)."""

import http.client
import json
import re
import secrets
import socket
import subprocess
import time
from contextlib import contextmanager
from pathlib import Path

import psycopg
import redis

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
SETUP_TIMEOUT = 600  # seconds for each of migrate, seed_demo, collectstatic, npm
READY_TIMEOUT = 30  # seconds for gunicorn to answer /healthz/
WRK = "/usr/bin/wrk"
PG_ADMIN_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
REDIS_HOST, REDIS_PORT = "127.0.0.1", 6379


class BenchError(Exception):
    pass


class Unavailable(Exception):
    """PostgreSQL or Redis is not there: the scripts exit 2."""


def run(args, env, timeout=SETUP_TIMEOUT):
    """Run a command in the project; show its output only if it fails."""
    try:
        result = subprocess.run(
            args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout
        )
    except subprocess.TimeoutExpired as exc:
        raise BenchError(f"timed out after {timeout}s: {' '.join(map(str, args))}") from exc
    if result.returncode != 0:
        raise BenchError(
            f"failed ({result.returncode}): {' '.join(map(str, args))}\n"
            f"{result.stdout[-3000:]}{result.stderr[-3000:]}"
        )
    return result.stdout


def manage(env, *args):
    return run([PYTHON, "manage.py", *args], env)


def shell_result(env, code, tag):
    """Run `code` in `manage.py shell`; what it printed as one "TAG {json}" line."""
    out = manage(env, "shell", "-c", code)
    line = next((li for li in out.splitlines() if li.startswith(f"{tag} ")), None)
    if line is None:
        raise BenchError(f"no {tag} line in the shell's output:\n{out[-3000:]}")
    return json.loads(line.removeprefix(f"{tag} "))


# --- PostgreSQL and Redis -------------------------------------------------------------


def create_database(prefix="portal_load"):
    """A new, empty PostgreSQL database named prefix_<random>: its name."""
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        raise Unavailable(f"PostgreSQL is not reachable at {PG_ADMIN_URL}: {exc}") from exc
    name = f"{prefix}_{secrets.token_hex(4)}"
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    return name


def drop_database(name):
    with psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
        # Any connection left (a worker slow to die) would block DROP DATABASE.
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = %s AND pid <> pg_backend_pid()",
            [name],
        )
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')


@contextmanager
def in_process_portal(prefix, postgres=False, database_url_from_env=False):
    """The portal run in the bench's own process (django.setup() is the caller's): a
    temporary PORTAL_VAR_DIR (SQLite file, media), dev settings without DEBUG and, with
    `postgres`, a scratch PostgreSQL database made for it and dropped after (exit 2 when
    PostgreSQL is not there). Otherwise DATABASE_URL is dropped from the environment,
    unless `database_url_from_env`: the database it names is then used."""
    import os
    import sys
    import tempfile

    scratch = tempfile.TemporaryDirectory(prefix=f"{prefix}-")
    os.environ["PORTAL_VAR_DIR"] = scratch.name
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
    os.environ["DEBUG"] = "0"
    database = None
    if postgres:
        try:
            database = create_database(f"portal_{prefix.replace('-', '_')}")
        except Unavailable as exc:
            print(exc)
            sys.exit(2)
        os.environ["DATABASE_URL"] = f"postgres://postgres@127.0.0.1:5432/{database}"
    elif not database_url_from_env:
        os.environ.pop("DATABASE_URL", None)
    try:
        yield
    finally:
        if database:
            from django.db import connections

            connections.close_all()
            drop_database(database)
        scratch.cleanup()


def connect_redis(db):
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=db, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError as exc:
        raise Unavailable(f"Redis is not reachable at {REDIS_HOST}:{REDIS_PORT}: {exc}") from exc
    return client


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get_status(port, path, headers=None):
    """Status of one GET, redirects not followed: wrk does not count a 3xx as an error,
    so a redirect must be caught here."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        response.read()
        return response.status
    finally:
        conn.close()


def fetch(port, path, headers=None):
    """One GET, redirects not followed: (status, body, headers with lower-case names). No
    Accept-Encoding, as wrk sends none: the body is the page's whole size."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        conn.request("GET", path, headers=headers or {})
        response = conn.getresponse()
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, response.read(), headers
    finally:
        conn.close()


def start_gunicorn(env, port, log, workers=2):
    args = [str(GUNICORN), "portal.wsgi", "--workers", str(workers), "--threads", "1",
            "--bind", f"127.0.0.1:{port}"]  # fmt: skip
    if "--no-control-socket" in run([GUNICORN, "--help"], env, timeout=30):
        args.append("--no-control-socket")  # gunicorn 27: no control socket in the cwd
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


def start_gunicorn_logged(env, port, log_path):
    log = open(log_path, "w")  # closed by the script once gunicorn has stopped
    return start_gunicorn(env, port, log), log


def wait_until_ready(server, port, log_path):
    deadline = time.monotonic() + READY_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise BenchError(f"gunicorn exited ({server.returncode}):\n{log_path.read_text()}")
        try:
            if get_status(port, "/healthz/") == 200:
                return
        except OSError:
            pass  # not listening yet
        time.sleep(0.2)
    raise BenchError(f"/healthz/ did not answer 200 within {READY_TIMEOUT}s")


def wait_until_idle(port, quick=0.1, times=3, limit=180):
    """Wait until /healthz/ answers quickly `times` in a row. When wrk stops, the sync
    workers still serve the requests queued by its connections (they do not see that the
    client has gone): after a slow page they would slow the next run down."""
    deadline = time.monotonic() + limit
    in_a_row = 0
    while in_a_row < times and time.monotonic() < deadline:
        started = time.monotonic()
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=limit)
        try:
            conn.request("GET", "/healthz/")
            conn.getresponse().read()
        finally:
            conn.close()
        in_a_row = in_a_row + 1 if time.monotonic() - started < quick else 0


def stop(process):
    """Terminate, then kill: gunicorn's master and qcluster both stop their children on
    SIGTERM."""
    if process is None or process.poll() is not None:
        return
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=15)


LATENCY_UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}
SIZE_UNITS_KB = {"B": 1 / 1024, "KB": 1.0, "MB": 1024.0, "GB": 1024.0**2}


def run_wrk(url, duration, connections, headers=(), timeout=None):
    """One wrk run: requests/s, mean latency, size per response, non-2xx count. `headers`
    ("Name: value") go with every request: a session cookie, the proxy's X-Forwarded-Proto.
    wrk drops (does not count) a response slower than `timeout` seconds, 2 by default."""
    threads = min(2, connections)  # wrk needs connections >= threads
    args = [WRK, f"-t{threads}", f"-c{connections}", f"-d{duration}s"]
    if timeout:
        args.append(f"--timeout={timeout}s")
    for header in headers:
        args += ["-H", header]
    args.append(url)
    out = run(args, None, timeout=duration + (timeout or 0) + 60)
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    latency = re.search(r"Latency\s+([\d.]+)(us|ms|s|m)\b", out)
    if not rps or not latency:
        raise BenchError(f"could not read wrk's output:\n{out}")
    # "N requests in 5.00s, 77.18MB read": the size per response shows that "/" is a
    # whole page, not an error or a redirect.
    read = re.search(r"(\d+) requests in [\d.]+\w+, ([\d.]+)(B|KB|MB|GB) read", out)
    if not read:
        raise BenchError(f"could not read wrk's output:\n{out}")
    kb_read = float(read.group(2)) * SIZE_UNITS_KB[read.group(3)]
    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors:.*", out)
    return {
        "rps": float(rps.group(1)),
        "latency_ms": float(latency.group(1)) * LATENCY_UNITS_MS[latency.group(2)],
        "kb_per_response": kb_read / max(1, int(read.group(1))),
        "non_2xx": int(non_2xx.group(1)) if non_2xx else 0,
        "socket_errors": socket_errors.group(0) if socket_errors else "",
    }
