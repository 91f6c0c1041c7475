"""Every UI string has its Vietnamese translation: the UI speaks Vietnamese first, and an untranslated
msgid shows English in the middle of a Vietnamese page (#15: "English is left in the Vietnamese UI")."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import haidang

needs_gettext = pytest.mark.skipif(not (shutil.which("xgettext") and shutil.which("msgattrib")),
                                   reason="GNU gettext tools are not installed")


def _missing(po: Path, flag: str) -> list[str]:
    out = subprocess.run(["msgattrib", flag, "--no-wrap", str(po)], capture_output=True, text=True, check=True).stdout
    return [line for line in out.splitlines() if line.startswith("msgid ") and line != 'msgid ""']


@needs_gettext
def test_makemessages_finds_no_string_without_its_vietnamese_translation(tmp_path):
    # On a copy: makemessages rewrites the catalogue it scans, and the real one must stay as committed.
    source = Path(haidang.__file__).parent
    copy = tmp_path / "haidang"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "*.joblib", "*.gz"))
    subprocess.run([sys.executable, "-c", "from haidang.cli import main; main()", "makemessages", "-l", "vi",
                    "--no-obsolete"], cwd=copy, check=True, capture_output=True)
    po = copy / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    assert _missing(po, "--untranslated") == []
    # A fuzzy entry is a new string makemessages guessed from an old one: not a translation.
    assert _missing(po, "--only-fuzzy") == []
