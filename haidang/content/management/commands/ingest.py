import json
import sys

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from haidang.sources import parsers


class Command(BaseCommand):
    help = ("Import a feed, page, JSON, JSONL or CSV file (or an http(s) URL) into a source. "
            "Prints one JSON object with the counts; exits 2 when the input cannot be read.")

    def add_arguments(self, parser):
        parser.add_argument("target", metavar="PATH_OR_URL")
        parser.add_argument("--source", help="source name (created, owned by the lead agency, if missing)")
        parser.add_argument("--format", default="auto", choices=parsers.FORMATS)
        parser.add_argument("--json", action="store_true", help="print only the JSON result (the default output too)")

    def handle(self, *args, target, source, format, **options):
        from pathlib import Path

        from haidang.content.actions import check_file, do_import
        from haidang.sources.actions import resolve_source

        bar = None
        progress = None
        # A progress bar only for a person at a terminal; scripts and CI read clean JSON.
        if sys.stderr.isatty() and not options["json"]:
            from tqdm import tqdm

            bar = tqdm(unit=" records", file=sys.stderr, mininterval=0.5)

            def progress(done, total):
                if total and bar.total != total:
                    bar.total = total
                bar.update(done - bar.n)
        try:
            if not target.startswith(("http://", "https://")):
                check_file(Path(target))
            src = resolve_source(source, target=target)
            stats = do_import(target, source=src, fmt=format, progress=progress)
        except parsers.Unreadable as exc:
            # CommandError prints one line without a traceback; returncode 2 is the contract.
            raise CommandError(f"cannot read {target}: {exc}", returncode=2)
        except ValidationError as exc:
            # e.g. http://2130706433:8000/ or http://127.1/: not a URL a source may have.
            reason = " ".join(" ".join(exc.messages).split())
            raise CommandError(f"cannot read {target}: not a valid URL ({reason})", returncode=2)
        finally:
            if bar is not None:
                bar.close()
        self.stdout.write(json.dumps(stats.as_dict(), ensure_ascii=False))
