"""Demo form pages, read from forms_app/demo/form_pages.yaml: each public journey's start
page, under the "Forms and applications" page that home/demo.py makes."""

from home.models import HomePage
from shared.demo_data import load

from .models import FormPage


def seed_form_pages():
    """Each journey's start page under /forms/; a page already there is left alone."""
    specs = load("forms_app", "form_pages")
    home = HomePage.objects.get(locale__language_code="en")
    forms_page = home.get_children().get(slug="forms")
    existing = set(forms_page.get_children().values_list("slug", flat=True))
    made = 0
    for spec in specs:
        if spec["slug"] in existing:
            continue
        page = FormPage(**spec)
        forms_page.add_child(instance=page)
        page.save_revision().publish()
        made += 1
    return f"{len(specs)} form pages ({made} new)"
