"""The strategy's action plan: the rows a visitor asked for (by priority and by status)
and the same rows as a CSV download."""

from django.utils.http import urlencode
from django.utils.translation import gettext as _

from shared import spreadsheets

from .blocks import ACTION_STATUSES

STATUS_LABELS = dict(ACTION_STATUSES)
# GOV.UK tag colours: a plain tag is blue.
STATUS_TAG_CLASSES = {
    "not_started": "govuk-tag--grey",
    "on_track": "",
    "at_risk": "govuk-tag--red",
    "done": "govuk-tag--green",
}


def chosen_filters(query, priority_count):
    """The filters in a query string, keeping only values that mean something here: a
    priority number this strategy has and a known status. Anything else is ignored."""
    try:
        priority = int(query.get("priority", ""))
    except ValueError:
        priority = None
    if priority is not None and not 1 <= priority <= priority_count:
        priority = None
    status = query.get("status", "")
    return {"priority": priority, "status": status if status in STATUS_LABELS else None}


def filters_query(filters):
    """The filters as a query string ("" when there are none), for links that keep them."""
    chosen = {name: value for name, value in filters.items() if value is not None}
    return f"?{urlencode(chosen)}" if chosen else ""


def action_rows(page, filters):
    titles = {number: block.value["title"] for number, block in enumerate(page.priorities, 1)}
    rows = []
    for block in page.action_plan:
        action = block.value
        if filters["priority"] not in (None, action["priority"]):
            continue
        if filters["status"] not in (None, action["status"]):
            continue
        rows.append(
            {
                "action": action["action"],
                "priority": action["priority"],
                "priority_title": titles.get(action["priority"], ""),
                "owner": action["owner"],
                "due": action["due"],
                "status": action["status"],
                "status_label": STATUS_LABELS.get(action["status"], action["status"]),
                "tag_class": STATUS_TAG_CLASSES.get(action["status"], ""),
                "progress": action["progress"],
            }
        )
    return rows


def csv_response(rows, filename):
    response = spreadsheets.csv_response(filename)
    writer = spreadsheets.writer(response)
    writer.writerow(
        [
            _("Action"),
            _("Priority number"),
            _("Priority"),
            _("Owner"),
            _("Due"),
            _("Status"),
            _("Progress"),
        ]
    )
    for row in rows:
        writer.writerow(
            row[key]
            for key in (
                "action",
                "priority",
                "priority_title",
                "owner",
                "due",
                "status_label",
                "progress",
            )
        )
    return response
