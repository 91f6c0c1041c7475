from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = "Evidence snapshots: `haidang snapshot verify` recomputes every stored digest."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="verb", required=True)
        sub.add_parser("verify", help="recompute the SHA-256 of every snapshot file and body")

    def handle(self, *args, verb, **options):
        from haidang.content.actions import verify_snapshots

        checked, problems = verify_snapshots()
        for pk, problem in problems:
            self.stderr.write(f"snapshot {pk}: {problem}")
        if problems:
            raise CommandError(f"{len(problems)} of {checked} snapshots failed verification")
        self.stdout.write(f"{checked} snapshots verified, all digests match")
