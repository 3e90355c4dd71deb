from django.core.management.base import BaseCommand

from forms_app.tasks import expired_submissions, purge_expired_submissions


class Command(BaseCommand):
    help = "Delete submissions kept longer than their service's retention period."

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
            return
        counts = purge_expired_submissions()
        for service, count in counts.items():
            self.stdout.write(f"{service}: {count} deleted")
