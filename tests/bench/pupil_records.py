"""The pupil tracking and attendance officers' records at a county's size (600 schools):
the children missing education queue with 3,000 cases, the penalty notice register with
20,000 notices and the roll-change report with 10,000 notices this term, each page and
its export as the officer who reads it. In-process (django.test.Client), in a scratch
SQLite file (default), the database in DATABASE_URL (use an empty scratch one: it is
migrated and filled), or with --postgres a scratch PostgreSQL database (127.0.0.1:5432,
user postgres; dropped after).

    .venv/bin/python tests/bench/pupil_records.py [--scale 0.1] [--repeat 5] [--postgres]

The records go in with bulk_create, first at a tenth of the size, where each page's SQL
queries are counted, then topped up to the full size, where they are counted again and
timed. Prints, per page and export: its queries at full size and at a tenth ("constant"
or "GROWS"), the median time of --repeat requests after one to warm up (an export read
to its end; --exports requests each), the response's size and an export's rows.
"""

import argparse
import random
import statistics
import sys
import time
from datetime import date, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

import common  # noqa: E402  (beside this file, found through the path above)

SCHOOLS, CASES, NOTICES, ROLL_CHANGES = 600, 3_000, 20_000, 10_000
BATCH = 2_000
FIRST_NAMES = [
    "Kai", "Ruby", "Amir", "Tia", "Noah", "Maya", "Leo", "Zara", "Finley", "Amelia",
    "Callum", "Hana", "Jayden", "Poppy", "Ellis", "Sofia", "Oscar", "Isla", "Reuben", "Lily",
]  # fmt: skip
LAST_NAMES = [
    "Morgan", "Shaw", "Haddad", "Marsh", "Adeyemi", "Ionescu", "Harrington", "Iqbal", "Okafor",
    "Novak", "Reid", "Suzuki", "Price", "Kowalczyk", "Lewis", "Patel", "Evans", "Nowak",
    "Hughes", "Begum", "Walsh", "Clarke", "Osei", "Dunn", "Fraser",
]  # fmt: skip
PARENT_NAMES = ["Dana", "Nadia", "Tomasz", "Grace", "Imran", "Kerry", "Gareth", "Funmi", "Elena"]
# The register's search: a child's whole name, as an officer types it (child_key).
SEARCH = "Kai Morgan"


def sizes(scale):
    """(schools, cases, notices, roll changes) at `scale` of a county."""
    return tuple(max(1, round(size * scale)) for size in (SCHOOLS, CASES, NOTICES, ROLL_CHANGES))


