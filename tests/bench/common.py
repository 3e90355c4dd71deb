"""What the benchmark scripts share: running manage.py, a free loopback port, starting,
waiting for and stopping gunicorn. Imported by the scripts beside it (run as files)."""

import http.client
import socket
import subprocess
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv" / "bin" / "python"
GUNICORN = ROOT / ".venv" / "bin" / "gunicorn"
SETUP_TIMEOUT = 600  # seconds for each of migrate, seed_demo, collectstatic, npm
READY_TIMEOUT = 30  # seconds for gunicorn to answer /healthz/


class BenchError(Exception):
    pass


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


def start_gunicorn(env, port, log, workers=2):
    args = [str(GUNICORN), "portal.wsgi", "--workers", str(workers), "--threads", "1",
            "--bind", f"127.0.0.1:{port}"]  # fmt: skip
    if "--no-control-socket" in run([GUNICORN, "--help"], env, timeout=30):
        args.append("--no-control-socket")  # gunicorn 27: no control socket in the cwd
    return subprocess.Popen(args, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)


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
