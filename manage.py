#!/usr/bin/env python
"""Django's command-line utility for the Innenstädte mit Zukunft platform."""
import os
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
# site/ holds the Django project and the page apps; it cannot be imported as a
# package named "site" (the standard library's site module wins), so it is a source folder.
sys.path.insert(0, str(BASE_DIR / "site"))
sys.path.insert(0, str(BASE_DIR))


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
