from django.core.management.base import BaseCommand
from django.db import transaction

from self_assessment import summaries


class Command(BaseCommand):
    help = (
        "Work out the council's self-assessment figures of every school year again, from "
        "the assessments: once after upgrading, or after loading data some other way."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            years = sorted(summaries.years_with_figures())
            summaries.refresh_years(years)
        self.stdout.write(f"council summaries worked out for {len(years)} school year(s)")
