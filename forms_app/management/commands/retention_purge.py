from django.core.management.base import BaseCommand

from forms_app.tasks import expired_submissions, purge_expired_submissions
from returns.tasks import purge_expired_pupils
from self_assessment.tasks import purge_expired_assessments
from training.tasks import purge_expired_bookings

# The other records' purges (PORTAL_RECORD_RETENTION_DAYS): (what, purge, what it does).
RECORD_PURGES = [
    ("returns", purge_expired_pupils, "pupil(s) on reduced-timetable returns", "deleted"),
    ("assessments", purge_expired_assessments, "self-assessment(s)", "deleted"),
    ("bookings", purge_expired_bookings, "training booking(s)", "anonymised"),
]


class Command(BaseCommand):
    help = (
        "Delete submissions, reduced-timetable pupils and self-assessments, and anonymise "
        "training bookings, kept longer than their retention period."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would go; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            for service, (older_than, expired) in expired_submissions().items():
                self.stdout.write(
                    f"{service}: {expired.count()} submission(s) last updated before "
                    f"{older_than:%Y-%m-%d} would be deleted"
                )
                for reference, updated_at in expired.values_list("reference", "updated_at")[:50]:
                    self.stdout.write(f"  {reference} (last updated {updated_at:%Y-%m-%d})")
        else:
            counts = purge_expired_submissions()
            for service, count in counts.items():
                self.stdout.write(f"{service}: {count} deleted")
        for name, purge, what, done in RECORD_PURGES:
            count = purge(dry_run=dry_run)
            if dry_run:
                self.stdout.write(f"{name}: {count} {what} would be {done}")
            else:
                self.stdout.write(f"{name}: {count} {what} {done}")
