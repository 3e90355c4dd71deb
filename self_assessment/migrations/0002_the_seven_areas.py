"""The six strands of the DfE's Working together to improve school attendance (2024),
plus leadership and governance."""

from django.db import migrations

AREAS = [
    ("leadership-and-governance", "Leadership and governance"),
    ("expect", "Expect"),
    ("monitor", "Monitor"),
    ("listen-and-understand", "Listen and understand"),
    ("facilitate-support", "Facilitate support"),
    ("formalise-support", "Formalise support"),
    ("enforce", "Enforce"),
]


def add_areas(apps, schema_editor):
    AssessmentArea = apps.get_model("self_assessment", "AssessmentArea")
    for order, (slug, name) in enumerate(AREAS, start=1):
        AssessmentArea.objects.update_or_create(slug=slug, defaults={"name": name, "order": order})


class Migration(migrations.Migration):
    dependencies = [("self_assessment", "0001_assessment_areas")]
    operations = [migrations.RunPython(add_areas, migrations.RunPython.noop)]
