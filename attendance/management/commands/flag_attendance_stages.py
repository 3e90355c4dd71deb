"""Flag for a stage 1 audit the schools under the threshold, as an import does, for one
school year or (by default) the latest year with figures."""

from django.core.management.base import BaseCommand, CommandError

from attendance.models import SchoolFigures
from attendance.periods import parse_year, year_label
from attendance.stage_records import flag_schools


class Command(BaseCommand):
    help = "Flag for a stage 1 audit the schools whose attendance is under the threshold."

    def add_arguments(self, parser):
        parser.add_argument("--year", help="The school year, as 2025/26 or 2025 (default: latest)")

    def handle(self, *args, year=None, **options):
        if year:
            chosen = parse_year(year)
            if chosen is None:
                raise CommandError(f"Not a school year: {year!r} (write it as 2025/26).")
        else:
            chosen = SchoolFigures.objects.order_by("-year").values_list("year", flat=True).first()
            if chosen is None:
                self.stdout.write("No attendance figures yet: nothing to flag.")
                return
        flagged = flag_schools({chosen})
        self.stdout.write(
            f"{year_label(chosen)}: {len(flagged)} schools flagged for a stage 1 audit."
        )
