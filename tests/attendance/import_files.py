"""CSV files of attendance figures for the import's tests: the council's export and the
DfE's published layout, built from a few rates."""

import csv
import io

from attendance.demo import counts_for
from attendance.models import COUNTS

COUNCIL_HEADER = ["urn", "school_year", "half_term", *COUNTS]
AREA_HEADER = ["area", "phase", "school_year", "half_term", *COUNTS]
DFE_HEADER = [
    "time_period",
    "time_identifier",
    "geographic_level",
    "new_la_code",
    "school_urn",
    "education_phase",
    "enrolments",
    "sess_possible",
    "sess_auth_illness",
    "sess_auth_appointments",
    "sess_auth_holiday",
    "sess_auth_religious",
    "sess_auth_other",
    "sess_auth_totalreasons",
    "sess_unauth_holiday",
    "sess_unauth_late",
    "sess_unauth_other",
    "sess_unauth_noyet",
    "enrolments_pa_10_exact",
    "enrolments_pa_50_exact",
]


def as_csv(header, rows, bom=False):
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return (("\ufeff" if bom else "") + out.getvalue()).encode("utf-8")


def council_row(urn, year="2025/26", half=2, **changes):
    counts = counts_for(300, int(half) if str(half).isdigit() else 2)
    counts.update(changes)
    return [urn, year, half, *(counts[name] for name in COUNTS)]


def council_file(rows, bom=False):
    return as_csv(COUNCIL_HEADER, rows, bom)


def area_row(area, phase, year="2025/26", half=2):
    counts = counts_for(100_000, half, absence=6.8)
    return [area, phase, year, half, *(counts[name] for name in COUNTS)]


def dfe_row(
    level, identifier="Autumn term", period="202526", urn="", phase="Total", la="E10000031"
):
    c = counts_for(300, 2)
    return [
        period, identifier, level, la, urn, phase, c["pupils_on_roll"], c["possible_sessions"],
        c["authorised_illness"], c["authorised_medical"], c["authorised_holiday"], 3,
        c["authorised_other"] - 3, 999999, c["unauthorised_holiday"], c["unauthorised_late"],
        c["unauthorised_other"] - 2, 2, c["persistent_absentees"], c["severe_absentees"],
    ]  # fmt: skip
