from django.core.management.base import BaseCommand

from portal.demo import sign_in_lines


class Command(BaseCommand):
    help = "Print the demo accounts and their password."

    def handle(self, *args, **options):
        self.stdout.write("\n".join(sign_in_lines()))
