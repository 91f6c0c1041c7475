"""`haidang dossier verify FILE.zip`: check a case dossier's files against its SHA-256 manifest, offline.

Exit 0 when every file matches; exit 1 naming each file that does not; exit 2 on bad input."""

from __future__ import annotations

import zipfile
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from haidang.reports.dossier import verify_dossier


class Command(BaseCommand):
    help = "Verify a case dossier ZIP against its manifest (exit 1 names each file that does not match)."
    requires_system_checks = []  # offline: works on a machine with no database

    def add_arguments(self, parser):
        parser.add_argument("verb", help="verify")
        parser.add_argument("file")

    def handle(self, *args, verb, file, **options):
        if verb != "verify":
            raise CommandError(f"dossier {verb!r}: expected verify", returncode=2)
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file", returncode=2)
        try:
            problems = verify_dossier(path)
        except zipfile.BadZipFile as exc:
            raise CommandError(f"{file}: not a ZIP file ({exc})", returncode=2)
        if problems:
            for line in problems:
                self.stderr.write(f"BAD {line}")
            raise SystemExit(1)
        self.stdout.write(f"OK {file}: every file matches its manifest")
