"""The `haidang` console script: Django management commands with the settings preset."""

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haidang.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["haidang", *sys.argv[1:]])


if __name__ == "__main__":
    main()
