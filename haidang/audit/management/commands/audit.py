from django.core.management.base import BaseCommand, CommandError

from haidang.audit.queries import verify_chain


class Command(BaseCommand):
    help = "Audit log tools. `audit verify` recomputes the hash chain."

    def add_arguments(self, parser):
        parser.add_argument("verb", choices=["verify"])

    def handle(self, *args, **options):
        result = verify_chain()
        if result.ok:
            self.stdout.write(f"ok {result.count} entries")
            return
        raise CommandError(f"audit entry #{result.bad_entry_id} is bad: {result.reason}")
