"""Demo CASO directory: the page and the agencies around the demo schools, read from
guidance/demo/caso.yaml."""

from wagtail.models import Locale

from home.models import HomePage
from portal.models import School
from shared.demo_data import load

from .models import AgencyContact, AgencyLocality, CasoDirectoryPage


def _directory_page(spec):
    english = Locale.objects.get(language_code="en")
    home = HomePage.objects.get(depth=2, locale=english)
    if home.get_children().filter(slug=spec["slug"]).exists():
        return False
    page = CasoDirectoryPage(show_in_menus=True, **spec)
    home.add_child(instance=page)
    page.save_revision().publish()
    return True


def seed_caso():
    data = load("guidance", "caso")
    new_page = _directory_page(data["page"])
    schools = dict(School.objects.values_list("urn", "pk"))
    existing = set(AgencyContact.objects.values_list("service_name", "team"))
    created = 0
    for spec in data["contacts"]:
        if (spec["service_name"], spec.get("team", "")) in existing:
            continue
        fields = {"opening_hours": data["default_opening_hours"], **spec}
        localities, urns = fields.pop("localities", []), fields.pop("urns", [])
        contact = AgencyContact(**fields)
        contact.localities = [
            AgencyLocality(name=name, sort_order=order) for order, name in enumerate(localities)
        ]
        contact.save()
        contact.schools.set([schools[urn] for urn in urns])
        created += 1
    page = "new page" if new_page else "page"
    return f"CASO {page}, {len(data['contacts'])} contacts ({created} new)"
