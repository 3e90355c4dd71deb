"""/healthz/ and the error pages, including a database that is down: a subprocess runs the
portal against a PostgreSQL address where nothing listens."""

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_healthz_says_up_when_the_database_answers(client, db):
    response = client.get("/healthz/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok"}
    assert "no-cache" in response["Cache-Control"]


def run_python(code, settings="portal.settings.test", drop=(), **env):
    """Run code in a fresh process with these settings and environment variables."""
    env = {
        **{k: v for k, v in os.environ.items() if k not in drop},
        "DJANGO_SETTINGS_MODULE": settings,
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_database_down_gives_503_from_healthz_and_a_styled_500_elsewhere():
    result = run_python(
        "import django, json; django.setup()\n"
        "from django.test import Client\n"
        "c = Client(raise_request_exception=False, HTTP_HOST='localhost')\n"
        "h = c.get('/healthz/'); p = c.get('/')\n"
        "print(json.dumps({'healthz': [h.status_code, h.json()], 'page': [p.status_code, p.content.decode()]}))",
        DATABASE_URL="postgres://nobody@127.0.0.1:9/nothing",  # port 9: nothing listens
        PGCONNECT_TIMEOUT="2",
    )
    assert result.returncode == 0, result.stderr
    outcome = json.loads(result.stdout.strip().splitlines()[-1])
    assert outcome["healthz"] == [503, {"status": "error", "database": "unavailable"}]
    status, page = outcome["page"]
    assert status == 500
    assert "Sorry, there is a problem with the service" in page
    assert "govuk-template" in page and "Traceback" not in page


def test_production_settings_refuse_to_start_without_a_secret_key():
    result = run_python(
        "import django; django.setup()", "portal.settings.production", drop=("SECRET_KEY",)
    )
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_postgres_database_url_installs_contrib_postgres():
    result = run_python(
        "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'], "
        "'django.contrib.postgres' in settings.INSTALLED_APPS)",
        DATABASE_URL="postgres://someone@db.internal:5432/portal",
    )
    assert result.stdout.split() == ["django.db.backends.postgresql", "True"]


def test_redis_url_makes_redis_the_cache_but_tasks_stay_in_the_database():
    # django-q2's Redis broker would drop a failed email instead of retrying it.
    result = run_python(
        "from django.conf import settings; print(settings.CACHES['default']['BACKEND'], "
        "settings.Q_CLUSTER.get('redis'), settings.Q_CLUSTER.get('orm'))",
        "portal.settings.dev",
        REDIS_URL="redis://127.0.0.1:6379/3",
    )
    assert result.stdout.split() == ["django_redis.cache.RedisCache", "None", "default"]


def test_make_runs_address_is_where_links_point_and_a_host_the_server_accepts():
    # `make run HOST=192.0.2.7 PORT=8123` sets PORTAL_BASE_URL so.
    result = run_python(
        "from django.conf import settings; print(settings.WAGTAILADMIN_BASE_URL, "
        "'192.0.2.7' in settings.ALLOWED_HOSTS)",
        "portal.settings.dev",
        PORTAL_BASE_URL="http://192.0.2.7:8123",
    )
    assert result.stdout.split() == ["http://192.0.2.7:8123", "True"]


def test_styled_403_and_400_pages(rf, home):
    from home import views

    request = rf.get("/", HTTP_HOST="localhost")
    forbidden = views.permission_denied(request)
    assert forbidden.status_code == 403
    assert "You do not have permission to see this page" in forbidden.content.decode()
    bad = views.bad_request(request)
    assert bad.status_code == 400 and "problem with your request" in bad.content.decode()