def name_of(n):
    return FIRST_NAMES[n % len(FIRST_NAMES)], LAST_NAMES[n // len(FIRST_NAMES) % len(LAST_NAMES)]


def in_batches(model, rows):
    for start in range(0, len(rows), BATCH):
        model.objects.bulk_create(rows[start : start + BATCH])


# --- the records, topped up to each size -------------------------------------------------


def add_schools(first, last):
    from portal.models import School

    School.objects.bulk_create(
        School(urn=f"{500000 + n}", name=f"Bench School {n:03}", phase="primary",
               locality=f"Locality {n % 24:02}", postcode="WY1 1AA")
        for n in range(first, last)
    )  # fmt: skip
    return list(School.objects.filter(urn__startswith="5").order_by("urn"))


def add_cases(first, last, schools, trackers, today):
    """Cases in every state (a quarter closed, so out of the queue's default view), most
    assigned, next steps due from 10 days ago to 30 days ahead."""
    from django.utils import timezone

    from missing_education.models import Case

    statuses = [Case.Status.OPEN, Case.Status.ENQUIRIES, Case.Status.FOUND, Case.Status.CLOSED]
    now = timezone.now()
    rows = []
    for n in range(first, last):
        first_name, last_name = name_of(n)
        parent = PARENT_NAMES[n % len(PARENT_NAMES)]
        status = statuses[n % len(statuses)]
        closed = status == Case.Status.CLOSED
        from_notice = n % 3 != 0
        rows.append(
            Case(
                first_name=first_name,
                last_name=last_name,
                date_of_birth=date(2012 + n % 8, n % 12 + 1, n % 28 + 1),
                last_school=schools[n % len(schools)],
                last_address=f"{n % 200 + 1} Mill Lane, Wyvernton",
                parents=f"{parent} {last_name}, 07700 900{n % 1000:03}",
                source=Case.Source.ROLL_CHANGE if from_notice else Case.Source.REFERRAL,
                notice_reference=f"RC-C{n:07d}" if from_notice else None,
                left_on=today - timedelta(days=n % 90),
                reason="Left with no known destination.",
                status=status,
                assigned_to=trackers[n % len(trackers)] if n % 5 else None,
                opened_at=now - timedelta(hours=n),
                next_step="Ask the last school" if not closed else "",
                next_step_due=today + timedelta(days=n % 40 - 10) if not closed else None,
                outcome=Case.Outcome.IN_SCHOOL if closed else "",
                closed_at=now - timedelta(hours=n // 2) if closed else None,
            )  # fmt: skip
        )
    in_batches(Case, rows)


def add_notices(first, last, schools, today):
    """Notices issued over the last three years, 3 in 10 paid, 1 in 20 withdrawn. bulk_create
    skips save(): the number, the names as the register compares them and the status are
    set here."""
    from penalty_notices.models import PenaltyNotice
    from shared.penalty_notices import match_key

    rows = []
    for n in range(first, last):
        child_first, child_last = name_of(n)
        parent_first = PARENT_NAMES[n % len(PARENT_NAMES)]
        issued = today - timedelta(days=n % 1000 + 20)
        paid = issued + timedelta(days=15) if n % 10 < 3 else None
        withdrawn = issued + timedelta(days=5) if n % 20 == 19 else None
        notice = PenaltyNotice(
            number=f"PN-B{n:07d}",
            parent_first_name=parent_first, parent_last_name=child_last,
            parent_address=f"{n % 200 + 1} Mill Lane, Wyvernton",
            child_first_name=child_first, child_last_name=child_last,
            child_date_of_birth=date(2012 + n % 8, n % 12 + 1, n % 28 + 1),
            school=schools[n % len(schools)],
            offence_from=issued - timedelta(days=60), offence_to=issued - timedelta(days=10),
            issued_on=issued, amount=160, paid_on=paid, amount_paid=80 if paid else None,
            withdrawn_on=withdrawn,
            withdrawn_reason="Authorised absence evidenced after issue." if withdrawn else "",
            child_key=match_key(child_first, child_last),
            parent_key=match_key(parent_first, child_last),
        )  # fmt: skip
        notice.status = notice.status_now()
        rows.append(notice)
    in_batches(PenaltyNotice, rows)


def roll_change_answers(n, school, changed):
    """A notice's answers as the journey's steps store them (forms_app/demo_roll_changes.py):
    every fifth an addition, the rest deletions on each ground in turn."""
    from forms_app.engine import to_json
    from forms_app.journeys import roll_change
    from forms_app.rules import roll_changes as rules

    first_name, last_name = name_of(n)
    parent = PARENT_NAMES[n % len(PARENT_NAMES)]
    values = {
        "school": {"school": str(school.pk)},
        "pupil": {"first_name": first_name, "last_name": last_name,
                  "date_of_birth": date(2012 + n % 8, 1, 1), "upn": ""},
        "pupil_address": {"line_1": f"{n % 200 + 1} Weir Cottages", "line_2": "",
                          "town": "Wyvernton", "postcode": school.postcode},
        "parents": [{"first_name": parent, "last_name": last_name, "relationship": "mother",
                     "parental_responsibility": True, "phone": "01632 960 654", "email": "",
                     "address": ""}],
    }  # fmt: skip
    if n % 5 == 4:
        values["kind"] = {"kind": rules.ADDITION}
        values["addition"] = {"added_on": changed, "previous_school": "", "non_standard": True}
        return to_json(values)
    values["kind"] = {"kind": rules.DELETION}
    ground = rules.GROUNDS[n % len(rules.GROUNDS)].code
    values["deletion"] = {"ground": ground, "deleted_on": changed}
    if roll_change.asks_destination(values):
        values["destination"] = {
            "destination": ["not_known", "school", "council"][n % 3],
            "destination_name": "" if n % 3 == 0 else "Bristol City Council",
            "family_moved": "not_known",
        }
    values["safeguarding"] = {"concerns": n % 11 == 0, "details": ""}
    return to_json(values)


def report_term(today):
    """The term the report shows by default (roll_change_report.chosen_term) and the school
    days in it up to today (all of them when it has not begun)."""
    from portal.terms import council_terms, is_school_day, term_index

    terms = council_terms()
    index = term_index(today, terms)
    term = terms[len(terms) - 1 if index is None else index]
    days = [
        term.starts + timedelta(days=d)
        for d in range((term.ends - term.starts).days + 1)
        if is_school_day(term.starts + timedelta(days=d), terms)
    ]
    return term, [day for day in days if day <= today] or days


def add_roll_changes(first, last, schools, today):
    """Notices sent on the term's school days so far, each 0 to 8 school days after its
    roll change (some late), flagged as the journey flags them on the day sent."""
    from django.utils import timezone

    from forms_app.demo_roll_changes import school_days_from
    from forms_app.engine import journey_for
    from forms_app.journeys.registry import Journey, service_of
    from forms_app.models import Submission
    from portal.terms import council_terms

    definition = journey_for(Journey.ROLL_CHANGE)
    terms = council_terms()
    _term, days = report_term(today)
    rng = random.Random(first)
    rows, sent_on = [], {}
    for n in range(first, last):
        school = schools[n % len(schools)]
        sent = rng.choice(days)
        answers = roll_change_answers(n, school, school_days_from(sent, -rng.randint(0, 8), terms))
        flags = [str(flag) for flag in definition.flags_on(answers, sent)]
        reference = f"RC-B{n:07d}"
        sent_on[reference] = sent
        rows.append(
            Submission(
                journey=Journey.ROLL_CHANGE,
                service=service_of(Journey.ROLL_CHANGE),
                reference=reference,
                answers=answers,
                schema_version=definition.schema_version,
                submitter_name="Priya Shah",
                submitter_email=f"lead@{school.urn}.example",
                school=school,
                flags=flags,
                flagged=bool(flags),
            )
        )
    in_batches(Submission, rows)
    # created_at is auto_now_add, which bulk_create fills with now: one update per day sent.
    by_day = {}
    for reference, sent in sent_on.items():
        by_day.setdefault(sent, []).append(reference)
    for sent, references in by_day.items():
        received = timezone.make_aware(datetime.combine(sent, datetime.min.time()).replace(hour=11))
        for start in range(0, len(references), 500):
            Submission.objects.filter(reference__in=references[start : start + 500]).update(
                created_at=received, updated_at=received
            )


def fill(size, have, trackers, today):
    """Top every kind up from `have` to `size` (schools, cases, notices, roll changes)."""
    from django.db import connection, transaction

    from audit.log import acting_as

    with transaction.atomic(), acting_as("pupil records bench"):
        schools = add_schools(have[0], size[0])
        add_cases(have[1], size[1], schools, trackers, today)
        add_notices(have[2], size[2], schools, today)
        add_roll_changes(have[3], size[3], schools, today)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # as autovacuum would, soon after a load this size


# --- measuring ---------------------------------------------------------------------------


def get(client, url, stream):
    """The response's body, an export read to its end."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return b"".join(response.streaming_content) if stream else response.content


def count_queries(client, url, stream):
    """(queries, body) of one GET, after one to warm up (templates, permissions)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from portal.idle import LAST_SEEN

    get(client, url, stream)
    # Staff are marked seen in their session at most twice a minute (portal/idle.py): a
    # long export would make the next request pay for that write. Seen just now, it does not.
    session = client.session
    session[LAST_SEEN] = int(time.time())
    session.save()
    connection.queries_log.clear()  # a log left full (9,000) would capture nothing
    with CaptureQueriesContext(connection) as queries:
        body = get(client, url, stream)
    return len(queries), body


def timed(client, url, stream, repeat):
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        get(client, url, stream)
        runs.append((time.perf_counter() - start) * 1000)
    return statistics.median(runs)


def pages():
    """(name, officer, URL, export?) of each page measured."""
    from django.urls import reverse

    register = reverse("penalty_notices_notice:index")
    queue, report = reverse("missing_education_cases"), reverse("forms_app_roll_changes")
    return [
        ("CME queue", "tracker", queue, False),
        ("CME queue, CSV", "tracker", reverse("missing_education_csv"), True),
        ("register, default page", "officer", register, False),
        (f"register, search '{SEARCH}'", "officer", f"{register}?q={SEARCH.replace(' ', '+')}",
         False),
        ("register, CSV", "officer", f"{register}?export=csv", True),
        ("register, XLSX", "officer", f"{register}?export=xlsx", True),
        ("roll-change report", "tracker", report, False),
        ("roll-change report, CSV", "tracker", reverse("forms_app_roll_changes_csv"), True),
    ]  # fmt: skip


def csv_rows(body):
    return body.decode("utf-8-sig").count("\r\n") - 1 if body else 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="of a county's size [1.0]")
    parser.add_argument("--repeat", type=int, default=5, help="requests timed per page [5]")
    parser.add_argument("--exports", type=int, default=3, help="requests timed per export [3]")
    parser.add_argument("--postgres", action="store_true", help="a scratch PostgreSQL database")
    args = parser.parse_args()

    with common.in_process_portal("bench-pupils", args.postgres, database_url_from_env=True):
        sys.exit(run(args))


def run(args):
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import OperationalError, connection
    from django.utils import timezone

    from forms_app.models import Submission
    from missing_education.models import Case
    from penalty_notices.models import PenaltyNotice
    from portal.factories import UserFactory
    from tests.clients import PortalClient

    start = time.perf_counter()
    try:
        call_command("migrate", verbosity=0)
    except OperationalError as exc:
        print(f"The database is not reachable: {exc}")
        return 2
    migrated = time.perf_counter() - start
    if Case.objects.exists() or PenaltyNotice.objects.exists() or Submission.objects.exists():
        print("The database holds records already: give an empty scratch database.")
        return 2
    trackers = [
        UserFactory(email=f"tracker{n}.bench@council.example", is_staff=True,
                    groups=["Pupil tracking officers"])
        for n in range(3)
    ]  # fmt: skip
    officer = UserFactory(
        email="officer.bench@council.example", is_staff=True, groups=["Attendance officers"]
    )
    clients = {}
    for who, user in (("tracker", trackers[0]), ("officer", officer)):
        clients[who] = PortalClient(HTTP_HOST="localhost")
        clients[who].force_login(user)
    today = timezone.localdate()
    term, _days = report_term(today)
    print(f"{connection.vendor}: migrated in {migrated:.0f} s; the report's term: {term.name}")

    small, full = sizes(args.scale / 10), sizes(args.scale)
    measured = pages()
    counts = {}
    have = (0, 0, 0, 0)
    for label, size in (("a tenth", small), ("full size", full)):
        start = time.perf_counter()
        fill(size, have, trackers, today)
        have = size
        print(
            f"{label}: {size[0]:,} schools, {size[1]:,} cases, {size[2]:,} penalty notices, "
            f"{size[3]:,} roll-change notices, seeded in {time.perf_counter() - start:.1f} s",
            flush=True,
        )
        counts[label] = {
            name: count_queries(clients[who], url, stream) for name, who, url, stream in measured
        }
    print()
    print(
        f"{'page':34} {'queries':>7} {'at 1/10':>7} {'':8} {'median ms':>10} {'KB':>7} {'rows':>7}"
    )
    grows = False
    for name, who, url, stream in measured:
        queries, body = counts["full size"][name]
        tenth = counts["a tenth"][name][0]
        grows = grows or queries != tenth
        ms = timed(clients[who], url, stream, args.exports if stream else args.repeat)
        rows = str(csv_rows(body)) if url.endswith("csv") else ""
        print(
            f"{name:34} {queries:7} {tenth:7} {'constant' if queries == tenth else 'GROWS':8}"
            f" {ms:10.1f} {len(body) / 1024:7.0f} {rows:>7}",
            flush=True,
        )
    print(
        f"(medians of {args.repeat} requests per page and {args.exports} per export, after one"
        " to warm up; rows: an export's, its heading left out)"
    )
    if grows:
        print("Some query counts GROW with the records.")
    connection.close()
    return 0


if __name__ == "__main__":
    main()
