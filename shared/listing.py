"""What list pages share: the filter values a visitor chose, and the GOV.UK pagination
component's items for a page of results."""

from django.utils.http import urlencode


def chosen_values(values, allowed):
    """The values a visitor chose that exist, each once; unknown ones are ignored."""
    return [value for value in dict.fromkeys(values) if value in allowed]


def pagination(page_obj, query):
    """The GOV.UK pagination component's items: the first and last pages, the current
    page and its neighbours, and an ellipsis for each gap."""

    def href(number):
        return "?" + urlencode({**query, "page": number}, doseq=True)

    last = page_obj.paginator.num_pages
    current = page_obj.number
    shown = sorted({1, last, current - 1, current, current + 1} & set(range(1, last + 1)))
    items = []
    for number in shown:
        if items and number - items[-1]["number"] > 1:
            items.append({"ellipsis": True, "number": number - 1})
        items.append({"number": number, "href": href(number), "current": number == current})
    return {
        "items": items if last > 1 else [],
        "previous": href(current - 1) if page_obj.has_previous() else None,
        "next": href(current + 1) if page_obj.has_next() else None,
    }
