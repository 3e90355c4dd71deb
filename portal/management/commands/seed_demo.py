"""Fill the portal with demo content. Safe to run again: it changes nothing the second
time. Each app adds its own part through the "register_demo_content" hook, called in
`order`, so that this command imports no feature app."""

from django.core.management.base import BaseCommand
from django.db import transaction
from wagtail import hooks

from audit.log import acting_as


class Command(BaseCommand):
    help = "Create (or bring up to date) the demo council, schools, accounts and pages."

    def handle(self, *args, **options):
        steps = sorted(
            hooks.get_hooks("register_demo_content"), key=lambda f: getattr(f, "order", 100)
        )
        for step in steps:
            with transaction.atomic(), acting_as("demo content"):
                summary = step()
            self.stdout.write(f"{step.__module__}.{step.__name__}: {summary}")
