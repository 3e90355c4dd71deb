"""The attendance officers' view of every school's figures (issue 19) at a county's size:
600 schools x 6 half terms x 5 school years, in a scratch SQLite file (default) or a
scratch PostgreSQL database (--postgres: 127.0.0.1:5432, user postgres; dropped after).
In-process (django.test.Client), signed in as an attendance officer.

    .venv/bin/python tests/bench/attendance_officers_view.py [--postgres] [--repeat 7]

Prints, per page (the default, sorted by attendance, filtered by phase, page 12) and for
the CSV of every school: its SQL queries, the median time of --repeat requests (ms, CSV
read to its end) and the response's size.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402  (beside this file, found through the path above)

SCHOOLS, YEARS, HALVES = 600, (2021, 2022, 2023, 2024, 2025), (1, 2, 3, 4, 5, 6)
PHASES = ["primary"] * 5 + ["secondary"] * 2 + ["special", "nursery", "alternative_provision"]


class Queries:
    """Counts the SQL queries run, and the time spent in them."""

    def __init__(self):
        self.count, self.seconds = 0, 0.0

    def __call__(self, execute, sql, params, many, context):
        start = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - start
            self.count += 1


def seed():
    """The schools, their figures (some under 94%), the council's and England's figures
    and the stages flagged from them. Returns (schools, figures) written."""
    from attendance.council_figures import work_out_council_figures
    from attendance.demo import counts_for
    from attendance.models import AreaFigures, SchoolFigures
    from attendance.stage_records import flag_schools
    from portal.models import School

    rng = random.Random(19)
    School.objects.bulk_create(
        School(
            urn=f"{500000 + n}",
            name=f"Bench School {n:03}",
            phase=PHASES[n % len(PHASES)],
            locality=f"Locality {n % 24:02}",
            postcode="WY1 1AA",
        )
        for n in range(SCHOOLS)
    )
    schools = list(School.objects.filter(urn__startswith="5").order_by("pk"))
    rows = []
    for school in schools:
        base = rng.uniform(3.0, 9.0)  # overall absence %: about one school in five under 94%
        for year in YEARS:
            for half in HALVES:
                absence = max(1.0, base + rng.uniform(-1.0, 1.0))
                counts = counts_for(
                    rng.randint(80, 1400), half, absence=absence, persistent=absence * 2.5,
                    severe=absence / 4,
                )  # fmt: skip
                rows.append(
                    SchoolFigures(school=school, year=year, half=half, **counts).work_out_rates()
                )
    SchoolFigures.objects.bulk_create(rows, batch_size=2000)
    work_out_council_figures(set(YEARS))
    national = [
        AreaFigures(
            area=AreaFigures.Area.NATIONAL, phase=phase, year=year, half=half,
            **counts_for(100_000, half, absence=6.8),
        ).work_out_rates()
        for phase in ("all", "primary", "secondary", "special")
        for year in YEARS
        for half in HALVES
    ]  # fmt: skip
    AreaFigures.objects.bulk_create(national)
    flag_schools(set(YEARS))
    return len(schools), len(rows)


def measure(client, url, repeat, stream=False):
    """(queries, median SQL ms, median ms, bytes) of GET url."""
    from django.db import connection

    def get():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return b"".join(response.streaming_content) if stream else response.content

    get()  # warm: templates, translations
    times, sql, count, size = [], [], 0, 0
    for _ in range(repeat):
        queries = Queries()
        with connection.execute_wrapper(queries):
            start = time.perf_counter()
            body = get()
            times.append((time.perf_counter() - start) * 1000)
        sql.append(queries.seconds * 1000)
        count, size = queries.count, len(body)
    return count, statistics.median(sql), statistics.median(times), size


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--postgres", action="store_true", help="a scratch PostgreSQL database")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()

    with common.in_process_portal("bench-attendance", args.postgres):
        run(args)


def run(args):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from portal.factories import UserFactory
    from tests.clients import PortalClient

    start = time.perf_counter()
    call_command("migrate", verbosity=0)
    migrated = time.perf_counter() - start
    start = time.perf_counter()
    schools, figures = seed()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    print(
        f"{connection.vendor}: migrated in {migrated:.0f} s; {schools} schools, {figures} "
        f"half terms of figures seeded in {time.perf_counter() - start:.1f} s"
    )
    officer = UserFactory(
        email="officer.bench@council.example", is_staff=True, groups=["Attendance officers"]
    )
    client = PortalClient(HTTP_HOST="localhost")
    client.force_login(officer)
    view, csv = "/admin/attendance/council/", "/admin/attendance/council/schools.csv"
    pages = [
        ("default (latest half term, by name)", view, False),
        ("sorted by attendance", view + "?sort=attendance", False),
        ("filtered by phase (primary)", view + "?phase=primary", False),
        ("page 12", view + "?p=12", False),
        ("sorted by change, descending, page 6", view + "?sort=-change&p=6", False),
        ("CSV of every school", csv, True),
        ("CSV, under the threshold only", csv + "?under=1&sort=attendance", True),
    ]
    print(f"{'page':40} {'queries':>7} {'SQL ms':>7} {'median ms':>10} {'KB':>7}")
    for name, url, stream in pages:
        count, sql, ms, size = measure(client, url, args.repeat, stream)
        print(f"{name:40} {count:7} {sql:7.1f} {ms:10.1f} {size / 1024:7.1f}")
    print(f"(medians of {args.repeat} requests each, after one to warm up)")
    connection.close()


if __name__ == "__main__":
    main()
