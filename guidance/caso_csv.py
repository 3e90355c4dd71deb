"""CASO contacts to and from CSV files.

The export writes one row per contact; the import reads the same columns back. An import
is all or nothing: every row is checked first, and one bad row means nothing is saved
and the editor gets a row-by-row report to fix the file with."""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction
from django.db.models import Prefetch
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from portal.models import School
from shared.spreadsheets import from_spreadsheet

from .models import AgencyContact, AgencyLocality

COLUMNS = [
    "category",
    "service_name",
    "team",
    "helps_with",
    "phone",
    "email",
    "website",
    "opening_hours",
    "how_to_refer",
    "languages",
    "countywide",
    "localities",
    "school_urns",
]
REQUIRED_COLUMNS = ["category", "service_name", "helps_with"]
TEXT_FIELDS = [
    "service_name",
    "team",
    "helps_with",
    "phone",
    "email",
    "website",
    "opening_hours",
    "how_to_refer",
    "languages",
]
LIST_SEPARATOR = ";"
MAX_UPLOAD_BYTES = 2 * 1024 * 1024
YES = {"yes", "y", "true", "1"}
NO = {"no", "n", "false", "0", ""}


class ImportRefused(Exception):
    """The file as a whole cannot be read: too big, not UTF-8, not CSV, wrong columns."""


@dataclass
class Problem:
    row: int
    column: str
    message: str


def contact_rows():
    """Every contact as a row under COLUMNS, read 500 at a time (two queries for each
    500's localities and schools), for a download that streams."""
    contacts = AgencyContact.objects.prefetch_related(
        "localities", Prefetch("schools", queryset=School.objects.only("urn"))
    ).order_by("category", "service_name", "team", "pk")
    for contact in contacts.iterator(chunk_size=500):
        row = {field: getattr(contact, field) for field in TEXT_FIELDS}
        row["category"] = contact.category
        row["countywide"] = "yes" if contact.countywide else "no"
        row["localities"] = f"{LIST_SEPARATOR} ".join(
            locality.name for locality in contact.localities.all()
        )
        row["school_urns"] = f"{LIST_SEPARATOR} ".join(
            sorted(school.urn for school in contact.schools.all())
        )
        yield [row[column] for column in COLUMNS]


