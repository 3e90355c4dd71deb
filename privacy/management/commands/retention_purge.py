from django.core.management.base import BaseCommand
from wagtail import hooks

from shared.retention import HOOK_NAME


class Command(BaseCommand):
    help = (
        "Delete or anonymise the records kept longer than their retention period, in every "
        "service that registers a purge (the register_retention_purge hook)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Show what would go; delete nothing."
        )

    def handle(self, *args, dry_run=False, **options):
        for purge in hooks.get_hooks(HOOK_NAME):
            for line in purge(dry_run=dry_run):
                self.stdout.write(line)
