import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from haidang.audit.queries import verify_chain


class Command(BaseCommand):
    help = ("Audit log tools. `audit verify` recomputes the hash chain (with `--checkpoint FILE`, also checks "
            "that the entries up to that signed checkpoint are all there, unchanged); `audit checkpoint` writes "
            "a signed checkpoint of the chain's head.")

    def add_arguments(self, parser):
        parser.add_argument("verb", choices=["verify", "checkpoint"])
        parser.add_argument("--checkpoint", metavar="FILE", help="verify: a checkpoint file to check against")
        parser.add_argument("--output", metavar="FILE", help="checkpoint: where to write it (default: "
                            "HAIDANG_AUDIT_CHECKPOINT_DIR)")

    def handle(self, *args, **options):
        from haidang.audit import checkpoints

        if options["verb"] == "checkpoint":
            path = checkpoints.write_checkpoint(options["output"])
            self.stdout.write(f"checkpoint written {path}")
            return
        if options["checkpoint"]:
            try:
                data = json.loads(Path(options["checkpoint"]).read_text())
            except (OSError, ValueError) as exc:
                raise CommandError(f"cannot read the checkpoint {options['checkpoint']}: {exc}")
            result = checkpoints.verify_checkpoint(data)
            if not result.ok:
                where = f"audit entry #{result.bad_entry_id}: " if result.bad_entry_id else ""
                raise CommandError(f"checkpoint check failed: {where}{result.reason}")
            self.stdout.write(f"ok {result.count} entries; checkpoint ok ({data['count']} entries up to "
                              f"#{data['last_id']})")
            return
        result = verify_chain()
        if result.ok:
            self.stdout.write(f"ok {result.count} entries")
            return
        raise CommandError(f"audit entry #{result.bad_entry_id} is bad: {result.reason}")