def read_upload(upload):
    """The rows of an uploaded CSV file, each a dict keyed by column, with its row number
    as a spreadsheet shows it (the header is row 1)."""
    if upload.size > MAX_UPLOAD_BYTES:
        raise ImportRefused(_("The file must be smaller than 2 MB."))
    try:
        # utf-8-sig: Excel's "CSV UTF-8" starts with a byte order mark.
        text = upload.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ImportRefused(
            _(
                "The file is not UTF-8 text. In your spreadsheet program, save it as "
                "“CSV UTF-8” and upload it again."
            )
        ) from error
    try:
        records = list(csv.reader(io.StringIO(text, newline="")))
    except csv.Error as error:
        message = _("The file could not be read as CSV: %(error)s") % {"error": error}
        raise ImportRefused(message) from error
    if not records:
        raise ImportRefused(_("The file is empty."))
    header = [name.strip().lower() for name in records[0]]
    missing = [column for column in REQUIRED_COLUMNS if column not in header]
    unknown = [name for name in header if name not in COLUMNS]
    if missing or unknown:
        raise ImportRefused(
            _(
                "The first row must name the columns. Missing: %(missing)s. Not recognised: "
                "%(unknown)s. The columns are: %(columns)s."
            )
            % {
                "missing": ", ".join(missing) or _("none"),
                "unknown": ", ".join(unknown) or _("none"),
                "columns": ", ".join(COLUMNS),
            }
        )
    rows = []
    for number, cells in enumerate(records[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # blank lines spreadsheets leave at the end
        row = dict(zip(header, (from_spreadsheet(cell.strip()) for cell in cells), strict=False))
        row["_extra"] = len(cells) > len(header)
        rows.append((number, row))
    if not rows:
        raise ImportRefused(_("The file has no rows of contacts below its header."))
    return rows


def _split(value):
    return [part.strip() for part in value.split(LIST_SEPARATOR) if part.strip()]


def _category_lookup():
    """Categories by value and by label, so either may be typed."""
    lookup = {}
    for value, label in AgencyContact.Category.choices:
        lookup[value.lower()] = value
        lookup[str(label).lower()] = value
    return lookup


def check_rows(rows):
    """(contacts ready to save, problems). Contacts are plain dicts; problems list every
    fault in every row, so the editor can fix the whole file at once."""
    known = {
        "categories": _category_lookup(),
        "urns": dict(School.objects.values_list("urn", "pk")),
        "localities": set(School.objects.values_list("locality", flat=True)),
    }
    first_row_of = {}
    ready, problems = [], []
    for number, row in rows:
        contact, found = _check_row(row, known)
        key = (contact["service_name"], contact["team"])
        if contact["service_name"] and key in first_row_of:
            found.append(
                (
                    "service_name",
                    _("The same service and team are already on row %(row)d.")
                    % {"row": first_row_of[key]},
                )
            )
        first_row_of.setdefault(key, number)
        problems.extend(Problem(number, column, message) for column, message in found)
        ready.append(contact)
    return ready, problems


def _check_row(row, known):
    """One row as a contact's data, and its faults as (column, message) pairs."""
    found = []
    if row["_extra"]:
        found.append(("", _("The row has more cells than the header has columns.")))
    contact = {field: row.get(field, "") for field in TEXT_FIELDS}
    for field in TEXT_FIELDS:
        limit = AgencyContact._meta.get_field(field).max_length
        if limit and len(contact[field]) > limit:
            found.append((field, _("Longer than %(limit)d characters.") % {"limit": limit}))

    category = row.get("category", "")
    contact["category"] = known["categories"].get(category.lower())
    if not category:
        found.append(("category", _("Enter a category.")))
    elif contact["category"] is None:
        found.append(("category", _("Unknown category “%(value)s”.") % {"value": category}))
    if not contact["service_name"]:
        found.append(("service_name", _("Enter the service name.")))
    if not contact["helps_with"]:
        found.append(("helps_with", _("Say what the service helps with.")))
    if contact["email"]:
        try:
            validate_email(contact["email"])
        except ValidationError:
            found.append(
                ("email", _("“%(value)s” is not an email address.") % {"value": contact["email"]})
            )
    if contact["website"]:
        try:
            URLValidator(schemes=["http", "https"])(contact["website"])
        except ValidationError:
            found.append(
                (
                    "website",
                    _("“%(value)s” is not a web address starting http:// or https://.")
                    % {"value": contact["website"]},
                )
            )

    countywide = row.get("countywide", "")
    if countywide.lower() not in YES | NO:
        found.append(("countywide", _("Enter yes or no, not “%(value)s”.") % {"value": countywide}))
    contact["countywide"] = countywide.lower() in YES

    contact["localities"] = list(dict.fromkeys(_split(row.get("localities", ""))))
    for name in contact["localities"]:
        if name not in known["localities"]:
            found.append(
                (
                    "localities",
                    _("No school is in a locality called “%(value)s”.") % {"value": name},
                )
            )
    contact["school_ids"] = []
    for urn in _split(row.get("school_urns", "")):
        urn = "".join(urn.split())
        if urn in known["urns"]:
            contact["school_ids"].append(known["urns"][urn])
        else:
            found.append(("school_urns", _("No school has the URN “%(value)s”.") % {"value": urn}))
    return contact, found


@transaction.atomic
def save_contacts(contacts, user):
    """Create or update every contact, matched on service name and team. Returns
    (created, updated)."""
    stored = AgencyContact.objects.prefetch_related("localities")
    existing = {(c.service_name, c.team): c for c in stored}
    created = updated = 0
    for data in contacts:
        contact = existing.get((data["service_name"], data["team"]))
        is_new = contact is None
        if is_new:
            contact = AgencyContact()
        for field in [*TEXT_FIELDS, "category", "countywide"]:
            setattr(contact, field, data[field])
        # Keep the locality rows that stay, so unchanged ones are not deleted and re-added.
        current = {} if is_new else {row.name: row for row in contact.localities.all()}
        localities = [current.get(name) or AgencyLocality(name=name) for name in data["localities"]]
        for order, locality in enumerate(localities):
            locality.sort_order = order
        contact.localities = localities
        contact.save()
        contact.schools.set(data["school_ids"])
        log(contact, "wagtail.create" if is_new else "wagtail.edit", user=user)
        created += is_new
        updated += not is_new
    return created, updated
